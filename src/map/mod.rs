//! The map: walkers widget with the offline basemap and one plugin per overlay layer.
//!
//! [`show_map`] is the single renderer: the window, the export and the snapshot tests all
//! draw a project's layers through it, in the project's order.

mod admin_layer;
pub mod annotation_hit;
pub mod annotations_layer;
mod attribution;
pub mod basemap_tiles;
pub mod border_band_layer;
pub mod camps_layer;
pub mod choropleth_layer;
mod country_layer;
pub mod hatch;
mod heat_textures;
pub mod heatmap_layer;
mod highlight_layer;
pub mod incidents_layer;
mod interaction;
mod label_place;
mod labels;
mod layer_plugins;
pub mod marks;
pub mod network_diagram;
pub mod network_layer;
pub mod palette;
mod presence_layer;
mod report_layer;
pub mod scale_bar;
pub mod style;
pub mod tiles;
pub mod tools_overlay;
mod towns_layer;
pub mod transform;
pub mod wheel_zoom;
mod window_furniture;

pub use attribution::attribution_lines;
pub use basemap_tiles::{BasemapLayer, BasemapTiles};
pub use heat_textures::HeatTextures;
pub use label_place::{DeferredLabels, LabelsWanted, PendingLabels};
pub use labels::{Label, LabelSink};

use atlas_core::project::{LayerDef, LayerKind, Project};
use walkers::Map;

use crate::density::{Analysis, Dataset, Levels};
use crate::scene::AtlasData;
use crate::session::Scene;
use crate::state::{LayerSet, LayerStyle, ViewState, start_position};

/// What one frame of the map draws: the project (for its basemap choice), the layers in draw
/// order (a saved view's visibility applied), the loaded scene and its heat textures.
#[derive(Clone, Copy)]
pub struct MapFrame<'a> {
    pub project: &'a Project,
    pub layers: LayerSet<'a>,
    pub scene: &'a Scene,
    pub heat: &'a HeatTextures,
}

impl<'a> MapFrame<'a> {
    pub fn atlas(&self) -> &'a AtlasData {
        &self.scene.atlas
    }

    pub fn dark(&self) -> bool {
        self.project.basemap.is_dark()
    }

    /// What an incident layer draws, once its dataset and analysis are loaded.
    pub fn density(&self, layer: &LayerDef) -> Option<MapDensity<'a>> {
        let source = layer.source.as_deref()?;
        let dataset = self.scene.datasets.get(source)?;
        let analysis = self.scene.analyses.get(&layer.id)?;
        let heat = analysis
            .heat
            .as_ref()
            .and_then(|h| self.heat.get(h, self.dark()).map(|t| (t, h.world)));
        Some(MapDensity {
            dataset,
            analysis,
            levels: self.scene.levels.as_deref()?,
            heat,
        })
    }
}

/// What the incident layers need for one frame.
pub struct MapDensity<'a> {
    pub dataset: &'a Dataset,
    pub analysis: &'a Analysis,
    pub levels: &'a Levels,
    /// Heat texture and the world box it covers.
    pub heat: Option<(egui::TextureId, [f64; 4])>,
}

/// Draw the map filling `ui`'s available space: every shown layer of `frame`, in order. With
/// `interactive` false (exports) the map ignores the pointer and shows no hover state.
pub fn show_map(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    view: &mut ViewState,
    tiles: &mut BasemapTiles,
    interactive: bool,
) -> MapShown {
    let dark = frame.dark();
    tiles.set_dark(dark);
    let labels = LabelSink::default();
    let data = frame.atlas();
    let densities: Vec<(&LayerDef, MapDensity<'_>)> = frame
        .layers
        .shown_layers()
        .filter(|l| l.kind.is_density())
        .filter_map(|l| Some((l, frame.density(l)?)))
        .collect();
    let credit = tiles.source_credit().map(str::to_owned);
    let pan = interactive && !view.pan_locked;
    let mut tiles = Some(tiles);
    // Zooming is ours (wheel_zoom: fixed steps about the pointer); walkers pans.
    let mut map = Map::new(None, &mut view.memory, start_position())
        .zoom_gesture(false)
        .zoom_with_ctrl(false)
        .double_click_to_zoom(false);
    if !pan {
        map = map
            .panning(false)
            .drag_pan_buttons(egui::DragPanButtons::empty());
    }
    let plugins = layer_plugins::LayerPlugins {
        frame,
        labels: labels.clone(),
        densities: &densities,
        interactive,
    };
    for layer in frame.layers.shown_layers() {
        map = match layer.kind {
            LayerKind::Basemap => {
                let opacity = LayerStyle::from(&layer.style).opacity;
                let map = map.with_plugin(country_layer::CountryNamesLayer {
                    data: &data.basemap,
                    labels: labels.clone(),
                    dark,
                    opacity,
                });
                match tiles.take() {
                    Some(t) => map.with_layer(t.layer(), opacity),
                    None => map,
                }
            }
            _ => plugins.add(map, layer),
        };
    }
    map = map.with_plugin(interaction::Interaction {
        data,
        layers: frame.layers,
        hovered: &mut view.hovered,
        selected: &mut view.selected,
        selected_edge: &mut view.selected_edge,
        cursor: &mut view.cursor,
        interactive,
        dark,
    });
    if let Some(text) = dataset_badge(frame, &densities, &labels) {
        map = map.with_plugin(text);
    }
    let deferred = DeferredLabels::default();
    map = map.with_plugin(label_place::LabelsPlugin {
        sink: labels,
        dark,
        deferred: deferred.clone(),
    });
    let response = ui.add(map);
    let mut furniture = Vec::new();
    // Exports lay out their own, larger "Sources" line and scale bar.
    if interactive {
        wheel_zoom::handle(ui, &response, view);
        furniture = window_furniture::draw(ui, frame, view, response.rect, credit.as_deref());
    }
    MapShown {
        response,
        labels: deferred.take(),
        furniture,
    }
}

/// A drawn map whose labels wait for the furniture over it.
pub struct MapShown {
    pub response: egui::Response,
    /// The frame's labels, measured, to be placed by [`MapShown::finish_labels`].
    pub labels: Option<PendingLabels>,
    /// What the map drew over itself that labels must avoid (window: attribution, scale bar).
    pub furniture: Vec<egui::Rect>,
}

impl MapShown {
    /// Place and paint the labels clear of this map's furniture and of `more`.
    pub fn finish_labels(&mut self, more: &[egui::Rect]) -> Vec<atlas_core::labels::PlacedLabel> {
        let mut all = self.furniture.clone();
        all.extend_from_slice(more);
        self.labels
            .take()
            .map(|l| l.finish(&all))
            .unwrap_or_default()
    }
}

/// The badge naming the incident data shown (red for the synthetic demo).
fn dataset_badge(
    frame: &MapFrame<'_>,
    densities: &[(&LayerDef, MapDensity<'_>)],
    labels: &LabelSink,
) -> Option<heatmap_layer::DatasetBadge> {
    let mut names: Vec<String> = Vec::new();
    let mut synthetic = false;
    for (l, d) in densities {
        synthetic |= d.dataset.synthetic();
        let name = if d.dataset.synthetic() {
            crate::density::SYNTHETIC_WARNING.to_string()
        } else {
            let src = l.source.as_deref().and_then(|s| frame.project.source(s));
            format!(
                "Incidents: {}",
                src.map(|s| s.display_name()).unwrap_or_default()
            )
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| heatmap_layer::DatasetBadge {
        text: names.join(" · "),
        synthetic,
        labels: labels.clone(),
    })
}
