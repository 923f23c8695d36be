//! App benchmarks: loading all bundled data, and building one frame of the map scene
//! (all admin units, towns, report places and labels) at the start view and zoomed in.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use std::sync::Arc;

use frontier_atlas::map::{BasemapTiles, HeatTextures, MapFrame, show_map};
use frontier_atlas::scene::AtlasData;
use frontier_atlas::session::Scene;
use frontier_atlas::state::{LayerSet, ViewState};

fn load(c: &mut Criterion) {
    let dir = AtlasData::default_dir();
    c.bench_function("load all bundled data", |b| {
        b.iter(|| black_box(AtlasData::load(&dir)))
    });
}

fn frame(c: &mut Criterion) {
    // As the app binary does at start (src/main.rs).
    frontier_atlas::app::startup::keep_freed_memory();
    let data = Arc::new(AtlasData::load(&AtlasData::default_dir()));
    let ctx = egui::Context::default();
    let mut tiles = BasemapTiles::new(ctx.clone(), data.basemap.clone());
    // The default project's reference and report layers (no incident data loaded).
    let project = atlas_core::project::Project::default();
    let scene = Scene::bare(data.clone());
    let heat = HeatTextures::default();
    let frame = MapFrame {
        project: &project,
        layers: LayerSet(&project.layers),
        scene: &scene,
        heat: &heat,
    };
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    for (name, center, zoom) in [
        ("frame: start view (zoom 6)", (67.8, 31.2), 6.0),
        (
            "frame: districts + labels (zoom 8, Khost)",
            (69.9, 33.3),
            8.0,
        ),
    ] {
        let mut view = ViewState::default();
        view.memory.center_at(walkers::lon_lat(center.0, center.1));
        let _ = view.memory.set_zoom(zoom);
        // Warm up: triangulations are made on first use.
        let _ = ctx.run_ui(input(), |ui| {
            show_map(ui, &frame, &mut view, &mut tiles, false).finish_labels(&[]);
        });
        c.bench_function(name, |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| {
                    show_map(ui, &frame, &mut view, &mut tiles, false).finish_labels(&[]);
                });
                black_box(out.shapes.len())
            })
        });
        c.bench_function(&format!("{name} + tessellation"), |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| {
                    show_map(ui, &frame, &mut view, &mut tiles, false).finish_labels(&[]);
                });
                black_box(ctx.tessellate(out.shapes, 1.0).len())
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = load, frame
}
criterion_main!(benches);
