//! Diagonal hatching clipped to polygons (even-odd scanlines), for area symbols that must not
//! hide what lies beneath.

use egui::{Pos2, Rect, pos2};

/// Hatch segments inside `rings` (screen coordinates), 45° lines `spacing` points apart,
/// shifted by `phase` (0..1 of the spacing) so several hatches can interleave, limited to
/// `view`.
pub fn hatch_segments(rings: &[Vec<Pos2>], spacing: f32, phase: f32, view: Rect) -> Vec<[Pos2; 2]> {
    let (mut umin, mut umax) = (f32::INFINITY, f32::NEG_INFINITY);
    for p in rings.iter().flatten() {
        umin = umin.min(p.x + p.y);
        umax = umax.max(p.x + p.y);
    }
    umin = umin.max(view.min.x + view.min.y);
    umax = umax.min(view.max.x + view.max.y);
    if umin.partial_cmp(&umax) != Some(std::cmp::Ordering::Less) || spacing <= 0.0 {
        return Vec::new();
    }
    let step = spacing * std::f32::consts::SQRT_2;
    let mut c = ((umin / step).floor() + phase) * step;
    let mut out = Vec::new();
    let mut vs: Vec<f32> = Vec::new();
    while c <= umax {
        vs.clear();
        for ring in rings {
            for w in ring.windows(2) {
                let (p, q) = (w[0], w[1]);
                let (up, uq) = (p.x + p.y, q.x + q.y);
                if (up <= c && c < uq) || (uq <= c && c < up) {
                    let t = (c - up) / (uq - up);
                    let (vp, vq) = (p.x - p.y, q.x - q.y);
                    vs.push(vp + t * (vq - vp));
                }
            }
        }
        vs.sort_by(|a, b| a.total_cmp(b));
        for pair in vs.chunks_exact(2) {
            let a = pos2((c + pair[0]) / 2.0, (c - pair[0]) / 2.0);
            let b = pos2((c + pair[1]) / 2.0, (c - pair[1]) / 2.0);
            out.push([a, b]);
        }
        c += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    #[test]
    fn hatch_stays_inside_a_square_and_covers_it() {
        let sq = vec![
            pos2(0.0, 0.0),
            pos2(100.0, 0.0),
            pos2(100.0, 100.0),
            pos2(0.0, 100.0),
            pos2(0.0, 0.0),
        ];
        let view = Rect::from_min_size(pos2(-50.0, -50.0), vec2(300.0, 300.0));
        let segs = hatch_segments(&[sq], 10.0, 0.0, view);
        // 45° lines 10 apart across a 100×100 square: its diagonal is 141 long, so 14–15.
        assert!((14..=15).contains(&segs.len()), "{}", segs.len());
        for [a, b] in &segs {
            for p in [a, b] {
                assert!(
                    p.x >= -0.01 && p.x <= 100.01 && p.y >= -0.01 && p.y <= 100.01,
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn a_hole_is_not_hatched() {
        let outer = vec![
            pos2(0.0, 0.0),
            pos2(100.0, 0.0),
            pos2(100.0, 100.0),
            pos2(0.0, 100.0),
            pos2(0.0, 0.0),
        ];
        let hole = vec![
            pos2(40.0, 40.0),
            pos2(60.0, 40.0),
            pos2(60.0, 60.0),
            pos2(40.0, 60.0),
            pos2(40.0, 40.0),
        ];
        let view = Rect::from_min_size(pos2(0.0, 0.0), vec2(100.0, 100.0));
        let segs = hatch_segments(&[outer, hole], 5.0, 0.5, view);
        let centre = pos2(50.0, 50.0);
        for [a, b] in &segs {
            // No segment passes through the hole's centre.
            let ab = *b - *a;
            let t = ((centre - *a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0);
            assert!((*a + ab * t).distance(centre) > 2.0);
        }
    }
}
