//! Project files: every field round-trips through save and load; paths are stored relative
//! to the project; version-1 files migrate; a crash before the rename keeps the old file;
//! corrupt, truncated, newer and out-of-range files are refused naming the file and field.

use std::path::{Path, PathBuf};

use atlas_core::project::{
    Banner, BannerPreset, BasemapSpec, ByDef, ClassMethodDef, DensityStyle, FileRef,
    IncidentFormat, LayerFilter, LayerKind, MappingDef, PROJECT_VERSION, PageLayout, Project,
    ProjectError, SavedView, SchemaDef, TimeBucketDef, WeightDef, load_project, parse_project,
    save_project, save_project_with,
};

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-projectfile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

/// A project with every field set away from its default; its files under `dir`.
fn rich(dir: &Path) -> Project {
    let csv = dir.join("data/acled.csv");
    let camps = dir.join("data/camps.csv");
    std::fs::create_dir_all(dir.join("data")).expect("mkdir");
    std::fs::write(&csv, "x").expect("write");
    std::fs::write(&camps, "x").expect("write");
    let mut p = Project::default();
    let mapping = MappingDef::parse_spec("lon=x,lat=y,date=d,actor=a,precision=p").expect("map");
    let id = p.add_incidents(
        "acled",
        Some("ACLED 2024"),
        FileRef::path(&csv),
        IncidentFormat {
            schema: SchemaDef::Generic,
            mapping: Some(mapping),
        },
    );
    p.add_camp_points(FileRef::path(&camps));
    p.add_report_text(None, Some("Clashes in Bajaur.".into()));
    let style = DensityStyle {
        weight: WeightDef::Fatalities,
        bandwidth_km: 40.0,
        by: ByDef::Province,
        method: ClassMethodDef::Quantile,
        classes: 7,
        bucket: TimeBucketDef::Week,
        rescale_per_frame: true,
    };
    for l in p
        .layers
        .iter_mut()
        .filter(|l| l.source.as_deref() == Some(id.as_str()))
    {
        l.style.density = Some(style.clone());
        l.filter = LayerFilter {
            from: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
            to: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
            actors: vec!["TTP".into()],
            hidden_actors: vec!["Civilians".into()],
            event_types: vec!["Battles".into()],
        };
    }
    let towns = p.layer_mut("towns").expect("towns");
    towns.style.opacity = 0.4;
    towns.name = Some("Towns and cities".into());
    p.layer_mut("group_presence")
        .expect("presence")
        .style
        .hidden_groups
        .insert("bla".into());
    p.views.push(SavedView {
        layers: Some(vec!["basemap".into(), "training_camps".into()]),
        title: Some("TTP training centres".into()),
        subtitle: Some("Province-level".into()),
        ..SavedView::new("Camps", [70.1, 33.9], 7.25)
    });
    p.views.push(SavedView::new("کابل", [69.2, 34.5], 9.0));
    p.layout = PageLayout {
        size: [3840, 2160],
        title: Some("Weekly brief".into()),
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
        inset: false,
        legend_basemap: true,
        legend_corner: Some(atlas_core::project::Corner::BottomLeft),
    };
    p.basemap = BasemapSpec::Builtin { dark: true };
    p
}

#[test]
fn save_then_load_round_trips_every_field_with_relative_paths() {
    let dir = scratch("rt");
    let path = dir.join("brief.json");
    let p = rich(&dir);
    save_project(&p, &path).expect("save");
    assert_eq!(load_project(&path).expect("load"), p);
    // The documented shape: user files relative to the project, bundled ones by name.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    assert_eq!(json["version"], PROJECT_VERSION);
    let acled = json["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["id"] == "acled")
        .expect("acled");
    assert_eq!(acled["kind"], "incidents");
    assert_eq!(acled["file"]["path"], "data/acled.csv");
    assert_eq!(acled["format"]["schema"], "generic");
    assert_eq!(
        json["sources"][0]["file"]["bundled"],
        "report/findings.json"
    );
    assert_eq!(json["views"][0]["center"], serde_json::json!([70.1, 33.9]));
    assert_eq!(
        json["layout"]["banner"],
        serde_json::json!({"text": "SECRET", "preset": "secret"})
    );
    assert_eq!(
        json["basemap"],
        serde_json::json!({"kind": "builtin", "dark": true})
    );
    // Moved with its data: still opens.
    let moved = scratch("rt-moved");
    std::fs::rename(dir.join("data"), moved.join("data")).expect("mv data");
    std::fs::copy(&path, moved.join("brief.json")).expect("cp");
    let q = load_project(&moved.join("brief.json")).expect("load moved");
    let file = q
        .source("acled")
        .and_then(|s| s.file())
        .and_then(|f| f.path.clone());
    assert_eq!(file, Some(moved.join("data/acled.csv")));
    // No temporary file left behind.
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&moved);
}

#[test]
fn version_1_files_migrate_to_the_current_model() {
    let v1 = r#"{
      "version": 1,
      "layers": {"styles": [["basemap", {"visible": true, "opacity": 0.4}],
                            ["districts", {"visible": false, "opacity": 1.0}],
                            ["heatmap", {"visible": false, "opacity": 0.85}],
                            ["choropleth", {"visible": true, "opacity": 0.7}]],
                 "hidden_groups": ["bla"]},
      "dark": true,
      "views": [{"name": "Camps", "center": [70.1, 33.9], "zoom": 7.25,
                 "title": "TTP training centres", "layers": ["basemap", "heatmap"]}],
      "export": {"size": [3840, 2160], "title": "T", "subtitle": null, "banner": null,
                 "legend": false, "scale_bar": true, "north_arrow": true,
                 "attribution": true, "timestamp": false}
    }"#;
    let p = parse_project(v1, Path::new("old.json"), None).expect("migrates");
    assert_eq!(p.version, PROJECT_VERSION);
    assert_eq!(p.layer("basemap").map(|l| l.style.opacity), Some(0.4));
    assert_eq!(p.layer("districts").map(|l| l.style.visible), Some(false));
    assert_eq!(
        p.layer("demo-heatmap").map(|l| l.style.visible),
        Some(false)
    );
    let ch = p.layer("demo-choropleth").expect("choropleth");
    assert_eq!((ch.style.visible, ch.style.opacity), (true, 0.7));
    assert_eq!(ch.kind, LayerKind::Choropleth);
    assert!(
        p.layer("group_presence")
            .expect("presence")
            .style
            .hidden_groups
            .contains("bla")
    );
    assert!(p.basemap.is_dark());
    assert_eq!(
        p.views[0].layers,
        Some(vec!["basemap".to_string(), "demo-heatmap".to_string()])
    );
    assert_eq!(p.views[0].title.as_deref(), Some("TTP training centres"));
    assert_eq!(
        (p.layout.size, p.layout.legend, p.layout.timestamp),
        ([3840, 2160], false, false)
    );
    let bad = v1.replace("\"districts\"", "\"rivers\"");
    let e = parse_project(&bad, Path::new("old.json"), None).expect_err("unknown layer");
    assert_eq!(
        e.to_string(),
        "old.json: field `layers.styles[1][0]`: unknown version-1 layer \"rivers\""
    );
}

#[test]
fn failing_between_write_and_rename_keeps_the_previous_file() {
    let dir = scratch("crash");
    let path = dir.join("p.json");
    save_project(&Project::default(), &path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let p = rich(&dir);
    let r = save_project_with(&p, &path, |tmp| {
        assert_eq!(tmp.parent(), path.parent());
        Err(std::io::Error::other("simulated crash"))
    });
    let e = r.expect_err("failed");
    assert!(matches!(e, ProjectError::Write { .. }));
    assert!(e.to_string().contains("simulated crash"), "{e}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(load_project(&path).expect("load"), Project::default());
    save_project(&p, &path).expect("save");
    assert_eq!(load_project(&path).expect("load"), p);
    let _ = std::fs::remove_dir_all(&dir);
}

fn err(json: &str) -> String {
    parse_project(json, Path::new("p.json"), None)
        .expect_err("refused")
        .to_string()
}

#[test]
fn bad_files_name_the_file_and_the_field() {
    // Truncated: where the parser stopped.
    assert_eq!(
        err("{\"version\": 2, \"layers\": ["),
        "p.json: not valid JSON at line 1, column 26: EOF while parsing a list"
    );
    // A one-line file with a wrong type deep inside: the field path, not "line 1".
    let mut v = serde_json::to_value(Project::default()).expect("json");
    v["layers"][3]["style"]["opacity"] = serde_json::json!("half");
    let e = err(&v.to_string());
    assert!(
        e.starts_with("p.json: field `layers[3].style.opacity`: invalid type"),
        "{e}"
    );
    let mut v = serde_json::to_value(Project::default()).expect("json");
    v["layout"]["colour"] = serde_json::json!("red");
    let e = err(&v.to_string());
    assert!(
        e.starts_with("p.json: field `layout.colour`: unknown field `colour`"),
        "{e}"
    );
    // Newer.
    let mut v = serde_json::to_value(Project::default()).expect("json");
    v["version"] = serde_json::json!(PROJECT_VERSION + 1);
    assert!(err(&v.to_string()).contains("newer than this build"));
    // Not a project.
    assert_eq!(
        err("{\"type\": \"FeatureCollection\"}"),
        "p.json: field `version`: missing: not a Frontier Atlas project"
    );
    assert_eq!(
        err("[1, 2]"),
        "p.json: field `(top level)`: expected an object: not a Frontier Atlas project"
    );
    // Values the command line refuses are refused here too.
    let mut v = serde_json::to_value(Project::default()).expect("json");
    v["layout"]["size"] = serde_json::json!([1, 1]);
    v["layers"][0]["style"]["opacity"] = serde_json::json!(1e39);
    v["views"] = serde_json::json!([{"name": "x", "center": [1e308, 0.0], "zoom": 1000.0}]);
    let e = err(&v.to_string());
    for field in [
        "field `layout.size`: 1×1 pixels",
        "field `layers[0].style.opacity`",
        "field `views[0].center`",
        "field `views[0].zoom`: 1000: zoom must be from 1 to 18",
    ] {
        assert!(e.contains(field), "{field} in {e}");
    }
    let missing = load_project(Path::new("/nonexistent/nope.json")).expect_err("missing");
    assert!(
        missing
            .to_string()
            .starts_with("/nonexistent/nope.json: cannot read")
    );
}
