//! Legend of the visible layers: their symbols and what they mean.

use egui::{Color32, Sense, Stroke, vec2};

use crate::map::style::map_style;
use crate::state::{LayerId, LayerSettings};

/// One legend row: a symbol drawn by `swatch` and its text.
fn row(ui: &mut egui::Ui, text: &str, swatch: impl FnOnce(&egui::Painter, egui::Rect)) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
        swatch(ui.painter(), rect);
        ui.label(text);
    });
}

pub fn show(ui: &mut egui::Ui, layers: &LayerSettings, dark: bool) {
    let s = map_style(dark);
    ui.heading("Legend");
    if layers.shown(LayerId::ReportPlaces) {
        row(ui, "Place named in the report", |p, r| {
            p.rect(
                r.shrink(2.0),
                2.0,
                s.report_fill,
                Stroke::new(2.5, s.report),
                egui::StrokeKind::Inside,
            );
        });
        row(ui, "Town named in the report", |p, r| {
            let c = r.center();
            let d = 6.0;
            p.add(egui::Shape::convex_polygon(
                vec![
                    c + vec2(0.0, -d),
                    c + vec2(d, 0.0),
                    c + vec2(0.0, d),
                    c + vec2(-d, 0.0),
                ],
                s.report,
                Stroke::NONE,
            ));
        });
        row(ui, "Context (district of a named town)", |p, r| {
            p.extend(egui::Shape::dashed_line(
                &[r.left_center(), r.right_center()],
                Stroke::new(1.5, s.context),
                6.0,
                4.0,
            ));
        });
    }
    if layers.shown(LayerId::Provinces) {
        row(ui, "Province / territory boundary", |p, r| {
            p.line_segment(
                [r.left_center(), r.right_center()],
                Stroke::new(1.2, s.province),
            );
        });
    }
    if layers.shown(LayerId::Districts) {
        row(ui, "District boundary (zoom in)", |p, r| {
            p.line_segment(
                [r.left_center(), r.right_center()],
                Stroke::new(0.8, s.district),
            );
        });
    }
    if layers.shown(LayerId::Towns) {
        row(ui, "Town / city (by size)", |p, r| {
            p.circle(r.center(), 3.0, Color32::WHITE, Stroke::new(1.2, s.town));
        });
    }
    if layers.shown(LayerId::Basemap) {
        row(ui, "International border", |p, r| {
            p.line_segment(
                [r.left_center(), r.right_center()],
                Stroke::new(1.8, Color32::from_gray(90)),
            );
        });
        row(ui, "Disputed boundary", |p, r| {
            p.extend(egui::Shape::dashed_line(
                &[r.left_center(), r.right_center()],
                Stroke::new(1.5, Color32::from_gray(110)),
                5.0,
                3.0,
            ));
        });
    }
}
