//! Map marks drawn over the map in the window and in exports: north arrow, scale bar (true
//! at its own latitude) and the "SYNTHETIC DATA" watermark.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};
use walkers::{MercatorProjection, Projector};

use super::scale_bar::ScaleBar;
use crate::state::{ViewState, start_position};

/// The scale bar as drawn: its end points (screen points), the length it claims, and the
/// box it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleBarMark {
    pub start: Pos2,
    pub end: Pos2,
    pub km: f64,
    pub label: String,
    pub rect: Rect,
}

/// Text and background colours of the marks and layout boxes.
#[derive(Clone, Copy)]
pub struct Ink {
    pub ink: Color32,
    pub paper: Color32,
}

impl Ink {
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                ink: Color32::from_gray(235),
                paper: Color32::from_black_alpha(200),
            }
        } else {
            Self {
                ink: Color32::from_gray(25),
                paper: Color32::from_white_alpha(225),
            }
        }
    }
}

fn north_id() -> egui::Id {
    egui::Id::unique("frontier-atlas-window-north-arrow")
}

/// Whether the window shows a north arrow (View → North arrow; off by default).
pub fn window_north_arrow(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(north_id()))
        .unwrap_or(false)
}

pub fn set_window_north_arrow(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(north_id(), on));
}

/// North arrow in the top-right corner of the map. Returns its rect.
pub fn north_arrow(
    painter: &Painter,
    map: Rect,
    s: f32,
    Ink { ink, paper }: Ink,
    font: FontId,
) -> Rect {
    let margin = 16.0 * s;
    let c = pos2(map.max.x - margin - 20.0 * s, map.min.y + margin + 34.0 * s);
    let h = 22.0 * s;
    painter.add(egui::Shape::convex_polygon(
        vec![
            c + vec2(0.0, -h),
            c + vec2(h * 0.55, h * 0.8),
            c + vec2(0.0, h * 0.4),
        ],
        ink,
        Stroke::NONE,
    ));
    painter.add(egui::Shape::convex_polygon(
        vec![
            c + vec2(0.0, -h),
            c + vec2(0.0, h * 0.4),
            c + vec2(-h * 0.55, h * 0.8),
        ],
        paper,
        Stroke::new(1.5 * s.max(1.0), ink),
    ));
    let n = painter.text(
        c + vec2(0.0, -h - 4.0 * s),
        Align2::CENTER_BOTTOM,
        "N",
        font,
        ink,
    );
    n.union(Rect::from_center_size(c, vec2(1.1 * h, 2.0 * h)))
}

/// Scale bar whose right end is at `right_end`. Its length is computed for the latitude the
/// bar is drawn at (Mercator stretches with latitude), so it is true where it stands.
pub fn scale_bar(
    painter: &Painter,
    view: &ViewState,
    map: Rect,
    right_end: Pos2,
    s: f32,
    Ink { ink, paper }: Ink,
    font: FontId,
) -> ScaleBarMark {
    let y = right_end.y;
    let projector = Projector::new(map, &MercatorProjection, &view.memory, start_position());
    let lat = projector
        .unproject(pos2(right_end.x, y).to_vec2())
        .y()
        .clamp(-85.0, 85.0);
    let bar = ScaleBar::new(lat, view.memory.zoom(), 220.0 * f64::from(s));
    let len = bar.points as f32;
    let (x0, x1) = (right_end.x - len, right_end.x);
    let r = Rect::from_min_max(
        pos2(x0 - 8.0 * s, y - 30.0 * s),
        pos2(x1 + 4.0 * s, y + 8.0 * s),
    );
    painter.rect_filled(r, 3.0 * s, paper);
    painter.line_segment([pos2(x0, y), pos2(x1, y)], Stroke::new(3.0 * s, ink));
    for x in [x0, x1] {
        painter.line_segment(
            [pos2(x, y - 8.0 * s), pos2(x, y + 3.0 * s)],
            Stroke::new(2.0 * s, ink),
        );
    }
    let label = bar.label();
    painter.text(
        pos2((x0 + x1) / 2.0, y - 6.0 * s).round(),
        Align2::CENTER_BOTTOM,
        &label,
        font,
        ink,
    );
    ScaleBarMark {
        start: pos2(x0, y),
        end: pos2(x1, y),
        km: bar.km,
        label,
        rect: r,
    }
}

/// "SYNTHETIC DATA" across the map's diagonal, translucent red, sized to fit the map.
/// Returns the bounding box of the turned text.
pub fn watermark(painter: &Painter, map: Rect, s: f32) -> Rect {
    let colour = Color32::from_rgba_unmultiplied(200, 0, 0, 60);
    let text = "SYNTHETIC DATA";
    let angle = -(map.height() / map.width()).atan().min(0.6);
    let mut size = 110.0 * s;
    let mut g = painter.layout_no_wrap(text.into(), FontId::proportional(size), colour);
    // Keep it inside the map: at most 80 % of the diagonal.
    let room = 0.8 * map.size().length();
    if g.size().x > room {
        size *= room / g.size().x;
        g = painter.layout_no_wrap(text.into(), FontId::proportional(size), colour);
    }
    // The text rotates about its top-left corner: offset so that its centre is the map's.
    let half = g.size() / 2.0;
    let (sin, cos) = angle.sin_cos();
    let rotated_half = vec2(cos * half.x - sin * half.y, sin * half.x + cos * half.y);
    let (w, h) = (g.size().x, g.size().y);
    painter.add(
        egui::epaint::TextShape::new(map.center() - rotated_half, g, colour).with_angle(angle),
    );
    let extent = vec2(
        (cos * w).abs() + (sin * h).abs(),
        (sin * w).abs() + (cos * h).abs(),
    );
    Rect::from_center_size(map.center(), extent)
}
