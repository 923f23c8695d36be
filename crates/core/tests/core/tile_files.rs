//! MBTiles and PMTiles readers on fixtures written by the tests (MBTiles through SQLite, PMTiles
//! through the `pmtiles` crate's writer): exact tiles by XYZ number, metadata, and every kind of
//! bad file giving an error that names it, never a panic.

use std::path::{Path, PathBuf};

use atlas_core::tiles::{
    MbTiles, PmTiles, TileFileProblem, TileFormat, TileReader, open_basemap_file, open_tile_file,
};
use pmtiles::{PmTilesWriter, TileCoord, TileType};
use rusqlite::{Connection, params};

fn png(rgb: [u8; 3]) -> Vec<u8> {
    let mut p = tiny_skia::Pixmap::new(4, 4).unwrap();
    p.fill(tiny_skia::Color::from_rgba8(rgb[0], rgb[1], rgb[2], 255));
    p.encode_png().unwrap()
}

fn tmp(name: &str) -> (tempdir::Dir, PathBuf) {
    let d = tempdir::Dir::new();
    let p = d.0.join(name);
    (d, p)
}

/// A self-deleting temporary directory (the core has no tempfile dependency).
mod tempdir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new() -> Self {
            static N: AtomicUsize = AtomicUsize::new(0);
            let p = std::env::temp_dir().join(format!(
                "atlas-tiles-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            std::fs::create_dir_all(&p).unwrap();
            Self(p)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// An MBTiles file with `tiles` given in XYZ numbering (stored in TMS rows).
/// Tiles by (z, x, y) with their bytes.
type TileList = [((u8, u32, u32), Vec<u8>)];

fn write_mbtiles(path: &Path, meta: &[(&str, &str)], tiles: &TileList) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(
        "CREATE TABLE metadata (name TEXT, value TEXT);
         CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
         CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);",
    )
    .unwrap();
    for (k, v) in meta {
        c.execute("INSERT INTO metadata VALUES (?1, ?2)", params![k, v])
            .unwrap();
    }
    for ((z, x, y), data) in tiles {
        let row = (1u32 << z) - 1 - y;
        c.execute(
            "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
            params![z, x, row, data],
        )
        .unwrap();
    }
}

fn write_pmtiles(path: &Path, metadata: &str, tiles: &TileList) {
    let mut sorted: Vec<_> = tiles.iter().collect();
    sorted.sort_by_key(|((z, x, y), _)| {
        pmtiles::TileId::from(TileCoord::new(*z, *x, *y).unwrap()).value()
    });
    let mut w = PmTilesWriter::new(TileType::Png)
        .metadata(metadata)
        .min_zoom(sorted.iter().map(|t| t.0.0).min().unwrap())
        .max_zoom(sorted.iter().map(|t| t.0.0).max().unwrap())
        .bounds(60.0, 29.0, 75.0, 38.5)
        .create(std::fs::File::create(path).unwrap())
        .unwrap();
    for ((z, x, y), data) in sorted {
        w.add_tile(TileCoord::new(*z, *x, *y).unwrap(), data)
            .unwrap();
    }
    w.finalize().unwrap();
}

const RED: [u8; 3] = [230, 20, 30];
const BLUE: [u8; 3] = [20, 40, 220];

#[test]
fn mbtiles_rows_are_flipped_from_tms() {
    let (_d, p) = tmp("kabul.mbtiles");
    let meta = [
        ("name", "Kabul test"),
        ("attribution", "© Test Survey"),
        ("bounds", "60.5,29.4,74.9,38.5"),
        ("minzoom", "2"),
        ("maxzoom", "6"),
        ("format", "png"),
    ];
    // z5: x 21, XYZ row 12 (Kabul is near 69.2E 34.5N) red; the row below blue.
    write_mbtiles(
        &p,
        &meta,
        &[((5, 21, 12), png(RED)), ((5, 21, 13), png(BLUE))],
    );
    let mut r = MbTiles::open(&p).unwrap();
    let info = r.info().clone();
    assert_eq!(info.name.as_deref(), Some("Kabul test"));
    assert_eq!(info.attribution.as_deref(), Some("© Test Survey"));
    assert_eq!(info.bounds, Some([60.5, 29.4, 74.9, 38.5]));
    assert_eq!((info.min_zoom, info.max_zoom), (2, 6));
    assert_eq!(info.format, TileFormat::Png);
    assert_eq!(r.tile(5, 21, 12).unwrap(), Some(png(RED)));
    assert_eq!(r.tile(5, 21, 13).unwrap(), Some(png(BLUE)));
    // TMS row 12 is XYZ row 19: nothing there.
    assert_eq!(r.tile(5, 21, 19).unwrap(), None);
    assert_eq!(r.tile(5, 99, 12).unwrap(), None);
    assert_eq!(r.path(), p.as_path());
}

#[test]
fn mbtiles_without_metadata_takes_zooms_bounds_and_format_from_tiles() {
    let (_d, p) = tmp("bare.mbtiles");
    write_mbtiles(&p, &[], &[((4, 10, 6), png(RED)), ((5, 21, 12), png(BLUE))]);
    let r = MbTiles::open(&p).unwrap();
    let info = r.info();
    assert_eq!((info.min_zoom, info.max_zoom), (4, 5));
    assert_eq!(info.format, TileFormat::Png);
    // The single z4 tile 10/6: lon 45–67.5, lat 21.94–40.98.
    let b = info.bounds.unwrap();
    assert!(
        (b[0] - 45.0).abs() < 1e-9 && (b[2] - 67.5).abs() < 1e-9,
        "{b:?}"
    );
    assert!((b[1] - 21.943_045_533_438_2).abs() < 1e-6, "{b:?}");
    assert!((b[3] - 40.979_898_069_620_2).abs() < 1e-6, "{b:?}");
}

#[test]
fn pmtiles_from_the_crate_writer_read_back_exactly() {
    let (_d, p) = tmp("af.pmtiles");
    let tiles = vec![
        ((0, 0, 0), png([200, 200, 200])),
        ((5, 21, 12), png(RED)),
        ((5, 21, 13), png(BLUE)),
        ((5, 22, 12), png([10, 200, 10])),
    ];
    write_pmtiles(
        &p,
        r#"{"name":"AF test","attribution":"<a href='x'>© PM Test</a>"}"#,
        &tiles,
    );
    let mut r = PmTiles::open(&p).unwrap();
    for (zxy, data) in &tiles {
        assert_eq!(
            r.tile(zxy.0, zxy.1, zxy.2).unwrap().as_ref(),
            Some(data),
            "{zxy:?}"
        );
    }
    assert_eq!(r.tile(5, 12, 21).unwrap(), None);
    assert_eq!(r.tile(5, 21, 14).unwrap(), None);
    let info = r.info();
    assert_eq!(info.name.as_deref(), Some("AF test"));
    assert_eq!(info.credit(&p), "© PM Test");
    assert_eq!((info.min_zoom, info.max_zoom), (0, 5));
    assert_eq!(info.bounds, Some([60.0, 29.0, 75.0, 38.5]));
    assert_eq!(info.format, TileFormat::Png);
}

#[test]
fn pmtiles_leaf_directories_are_followed() {
    let (_d, p) = tmp("many.pmtiles");
    // Scattered tiles of random lengths: a directory that compresses badly enough to overflow
    // the 16 KiB root into leaf directories.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut seen = std::collections::HashSet::new();
    let mut tiles = Vec::new();
    while tiles.len() < 12_000 {
        let (x, y) = ((next() % 4096) as u32, (next() % 4096) as u32);
        if seen.insert((x, y)) {
            let len = 1 + (next() % 300) as usize;
            let body: Vec<u8> = (0..len).map(|i| (next() as usize + i) as u8).collect();
            tiles.push(((12u8, x, y), body));
        }
    }
    write_pmtiles(&p, "{}", &tiles);
    let mut r = PmTiles::open(&p).unwrap();
    assert!(
        r.header().leaf_length > 0,
        "fixture has no leaf directories"
    );
    for (i, ((z, x, y), data)) in tiles.iter().enumerate() {
        if i % 37 == 0 || i + 1 == tiles.len() {
            assert_eq!(
                r.tile(*z, *x, *y).unwrap().as_ref(),
                Some(data),
                "{z}/{x}/{y}"
            );
        }
    }
    assert_eq!(r.tile(13, 0, 0).unwrap(), None);
}

#[test]
fn files_are_told_apart_by_content() {
    let (_d, p) = tmp("actually-sqlite.pmtiles");
    write_mbtiles(&p, &[("format", "png")], &[((1, 1, 0), png(RED))]);
    let mut r = open_tile_file(&p).unwrap();
    assert_eq!(r.tile(1, 1, 0).unwrap(), Some(png(RED)));
}

fn problem(path: &Path) -> (TileFileProblem, String) {
    let e = open_basemap_file(path, atlas_core::REGION_BBOX)
        .err()
        .expect("an error");
    let text = e.to_string();
    assert!(text.starts_with(&path.display().to_string()), "{text}");
    (e.problem, text)
}

#[test]
fn bad_files_give_errors_naming_the_file() {
    let d = tempdir::Dir::new();
    let at = |n: &str| d.0.join(n);

    assert!(matches!(
        problem(&at("missing.mbtiles")).0,
        TileFileProblem::Open(_)
    ));

    std::fs::write(at("junk.mbtiles"), b"this is not a database at all").unwrap();
    assert!(matches!(
        problem(&at("junk.mbtiles")).0,
        TileFileProblem::NotMbtiles(_)
    ));
    std::fs::write(at("junk.pmtiles"), b"PMTilez").unwrap();
    assert!(matches!(
        problem(&at("junk.pmtiles")).0,
        TileFileProblem::NotPmtiles(_)
    ));
    std::fs::write(at("empty.pmtiles"), b"").unwrap();
    assert!(matches!(
        problem(&at("empty.pmtiles")).0,
        TileFileProblem::NotPmtiles(_)
    ));

    let c = Connection::open(at("other.mbtiles")).unwrap();
    c.execute_batch("CREATE TABLE t (a)").unwrap();
    drop(c);
    let (p, text) = problem(&at("other.mbtiles"));
    assert!(matches!(p, TileFileProblem::NotMbtiles(_)), "{text}");

    write_mbtiles(&at("none.mbtiles"), &[("format", "png")], &[]);
    assert_eq!(problem(&at("none.mbtiles")).0, TileFileProblem::NoTiles);

    let paris = [("bounds", "2.2,48.8,2.5,48.9"), ("format", "png")];
    write_mbtiles(&at("paris.mbtiles"), &paris, &[((10, 518, 352), png(RED))]);
    let (p, text) = problem(&at("paris.mbtiles"));
    assert!(matches!(p, TileFileProblem::OutsideRegion { .. }), "{text}");
    assert!(text.contains("no tiles in the map's region"), "{text}");

    write_mbtiles(
        &at("vector.mbtiles"),
        &[("format", "pbf")],
        &[((0, 0, 0), vec![0x1a, 2])],
    );
    let (p, text) = problem(&at("vector.mbtiles"));
    assert_eq!(
        p,
        TileFileProblem::Unsupported(TileFormat::Vector),
        "{text}"
    );
}

#[test]
fn truncated_or_flipped_pmtiles_never_panic() {
    let (d, p) = tmp("good.pmtiles");
    let tiles: Vec<_> = (0..8u32)
        .flat_map(|x| (0..8u32).map(move |y| ((3u8, x, y), png([x as u8 * 30, y as u8 * 30, 9]))))
        .collect();
    write_pmtiles(&p, r#"{"attribution":"x"}"#, &tiles);
    let good = std::fs::read(&p).unwrap();
    let bad = d.0.join("bad.pmtiles");
    let mut errors = 0;
    let mut cuts: Vec<usize> = (0..200).collect();
    cuts.extend((200..good.len()).step_by(97));
    for &i in &cuts {
        // Truncated at i, and byte i flipped.
        for bytes in [good[..i].to_vec(), {
            let mut b = good.clone();
            b[i] ^= 0xA5;
            b
        }] {
            std::fs::write(&bad, &bytes).unwrap();
            match open_tile_file(&bad) {
                Err(e) => {
                    assert!(e.to_string().contains("bad.pmtiles"), "{e}");
                    errors += 1;
                }
                Ok(mut r) => {
                    for ((z, x, y), _) in &tiles {
                        if let Err(e) = r.tile(*z, *x, *y) {
                            assert!(e.to_string().contains("bad.pmtiles"), "{e}");
                        }
                    }
                }
            }
        }
    }
    // Every truncation before the tile data at least is refused.
    assert!(errors >= 127, "only {errors} corrupt files were refused");
}
