//! `frontier-atlas project new|show` and `export --project … --all-views` as a scripted weekly
//! brief runs them, on fixtures with exact expected values; and a project whose data file is
//! missing fails naming the file.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/density_acled.csv"
);
const CAMPS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/crates/core/tests/fixtures/camps/camps.csv"
);

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-projcli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn project_new_then_show_then_export_every_view() {
    let dir = scratch("brief");
    // The data sits beside the project, as an analyst's folder would.
    std::fs::copy(FIXTURE, dir.join("events.csv")).expect("copy");
    std::fs::copy(CAMPS, dir.join("camps.csv")).expect("copy");
    let project = dir.join("brief.json");
    let (code, _, err) = cli(&[
        "project",
        "new",
        &s(&project),
        "--import",
        &s(&dir.join("events.csv")),
        "--camps",
        &s(&dir.join("camps.csv")),
        "--view",
        "Peshawar=71.55,34.0,8",
        "--view",
        "Quetta / Balochistan=66.9,30.1,7",
        "--title",
        "Weekly brief",
        "--banner",
        "UNCLASSIFIED // FOR TRAINING",
    ]);
    assert_eq!(code, 0, "{err}");
    // Bad rows are reported with line and reason.
    assert!(err.contains("kept 6 of 8 rows, 2 dropped"), "{err}");
    assert!(err.contains("events.csv:8: latitude"), "{err}");
    assert!(err.contains("events.csv:9:"), "{err}");
    // Paths are stored relative to the project.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&project).expect("read")).expect("json");
    let events = json["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|x| x["id"] == "events");
    assert_eq!(events.expect("events source")["file"]["path"], "events.csv");

    let (code, out, err) = cli(&["project", "show", &s(&project), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["version"], atlas_core::project::PROJECT_VERSION);
    assert_eq!(v["title"], "Weekly brief");
    // --import without --demo: only the imported dataset.
    let ds = v["datasets"].as_array().expect("datasets");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0]["name"], "events.csv");
    assert_eq!(ds[0]["schema"], "ACLED");
    assert_eq!(
        (ds[0]["rows_kept"].as_u64(), ds[0]["rows_dropped"].as_u64()),
        (Some(6), Some(2))
    );
    assert_eq!(ds[0]["path"], s(&dir.join("events.csv")));
    let layers: Vec<(String, String)> = v["layers"]
        .as_array()
        .expect("layers")
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap_or("").into(),
                l["kind"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let ids: Vec<&str> = layers.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            "basemap",
            "events-choropleth",
            "provinces",
            "districts",
            "events-heatmap",
            "towns",
            "events-incidents",
            "report_places",
            "group_presence",
            "training_camps",
            "camps-camps",
            "group_network"
        ]
    );
    assert_eq!(v["layers"][4]["source"], "events");
    assert_eq!(v["layers"][4]["visible"], true);
    assert_eq!(v["layers"][11]["visible"], false);
    assert_eq!(
        v["views"][0],
        serde_json::json!({"name": "Peshawar", "center": [71.55, 34.0], "zoom": 8.0})
    );
    assert_eq!(v["views"][1]["name"], "Quetta / Balochistan");

    let out_dir = dir.join("slides");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    let (code, _, err) = cli(&[
        "export",
        "--project",
        &s(&project),
        "--all-views",
        "--out-dir",
        &s(&out_dir),
        "--size",
        "480x270",
    ]);
    assert_eq!(code, 0, "{err}");
    for name in ["Peshawar.png", "Quetta - Balochistan.png"] {
        assert_eq!(
            image::image_dimensions(out_dir.join(name)).expect(name),
            (480, 270)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_imports_and_missing_files_fail_naming_the_file() {
    let dir = scratch("bad");
    let bad = dir.join("bad.csv");
    // The fixture's header and its one row with a bad date.
    let fixture = std::fs::read_to_string(FIXTURE).expect("fixture");
    let lines: Vec<&str> = fixture.lines().collect();
    std::fs::write(&bad, format!("{}\n{}\n", lines[0], lines[8])).expect("w");
    let (code, _, err) = cli(&[
        "project",
        "new",
        &s(&dir.join("p.json")),
        "--import",
        &s(&bad),
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("no row could be used"), "{err}");
    assert!(!dir.join("p.json").exists());
    let (code, _, err) = cli(&[
        "project",
        "new",
        &s(&dir.join("p.json")),
        "--view",
        "X=200,30,6",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("bad --view \"X=200,30,6\""), "{err}");

    // A project whose dataset was moved away.
    let events = dir.join("events.csv");
    std::fs::copy(FIXTURE, &events).expect("copy");
    let project = dir.join("p.json");
    let (code, _, err) = cli(&["project", "new", &s(&project), "--import", &s(&events)]);
    assert_eq!(code, 0, "{err}");
    std::fs::remove_file(&events).expect("rm");
    let (code, out, err) = cli(&["project", "show", &s(&project), "--json"]);
    assert_ne!(code, 0);
    assert!(err.contains("events.csv"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json still printed");
    assert_eq!(v["datasets"][0]["rows_kept"], serde_json::Value::Null);
    let png = dir.join("x.png");
    let (code, _, err) = cli(&[
        "export",
        "--project",
        &s(&project),
        "--out",
        &s(&png),
        "--size",
        "64x64",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("source \"events\""), "{err}");
    assert!(err.contains("events.csv: file not found"), "{err}");
    assert!(!png.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
