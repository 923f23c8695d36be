//! Bad values on the command line are refused up front with a message naming the value, and a
//! non-zero exit: border bands, date ranges, the data directory, output types, and an import
//! that keeps no row.

use std::process::Command;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/density_acled.csv"
);

/// (exit code, stderr); never a panic.
fn cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args(args)
        .env_remove("FRONTIER_ATLAS_DATA")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), err)
}

#[test]
fn border_band_must_be_finite_and_not_negative() {
    for (value, shown) in [
        ("NaN", "NaN"),
        ("inf", "inf"),
        ("-5", "-5"),
        ("1e9", "1000000000"),
    ] {
        for form in [
            vec!["--border-km".to_owned(), value.to_owned()],
            vec![format!("--border-km={value}")],
        ] {
            let mut args = vec!["density", "--input", FIXTURE, "--json"];
            args.extend(form.iter().map(String::as_str));
            let (code, err) = cli(&args);
            assert_ne!(code, 0, "{value}");
            assert!(
                err.contains("--border-km must be a finite number ≥ 0"),
                "{value}: {err}"
            );
            assert!(err.contains(&format!("got {shown}")), "{value}: {err}");
        }
    }
    let (code, err) = cli(&["density", "--input", FIXTURE, "--border-km", "0"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn from_must_not_be_later_than_to() {
    let (code, err) = cli(&[
        "density",
        "--input",
        FIXTURE,
        "--from",
        "2024-05-01",
        "--to",
        "2024-01-31",
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("--from/--to: from 2024-05-01 is later than to 2024-01-31"),
        "{err}"
    );
}

#[test]
fn a_missing_data_directory_is_named() {
    for cmd in [
        &["density", "--input", FIXTURE][..],
        &["extract", FIXTURE],
        &["distance", "Kabul", "Peshawar"],
        &["export", "--out", "/tmp/never.png"],
    ] {
        let mut args = vec!["--data", "/nonexistent/atlas-data"];
        args.extend_from_slice(cmd);
        let (code, err) = cli(&args);
        assert_ne!(code, 0, "{cmd:?}");
        assert!(
            err.contains("data directory /nonexistent/atlas-data does not exist"),
            "{cmd:?}: {err}"
        );
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, err) = cli(&["--data", &dir.path().to_string_lossy(), "resolve", "Kabul"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("not a Frontier Atlas data directory (no admin/ folder)"),
        "{err}"
    );
}

#[test]
fn export_refuses_other_image_types() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.jpg");
    let (code, err) = cli(&["export", "--out", &out.to_string_lossy()]);
    assert_ne!(code, 0);
    assert!(err.contains("use a .png file name (got .jpg)"), "{err}");
    assert!(!out.exists());
}

#[test]
fn an_import_keeping_no_row_fails_with_reasons_and_examples() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("bad.csv");
    let text = std::fs::read_to_string(FIXTURE).expect("fixture");
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().expect("header"));
    // Every data row spoiled: dates that are not dates, one latitude off the globe.
    for (i, row) in lines.enumerate() {
        let mut fields: Vec<&str> = row.split(',').collect();
        if i == 0 {
            fields[22] = "95.0";
        } else {
            fields[1] = "someday";
        }
        out += &fields.join(",");
        out.push('\n');
    }
    std::fs::write(&csv, out).expect("write");
    let (code, err) = cli(&["density", "--input", &csv.to_string_lossy(), "--json"]);
    assert_ne!(code, 0, "{err}");
    assert!(
        err.contains("bad.csv: no row could be used: 8 read, 0 kept, 8 dropped"),
        "{err}"
    );
    assert!(
        err.contains("dropped by reason: 7 × event_date: unrecognised date \"…\"; 1 × latitude #"),
        "{err}"
    );
    assert!(err.contains("e.g. line 2: latitude 95"), "{err}");
    assert!(err.contains("e.g. line 3: event_date"), "{err}");
}

#[test]
fn an_export_too_tall_to_render_is_refused_up_front_naming_the_largest() {
    let start = std::time::Instant::now();
    let (code, err) = cli(&["export", "--size", "8192x8192", "--out", "/tmp/never.png"]);
    assert_ne!(code, 0);
    assert!(err.contains("at most 4320 pixels high"), "{err}");
    assert!(err.contains("7680x4320"), "{err}");
    // Refused before any rendering (a render at this size takes tens of seconds).
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    let (code, err) = cli(&["export", "--size", "4k", "--out", "/nonexistent-dir/x.png"]);
    assert_ne!(code, 0);
    assert!(!err.contains("pixels high"), "4K is allowed: {err}");
}
