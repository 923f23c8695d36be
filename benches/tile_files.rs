//! Criterion benchmark: one tile from an MBTiles or a PMTiles file (target < 2 ms), read alone
//! and read + decoded to RGBA as the app's worker does. The files hold realistic map tiles:
//! the built-in basemap's own z6–z8 tiles over the region, PNG-encoded.

use std::hint::black_box;
use std::io::Cursor;
use std::path::Path;

use atlas_core::basemap::{BasemapData, BasemapStyle, lonlat_to_tile, render_tile};
use atlas_core::tiles::{MbTiles, PmTiles, TileReader};
use criterion::{Criterion, criterion_group, criterion_main};

const BASEMAP_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sources/basemap");

type Tiles = Vec<((u8, u32, u32), Vec<u8>)>;

/// PNG tiles of the region at zooms 6–8, in PMTiles tile-ID order.
fn region_tiles() -> Tiles {
    let (data, _) = BasemapData::load(Path::new(BASEMAP_DIR));
    let style = BasemapStyle::light();
    let [w, s, e, n] = atlas_core::REGION_BBOX;
    let mut out = Vec::new();
    for z in 6..=8u8 {
        let (x0, y0) = lonlat_to_tile(w, n, z);
        let (x1, y1) = lonlat_to_tile(e, s, z);
        for x in x0..=x1 {
            for y in y0..=y1 {
                let t = render_tile(&data, &style, z, x, y, 256);
                let img = image::RgbaImage::from_raw(256, 256, t.rgba).expect("tile size");
                let mut png = Cursor::new(Vec::new());
                img.write_to(&mut png, image::ImageFormat::Png)
                    .expect("encode");
                out.push(((z, x, y), png.into_inner()));
            }
        }
    }
    out.sort_by_key(|((z, x, y), _)| atlas_core::tiles::pmtiles::tile_id(*z, *x, *y));
    out
}

fn write_mbtiles(path: &Path, tiles: &Tiles) {
    let mut c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(
        "CREATE TABLE metadata (name TEXT, value TEXT);
         CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
         CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
         INSERT INTO metadata VALUES ('format', 'png'), ('minzoom', '6'), ('maxzoom', '8');",
    )
    .unwrap();
    let tx = c.transaction().unwrap();
    for ((z, x, y), data) in tiles {
        let row = (1u32 << z) - 1 - y;
        tx.execute(
            "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
            (z, x, row, data),
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

fn write_pmtiles(path: &Path, tiles: &Tiles) {
    use pmtiles::{PmTilesWriter, TileCoord, TileType};
    let mut w = PmTilesWriter::new(TileType::Png)
        .min_zoom(6)
        .max_zoom(8)
        .create(std::fs::File::create(path).unwrap())
        .unwrap();
    for ((z, x, y), data) in tiles {
        w.add_tile(TileCoord::new(*z, *x, *y).unwrap(), data)
            .unwrap();
    }
    w.finalize().unwrap();
}

fn bench_reader(
    c: &mut Criterion,
    name: &str,
    reader: &mut dyn TileReader,
    ids: &[(u8, u32, u32)],
) {
    let mut group = c.benchmark_group("tile_file");
    let mut i = 0;
    group.bench_function(format!("{name}_read"), |b| {
        b.iter(|| {
            let (z, x, y) = ids[i % ids.len()];
            i += 1;
            black_box(reader.tile(z, x, y).unwrap())
        })
    });
    group.bench_function(format!("{name}_read_decode"), |b| {
        b.iter(|| {
            let (z, x, y) = ids[i % ids.len()];
            i += 1;
            let bytes = reader.tile(z, x, y).unwrap().expect("tile");
            black_box(frontier_atlas::map::tiles::decode(&bytes).unwrap())
        })
    });
    group.finish();
}

fn tile_files(c: &mut Criterion) {
    let tiles = region_tiles();
    let bytes: usize = tiles.iter().map(|t| t.1.len()).sum();
    eprintln!(
        "{} tiles, {:.1} KiB PNG on average",
        tiles.len(),
        bytes as f64 / tiles.len() as f64 / 1024.0
    );
    // Visit tiles in a scattered order, as panning across zooms does.
    let mut ids: Vec<_> = tiles.iter().map(|t| t.0).collect();
    let n = ids.len();
    ids = (0..n).map(|k| ids[(k * 7919) % n]).collect();
    let dir = tempfile::tempdir().unwrap();
    let mb = dir.path().join("region.mbtiles");
    let pm = dir.path().join("region.pmtiles");
    write_mbtiles(&mb, &tiles);
    write_pmtiles(&pm, &tiles);
    bench_reader(c, "mbtiles", &mut MbTiles::open(&mb).unwrap(), &ids);
    bench_reader(c, "pmtiles", &mut PmTiles::open(&pm).unwrap(), &ids);
    let mut group = c.benchmark_group("tile_file");
    group.sample_size(10);
    group.bench_function("mbtiles_open", |b| {
        b.iter(|| MbTiles::open(black_box(&mb)).unwrap())
    });
    group.bench_function("pmtiles_open", |b| {
        b.iter(|| PmTiles::open(black_box(&pm)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, tile_files);
criterion_main!(benches);
