//! Geometry clean-up for the data build: rounding, validation/repair, label points, overlap.

use geo::{
    Area, BooleanOps, BoundingRect, InteriorPoint, MakeValid, MapCoords, MultiPolygon, Validation,
};

/// Coordinates are rounded to 5 decimals (about 1 m), which is far below the sources'
/// accuracy and keeps the files small.
const ROUND: f64 = 1e5;

/// Round coordinates, then validate; an invalid geometry is repaired and the problem
/// logged under `what`.
pub fn clean(geometry: &MultiPolygon<f64>, what: &str, log: &mut Vec<String>) -> MultiPolygon<f64> {
    let rounded = geometry.map_coords(
        |c| geo::coord! { x: (c.x * ROUND).round() / ROUND, y: (c.y * ROUND).round() / ROUND },
    );
    let errors = rounded.validation_errors();
    if errors.is_empty() {
        return rounded;
    }
    canonical(repair(rounded, errors, what, log))
}

fn repair(
    rounded: MultiPolygon<f64>,
    errors: Vec<geo::algorithm::validation::InvalidMultiPolygon>,
    what: &str,
    log: &mut Vec<String>,
) -> MultiPolygon<f64> {
    let first = errors.first().map(|e| e.to_string()).unwrap_or_default();
    match rounded.make_valid() {
        Ok(fixed) if fixed.is_valid() => {
            log.push(format!(
                "{what}: repaired invalid geometry ({} problem(s), first: {first})",
                errors.len()
            ));
            fixed
        }
        _ => {
            log.push(format!(
                "{what}: INVALID geometry kept as is ({} problem(s), first: {first})",
                errors.len()
            ));
            rounded
        }
    }
}

/// A label point guaranteed inside the geometry: the interior point of its largest part.
pub fn label_point(geometry: &MultiPolygon<f64>) -> [f64; 2] {
    let largest = geometry
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
    largest
        .and_then(|p| p.interior_point())
        .map(|p| [p.x(), p.y()])
        .unwrap_or([0.0, 0.0])
}

/// Area (in square degrees, only used for comparison) shared by two geometries; 0 when
/// their boxes do not meet.
pub fn overlap_area(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> f64 {
    let (Some(ra), Some(rb)) = (a.bounding_rect(), b.bounding_rect()) else {
        return 0.0;
    };
    if ra.max().x < rb.min().x
        || rb.max().x < ra.min().x
        || ra.max().y < rb.min().y
        || rb.max().y < ra.min().y
    {
        return 0.0;
    }
    a.intersection(b).unsigned_area()
}

/// Put a repaired geometry in a canonical order (each ring starts at its smallest vertex,
/// parts sorted by their first vertex) so that the build output does not depend on the
/// repair algorithm's internal ordering.
fn canonical(mut mp: MultiPolygon<f64>) -> MultiPolygon<f64> {
    let key = |c: &geo::Coord<f64>| (c.x, c.y);
    let rotate = |ring: &mut geo::LineString<f64>| {
        let pts = &mut ring.0;
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if let Some((i, _)) = pts.iter().enumerate().min_by(|a, b| {
            key(a.1)
                .partial_cmp(&key(b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        }) {
            pts.rotate_left(i);
        }
        ring.close();
    };
    for p in &mut mp.0 {
        p.exterior_mut(|r| rotate(r));
        p.interiors_mut(|rs| {
            rs.iter_mut().for_each(rotate);
            rs.sort_by(|a, b| {
                a.0[0]
                    .x
                    .total_cmp(&b.0[0].x)
                    .then(a.0[0].y.total_cmp(&b.0[0].y))
            });
        });
    }
    mp.0.sort_by(|a, b| {
        let (a, b) = (a.exterior().0[0], b.exterior().0[0]);
        a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y))
    });
    mp
}
