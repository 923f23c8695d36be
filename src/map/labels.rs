//! Map labels: layers submit candidates, the last plugin places them by priority without overlap.

use std::cell::RefCell;
use std::rc::Rc;

use egui::{Align2, Color32, FontId, Rect, Response, Stroke, Ui, Vec2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::style::map_style;
use super::transform::WorldToScreen;

/// Priority of annotation text: placed before every other label and never dropped (the
/// analyst put it there).
pub const ANNOTATION_PRIORITY: i32 = 1_000_000;

/// One label candidate.
#[derive(Debug, Clone)]
pub struct Label {
    pub text: String,
    pub world: [f64; 2],
    pub size: f32,
    pub color: Color32,
    /// Higher is placed first; report places use the highest so they are always shown.
    pub priority: i32,
    pub anchor: Align2,
    pub offset: Vec2,
    /// Draw a box around the label (emphasised places).
    pub boxed: Option<Color32>,
}

/// Where layers put their label candidates during a frame.
#[derive(Clone, Default)]
pub struct LabelSink(Rc<RefCell<Vec<Label>>>);

impl LabelSink {
    pub fn push(&self, label: Label) {
        self.0.borrow_mut().push(label);
    }

    fn take(&self) -> Vec<Label> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// Places and paints every submitted label, greedily by priority, skipping overlaps.
pub struct LabelsPlugin {
    pub sink: LabelSink,
    pub dark: bool,
}

impl Plugin for LabelsPlugin {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let halo = map_style(self.dark).halo;
        let scale = super::style::text_scale(ui.ctx());
        let mut labels = self.sink.take();
        labels.sort_by_key(|l| std::cmp::Reverse(l.priority));
        let mut placed: Vec<Rect> = Vec::new();
        for l in labels {
            let pos = t.to_screen(l.world) + l.offset;
            if !t.clip.contains(pos) {
                continue;
            }
            let galley = painter.layout_no_wrap(
                atlas_core::text::display_text(&l.text).into_owned(),
                FontId::proportional(l.size * scale),
                l.color,
            );
            let rect = l.anchor.anchor_size(pos, galley.size());
            let padded = rect.expand(3.0);
            if l.priority < ANNOTATION_PRIORITY && placed.iter().any(|r| r.intersects(padded)) {
                continue;
            }
            placed.push(padded);
            if let Some(border) = l.boxed {
                painter.rect(
                    rect.expand2(vec2(4.0, 2.0)),
                    3.0,
                    halo,
                    Stroke::new(1.5, border),
                    egui::StrokeKind::Outside,
                );
            } else {
                for d in [
                    vec2(-1.0, 0.0),
                    vec2(1.0, 0.0),
                    vec2(0.0, -1.0),
                    vec2(0.0, 1.0),
                    vec2(-1.0, -1.0),
                    vec2(1.0, 1.0),
                    vec2(1.0, -1.0),
                    vec2(-1.0, 1.0),
                ] {
                    painter.galley_with_override_text_color(rect.min + d, galley.clone(), halo);
                }
            }
            painter.galley(rect.min, galley, l.color);
        }
    }
}
