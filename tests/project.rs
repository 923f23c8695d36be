//! Projects: save → load round-trips every field; a crash before the rename keeps the old file;
//! corrupt and newer files are refused with a clear message.

use frontier_atlas::export::project::{
    PROJECT_VERSION, Project, ProjectError, ProjectExport, SavedView,
};
use frontier_atlas::export::{Banner, BannerPreset};
use frontier_atlas::state::{LayerId, LayerSettings};

fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-project-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

fn rich() -> Project {
    let mut layers = LayerSettings::default();
    layers.get_mut(LayerId::Districts).visible = false;
    layers.get_mut(LayerId::Basemap).opacity = 0.4;
    layers.hidden_groups.insert("bla".into());
    Project {
        version: PROJECT_VERSION,
        layers,
        dark: true,
        views: vec![SavedView {
            name: "Camps".into(),
            center: [70.1, 33.9],
            zoom: 7.25,
            title: Some("TTP training centres".into()),
            layers: Some(vec![LayerId::Basemap, LayerId::TrainingCamps]),
        }],
        export: ProjectExport {
            size: [3840, 2160],
            title: Some("T".into()),
            subtitle: Some("S".into()),
            banner: Some(Banner {
                text: "SECRET".into(),
                preset: BannerPreset::Secret,
            }),
            legend: false,
            scale_bar: false,
            north_arrow: false,
            attribution: false,
            timestamp: false,
        },
    }
}

#[test]
fn save_then_load_round_trips_every_field() {
    let dir = scratch("rt");
    let path = dir.join("p.json");
    let p = rich();
    p.save(&path).expect("save");
    assert_eq!(Project::load(&path).expect("load"), p);
    let v = &p.views[0];
    let l = p.layers_for(v);
    assert!(l.get(LayerId::TrainingCamps).visible && !l.get(LayerId::Provinces).visible);
    // The documented shape.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    assert_eq!(json["version"], 1);
    assert_eq!(json["dark"], true);
    assert_eq!(json["views"][0]["center"], serde_json::json!([70.1, 33.9]));
    assert_eq!(
        json["views"][0]["layers"],
        serde_json::json!(["basemap", "training_camps"])
    );
    assert_eq!(json["export"]["size"], serde_json::json!([3840, 2160]));
    assert_eq!(
        json["export"]["banner"],
        serde_json::json!({"text": "SECRET", "preset": "secret"})
    );
    for key in [
        "legend",
        "scale_bar",
        "north_arrow",
        "attribution",
        "timestamp",
    ] {
        assert_eq!(json["export"][key], false, "{key}");
    }
    // No temporary file left behind.
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 1);
}

#[test]
fn export_layout_becomes_settings_with_the_time_of_the_export() {
    let p = rich();
    let s = p
        .export
        .settings([70.0, 33.0], 7.0, true, "2026-01-02 03:04 UTC");
    assert_eq!(
        (s.size, s.center, s.zoom, s.dark),
        ([3840, 2160], [70.0, 33.0], 7.0, true)
    );
    assert_eq!(s.timestamp, None);
    assert_eq!(s.subtitle.as_deref(), Some("S"));
    assert!(!s.legend && !s.scale_bar && !s.north_arrow && !s.attribution);
    let d = Project::default();
    let s = d
        .export
        .settings([70.0, 33.0], 7.0, false, "2026-01-02 03:04 UTC");
    assert_eq!(s.timestamp.as_deref(), Some("2026-01-02 03:04 UTC"));
    assert!(s.legend && s.scale_bar && s.north_arrow && s.attribution);
}

#[test]
fn failing_between_write_and_rename_keeps_the_previous_file() {
    let dir = scratch("crash");
    let path = dir.join("p.json");
    Project::default().save(&path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let r = rich().save_with(&path, |tmp| {
        // The new content is fully written next to the target (same file system) ...
        assert_eq!(tmp.parent(), path.parent());
        let written: Project =
            serde_json::from_str(&std::fs::read_to_string(tmp).expect("tmp")).expect("json");
        assert_eq!(written, rich());
        // ... and then the process "dies" before the rename.
        Err(std::io::Error::other("simulated crash"))
    });
    assert!(matches!(r, Err(ProjectError::Write { .. })));
    assert!(
        r.expect_err("failed")
            .to_string()
            .contains("simulated crash")
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(Project::load(&path).expect("load"), Project::default());
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 1);
    // A save that completes replaces it.
    rich().save(&path).expect("save");
    assert_eq!(Project::load(&path).expect("load"), rich());
}

#[test]
fn corrupt_and_newer_projects_are_refused_clearly() {
    let dir = scratch("bad");
    let corrupt = dir.join("corrupt.json");
    std::fs::write(&corrupt, "{\n  \"version\": 1,\n  \"layers\": oops\n}").expect("write");
    let e = Project::load(&corrupt).expect_err("corrupt");
    assert!(matches!(e, ProjectError::Parse { line: 3, .. }), "{e}");
    assert!(e.to_string().contains("corrupt.json:3"));

    let newer = dir.join("newer.json");
    let mut v = serde_json::to_value(rich()).expect("json");
    v["version"] = serde_json::json!(PROJECT_VERSION + 1);
    std::fs::write(&newer, v.to_string()).expect("write");
    let e = Project::load(&newer).expect_err("newer");
    assert!(matches!(e, ProjectError::Newer { .. }), "{e}");
    assert!(e.to_string().contains("newer"));

    let typo = dir.join("typo.json");
    let mut v = serde_json::to_value(rich()).expect("json");
    v["views"][0]["zoom"] = serde_json::json!("seven");
    std::fs::write(&typo, serde_json::to_string_pretty(&v).expect("json")).expect("write");
    let text = std::fs::read_to_string(&typo).expect("read");
    let line = 1 + text
        .lines()
        .position(|l| l.contains("\"seven\""))
        .expect("line");
    let e = Project::load(&typo).expect_err("typo");
    assert!(
        matches!(e, ProjectError::Parse { line: l, .. } if l == line),
        "{e}"
    );

    let unversioned = dir.join("other.json");
    std::fs::write(&unversioned, "{\"type\": \"FeatureCollection\"}").expect("write");
    let e = Project::load(&unversioned).expect_err("not a project");
    assert!(
        e.to_string().contains("not a Frontier Atlas project"),
        "{e}"
    );

    let missing = Project::load(&dir.join("nope.json")).expect_err("missing");
    assert!(missing.to_string().contains("nope.json"));
}
