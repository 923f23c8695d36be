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
use crate::state::{LayerId, LayerSettings};

pub struct Interaction<'a> {
    pub data: &'a AtlasData,
    pub layers: &'a LayerSettings,
    pub hovered: &'a mut Option<String>,
    pub selected: &'a mut Option<String>,
    pub cursor: &'a mut Option<(f64, f64)>,
    pub interactive: bool,
    pub dark: bool,
}

/// What lies under a screen point: a visible town marker, else the smallest visible unit.
pub fn hit_test(
    data: &AtlasData,
    layers: &LayerSettings,
    t: &WorldToScreen,
    pos: egui::Pos2,
) -> Option<EntryRef> {
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
    if layers.shown(LayerId::Provinces) || layers.shown(LayerId::ReportPlaces) {
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
            *self.cursor = hover.map(|p| world_to_lonlat(t.to_world(p)));
            let hit = hover.and_then(|p| hit_test(self.data, self.layers, &t, p));
            *self.hovered = hit.map(|r| entry_id(self.data, r));
            if response.clicked() {
                *self.selected = hit.map(|r| entry_id(self.data, r));
            }
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                *self.selected = None;
            }
            if let Some(r) = hit {
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
                    painter.add(Shape::mesh(fill_mesh(shape.triangles(), &t, fill)));
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
        if self.interactive {
            if let Some(id) = self.hovered.as_deref() {
                draw(
                    id,
                    Some(s.hover_fill),
                    Stroke::new(1.5, s.selected.gamma_multiply(0.6)),
                );
            }
        }
        if let Some(id) = self.selected.as_deref() {
            draw(id, None, Stroke::new(3.0, s.selected));
        }
    }
}
