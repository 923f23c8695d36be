//! The border band on the map: the density panel's checkbox adds the band layer for the
//! dataset's border distance (undoably), the band follows the slider's distance, and the
//! exporter draws it with its legend entry.

use atlas_core::project::{Edit, History, LayerKind, Project};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use frontier_atlas::export::{ExportJob, ExportSettings, Exporter};

use crate::common::{loaded_scene, settle, tools_harness};

const BAND: [u8; 3] = [40, 110, 200];

fn band_layers(p: &Project) -> Vec<(String, bool)> {
    p.layers
        .iter()
        .filter(|l| l.kind == LayerKind::BorderBand)
        .map(|l| (l.source.clone().unwrap_or_default(), l.style.visible))
        .collect()
}

#[test]
fn the_checkbox_puts_the_band_on_the_map_for_the_panels_distance() {
    let mut h = tools_harness();
    assert!(band_layers(h.state().project()).is_empty());
    h.get_by_role_and_label(Role::CheckBox, "Show the band on the map")
        .click();
    h.run_steps(2);
    settle(&mut h);
    assert_eq!(band_layers(h.state().project()), [("demo".into(), true)]);
    let scene = h.state().session.scene(h.state().project());
    assert_eq!(scene.bands.get("demo").map(|b| b.km), Some(50.0));
    // The band sits above the choropleth, below the heatmap.
    let kinds: Vec<LayerKind> = h.state().project().layers.iter().map(|l| l.kind).collect();
    let at = |k| kinds.iter().position(|x| *x == k).expect("layer");
    assert!(at(LayerKind::Choropleth) < at(LayerKind::BorderBand));
    assert!(at(LayerKind::BorderBand) < at(LayerKind::Heatmap));
    h.get_by_role_and_label(Role::CheckBox, "Show the band on the map")
        .click();
    h.run_steps(2);
    assert_eq!(band_layers(h.state().project()), [("demo".into(), false)]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(band_layers(h.state().project()), [("demo".into(), true)]);
}

fn band_pixels(img: &image::RgbaImage) -> usize {
    img.pixels()
        .filter(|p| (0..3).all(|i| p.0[i].abs_diff(BAND[i]) <= 30))
        .count()
}

#[test]
fn the_exporter_draws_the_band_of_the_sources_distance() {
    let mut p = Project::default();
    let mut h = History::default();
    assert!(h.apply(
        &mut p,
        Edit::SetBorderBand {
            source: "demo".into(),
            visible: true
        }
    ));
    assert!(!h.apply(
        &mut p,
        Edit::SetBorderBand {
            source: "nowhere".into(),
            visible: true
        }
    ));
    let mut ex = Exporter::new().expect("graphics adapter");
    let settings = ExportSettings {
        size: [960, 540],
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    };
    let render = |p: &Project, ex: &mut Exporter| {
        let job = ExportJob {
            project: p.clone(),
            layers: p.layers.clone(),
            scene: loaded_scene(p),
            settings: settings.clone(),
        };
        ex.render(&job).expect("render").image
    };
    let with = band_pixels(&render(&p, &mut ex));
    let without = band_pixels(&render(&Project::default(), &mut ex));
    assert!(without < 50, "{without} band-blue pixels without the band");
    assert!(with > 300, "{with} band-blue pixels with it");
}
