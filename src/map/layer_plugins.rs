//! The plugin each overlay layer kind draws with, for one frame of [`super::show_map`].

use atlas_core::model::UnitKind;
use atlas_core::project::{LayerDef, LayerKind};
use walkers::Map;

use super::labels::LabelSink;
use super::{
    MapDensity, MapFrame, admin_layer, annotations_layer, border_band_layer, camps_layer,
    choropleth_layer, heatmap_layer, highlight_layer, incidents_layer, presence_layer,
    report_layer, towns_layer,
};
use crate::state::LayerStyle;

/// What the layers of one frame share: the frame, the label sink, the loaded densities.
pub(super) struct LayerPlugins<'f, 'd> {
    pub frame: &'f MapFrame<'d>,
    pub labels: LabelSink,
    pub densities: &'f [(&'d LayerDef, MapDensity<'d>)],
    pub interactive: bool,
}

impl<'f, 'd: 'f> LayerPlugins<'f, 'd> {
    /// `map` with `layer`'s plugin added (unchanged when its data is not loaded).
    pub(super) fn add<'a, 'b>(&self, map: Map<'a, 'b, 'f>, layer: &'d LayerDef) -> Map<'a, 'b, 'f> {
        let (frame, data, labels) = (self.frame, self.frame.atlas(), &self.labels);
        let dark = frame.dark();
        let style = LayerStyle::from(&layer.style);
        match layer.kind {
            LayerKind::Basemap => map,
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
                labels: labels.clone(),
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
            // A diagram over the map (the window) or in the layout (exports), not on it.
            LayerKind::GroupNetwork => map,
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
            LayerKind::Choropleth | LayerKind::Heatmap | LayerKind::Incidents => {
                self.add_density(map, layer, style)
            }
        }
    }

    /// An incident layer's plugin, once its dataset and analysis are loaded.
    fn add_density<'a, 'b>(
        &self,
        map: Map<'a, 'b, 'f>,
        layer: &'d LayerDef,
        style: LayerStyle,
    ) -> Map<'a, 'b, 'f> {
        let (data, interactive) = (self.frame.atlas(), self.interactive);
        let density = || {
            self.densities
                .iter()
                .find(|(l, _)| l.id == layer.id)
                .map(|(_, d)| d)
        };
        match layer.kind {
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
            LayerKind::Incidents => match density() {
                Some(d) => map.with_plugin(incidents_layer::IncidentsLayer {
                    density: d,
                    style,
                    interactive,
                    labels: self.labels.clone(),
                }),
                None => map,
            },
            _ => map,
        }
    }
}
