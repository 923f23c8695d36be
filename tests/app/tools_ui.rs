//! The analyst tools driven through the UI: place search, the status bar's coordinate forms
//! and the map's copy menu, Go to with its marker and errors, and measuring a path.

use atlas_core::coords::{CoordFormat, LatLon, format_dms, format_mgrs};
use atlas_core::geodesy::{distance_m, initial_bearing_deg, leg_label, total_label};
use atlas_core::model::UnitKind;
use egui::accesskit::Role;
use egui::{Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use frontier_atlas::app::AtlasApp;

use crate::common::{data, type_into};

/// Miran Shah (North Waziristan) in the bundled gazetteer.
const MIRAN_SHAH: (f64, f64) = (33.00059, 70.07117);

fn harness() -> Harness<'static, AtlasApp> {
    crate::common::tools_harness()
}

/// Every text shown (labels, and values of plain labels).
fn texts(h: &Harness<'static, AtlasApp>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let n = n.accesskit_node();
            n.label().or_else(|| n.value())
        })
        .collect()
}

fn center(h: &Harness<'static, AtlasApp>) -> LatLon {
    let c = h.state().view.center();
    LatLon::new(c[1], c[0]).unwrap()
}

fn click(h: &mut Harness<'static, AtlasApp>, pos: Pos2, button: PointerButton) {
    crate::common::click_at(h, pos, button);
}

#[test]
fn search_enter_zooms_to_the_town_and_selects_it() {
    let mut h = harness();
    let town = data()
        .gazetteer
        .resolve("Miran Shah")
        .into_iter()
        .find(|e| e.kind == UnitKind::Town)
        .expect("Miran Shah");
    type_into(&mut h, "Search", "Miranshah");
    let first = h.state().tools.search.hits.first().map(|h| h.name.clone());
    assert_eq!(first.as_deref(), Some("Miran Shah"));
    h.key_press(Key::Enter);
    h.run_steps(2);
    let at = LatLon::new(MIRAN_SHAH.0, MIRAN_SHAH.1).unwrap();
    let off = distance_m(center(&h), at);
    assert!(off < 3000.0, "map centre {off:.0} m from Miran Shah");
    assert_eq!(h.state().view.memory.zoom(), 10.0);
    assert_eq!(h.state().view.selected.as_deref(), Some(town.id.as_str()));
    // The details panel shows it, as after a click on the map.
    h.get_by_label(town.id.as_str());
}

#[test]
fn search_lists_spelling_variants_and_arrows_pick_another() {
    let mut h = harness();
    type_into(&mut h, "Search", "Chamman");
    let shown: Vec<String> = texts(&h)
        .into_iter()
        .filter(|t| t.contains(" · town · ") || t.contains(" · district · "))
        .collect();
    assert!(
        shown.first().is_some_and(|t| t.starts_with("Chaman")),
        "results shown: {shown:?}"
    );
    let hits = h.state().tools.search.hits.clone();
    assert!(
        hits.len() >= 2 && hits.len() <= 10,
        "{} results",
        hits.len()
    );
    // Down moves to the second result; Enter takes it.
    h.key_press(Key::ArrowDown);
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(
        h.state().view.selected.as_deref(),
        Some(hits[1].id.as_str())
    );
}

#[test]
fn ctrl_f_focuses_the_search_box_in_the_top_bar() {
    let mut h = harness();
    // On the menu bar's row, inside the window.
    let field = h.get_by_role_and_label(Role::TextInput, "Search").rect();
    let file = h.get_by_label("File").rect();
    assert!(
        field.max.x <= 1400.0 && field.min.x > file.max.x,
        "{field:?}"
    );
    assert!(
        field.intersects(file.expand2(egui::vec2(2000.0, 0.0))),
        "{field:?}"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Search")
            .is_focused()
    );
}

#[test]
fn status_bar_writes_the_cursor_in_mgrs_and_the_menu_copies_it() {
    let mut h = harness();
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(MIRAN_SHAH.1, MIRAN_SHAH.0));
    let _ = h.state_mut().view.memory.set_zoom(12.0);
    h.run_steps(2);
    h.get_by_label("MGRS").click();
    h.run_steps(2);
    assert_eq!(h.state().tools.coord_format, CoordFormat::Mgrs);
    let map_center = h.state().view_center_on_screen().expect("map drawn");
    h.hover_at(map_center);
    h.run_steps(2);
    let shown = texts(&h);
    assert!(
        shown.iter().any(|t| t.starts_with("42SXB0006551861")),
        "no MGRS cursor label; texts with 42S: {:?}",
        shown
            .iter()
            .filter(|t| t.contains("42S"))
            .collect::<Vec<_>>()
    );
    // Right-click → Copy coordinates (DMS) puts the point on the clipboard.
    click(&mut h, map_center, PointerButton::Secondary);
    h.run_steps(1);
    h.get_by_label("Copy coordinates (DMS)").click();
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let at = LatLon::new(MIRAN_SHAH.0, MIRAN_SHAH.1).unwrap();
    assert_eq!(copied, [format_dms(at)]);
    assert_eq!(format_mgrs(at), "42SXB0006551861");
}

#[test]
fn go_to_centres_on_a_coordinate_and_drops_a_marker() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run_steps(2);
    type_into(&mut h, "Go to", "42SXB0006551861");
    h.key_press(Key::Enter);
    h.run_steps(2);
    let at = LatLon::new(MIRAN_SHAH.0, MIRAN_SHAH.1).unwrap();
    let off = distance_m(center(&h), at);
    assert!(off < 5.0, "map centre {off:.1} m from the MGRS cell");
    let marker = h.state().tools.marker.clone().expect("a marker");
    assert_eq!(marker.label, "33.00059, 70.07117");
    assert!(!h.state().tools.go_to.open, "the prompt closes");
    // A place name works too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run_steps(2);
    type_into(&mut h, "Go to", "Chaman");
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().tools.marker.as_ref().unwrap().label, "Chaman");
}

#[test]
fn go_to_a_bad_coordinate_shows_why_and_changes_nothing() {
    let mut h = harness();
    let before = h.state().view.center();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run_steps(2);
    type_into(&mut h, "Go to", "42SXL0006551861");
    h.key_press(Key::Enter);
    h.run_steps(2);
    let why = "not a coordinate: MGRS square XL does not exist in zone 42S";
    assert!(texts(&h).iter().any(|t| t == why), "no error shown");
    assert_eq!(h.state().view.center(), before);
    assert_eq!(h.state().tools.marker, None);
    assert!(h.state().tools.go_to.open, "the prompt stays open");
}

#[test]
fn measure_two_clicks_label_the_geodesic_length() {
    let mut h = harness();
    // Select Kabul province by a click first: measuring clicks must leave it selected.
    let kabul = data()
        .gazetteer
        .resolve("Kabul")
        .into_iter()
        .find(|e| e.kind == UnitKind::Province)
        .expect("Kabul");
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(kabul.lon, kabul.lat));
    h.run_steps(2);
    let a = h.state().view_center_on_screen().expect("map drawn");
    click(&mut h, a, PointerButton::Primary);
    assert_eq!(h.state().view.selected.as_deref(), Some(kabul.id.as_str()));
    h.key_press(Key::M);
    h.run_steps(2);
    assert!(h.state().tools.measure.active);
    // Away from the first click (one at the same place would be a double-click).
    // Up and right: the density legend sits bottom right over the map.
    let (a, b) = (a + egui::vec2(-60.0, -40.0), a + egui::vec2(200.0, -150.0));
    click(&mut h, a, PointerButton::Primary);
    click(&mut h, b, PointerButton::Primary);
    h.run_steps(1);
    let pts = h.state().tools.measure.points.clone();
    assert_eq!(pts.len(), 2);
    let metres = distance_m(pts[0], pts[1]);
    assert!(metres > 50_000.0, "{metres} m");
    let leg = format!(
        "leg 1: {}",
        leg_label(metres, initial_bearing_deg(pts[0], pts[1]))
    );
    let shown = texts(&h);
    assert!(shown.contains(&leg), "no {leg:?} in {shown:?}");
    assert!(shown.contains(&total_label(metres)));
    let selected = h.state().view.selected.clone();
    assert_eq!(
        selected.as_deref(),
        Some(kabul.id.as_str()),
        "measuring clicks select nothing"
    );
    // Esc ends: another click adds nothing.
    h.key_press(Key::Escape);
    h.run_steps(1);
    click(&mut h, a + egui::vec2(-200.0, 50.0), PointerButton::Primary);
    assert!(!h.state().tools.measure.active);
    assert_eq!(h.state().tools.measure.points.len(), 2);
}

/// Settings kept in memory, as eframe's storage keeps them on disk.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn the_coordinate_form_is_remembered_across_runs() {
    let mut app = AtlasApp::new(data());
    app.tools.coord_format = CoordFormat::Dms;
    let mut storage = MemoryStorage::default();
    eframe::App::save(&mut app, &mut storage);
    let mut next = AtlasApp::new(data());
    assert_eq!(next.tools.coord_format, CoordFormat::Decimal);
    next.restore_settings(&storage);
    assert_eq!(next.tools.coord_format, CoordFormat::Dms);
}

#[test]
fn clicking_a_result_picks_it() {
    let mut h = harness();
    type_into(&mut h, "Search", "Parachinar");
    let first = h.state().tools.search.hits[0].clone();
    h.get_by_label(&atlas_core::search::result_label(&first))
        .click();
    h.run_steps(2);
    assert_eq!(h.state().view.selected.as_deref(), Some(first.id.as_str()));
    assert!(!h.state().tools.search.open, "the list closes");
}
