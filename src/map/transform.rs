//! World (normalised Web Mercator) ↔ screen transform for one frame, derived from walkers' projector.

use egui::{Pos2, Rect, pos2};
use walkers::{Projector, lon_lat};

use crate::scene::WorldBox;

/// screen = offset + world * scale, for the current frame.
#[derive(Debug, Clone, Copy)]
pub struct WorldToScreen {
    pub scale: f64,
    pub offset: [f64; 2],
    pub zoom: f64,
    pub clip: Rect,
}

impl WorldToScreen {
    pub fn new(projector: &Projector) -> Self {
        let zoom = projector.zoom();
        let scale = 256.0 * 2f64.powf(zoom);
        // lon -180, lat 0 is world (0, 0.5).
        let origin = projector.project(lon_lat(-180.0, 0.0));
        Self {
            scale,
            offset: [origin.x as f64, origin.y as f64 - 0.5 * scale],
            zoom,
            clip: projector.clip_rect(),
        }
    }

    pub fn to_screen(&self, w: [f64; 2]) -> Pos2 {
        pos2(
            (self.offset[0] + w[0] * self.scale) as f32,
            (self.offset[1] + w[1] * self.scale) as f32,
        )
    }

    pub fn to_world(&self, p: Pos2) -> [f64; 2] {
        [
            (p.x as f64 - self.offset[0]) / self.scale,
            (p.y as f64 - self.offset[1]) / self.scale,
        ]
    }

    /// The visible area in world coordinates, grown by `margin_px`.
    pub fn view(&self, margin_px: f32) -> WorldBox {
        let r = self.clip.expand(margin_px);
        let a = self.to_world(r.min);
        let b = self.to_world(r.max);
        [a[0], a[1], b[0], b[1]]
    }
}
