//! Attack density in the app: the loaded incident dataset with its joins to provinces and
//! districts and its border distances, prepared once; filters, counts and density grids are
//! computed from it (on workers in the window). No egui here.

mod model;
pub mod worker;

pub use model::{By, DensityModel, DensityQuery, Weight};
