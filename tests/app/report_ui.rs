//! The report on the map in the UI: group toggles, camp areas with their quote, the network,
//! the report reader; snapshot of the camps + presence view.

use atlas_core::model::UnitKind;
use atlas_core::project::Edit;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontier_atlas::app::AtlasApp;
use frontier_atlas::map::network_diagram::{Diagram, window_rect};

use crate::common::data;

fn harness() -> Harness<'static, AtlasApp> {
    let mut h = crate::common::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data()));
    h.run_steps(2);
    h
}

fn click_map_centre(h: &mut Harness<'static, AtlasApp>) {
    let c = h.state().view_center_on_screen().expect("map drawn");
    click_at(h, c);
}

fn click_at(h: &mut Harness<'static, AtlasApp>, c: egui::Pos2) {
    h.hover_at(c);
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: c,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
    }
    h.run_steps(2);
}

/// File → Read report….
fn open_reader(h: &mut Harness<'static, AtlasApp>) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Read report…").click();
    h.run_steps(2);
    assert!(h.state().reader.open);
}

/// Step until the reader's work on the worker is done.
/// Step until the reader's background work is done (up to 60 s: CI machines are busy).
fn settle_reader(h: &mut Harness<'static, AtlasApp>) {
    // The click is handled in the next frame and the load it asks for starts in the one
    // after: step past both before waiting, or "nothing pending" is seen too early.
    h.run_steps(2);
    for _ in 0..6000 {
        h.step();
        if h.state().session.pending() == 0 {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the report reader's work never finished");
}

#[test]
fn toggling_a_group_hides_it_and_its_legend_entry() {
    let mut h = harness();
    assert!(
        h.query_by_label_contains("Balochistan Liberation Army (BLA)")
            .is_some()
    );
    h.get_by_label("BLA").click();
    h.run_steps(2);
    let hidden = |h: &Harness<'static, AtlasApp>| {
        h.state()
            .project()
            .layer("group_presence")
            .expect("presence")
            .style
            .hidden_groups
            .clone()
    };
    assert!(hidden(&h).contains("bla"));
    assert!(
        h.query_by_label_contains("Balochistan Liberation Army (BLA)")
            .is_none()
    );
    h.get_by_label("BLA").click();
    h.run_steps(2);
    assert!(hidden(&h).is_empty());
}

#[test]
fn clicking_a_camp_area_shows_the_quote_in_the_details_panel() {
    let mut h = harness();
    let khost = data()
        .gazetteer
        .resolve("Khost")
        .into_iter()
        .find(|e| e.kind == UnitKind::Province)
        .expect("Khost");
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(khost.lon, khost.lat));
    let _ = h.state_mut().view.memory.set_zoom(8.0);
    h.run_steps(2);
    click_map_centre(&mut h);
    // At zoom 8 the click lands on a district of Khost; the province's claim shows with it.
    let d = data();
    let selected = h.state().view.selected.clone().expect("something selected");
    let unit = d.gazetteer.unit(&selected).expect("a unit");
    assert_eq!(unit.kind, UnitKind::District);
    assert_eq!(unit.parent_id.as_deref(), Some(khost.id.as_str()));
    let quote = &d
        .report
        .findings
        .iter()
        .find(|f| f.finding.kind == atlas_core::report::FindingKind::TrainingCentre)
        .expect("training centre finding")
        .finding
        .quote;
    assert!(quote.contains("Khost"));
    assert!(
        h.query_by_label_contains(&quote[..50]).is_some(),
        "quote not shown: {quote}"
    );
    assert!(
        h.query_by_label_contains("training centre · TTP · province-level")
            .is_some()
    );
}

#[test]
fn clicking_a_network_edge_shows_its_quote() {
    let mut h = harness();
    h.state_mut().apply(Edit::SetVisible {
        layer: "group_network".into(),
        visible: true,
    });
    // The middle of the TTP–TJP edge in the network diagram over the map's corner.
    let d = data();
    let net = &d.report.network;
    let i = net
        .edges
        .iter()
        .position(|e| (e.from == "ttp" && e.to == "tjp") || (e.from == "tjp" && e.to == "ttp"))
        .expect("edge");
    h.run_steps(2);
    let map = h.state().map_rect().expect("map drawn");
    let diagram = Diagram::new(&d, window_rect(map));
    let [a, b] = diagram.edge_points(&d)[i].expect("both groups are nodes");
    click_at(&mut h, a + (b - a) * 0.5);
    assert_eq!(h.state().view.selected_edge, Some(i));
    assert!(
        h.query_by_label_contains(&net.edges[i].quote[..50])
            .is_some()
    );
}

#[test]
fn report_reader_lists_places_and_highlights_them() {
    let mut h = harness();
    open_reader(&mut h);
    let text =
        "Clashes were reported in Bajaur and North Waziristan; the Pakistani Taliban claimed them.";
    h.state_mut().reader.text = text.to_owned();
    h.get_by_label("Find places and groups").click();
    settle_reader(&mut h);
    // The text is a source of the project; its places a layer that exports draw too.
    let p = h.state().project().clone();
    let source = h.state().reader.source.clone().expect("text source");
    let layer = p.layers_of_source(&source).next().expect("places layer");
    assert_eq!(layer.kind, atlas_core::project::LayerKind::TextPlaces);
    let scene = h.state().session.scene(&p);
    let ids = scene.texts.get(&source).expect("extracted").place_ids();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        h.query_by_label_contains("Bajaur (district, PAK)")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Tehreek-e-Taliban Pakistan ×1")
            .is_some()
    );
}

#[test]
fn camps_and_presence_snapshot() {
    let mut h = crate::common::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data()));
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(69.0, 30.0));
    let _ = h.state_mut().view.memory.set_zoom(6.4);
    h.state_mut().apply(Edit::SetVisible {
        layer: "group_network".into(),
        visible: true,
    });
    for _ in 0..3000 {
        h.step();
        if h.state_mut().pending_tiles() == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(3);
    h.snapshot_options("camps_presence_network", &crate::snapshot_strict::strict());
}

#[test]
fn imported_camp_points_load_from_the_reader() {
    let mut h = harness();
    open_reader(&mut h);
    h.state_mut().reader.camps_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/core/tests/fixtures/camps/camps.csv"
    )
    .to_owned();
    h.get_by_label("Load camps").click();
    settle_reader(&mut h);
    let p = h.state().project().clone();
    let src = p
        .sources
        .iter()
        .find(|s| matches!(s.kind, atlas_core::project::SourceKind::CampPoints { .. }))
        .expect("camp source");
    let scene = h.state().session.scene(&p);
    assert_eq!(scene.camp_points.get(&src.id).map(|c| c.len()), Some(2));
    h.get_by_label("Camp points (camps.csv)");
}
