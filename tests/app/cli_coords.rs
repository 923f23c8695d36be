//! `frontier-atlas coords`: every accepted form in, every form out; bad input gets a message
//! and a non-zero exit. Reference values: GeographicLib 2.1.2 `GeoConvert -m -p 0` (MGRS)
//! and `GeoConvert -d -p 1` (DMS).

use crate::common::{cli_json as json, run_cli as run};

#[test]
fn decimal_in_every_form_out() {
    let v = json(&["coords", "33.00059,70.07117", "--json"]);
    assert_eq!(v["lat"], 33.00059);
    assert_eq!(v["lon"], 70.07117);
    assert_eq!(v["mgrs"], "42SXB0006551861");
    assert_eq!(v["dms"], "33°00'02.12\"N 70°04'16.21\"E");
    assert_eq!(v["decimal"], "33.00059, 70.07117");
    assert_eq!(v["format"], "decimal");
}

#[test]
fn hemispheres_dms_and_mgrs_are_accepted() {
    let v = json(&["coords", "70.07117E", "33.00059N", "--json"]);
    assert_eq!(v["mgrs"], "42SXB0006551861");
    let v = json(&["coords", "34°31'41.2\"N 69°10'20.3\"E", "--json"]);
    assert_eq!(v["format"], "dms");
    assert_eq!(v["lat"], 34.528111);
    assert_eq!(v["lon"], 69.172306);
    assert_eq!(v["mgrs"], "42SWD1581220727");
    let v = json(&["coords", "34d 31m 41.2s N 69d 10m 20.3s E", "--json"]);
    assert_eq!(v["mgrs"], "42SWD1581220727");
    // MGRS in: the centre of the 1 m cell (GeoConvert -g -p 3: 33.00058693 70.07116501).
    for text in ["42SXB0006551861", "42S XB 00065 51861"] {
        let v = json(&["coords", text, "--json"]);
        assert_eq!(v["format"], "mgrs");
        assert_eq!(v["lat"], 33.000587);
        assert_eq!(v["lon"], 70.071165);
        assert_eq!(v["mgrs"], "42SXB0006551861");
    }
    for args in [
        &["coords", "--json", "--", "-33.5", "-70.25"][..],
        &["coords", "-33.5, -70.25", "--json"],
        &["coords", "-33.5", "-70.25", "--json"],
        &["coords", "--json", "-33.5", "-70.25"],
    ] {
        let v = json(args);
        assert_eq!(
            (v["lat"].as_f64(), v["lon"].as_f64()),
            (Some(-33.5), Some(-70.25)),
            "{args:?}"
        );
    }
}

#[test]
fn plain_output_has_one_line_per_form() {
    let (code, stdout, _) = run(&["coords", "42SXB0006551861"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "decimal\t33.00059, 70.07117\ndms\t33°00'02.11\"N 70°04'16.19\"E\nmgrs\t42SXB0006551861\n"
    );
}

#[test]
fn bad_input_gets_a_message_and_exit_1() {
    for (text, msg) in [
        (
            "42SXL0006551861",
            "MGRS square XL does not exist in zone 42S",
        ),
        ("95, 70", "latitude 95 out of range (-90 to 90)"),
        ("33N 190E", "longitude 190 out of range (-180 to 180)"),
        ("34°61'N 69°10'E", "minutes 61 out of range"),
        ("Kabul", "unexpected `K` at character 1"),
    ] {
        let (code, stdout, stderr) = run(&["coords", text, "--json"]);
        assert_eq!(code, 1, "{text}");
        assert!(stdout.is_empty(), "{text}: {stdout}");
        assert!(stderr.contains(msg), "{text}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
}
