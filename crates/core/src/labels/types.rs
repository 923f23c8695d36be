//! Label engine types: rectangles, candidates with their allowed positions, placed labels.

use serde::Serialize;

/// An axis-aligned box in image pixels: top-left corner `(x, y)`, width `w`, height `h`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self { x, y, w, h }
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// True when the interiors intersect (boxes that only touch along an edge do not).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// Area of the intersection (0 when they do not overlap).
    pub fn overlap_area(&self, o: &Rect) -> f32 {
        let w = self.right().min(o.right()) - self.x.max(o.x);
        let h = self.bottom().min(o.bottom()) - self.y.max(o.y);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }

    /// True when `o` lies wholly inside `self`.
    pub fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x && o.y >= self.y && o.right() <= self.right() && o.bottom() <= self.bottom()
    }

    /// The box grown by `d` on every side.
    pub fn inflate(&self, d: f32) -> Rect {
        Rect::new(self.x - d, self.y - d, self.w + 2.0 * d, self.h + 2.0 * d)
    }

    pub(crate) fn is_finite(&self) -> bool {
        [self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
            && self.w >= 0.0
            && self.h >= 0.0
    }
}

/// The positions a label may take relative to its anchor, tried in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// Beside a point symbol of radius `gap` px: the eight compass positions in
    /// [`POINT_POSITIONS`] order (right of the point first, as a caption reads).
    Around { gap: f32 },
    /// Centred on the anchor (an area's label point); then shifted up and down by
    /// `slide` px (one step each way), if `slide` > 0.
    Centred { slide: f32 },
    /// Explicit offsets of the box's top-left corner from the anchor, tried in order.
    Offsets(Vec<[f32; 2]>),
}

/// Compass names of the [`Placement::Around`] positions, in the order they are tried.
pub const POINT_POSITIONS: [&str; 8] = ["E", "NE", "SE", "W", "NW", "SW", "N", "S"];

impl Placement {
    /// The candidate boxes for a `w` x `h` label anchored at `a`, in the order tried.
    pub fn boxes(&self, a: [f32; 2], w: f32, h: f32) -> Vec<Rect> {
        match self {
            Placement::Around { gap } => {
                let g = gap.max(0.0);
                let d = g * std::f32::consts::FRAC_1_SQRT_2;
                let (left, right) = (a[0] - g - w, a[0] + g);
                let (dl, dr) = (a[0] - d - w, a[0] + d);
                let mid = a[1] - h / 2.0;
                [
                    (right, mid),
                    (dr, a[1] - d - h),
                    (dr, a[1] + d),
                    (left, mid),
                    (dl, a[1] - d - h),
                    (dl, a[1] + d),
                    (a[0] - w / 2.0, a[1] - g - h),
                    (a[0] - w / 2.0, a[1] + g),
                ]
                .into_iter()
                .map(|(x, y)| Rect::new(x, y, w, h))
                .collect()
            }
            Placement::Centred { slide } => {
                let c = Rect::new(a[0] - w / 2.0, a[1] - h / 2.0, w, h);
                if *slide > 0.0 {
                    vec![
                        c,
                        Rect {
                            y: c.y - slide,
                            ..c
                        },
                        Rect {
                            y: c.y + slide,
                            ..c
                        },
                    ]
                } else {
                    vec![c]
                }
            }
            Placement::Offsets(offsets) => offsets
                .iter()
                .map(|o| Rect::new(a[0] + o[0], a[1] + o[1], w, h))
                .collect(),
        }
    }
}

/// One text the caller would like on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelCandidate {
    pub text: String,
    /// Which layer it belongs to (`"report_place"`, `"province"`, `"country"`, …), passed
    /// through to the output.
    pub layer: String,
    /// Anchor point in image pixels (the symbol's centre, or an area's label point).
    pub anchor: [f32; 2],
    /// Text box size in pixels `[w, h]`, measured by the caller.
    pub size: [f32; 2],
    pub placement: Placement,
    /// Higher is placed first.
    pub priority: f32,
    /// Never dropped (report places): placed before all other labels.
    pub never_drop: bool,
    /// Labels with the same key are placed at most once (the first by priority).
    pub key: Option<String>,
}

impl LabelCandidate {
    /// A point label (town, camp, report place) beside a symbol of radius `gap` px.
    pub fn point(text: &str, layer: &str, anchor: [f32; 2], size: [f32; 2], gap: f32) -> Self {
        Self {
            text: text.to_owned(),
            layer: layer.to_owned(),
            anchor,
            size,
            placement: Placement::Around { gap },
            priority: 0.0,
            never_drop: false,
            key: None,
        }
    }

    /// An area label (province, country) centred on its label point.
    pub fn area(text: &str, layer: &str, anchor: [f32; 2], size: [f32; 2]) -> Self {
        Self {
            placement: Placement::Centred { slide: size[1] },
            ..Self::point(text, layer, anchor, size, 0.0)
        }
    }

    pub fn with_priority(mut self, priority: f32) -> Self {
        self.priority = priority;
        self
    }

    pub fn never_dropped(mut self) -> Self {
        self.never_drop = true;
        self
    }

    pub fn with_key(mut self, key: &str) -> Self {
        self.key = Some(key.to_owned());
        self
    }
}

/// Settings of one placement run.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LabelOptions {
    /// Labels must lie wholly inside this box (the map area), when set.
    pub bounds: Option<Rect>,
    /// Minimum gap in pixels kept between two labels and between a label and an obstacle.
    pub padding: f32,
}

/// A label as placed, in image pixels (top-left `x, y`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedLabel {
    /// Index of the candidate in the input.
    #[serde(skip)]
    pub index: usize,
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub layer: String,
    /// Which of the candidate's positions was taken (index into [`Placement::boxes`]).
    #[serde(skip)]
    pub position: usize,
    /// A `never_drop` label that found no free position and overlaps something.
    #[serde(skip)]
    pub forced: bool,
}

impl PlacedLabel {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.w, self.h)
    }
}

/// The result of [`super::place_labels`]: placed labels in placement order (never-drop
/// first, then by priority) and the indices of the dropped candidates, ascending.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabelLayout {
    pub placed: Vec<PlacedLabel>,
    pub dropped: Vec<usize>,
}
