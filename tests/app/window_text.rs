//! Words the window shows: a province's tooltip names its country once, and the timeline's
//! count agrees in number with its noun ("1 incident shown"); legend swatches fade with their
//! layer.

use std::path::Path;

use atlas_core::model::UnitKind;
use atlas_core::project::{Edit, LayerFilter, LayerKind};
use egui_kittest::kittest::Queryable;

use crate::common::{app_harness, builder, data, settle};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/density_acled.csv"
);

#[test]
fn province_tooltip_names_its_country_once() {
    let data = data();
    let e = data
        .gazetteer
        .resolve("Balochistan")
        .into_iter()
        .find(|e| e.kind == UnitKind::Province && e.country == "PAK")
        .expect("Balochistan province");
    assert_eq!(e.parent.as_deref(), Some("Pakistan"), "{e:?}");
    let mut h = builder()
        .with_size(egui::vec2(400.0, 300.0))
        .build_ui(move |ui| frontier_atlas::ui::details::tooltip(ui, &data, &e));
    h.run();
    assert!(h.query_by_label("in Pakistan").is_some());
    assert!(
        h.query_by_label("Pakistan").is_none(),
        "the country is named twice"
    );
}

#[test]
fn one_incident_is_singular() {
    let mut h = app_harness(1200.0, 800.0, false);
    h.state_mut().import.open_path(Path::new(FIXTURE));
    h.state_mut().import.start();
    h.run_steps(2);
    settle(&mut h);
    let source = h.state().active_dataset.clone().expect("imported");
    // 10 January 2024: the fixture's one event that day (FX1, Peshawar).
    let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 10);
    h.state_mut().apply(Edit::SetFilter {
        source,
        filter: LayerFilter {
            from: day,
            to: day,
            ..Default::default()
        },
    });
    settle(&mut h);
    assert!(
        h.query_by_label("1 incident shown").is_some(),
        "no \"1 incident shown\""
    );
    assert!(h.query_by_label("1 incidents shown").is_none());
}

/// The legend with `layers`, rendered.
fn legend_image(layers: Vec<atlas_core::project::LayerDef>) -> image::RgbaImage {
    let project = atlas_core::project::Project::default();
    let scene = crate::common::bare_scene();
    let heat = frontier_atlas::map::HeatTextures::default();
    let mut h = builder()
        .with_size(egui::vec2(420.0, 700.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui(move |ui| {
            let frame = frontier_atlas::map::MapFrame {
                project: &project,
                layers: frontier_atlas::state::LayerSet(&layers),
                scene: &scene,
                heat: &heat,
            };
            frontier_atlas::ui::legend::show(ui, &frame, true, true);
        });
    h.run();
    h.render().expect("render")
}

#[test]
fn legend_swatches_fade_with_their_layer() {
    let layers = atlas_core::project::Project::default().layers;
    let full = legend_image(layers.clone());
    assert_eq!(
        full,
        legend_image(layers.clone()),
        "renders differ run to run"
    );
    let mut faded = layers;
    for l in faded.iter_mut().filter(|l| l.kind == LayerKind::Provinces) {
        l.style.opacity = 0.25;
    }
    let faded = legend_image(faded);
    let differing: Vec<u32> = full
        .enumerate_pixels()
        .filter(|(x, y, p)| faded.get_pixel(*x, *y) != *p)
        .map(|(x, _, _)| x)
        .collect();
    // The province swatch changed, and only swatches (the left column), never the text.
    assert!(differing.len() > 10, "{} pixels changed", differing.len());
    assert!(differing.iter().all(|&x| x < 40), "{differing:?}");
}

/// Incidents the demo's analysis selects.
fn selected(h: &egui_kittest::Harness<'static, frontier_atlas::app::AtlasApp>) -> usize {
    h.state()
        .active_density()
        .and_then(|d| d.analysis())
        .expect("analysis")
        .selected
        .indices
        .len()
}

#[test]
fn unticking_one_actor_changes_the_count() {
    let mut h = app_harness(1200.0, 900.0, false);
    settle(&mut h);
    let all = selected(&h);
    assert!(
        h.query_by_label(&format!("{all} incidents shown"))
            .is_some()
    );
    h.get_by_label("Actors (all)").click_accesskit();
    h.run_steps(2);
    // Every demo incident has a second actor that stays ticked: hiding the military must
    // still leave out each incident it took part in.
    h.get_by_label_contains("Military Forces of Pakistan (2018-) (")
        .click_accesskit();
    h.run_steps(2);
    settle(&mut h);
    let without = selected(&h);
    assert!(0 < without && without < all, "{without} of {all}");
    assert!(
        h.query_by_label(&format!("{without} incidents shown"))
            .is_some()
    );
    let n = h
        .state()
        .active_density()
        .and_then(|d| d.dataset())
        .expect("dataset")
        .actors
        .len();
    assert!(
        h.query_by_label(&format!("Actors ({} of {n})", n - 1))
            .is_some()
    );
}

#[test]
fn a_group_dot_half_off_the_maps_edge_still_has_its_tooltip() {
    use atlas_core::basemap::{lonlat_to_world, world_to_lonlat};
    let mut h = crate::common::tools_harness();
    let data = crate::common::data();
    let (i, town) = data
        .gazetteer
        .towns
        .iter()
        .enumerate()
        .find(|(_, t)| t.name == "Dalbandin")
        .expect("Dalbandin");
    assert!(
        data.presence
            .iter()
            .any(|p| p.entry == atlas_core::model::EntryRef::Town(i)),
        "the findings place a group at Dalbandin"
    );
    let rect = h.state().map_rect().expect("map drawn");
    let zoom = h.state().view.memory.zoom();
    let scale = 256.0 * 2f64.powf(zoom);
    // The town 10 px inside the map's left edge: its first group dot (6 px left of it,
    // radius 5) pokes out past the edge.
    let w = lonlat_to_world(town.lon, town.lat);
    let dx = f64::from(rect.center().x - (rect.left() + 10.0)) / scale;
    let (lon, lat) = world_to_lonlat([w[0] + dx, w[1]]);
    h.state_mut()
        .view
        .memory
        .center_at(walkers::lon_lat(lon, lat));
    h.run_steps(2);
    let at = egui::pos2(rect.left() + 1.0, rect.center().y);
    h.hover_at(at);
    h.run_steps(2);
    assert_eq!(h.state().view.hovered.as_deref(), Some(town.id.as_str()));
}
