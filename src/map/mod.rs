//! The map: walkers widget with the offline basemap and one plugin per overlay layer.
//!
//! [`show_map`] is the single renderer: the window, the export and the snapshot tests all
//! draw the map through it.

mod admin_layer;
mod attribution;
pub mod basemap_tiles;
pub mod camps_layer;
pub mod choropleth_layer;
pub mod hatch;
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
mod towns_layer;
pub mod transform;

pub use attribution::{attribution_lines, credits};
pub use basemap_tiles::{BasemapLayer, BasemapTiles};
pub use labels::{Label, LabelSink};

use atlas_core::model::UnitKind;
use walkers::Map;

use crate::density::MapDensity;
use crate::scene::AtlasData;
use crate::state::{LayerId, LayerSettings, ViewState, start_position};

/// Draw the map filling `ui`'s available space. With `interactive` false (exports) the map
/// ignores the pointer and shows no hover state.
pub fn show_map(
    ui: &mut egui::Ui,
    data: &AtlasData,
    layers: &LayerSettings,
    view: &mut ViewState,
    tiles: &mut BasemapTiles,
    interactive: bool,
) -> egui::Response {
    show_map_with(ui, data, layers, view, tiles, interactive, None)
}

/// [`show_map`] with the attack-density layers (choropleth, heatmap, incidents) of `density`.
pub fn show_map_with(
    ui: &mut egui::Ui,
    data: &AtlasData,
    layers: &LayerSettings,
    view: &mut ViewState,
    tiles: &mut BasemapTiles,
    interactive: bool,
    density: Option<&MapDensity<'_>>,
) -> egui::Response {
    tiles.set_dark(view.dark);
    let labels = LabelSink::default();
    let basemap = layers.get(LayerId::Basemap);
    let dark = view.dark;
    let mut map = Map::new(None, &mut view.memory, start_position())
        .zoom_with_ctrl(false)
        .double_click_to_zoom(true);
    if !interactive {
        map = map.panning(false).zoom_gesture(false);
    }
    let credit = tiles.source_credit().map(str::to_owned);
    if basemap.visible {
        map = map.with_layer(tiles.layer(), basemap.opacity);
    }
    if let Some(d) = density.filter(|_| layers.shown(LayerId::Choropleth)) {
        map = map.with_plugin(choropleth_layer::ChoroplethLayer {
            data,
            density: d,
            style: layers.get(LayerId::Choropleth),
            interactive,
        });
    }
    for (id, kind) in [
        (LayerId::Provinces, UnitKind::Province),
        (LayerId::Districts, UnitKind::District),
    ] {
        if layers.shown(id) {
            map = map.with_plugin(admin_layer::AdminLayer {
                data,
                kind,
                style: layers.get(id),
                labels: labels.clone(),
                dark,
            });
        }
    }
    if let Some(d) = density {
        if let (Some((texture, world)), true) = (d.heat, layers.shown(LayerId::Heatmap)) {
            map = map.with_plugin(heatmap_layer::HeatmapLayer {
                texture,
                world,
                style: layers.get(LayerId::Heatmap),
            });
        }
        if layers.shown(LayerId::Incidents) {
            map = map.with_plugin(incidents_layer::IncidentsLayer {
                density: d,
                style: layers.get(LayerId::Incidents),
                interactive,
            });
        }
    }
    if layers.shown(LayerId::Towns) {
        map = map.with_plugin(towns_layer::TownsLayer {
            data,
            style: layers.get(LayerId::Towns),
            labels: labels.clone(),
            dark,
        });
    }
    if layers.shown(LayerId::ReportPlaces) {
        map = map.with_plugin(report_layer::ReportLayer {
            data,
            style: layers.get(LayerId::ReportPlaces),
            labels: labels.clone(),
            dark,
        });
    }
    if layers.shown(LayerId::GroupPresence) {
        map = map.with_plugin(presence_layer::PresenceLayer {
            data,
            style: layers.get(LayerId::GroupPresence),
            hidden: &layers.hidden_groups,
            dark,
        });
    }
    if layers.shown(LayerId::TrainingCamps) {
        map = map.with_plugin(camps_layer::CampsLayer {
            data,
            style: layers.get(LayerId::TrainingCamps),
            labels: labels.clone(),
            points: &view.imported_camps,
        });
    }
    if layers.shown(LayerId::GroupNetwork) {
        map = map.with_plugin(network_layer::NetworkLayer {
            data,
            style: layers.get(LayerId::GroupNetwork),
            selected_edge: view.selected_edge,
            dark,
        });
    }
    if !view.highlights.is_empty() {
        map = map.with_plugin(highlight_layer::HighlightLayer {
            data,
            ids: &view.highlights,
            labels: labels.clone(),
        });
    }
    map = map.with_plugin(interaction::Interaction {
        data,
        layers,
        hovered: &mut view.hovered,
        selected: &mut view.selected,
        selected_edge: &mut view.selected_edge,
        cursor: &mut view.cursor,
        interactive,
        dark,
    });
    map = map.with_plugin(labels::LabelsPlugin { sink: labels, dark });
    if let Some(d) = density {
        let shown = crate::density::DENSITY_LAYERS
            .iter()
            .any(|id| layers.shown(*id));
        if shown {
            map = map.with_plugin(heatmap_layer::DatasetBadge {
                text: if d.dataset.synthetic() {
                    crate::density::SYNTHETIC_WARNING.to_string()
                } else {
                    format!("Incidents: {}", d.dataset.origin.name)
                },
                synthetic: d.dataset.synthetic(),
            });
        }
    }
    let response = ui.add(map);
    // Exports lay out their own, larger "Sources" line.
    if interactive {
        attribution::paint(ui, response.rect, layers, dark, credit.as_deref());
    }

    response
}
