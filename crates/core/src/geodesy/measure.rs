//! Geodesic length and initial bearing of each leg of a path, its total, and the area and
//! perimeter of a closed ring.

use geo::{Bearing, Distance, Geodesic, GeodesicArea, LineString, Polygon};

use crate::coords::LatLon;

/// One leg of a measured path.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Leg {
    pub from: LatLon,
    pub to: LatLon,
    /// Geodesic length, metres.
    pub metres: f64,
    /// Initial bearing at `from`, degrees clockwise from true north, in [0, 360).
    pub bearing_deg: f64,
}

/// A measured path: its legs in order and their total length.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PathMeasure {
    pub legs: Vec<Leg>,
    pub total_m: f64,
}

/// Geodesic distance on WGS84, metres.
pub fn distance_m(a: LatLon, b: LatLon) -> f64 {
    Geodesic.distance(a.to_point(), b.to_point())
}

/// Initial bearing from `a` towards `b` along the geodesic, degrees in [0, 360) (0 for the
/// same point).
pub fn initial_bearing_deg(a: LatLon, b: LatLon) -> f64 {
    if a == b {
        return 0.0;
    }
    let deg = Geodesic.bearing(a.to_point(), b.to_point());
    // `(azi + 360) % 360` can give exactly 360 for a tiny negative azimuth.
    if deg >= 360.0 { deg - 360.0 } else { deg }
}

/// Every leg of the path through `points` and the total (no legs for fewer than 2 points).
pub fn measure_path(points: &[LatLon]) -> PathMeasure {
    let legs: Vec<Leg> = points
        .windows(2)
        .map(|w| Leg {
            from: w[0],
            to: w[1],
            metres: distance_m(w[0], w[1]),
            bearing_deg: initial_bearing_deg(w[0], w[1]),
        })
        .collect();
    let total_m = legs.iter().map(|l| l.metres).sum();
    PathMeasure { legs, total_m }
}

/// The polygon through `points` (closed implicitly; either winding).
fn polygon(points: &[LatLon]) -> Polygon<f64> {
    let ring: LineString<f64> = points.iter().map(|p| (p.lon(), p.lat())).collect();
    Polygon::new(ring, Vec::new())
}

/// Area of the WGS84 ellipsoid, m² (GeographicLib `Geodesic::EllipsoidArea`).
const EARTH_AREA_M2: f64 = 510_065_621_724_088.5;

/// Geodesic area of the polygon through `points`, m², whatever the winding: the smaller of
/// the two regions the ring divides the Earth into (0 for fewer than 3 points).
pub fn polygon_area_m2(points: &[LatLon]) -> f64 {
    if points.len() < 3 {
        return 0.0;
    }
    // geo measures the region to the left of the ring: a clockwise ring gives the rest of
    // the Earth.
    let a = polygon(points).geodesic_area_unsigned();
    a.min(EARTH_AREA_M2 - a).max(0.0)
}

/// Geodesic perimeter of the polygon through `points`, closing leg included, metres.
pub fn polygon_perimeter_m(points: &[LatLon]) -> f64 {
    if points.len() < 2 {
        return 0.0;
    }
    polygon(points).geodesic_perimeter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn legs_and_total() {
        let pts = [p(0.0, 0.0), p(0.0, 1.0), p(1.0, 1.0)];
        let m = measure_path(&pts);
        assert_eq!(m.legs.len(), 2);
        // GeodSolve -i 0 0 0 1 → 90 90 111319.490793; 0 1 1 1 → 0 0 110574.388558.
        assert!((m.legs[0].metres - 111_319.490_793).abs() < 1e-3);
        assert!((m.legs[0].bearing_deg - 90.0).abs() < 1e-9);
        assert!((m.legs[1].metres - 110_574.388_558).abs() < 1e-3);
        assert!(m.legs[1].bearing_deg.abs() < 1e-9);
        assert!((m.total_m - (111_319.490_793 + 110_574.388_558)).abs() < 2e-3);
        assert_eq!(m.legs[1].from, pts[1]);
        assert_eq!(m.legs[1].to, pts[2]);
        assert_eq!(measure_path(&pts[..1]).legs.len(), 0);
        assert_eq!(measure_path(&[]).total_m, 0.0);
    }

    #[test]
    fn bearings_stay_below_360() {
        let b = initial_bearing_deg(p(10.0, 10.0), p(11.0, 10.0 - 1e-15));
        assert!((0.0..360.0).contains(&b), "{b}");
        assert!((initial_bearing_deg(p(0.0, 1.0), p(0.0, 0.0)) - 270.0).abs() < 1e-9);
        // GeodSolve gives 180° between coincident points; a label wants 000°.
        assert_eq!(initial_bearing_deg(p(33.0, 70.0), p(33.0, 70.0)), 0.0);
    }

    #[test]
    fn area_either_winding_and_degenerate() {
        let sq = [p(0.0, 0.0), p(0.0, 1.0), p(1.0, 1.0), p(1.0, 0.0)];
        let rev: Vec<_> = sq.iter().rev().copied().collect();
        let a = polygon_area_m2(&sq);
        assert!(a > 1.2e10 && a < 1.3e10, "{a}");
        assert!((a - polygon_area_m2(&rev)).abs() < 1.0);
        assert_eq!(polygon_area_m2(&sq[..2]), 0.0);
        assert_eq!(polygon_perimeter_m(&sq[..1]), 0.0);
        let two = polygon_perimeter_m(&sq[..2]);
        assert!((two - 2.0 * 111_319.490_793).abs() < 1e-2, "{two}");
    }
}
