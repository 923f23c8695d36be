//! `frontier-atlas density` on a hand-made ACLED-shaped fixture with hand-checked answers:
//! three events in Peshawar city, two in Quetta city, one coded at province level in
//! Balochistan, one row with a bad latitude (line 8) and one with a bad date (line 9).

use std::process::Command;

fn run(args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args([
            "density",
            "--input",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/density_acled.csv"
            ),
            "--json",
        ])
        .args(args)
        .output()
        .expect("run");
    let v = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (
        out.status.code().unwrap_or(-1),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn units(v: &serde_json::Value) -> Vec<(String, u64, u64)> {
    let mut u: Vec<_> = v["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["name"].as_str().unwrap_or("").to_owned(),
                u["events"].as_u64().unwrap_or(0),
                u["fatalities"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    u.sort();
    u
}

#[test]
fn counts_per_district_keep_province_level_events_out_of_districts() {
    let (code, v, err) = run(&[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["rows_read"], 8);
    assert_eq!(v["rows_kept"], 6);
    let dropped: Vec<u64> = v["rows_dropped"]
        .as_array()
        .expect("dropped")
        .iter()
        .map(|d| d["line"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(dropped, [8, 9]);
    assert!(
        v["rows_dropped"][0]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("latitude")
    );
    assert!(
        v["rows_dropped"][1]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("date")
    );
    assert_eq!(
        units(&v),
        [
            ("Balochistan (not assigned to a district)".to_owned(), 1, 4),
            ("Peshawar".to_owned(), 3, 6),
            ("Quetta".to_owned(), 2, 5),
        ]
    );
    // Peshawar lies within 50 km of the Durand Line near Torkham; Quetta and central
    // Balochistan do not.
    assert_eq!(v["within_border_km"]["km"], 50.0);
    assert!((v["within_border_km"]["share"].as_f64().unwrap_or(0.0) - 0.5).abs() < 1e-9);
    assert_eq!(v["synthetic"], false);
}

#[test]
fn by_province_with_a_date_range() {
    let (code, v, err) = run(&[
        "--by",
        "province",
        "--from",
        "2024-03-01",
        "--to",
        "2024-06-30",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        units(&v),
        [
            ("Balochistan".to_owned(), 2, 6),
            ("Khyber Pakhtunkhwa".to_owned(), 1, 0)
        ]
    );
}

#[test]
fn bad_options_fail_clearly() {
    let (code, _, err) = run(&["--by", "village"]);
    assert_ne!(code, 0);
    assert!(err.contains("province or district"), "{err}");
    let (code, _, err) = run(&["--from", "yesterday"]);
    assert_ne!(code, 0);
    assert!(err.contains("--from"), "{err}");
}
