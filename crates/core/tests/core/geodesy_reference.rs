//! Geodesic distances, bearings, areas and range rings against GeographicLib.
//!
//! Source of every reference value: GeographicLib 2.1.2 command-line tools (Debian
//! bookworm package `geographiclib-tools`):
//! - `GeodSolve -i -p 6` (inverse problem: lat1 lon1 lat2 lon2 → azi1 azi2 s12) for `INVERSE`;
//! - `GeodSolve -p 9` (direct problem: lat1 lon1 azi1 s12 → lat2 lon2 azi2) for `DIRECT`;
//! - `Planimeter -p 3` (polygon perimeter and area) for the triangle.
//!
//! `40.6 -73.8 → 51.6 -0.5` (JFK to LHR, 5551759.400319 m) is also the worked example of
//! GeographicLib's documentation of `Geodesic::Inverse`.

use atlas_core::coords::LatLon;
use atlas_core::geodesy::{
    destination, distance_m, initial_bearing_deg, measure_path, polygon_area_m2,
    polygon_perimeter_m, range_ring,
};

/// (lat1, lon1, lat2, lon2, azi1 in GeodSolve's (-180, 180], s12 m).
const INVERSE: &[(f64, f64, f64, f64, f64, f64)] = &[
    (
        33.00059,
        70.07117,
        33.89968,
        70.10012,
        1.53818765244,
        99756.640580,
    ), // Miran Shah → Parachinar
    (
        34.52811,
        69.17231,
        34.008,
        71.57849,
        103.91398798703,
        228974.519373,
    ), // Kabul → Peshawar
    (
        30.199,
        67.00971,
        31.61332,
        65.71013,
        -38.05835014009,
        200050.134094,
    ), // Quetta → Kandahar
    (
        30.92102,
        66.45975,
        31.00575,
        66.40001,
        -31.26687793870,
        10991.923834,
    ), // Chaman → Spin Boldak
    (40.6, -73.8, 51.6, -0.5, 51.19888284558, 5551759.400319),
    (0.0, 0.0, 0.5, 179.5, 25.67187286829, 19936288.578965), // nearly antipodal
    (0.0, 0.0, 0.0, 1.0, 90.0, 111319.490793),
    (-30.0, -60.0, 60.0, 120.5, -0.49744317853, 16669762.608566),
    (89.0, 0.0, 89.0, 180.0, 0.0, 223387.729828), // over the pole
];

/// (lat1, lon1, azi1, s12 m, lat2, lon2).
const DIRECT: &[(f64, f64, f64, f64, f64, f64)] = &[
    (
        33.00059,
        70.07117,
        0.0,
        50000.0,
        33.45141212467879,
        70.07117,
    ),
    (
        33.00059,
        70.07117,
        90.0,
        50000.0,
        32.99944354335272,
        70.60619602152536,
    ),
    (
        33.00059,
        70.07117,
        225.0,
        50000.0,
        32.68122134399003,
        69.69419964474848,
    ),
    (
        33.00059,
        70.07117,
        45.0,
        500000.0,
        36.12651739197329,
        73.99774335325665,
    ),
];

fn ll(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).expect("valid")
}

#[test]
fn distances_and_bearings_match_geodsolve() {
    for &(lat1, lon1, lat2, lon2, azi, s) in INVERSE {
        let (a, b) = (ll(lat1, lon1), ll(lat2, lon2));
        let d = distance_m(a, b);
        assert!(
            (d - s).abs() < 1e-3,
            "{lat1} {lon1} → {lat2} {lon2}: {d} vs {s}"
        );
        let want = azi.rem_euclid(360.0);
        let got = initial_bearing_deg(a, b);
        assert!((got - want).abs() < 1e-8, "bearing {got} vs {want}");
    }
}

#[test]
fn a_path_sums_its_legs() {
    let pts: Vec<LatLon> = [
        (33.00059, 70.07117),
        (33.89968, 70.10012),
        (34.008, 71.57849),
    ]
    .iter()
    .map(|&(a, b)| ll(a, b))
    .collect();
    let m = measure_path(&pts);
    assert_eq!(m.legs.len(), 2);
    assert!((m.legs[0].metres - 99756.640580).abs() < 1e-3);
    assert!((m.legs[0].bearing_deg - 1.53818765244).abs() < 1e-8);
    // The total plus the closing leg is the triangle's perimeter (Planimeter, below).
    let closing = distance_m(pts[2], pts[0]);
    assert!((m.total_m + closing - 416_097.995).abs() < 1e-3);
}

#[test]
fn triangle_area_and_perimeter_match_planimeter() {
    // Planimeter -p 3: "3 416097.995 -6791836520" (clockwise, so negative; we give |area|).
    let pts = [
        ll(33.00059, 70.07117),
        ll(33.89968, 70.10012),
        ll(34.008, 71.57849),
    ];
    let area = polygon_area_m2(&pts);
    assert!((area - 6_791_836_520.0).abs() < 1.0, "{area}");
    assert!((polygon_perimeter_m(&pts) - 416_097.995).abs() < 1e-3);
    // A 1° square at the equator: Planimeter -p 3 → 12308778361 m².
    let sq = [ll(0.0, 0.0), ll(0.0, 1.0), ll(1.0, 1.0), ll(1.0, 0.0)];
    assert!((polygon_area_m2(&sq) - 12_308_778_361.0).abs() < 1.0);
}

#[test]
fn destinations_match_geodsolve_direct() {
    for &(lat1, lon1, azi, s, lat2, lon2) in DIRECT {
        let p = destination(ll(lat1, lon1), azi, s);
        let err = distance_m(p, ll(lat2, lon2));
        assert!(err < 1e-3, "{azi}° {s} m: {p:?} is {err} m off");
    }
}

#[test]
fn range_ring_vertices_are_on_the_circle() {
    let c = ll(33.00059, 70.07117);
    let ring = range_ring(c, 50.0, 8).expect("ring");
    let pts: Vec<_> = ring.exterior().points().collect();
    // Vertex 0 is due north, vertex 2 due east, vertex 5 at 225° (GeodSolve direct above).
    for (i, d) in [(0, DIRECT[0]), (2, DIRECT[1]), (5, DIRECT[2])] {
        let v = ll(pts[i].y(), pts[i].x());
        assert!(distance_m(v, ll(d.4, d.5)) < 1e-3, "vertex {i}");
    }
    for p in &pts {
        let d = distance_m(c, ll(p.y(), p.x()));
        assert!((d - 50_000.0).abs() < 1e-3, "{d}");
    }
}
