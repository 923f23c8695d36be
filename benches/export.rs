//! Headless export: one 1920×1080 and one 3840×2160 render of the start view with tiles
//! already cached (the renderer and its tile cache are kept between iterations).

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use frontier_atlas::export::{ExportSettings, Exporter};
use frontier_atlas::scene::AtlasData;
use frontier_atlas::state::LayerSettings;

fn export(c: &mut Criterion) {
    let data = Arc::new(AtlasData::load(&AtlasData::default_dir()));
    for size in [[1920, 1080], [3840, 2160]] {
        let mut settings = ExportSettings {
            size,
            title: Some("Benchmark".into()),
            ..Default::default()
        };
        settings.fit([60.5, 23.6, 77.9, 38.5]);
        let mut ex = Exporter::new(data.clone(), &LayerSettings::default(), &settings, false)
            .expect("exporter");
        ex.render().expect("first render caches the tiles");
        let mut n = 0u32;
        c.bench_function(
            &format!("export {}x{} (tiles cached)", size[0], size[1]),
            |b| {
                b.iter(|| {
                    n += 1;
                    // A new title each time, so every iteration draws and reads back a new frame.
                    ex.set_title(Some(format!("Benchmark {n}")));
                    ex.render().expect("render")
                })
            },
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(15));
    targets = export
}
criterion_main!(benches);
