//! Search in the window beyond place names: a group frames where the findings place it and
//! selects the first of those places; a finding's words find the finding and select the
//! place it names; imported incidents' locations are searchable.

use atlas_core::basemap::lonlat_to_world;
use atlas_core::model::UnitKind;
use atlas_core::search::HitKind;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontier_atlas::app::AtlasApp;

use crate::common::{data, tools_harness, type_into};

fn id_of(name: &str, kind: UnitKind) -> String {
    data()
        .gazetteer
        .resolve(name)
        .into_iter()
        .find(|e| e.kind == kind)
        .map(|e| e.id)
        .expect(name)
}

fn first_hit(h: &Harness<'static, AtlasApp>) -> (HitKind, String) {
    let hit = h.state().tools.search.hits.first().expect("a result");
    (hit.kind, hit.id.clone())
}

#[test]
fn a_group_frames_its_presence_and_selects_its_first_place() {
    let mut h = tools_harness();
    type_into(&mut h, "Search", "Majid Brigade");
    assert_eq!(first_hit(&h), (HitKind::Group, "majeed_brigade".into()));
    h.key_press(Key::Enter);
    h.run_steps(2);
    // The findings place the Majeed Brigade in Pakistan as a whole only.
    assert_eq!(h.state().view.selected.as_deref(), Some("PAK"));
    h.state_mut().tools.search.text.clear();
    type_into(&mut h, "Search", "BLA");
    assert_eq!(first_hit(&h), (HitKind::Group, "bla".into()));
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(
        h.state().view.selected,
        Some(id_of("Awaran", UnitKind::District))
    );
    // Every place the findings name for the BLA is in view.
    let rect = h.state().map_rect().expect("map drawn");
    let [lon, lat] = h.state().view.center();
    let zoom = h.state().view.memory.zoom();
    let scale = 256.0 * 2f64.powf(zoom);
    let c = lonlat_to_world(lon, lat);
    for (name, kind) in [
        ("Awaran", UnitKind::District),
        ("Panjgur", UnitKind::District),
        ("Dalbandin", UnitKind::Town),
    ] {
        let e = data()
            .gazetteer
            .resolve(name)
            .into_iter()
            .find(|e| e.kind == kind)
            .expect(name);
        let w = lonlat_to_world(e.lon, e.lat);
        let (dx, dy) = ((w[0] - c[0]) * scale, (w[1] - c[1]) * scale);
        assert!(
            dx.abs() < f64::from(rect.width()) / 2.0 && dy.abs() < f64::from(rect.height()) / 2.0,
            "{name} is off the map ({dx:.0}, {dy:.0} px from the centre)"
        );
    }
}

#[test]
fn words_of_a_finding_find_it_and_select_the_place_it_names() {
    let mut h = tools_harness();
    type_into(&mut h, "Search", "operational expansion");
    assert_eq!(
        first_hit(&h),
        (HitKind::Finding, "p7-bla-expansion-districts".into())
    );
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(
        h.state().view.selected,
        Some(id_of("Awaran", UnitKind::District))
    );
}

#[test]
fn the_locations_of_loaded_incidents_are_searchable() {
    let mut h = tools_harness();
    let stores = h.state().session.incident_stores();
    let (_, demo) = stores.first().expect("the demo dataset is loaded");
    let v = demo
        .store()
        .iter()
        .find(|v| !v.location.trim().is_empty())
        .expect("a named location");
    let (name, lon, lat) = (v.location.to_owned(), v.lon, v.lat);
    drop(stores);
    type_into(&mut h, "Search", &name);
    let hits = h.state().tools.search.hits.clone();
    let i = hits
        .iter()
        .position(|x| x.kind == HitKind::IncidentPlace && x.name == name)
        .unwrap_or_else(|| panic!("no incident place {name:?} in {hits:?}"));
    for _ in 0..i {
        h.key_press(Key::ArrowDown);
        h.run_steps(1);
    }
    h.key_press(Key::Enter);
    h.run_steps(2);
    let [clon, clat] = h.state().view.center();
    assert!(
        (clon - lon).abs() < 1e-6 && (clat - lat).abs() < 1e-6,
        "centred on it"
    );
    assert_eq!(h.state().view.memory.zoom(), 10.0);
}

#[test]
fn a_town_found_by_its_pashto_name_shows_its_native_names() {
    let mut h = tools_harness();
    type_into(&mut h, "Search", "کابل");
    let kabul = data()
        .gazetteer
        .resolve("Kabul")
        .into_iter()
        .find(|e| e.kind == UnitKind::Town)
        .expect("Kabul");
    assert_eq!(first_hit(&h), (HitKind::Town, kabul.id.clone()));
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().view.selected.as_deref(), Some(kabul.id.as_str()));
    h.get_by_label("Arabic script");
    let shown = atlas_core::text::display_text(&kabul.native_names.join(" · ")).into_owned();
    h.get_by_label(&shown);
}
