//! What the window draws over its map besides the layers: the credits, a scale bar, the
//! optional north arrow and the group network's diagram — the export's own drawings, placed
//! for a screen. Returns their boxes, which the map's labels keep clear of.

use atlas_core::project::LayerKind;
use egui::Rect;

use super::{MapFrame, attribution, marks, network_diagram};
use crate::state::ViewState;

/// Draw the window's furniture over the map at `map`; their boxes.
pub(super) fn draw(
    ui: &egui::Ui,
    frame: &MapFrame<'_>,
    view: &ViewState,
    map: Rect,
    credit: Option<&str>,
) -> Vec<Rect> {
    let dark = frame.dark();
    let mut out = Vec::new();
    let credits = attribution::paint(ui, map, frame, dark, credit);
    out.extend(credits);
    let above = credits.map_or(map.max.y, |r| r.min.y);
    out.extend(scale_bar(ui, map, above, view, dark));
    if marks::window_north_arrow(ui.ctx()) && map.height() > 160.0 {
        let painter = ui.painter_at(map);
        let font = egui::FontId::proportional(13.0);
        out.push(marks::north_arrow(
            &painter,
            map,
            0.7,
            marks::Ink::new(dark),
            font,
        ));
    }
    if frame.layers.shown(LayerKind::GroupNetwork) {
        out.extend(network_diagram::show_in_window(ui, frame, map, view));
    }
    out
}

/// The scale bar, bottom left of the map above `above` (the credits). Its box.
fn scale_bar(ui: &egui::Ui, map: Rect, above: f32, view: &ViewState, dark: bool) -> Option<Rect> {
    if map.width() < 200.0 || map.height() < 120.0 {
        return None;
    }
    let painter = ui.painter_at(map);
    let right = egui::pos2(map.min.x + 14.0 + 140.0, above - 12.0);
    let font = egui::FontId::proportional(12.0);
    let mark = marks::scale_bar(
        &painter,
        view,
        map,
        right,
        0.64,
        marks::Ink::new(dark),
        font,
    );
    Some(mark.rect)
}
