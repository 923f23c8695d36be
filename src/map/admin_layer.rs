//! Admin-unit outlines (provinces or districts) and their labels, as a walkers plugin.

use atlas_core::model::UnitKind;
use egui::{Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Fit, Label, LabelSink, name_key};
use super::style::{faded, map_style};
use super::transform::WorldToScreen;
use crate::scene::AtlasData;
use crate::state::LayerStyle;

/// Districts are drawn from this zoom on; their labels from [`DISTRICT_LABEL_ZOOM`].
pub const DISTRICT_MIN_ZOOM: f64 = 6.5;
pub const DISTRICT_LABEL_ZOOM: f64 = 7.5;

pub struct AdminLayer<'a> {
    pub data: &'a AtlasData,
    pub kind: UnitKind,
    pub style: LayerStyle,
    pub labels: LabelSink,
    pub dark: bool,
}

impl Plugin for AdminLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        if self.kind == UnitKind::District && t.zoom < DISTRICT_MIN_ZOOM {
            return;
        }
        let s = map_style(self.dark);
        let (color, width) = match self.kind {
            UnitKind::District => (s.district, if t.zoom < 8.0 { 0.6 } else { 1.0 }),
            _ => (s.province, if t.zoom < 7.0 { 1.1 } else { 1.6 }),
        };
        let stroke = Stroke::new(width, faded(color, self.style.opacity));
        let painter = ui.painter_at(t.clip);
        let view = t.view(0.0);
        let mut shapes = Vec::new();
        for (unit, shape) in self
            .data
            .gazetteer
            .units
            .iter()
            .zip(self.data.shapes.iter())
        {
            if unit.kind != self.kind || !shape.intersects(&view) {
                continue;
            }
            for ring in shape.rings(t.zoom) {
                let pts: Vec<_> = ring.iter().map(|w| t.to_screen(*w)).collect();
                shapes.push(Shape::line(pts, stroke));
            }
            let show_label = match self.kind {
                UnitKind::District => t.zoom >= DISTRICT_LABEL_ZOOM,
                _ => t.zoom >= 4.5,
            };
            if show_label {
                let (size, priority, color) = match self.kind {
                    UnitKind::District => (12.0, 10, s.label_minor),
                    _ => (14.0, 50, s.label),
                };
                self.labels.push(Label {
                    text: unit.name.clone(),
                    world: shape.label,
                    size,
                    color: faded(color, self.style.opacity),
                    priority,
                    layer: if self.kind == UnitKind::District {
                        "district"
                    } else {
                        "province"
                    },
                    fit: Fit::Slide,
                    key: name_key(&unit.name),
                    ..Default::default()
                });
            }
        }
        painter.extend(shapes);
    }
}
