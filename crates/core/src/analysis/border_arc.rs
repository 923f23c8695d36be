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
