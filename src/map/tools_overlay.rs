//! What the analyst tools draw over the map in the window (never in exports): the go-to
//! marker and the measured path (each leg along its geodesic) with each leg's length and
//! bearing and the total.

use atlas_core::coords::LatLon;
use atlas_core::geodesy::{geodesic_points, leg_label, measure_path, total_label};
use egui::{Align2, Color32, FontId, Pos2, Stroke};
use walkers::{MapMemory, MercatorProjection, Projector, lon_lat};

use super::style::map_style;
use crate::state::start_position;

/// The marker colour (a red that reads on both basemaps).
const MARKER: Color32 = Color32::from_rgb(215, 30, 45);
/// The measured path's colour.
const PATH: Color32 = Color32::from_rgb(230, 120, 0);

/// A measured leg is drawn through a point of its geodesic every 10 km.
const CURVE_STEP_M: f64 = 10_000.0;

/// What to draw this frame.
pub struct Overlay<'a> {
    /// A dropped marker and its name.
    pub marker: Option<(LatLon, &'a str)>,
    /// The measured path's points, in order.
    pub path: &'a [LatLon],
    pub dark: bool,
}

/// The text of each leg (`12.3 km, 045°`) and, for two or more points, the total.
pub fn measure_labels(path: &[LatLon]) -> (Vec<String>, Option<String>) {
    let m = measure_path(path);
    let legs = m
        .legs
        .iter()
        .map(|l| leg_label(l.metres, l.bearing_deg))
        .collect();
    let total = (!m.legs.is_empty()).then(|| total_label(m.total_m));
    (legs, total)
}

/// Paint `overlay` over the map drawn in `rect` looking as `memory` says.
pub fn paint(ui: &egui::Ui, rect: egui::Rect, memory: &MapMemory, overlay: &Overlay<'_>) {
    let projector = Projector::new(rect, &MercatorProjection, memory, start_position());
    let screen = |p: LatLon| -> Pos2 { projector.project(lon_lat(p.lon(), p.lat())).to_pos2() };
    let painter = ui.painter_at(rect);
    let s = map_style(overlay.dark);
    let text = |at: Pos2, anchor: Align2, t: &str, color: Color32| {
        let font = FontId::proportional(13.0);
        let galley = painter.layout_no_wrap(t.to_owned(), font, color);
        let r = anchor.anchor_size(at, galley.size()).expand(2.0);
        painter.rect_filled(r, 3.0, s.halo);
        painter.galley(r.min + egui::vec2(2.0, 2.0), galley, color);
    };
    if !overlay.path.is_empty() {
        let pts: Vec<Pos2> = overlay.path.iter().map(|p| screen(*p)).collect();
        // Each leg along its geodesic, its label at the curve's middle.
        let mids: Vec<Pos2> = overlay
            .path
            .windows(2)
            .map(|w| {
                let line: Vec<Pos2> = geodesic_points(w[0], w[1], CURVE_STEP_M)
                    .into_iter()
                    .map(screen)
                    .collect();
                let mid = line[line.len() / 2];
                painter.add(egui::Shape::line(line, Stroke::new(2.5, PATH)));
                mid
            })
            .collect();
        for p in &pts {
            painter.circle(*p, 4.0, Color32::WHITE, Stroke::new(2.0, PATH));
        }
        let (legs, total) = measure_labels(overlay.path);
        for (mid, leg) in mids.iter().zip(&legs) {
            text(*mid, Align2::CENTER_BOTTOM, leg, s.label);
        }
        if let (Some(total), Some(last)) = (total, pts.last()) {
            let at = *last + egui::vec2(8.0, 8.0);
            text(at, Align2::LEFT_TOP, &total, PATH);
        }
    }
    if let Some((at, name)) = overlay.marker {
        let p = screen(at);
        let head = p - egui::vec2(0.0, 14.0);
        painter.line_segment([p, head], Stroke::new(2.0, MARKER));
        painter.circle(head, 6.0, MARKER, Stroke::new(1.5, Color32::WHITE));
        text(
            head + egui::vec2(10.0, 0.0),
            Align2::LEFT_CENTER,
            name,
            s.label,
        );
    }
}
