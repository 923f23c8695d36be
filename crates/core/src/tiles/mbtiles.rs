//! MBTiles reader (SQLite, <https://github.com/mapbox/mbtiles-spec>): metadata and raster tiles.
//!
//! Rows are in TMS order (row 0 in the south); [`MbTiles::tile`] takes XYZ numbering (row 0 in
//! the north, as walkers and OpenStreetMap count) and flips the row.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::info::{TileFileError, TileFileProblem, TileFormat, TileSetInfo};
use super::reader::TileReader;

/// An open MBTiles file.
pub struct MbTiles {
    path: PathBuf,
    conn: Connection,
    info: TileSetInfo,
}

impl MbTiles {
    /// Open `path` read-only and read its metadata. A missing file, a file that is not
    /// SQLite, one without the `metadata` and `tiles` tables, or one with no tiles is an
    /// error naming the file.
    pub fn open(path: &Path) -> Result<Self, TileFileError> {
        let err = |p| TileFileError::new(path, p);
        if !path.is_file() {
            return Err(err(TileFileProblem::Open("no such file".into())));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| err(TileFileProblem::Open(e.to_string())))?;
        let meta = read_metadata(&conn).map_err(|e| err(TileFileProblem::NotMbtiles(e)))?;
        let first: Option<(u8, Vec<u8>)> = conn
            .query_row("SELECT zoom_level, tile_data FROM tiles LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(|e| err(TileFileProblem::NotMbtiles(e.to_string())))?;
        let Some((some_zoom, sample)) = first else {
            return Err(err(TileFileProblem::NoTiles));
        };
        let format = match meta.get("format") {
            Some(f) => TileFormat::from_name(f),
            None => TileFormat::sniff(&sample),
        };
        let (min_zoom, max_zoom) = zooms(&conn, &meta, some_zoom)
            .map_err(|e| err(TileFileProblem::Corrupt(e.to_string())))?;
        let bounds = match meta.get("bounds").and_then(|b| parse_bounds(b)) {
            Some(b) => Some(b),
            None => tile_bounds(&conn, min_zoom)
                .map_err(|e| err(TileFileProblem::Corrupt(e.to_string())))?,
        };
        let info = TileSetInfo {
            name: meta.get("name").cloned(),
            attribution: meta.get("attribution").cloned(),
            bounds,
            min_zoom,
            max_zoom,
            format,
        };
        Ok(Self {
            path: path.to_owned(),
            conn,
            info,
        })
    }
}

fn read_metadata(conn: &Connection) -> Result<HashMap<String, String>, String> {
    let mut stmt = conn
        .prepare("SELECT name, value FROM metadata")
        .map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .map_err(|e| e.to_string())?;
    let mut out = HashMap::new();
    for row in rows {
        let (k, v) = row.map_err(|e| e.to_string())?;
        if let Some(v) = v {
            out.insert(k.to_ascii_lowercase(), v);
        }
    }
    Ok(out)
}

/// Zoom range: from the metadata when it has both, else from the tiles table.
fn zooms(
    conn: &Connection,
    meta: &HashMap<String, String>,
    some_zoom: u8,
) -> rusqlite::Result<(u8, u8)> {
    let get = |k: &str| meta.get(k).and_then(|v| v.trim().parse::<u8>().ok());
    if let (Some(a), Some(b)) = (get("minzoom"), get("maxzoom"))
        && a <= b
    {
        return Ok((a, b));
    }
    // One aggregate per query lets SQLite answer from the index.
    let min: Option<u8> = conn.query_row("SELECT MIN(zoom_level) FROM tiles", [], |r| r.get(0))?;
    let max: Option<u8> = conn.query_row("SELECT MAX(zoom_level) FROM tiles", [], |r| r.get(0))?;
    Ok((min.unwrap_or(some_zoom), max.unwrap_or(some_zoom)))
}

/// `"west,south,east,north"`.
fn parse_bounds(s: &str) -> Option<[f64; 4]> {
    let v: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    let b: [f64; 4] = v.try_into().ok()?;
    (b.iter().all(|c| c.is_finite()) && b[0] <= b[2] && b[1] <= b[3]).then_some(b)
}

/// Bounds of the tiles present at `zoom`, for files whose metadata has none.
fn tile_bounds(conn: &Connection, zoom: u8) -> rusqlite::Result<Option<[f64; 4]>> {
    let row: (Option<u32>, Option<u32>, Option<u32>, Option<u32>) = conn.query_row(
        "SELECT MIN(tile_column), MAX(tile_column), MIN(tile_row), MAX(tile_row) \
         FROM tiles WHERE zoom_level = ?1",
        params![zoom],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let (Some(x0), Some(x1), Some(r0), Some(r1)) = row else {
        return Ok(None);
    };
    let n = 1u32 << zoom.min(31);
    let flip = |row: u32| n.saturating_sub(1).saturating_sub(row);
    // TMS rows grow northward: the highest row is the northernmost XYZ row.
    let (nw_lon, nw_lat) = crate::basemap::tile_to_lonlat(x0, flip(r1), zoom);
    let (se_lon, se_lat) = crate::basemap::tile_to_lonlat(x1 + 1, flip(r0) + 1, zoom);
    Ok(Some([nw_lon, se_lat, se_lon, nw_lat]))
}

impl TileReader for MbTiles {
    fn path(&self) -> &Path {
        &self.path
    }

    fn info(&self) -> &TileSetInfo {
        &self.info
    }

    fn tile(&mut self, z: u8, x: u32, y: u32) -> Result<Option<Vec<u8>>, TileFileError> {
        if z > 30 || x >= (1 << z) || y >= (1 << z) {
            return Ok(None);
        }
        let tms_row = (1u32 << z) - 1 - y;
        let fail = |e: rusqlite::Error| {
            TileFileError::new(
                &self.path,
                TileFileProblem::Tile {
                    z,
                    x,
                    y,
                    message: e.to_string(),
                },
            )
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT tile_data FROM tiles \
                 WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
            )
            .map_err(fail)?;
        stmt.query_row(params![z, x, tms_row], |r| r.get::<_, Vec<u8>>(0))
            .optional()
            .map_err(fail)
    }
}
