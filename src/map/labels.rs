//! Map labels: layers submit candidates (and the symbols labels must not cover) to a sink;
//! the last plugin places them all with the core label engine.

use std::cell::RefCell;
use std::rc::Rc;

use egui::{Align2, Color32, Rect, Shape, Stroke, Vec2};

/// Priority of annotation text: placed before every other label and never dropped (the
/// analyst put it there).
pub const ANNOTATION_PRIORITY: i32 = 1_000_000;

/// Which positions a label may take.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Fit {
    /// Exactly where `anchor` and `offset` put it.
    #[default]
    Fixed,
    /// Beside a point symbol: the eight compass positions at a gap of `offset`'s length
    /// (right of the point first).
    Around,
    /// Centred on an area's label point, or shifted up or down by its own height.
    Slide,
}

/// How a label's box is drawn.
#[derive(Clone, Default)]
pub enum LabelBody {
    /// Text with a halo in the basemap's background colour.
    #[default]
    Halo,
    /// Text alone (white numbers on a cluster disc).
    Plain,
    /// Text on a filled, outlined box with `pad` around the text.
    Panel {
        fill: Color32,
        stroke: Stroke,
        pad: Vec2,
    },
    /// A drawing of its own (chips): its size, and its shapes for a given box.
    Art(Art),
}

/// A label that draws itself: `size` in points, `draw` gives the shapes for the placed box.
#[derive(Clone)]
pub struct Art {
    pub size: Vec2,
    pub draw: Rc<dyn Fn(Rect) -> Vec<Shape>>,
}

impl std::fmt::Debug for LabelBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LabelBody::Halo => f.write_str("Halo"),
            LabelBody::Plain => f.write_str("Plain"),
            LabelBody::Panel { fill, .. } => write!(f, "Panel({fill:?})"),
            LabelBody::Art(a) => write!(f, "Art({:?})", a.size),
        }
    }
}

/// One label candidate.
#[derive(Debug, Clone)]
pub struct Label {
    pub text: String,
    pub world: [f64; 2],
    pub size: f32,
    pub color: Color32,
    /// Higher is placed first.
    pub priority: i32,
    pub anchor: Align2,
    pub offset: Vec2,
    pub body: LabelBody,
    /// What the label belongs to (`"province"`, `"town"`, `"report_place"` …), as reported
    /// in an export's layout.
    pub layer: &'static str,
    pub fit: Fit,
    /// Report places, annotations, country-level claims: always drawn.
    pub never_drop: bool,
    /// Labels with the same key are drawn once (a district and a town of one name).
    pub key: Option<String>,
    /// Text wider than this many points wraps.
    pub wrap: f32,
    /// Extra space between letters, in ems (spaced capitals of country names).
    pub tracking: f32,
    /// With [`Fit::Fixed`]: more offsets tried, in order, when `offset` is taken.
    pub also: Vec<Vec2>,
}

impl Default for Label {
    fn default() -> Self {
        Self {
            text: String::new(),
            world: [0.0; 2],
            size: 12.0,
            color: Color32::BLACK,
            priority: 0,
            anchor: Align2::CENTER_CENTER,
            offset: Vec2::ZERO,
            body: LabelBody::Halo,
            layer: "label",
            fit: Fit::Fixed,
            never_drop: false,
            key: None,
            wrap: f32::INFINITY,
            tracking: 0.0,
            also: Vec::new(),
        }
    }
}

/// The box a point symbol of `radius` points at `centre` keeps clear of labels: a square
/// between the symbol's inscribed and bounding squares, so that a label [`Fit::Around`] it at
/// [`symbol_gap`] fits in every compass position, diagonals too.
pub fn symbol_box(centre: egui::Pos2, radius: f32) -> Rect {
    Rect::from_center_size(centre, Vec2::splat(1.5 * radius))
}

/// Distance from a symbol of `radius` points to its label's box ([`Fit::Around`]'s gap).
pub fn symbol_gap(radius: f32) -> f32 {
    radius + 6.0
}

/// The key that makes two labels of one place name one label.
pub fn name_key(name: &str) -> Option<String> {
    Some(name.trim().to_lowercase())
}

/// A text with a box around it in `border` (emphasised places).
pub fn boxed(halo: Color32, border: Color32) -> LabelBody {
    LabelBody::Panel {
        fill: halo,
        stroke: Stroke::new(1.5, border),
        pad: egui::vec2(5.5, 3.5),
    }
}

#[derive(Default)]
struct Submitted {
    labels: Vec<Label>,
    /// Symbols (screen rectangles) no label may cover.
    obstacles: Vec<Rect>,
}

/// Where layers put their label candidates and symbol boxes during a frame.
#[derive(Clone, Default)]
pub struct LabelSink(Rc<RefCell<Submitted>>);

impl LabelSink {
    pub fn push(&self, label: Label) {
        self.0.borrow_mut().labels.push(label);
    }

    /// A drawn symbol (camp icon, group dot, cluster disc) that labels must keep clear of.
    pub fn obstacle(&self, rect: Rect) {
        if rect.is_finite() {
            self.0.borrow_mut().obstacles.push(rect);
        }
    }

    pub(super) fn take(&self) -> (Vec<Label>, Vec<Rect>) {
        let s = std::mem::take(&mut *self.0.borrow_mut());
        (s.labels, s.obstacles)
    }
}
