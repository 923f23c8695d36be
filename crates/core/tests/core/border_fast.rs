//! The fast border distance (cell lists, unit-vector arcs, all cores) against the reference
//! implementation (geo's haversine closest point per R-tree candidate) on random points
//! around the real Afghanistan–Pakistan border, over the whole region around it, and on a
//! small line with a repeated vertex.

use std::path::Path;

use atlas_core::analysis::{BorderLine, af_pk_border_from_file};
use geo::{LineString, MultiLineString};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const NE_LINES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/sources/basemap/ne_10m_admin_0_boundary_lines_land.geojson"
);

/// Largest allowed difference from the reference, km (10 m).
const TOLERANCE_KM: f64 = 0.010;

/// `n` seeded random points within `max_km` of `line` (by the reference distance): a random
/// vertex of the line, moved up to `spread` degrees each way.
fn points_near(
    line: &MultiLineString<f64>,
    b: &BorderLine,
    n: usize,
    spread: f64,
    max_km: f64,
) -> Vec<(f64, f64, f64)> {
    let vertices: Vec<_> = line.0.iter().flat_map(|l| l.0.iter().copied()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let v = vertices[rng.random_range(0..vertices.len())];
        let lon = v.x + rng.random_range(-spread..spread);
        let lat = v.y + rng.random_range(-spread..spread);
        let exact = b.distance_km_exact(lon, lat);
        if exact <= max_km {
            out.push((lon, lat, exact));
        }
    }
    out
}

fn assert_close(b: &BorderLine, pts: &[(f64, f64, f64)]) {
    let (lons, lats): (Vec<f64>, Vec<f64>) = pts.iter().map(|p| (p.0, p.1)).unzip();
    let many = b.distances_km(&lons, &lats);
    assert_eq!(many.len(), pts.len());
    for (&(lon, lat, exact), &fast) in pts.iter().zip(&many) {
        assert!(
            (fast - exact).abs() <= TOLERANCE_KM,
            "({lon}, {lat}): fast {fast} km, reference {exact} km"
        );
        assert_eq!(fast, b.distance_km(lon, lat), "({lon}, {lat})");
    }
}

#[test]
fn fast_distance_matches_the_reference_near_the_af_pk_border() {
    let line = af_pk_border_from_file(Path::new(NE_LINES)).unwrap();
    let b = BorderLine::new(&line);
    let pts = points_near(&line, &b, 10_000, 3.0, 300.0);
    let near: Vec<_> = pts.iter().copied().filter(|p| p.2 <= 100.0).collect();
    assert!(
        near.len() > 3000,
        "only {} points within 100 km",
        near.len()
    );
    assert_close(&b, &near);
    // The rest, out to 300 km, too.
    assert_close(&b, &pts);
}

#[test]
fn fast_distance_matches_the_reference_far_from_the_border() {
    let line = af_pk_border_from_file(Path::new(NE_LINES)).unwrap();
    let b = BorderLine::new(&line);
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    // Inside the grid's margin and beyond it (the R-tree path).
    let pts: Vec<_> = (0..2000)
        .map(|_| {
            let (lon, lat) = (rng.random_range(20.0..120.0), rng.random_range(-10.0..70.0));
            (lon, lat, b.distance_km_exact(lon, lat))
        })
        .collect();
    assert_close(&b, &pts);
}

#[test]
fn fast_distance_matches_the_reference_over_the_whole_region() {
    // Uniform over the benchmark's box, up to ~900 km from the line: the cells far from the
    // line keep only the arcs that can be nearest somewhere in them, so check they are exact
    // there too (not just within 100 km).
    let line = af_pk_border_from_file(Path::new(NE_LINES)).unwrap();
    let b = BorderLine::new(&line);
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let pts: Vec<_> = (0..5000)
        .map(|_| {
            let (lon, lat) = (rng.random_range(60.5..77.5), rng.random_range(23.5..38.5));
            (lon, lat, b.distance_km_exact(lon, lat))
        })
        .collect();
    assert!(pts.iter().any(|p| p.2 > 600.0));
    assert_close(&b, &pts);
}

#[test]
fn fast_distance_matches_the_reference_on_a_line_with_a_repeated_vertex() {
    let line = MultiLineString::new(vec![
        LineString::from(vec![(70.0, 30.0), (70.0, 30.0), (70.5, 30.5), (71.5, 30.2)]),
        LineString::from(vec![(69.0, 31.0), (69.2, 31.05)]),
    ]);
    let b = BorderLine::new(&line);
    let pts = points_near(&line, &b, 3000, 2.0, 250.0);
    assert_close(&b, &pts);
    // On the line itself.
    assert!(
        b.distance_km(70.25, 30.25) < 0.1,
        "{}",
        b.distance_km(70.25, 30.25)
    );
    assert!(b.distance_km(70.0, 30.0) < 1e-6);
}
