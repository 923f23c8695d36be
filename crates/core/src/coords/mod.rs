//! Coordinates: a validated WGS84 position, parsed from decimal degrees, DMS or MGRS text and
//! formatted back to each form (to 1 m).
//!
//! - [`parse`]: any accepted form → [`Parsed`] (position and the form it was written in).
//! - [`format_decimal`], [`format_dms`], [`format_mgrs`]: the three display forms;
//!   [`format_as`] picks one by [`CoordFormat`].
//!
//! MGRS/UTM conversion is done by the `mgrs-convert` crate (NGA TM 8358.1 letter scheme,
//! Krüger series; checked against GeographicLib's `GeoConvert`).

mod display;
mod dms;
mod error;
mod grid;
mod latlon;
mod parse;
mod tokens;

pub use display::format_as;
pub use dms::format_dms;
pub use error::CoordError;
pub use grid::{format_mgrs, format_mgrs_spaced, parse_mgrs};
pub use latlon::{LatLon, format_decimal};
pub use parse::{CoordFormat, Parsed, parse};
