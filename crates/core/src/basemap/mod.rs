//! Offline basemap: vector data from Natural Earth rasterised into map tiles.
//!
//! [`BasemapData::load`] reads the GeoJSON files named in [`BASEMAP_FILES`] from one
//! directory (the app uses `data/basemap/`; tests use `data/sources/basemap/`), projects them
//! to Web Mercator once and indexes them in R-trees. [`render_tile`] then draws one standard
//! XYZ tile (OpenStreetMap / walkers scheme, tile (0, 0) in the north-west) with tiny-skia in a
//! [`BasemapStyle`] (`light()` or `dark()`), touching only features near that tile.
//!
//! The bundled data is clipped to [`crate::REGION_BBOX`] (lon 55–82, lat 20–42). Inside that
//! box the sea is filled with `style.water` and land drawn on top; outside it there is no data
//! and tiles show the neutral `style.no_data` colour (distinct from both land and sea), so the
//! edge of the mapped area is visible rather than looking like ocean. Tiles carry no text.

mod data;
mod index;
pub mod mercator;
mod render;
mod style;

pub use data::{
    BASEMAP_FILES, BORDERS_FILE, BasemapData, BorderKind, CLAIMS_FILE, COUNTRIES_FILE,
    DISPUTED_AREAS_FILE, LAKES_FILE, LAND_FILE, OCEAN_FILE, RIVERS_FILE, URBAN_FILE, ZoomHint,
};
pub use mercator::{lonlat_to_tile, lonlat_to_world, tile_to_lonlat, world_to_lonlat};
pub use render::{MAX_TILE_SIZE, TileImage, render_tile};
pub use style::{BasemapStyle, FOCUS_COUNTRIES, Rgba};
