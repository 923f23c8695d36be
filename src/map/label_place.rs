//! Placing and painting a frame's labels with the core label engine: at once (the window),
//! or once an export's furniture is laid out, so no label goes under the title or legend.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use atlas_core::labels::{LabelCandidate, LabelOptions, PlacedLabel, Placement, place_labels};
use egui::{Color32, FontId, Galley, Pos2, Rect, Response, Shape, Ui, Vec2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Fit, Label, LabelBody, LabelSink};
use super::style::map_style;
use super::transform::WorldToScreen;

/// Gap (points) kept between two labels and between a label and a symbol or furniture.
pub const LABEL_PADDING: f32 = 3.0;

/// One label measured: what it draws (its text laid out) — its engine candidate is kept
/// beside it, at the same index.
struct Measured {
    label: Label,
    galley: Option<Arc<Galley>>,
}

/// A frame's labels, measured and waiting to be placed.
pub struct PendingLabels {
    painter: egui::Painter,
    /// Where their shapes go in the paint order (over the map layers, under the furniture).
    slot: egui::layers::ShapeIdx,
    items: Vec<Measured>,
    candidates: Vec<LabelCandidate>,
    symbols: Vec<Rect>,
    halo: Color32,
}

/// What a frame's labels want of furniture put over the map: boxes it must not cover (report
/// places and other never-dropped labels, at their first position) and every label's anchor.
#[derive(Debug, Clone, Default)]
pub struct LabelsWanted {
    pub protected: Vec<Rect>,
    pub anchors: Vec<Pos2>,
}

/// Handle through which the map's caller (window or export) takes the frame's labels to
/// place them once its furniture is drawn.
#[derive(Clone, Default)]
pub struct DeferredLabels(Rc<RefCell<Option<PendingLabels>>>);

impl DeferredLabels {
    pub fn take(&self) -> Option<PendingLabels> {
        self.0.borrow_mut().take()
    }
}

/// The last map plugin: measures every submitted label and hands them to `deferred`, whose
/// taker places and paints them with [`PendingLabels::finish`] once the furniture over the
/// map is known.
pub struct LabelsPlugin {
    pub sink: LabelSink,
    pub dark: bool,
    pub deferred: DeferredLabels,
}

impl Plugin for LabelsPlugin {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let ctx = ui.ctx().clone();
        let (labels, symbols) = self.sink.take();
        let (items, candidates) = labels
            .into_iter()
            .filter_map(|l| {
                let pos = t.to_screen(l.world);
                let size = super::style::font_size(&ctx, l.size);
                measure(&painter, l, pos, size)
            })
            .filter(|(_, c)| t.clip.contains(Pos2::from(c.anchor)))
            .unzip();
        *self.deferred.0.borrow_mut() = Some(PendingLabels {
            slot: painter.add(Shape::Noop),
            painter,
            items,
            candidates,
            symbols,
            halo: map_style(self.dark).halo,
        });
    }
}

/// Margin between a label's box and its text.
fn margin(body: &LabelBody) -> Vec2 {
    match body {
        LabelBody::Halo => vec2(1.0, 1.0),
        LabelBody::Plain | LabelBody::Art(_) => Vec2::ZERO,
        LabelBody::Panel { pad, stroke, .. } => *pad + Vec2::splat(stroke.width),
    }
}

/// `label` measured with its text at `font` points, and its engine candidate.
fn measure(
    painter: &egui::Painter,
    label: Label,
    pos: Pos2,
    font: f32,
) -> Option<(Measured, LabelCandidate)> {
    if !pos.is_finite() {
        return None;
    }
    let (galley, size) = match &label.body {
        LabelBody::Art(a) => (None, a.size),
        body => {
            let g = layout_text(painter, &label, font);
            let size = g.size() + 2.0 * margin(body);
            (Some(g), size)
        }
    };
    let candidate = candidate(&label, pos, size);
    Some((Measured { label, galley }, candidate))
}

fn layout_text(painter: &egui::Painter, label: &Label, size: f32) -> Arc<Galley> {
    let text = atlas_core::text::display_text(&label.text).into_owned();
    let font = FontId::proportional(size);
    if label.tracking <= 0.0 {
        return painter.layout(text, font, label.color, label.wrap);
    }
    let spacing = label.tracking * font.size;
    let mut job = egui::text::LayoutJob::single_section(
        text,
        egui::TextFormat {
            font_id: font,
            color: label.color,
            extra_letter_spacing: spacing,
            ..Default::default()
        },
    );
    job.wrap.max_width = label.wrap;
    painter.layout_job(job)
}

/// The engine's candidate for `l` drawn as a `size` box near screen point `pos`.
fn candidate(l: &Label, pos: Pos2, size: Vec2) -> LabelCandidate {
    let placement = match l.fit {
        Fit::Around => Placement::Around {
            gap: l.offset.length(),
        },
        Fit::Slide => Placement::Centred { slide: size.y },
        Fit::Fixed => Placement::Offsets(
            std::iter::once(l.offset)
                .chain(l.also.iter().copied())
                .map(|o| {
                    let r = l.anchor.anchor_size(pos + o, size);
                    [r.min.x - pos.x, r.min.y - pos.y]
                })
                .collect(),
        ),
    };
    LabelCandidate {
        text: l.text.clone(),
        layer: l.layer.to_owned(),
        anchor: [pos.x, pos.y],
        size: [size.x, size.y],
        placement,
        priority: l.priority as f32,
        never_drop: l.never_drop,
        key: l.key.clone(),
    }
}

pub(crate) fn to_core(r: Rect) -> atlas_core::labels::Rect {
    atlas_core::labels::Rect::new(r.min.x, r.min.y, r.width(), r.height())
}

impl PendingLabels {
    /// The first-choice boxes of the labels never dropped (report places, claims), and
    /// every label's anchor: what furniture placed over the map should keep clear of.
    pub fn wanted(&self) -> LabelsWanted {
        let mut w = LabelsWanted::default();
        for c in &self.candidates {
            w.anchors.push(Pos2::new(c.anchor[0], c.anchor[1]));
            if c.never_drop
                && let Some(b) = c.placement.boxes(c.anchor, c.size[0], c.size[1]).first()
            {
                w.protected
                    .push(Rect::from_min_size(Pos2::new(b.x, b.y), vec2(b.w, b.h)));
            }
        }
        w
    }

    /// Place the labels clear of each other, of the symbols and of `furniture` (screen
    /// rectangles), inside the map, and paint them. Returns what was placed, in points.
    pub fn finish(self, furniture: &[Rect]) -> Vec<PlacedLabel> {
        let obstacles: Vec<_> = self
            .symbols
            .iter()
            .chain(furniture)
            .map(|r| to_core(*r))
            .collect();
        let opts = LabelOptions {
            bounds: Some(to_core(self.painter.clip_rect())),
            padding: LABEL_PADDING,
        };
        let layout = place_labels(&self.candidates, &obstacles, &opts);
        let mut shapes = Vec::new();
        for p in &layout.placed {
            // Whole points: the same pixels (scaled) at every pixel ratio.
            let r = Rect::from_min_size(Pos2::new(p.x, p.y).round(), vec2(p.w, p.h));
            paint(&mut shapes, &self.items[p.index], r, self.halo);
        }
        self.painter.set(self.slot, Shape::Vec(shapes));
        layout.placed
    }
}

fn paint(out: &mut Vec<Shape>, m: &Measured, r: Rect, halo: Color32) {
    let l = &m.label;
    let text_at = r.min + margin(&l.body);
    match (&l.body, &m.galley) {
        (LabelBody::Art(a), _) => out.extend((a.draw)(r)),
        (LabelBody::Panel { fill, stroke, .. }, Some(g)) => {
            out.push(Shape::Rect(egui::epaint::RectShape::new(
                r,
                3.0,
                *fill,
                *stroke,
                egui::StrokeKind::Inside,
            )));
            out.push(Shape::galley(text_at, g.clone(), l.color));
        }
        (LabelBody::Halo, Some(g)) => {
            for d in HALO_OFFSETS {
                out.push(Shape::galley_with_override_text_color(
                    text_at + d,
                    g.clone(),
                    halo,
                ));
            }
            out.push(Shape::galley(text_at, g.clone(), l.color));
        }
        (_, Some(g)) => out.push(Shape::galley(text_at, g.clone(), l.color)),
        (_, None) => {}
    }
}

const HALO_OFFSETS: [Vec2; 8] = [
    vec2(-1.0, 0.0),
    vec2(1.0, 0.0),
    vec2(0.0, -1.0),
    vec2(0.0, 1.0),
    vec2(-1.0, -1.0),
    vec2(1.0, 1.0),
    vec2(1.0, -1.0),
    vec2(-1.0, 1.0),
];
