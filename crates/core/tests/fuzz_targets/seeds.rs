//! Seed inputs for the fuzz targets: the real fixture and bundled data files, trimmed small.

use std::path::{Path, PathBuf};

use atlas_core::data::bundled_data_dir;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A file under `crates/core/tests/fixtures/`.
pub fn fixture(rel: &str) -> Vec<u8> {
    let p = fixtures().join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("seed {}: {e}", p.display()))
}

/// A file under the bundled `data/` directory.
pub fn data(rel: &str) -> Vec<u8> {
    let p = bundled_data_dir().join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("seed {}: {e}", p.display()))
}

/// The repository's example project files.
pub fn example(rel: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("seed {}: {e}", p.display()))
}

/// The first `n` lines of `bytes` (a CSV header and its first rows).
pub fn head_lines(bytes: &[u8], n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for line in bytes.split_inclusive(|&b| b == b'\n').take(n) {
        out.extend_from_slice(line);
    }
    out
}

/// A FeatureCollection of the `n` smallest features of a bundled GeoJSON file (its other
/// members kept), so one execution stays cheap.
pub fn smallest_features(rel: &str, n: usize) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(&data(rel)).expect("bundled GeoJSON");
    if let Some(fs) = v.get_mut("features").and_then(Value::as_array_mut) {
        fs.sort_by_key(|f| f.to_string().len());
        fs.truncate(n);
    }
    serde_json::to_vec(&v).expect("serialise seed")
}

/// A JSON file with its array member `key` cut to the first `n` entries.
pub fn first_entries(bytes: &[u8], key: &str, n: usize) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(bytes).expect("seed JSON");
    if let Some(a) = v.get_mut(key).and_then(Value::as_array_mut) {
        a.truncate(n);
    }
    serde_json::to_vec_pretty(&v).expect("serialise seed")
}

fn png(rgb: [u8; 3]) -> Vec<u8> {
    let mut p = tiny_skia::Pixmap::new(2, 2).expect("pixmap");
    p.fill(tiny_skia::Color::from_rgba8(rgb[0], rgb[1], rgb[2], 255));
    p.encode_png().expect("png")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-fuzz-seed-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("seed dir");
    d.join(name)
}

/// A small MBTiles file (SQLite) with metadata and a few PNG tiles.
pub fn mbtiles() -> Vec<u8> {
    let p = scratch("seed.mbtiles");
    let _ = std::fs::remove_file(&p);
    {
        let c = rusqlite::Connection::open(&p).expect("sqlite");
        c.execute_batch(
            "PRAGMA page_size = 512;
             CREATE TABLE metadata (name TEXT, value TEXT);
             CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
                                 tile_data BLOB);
             CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
             INSERT INTO metadata VALUES ('name', 'seed'), ('format', 'png'),
                 ('bounds', '60,29,75,38.5'), ('minzoom', '0'), ('maxzoom', '2'),
                 ('attribution', 'seed tiles');",
        )
        .expect("schema");
        for (z, x, row) in [(0u8, 0u32, 0u32), (1, 1, 0), (2, 2, 1)] {
            c.execute(
                "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![z, x, row, png([z * 40, 90, 200])],
            )
            .expect("tile");
        }
    }
    let bytes = std::fs::read(&p).expect("read seed");
    let _ = std::fs::remove_file(&p);
    bytes
}

/// A small PMTiles v3 file from the `pmtiles` crate's writer.
pub fn pmtiles(tiles: u32) -> Vec<u8> {
    use pmtiles::{PmTilesWriter, TileCoord, TileType};
    let p = scratch(&format!("seed-{tiles}.pmtiles"));
    let mut coords: Vec<(u8, u32, u32)> = (0..tiles)
        .map(|i| {
            let z = (i % 4) as u8 + 1;
            (z, i % (1 << z), (i / 3) % (1 << z))
        })
        .collect();
    coords.push((0, 0, 0));
    coords
        .sort_by_key(|&(z, x, y)| pmtiles::TileId::from(TileCoord::new(z, x, y).unwrap()).value());
    coords.dedup();
    let mut w = PmTilesWriter::new(TileType::Png)
        .metadata(r#"{"name":"seed","attribution":"seed tiles"}"#)
        .min_zoom(0)
        .max_zoom(4)
        .bounds(60.0, 29.0, 75.0, 38.5)
        .create(std::fs::File::create(&p).expect("create"))
        .expect("writer");
    for (z, x, y) in coords {
        w.add_tile(TileCoord::new(z, x, y).unwrap(), &png([z * 50, 10, 10]))
            .expect("tile");
    }
    w.finalize().expect("finalize");
    let bytes = std::fs::read(&p).expect("read seed");
    let _ = std::fs::remove_file(&p);
    bytes
}
