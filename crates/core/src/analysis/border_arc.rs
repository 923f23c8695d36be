//! Great-circle arcs as unit vectors: the exact chord distance from a point to an arc.

use geo::Line;
use rstar::{AABB, PointDistance, RTreeObject};

pub(super) type V3 = [f64; 3];

pub(super) fn unit(lon: f64, lat: f64) -> V3 {
    let (l, p) = (lon.to_radians(), lat.to_radians());
    let (sl, cl) = l.sin_cos();
    let (sp, cp) = p.sin_cos();
    [cp * cl, cp * sl, sp]
}

pub(super) fn sub(a: V3, b: V3) -> V3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

pub(super) fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: V3, b: V3) -> V3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

/// [`Arc::measure`] of the angle whose squared chord on the unit sphere is `c2` (0 to 4).
pub(super) fn measure_of_chord2(c2: f64) -> f64 {
    let sin2 = c2 * (1.0 - c2 / 4.0);
    if c2 <= 2.0 { sin2 } else { 2.0 - sin2 }
}

/// The angle (radians) with [`Arc::measure`] `m` (0 to 2).
pub(super) fn angle_of_measure(m: f64) -> f64 {
    if (0.0..=0.04).contains(&m) {
        // asin x for x = √m ≤ 0.2 (up to 1,280 km) by its series to x¹¹: the next term is
        // below 2e-11 rad (0.1 mm on the Earth).
        let x = m.sqrt();
        let p = 63.0 / 2816.0;
        let p = p * m + 35.0 / 1152.0;
        let p = p * m + 5.0 / 112.0;
        let p = p * m + 3.0 / 40.0;
        let p = p * m + 1.0 / 6.0;
        return x * (1.0 + m * p);
    }
    if m <= 1.0 {
        m.max(0.0).sqrt().asin()
    } else {
        std::f64::consts::PI - (2.0 - m).max(0.0).sqrt().asin()
    }
}

/// Great-circle distance in km (mean Earth radius, as geo's `Haversine`) for a chord length
/// on the unit sphere.
pub(super) fn chord_to_km(chord: f64, radius_km: f64) -> f64 {
    2.0 * radius_km * (chord / 2.0).clamp(0.0, 1.0).asin()
}

/// A great-circle arc from `a` to `b` (shorter way round), ready for distance queries.
#[derive(Clone, Copy)]
pub(super) struct Arc {
    a: V3,
    b: V3,
    /// Unit normal of the arc's great circle.
    n: V3,
    /// A point is abeam the arc (its nearest point on the great circle lies between `a` and
    /// `b`) iff its dot products with `ta` and `tb` are both positive; zero for a degenerate
    /// arc, which is then just its end points.
    ta: V3,
    tb: V3,
}

impl Arc {
    pub(super) fn new(a: V3, b: V3) -> Self {
        let c = cross(a, b);
        let len = dot(c, c).sqrt();
        if len < 1e-15 {
            return Arc {
                a,
                b,
                n: [0.0; 3],
                ta: [0.0; 3],
                tb: [0.0; 3],
            };
        }
        let n = [c[0] / len, c[1] / len, c[2] / len];
        Arc {
            a,
            b,
            n,
            ta: cross(n, a),
            tb: cross(b, n),
        }
    }

    /// A ball holding the arc: its midpoint on the sphere and the chord from there to the
    /// end points (no point of the arc is farther).
    pub(super) fn ball(&self) -> (V3, f64) {
        let s = [
            self.a[0] + self.b[0],
            self.a[1] + self.b[1],
            self.a[2] + self.b[2],
        ];
        let len = dot(s, s).sqrt();
        if len < 1e-12 {
            return (self.a, 2.0);
        }
        let m = [s[0] / len, s[1] / len, s[2] / len];
        let d = sub(self.a, m);
        (m, dot(d, d).sqrt() * (1.0 + 1e-9) + 1e-12)
    }

    /// A measure of the angular distance θ from unit vector `p` to the arc: sin²θ up to
    /// 90°, 2 − sin²θ beyond (increasing in θ throughout), accurate for small θ too.
    #[inline]
    pub(super) fn measure(&self, p: V3) -> f64 {
        // Both cases are computed and one is picked, without a hard-to-predict branch.
        let abeam = (dot(p, self.ta) > 0.0) & (dot(p, self.tb) > 0.0);
        // Abeam: sin θ = p·n, θ the angle off the great circle.
        let s = dot(p, self.n);
        let (da, db) = (sub(p, self.a), sub(p, self.b));
        let ends = measure_of_chord2(dot(da, da).min(dot(db, db)));
        if abeam { s * s } else { ends }
    }

    /// Squared chord (straight-line, unit sphere) distance from unit vector `p` to the
    /// arc's nearest point: monotone in the great-circle distance, and a metric in 3-D.
    #[inline]
    pub(super) fn chord2(&self, p: V3) -> f64 {
        if dot(p, self.ta) > 0.0 && dot(p, self.tb) > 0.0 {
            // Angle θ off the great circle: sin θ = p·n; chord² = 2 − 2 cos θ, written so
            // that it stays accurate for small θ.
            let s = dot(p, self.n);
            let s2 = s * s;
            return 2.0 * s2 / (1.0 + (1.0 - s2).max(0.0).sqrt());
        }
        let (da, db) = (sub(p, self.a), sub(p, self.b));
        dot(da, da).min(dot(db, db))
    }
}

/// A segment in the R-tree: its chord's end points on the unit sphere.
pub(super) struct Segment {
    pub(super) a: V3,
    pub(super) b: V3,
    pub(super) line: Line<f64>,
    /// Index of the segment's [`Arc`].
    pub(super) idx: u32,
}

impl RTreeObject for Segment {
    type Envelope = AABB<V3>;
    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners(self.a, self.b)
    }
}

impl PointDistance for Segment {
    /// Squared 3-D distance from a point to the chord.
    fn distance_2(&self, p: &V3) -> f64 {
        let ab = sub(self.b, self.a);
        let len2 = dot(ab, ab);
        let t = if len2 > 0.0 {
            (dot(sub(*p, self.a), ab) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let q = [
            self.a[0] + t * ab[0],
            self.a[1] + t * ab[1],
            self.a[2] + t * ab[2],
        ];
        let d = sub(*p, q);
        dot(d, d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points at angles from 1 mm to 170° around one arc, on and off its span.
    fn probes() -> Vec<V3> {
        let mut out = Vec::new();
        for &km in &[
            1e-6, 0.01, 1.0, 50.0, 800.0, 1300.0, 5000.0, 12_000.0, 19_000.0,
        ] {
            let deg = km / 111.195;
            for &(dlon, dlat) in &[(0.3, 1.0), (1.0, 0.0), (-1.0, 0.5), (0.0, -1.0), (0.7, 0.7)] {
                out.push(unit(70.2 + deg * dlon, 30.1 + deg * dlat));
            }
        }
        out
    }

    #[test]
    fn measure_orders_like_the_chord_and_gives_the_angle() {
        let arc = Arc::new(unit(70.0, 30.0), unit(70.4, 30.3));
        for p in probes() {
            let c2 = arc.chord2(p);
            let m = arc.measure(p);
            assert!(
                (m - measure_of_chord2(c2)).abs() <= 1e-12 * m.max(1e-20),
                "{m} vs {}",
                measure_of_chord2(c2)
            );
            let angle = 2.0 * (c2.sqrt() / 2.0).asin();
            let got = angle_of_measure(m);
            // The series' bound (2e-11 rad, 0.1 mm on the Earth) and rounding.
            assert!((got - angle).abs() <= 2e-11, "{got} vs {angle}");
        }
        // Monotone in the angle, across the series' end (0.04) and 90° (1.0).
        let ms: Vec<f64> = (0..=4000)
            .map(|i| measure_of_chord2(i as f64 / 1000.0))
            .collect();
        assert!(ms.windows(2).all(|w| w[0] < w[1]));
        let angles: Vec<f64> = ms.iter().map(|&m| angle_of_measure(m)).collect();
        assert!(angles.windows(2).all(|w| w[0] < w[1]));
        let around = [0.04 - 1e-12, 0.04, 0.04 + 1e-12];
        let a: Vec<f64> = around.iter().map(|&m| angle_of_measure(m)).collect();
        assert!((a[0] - a[2]).abs() < 3e-11, "{a:?}");
    }
}
