//! Basemap sources other than the built-in one: the [`BasemapSpec`] a project or the command
//! line chooses, and readers for local tile files (MBTiles, PMTiles v3) with raster tiles.
//!
//! Tile numbers are XYZ (OpenStreetMap / walkers: row 0 in the north) throughout; the MBTiles
//! reader flips its TMS rows. Every error names the file ([`TileFileError`]).

mod info;
pub mod mbtiles;
pub mod pmtiles;
mod reader;
mod spec;

pub use info::{TileFileError, TileFileProblem, TileFormat, TileSetInfo};
pub use mbtiles::MbTiles;
pub use pmtiles::PmTiles;
pub use reader::{TileReader, open_basemap_file, open_tile_file};
pub use spec::{
    BasemapSpec, DEFAULT_MAX_ZOOM, OPEN_TOPO_MAP, OSM_STANDARD, SpecError, XYZ_PRESETS, XyzPreset,
    check_template, tile_url, url_host,
};
