//! `frontier-atlas distance`: legs, bearings and totals through coordinates and place
//! names. Reference values: GeographicLib 2.1.2 `GeodSolve -i -p 6`:
//! - 33.00059 70.07117 → 33.89968 70.10012: azi1 1.53818765244°, 99756.640580 m;
//! - 33.89968 70.10012 → 34.008 71.57849: azi1 84.56267052376°, 137178.688672 m;

use crate::common::{cli_json as json, run_cli as run};

#[test]
fn two_towns_by_name() {
    let v = json(&["distance", "Miran Shah", "Parachinar", "--json"]);
    assert_eq!(v["km"], 99.757);
    let legs = v["legs"].as_array().expect("legs");
    assert_eq!(legs.len(), 1);
    assert_eq!(legs[0]["from"], "Miran Shah");
    assert_eq!(legs[0]["to"], "Parachinar");
    assert_eq!(legs[0]["km"], 99.757);
    assert_eq!(legs[0]["bearing_deg"], 1.538);
    assert_eq!(legs[0]["label"], "99.8 km, 002°");
    assert_eq!(v["points"][0]["kind"], "town");
    // GeoConvert -m -p 0: 33.89968 70.10012 → 42SXC0171551577.
    assert_eq!(v["points"][1]["mgrs"], "42SXC0171551577");
}

#[test]
fn coordinates_and_names_mixed_three_points() {
    let v = json(&[
        "distance",
        "33.00059, 70.07117",
        "Parachinaar",
        "34.008N 71.57849E",
        "--json",
    ]);
    let legs = v["legs"].as_array().expect("legs");
    assert_eq!(legs.len(), 2);
    assert_eq!(legs[0]["from"], "33.00059, 70.07117");
    assert_eq!(legs[0]["to"], "Parachinar");
    assert_eq!(legs[0]["km"], 99.757);
    assert_eq!(legs[1]["km"], 137.179);
    assert_eq!(legs[1]["bearing_deg"], 84.563);
    assert_eq!(v["km"], 236.935);
    assert_eq!(v["points"][0]["kind"], "coordinate");
    assert_eq!(v["points"][1]["input"], "Parachinaar");
}

#[test]
fn a_typo_is_resolved_with_a_note() {
    let (code, stdout, stderr) = run(&["distance", "Miramshah", "42SWD1581320727", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("\"Miramshah\" taken as Miran Shah (town, PAK)"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    // 42SWD1581320727's centre is 34.52810757 69.17231202 (GeoConvert -g -p 3), and
    // GeodSolve -i from Miran Shah to it: azi1 -25.92402401635°, 188783.272250 m.
    assert_eq!(v["km"], 188.783);
    assert_eq!(v["legs"][0]["bearing_deg"], 334.076);
    assert_eq!(v["points"][1]["kind"], "coordinate");
}

#[test]
fn negative_coordinates_are_points_not_flags() {
    // GeodSolve -i -33.5 -70.25 -33.6 -70.25 → azi1 180, 11091.428466 m.
    let v = json(&["distance", "-33.5, -70.25", "-33.6 -70.25", "--json"]);
    assert_eq!(v["legs"][0]["bearing_deg"], 180.0);
    assert_eq!(v["km"], 11.091);
}

#[test]
fn plain_output() {
    let (code, stdout, _) = run(&["distance", "Miran Shah", "Parachinar"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "Miran Shah → Parachinar\t99.757 km\t99.8 km, 002°\ntotal 99.8 km\n"
    );
}

#[test]
fn bad_points_get_a_message_and_exit_1() {
    for (points, msg) in [
        (
            ["Atlantis", "Kabul"],
            "point 1 \"Atlantis\": no place called \"Atlantis\"",
        ),
        (
            ["Kabul", "42SXL0006551861"],
            "point 2 \"42SXL0006551861\": not a coordinate: MGRS square XL does not exist in zone 42S",
        ),
        (["95, 70", "Kabul"], "latitude 95 out of range"),
    ] {
        let (code, stdout, stderr) = run(&["distance", points[0], points[1], "--json"]);
        assert_eq!(code, 1, "{points:?}: {stdout}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(msg), "{points:?}: {stderr}");
    }
    let (code, _, stderr) = run(&["distance", "Kabul"]);
    assert_eq!(code, 2, "clap: one point is not a path");
    assert!(stderr.contains("POINT"), "{stderr}");
    let (code, _, stderr) = run(&["distance", "Kabul", "--json"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("a path needs at least two points"),
        "{stderr}"
    );
}
