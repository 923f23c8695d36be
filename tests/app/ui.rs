//! UI tests through egui_kittest: layer toggles found by label (AccessKit), hover, click,
//! Esc, and a PNG snapshot of the start view (`UPDATE_SNAPSHOTS=1 cargo test` re-blesses).

use atlas_core::project::{BasemapSpec, Edit};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontier_atlas::app::AtlasApp;

use crate::common::{data, settle};

fn harness(width: f32, height: f32) -> Harness<'static, AtlasApp> {
    crate::common::app_harness(width, height, true)
}

#[test]
fn layer_toggles_are_found_by_label_and_switch_districts() {
    let mut h = crate::common::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data()));
    h.run_steps(2);
    let visible = |h: &Harness<'static, AtlasApp>| {
        h.state()
            .project()
            .layer("districts")
            .expect("districts")
            .style
            .visible
    };
    assert!(visible(&h));
    h.get_by_label("Districts").click();
    h.run_steps(2);
    assert!(!visible(&h));
    assert!(
        h.state().doc.dirty(),
        "a layer change marks the project unsaved"
    );
    h.get_by_label("Districts").click();
    h.run_steps(2);
    assert!(visible(&h));
    // Every layer of the project has a toggle, named for its kind (and dataset).
    let project = h.state().project().clone();
    for l in &project.layers {
        h.get_by_label(&project.layer_label(l));
    }
    assert_eq!(project.layers.len(), 11);
}

#[test]
fn hover_shows_the_unit_and_click_selects_it_and_esc_clears() {
    let mut h = crate::common::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data()));
    h.run_steps(2);
    // Point at Kabul province's label point.
    let kabul = data()
        .gazetteer
        .resolve("Kabul")
        .into_iter()
        .find(|e| e.kind == atlas_core::model::UnitKind::Province)
        .expect("Kabul");
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(kabul.lon, kabul.lat));
    h.run_steps(2);
    let map_center = h.state().view_center_on_screen().expect("map drawn");
    h.hover_at(map_center);
    h.run_steps(2);
    assert_eq!(h.state().view.hovered.as_deref(), Some(kabul.id.as_str()));
    h.event(egui::Event::PointerButton {
        pos: map_center,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    h.event(egui::Event::PointerButton {
        pos: map_center,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    h.run_steps(2);
    assert_eq!(h.state().view.selected.as_deref(), Some(kabul.id.as_str()));
    h.get_by_label(kabul.id.as_str());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().view.selected, None);
}

#[test]
fn start_view_snapshot() {
    let mut h = harness(1600.0, 1000.0);
    settle(&mut h);
    h.snapshot_options("start_view", &crate::snapshot_strict::strict());
}

#[test]
fn districts_view_snapshot() {
    let mut h = harness(1200.0, 800.0);
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(70.3, 33.6));
    let _ = h.state_mut().view.memory.set_zoom(8.0);
    settle(&mut h);
    h.snapshot_options("districts_khost_zoom8", &crate::snapshot_strict::strict());
}

#[test]
fn dark_view_snapshot() {
    let mut h = harness(1200.0, 800.0);
    h.state_mut()
        .apply(Edit::SetBasemap(BasemapSpec::Builtin { dark: true }));
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(66.0, 28.0));
    let _ = h.state_mut().view.memory.set_zoom(7.0);
    settle(&mut h);
    h.snapshot_options("dark_balochistan_zoom7", &crate::snapshot_strict::strict());
}
