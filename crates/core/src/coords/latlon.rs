//! A validated WGS84 latitude/longitude in degrees, and its decimal-degree text.

use super::CoordError;

/// A position on WGS84: latitude in [-90, 90], longitude in [-180, 180], both finite.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct LatLon {
    lat: f64,
    lon: f64,
}

impl LatLon {
    /// Validate a position; the error names the value out of range.
    pub fn new(lat: f64, lon: f64) -> Result<LatLon, CoordError> {
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(CoordError::LatitudeOutOfRange(lat));
        }
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            return Err(CoordError::LongitudeOutOfRange(lon));
        }
        Ok(LatLon { lat, lon })
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    /// As a `geo` point (x = longitude, y = latitude).
    pub fn to_point(self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }

    /// From a `geo` point (x = longitude, y = latitude).
    pub fn from_point(p: geo::Point<f64>) -> Result<LatLon, CoordError> {
        LatLon::new(p.y(), p.x())
    }
}

/// Decimal degrees, latitude first, 5 decimals (≤ 0.6 m of rounding): `33.00059, 70.07117`.
pub fn format_decimal(p: LatLon) -> String {
    format!("{:.5}, {:.5}", tidy_zero(p.lat), tidy_zero(p.lon))
}

/// `-0.000001` would print as `-0.00000`: fold values that round to zero onto `0`.
fn tidy_zero(v: f64) -> f64 {
    if v.abs() < 0.000_005 { 0.0 } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_ranges() {
        assert!(LatLon::new(90.0, 180.0).is_ok());
        assert!(LatLon::new(-90.0, -180.0).is_ok());
        assert_eq!(
            LatLon::new(90.5, 0.0),
            Err(CoordError::LatitudeOutOfRange(90.5))
        );
        assert_eq!(
            LatLon::new(0.0, -180.5),
            Err(CoordError::LongitudeOutOfRange(-180.5))
        );
        assert!(LatLon::new(f64::NAN, 0.0).is_err());
        assert!(LatLon::new(0.0, f64::INFINITY).is_err());
    }

    #[test]
    fn decimal_text() {
        let p = LatLon::new(33.00059, 70.07117).unwrap();
        assert_eq!(format_decimal(p), "33.00059, 70.07117");
        let p = LatLon::new(-0.000001, -12.3456789).unwrap();
        assert_eq!(format_decimal(p), "0.00000, -12.34568");
        assert_eq!(p.to_point(), geo::Point::new(-12.3456789, -0.000001));
        assert_eq!(LatLon::from_point(p.to_point()), Ok(p));
    }
}
