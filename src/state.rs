//! Interactive state shared by the window, the export and the tests: layers, view, selection.

use serde::{Deserialize, Serialize};
use walkers::{MapMemory, Position, lon_lat};

/// The map layers a user can toggle, in draw order (bottom first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerId {
    Basemap,
    Provinces,
    Districts,
    Towns,
    ReportPlaces,
    TrainingCamps,
    GroupPresence,
    GroupNetwork,
    /// Incidents per province / district, classed (attack density).
    Choropleth,
    /// Kernel density of incidents (attack density).
    Heatmap,
    /// Incidents as points, clustered at far zooms (attack density).
    Incidents,
}

impl LayerId {
    pub const ALL: [LayerId; 11] = [
        LayerId::Basemap,
        LayerId::Choropleth,
        LayerId::Provinces,
        LayerId::Districts,
        LayerId::Heatmap,
        LayerId::Incidents,
        LayerId::Towns,
        LayerId::ReportPlaces,
        LayerId::GroupPresence,
        LayerId::TrainingCamps,
        LayerId::GroupNetwork,
    ];

    /// Label shown in the layer panel (and used by UI tests to find the toggle).
    pub fn label(self) -> &'static str {
        match self {
            LayerId::Basemap => "Basemap",
            LayerId::Provinces => "Provinces",
            LayerId::Districts => "Districts",
            LayerId::Towns => "Towns",
            LayerId::ReportPlaces => "Report places",
            LayerId::TrainingCamps => "Training camps",
            LayerId::GroupPresence => "Group presence",
            LayerId::GroupNetwork => "Group network",
            LayerId::Choropleth => "Choropleth",
            LayerId::Heatmap => "Heatmap",
            LayerId::Incidents => "Incidents",
        }
    }

    /// Data sources to credit when the layer is visible.
    pub fn attribution(self) -> &'static [&'static str] {
        match self {
            LayerId::Basemap => &["Made with Natural Earth"],
            LayerId::Provinces | LayerId::Districts => &["Boundaries: geoBoundaries (CC BY 4.0)"],
            LayerId::Towns => &["Place names: GeoNames (CC BY 4.0)"],
            LayerId::ReportPlaces
            | LayerId::TrainingCamps
            | LayerId::GroupPresence
            | LayerId::GroupNetwork => &["Report: source-report.txt (see data/report)"],
            // The incident source depends on the loaded dataset: the density layers paint it.
            LayerId::Choropleth | LayerId::Heatmap | LayerId::Incidents => &[],
        }
    }
}

/// Visibility and opacity of one layer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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

/// All layers' styles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerSettings {
    pub styles: Vec<(LayerId, LayerStyle)>,
    /// Group presence sub-layers switched off (group IDs).
    #[serde(default)]
    pub hidden_groups: std::collections::BTreeSet<String>,
}

impl Default for LayerSettings {
    fn default() -> Self {
        let mut styles: Vec<_> = LayerId::ALL
            .iter()
            .map(|id| (*id, LayerStyle::default()))
            .collect();
        // The network is busy: off until asked for.
        if let Some((_, s)) = styles
            .iter_mut()
            .find(|(id, _)| *id == LayerId::GroupNetwork)
        {
            s.visible = false;
        }
        // Attack density: the heatmap on; points / clusters and the choropleth (the same data
        // by area) on request.
        for (id, s) in styles.iter_mut() {
            match id {
                LayerId::Choropleth | LayerId::Incidents => s.visible = false,
                LayerId::Heatmap => s.opacity = 0.85,
                _ => {}
            }
        }
        Self {
            styles,
            hidden_groups: Default::default(),
        }
    }
}

impl LayerSettings {
    pub fn get(&self, id: LayerId) -> LayerStyle {
        self.styles
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }

    pub fn get_mut(&mut self, id: LayerId) -> &mut LayerStyle {
        if let Some(i) = self.styles.iter().position(|(i, _)| *i == id) {
            return &mut self.styles[i].1;
        }
        self.styles.push((id, LayerStyle::default()));
        let last = self.styles.len() - 1;
        &mut self.styles[last].1
    }

    /// Visible with non-zero opacity.
    pub fn shown(&self, id: LayerId) -> bool {
        let s = self.get(id);
        s.visible && s.opacity > 0.0
    }
}

/// Start view: Afghanistan and Pakistan fill a 1600×1000 window.
pub const START_CENTER: (f64, f64) = (67.8, 31.2);
pub const START_ZOOM: f64 = 6.0;

/// What the user is looking at and pointing at.
pub struct ViewState {
    pub memory: MapMemory,
    pub dark: bool,
    /// Unit or town ID under the pointer.
    pub hovered: Option<String>,
    /// Unit or town ID the user clicked.
    pub selected: Option<String>,
    /// Index of the network edge the user clicked.
    pub selected_edge: Option<usize>,
    /// Entry IDs highlighted (places found in a report being read).
    pub highlights: Vec<String>,
    /// Camps the user imported with coordinates (drawn as points by the camps layer).
    pub imported_camps: Vec<atlas_core::report::CampPoint>,
    /// Pointer position on the map (lon, lat).
    pub cursor: Option<(f64, f64)>,
}

impl Default for ViewState {
    fn default() -> Self {
        let mut memory = MapMemory::default();
        memory.center_at(start_position());
        let _ = memory.set_zoom(START_ZOOM);
        Self {
            memory,
            dark: false,
            hovered: None,
            selected: None,
            selected_edge: None,
            highlights: Vec::new(),
            imported_camps: Vec::new(),
            cursor: None,
        }
    }
}

pub fn start_position() -> Position {
    lon_lat(START_CENTER.0, START_CENTER.1)
}
