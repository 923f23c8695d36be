//! Local tile files as the basemap of an export: MBTiles and PMTiles fixtures made here, read
//! through the real readers, drawn at the known tile's place, the built-in basemap outside the
//! file's bounds, the file's credit in the sources line; bad files refused by name.

use std::sync::{Arc, OnceLock};

use crate::tile_fixtures::*;
use atlas_core::tiles::BasemapSpec;
use frontier_atlas::export::{Exporter, Rendered};
use frontier_atlas::map::tiles::{BasemapError, BasemapOptions};
use frontier_atlas::scene::AtlasData;

fn data() -> Arc<AtlasData> {
    static DATA: OnceLock<Arc<AtlasData>> = OnceLock::new();
    DATA.get_or_init(|| Arc::new(AtlasData::load(&AtlasData::default_dir())))
        .clone()
}

/// Pixel ratio 1 (1440² is the reference slide's area): a tile is 256 pixels.
const SIDE: u32 = 1440;

fn offline() -> BasemapOptions {
    BasemapOptions {
        cache: None,
        ..Default::default()
    }
}

fn render(spec: Option<&BasemapSpec>) -> Rendered {
    let mut ex = Exporter::new().expect("graphics adapter (install mesa-vulkan-drivers)");
    if let Some(spec) = spec {
        ex.set_basemap(spec, &offline()).expect("basemap opens");
    }
    ex.render(&known_tile_job(data(), SIDE, spec))
        .expect("render")
}

fn builtin() -> &'static Rendered {
    static B: OnceLock<Rendered> = OnceLock::new();
    B.get_or_init(|| render(None))
}

/// The known tile's colour at the centre, its grey neighbours one tile away, the built-in
/// basemap beyond the 3×3 block, and `credit` in the sources line.
fn check(r: &Rendered, credit: &str, tol: u8) {
    let c = SIDE / 2;
    let img = &r.image;
    let centre = mean(img, c, c, 40);
    assert!(near(centre, RED, tol), "known tile drew {centre:?}");
    for (dx, dy) in [(256i32, 0i32), (-256, 0), (0, 256), (0, -256)] {
        let (x, y) = ((c as i32 + dx) as u32, (c as i32 + dy) as u32);
        let got = mean(img, x, y, 40);
        assert!(near(got, GREY, tol), "neighbour at {dx},{dy} drew {got:?}");
    }
    // Outside the block (1.5 tiles from the centre) the built-in basemap shows.
    let b = &builtin().image;
    for (x, y) in [(60, 60), (SIDE - 60, 60), (60, SIDE - 200)] {
        assert_eq!(mean(img, x, y, 30), mean(b, x, y, 30), "at {x},{y}");
    }
    let sources = r.layout.sources.as_deref().unwrap_or_default();
    assert!(sources.contains(credit), "{sources}");
    assert!(sources.contains("Made with Natural Earth"), "{sources}");
}

#[test]
fn mbtiles_known_tile_is_drawn_at_its_place() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("block.mbtiles");
    write_mbtiles(&path);
    let spec: BasemapSpec = path.to_str().unwrap().parse().unwrap();
    assert_eq!(spec, BasemapSpec::Mbtiles { path: path.clone() });
    let r = render(Some(&spec));
    check(&r, MB_CREDIT, 3);
    r.image
        .save(std::env::temp_dir().join("frontier-atlas-mbtiles-export.png"))
        .ok();
}

#[test]
fn pmtiles_known_tile_is_drawn_at_its_place() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("block.pmtiles");
    write_pmtiles(&path);
    let r = render(Some(&BasemapSpec::Pmtiles { path }));
    // JPEG tiles: allow for compression.
    check(&r, PM_CREDIT, 12);
}

#[test]
fn bad_files_are_refused_by_name_and_the_builtin_basemap_stays() {
    let d = tempfile::tempdir().unwrap();
    let junk = d.path().join("junk.mbtiles");
    std::fs::write(&junk, b"definitely not SQLite").unwrap();
    let mut ex = Exporter::new().expect("graphics adapter");
    let e = ex
        .set_basemap(&BasemapSpec::Mbtiles { path: junk.clone() }, &offline())
        .unwrap_err();
    assert!(matches!(e, BasemapError::File(_)), "{e:?}");
    assert!(
        e.to_string().starts_with(&junk.display().to_string()),
        "{e}"
    );

    let cut = d.path().join("cut.pmtiles");
    write_pmtiles(&cut);
    let bytes = std::fs::read(&cut).unwrap();
    std::fs::write(&cut, &bytes[..100]).unwrap();
    let e = ex
        .set_basemap(&BasemapSpec::Pmtiles { path: cut.clone() }, &offline())
        .unwrap_err();
    assert!(e.to_string().contains("cut.pmtiles"), "{e}");

    let r = ex
        .render(&known_tile_job(data(), SIDE, None))
        .expect("render");
    assert!(ex.basemap_status().is_none());
    let c = SIDE / 2;
    assert_eq!(mean(&r.image, c, c, 40), mean(&builtin().image, c, c, 40));
}
