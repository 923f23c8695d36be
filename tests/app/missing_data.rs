//! With missing or corrupt data the app still opens with what loaded and says what is wrong.

use std::path::Path;
use std::sync::Arc;

use egui_kittest::kittest::Queryable;
use frontier_atlas::app::AtlasApp;
use frontier_atlas::scene::AtlasData;

#[test]
fn app_opens_without_any_data_and_lists_the_problems() {
    let data = AtlasData::load(Path::new("/nonexistent/atlas-data"));
    assert!(data.gazetteer.units.is_empty());
    let names: Vec<String> = data.diagnostics.iter().map(|d| d.to_string()).collect();
    for f in [
        "countries.geojson",
        "provinces.geojson",
        "districts.geojson",
        "towns.csv",
        "findings.json",
    ] {
        assert!(
            names.iter().any(|n| n.contains(f)),
            "{f} not reported: {names:?}"
        );
    }
    let mut h = crate::common::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_ui_state(
            |ui, app: &mut AtlasApp| app.ui(ui),
            AtlasApp::new(Arc::new(data)),
        );
    h.run_steps(3);
    assert!(h.query_by_label_contains("Data problems").is_some());
    assert!(
        h.query_all_by_label_contains("countries.geojson")
            .next()
            .is_some()
    );
}

#[test]
fn a_corrupt_districts_file_keeps_the_rest() {
    let src = AtlasData::default_dir();
    let dir = std::env::temp_dir().join(format!("atlas-corrupt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&src, &dir);
    std::fs::write(
        dir.join("admin/districts.geojson"),
        "{\"type\": \"FeatureCollection\",\n \"features\": [ {",
    )
    .expect("write");
    let data = AtlasData::load(&dir);
    assert_eq!(
        data.gazetteer
            .units_of(atlas_core::model::UnitKind::District)
            .count(),
        0
    );
    assert_eq!(
        data.gazetteer
            .units_of(atlas_core::model::UnitKind::Province)
            .count(),
        41
    );
    let d = data
        .diagnostics
        .iter()
        .find(|d| d.file.ends_with("districts.geojson"))
        .expect("reported");
    assert!(d.line.is_some(), "{d}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            if e.file_name() != "sources" {
                copy_dir(&p, &to.join(e.file_name()));
            }
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}
