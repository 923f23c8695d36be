//! Greedy label placement: never-drop labels first, then by priority, first free position.

use std::collections::HashSet;

use super::grid::Grid;
use super::types::{LabelCandidate, LabelLayout, LabelOptions, PlacedLabel, Rect};

/// Places `candidates` avoiding each other and `obstacles` (see the module docs for the
/// rules). Candidates with a non-finite anchor or size, or a negative size, are dropped.
pub fn place_labels(
    candidates: &[LabelCandidate],
    obstacles: &[Rect],
    opts: &LabelOptions,
) -> LabelLayout {
    let pad = opts.padding.max(0.0);
    let boxes: Vec<Vec<Rect>> = candidates.iter().map(candidate_boxes).collect();
    let mut grid = Grid::new(
        extent(&boxes, obstacles, opts.bounds),
        cell_size(candidates),
    );
    for o in obstacles.iter().filter(|o| o.is_finite()) {
        grid.insert(o.inflate(pad / 2.0));
    }

    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (&candidates[a], &candidates[b]);
        cb.never_drop
            .cmp(&ca.never_drop)
            .then(rank(cb.priority).total_cmp(&rank(ca.priority)))
            .then(a.cmp(&b))
    });

    let mut layout = LabelLayout::default();
    let mut keys: HashSet<&str> = HashSet::new();
    for i in order {
        let c = &candidates[i];
        if c.key.as_deref().is_some_and(|k| keys.contains(k)) {
            layout.dropped.push(i);
            continue;
        }
        let inside = |r: &Rect| opts.bounds.is_none_or(|b| b.contains(r));
        let free = boxes[i]
            .iter()
            .position(|r| inside(r) && !grid.hits(&r.inflate(pad / 2.0)));
        let chosen = match free {
            Some(p) => Some((p, false)),
            None if c.never_drop => least_covered(&boxes[i], &grid, opts.bounds).map(|p| (p, true)),
            None => None,
        };
        let Some((position, forced)) = chosen else {
            layout.dropped.push(i);
            continue;
        };
        let r = boxes[i][position];
        grid.insert(r.inflate(pad / 2.0));
        if let Some(k) = c.key.as_deref() {
            keys.insert(k);
        }
        layout.placed.push(PlacedLabel {
            index: i,
            text: c.text.clone(),
            x: r.x,
            y: r.y,
            w: r.w,
            h: r.h,
            layer: c.layer.clone(),
            position,
            forced,
        });
    }
    layout.dropped.sort_unstable();
    layout
}

/// The candidate's boxes, or none when its geometry is unusable.
fn candidate_boxes(c: &LabelCandidate) -> Vec<Rect> {
    let [w, h] = c.size;
    let ok = [c.anchor[0], c.anchor[1], w, h]
        .iter()
        .all(|v| v.is_finite())
        && w >= 0.0
        && h >= 0.0;
    if !ok {
        return Vec::new();
    }
    let mut b = c.placement.boxes(c.anchor, w, h);
    b.retain(Rect::is_finite);
    b
}

/// NaN priorities sort last.
fn rank(p: f32) -> f32 {
    if p.is_nan() { f32::NEG_INFINITY } else { p }
}

/// Position with the least area covered by placed boxes or lying outside the bounds.
fn least_covered(boxes: &[Rect], grid: &Grid, bounds: Option<Rect>) -> Option<usize> {
    let cost = |r: &Rect| {
        let outside = bounds.map_or(0.0, |b| r.w * r.h - b.overlap_area(r));
        grid.covered(r) + outside
    };
    boxes
        .iter()
        .enumerate()
        .map(|(i, r)| (i, cost(r)))
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i)
}

/// The box holding every position, obstacle and the bounds (the grid's extent).
fn extent(boxes: &[Vec<Rect>], obstacles: &[Rect], bounds: Option<Rect>) -> Rect {
    let all = boxes.iter().flatten().chain(obstacles).chain(bounds.iter());
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for r in all.filter(|r| r.is_finite()) {
        x0 = x0.min(r.x);
        y0 = y0.min(r.y);
        x1 = x1.max(r.right());
        y1 = y1.max(r.bottom());
    }
    if x0 > x1 {
        return Rect::new(0.0, 0.0, 1.0, 1.0);
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}

/// Cells about twice the median label height: most queries touch one to four cells.
fn cell_size(candidates: &[LabelCandidate]) -> f32 {
    let mut h: Vec<f32> = candidates
        .iter()
        .map(|c| c.size[1])
        .filter(|h| h.is_finite() && *h > 0.0)
        .collect();
    if h.is_empty() {
        return 32.0;
    }
    let mid = h.len() / 2;
    h.select_nth_unstable_by(mid, f32::total_cmp);
    (h[mid] * 2.0).max(8.0)
}
