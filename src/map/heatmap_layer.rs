//! The attack-density heatmap: the kernel-density raster (computed on a worker, uploaded as
//! a texture) laid on the map as one textured quad; and the "synthetic data" badge.

use egui::{Align2, Color32, Mesh, Rect, Response, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::style::faded;
use super::transform::WorldToScreen;
use crate::state::LayerStyle;

pub struct HeatmapLayer {
    pub texture: egui::TextureId,
    /// World box the texture covers (x0, y0, x1, y1; y grows south).
    pub world: [f64; 4],
    pub style: LayerStyle,
}

/// The part of the world box `world` that is on screen, as a screen rect and the matching
/// texture coordinates; `None` when off screen.
pub fn visible_part(t: &WorldToScreen, world: [f64; 4]) -> Option<(Rect, Rect)> {
    let [x0, y0, x1, y1] = world;
    if !(x1 > x0 && y1 > y0) {
        return None;
    }
    let v = t.view(0.0);
    let (cx0, cy0, cx1, cy1) = (x0.max(v[0]), y0.max(v[1]), x1.min(v[2]), y1.min(v[3]));
    if !(cx1 > cx0 && cy1 > cy0) {
        return None;
    }
    let screen = Rect::from_min_max(t.to_screen([cx0, cy0]), t.to_screen([cx1, cy1]));
    let u = |x: f64| ((x - x0) / (x1 - x0)) as f32;
    let w = |y: f64| ((y - y0) / (y1 - y0)) as f32;
    let uv = Rect::from_min_max(pos2(u(cx0), w(cy0)), pos2(u(cx1), w(cy1)));
    Some((screen, uv))
}

impl Plugin for HeatmapLayer {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let Some((screen, uv)) = visible_part(&t, self.world) else {
            return;
        };
        let mut mesh = Mesh::with_texture(self.texture);
        mesh.add_rect_with_uv(screen, uv, faded(Color32::WHITE, self.style.opacity));
        ui.painter_at(t.clip).add(mesh);
    }
}

/// A banner at the top of the map naming the incident data shown; red for synthetic data.
/// A label that is never dropped, so no other label is drawn over it.
pub struct DatasetBadge {
    pub text: String,
    pub synthetic: bool,
    pub labels: super::labels::LabelSink,
}

impl Plugin for DatasetBadge {
    fn run(self: Box<Self>, _: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let (fg, bg, size) = if self.synthetic {
            (Color32::WHITE, Color32::from_rgb(178, 24, 43), 14.0)
        } else {
            (Color32::from_gray(30), Color32::from_white_alpha(215), 12.0)
        };
        let top = t.clip.center_top() + vec2(0.0, 7.0);
        self.labels.push(super::labels::Label {
            text: self.text,
            world: t.to_world(top),
            size,
            color: fg,
            priority: super::labels::ANNOTATION_PRIORITY,
            anchor: Align2::CENTER_TOP,
            body: super::labels::LabelBody::Panel {
                fill: bg,
                stroke: Stroke::new(1.0, Color32::from_black_alpha(90)),
                pad: vec2(8.0, 3.0),
            },
            layer: "dataset_badge",
            never_drop: true,
            ..Default::default()
        });
    }
}
