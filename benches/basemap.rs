//! Criterion benchmark: rendering representative 256 px basemap tiles (target < 10 ms each).

use std::hint::black_box;
use std::path::Path;

use atlas_core::basemap::{BasemapData, BasemapStyle, lonlat_to_tile, render_tile};
use criterion::{Criterion, criterion_group, criterion_main};

/// The app's basemap: regional Natural Earth 10m files and the built world layers.
const BASEMAP_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/basemap");

fn render_tiles(c: &mut Criterion) {
    let (data, diags) = BasemapData::load(Path::new(BASEMAP_DIR));
    for d in &diags {
        eprintln!("basemap: {d}");
    }
    // (name, zoom, lon, lat): the whole region, a city, a border close-up.
    let tiles = [
        ("z5_region", 5u8, 68.0, 31.0),
        ("z8_kabul", 8, 69.17, 34.53),
        ("z10_torkham_border", 10, 71.1, 34.1),
        // Outside the region: world 50m (Iraq/Iran) and 110m (whole world) layers.
        ("z6_world50m_gulf", 6, 50.0, 30.0),
        ("z2_world110m", 2, 60.0, 30.0),
    ];
    let mut group = c.benchmark_group("basemap_tile_256");
    for (style_name, style) in [
        ("light", BasemapStyle::light()),
        ("dark", BasemapStyle::dark()),
    ] {
        for (name, z, lon, lat) in tiles {
            let (x, y) = lonlat_to_tile(lon, lat, z);
            group.bench_function(format!("{name}_{style_name}"), |b| {
                b.iter(|| render_tile(&data, &style, black_box(z), black_box(x), black_box(y), 256))
            });
        }
    }
    group.finish();
}

fn load_data(c: &mut Criterion) {
    let mut group = c.benchmark_group("basemap_load");
    group.sample_size(10);
    group.bench_function("all_layers", |b| {
        b.iter(|| BasemapData::load(black_box(Path::new(BASEMAP_DIR))))
    });
    group.finish();
}

criterion_group!(benches, render_tiles, load_data);
criterion_main!(benches);
