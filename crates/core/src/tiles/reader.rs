//! One interface over the tile file readers, and opening a file by its kind.

use std::path::Path;

use super::info::{TileFileError, TileFileProblem, TileSetInfo};
use super::mbtiles::MbTiles;
use super::pmtiles::PmTiles;

/// A local tile file: its description and its tiles by XYZ number (row 0 in the north).
pub trait TileReader: Send {
    fn path(&self) -> &Path;
    fn info(&self) -> &TileSetInfo;
    /// The tile's bytes (decompressed; PNG, JPEG or WebP for raster sets), `None` when the
    /// file has no such tile.
    fn tile(&mut self, z: u8, x: u32, y: u32) -> Result<Option<Vec<u8>>, TileFileError>;
}

/// Open an MBTiles or PMTiles file, told apart by its first bytes (SQLite or PMTiles magic),
/// falling back to the extension.
pub fn open_tile_file(path: &Path) -> Result<Box<dyn TileReader>, TileFileError> {
    let mut magic = [0u8; 16];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut magic))
        .map_err(|e| TileFileError::new(path, TileFileProblem::Open(e.to_string())))?;
    let magic = &magic[..n];
    if magic.starts_with(b"PMTiles") {
        return Ok(Box::new(PmTiles::open(path)?));
    }
    if magic.starts_with(b"SQLite format 3\0") {
        return Ok(Box::new(MbTiles::open(path)?));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("pmtiles") => Err(TileFileError::new(
            path,
            TileFileProblem::NotPmtiles("no PMTiles magic number".into()),
        )),
        _ => Err(TileFileError::new(
            path,
            TileFileProblem::NotMbtiles("not an SQLite database".into()),
        )),
    }
}

/// [`open_tile_file`], refusing files that cannot be drawn as a basemap over `region`
/// (west, south, east, north): vector or unknown tiles, or bounds entirely outside it.
pub fn open_basemap_file(
    path: &Path,
    region: [f64; 4],
) -> Result<Box<dyn TileReader>, TileFileError> {
    let reader = open_tile_file(path)?;
    let info = reader.info();
    if !info.format.is_raster() {
        return Err(TileFileError::new(
            path,
            TileFileProblem::Unsupported(info.format.clone()),
        ));
    }
    if !info.overlaps(region) {
        let bounds = info.bounds.unwrap_or_default();
        return Err(TileFileError::new(
            path,
            TileFileProblem::OutsideRegion { bounds, region },
        ));
    }
    Ok(reader)
}
