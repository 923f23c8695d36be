//! Export benchmarks: a headless export of the start view at 1920×1080 and 3840×2160 with the
//! basemap tiles already cached (a reused `Exporter`), a cold one (new device and tiles), and
//! PNG encoding.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use frontier_atlas::export::{Banner, ExportSettings, Exporter, render_image};
use frontier_atlas::scene::AtlasData;
use frontier_atlas::state::LayerSettings;

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
    let data = Arc::new(AtlasData::load(&AtlasData::default_dir()));
    let layers = LayerSettings::default();
    let Ok(mut ex) = Exporter::new(data.clone()) else {
        eprintln!("no graphics adapter: export benchmarks skipped");
        return;
    };
    for (name, size) in [("1920x1080", [1920, 1080]), ("3840x2160", [3840, 2160])] {
        let s = settings(size);
        // Warm up: renders and caches the tiles this view needs.
        let img = ex.render(&layers, &s, false).expect("render").image;
        c.bench_function(&format!("export start view {name}, tiles cached"), |b| {
            b.iter(|| black_box(ex.render(&layers, &s, false).expect("render").image.len()))
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
        |b| b.iter(|| black_box(render_image(data.clone(), &layers, &s, false).map(|i| i.len()))),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(8));
    targets = export
}
criterion_main!(benches);
