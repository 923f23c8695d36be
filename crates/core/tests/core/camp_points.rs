//! Imported point camps: CSV and GeoJSON, bad rows reported by line / feature, rest kept.

use std::path::Path;

use atlas_core::report::read_camp_points;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/camps")
        .join(name)
}

#[test]
fn csv_camps_keep_good_rows_and_name_bad_lines() {
    let (camps, diags) = read_camp_points(&fixture("camps.csv"));
    assert_eq!(
        camps.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Camp A", "Camp C"]
    );
    assert_eq!(camps[0].lon, 70.95);
    assert!(
        camps[1].source.ends_with("camps.csv:4"),
        "{}",
        camps[1].source
    );
    assert_eq!(
        diags.iter().map(|d| d.line).collect::<Vec<_>>(),
        [Some(3), Some(5)]
    );
}

#[test]
fn geojson_camps_keep_points_and_report_other_geometry() {
    let (camps, diags) = read_camp_points(&fixture("camps.geojson"));
    assert_eq!(camps.len(), 1);
    assert_eq!(camps[0].name, "Camp G1");
    assert_eq!(camps[0].note, "from a team sheet");
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.contains("feature #2"));
}

#[test]
fn missing_file_is_named() {
    let (camps, diags) = read_camp_points(Path::new("/nonexistent/camps.csv"));
    assert!(camps.is_empty());
    assert!(diags[0].to_string().contains("/nonexistent/camps.csv"));
}
