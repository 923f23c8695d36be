//! Border distance against hand-computed spherical distances, and the Afghanistan–Pakistan
//! line extracted from the repo's Natural Earth boundary lines.

use std::path::Path;

use atlas_core::analysis::{
    BorderLine, af_pk_border_from_file, boundary_between, distance_histogram, share_within,
};
use geo::{LineString, MultiLineString};

const R: f64 = 6371.0088;
const NE_LINES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/sources/basemap/ne_10m_admin_0_boundary_lines_land.geojson"
);

fn meridian_line() -> BorderLine {
    BorderLine::new(&MultiLineString::new(vec![LineString::from(vec![
        (70.0, 30.0),
        (70.0, 35.0),
    ])]))
}

#[test]
fn distance_to_a_meridian_segment() {
    let b = meridian_line();
    // Cross-track distance to a meridian: R · asin(cos φ · sin Δλ) = 94.297 km at φ 32°, Δλ 1°.
    let expected = R * (32f64.to_radians().cos() * 1f64.to_radians().sin()).asin();
    assert!((expected - 94.297).abs() < 0.001);
    assert!(
        (b.distance_km(71.0, 32.0) - expected).abs() < 0.01,
        "{}",
        b.distance_km(71.0, 32.0)
    );
    assert!((b.distance_km(69.0, 32.0) - expected).abs() < 0.01);
    // Beyond the north end: distance to the end point, 1° of latitude = 111.195 km.
    assert!(
        (b.distance_km(70.0, 36.0) - 111.195).abs() < 0.01,
        "{}",
        b.distance_km(70.0, 36.0)
    );
    assert!(b.distance_km(70.0, 33.0) < 1e-6);
    assert!(b.distance_km(f64::NAN, 33.0).is_infinite());
    assert!(
        BorderLine::new(&MultiLineString::new(vec![]))
            .distance_km(70.0, 33.0)
            .is_infinite()
    );
}

#[test]
fn nearest_of_several_parts() {
    let b = BorderLine::new(&MultiLineString::new(vec![
        LineString::from(vec![(60.0, 30.0), (60.0, 31.0)]),
        LineString::from(vec![(70.0, 30.0), (70.0, 31.0), (70.5, 31.0)]),
    ]));
    // (70.5, 31.5): nearest is the parallel segment at 31°N, 0.5° south: R·0.5° = 55.598 km.
    assert!(
        (b.distance_km(70.5, 31.5) - 55.598).abs() < 0.01,
        "{}",
        b.distance_km(70.5, 31.5)
    );
    // (61, 30.5): 1° east of the 60°E meridian part.
    let expected = R * (30.5f64.to_radians().cos() * 1f64.to_radians().sin()).asin();
    assert!((b.distance_km(61.0, 30.5) - expected).abs() < 0.01);
}

#[test]
fn share_within_and_histogram() {
    let d = [0.0, 5.0, 10.0, 24.9, 25.0, 49.0, 80.0, 200.0, f64::INFINITY];
    assert!((share_within(&d, 25.0) - 5.0 / 9.0).abs() < 1e-12);
    assert_eq!(share_within(&[], 25.0), 0.0);
    // Bins of 25 km up to 100 km: [0,25) [25,50) [50,75) [75,100) and ≥ 100.
    assert_eq!(distance_histogram(&d, 25.0, 100.0), vec![4, 2, 0, 1, 2]);
}

#[test]
fn af_pk_border_from_natural_earth() {
    let line = af_pk_border_from_file(Path::new(NE_LINES)).unwrap();
    assert_eq!(line.0.len(), 70);
    assert_eq!(line.0.iter().map(|l| l.0.len()).sum::<usize>(), 654);
    let b = BorderLine::new(&line);
    // Reference values: brute force over all 584 segments with spherical cross-track formulas
    // (computed separately, R = 6371.0088 km).
    for (name, lon, lat, km) in [
        ("Peshawar", 71.58, 34.01, 46.760),
        ("Quetta", 67.01, 30.19, 67.986),
        ("Miranshah", 70.07, 33.00, 15.784),
        ("Kabul", 69.17, 34.53, 86.134),
        ("Karachi", 67.01, 24.86, 553.985),
    ] {
        let d = b.distance_km(lon, lat);
        assert!((d - km).abs() < 0.05, "{name}: {d} vs {km}");
    }
    assert!(
        boundary_between(
            "{\"type\":\"FeatureCollection\",\"features\":[]}",
            "AFG",
            "PAK"
        )
        .is_err()
    );
    assert!(boundary_between("not json", "AFG", "PAK").is_err());
    let err = af_pk_border_from_file(Path::new("/nonexistent/lines.geojson")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/nonexistent/lines.geojson: cannot read")
    );
}
