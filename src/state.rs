//! Window-side state shared by the map, the export and the tests: the effective layer list
//! being drawn, a layer's paint style, and the view (where the map looks, hover, selection).
//! None of it is saved: the project holds what is.

use std::collections::BTreeSet;

use atlas_core::project::{LayerDef, LayerKind};
use walkers::{MapMemory, Position, lon_lat};

/// What a painter needs of a layer's style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerStyle {
    pub visible: bool,
    pub opacity: f32,
}

impl Default for LayerStyle {
    fn default() -> Self {
        Self {
            visible: true,
            opacity: 1.0,
        }
    }
}

impl From<&atlas_core::project::LayerStyle> for LayerStyle {
    fn from(s: &atlas_core::project::LayerStyle) -> Self {
        Self {
            visible: s.visible,
            opacity: s.opacity,
        }
    }
}

/// The layers being drawn (a project's list, with a saved view's visibility applied), bottom
/// first, with questions by kind for the reference layers that exist once.
#[derive(Debug, Clone, Copy)]
pub struct LayerSet<'a>(pub &'a [LayerDef]);

static NO_GROUPS: BTreeSet<String> = BTreeSet::new();

impl<'a> LayerSet<'a> {
    pub fn iter(&self) -> impl Iterator<Item = &'a LayerDef> + 'a {
        self.0.iter()
    }

    /// Layers shown (visible, opacity above 0), bottom first.
    pub fn shown_layers(&self) -> impl Iterator<Item = &'a LayerDef> + 'a {
        self.0.iter().filter(|l| l.style.shown())
    }

    /// Some layer of `kind` is shown.
    pub fn shown(&self, kind: LayerKind) -> bool {
        self.0.iter().any(|l| l.kind == kind && l.style.shown())
    }

    /// The style of the first layer of `kind` (hidden when there is none).
    pub fn get(&self, kind: LayerKind) -> LayerStyle {
        self.0
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| LayerStyle::from(&l.style))
            .unwrap_or(LayerStyle {
                visible: false,
                opacity: 0.0,
            })
    }

    /// Groups switched off in the group-presence layer.
    pub fn hidden_groups(&self) -> &'a BTreeSet<String> {
        self.0
            .iter()
            .find(|l| l.kind == LayerKind::GroupPresence)
            .map_or(&NO_GROUPS, |l| &l.style.hidden_groups)
    }

    /// Some incident layer is shown.
    pub fn any_density(&self) -> bool {
        LayerKind::DENSITY.iter().any(|k| self.shown(*k))
    }
}

/// Start view: Afghanistan and Pakistan fill a 1600×1000 window.
pub const START_CENTER: (f64, f64) = (67.8, 31.2);
pub const START_ZOOM: f64 = 6.0;

/// What the user is looking at and pointing at.
pub struct ViewState {
    pub memory: MapMemory,
    /// Unit or town ID under the pointer.
    pub hovered: Option<String>,
    /// Unit or town ID the user clicked.
    pub selected: Option<String>,
    /// Index of the network edge the user clicked.
    pub selected_edge: Option<usize>,
    /// Pointer position on the map (lon, lat).
    pub cursor: Option<(f64, f64)>,
    /// Id of the annotation the user clicked.
    pub selected_annotation: Option<u32>,
    /// The map does not pan this frame (an annotation is being dragged).
    pub pan_locked: bool,
    /// The labels the last frame placed (screen points), for tests and tools.
    pub placed_labels: Vec<atlas_core::labels::PlacedLabel>,
    /// What the last frame drew over the map that labels keep clear of (scale bar, credits,
    /// north arrow, network diagram, density legend), screen points.
    pub furniture: Vec<egui::Rect>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self::at([START_CENTER.0, START_CENTER.1], START_ZOOM)
    }
}

impl ViewState {
    /// Looking at `center` (lon, lat) at `zoom`.
    pub fn at(center: [f64; 2], zoom: f64) -> Self {
        let mut memory = MapMemory::default();
        memory.center_at(lon_lat(center[0], center[1]));
        let _ = memory.set_zoom(zoom);
        Self {
            memory,
            hovered: None,
            selected: None,
            selected_edge: None,
            cursor: None,
            selected_annotation: None,
            pan_locked: false,
            placed_labels: Vec::new(),
            furniture: Vec::new(),
        }
    }

    /// The map's centre (lon, lat).
    pub fn center(&self) -> [f64; 2] {
        let p = self.memory.detached().unwrap_or_else(start_position);
        [p.x(), p.y()]
    }
}

pub fn start_position() -> Position {
    lon_lat(START_CENTER.0, START_CENTER.1)
}
