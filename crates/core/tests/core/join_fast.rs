//! The spatial join (grid cell lists, strip-indexed polygons, all cores) against a plain
//! reference built from geo's own predicates, on the bundled districts: random points over
//! the region and points exactly on district vertices and edge midpoints (shared borders).

use atlas_core::analysis::AdminIndex;
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::model::{AdminUnit, UnitKind};
use geo::indexed::IntervalTreeMultiPolygon;
use geo::{BoundingRect, Contains, Intersects, Point};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The module's rule spelled out with geo: lowest-index interior, else lowest-index unit
/// whose closed polygon intersects the point, among units whose bounding box holds it.
fn reference(
    units: &[AdminUnit],
    trees: &[IntervalTreeMultiPolygon<f64>],
    p: Point,
) -> Option<u32> {
    let in_box = |u: &AdminUnit| {
        u.geometry.bounding_rect().is_some_and(|r| {
            p.x() >= r.min().x && p.x() <= r.max().x && p.y() >= r.min().y && p.y() <= r.max().y
        })
    };
    let boxed: Vec<usize> = (0..units.len()).filter(|&i| in_box(&units[i])).collect();
    boxed
        .iter()
        .copied()
        .find(|&i| trees[i].contains(&p))
        .or_else(|| {
            boxed
                .iter()
                .copied()
                .find(|&i| units[i].geometry.intersects(&p))
        })
        .map(|i| i as u32)
}

fn check(units: &[AdminUnit], points: &[Point]) -> usize {
    let trees: Vec<_> = units
        .iter()
        .map(|u| IntervalTreeMultiPolygon::new(&u.geometry))
        .collect();
    let ix = AdminIndex::new(units);
    let (lons, lats): (Vec<f64>, Vec<f64>) = points.iter().map(|p| (p.x(), p.y())).unzip();
    let found = ix.locate_all(&lons, &lats);
    assert_eq!(found.len(), points.len());
    let mut located = 0;
    for (p, f) in points.iter().zip(&found) {
        assert_eq!(*f, reference(units, &trees, *p), "{p:?}");
        assert_eq!(*f, ix.locate(p.x(), p.y()).map(|i| i as u32), "{p:?}");
        located += f.is_some() as usize;
    }
    located
}

fn districts() -> Vec<AdminUnit> {
    let (gaz, _) = load_gazetteer(&bundled_data_dir());
    gaz.units_of(UnitKind::District).cloned().collect()
}

#[test]
fn join_matches_the_reference_on_random_points() {
    let units = districts();
    let mut rng = ChaCha8Rng::seed_from_u64(21);
    let points: Vec<Point> = (0..8_000)
        .map(|_| Point::new(rng.random_range(59.0..79.0), rng.random_range(22.0..40.0)))
        .collect();
    let located = check(&units, &points);
    assert!(located > 2_000 && located < 7_600, "{located}");
}

#[test]
fn join_matches_the_reference_on_district_vertices_and_edges() {
    let units = districts();
    let mut rng = ChaCha8Rng::seed_from_u64(22);
    let mut points = Vec::new();
    for u in &units {
        let ring = &u.geometry.0[0].exterior().0;
        for _ in 0..4 {
            let k = rng.random_range(0..ring.len() - 1);
            let (a, b) = (ring[k], ring[k + 1]);
            points.push(Point::from(a));
            points.push(Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
        }
    }
    let located = check(&units, &points);
    assert!(
        located > points.len() * 9 / 10,
        "{located} of {}",
        points.len()
    );
}
