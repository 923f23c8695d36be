//! The attack-density choropleth: provinces or districts filled by the class of their event
//! (or fatality) count, zero left unfilled; hovering a unit tells its count.

use atlas_core::basemap::world_to_lonlat;
use egui::{Color32, Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::report_layer::fill_mesh;
use super::style::faded;
use super::transform::WorldToScreen;
use crate::map::MapDensity;
use crate::scene::AtlasData;
use crate::state::LayerStyle;

/// Fill colour of class `class` of `classes` (YlOrRd, ColorBrewer: sequential, ordered in
/// lightness, readable for colour-blind viewers).
pub fn class_colour(class: usize, classes: usize) -> Color32 {
    let t = if classes <= 1 {
        0.6
    } else {
        0.12 + 0.8 * class as f64 / (classes - 1) as f64
    };
    let c = colorous::YELLOW_ORANGE_RED.eval_continuous(t);
    Color32::from_rgb(c.r, c.g, c.b)
}

/// Fill opacity of the classes (the basemap shows through a little).
pub const FILL_ALPHA: f32 = 0.8;

pub struct ChoroplethLayer<'a> {
    pub data: &'a AtlasData,
    pub density: &'a MapDensity<'a>,
    pub style: LayerStyle,
    pub interactive: bool,
}

impl ChoroplethLayer<'_> {
    /// Gazetteer index of unit `k` of the analysed level.
    fn gaz_index(&self, k: usize) -> Option<usize> {
        let by = self.density.analysis.units.by;
        self.density.levels.gaz_index(by, k)
    }

    fn tooltip(&self, response: &Response, t: &WorldToScreen) {
        let Some(pos) = response.hover_pos().filter(|p| t.clip.contains(*p)) else {
            return;
        };
        let (lon, lat) = world_to_lonlat(t.to_world(pos));
        let units = &self.density.analysis.units;
        let list = self.density.dataset.model.level_units(units.by);
        let Some(k) = list.iter().position(|u| u.contains(lon, lat)) else {
            return;
        };
        let Some(c) = units.table.units.get(k) else {
            return;
        };
        let synthetic = self.density.dataset.synthetic();
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.separator();
            ui.label(format!(
                "{}: {} events, {} fatalities in the selection",
                c.name, c.events, c.fatalities
            ));
            if synthetic {
                ui.colored_label(
                    Color32::from_rgb(200, 30, 40),
                    crate::density::SYNTHETIC_WARNING,
                );
            }
        });
    }
}

impl Plugin for ChoroplethLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let view = t.view(0.0);
        let units = &self.density.analysis.units;
        let n = units.classes.len();
        let op = self.style.opacity;
        let mut outlines = Vec::new();
        for (k, class) in units.class_of_unit.iter().enumerate() {
            let (Some(class), Some(gi)) = (class, self.gaz_index(k)) else {
                continue;
            };
            let Some(shape) = self.data.shapes.get(gi) else {
                continue;
            };
            if !shape.intersects(&view) {
                continue;
            }
            let fill = faded(class_colour(*class as usize, n), FILL_ALPHA * op);
            painter.add(Shape::mesh(fill_mesh(shape.triangles(t.zoom), &t, fill)));
            let edge = Stroke::new(0.6, faded(Color32::from_rgb(120, 40, 20), 0.5 * op));
            for ring in shape.rings(t.zoom) {
                outlines.push(Shape::line(
                    ring.iter().map(|w| t.to_screen(*w)).collect(),
                    edge,
                ));
            }
        }
        painter.extend(outlines);
        if self.interactive {
            self.tooltip(response, &t);
        }
    }
}
