//! Basemap loading and tile rendering against the bundled Natural Earth data (data/basemap).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use atlas_core::basemap::{
    BASEMAP_FILES, BasemapData, BasemapStyle, LAND_FILE, OCEAN_FILE, Rgba, TileImage,
    lonlat_to_tile, render_tile,
};

/// The app's basemap directory: the regional files (copies of data/sources/basemap) and the
/// built world layers.
const SOURCES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/basemap");

fn data() -> &'static BasemapData {
    static DATA: OnceLock<BasemapData> = OnceLock::new();
    DATA.get_or_init(|| {
        let (data, diags) = BasemapData::load(Path::new(SOURCES));
        assert!(diags.is_empty(), "unexpected diagnostics: {diags:?}");
        data
    })
}

fn tile_at(lon: f64, lat: f64, z: u8, style: &BasemapStyle) -> TileImage {
    let (x, y) = lonlat_to_tile(lon, lat, z);
    render_tile(data(), style, z, x, y, 256)
}

/// Fraction of pixels within `tol` (per channel) of `c`.
fn share_near(img: &TileImage, c: Rgba, tol: u8) -> f64 {
    let n = img
        .pixels()
        .filter(|p| c.max_channel_diff(*p) <= tol)
        .count();
    n as f64 / f64::from(img.size * img.size)
}

fn count_near(img: &TileImage, c: Rgba, tol: u8) -> usize {
    img.pixels()
        .filter(|p| c.max_channel_diff(*p) <= tol)
        .count()
}

#[test]
fn data_can_be_shared_with_render_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<BasemapData>();
    assert_send_sync::<BasemapStyle>();
}

#[test]
fn loads_all_layers_without_diagnostics() {
    let d = data();
    assert!(!d.is_empty());
    let e = d.extent_lonlat().expect("land/ocean extent");
    // The bundled clip is lon 55–82, lat 20–42.
    let expect = [55.0, 20.0, 82.0, 42.0];
    for (got, want) in e.iter().zip(expect) {
        assert!((got - want).abs() < 1e-6, "extent {e:?}");
    }
    assert!(d.has_world());
    let names = d.country_names();
    assert!(names.len() > 230, "{} country names", names.len());
    let afg = names
        .iter()
        .find(|c| c.name == "Afghanistan")
        .expect("Afghanistan");
    assert!((600_000.0..700_000.0).contains(&afg.area_km2), "{afg:?}");
    let china = names.iter().find(|c| c.name == "China").expect("China");
    let [lon, lat] = china.region_label.expect("China reaches into the region");
    assert!((55.0..=82.0).contains(&lon) && (20.0..=42.0).contains(&lat));
}

#[test]
fn kabul_tile_is_mostly_land() {
    let style = BasemapStyle::light();
    let img = tile_at(69.17, 34.53, 8, &style);
    assert_eq!(img.size, 256);
    assert_eq!(img.rgba.len(), 256 * 256 * 4);
    let land = share_near(&img, style.land, 4);
    assert!(land > 0.8, "land share {land}");
    assert!(share_near(&img, style.water, 4) < 0.01);
    assert!(img.pixels().all(|p| p[3] == 255), "tiles are opaque");
}

#[test]
fn arabian_sea_tile_is_mostly_water() {
    let style = BasemapStyle::light();
    // z=7 tile (86, 55) spans lon 61.9–64.7, lat 21.9–24.5: open sea south of the Makran
    // coast (~25.2N). (The tile of 21.5N reaches below the data's 20N clip edge.)
    assert_eq!(lonlat_to_tile(63.0, 23.0, 7), (86, 55));
    let img = tile_at(63.0, 23.0, 7, &style);
    let water = share_near(&img, style.water, 4);
    assert!(water > 0.95, "water share {water}");
    assert_eq!(count_near(&img, style.border, 24), 0);
}

#[test]
fn border_tiles_have_border_pixels_and_others_do_not() {
    let style = BasemapStyle::light();
    // Torkham, on the Afghanistan–Pakistan border.
    for z in [8, 10] {
        let img = tile_at(71.1, 34.1, z, &style);
        let n = count_near(&img, style.border, 24);
        assert!(n > 150, "z{z}: only {n} border pixels");
    }
    // Central Afghanistan (Ghor/Daykundi), ~250 km from any border, and the open sea.
    for (lon, lat, z) in [(66.0, 33.5, 8), (63.0, 23.0, 7), (66.0, 33.5, 10)] {
        let img = tile_at(lon, lat, z, &style);
        assert_eq!(count_near(&img, style.border, 24), 0, "{lon},{lat} z{z}");
    }
}

#[test]
fn dark_style_differs_from_light() {
    let (light, dark) = (BasemapStyle::light(), BasemapStyle::dark());
    let a = tile_at(69.17, 34.53, 8, &light);
    let b = tile_at(69.17, 34.53, 8, &dark);
    assert_ne!(a, b);
    assert!(share_near(&b, dark.land, 4) > 0.8);
    assert!(
        share_near(&b, light.land, 40) < 0.01,
        "dark tile has light land"
    );
    let sea = tile_at(63.0, 23.0, 7, &dark);
    assert!(share_near(&sea, dark.water, 4) > 0.95);
    let border = tile_at(71.1, 34.1, 8, &dark);
    assert!(count_near(&border, dark.border, 24) > 150);
}

#[test]
fn disputed_areas_are_hatched_and_nothing_else_is() {
    let style = BasemapStyle::light();
    let no_hatch = BasemapStyle {
        disputed_hatch: Rgba::new(0, 0, 0, 0),
        ..style
    };
    let differing = |lon: f64, lat: f64, z: u8| {
        let (a, b) = (
            tile_at(lon, lat, z, &style),
            tile_at(lon, lat, z, &no_hatch),
        );
        a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count()
    };
    // Srinagar valley (74.8E 34.1N, z=8) lies wholly inside the disputed Jammu and Kashmir
    // polygon: one hatch pixel in 8 per row -> about 1/8 of 65536 pixels.
    let n = differing(74.8, 34.1, 8);
    assert!((6000..=10000).contains(&n), "{n} hatch pixels");
    assert_eq!(differing(66.0, 33.5, 8), 0);
}

#[test]
fn outside_the_region_the_world_layers_draw_land_and_sea() {
    let style = BasemapStyle::light();
    // z=6 tile (40, 26) spans lon 45.0–50.6, lat 27.1–31.95: Iraq, Iran, Kuwait and the
    // head of the Gulf, wholly west of the 55E regional clip.
    let (x, y) = lonlat_to_tile(50.0, 30.0, 6);
    assert_eq!((x, y), (40, 26));
    let img = render_tile(data(), &style, 6, x, y, 256);
    assert_eq!(count_near(&img, style.no_data, 0), 0);
    let (land, water) = (
        share_near(&img, style.land, 2),
        share_near(&img, style.water, 2),
    );
    assert!(land > 0.6 && water > 0.05, "land {land} water {water}");
    assert!(
        count_near(&img, style.border, 24) > 100,
        "Iran–Iraq border drawn"
    );
    // A tile straddling the 55E edge (z=5 x=20: lon 45–56.25) is seamless: no no-data.
    let (x, y) = lonlat_to_tile(56.0, 30.0, 5);
    let img = render_tile(data(), &style, 5, x, y, 256);
    assert_eq!(count_near(&img, style.no_data, 0), 0);
    // Far from the region, at every zoom an export allows: no no-data pixel anywhere.
    for (lon, lat) in [
        (-100.0, 40.0),
        (30.0, 0.5),
        (150.0, -30.0),
        (88.0, 24.0),
        (-160.0, 0.0),
    ] {
        for z in [2u8, 5, 9, 13, 18] {
            let (x, y) = lonlat_to_tile(lon, lat, z);
            let img = render_tile(data(), &style, z, x, y, 64);
            assert_eq!(count_near(&img, style.no_data, 0), 0, "{lon},{lat} z{z}");
        }
    }
}

#[test]
fn without_world_files_outside_the_region_is_no_data() {
    let dir = scratch("regional-only");
    for f in [LAND_FILE, OCEAN_FILE] {
        std::fs::copy(Path::new(SOURCES).join(f), dir.join(f)).expect("copy");
    }
    let (regional, _) = BasemapData::load(&dir);
    assert!(!regional.has_world());
    let style = BasemapStyle::light();
    let img = render_tile(&regional, &style, 6, 40, 26, 256);
    assert_eq!(share_near(&img, style.no_data, 0), 1.0);
    let (x, y) = lonlat_to_tile(56.0, 30.0, 5);
    let nd = share_near(
        &render_tile(&regional, &style, 5, x, y, 256),
        style.no_data,
        2,
    );
    assert!(nd > 0.5 && nd < 0.99, "no-data share {nd}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Renders tiles `x0..=x1` by `y0..=y1` of zoom `z` into one image (row-major RGBA).
fn mosaic(z: u8, xs: (u32, u32), ys: (u32, u32), style: &BasemapStyle) -> (u32, u32, Vec<u8>) {
    let (w, h) = ((xs.1 - xs.0 + 1) * 256, (ys.1 - ys.0 + 1) * 256);
    let mut out = vec![0u8; (w * h * 4) as usize];
    for tx in xs.0..=xs.1 {
        for ty in ys.0..=ys.1 {
            let img = render_tile(data(), style, z, tx, ty, 256);
            for row in 0..256u32 {
                let src = (row * 256 * 4) as usize;
                let (ox, oy) = ((tx - xs.0) * 256, (ty - ys.0) * 256 + row);
                let dst = ((oy * w + ox) * 4) as usize;
                out[dst..dst + 1024].copy_from_slice(&img.rgba[src..src + 1024]);
            }
        }
    }
    (w, h, out)
}

/// Columns of an image whose pixels all have one colour.
fn flat_columns(w: u32, h: u32, rgba: &[u8]) -> Vec<u32> {
    let px = |x: u32, y: u32| {
        let i = ((y * w + x) * 4) as usize;
        &rgba[i..i + 4]
    };
    (0..w)
        .filter(|&x| (1..h).all(|y| px(x, y) == px(x, 0)))
        .collect()
}

#[test]
fn no_column_of_a_world_or_region_wide_image_is_flat() {
    for style in [BasemapStyle::light(), BasemapStyle::dark()] {
        // The whole world at z2 (1024 x 1024 px).
        let (w, h, img) = mosaic(2, (0, 3), (0, 3), &style);
        assert_eq!(flat_columns(w, h, &img), Vec::<u32>::new());
        // About the default 1080p export's extent at z6 (lon 45–101, lat 15–45), which
        // used to have grey no-data strips on both sides.
        let (x0, y0) = lonlat_to_tile(45.0, 45.0, 6);
        let (x1, y1) = lonlat_to_tile(101.0, 15.0, 6);
        let (w, h, img) = mosaic(6, (x0, x1), (y0, y1), &style);
        assert_eq!(flat_columns(w, h, &img), Vec::<u32>::new());
        let no_data = img
            .chunks_exact(4)
            .filter(|p| style.no_data.max_channel_diff([p[0], p[1], p[2], p[3]]) == 0);
        assert_eq!(no_data.count(), 0);
    }
}

#[test]
fn country_tint_marks_neighbours_only() {
    let plain = BasemapStyle::light();
    let tinted = BasemapStyle::light().with_country_tint();
    let tint = tinted.other_land.expect("tint set");
    // Central Iran-side tile near Zahedan (60.0E 30.0N, z=8 tile lies in Iran).
    let iran = tile_at(59.0, 31.0, 8, &tinted);
    assert!(share_near(&iran, tint, 3) > 0.7);
    assert!(share_near(&tile_at(59.0, 31.0, 8, &plain), plain.land, 4) > 0.7);
    // Afghanistan keeps the ordinary land colour.
    let kabul = tile_at(69.17, 34.53, 8, &tinted);
    assert!(share_near(&kabul, tinted.land, 4) > 0.8);
}

#[test]
fn tile_size_scales_and_zero_is_empty() {
    let style = BasemapStyle::light();
    let (x, y) = lonlat_to_tile(69.17, 34.53, 8);
    let big = render_tile(data(), &style, 8, x, y, 512);
    assert_eq!(big.rgba.len(), 512 * 512 * 4);
    assert!(share_near(&big, style.land, 4) > 0.8);
    let none = render_tile(data(), &style, 8, x, y, 0);
    assert_eq!(none.size, 0);
    assert!(none.rgba.is_empty());
    assert_eq!(none.pixel(0, 0), None);
    // Very deep zoom (coordinates ~6e7 px from the world origin) still renders: all land.
    let (x, y) = lonlat_to_tile(69.17, 34.53, 18);
    let deep = render_tile(data(), &style, 18, x, y, 64);
    assert_eq!(share_near(&deep, style.land, 0), 1.0);
    // Out-of-world tile coordinates render as no data rather than panicking.
    let far = render_tile(data(), &style, 2, 9, 9, 64);
    assert_eq!(share_near(&far, style.no_data, 0), 1.0);
}

/// A scratch directory under the system temp dir, unique per test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-basemap-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

#[test]
fn missing_and_corrupt_files_give_diagnostics() {
    let dir = scratch("corrupt");
    std::fs::copy(Path::new(SOURCES).join(LAND_FILE), dir.join(LAND_FILE)).expect("copy land");
    // Syntax error on line 3.
    let broken = "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\" \"x\": 1}\n]}\n";
    std::fs::write(dir.join(OCEAN_FILE), broken).expect("write ocean");
    let (data, diags) = BasemapData::load(&dir);

    let ocean: Vec<_> = diags
        .iter()
        .filter(|d| d.file.ends_with(OCEAN_FILE))
        .collect();
    assert_eq!(ocean.len(), 1, "{diags:?}");
    assert_eq!(ocean[0].line, Some(3));
    assert!(ocean[0].message.contains("invalid JSON"), "{}", ocean[0]);
    // The other files are missing, each reported by name; land loaded fine.
    assert_eq!(diags.len(), BASEMAP_FILES.len() - 1, "{diags:?}");
    for name in BASEMAP_FILES
        .iter()
        .filter(|n| **n != LAND_FILE && **n != OCEAN_FILE)
    {
        let d = diags.iter().find(|d| d.file.ends_with(name));
        let d = d.unwrap_or_else(|| panic!("no diagnostic for {name}"));
        assert!(d.message.contains("missing"), "{d}");
    }
    assert!(!diags.iter().any(|d| d.file.ends_with(LAND_FILE)));
    let style = BasemapStyle::light();
    let (x, y) = lonlat_to_tile(69.17, 34.53, 8);
    let img = render_tile(&data, &style, 8, x, y, 256);
    assert!(share_near(&img, style.land, 4) > 0.8);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_features_are_skipped_and_reported() {
    let dir = scratch("features");
    let land = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": "oops"}},
  {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
    "coordinates": [[[60, 30], [70, 30], [70, 36], [60, 36], [60, 30]]]}}
]}"#;
    std::fs::write(dir.join(LAND_FILE), land).expect("write land");
    std::fs::write(dir.join(OCEAN_FILE), "[1, 2]").expect("write ocean");
    let (data, diags) = BasemapData::load(&dir);
    let land_diags: Vec<_> = diags
        .iter()
        .filter(|d| d.file.ends_with(LAND_FILE))
        .collect();
    assert_eq!(land_diags.len(), 1, "{diags:?}");
    assert!(
        land_diags[0].message.contains("feature #1"),
        "{}",
        land_diags[0]
    );
    let ocean = diags
        .iter()
        .find(|d| d.file.ends_with(OCEAN_FILE))
        .expect("ocean diag");
    assert!(ocean.message.contains("not a GeoJSON object"), "{ocean}");
    // The valid square (60–70E, 30–36N) is land: a tile in its middle is all land colour.
    let style = BasemapStyle::light();
    let img = render_tile(&data, &style, 7, 86, 51, 64);
    assert_eq!(share_near(&img, style.land, 0), 1.0);
    let _ = std::fs::remove_dir_all(&dir);
}
