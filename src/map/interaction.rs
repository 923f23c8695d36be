//! Pointer interaction on the map: hover highlight and tooltip, click to select, Esc to clear.

use atlas_core::basemap::{lonlat_to_world, world_to_lonlat};
use atlas_core::model::{EntryRef, UnitKind};
use egui::{Key, Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::admin_layer::DISTRICT_MIN_ZOOM;
use super::report_layer::fill_mesh;
use super::style::map_style;
use super::towns_layer::max_rank;
use super::transform::WorldToScreen;
use crate::scene::AtlasData;
use atlas_core::project::LayerKind as LayerId;

use crate::state::LayerSet;

pub struct Interaction<'a> {
    pub data: &'a AtlasData,
    pub layers: LayerSet<'a>,
    pub hovered: &'a mut Option<String>,
    pub selected: &'a mut Option<String>,
    pub selected_edge: &'a mut Option<usize>,
    pub cursor: &'a mut Option<(f64, f64)>,
    pub interactive: bool,
    pub dark: bool,
}

/// What lies under a screen point: a group's dot at a town, a visible town marker, else the
/// smallest visible unit.
pub fn hit_test(
    data: &AtlasData,
    layers: LayerSet<'_>,
    t: &WorldToScreen,
    pos: egui::Pos2,
) -> Option<EntryRef> {
    if layers.shown(LayerId::GroupPresence)
        && let Some((i, _)) = super::presence_layer::dot_at(data, layers.hidden_groups(), t, pos)
    {
        return Some(EntryRef::Town(i));
    }
    if layers.shown(LayerId::Towns) {
        let limit = max_rank(t.zoom);
        let hit = data.gazetteer.towns.iter().enumerate().find(|(_, town)| {
            town.rank <= limit
                && t.to_screen(lonlat_to_world(town.lon, town.lat))
                    .distance(pos)
                    < 6.0
        });
        if let Some((i, _)) = hit {
            return Some(EntryRef::Town(i));
        }
    }
    let (lon, lat) = world_to_lonlat(t.to_world(pos));
    let mut kinds = Vec::new();
    if layers.shown(LayerId::Districts) && t.zoom >= DISTRICT_MIN_ZOOM {
        kinds.push(UnitKind::District);
    }
    let areas = [
        LayerId::Provinces,
        LayerId::ReportPlaces,
        LayerId::TrainingCamps,
        LayerId::GroupPresence,
    ];
    if areas.iter().any(|id| layers.shown(*id)) {
        kinds.push(UnitKind::Province);
    }
    for kind in kinds {
        let found = data
            .gazetteer
            .units
            .iter()
            .position(|u| u.kind == kind && u.contains(lon, lat));
        if let Some(i) = found {
            return Some(EntryRef::Unit(i));
        }
    }
    None
}

/// The network diagram's edge within 6 points of `pos`, if any.
fn edge_at(data: &AtlasData, t: &WorldToScreen, pos: egui::Pos2) -> Option<usize> {
    let rect = super::network_diagram::window_rect(t.clip);
    super::network_diagram::Diagram::new(data, rect).edge_at(data, pos)
}

fn entry_id(data: &AtlasData, r: EntryRef) -> String {
    match r {
        EntryRef::Unit(i) => data.gazetteer.units[i].id.clone(),
        EntryRef::Town(i) => data.gazetteer.towns[i].id.clone(),
    }
}

impl Plugin for Interaction<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let t = WorldToScreen::new(projector);
        let s = map_style(self.dark);
        if self.interactive {
            let hover = response.hover_pos().filter(|p| t.clip.contains(*p));
            // In f64 from the map centre (the f32 world transform is metres off at 1 m).
            *self.cursor = hover.map(|p| {
                let at = projector.unproject(p.to_vec2());
                (at.x(), at.y())
            });
            let edge = hover
                .filter(|_| self.layers.shown(LayerId::GroupNetwork))
                .and_then(|p| edge_at(self.data, &t, p));
            let in_diagram = hover.is_some_and(|p| {
                self.layers.shown(LayerId::GroupNetwork)
                    && super::network_diagram::window_rect(t.clip).contains(p)
            });
            let hit = if edge.is_some() || in_diagram {
                None
            } else {
                hover.and_then(|p| hit_test(self.data, self.layers, &t, p))
            };
            *self.hovered = hit.map(|r| entry_id(self.data, r));
            if response.clicked() {
                *self.selected = hit.map(|r| entry_id(self.data, r));
                *self.selected_edge = edge;
            }
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                *self.selected = None;
                *self.selected_edge = None;
            }
            if let Some(i) = edge {
                let e = &self.data.report.network.edges[i];
                response.clone().on_hover_ui_at_pointer(|ui| {
                    crate::ui::details::edge_tooltip(ui, self.data, e)
                });
            } else if let Some(r) = hit {
                let e = self.data.gazetteer.entry(r);
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| crate::ui::details::tooltip(ui, self.data, &e));
            }
        }
        let painter = ui.painter_at(t.clip);
        let draw = |id: &str, fill: Option<egui::Color32>, stroke: Stroke| match self
            .data
            .gazetteer
            .get(id)
        {
            Some(EntryRef::Unit(i)) => {
                let shape = &self.data.shapes[i];
                if let Some(fill) = fill {
                    painter.add(Shape::mesh(fill_mesh(shape.triangles(t.zoom), &t, fill)));
                }
                for ring in shape.rings(t.zoom) {
                    painter.add(Shape::line(
                        ring.iter().map(|w| t.to_screen(*w)).collect(),
                        stroke,
                    ));
                }
            }
            Some(EntryRef::Town(i)) => {
                let town = &self.data.gazetteer.towns[i];
                painter.circle_stroke(
                    t.to_screen(lonlat_to_world(town.lon, town.lat)),
                    7.0,
                    stroke,
                );
            }
            None => {}
        };
        if let Some(id) = self.hovered.as_deref().filter(|_| self.interactive) {
            draw(
                id,
                Some(s.hover_fill),
                Stroke::new(1.5, s.selected.gamma_multiply(0.6)),
            );
        }
        if let Some(id) = self.selected.as_deref() {
            draw(id, None, Stroke::new(3.0, s.selected));
        }
    }
}
