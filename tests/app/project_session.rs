//! A project's sources at run time: the report places come from the findings (another
//! findings file emphasises other places), several incident datasets load side by side, and
//! a missing file is reported with its source and path while the rest loads.

use std::path::PathBuf;
use std::time::Duration;

use atlas_core::project::{FileRef, IncidentFormat, Project, SourceKind};
use frontier_atlas::scene::AtlasData;
use frontier_atlas::session::Session;

use crate::common::data;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/density_acled.csv"
);

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-session-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

fn session() -> Session {
    Session::new(data(), AtlasData::default_dir())
}

fn place_names(s: &Session) -> Vec<String> {
    s.atlas()
        .report_places
        .iter()
        .map(|p| p.name.clone())
        .collect()
}

#[test]
fn report_places_are_derived_from_the_findings() {
    let mut s = session();
    let p = Project::default();
    s.wait(&p, Duration::from_secs(60)).expect("loads");
    // The bundled findings: the four training-centre provinces, Kerman (the town in Iran of
    // "the Kerman attack"), Awaran and Panjgur, Dalbandin, and Chagai as the town's district.
    assert_eq!(
        place_names(&s),
        [
            "Kunar",
            "Nangarhar",
            "Khost",
            "Paktika",
            "Kerman",
            "Awaran",
            "Panjgur",
            "Dalbandin",
            "Chagai"
        ]
    );
    let khost = &s.atlas().report_places[2];
    assert_eq!(khost.role, "New TTP training centre (province-level)");
    // Chagai is context: the district of the named town Dalbandin.
    assert!(s.atlas().report_places[8].context);
    assert!(!s.atlas().report_places[7].context);

    // Another findings file (its report text and the bundled groups beside it).
    let dir = scratch("findings");
    let text = "Militants were seen training in Kurram. Nothing else is known.";
    std::fs::write(dir.join("other-report.txt"), text).expect("write");
    let findings = serde_json::json!({
        "source": {"file": "other-report.txt", "title": null, "date": null, "publisher": null,
                   "refers_to": null, "note": null},
        "findings": [{
            "id": "o1", "kind": "training_centre", "groups": ["ttp"], "relation": null,
            "places": [{"name": "Kurram", "kind": "district", "country": "PAK"}],
            "precision": "district", "quote": "Militants were seen training in Kurram.",
            "paragraph": 1, "figures": [], "date": null, "people": [], "note": null
        }]
    });
    let f = dir.join("findings.json");
    std::fs::write(&f, findings.to_string()).expect("write");
    let mut other = Project::default();
    if let SourceKind::Findings { file, .. } = &mut other.sources[0].kind {
        *file = FileRef::path(&f);
    }
    s.wait(&other, Duration::from_secs(60)).expect("loads");
    assert!(s.problems(&other).is_empty(), "{:?}", s.problems(&other));
    assert_eq!(place_names(&s), ["Kurram"]);
    assert_eq!(
        s.atlas().report_places[0].role,
        "New TTP training centre (district-level)"
    );
    // Back to the bundled report.
    s.wait(&p, Duration::from_secs(60)).expect("loads");
    assert_eq!(place_names(&s).len(), 9);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_datasets_load_side_by_side_each_with_its_analysis() {
    let mut p = Project::default();
    let id = p.add_incidents(
        "fixture",
        None,
        FileRef::path(FIXTURE),
        IncidentFormat::default(),
    );
    let mut s = session();
    s.wait(&p, Duration::from_secs(60)).expect("loads");
    let scene = s.scene(&p);
    assert_eq!(scene.datasets.len(), 2);
    assert_eq!(scene.datasets["demo"].len(), 600);
    assert_eq!(scene.datasets[&id].len(), 6);
    // Each visible incident layer has its own dataset's analysis.
    assert_eq!(scene.analyses["demo-heatmap"].selected.indices.len(), 600);
    assert_eq!(scene.analyses["fixture-heatmap"].selected.indices.len(), 6);
    // Removing a source drops its data.
    p.remove_source("demo");
    s.wait(&p, Duration::from_secs(60)).expect("loads");
    let scene = s.scene(&p);
    assert_eq!(scene.datasets.keys().collect::<Vec<_>>(), [&id]);
    assert!(!scene.analyses.contains_key("demo-heatmap"));
}

#[test]
fn a_missing_file_is_reported_and_the_rest_loads() {
    let mut p = Project::default();
    p.add_incidents(
        "gone",
        None,
        FileRef::path("/nonexistent/events.csv"),
        IncidentFormat::default(),
    );
    p.add_camp_points(FileRef::path("/nonexistent/camps.csv"));
    let mut s = session();
    s.wait(&p, Duration::from_secs(60)).expect("loads");
    let problems = s.problems(&p);
    let ids: Vec<&str> = problems.iter().map(|x| x.source.as_str()).collect();
    assert_eq!(ids, ["gone", "camps-camps"]);
    assert!(problems.iter().all(|x| x.missing));
    assert_eq!(
        problems[0].message,
        "/nonexistent/events.csv: file not found"
    );
    assert_eq!(
        problems[0].path.as_deref(),
        Some(std::path::Path::new("/nonexistent/events.csv"))
    );
    // The demo still loaded.
    assert_eq!(s.scene(&p).datasets["demo"].len(), 600);
}
