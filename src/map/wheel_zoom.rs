//! Wheel, pinch and double-click zoom about the pointer in fixed steps: half a zoom level a
//! wheel notch, whatever the frame rate (walkers' own wheel zoom scales with frame time, so on
//! a slow software renderer one notch jumped several levels).

use atlas_core::basemap::{lonlat_to_world, world_to_lonlat};
use egui::{PointerButton, Response, Ui};
use walkers::{MapMemory, lon_lat};

use crate::state::ViewState;

/// Zoom levels per wheel notch.
pub const LEVELS_PER_NOTCH: f64 = 0.5;
/// Zoom range of the map.
const MIN_ZOOM: f64 = 2.0;
const MAX_ZOOM: f64 = 19.0;

/// The zoom change this frame's input asks for over the map (levels; 0 for none).
fn requested_levels(ui: &Ui, response: &Response) -> f64 {
    if !response.contains_pointer() {
        return 0.0;
    }
    // Smoothing spreads a notch over frames but keeps its total: the zoom adds up the same
    // at any frame rate. One notch is one line of scroll.
    let per_notch = ui.ctx().options(|o| o.input_options.line_scroll_speed) as f64;
    let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y as f64, i.zoom_delta() as f64));
    let mut levels = scroll / per_notch.max(1.0) * LEVELS_PER_NOTCH;
    if (pinch - 1.0).abs() > 1e-3 {
        // Ctrl+wheel and touchpad pinch arrive as a scale factor.
        levels = pinch.log2();
    }
    if response.double_clicked_by(PointerButton::Primary) {
        levels += 1.0;
    }
    if response.double_clicked_by(PointerButton::Secondary) {
        levels -= 1.0;
    }
    levels
}

/// Apply the frame's zoom input to `view`, keeping the place under the pointer still.
pub fn handle(ui: &Ui, response: &Response, view: &mut ViewState) {
    let levels = requested_levels(ui, response);
    if levels == 0.0 {
        return;
    }
    let z0 = view.memory.zoom();
    let z1 = (z0 + levels).clamp(MIN_ZOOM, MAX_ZOOM);
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .unwrap_or(response.rect.center());
    let offset = pointer - response.rect.center();
    let c = view.center();
    let centre = zoom_about(c, [offset.x as f64, offset.y as f64], z0, z1);
    set_view(&mut view.memory, centre, z1);
}

/// The new centre when zooming from `z0` to `z1` about a point `offset` points from the
/// centre `c` (lon, lat), so that point stays where it is on screen.
pub fn zoom_about(c: [f64; 2], offset: [f64; 2], z0: f64, z1: f64) -> [f64; 2] {
    let w = lonlat_to_world(c[0], c[1]);
    let (s0, s1) = (256.0 * 2f64.powf(z0), 256.0 * 2f64.powf(z1));
    // The pointer's world position, then the centre that keeps it at the same offset.
    let p = [w[0] + offset[0] / s0, w[1] + offset[1] / s0];
    let n = [p[0] - offset[0] / s1, p[1] - offset[1] / s1];
    let (lon, lat) = world_to_lonlat(n);
    [lon, lat]
}

fn set_view(memory: &mut MapMemory, centre: [f64; 2], zoom: f64) {
    memory.center_at(lon_lat(centre[0], centre[1]));
    let _ = memory.set_zoom(zoom);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_about_the_centre_keeps_the_centre() {
        let c = zoom_about([69.0, 33.0], [0.0, 0.0], 6.0, 7.0);
        assert!((c[0] - 69.0).abs() < 1e-9 && (c[1] - 33.0).abs() < 1e-9);
    }

    #[test]
    fn the_point_under_the_pointer_stays_put() {
        let (c0, off, z0, z1) = ([69.0, 33.0], [120.0, -80.0], 6.0, 6.5);
        let at = |c: [f64; 2], z: f64| {
            let w = lonlat_to_world(c[0], c[1]);
            let s = 256.0 * 2f64.powf(z);
            world_to_lonlat([w[0] + off[0] / s, w[1] + off[1] / s])
        };
        let before = at(c0, z0);
        let after = at(zoom_about(c0, off, z0, z1), z1);
        assert!((before.0 - after.0).abs() < 1e-9, "{before:?} {after:?}");
        assert!((before.1 - after.1).abs() < 1e-9, "{before:?} {after:?}");
        // And the centre moved towards the pointer (east and north here).
        let c1 = zoom_about(c0, off, z0, z1);
        assert!(c1[0] > c0[0] && c1[1] > c0[1], "{c1:?}");
    }
}
