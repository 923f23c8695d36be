//! Tile files and a tile server made by the tests: a 3×3 block of zoom-7 tiles around Kabul,
//! grey except one known tile in a distinct colour, so a wrong row order or zoom shows.

#![allow(dead_code)]

pub mod server;

use std::io::Cursor;
use std::path::Path;

use atlas_core::basemap::tile_to_lonlat;
use std::sync::Arc;

use atlas_core::project::{LayerKind, Project};
use frontier_atlas::export::{ExportJob, ExportSettings};
use frontier_atlas::scene::AtlasData;

/// The known tile (z, x, y), XYZ numbering: it holds Kabul.
pub const KNOWN: (u8, u32, u32) = (7, 88, 50);
pub const RED: [u8; 3] = [230, 20, 30];
pub const GREY: [u8; 3] = [128, 128, 128];
pub const MB_CREDIT: &str = "© Fixture Survey (MBTiles)";
pub const PM_CREDIT: &str = "© Fixture Survey (PMTiles)";

/// The 3×3 block around [`KNOWN`] with each tile's colour.
pub fn block() -> Vec<((u8, u32, u32), [u8; 3])> {
    let (z, x0, y0) = KNOWN;
    let mut out = Vec::new();
    for x in x0 - 1..=x0 + 1 {
        for y in y0 - 1..=y0 + 1 {
            let c = if (x, y) == (x0, y0) { RED } else { GREY };
            out.push(((z, x, y), c));
        }
    }
    out
}

pub fn encode(rgb: [u8; 3], format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(256, 256, image::Rgb(rgb));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode tile");
    out.into_inner()
}

/// An MBTiles file of [`block`] (PNG tiles, TMS rows) with [`MB_CREDIT`].
pub fn write_mbtiles(path: &Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(
        "CREATE TABLE metadata (name TEXT, value TEXT);
         CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);",
    )
    .unwrap();
    let (w, s, e, n) = block_bounds();
    let bounds = format!("{w},{s},{e},{n}");
    for (k, v) in [
        ("name", "Fixture block"),
        ("format", "png"),
        ("minzoom", "7"),
        ("maxzoom", "7"),
        ("attribution", MB_CREDIT),
        ("bounds", bounds.as_str()),
    ] {
        c.execute("INSERT INTO metadata VALUES (?1, ?2)", (k, v))
            .unwrap();
    }
    for ((z, x, y), rgb) in block() {
        let row = (1u32 << z) - 1 - y;
        let png = encode(rgb, image::ImageFormat::Png);
        c.execute(
            "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
            (z, x, row, png),
        )
        .unwrap();
    }
}

/// A PMTiles file of [`block`] (JPEG tiles) with [`PM_CREDIT`], written by the `pmtiles` crate.
pub fn write_pmtiles(path: &Path) {
    use pmtiles::{PmTilesWriter, TileCoord, TileType};
    let (w, s, e, n) = block_bounds();
    let meta = format!(r#"{{"name":"Fixture block","attribution":"{PM_CREDIT}"}}"#);
    let mut wr = PmTilesWriter::new(TileType::Jpeg)
        .metadata(&meta)
        .min_zoom(7)
        .max_zoom(7)
        .bounds(w, s, e, n)
        .create(std::fs::File::create(path).unwrap())
        .unwrap();
    let mut tiles = block();
    tiles.sort_by_key(|((z, x, y), _)| {
        pmtiles::TileId::from(TileCoord::new(*z, *x, *y).unwrap()).value()
    });
    for ((z, x, y), rgb) in tiles {
        let jpeg = encode(rgb, image::ImageFormat::Jpeg);
        wr.add_tile(TileCoord::new(z, x, y).unwrap(), &jpeg)
            .unwrap();
    }
    wr.finalize().unwrap();
}

/// West, south, east, north of [`block`].
pub fn block_bounds() -> (f64, f64, f64, f64) {
    let (z, x, y) = KNOWN;
    let (w, n) = tile_to_lonlat(x - 1, y - 1, z);
    let (e, s) = tile_to_lonlat(x + 2, y + 2, z);
    (w, s, e, n)
}

/// An export `side` pixels square centred on [`KNOWN`]'s centre, drawn at exactly its zoom,
/// with the basemap alone (`spec`, else the built-in one) and no boxes over the map but the
/// sources line.
pub fn known_tile_job(
    data: Arc<AtlasData>,
    side: u32,
    spec: Option<&atlas_core::tiles::BasemapSpec>,
) -> ExportJob {
    let z = KNOWN.0;
    let (lon, lat) = tile_centre();
    let mut project = Project::default();
    for l in &mut project.layers {
        l.style.visible = l.kind == LayerKind::Basemap;
    }
    if let Some(spec) = spec {
        project.basemap = atlas_core::project::BasemapSpec::from_tiles(spec);
    }
    let mut settings = ExportSettings {
        size: [side, side],
        center: [lon, lat],
        legend: false,
        scale_bar: false,
        north_arrow: false,
        attribution: true,
        inset: false,
        timestamp: None,
        ..Default::default()
    };
    // Zoom `z` exactly: one tile is 256 points, 256 pixels at the side of 1440 the tests
    // use (the reference slide's area: pixel ratio 1).
    let width = f64::from(settings.logical_size()[0]);
    settings.zoom = f64::from(z) - (width / frontier_atlas::export::REFERENCE_WIDTH).log2();
    ExportJob::new(
        &project,
        frontier_atlas::session::Scene::bare(data),
        settings,
    )
}

/// Longitude and latitude of [`KNOWN`]'s centre (the middle in Web Mercator).
pub fn tile_centre() -> (f64, f64) {
    let (z, x, y) = KNOWN;
    let n = f64::from(1u32 << z);
    atlas_core::basemap::world_to_lonlat([(f64::from(x) + 0.5) / n, (f64::from(y) + 0.5) / n])
}

/// Mean colour of the `r`-pixel square around (cx, cy).
pub fn mean(img: &image::RgbaImage, cx: u32, cy: u32, r: u32) -> [u8; 3] {
    let mut sum = [0u64; 3];
    let mut n = 0u64;
    for y in cy - r..cy + r {
        for x in cx - r..cx + r {
            let p = img.get_pixel(x, y).0;
            for i in 0..3 {
                sum[i] += u64::from(p[i]);
            }
            n += 1;
        }
    }
    sum.map(|s| (s / n) as u8)
}

/// Colours within `tol` per channel.
pub fn near(a: [u8; 3], b: [u8; 3], tol: u8) -> bool {
    a.iter().zip(b).all(|(p, q)| p.abs_diff(q) <= tol)
}
