//! Loading the bundled app data from data/, with diagnostics instead of panics.

mod admin_file;
pub mod geometry;
mod towns_file;

pub use admin_file::{read_admin_file, unit_to_feature, write_admin_file};
pub use towns_file::{read_towns_file, write_towns_file};

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::model::Gazetteer;

/// The admin-unit files under `data/admin/`, coarsest first.
pub const ADMIN_FILES: [&str; 3] = [
    "countries.geojson",
    "provinces.geojson",
    "districts.geojson",
];

/// The towns file under `data/gazetteer/`.
pub const TOWNS_FILE: &str = "towns.csv";

/// The repository's bundled data directory (`<repo>/data`), for tests, benches and the
/// default when the app is run from the source tree.
pub fn bundled_data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// Load every admin unit and town under `data_dir` into a [`Gazetteer`]. Missing or broken
/// files are reported and skipped; what loads is kept.
pub fn load_gazetteer(data_dir: &Path) -> (Gazetteer, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut units = Vec::new();
    for name in ADMIN_FILES {
        let path = data_dir.join("admin").join(name);
        units.extend(read_admin_file(&path, &mut diags));
    }
    let towns = read_towns_file(&data_dir.join("gazetteer").join(TOWNS_FILE), &mut diags);
    (Gazetteer::new(units, towns), diags)
}
