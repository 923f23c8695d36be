//! Pure analysis: spatial join, kernel density, classification, border distance, time filters
//! and the time cube.
//!
//! One algorithm per file. Everything works on plain slices (longitudes, latitudes,
//! precisions, weights) or an [`crate::incidents::IncidentStore`] and `&[AdminUnit]`.

mod border;
mod border_arc;
mod border_band;
mod border_file;
mod border_grid;
mod classify;
mod counts;
mod grid;
mod jenks;
mod join;
mod join_grid;
mod join_poly;
mod kde;
mod kde_bin;
mod time;
mod time_cube;
mod time_cube_build;

pub use border::{BorderLine, distance_histogram, share_within};
pub use border_band::border_band;
pub use border_file::{af_pk_border_from_file, boundary_between};
pub use classify::{ClassMethod, Classes, classify};
pub use counts::{
    CountTable, Placement, UnitCount, count_by_unit, place_incidents, precision_for_kind,
};
pub use grid::{EARTH_RADIUS_KM, GridProjection, GridSpec};
pub use join::AdminIndex;
pub use kde::{DensityGrid, kernel_density};
pub use time::{
    Filtered, IncidentFilter, TimeBin, TimeBucket, TimeHistogram, bucket_start, filter_incidents,
    time_histogram,
};
pub use time_cube::{BinWindow, CubeError, CubeInput, CubeLevel, TimeCube, WindowTotals};
