//! One label engine for every text on the map: greedy placement by priority with collision
//! avoidance against other labels and the layout furniture.
//!
//! The core has no font metrics, so the caller measures each text and passes its box size in
//! pixels. [`place_labels`] takes [`LabelCandidate`]s (anchor, box size, [`Placement`] — the
//! positions it may take —, priority, layer, `never_drop`) and obstacle rectangles (title,
//! legend, scale bar, north arrow, inset, sources, banners, point symbols …) and returns the
//! [`PlacedLabel`]s: no two placed labels overlap and none overlaps an obstacle.
//!
//! Order: `never_drop` labels first, then by descending priority, ties by input order, so the
//! result is deterministic. Each label takes the first of its positions that is free (inside
//! the bounds, off every obstacle and every label placed before it); a label with no free
//! position is dropped. A `never_drop` label (report places) is never dropped: when all its
//! positions are blocked — only possible by furniture, the bounds or another `never_drop`
//! label, since it is placed before everything else — it takes the least-covered position and
//! is marked [`PlacedLabel::forced`]. Labels sharing a [`LabelCandidate::key`] are placed at
//! most once (a district and a town of the same name): a later one with a key already placed
//! is dropped, even a `never_drop` one, since its text is already on the map.

mod grid;
mod place;
mod types;

pub use place::place_labels;
pub use types::{
    LabelCandidate, LabelLayout, LabelOptions, POINT_POSITIONS, PlacedLabel, Placement, Rect,
};
