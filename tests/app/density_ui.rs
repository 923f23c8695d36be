//! Attack density in the UI: the synthetic demo loads by default and says so; importing a
//! fixture through the import dialog replaces it and reports dropped rows; narrowing the
//! date range changes the choropleth legend; snapshots of the heatmap and choropleth views.

use std::sync::Arc;

use atlas_core::project::{Edit, LayerFilter};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use frontier_atlas::app::AtlasApp;
use frontier_atlas::density::Dataset;
use frontier_atlas::density::SYNTHETIC_WARNING;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/density_acled.csv"
);
const GENERIC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/density_generic.csv"
);

use crate::common::settle;

fn harness(wgpu: bool) -> Harness<'static, AtlasApp> {
    crate::common::app_harness(1200.0, 800.0, wgpu)
}

/// The dataset the density panel shows.
fn dataset(h: &Harness<'static, AtlasApp>) -> Arc<Dataset> {
    h.state()
        .active_density()
        .and_then(|d| d.dataset())
        .expect("dataset loaded")
        .clone()
}

fn analysis(h: &Harness<'static, AtlasApp>) -> Arc<frontier_atlas::density::Analysis> {
    h.state()
        .active_density()
        .and_then(|d| d.analysis())
        .expect("analysis")
        .clone()
}

/// Show or hide every layer of `kind`.
fn set_kind(
    h: &mut Harness<'static, AtlasApp>,
    kind: atlas_core::project::LayerKind,
    visible: bool,
) {
    let ids: Vec<String> = h
        .state()
        .project()
        .layers
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| l.id.clone())
        .collect();
    for layer in ids {
        h.state_mut().apply(Edit::SetVisible { layer, visible });
    }
}

/// Text of a node: its label, or for a plain label widget its value.
fn text(n: &egui_kittest::kittest::AccessKitNode<'_>) -> Option<String> {
    n.label().or_else(|| n.value())
}

/// Texts of the choropleth legend rows ("… event(s)"), sorted.
fn class_rows(h: &Harness<'static, AtlasApp>) -> Vec<String> {
    // "2 events (1 district)": a class, its range and how many units it holds.
    let row = |t: &str| {
        t.contains(" event")
            && t.ends_with(')')
            && t.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    let mut rows: Vec<String> = h
        .query_all_by(|n| text(n).is_some_and(|t| row(&t)))
        .filter_map(|n| text(&n.accesskit_node()))
        .collect();
    // A wrapped label's text also appears on its text run: keep each text once.
    rows.sort();
    rows.dedup();
    rows
}

#[test]
fn demo_loads_by_default_and_says_it_is_synthetic() {
    let mut h = harness(false);
    settle(&mut h);
    let ds = dataset(&h);
    assert_eq!(ds.origin.name, "Synthetic demo");
    assert_eq!(ds.len(), 600);
    assert!(ds.synthetic());
    assert!(h.state().synthetic_visible());
    // Legend, badge and panel carry the warning; the layer list marks the demo's layers.
    assert_eq!(h.query_all_by_label(SYNTHETIC_WARNING).count(), 2);
    assert_eq!(h.query_all_by_label("SYNTHETIC").count(), 3);
    h.get_by_label("Heatmap (Synthetic demo)");
    assert_eq!(analysis(&h).selected.indices.len(), 600);
    // Switching every density layer off lifts the export watermark.
    for kind in atlas_core::project::LayerKind::DENSITY {
        set_kind(&mut h, kind, false);
    }
    assert!(!h.state().synthetic_visible());
}

#[test]
fn import_fixture_through_the_dialog_then_narrow_the_dates() {
    let mut h = harness(false);
    settle(&mut h);
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Import incidents…").click();
    h.run_steps(2);
    h.state_mut().import.path = FIXTURE.to_string();
    h.get_by_label("Inspect").click();
    h.run_steps(2);
    // The header is read on a worker; Import is enabled once it is in.
    settle(&mut h);
    h.get_by_label("Import").click();
    h.run_steps(1);
    settle(&mut h);

    let ds = dataset(&h);
    // The demo was replaced: one dataset in the project.
    assert_eq!(h.state().project().incident_sources().count(), 1);
    assert_eq!(ds.origin.name, "density_acled.csv");
    assert_eq!(ds.len(), 6);
    assert!(!ds.synthetic());
    assert!(!h.state().synthetic_visible());
    h.get_by_label("Imported 6 of 8 rows from density_acled.csv (ACLED); 2 dropped.");
    assert!(
        h.query_by_label_contains("line 8: latitude").is_some(),
        "dropped row 8 listed with its reason"
    );
    assert!(h.query_by_label_contains("line 9:").is_some());

    // Choropleth on: by district, Peshawar 3 and Quetta 2 events; the province-level event
    // is in no district.
    // The toggle may be scrolled out of the layer list: use AccessKit, not the pointer.
    h.get_by_label("Choropleth (density_acled.csv)")
        .click_accesskit();
    h.run_steps(2);
    settle(&mut h);
    assert_eq!(
        class_rows(&h),
        ["2 events (1 district)", "3 events (1 district)"]
    );
    h.get_by_label("1 event located only to a province: in no district");

    // March to June: one event each in Peshawar (12 June) and Quetta (1 March).
    let source = h.state().active_dataset.clone().expect("active");
    h.state_mut().apply(Edit::SetFilter {
        source,
        filter: LayerFilter {
            from: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
            to: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
            ..Default::default()
        },
    });
    settle(&mut h);
    assert_eq!(class_rows(&h), ["1 event (2 districts)"]);
    let a = analysis(&h);
    assert_eq!(a.selected.indices.len(), 3);
    // Peshawar is within 50 km of the border, Quetta and the Balochistan centre are not.
    let b = a.border.as_ref().expect("border");
    assert_eq!((b.within, b.measured), (1, 3));
}

/// A file dropped on the window.
use crate::common::Dropped;

#[test]
fn dropped_generic_csv_is_mapped_by_column_and_imported() {
    let mut h = harness(false);
    settle(&mut h);
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(GENERIC.into())));
    h.run_steps(2);
    assert!(h.state().import.open);
    // The header is read on a worker.
    settle(&mut h);
    h.get_by_label("8 columns (0.0 MB); header looks like: generic CSV");
    // Guessed from the names: Lat, Lng, Group, Killed, Ref, Where; "When" is for the user.
    let m = h.state().import.mapping.clone();
    assert_eq!((m.lat.as_str(), m.lon.as_str()), ("Lat", "Lng"));
    assert_eq!(m.actor, "Group");
    assert_eq!(m.fatalities.as_deref(), Some("Killed"));
    assert_eq!(m.date, "date");
    assert!(h.query_by_label("Replace the synthetic demo").is_some());
    h.state_mut().import.mapping.date = "When".into();
    h.state_mut().import.mapping.event_type = Some("Kind".into());
    h.run_steps(2);
    h.get_by_label("Import").click();
    h.run_steps(1);
    settle(&mut h);
    // Line 5 (G4) has a bad latitude, line 7 (G6) an ambiguous date (05/03/2024); G5 has no
    // actor but is kept (an empty actor is allowed).
    let ds = dataset(&h);
    assert_eq!(ds.origin.name, "density_generic.csv");
    assert_eq!(ds.origin.report.rows_read, 6);
    let dropped: Vec<usize> = ds.origin.report.rows_dropped.iter().map(|d| d.0).collect();
    assert_eq!(dropped, [5, 7]);
    h.get_by_label("Imported 4 of 6 rows from density_generic.csv (generic CSV); 2 dropped.");
    assert_eq!(ds.len(), 4);
    assert_eq!(
        ds.event_types,
        [("Bombing".to_string(), 2), ("Raid".to_string(), 2)]
    );
    // Play steps month by month from the first month with data.
    h.state_mut().step_time();
    let source = h.state().active_dataset.clone().expect("active");
    let layer = h
        .state()
        .project()
        .layers_of_source(&source)
        .next()
        .expect("layer")
        .clone();
    assert_eq!(
        layer.filter.from,
        chrono::NaiveDate::from_ymd_opt(2024, 2, 1)
    );
    assert_eq!(
        layer.filter.to,
        chrono::NaiveDate::from_ymd_opt(2024, 2, 29)
    );
    settle(&mut h);
    let a = analysis(&h);
    assert_eq!(a.selected.indices.len(), 2);
}

#[test]
fn heatmap_snapshot() {
    let mut h = harness(true);
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(68.6, 30.6));
    let _ = h.state_mut().view.memory.set_zoom(6.0);
    settle(&mut h);
    h.snapshot_options("heatmap", &crate::snapshot_strict::strict());
}

#[test]
fn choropleth_snapshot() {
    let mut h = harness(true);
    set_kind(&mut h, atlas_core::project::LayerKind::Heatmap, false);
    set_kind(&mut h, atlas_core::project::LayerKind::Incidents, false);
    set_kind(&mut h, atlas_core::project::LayerKind::Choropleth, true);
    {
        let app = h.state_mut();
        app.view.memory.center_at(walkers::lon_lat(68.6, 30.6));
        let _ = app.view.memory.set_zoom(6.0);
    }
    settle(&mut h);
    h.snapshot_options("choropleth", &crate::snapshot_strict::strict());
}

#[test]
fn hovering_an_incident_at_close_zoom_shows_its_row_and_source() {
    let mut h = crate::common::app_harness(1600.0, 1000.0, false);
    set_kind(&mut h, atlas_core::project::LayerKind::Incidents, true);
    settle(&mut h);
    // The demo's first incident: 2 January 2024 at Landi Kotal, town precision.
    let (lon, lat) = {
        let ds = dataset(&h);
        let v = ds.store().get(0).expect("row");
        assert_eq!(v.id, "SYN2024-0001");
        (v.lon, v.lat)
    };
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(lon, lat));
    let _ = h.state_mut().view.memory.set_zoom(9.0);
    h.run_steps(2);
    let c = h.state().view_center_on_screen().expect("map drawn");
    h.hover_at(c);
    // Tooltips wait for the pointer to rest.
    for _ in 0..2000 {
        h.step();
        if h.query_by_label("ID SYN2024-0001 · Synthetic demo")
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // The window is large enough that the density legend (lower right) leaves the map's
    // centre free.
    h.get_by_label("ID SYN2024-0001 · Synthetic demo");
    h.get_by_label("Violence against civilians — Attack");
    h.get_by_label("Source: SYNTHETIC DEMO — not real events");
    h.get_by_label("Landi Kotal, Khyber, Khyber Pakhtunkhwa, Pakistan (located to: town)");
}

#[test]
fn import_flag_imports_a_recognised_file_and_waits_on_a_generic_one() {
    // What `frontier-atlas --import FILE` does once the window exists.
    let mut h = harness(false);
    h.state_mut()
        .import
        .open_and_import(std::path::Path::new(FIXTURE));
    settle(&mut h);
    assert_eq!(dataset(&h).origin.name, "density_acled.csv");
    h.state_mut()
        .import
        .open_and_import(std::path::Path::new(GENERIC));
    settle(&mut h);
    // The generic file waits for its mapping: still the ACLED fixture, dialog open.
    assert_eq!(dataset(&h).origin.name, "density_acled.csv");
    assert_eq!(h.state().project().incident_sources().count(), 1);
    assert!(h.state().import.open);
}

#[test]
fn the_import_dialog_reads_the_header_on_a_worker() {
    let mut h = harness(false);
    h.state_mut()
        .import
        .open_path(std::path::Path::new(GENERIC));
    // Asked for, not read on the UI thread: nothing yet, the dialog says it is reading.
    assert!(h.state().import.pending());
    settle(&mut h);
    assert!(!h.state().import.pending());
    assert_eq!(
        h.state().import.read_as,
        frontier_atlas::ui::import_dialog::ReadAs::Generic
    );
    // A missing file's error names it.
    h.state_mut().import.path = "/nonexistent/events.csv".into();
    h.state_mut().import.inspect();
    settle(&mut h);
    h.get_by_label_contains("/nonexistent/events.csv");
}
