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
pub mod hatch;
mod heat_textures;
pub mod heatmap_layer;
mod highlight_layer;
pub mod incidents_layer;
mod interaction;
mod labels;
pub mod network_layer;
pub mod palette;
mod presence_layer;
mod report_layer;
pub mod style;
pub mod tiles;
pub mod tools_overlay;
mod towns_layer;
pub mod transform;
pub mod wheel_zoom;

pub use attribution::attribution_lines;
pub use basemap_tiles::{BasemapLayer, BasemapTiles};
pub use heat_textures::HeatTextures;
pub use labels::{Label, LabelSink};

use atlas_core::model::UnitKind;
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
) -> egui::Response {
    let dark = frame.dark();
    tiles.set_dark(dark);
    let selected_edge = view.selected_edge;
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
    for layer in frame.layers.shown_layers() {
        let style = LayerStyle::from(&layer.style);
        let density = || {
            densities
                .iter()
                .find(|(l, _)| l.id == layer.id)
                .map(|(_, d)| d)
        };
        map = match layer.kind {
            LayerKind::Basemap => match tiles.take() {
                Some(t) => map.with_layer(t.layer(), style.opacity),
                None => map,
            },
            LayerKind::Provinces | LayerKind::Districts => {
                map.with_plugin(admin_layer::AdminLayer {
                    data,
                    kind: if layer.kind == LayerKind::Provinces {
                        UnitKind::Province
                    } else {
                        UnitKind::District
                    },
                    style,
                    labels: labels.clone(),
                    dark,
                })
            }
            LayerKind::Towns => map.with_plugin(towns_layer::TownsLayer {
                data,
                style,
                labels: labels.clone(),
                dark,
            }),
            LayerKind::ReportPlaces => map.with_plugin(report_layer::ReportLayer {
                data,
                style,
                labels: labels.clone(),
                dark,
            }),
            LayerKind::GroupPresence => map.with_plugin(presence_layer::PresenceLayer {
                data,
                style,
                hidden: &layer.style.hidden_groups,
                dark,
            }),
            LayerKind::TrainingCamps => map.with_plugin(camps_layer::CampsLayer {
                data,
                style,
                labels: labels.clone(),
                points: &[],
                areas: true,
            }),
            LayerKind::CampPoints => match layer
                .source
                .as_ref()
                .and_then(|s| frame.scene.camp_points.get(s))
            {
                Some(points) => map.with_plugin(camps_layer::CampsLayer {
                    data,
                    style,
                    labels: labels.clone(),
                    points,
                    areas: false,
                }),
                None => map,
            },
            LayerKind::GroupNetwork => map.with_plugin(network_layer::NetworkLayer {
                data,
                style,
                selected_edge,
                dark,
            }),
            LayerKind::TextPlaces => {
                match layer.source.as_ref().and_then(|s| frame.scene.texts.get(s)) {
                    Some(text) => map.with_plugin(highlight_layer::HighlightLayer {
                        data,
                        ids: text.place_ids(),
                        labels: labels.clone(),
                        style,
                    }),
                    None => map,
                }
            }
            LayerKind::Choropleth => match density() {
                Some(d) => map.with_plugin(choropleth_layer::ChoroplethLayer {
                    data,
                    density: d,
                    style,
                    interactive,
                }),
                None => map,
            },
            LayerKind::Heatmap => match density().and_then(|d| d.heat) {
                Some((texture, world)) => map.with_plugin(heatmap_layer::HeatmapLayer {
                    texture,
                    world,
                    style,
                }),
                None => map,
            },
            LayerKind::BorderBand => {
                match layer.source.as_ref().and_then(|s| frame.scene.bands.get(s)) {
                    Some(band) => map.with_plugin(border_band_layer::BorderBandLayer {
                        band,
                        style,
                        labels: labels.clone(),
                    }),
                    None => map,
                }
            }
            LayerKind::Annotations => map.with_plugin(annotations_layer::AnnotationsLayer {
                annotations: &layer.annotations,
                style,
                labels: labels.clone(),
                dark,
            }),
            LayerKind::Incidents => match density() {
                Some(d) => map.with_plugin(incidents_layer::IncidentsLayer {
                    density: d,
                    style,
                    interactive,
                }),
                None => map,
            },
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
    map = map.with_plugin(labels::LabelsPlugin { sink: labels, dark });
    if let Some(text) = dataset_badge(frame, &densities) {
        map = map.with_plugin(text);
    }
    let response = ui.add(map);
    // Exports lay out their own, larger "Sources" line.
    if interactive {
        wheel_zoom::handle(ui, &response, view);
        attribution::paint(ui, response.rect, frame, dark, credit.as_deref());
    }
    response
}

/// The badge naming the incident data shown (red for the synthetic demo).
fn dataset_badge(
    frame: &MapFrame<'_>,
    densities: &[(&LayerDef, MapDensity<'_>)],
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
    })
}
