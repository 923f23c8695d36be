//! Projects: save → load round-trips every field; a crash before the rename keeps the old file;
//! corrupt and newer files are refused with a clear message.

use frontier_atlas::export::project::{PROJECT_VERSION, Project, ProjectError, SavedView};
use frontier_atlas::export::{Banner, BannerPreset, ExportSettings};
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
        export: ExportSettings {
            size: [3840, 2160],
            center: [66.0, 30.0],
            zoom: 5.5,
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
            timestamp: Some("x".into()),
            dark: true,
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
}

#[test]
fn failing_between_write_and_rename_keeps_the_previous_file() {
    let dir = scratch("crash");
    let path = dir.join("p.json");
    Project::default().save(&path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let r = rich().save_with(&path, |_| Err(std::io::Error::other("simulated crash")));
    assert!(matches!(r, Err(ProjectError::Write { .. })));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(Project::load(&path).expect("load"), Project::default());
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

    let missing = Project::load(&dir.join("nope.json")).expect_err("missing");
    assert!(missing.to_string().contains("nope.json"));
}
