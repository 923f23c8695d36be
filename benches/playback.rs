//! Time playback in the whole app with 1M incidents: one playback step (the date range one
//! week on, as Play does) and the window frame that shows it — the app's whole `ui()` with
//! its panels, the heatmap and choropleth from the time cube, the heat texture — with and
//! without egui's tessellation. Target (issue 13): < 8 ms, so ≥ 30 fps while playing.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use atlas_core::analysis::TimeBucket;
use atlas_core::project::{FileRef, IncidentFormat, Project, SchemaDef};
use criterion::{Criterion, criterion_group, criterion_main};
use frontier_atlas::app::{AtlasApp, Document};
use frontier_atlas::scene::AtlasData;

#[path = "../crates/core/benches/support/acled_csv.rs"]
#[allow(dead_code)]
mod acled_csv;

const ROWS: usize = 1_000_000;
const SOURCE: &str = "bench";

fn bench_file() -> PathBuf {
    let path = std::env::temp_dir().join("atlas-incidents-bench-1m.csv");
    if !path.exists() {
        acled_csv::write_acled_csv(&path, ROWS).expect("cannot write the CSV to the temp dir");
    }
    path
}

/// The project: no demo, the 1M-row file with its heatmap and choropleth shown.
fn project() -> Project {
    let mut p = Project::without_demo();
    let format = IncidentFormat {
        schema: SchemaDef::Acled,
        mapping: None,
    };
    p.add_incidents(
        SOURCE,
        Some("1M bench"),
        FileRef::path(bench_file()),
        format,
    );
    p.layer_mut(&format!("{SOURCE}-choropleth"))
        .expect("choropleth layer")
        .style
        .visible = true;
    p
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

/// The app with the file loaded, weekly bins, its time cube built and nothing pending.
fn loaded_app(ctx: &egui::Context) -> AtlasApp {
    let dir = AtlasData::default_dir();
    let data = Arc::new(AtlasData::load(&dir));
    let mut app = AtlasApp::with_document(data, dir, Document::new(project()));
    frontier_atlas::ui::fonts::install_fonts(ctx);
    let start = Instant::now();
    let mut weekly = false;
    loop {
        let _ = ctx.run_ui(input(), |ui| app.ui(ui));
        if let Some(d) = app.session.datasets.get_mut(SOURCE)
            && d.dataset().is_some()
            && !weekly
        {
            d.params.bucket = TimeBucket::Week;
            app.step_time();
            weekly = true;
        }
        let d = app.session.datasets.get(SOURCE);
        let cube = d.is_some_and(|d| d.cube_for(&d.params).is_some());
        if weekly && cube && app.session.pending() == 0 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(300), "never loaded");
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!(
        "loaded, cube built in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    app
}

fn playback(c: &mut Criterion) {
    frontier_atlas::app::startup::keep_freed_memory();
    let ctx = egui::Context::default();
    let mut app = loaded_app(&ctx);
    let mut g = c.benchmark_group("playback, 1M incidents");
    g.sample_size(30);
    g.bench_function("step: next week, the cube frame (no drawing)", |b| {
        b.iter(|| {
            app.step_time();
            app.session.sync(&app.doc.project, Some(&ctx));
            black_box(app.session.scene(&app.doc.project).analyses.len())
        })
    });
    g.bench_function("step + whole window frame (1600x1000)", |b| {
        b.iter(|| {
            app.step_time();
            let out = ctx.run_ui(input(), |ui| app.ui(ui));
            black_box(out.shapes.len())
        })
    });
    g.bench_function(
        "step + whole window frame (1600x1000) + tessellation",
        |b| {
            b.iter(|| {
                app.step_time();
                let out = ctx.run_ui(input(), |ui| app.ui(ui));
                black_box(ctx.tessellate(out.shapes, 1.0).len())
            })
        },
    );
    let from_cube = app
        .session
        .scene(&app.doc.project)
        .analyses
        .values()
        .filter(|a| a.from_cube)
        .count();
    eprintln!("layers drawn from the cube at the end: {from_cube}");
    g.finish();
}

criterion_group!(benches, playback);
criterion_main!(benches);
