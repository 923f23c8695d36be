//! Not checks: pictures and timings of the basemap for a look by eye (all `#[ignore]`).
//! Run with `cargo test -p atlas-core --release --test basemap_pictures -- --ignored --nocapture`.

use std::path::Path;
use std::sync::OnceLock;

use atlas_core::basemap::{BasemapData, BasemapStyle, lonlat_to_tile, render_tile};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/basemap");

fn data() -> &'static BasemapData {
    static DATA_CELL: OnceLock<BasemapData> = OnceLock::new();
    DATA_CELL.get_or_init(|| BasemapData::load(Path::new(DATA)).0)
}

/// Not a check: prints render times and writes PNGs to the temp dir for a visual look.
#[test]
#[ignore]
fn timings_and_pictures() {
    let data = data();
    let tiles: [(&str, u8, f64, f64); 5] = [
        ("z5_region", 5, 68.0, 31.0),
        ("z8_kabul", 8, 69.17, 34.53),
        ("z10_torkham", 10, 71.1, 34.1),
        ("z7_kashmir", 7, 75.0, 34.5),
        ("z12_peshawar", 12, 71.57, 34.0),
    ];
    for (name, z, lon, lat) in tiles {
        let (x, y) = lonlat_to_tile(lon, lat, z);
        for (sname, style) in [
            ("light", BasemapStyle::light()),
            ("dark", BasemapStyle::dark()),
        ] {
            let runs = 50;
            let start = std::time::Instant::now();
            let mut img = render_tile(data, &style, z, x, y, 256);
            for _ in 1..runs {
                img = render_tile(data, &style, z, x, y, 256);
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
            println!("{name} {sname}: {ms:.2} ms/tile");
            let size = tiny_skia::IntSize::from_wh(img.size, img.size).expect("size");
            if let Some(pm) = tiny_skia::Pixmap::from_vec(img.rgba, size) {
                let path = std::env::temp_dir().join(format!("basemap_{name}_{sname}.png"));
                let _ = pm.save_png(path);
            }
        }
    }
}

/// Not a check: writes a mosaic of tiles (z, x0..=x1, y0..=y1) to the temp dir for a look.
#[test]
#[ignore]
fn mosaic_picture() {
    let Ok(spec) = std::env::var("MOSAIC") else {
        return;
    };
    let v: Vec<u32> = spec
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let [z, x0, x1, y0, y1] = v[..] else { return };
    let style = if std::env::var("DARK").is_ok() {
        BasemapStyle::dark()
    } else {
        BasemapStyle::light()
    };
    let (w, h) = ((x1 - x0 + 1) * 256, (y1 - y0 + 1) * 256);
    let Some(mut out) = tiny_skia::Pixmap::new(w, h) else {
        return;
    };
    for x in x0..=x1 {
        for y in y0..=y1 {
            let img = render_tile(data(), &style, z as u8, x, y, 256);
            let size = tiny_skia::IntSize::from_wh(256, 256).expect("size");
            if let Some(pm) = tiny_skia::Pixmap::from_vec(img.rgba, size) {
                let (px, py) = (((x - x0) * 256) as i32, ((y - y0) * 256) as i32);
                out.draw_pixmap(
                    px,
                    py,
                    pm.as_ref(),
                    &Default::default(),
                    tiny_skia::Transform::identity(),
                    None,
                );
            }
        }
    }
    let _ = out.save_png(std::env::temp_dir().join("basemap_mosaic.png"));
}
