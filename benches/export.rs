//! Export benchmarks: a headless export of the start view at 1920×1080 and 3840×2160 with the
//! basemap tiles already cached (a reused `Exporter`), a cold one (new device and tiles), and
//! PNG encoding.

use std::hint::black_box;
use std::sync::Arc;

use atlas_core::project::Project;
use criterion::{Criterion, criterion_group, criterion_main};
use frontier_atlas::export::{Banner, ExportJob, ExportSettings, Exporter};
use frontier_atlas::scene::AtlasData;
use frontier_atlas::session::Scene;

fn settings(size: [u32; 2]) -> ExportSettings {
    ExportSettings {
        size,
        title: Some("Frontier Atlas — start view".into()),
        subtitle: Some("Report places, training camps, group presence".into()),
        banner: Some(Banner {
            text: "UNCLASSIFIED // FOR TRAINING".into(),
            preset: Default::default(),
        }),
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    }
}

fn export(c: &mut Criterion) {
    // As the app binary does at start (src/main.rs).
    frontier_atlas::app::startup::keep_freed_memory();
    let data = Arc::new(AtlasData::load(&AtlasData::default_dir()));
    // The default project's reference and report layers.
    let project = Project::default();
    let scene = Scene::bare(data.clone());
    let job = |s: &ExportSettings| ExportJob::new(&project, scene.clone(), s.clone());
    let Ok(mut ex) = Exporter::new() else {
        eprintln!("no graphics adapter: export benchmarks skipped");
        return;
    };
    for (name, size) in [("1920x1080", [1920, 1080]), ("3840x2160", [3840, 2160])] {
        let s = settings(size);
        // Warm up: renders and caches the tiles this view needs.
        let j = job(&s);
        let img = ex.render(&j).expect("render").image;
        c.bench_function(&format!("export start view {name}, tiles cached"), |b| {
            b.iter(|| black_box(ex.render(&j).expect("render").image.len()))
        });
        c.bench_function(&format!("encode PNG {name}"), |b| {
            b.iter(|| {
                let mut buf = std::io::Cursor::new(Vec::new());
                img.write_to(&mut buf, image::ImageFormat::Png)
                    .expect("encode");
                black_box(buf.into_inner().len())
            })
        });
    }
    let s = settings([1920, 1080]);
    c.bench_function(
        "export start view 1920x1080, cold (new device, tiles)",
        |b| {
            b.iter(|| {
                let r = Exporter::new().and_then(|mut e| e.render(&job(&s)));
                black_box(r.map(|r| r.image.len()))
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(8));
    targets = export
}
criterion_main!(benches);
