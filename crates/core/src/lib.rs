//! Frontier Atlas pure core: data model, loading, analysis and basemap rasterisation.
//!
//! Nothing in this crate depends on a UI toolkit; everything here is tested headless.

pub mod analysis;
pub mod basemap;
pub mod build;
pub mod coords;
pub mod data;
pub mod diag;
pub mod geodesy;
pub mod goto;
pub mod labels;
pub mod model;
pub mod names;
pub mod palette;
pub mod project;
pub mod text;
pub mod tiles;

/// The region the app covers (lon min, lat min, lon max, lat max): the extent of the bundled
/// basemap clip.
pub const REGION_BBOX: [f64; 4] = [55.0, 20.0, 82.0, 42.0];
pub mod incidents;
pub mod report;
pub mod search;
