//! Offline basemap: vector data from Natural Earth rasterised into map tiles.
//!
//! [`BasemapData::load`] reads the GeoJSON files named in [`BASEMAP_FILES`] from one
//! directory (the app, tests and benches use `data/basemap/`), projects them to Web Mercator
//! once and indexes them in R-trees. [`render_tile`] then draws one standard XYZ tile
//! (OpenStreetMap / walkers scheme, tile (0, 0) in the north-west) with tiny-skia in a
//! [`BasemapStyle`] (`light()` or `dark()`), touching only features near that tile.
//!
//! Two kinds of data: the regional Natural Earth 10m layers, clipped to
//! [`crate::REGION_BBOX`] (lon 55–82, lat 20–42), and low-detail world layers under them
//! (Natural Earth 110m everywhere, 50m inside [`WORLD_DETAIL_BBOX`] from zoom
//! [`DETAIL_MIN_ZOOM`]) so that no view has a "no data" strip. Inside the region the regional
//! data wins. `style.no_data` only shows when the world files are missing. Tiles carry no
//! text: country names come from [`country_labels`] as candidates for the label engine.

mod country_names;
mod data;
mod index;
pub mod mercator;
mod render;
mod render_world;
mod style;
mod world;

pub use country_names::{
    COUNTRY_FONT_PX, COUNTRY_LABELS_FILE, COUNTRY_LAYER, COUNTRY_TRACKING_EM, CountryLabel,
    CountryName, MIN_LABEL_AREA_PX, country_labels, km_per_px,
};
pub use data::{
    BASEMAP_FILES, BORDERS_FILE, BasemapData, BorderKind, CLAIMS_FILE, COUNTRIES_FILE,
    DISPUTED_AREAS_FILE, LAKES_FILE, LAND_FILE, OCEAN_FILE, RIVERS_FILE, URBAN_FILE, ZoomHint,
};
pub use mercator::{lonlat_to_tile, lonlat_to_world, tile_to_lonlat, world_to_lonlat};
pub use render::{MAX_TILE_SIZE, TileImage, render_tile};
pub use style::{BasemapStyle, FOCUS_COUNTRIES, Rgba};
pub use world::{DETAIL_MIN_ZOOM, WORLD_DETAIL_BBOX, WorldFiles};
