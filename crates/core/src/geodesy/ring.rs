//! Range rings: geodesic circles (every point at the same geodesic distance from a centre)
//! as polygons, and the radius text they are asked for with.

use geo::{Destination, Geodesic, LineString, Polygon};

use crate::coords::LatLon;

/// Vertices per ring: one every 2°, so a 500 km ring's chords stay within ~76 m of the
/// circle (sagitta r·(1 − cos 1°)).
pub const RING_SEGMENTS: usize = 180;

/// Why a ring cannot be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RingError {
    #[error("radius `{0}` is not a number of kilometres")]
    NotANumber(String),
    #[error("radius {0} km is not a positive number")]
    NotPositive(f64),
    #[error("radius {0} km is more than half the way round the Earth (20,000 km)")]
    TooLarge(f64),
    #[error("a ring needs at least 3 segments, not {0}")]
    TooFewSegments(usize),
}

/// The point `metres` along the geodesic leaving `from` at `bearing_deg`.
pub fn destination(from: LatLon, bearing_deg: f64, metres: f64) -> LatLon {
    let p = Geodesic.destination(from.to_point(), bearing_deg, metres);
    // geographiclib returns longitudes in [-180, 180] and latitudes in [-90, 90].
    LatLon::new(p.y().clamp(-90.0, 90.0), wrap_lon(p.x())).unwrap_or(from)
}

/// Points along the geodesic from `a` to `b`, both ends included, at most `step_m` apart
/// (for drawing a measured leg as the curve it is, not a straight line on the map).
pub fn geodesic_points(a: LatLon, b: LatLon, step_m: f64) -> Vec<LatLon> {
    let d = super::distance_m(a, b);
    let n = if step_m > 0.0 && d.is_finite() {
        ((d / step_m).ceil() as usize).clamp(1, 10_000)
    } else {
        1
    };
    let bearing = super::initial_bearing_deg(a, b);
    let mut pts: Vec<LatLon> = (0..n)
        .map(|i| destination(a, bearing, d * i as f64 / n as f64))
        .collect();
    pts.push(b);
    pts
}

fn wrap_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// Parse a radius in km (`50`, `12.5`, `50 km`); it must be a positive finite number below
/// 20,000 km.
pub fn parse_radius_km(text: &str) -> Result<f64, RingError> {
    let t = text.trim();
    let number = t
        .strip_suffix("km")
        .or_else(|| t.strip_suffix("KM"))
        .unwrap_or(t)
        .trim();
    let km: f64 = number
        .parse()
        .map_err(|_| RingError::NotANumber(t.to_owned()))?;
    check_radius(km)?;
    Ok(km)
}

fn check_radius(km: f64) -> Result<(), RingError> {
    if !km.is_finite() {
        return Err(RingError::NotANumber(km.to_string()));
    }
    if km <= 0.0 {
        return Err(RingError::NotPositive(km));
    }
    if km >= 20_000.0 {
        return Err(RingError::TooLarge(km));
    }
    Ok(())
}

/// The geodesic circle of `radius_km` around `centre`, as a closed polygon of `segments`
/// vertices starting due north and going clockwise (longitudes are not unwrapped across
/// 180°; the region the app covers is far from it).
pub fn range_ring(
    centre: LatLon,
    radius_km: f64,
    segments: usize,
) -> Result<Polygon<f64>, RingError> {
    check_radius(radius_km)?;
    if segments < 3 {
        return Err(RingError::TooFewSegments(segments));
    }
    let metres = radius_km * 1000.0;
    let ring: LineString<f64> = (0..segments)
        .map(|i| {
            let bearing = 360.0 * i as f64 / segments as f64;
            let p = destination(centre, bearing, metres);
            (p.lon(), p.lat())
        })
        .collect();
    // `Polygon::new` closes the ring.
    Ok(Polygon::new(ring, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radius_text() {
        assert_eq!(parse_radius_km("50"), Ok(50.0));
        assert_eq!(parse_radius_km(" 12.5 km"), Ok(12.5));
        assert_eq!(parse_radius_km("7KM"), Ok(7.0));
        assert_eq!(parse_radius_km("0"), Err(RingError::NotPositive(0.0)));
        assert_eq!(parse_radius_km("-5"), Err(RingError::NotPositive(-5.0)));
        assert_eq!(
            parse_radius_km("ten").unwrap_err().to_string(),
            "radius `ten` is not a number of kilometres"
        );
        assert!(matches!(
            parse_radius_km("inf"),
            Err(RingError::NotANumber(_))
        ));
        assert!(matches!(
            parse_radius_km("NaN"),
            Err(RingError::NotANumber(_))
        ));
        assert_eq!(parse_radius_km("20000"), Err(RingError::TooLarge(20000.0)));
        assert_eq!(parse_radius_km("19999.5"), Ok(19999.5));
    }

    #[test]
    fn ring_shape() {
        let c = LatLon::new(33.0, 70.0).unwrap();
        let ring = range_ring(c, 50.0, 8).unwrap();
        let pts: Vec<_> = ring.exterior().points().collect();
        assert_eq!(pts.len(), 9, "closed");
        assert_eq!(pts[0], pts[8]);
        assert!(
            pts[0].y() > 33.4 && (pts[0].x() - 70.0).abs() < 1e-9,
            "north first"
        );
        assert!(pts[2].x() > 70.5, "then east: clockwise");
        assert_eq!(range_ring(c, 50.0, 2), Err(RingError::TooFewSegments(2)));
        assert_eq!(range_ring(c, -1.0, 8), Err(RingError::NotPositive(-1.0)));
        assert!(range_ring(c, 50.0, 3).is_ok());
    }

    #[test]
    fn wraps_longitudes() {
        assert_eq!(wrap_lon(181.0), -179.0);
        assert_eq!(wrap_lon(-181.0), 179.0);
        assert_eq!(wrap_lon(180.0), 180.0);
        let east = destination(LatLon::new(0.0, 179.9).unwrap(), 90.0, 50_000.0);
        assert!(east.lon() < -179.0, "{east:?}");
    }
}
