//! The basemap chooser in the window: View → Basemap, consent before any online server (the
//! ONLINE badge while one is used), a custom server's template checked, a tile file picked
//! or dropped. Online servers here are 127.0.0.1 ports nothing listens on: no test leaves
//! the machine.

use std::sync::Arc;

use atlas_core::project::BasemapSpec;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontier_atlas::app::{AtlasApp, ScriptedPicker};

const LOOPBACK: &str = "http://127.0.0.1:9/{z}/{x}/{y}.png";

fn harness() -> (Harness<'static, AtlasApp>, ScriptedPicker) {
    let mut h = crate::common::app_harness(1400.0, 900.0, false);
    let picker = ScriptedPicker::default();
    h.state_mut().picker = Arc::new(picker.clone());
    h.run_steps(2);
    (h, picker)
}

fn open_chooser(h: &mut Harness<'static, AtlasApp>) {
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Basemap source").click();
    h.run_steps(2);
}

fn custom(h: &mut Harness<'static, AtlasApp>, url: &str) {
    open_chooser(h);
    h.get_by_label("Custom tile server…").click();
    h.run_steps(2);
    assert!(h.state().custom_server.open);
    h.state_mut().custom_server.url = url.into();
    h.state_mut().custom_server.attribution = "Loopback test tiles".into();
    h.run_steps(1);
    h.get_by_label("Use").click();
    h.run_steps(3);
}

#[test]
fn an_online_server_asks_first_and_shows_the_online_badge() {
    let (mut h, _) = harness();
    custom(&mut h, LOOPBACK);
    // Asked, nothing changed yet.
    h.get_by_label("Use an online basemap?");
    assert_eq!(h.state().project().basemap, BasemapSpec::default());
    h.get_by_label("Stay offline").click();
    h.run_steps(3);
    assert_eq!(h.state().project().basemap, BasemapSpec::default());
    assert!(h.query_by_label_contains("ONLINE basemap").is_none());

    custom(&mut h, LOOPBACK);
    h.get_by_label("Use online tiles").click();
    h.run_steps(4);
    assert_eq!(
        h.state().project().basemap,
        BasemapSpec::Xyz {
            url: LOOPBACK.into(),
            attribution: "Loopback test tiles".into(),
            max_zoom: 19,
        }
    );
    assert!(
        h.state().online_consent.contains("127.0.0.1:9"),
        "{:?}",
        h.state().online_consent
    );
    h.get_by_label_contains("ONLINE basemap");
    // Back to the built-in basemap: the badge goes.
    open_chooser(&mut h);
    h.get_by_label("Built-in (light, offline)").click();
    h.run_steps(4);
    assert_eq!(h.state().project().basemap, BasemapSpec::default());
    assert!(h.query_by_label_contains("ONLINE basemap").is_none());
}

#[test]
fn a_template_without_z_x_y_is_refused_with_the_reason() {
    let (mut h, _) = harness();
    custom(&mut h, "http://127.0.0.1:9/tiles.png");
    assert!(h.state().custom_server.open, "the dialog stays open");
    let err = h.state().custom_server.error.clone().expect("an error");
    assert!(err.contains("{z}"), "{err}");
    h.get_by_label(&err);
    assert!(h.query_by_label("Use an online basemap?").is_none());
    assert_eq!(h.state().project().basemap, BasemapSpec::default());
}

use crate::common::Dropped;

#[test]
fn a_tile_file_is_picked_or_dropped_without_asking() {
    let d = tempfile::tempdir().expect("tempdir");
    let mb = d.path().join("local.mbtiles");
    crate::tile_fixtures::write_mbtiles(&mb);
    let pm = d.path().join("local.pmtiles");
    crate::tile_fixtures::write_pmtiles(&pm);

    let (mut h, picker) = harness();
    picker.answer(&mb);
    open_chooser(&mut h);
    h.get_by_label("Tile file (MBTiles / PMTiles)…").click();
    for _ in 0..3000 {
        h.step();
        if matches!(h.state().project().basemap, BasemapSpec::Mbtiles { .. }) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    match &h.state().project().basemap {
        BasemapSpec::Mbtiles { file } => {
            assert_eq!(file.path.as_deref(), Some(mb.as_path()))
        }
        other => panic!("not the picked file: {other:?}"),
    }
    assert!(h.query_by_label("Use an online basemap?").is_none());

    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(pm.clone())));
    h.run_steps(3);
    assert!(
        matches!(&h.state().project().basemap, BasemapSpec::Pmtiles { file } if file.path.as_deref() == Some(pm.as_path())),
        "{:?}",
        h.state().project().basemap
    );
    assert!(h.query_by_label_contains("ONLINE basemap").is_none());
    assert!(
        h.query_by_label_contains("Basemap:").is_none(),
        "no error for a good file"
    );
}

#[test]
fn a_corrupt_tile_file_says_so_and_keeps_the_built_in_basemap_drawn() {
    let d = tempfile::tempdir().expect("tempdir");
    let bad = d.path().join("broken.mbtiles");
    std::fs::write(&bad, b"not a database").expect("write");
    let (mut h, _) = harness();
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(bad.clone())));
    h.run_steps(3);
    let err = h.state().basemap_error.clone().expect("an error");
    assert!(err.contains("broken.mbtiles"), "{err}");
    h.get_by_label(&format!("Basemap: {err}"));
}
