//! Which annotation is under the pointer: near a line, inside a highlight, on a text; the
//! topmost wins. Positions are tested on screen, as the user sees them.

use atlas_core::project::{Annotation, Shape};
use egui::{Pos2, Rect, vec2};

use super::annotations_layer::world;
use super::transform::WorldToScreen;

/// How near a line the pointer must be, pixels.
const TOLERANCE: f32 = 7.0;

/// The id of the topmost annotation of `layers` (bottom first) under `pos`.
pub fn hit<'a>(
    annotations: impl DoubleEndedIterator<Item = &'a Annotation>,
    t: &WorldToScreen,
    pos: Pos2,
) -> Option<u32> {
    annotations.rev().find(|a| hits(a, t, pos)).map(|a| a.id)
}

fn hits(a: &Annotation, t: &WorldToScreen, pos: Pos2) -> bool {
    let scr = |p: [f64; 2]| t.to_screen(world(p));
    let near_line = |pts: &[Pos2]| {
        pts.windows(2)
            .any(|w| segment_distance(pos, w[0], w[1]) <= TOLERANCE)
    };
    match &a.shape {
        Shape::Text { at, text } => text_rect(scr(*at), text, a.style.text_size).contains(pos),
        Shape::Callout { at, target, text } => {
            text_rect(scr(*at), text, a.style.text_size).contains(pos)
                || near_line(&[scr(*at), scr(*target)])
        }
        Shape::Arrow { from, to } => near_line(&[scr(*from), scr(*to)]),
        Shape::Rect { .. } | Shape::Polygon { .. } => a.shape.outlines().iter().any(|o| {
            let pts: Vec<Pos2> = o.iter().map(|p| scr(*p)).collect();
            near_line(&pts) || inside(pos, &pts)
        }),
        Shape::Ring { centre, .. } => {
            scr(*centre).distance(pos) <= 2.0 * TOLERANCE
                || a.shape.outlines().iter().any(|o| {
                    let pts: Vec<Pos2> = o.iter().map(|p| scr(*p)).collect();
                    near_line(&pts)
                })
        }
        Shape::Measure { points, .. } => {
            let pts: Vec<Pos2> = points.iter().map(|p| scr(*p)).collect();
            near_line(&pts) || pts.iter().any(|p| p.distance(pos) <= TOLERANCE)
        }
    }
}

/// Roughly where a text of `size` points centred on `at` sits (average glyph width).
fn text_rect(at: Pos2, text: &str, size: f32) -> Rect {
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(1) as f32;
    let lines = text.lines().count().max(1) as f32;
    Rect::from_center_size(
        at,
        vec2(longest * size * 0.55 + 8.0, lines * size * 1.3 + 6.0),
    )
}

/// Distance from `p` to the segment `a`–`b`.
pub fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    let s = if len2 > 0.0 {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.distance(a + ab * s)
}

/// Even-odd point-in-polygon on screen.
fn inside(p: Pos2, ring: &[Pos2]) -> bool {
    let mut odd = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            odd = !odd;
        }
    }
    odd
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn segment_and_polygon_geometry() {
        assert_eq!(
            segment_distance(pos2(5.0, 3.0), pos2(0.0, 0.0), pos2(10.0, 0.0)),
            3.0
        );
        assert_eq!(
            segment_distance(pos2(-4.0, 3.0), pos2(0.0, 0.0), pos2(10.0, 0.0)),
            5.0
        );
        let square = [
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
            pos2(0.0, 0.0),
        ];
        assert!(inside(pos2(5.0, 5.0), &square));
        assert!(!inside(pos2(15.0, 5.0), &square));
    }
}
