//! Where dialogs first open: over the map, cascaded, so none hides the layer panel or
//! another dialog's title bar.

use egui::{Context, Id, Pos2, Rect, vec2};

/// The dialogs, in cascade order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    Reader = 0,
    Import = 1,
    Export = 2,
}

fn key() -> Id {
    Id::unique("atlas-map-rect")
}

/// Note where the map is this frame (dialogs open over it).
pub fn remember_map_rect(ctx: &Context, rect: Rect) {
    ctx.data_mut(|d| d.insert_temp(key(), rect));
}

/// A dialog's first position: the map's top left, stepped down and right by its place in
/// the cascade (the screen's top left, past a panel's width, before the map was drawn).
pub fn default_pos(ctx: &Context, dialog: Dialog) -> Pos2 {
    let map = ctx
        .data(|d| d.get_temp::<Rect>(key()))
        .unwrap_or_else(|| ctx.content_rect().translate(vec2(300.0, 30.0)));
    let step = 40.0 * dialog as u8 as f32;
    map.left_top() + vec2(12.0 + step, 12.0 + step)
}
