//! GeoJSON geometry to `geo`, checked first: the geojson crate panics on a short position.

use geojson::{GeometryValue, Position};

fn position_ok(p: &Position) -> bool {
    p.as_slice().len() >= 2
}

/// True when every position in `value` (nested collections included) has at least x and y.
pub fn positions_ok(value: &GeometryValue) -> bool {
    let all = |ps: &[Position]| ps.iter().all(position_ok);
    match value {
        GeometryValue::Point { coordinates } => position_ok(coordinates),
        GeometryValue::MultiPoint { coordinates } | GeometryValue::LineString { coordinates } => {
            all(coordinates)
        }
        GeometryValue::MultiLineString { coordinates } | GeometryValue::Polygon { coordinates } => {
            coordinates.iter().all(|l| all(l))
        }
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().flatten().all(|l| all(l)),
        GeometryValue::GeometryCollection { geometries } => {
            geometries.iter().all(|g| positions_ok(&g.value))
        }
    }
}

/// Convert a GeoJSON geometry to a `geo` geometry; a position with fewer than two numbers
/// is an error instead of the geojson crate's index panic.
pub fn to_geo(value: GeometryValue) -> Result<geo::Geometry<f64>, String> {
    if !positions_ok(&value) {
        return Err("a position has fewer than two coordinates".into());
    }
    geo::Geometry::<f64>::try_from(value).map_err(|e| e.to_string())
}
