//! Prepared scene data: the loaded gazetteer with geometry projected to Web Mercator once,
//! simplified per level of detail, plus the report's emphasised places. No egui here.

mod presence;
mod regions;
mod report_places;
pub mod scale;
mod shapes;

pub use presence::{Presence, group_presence, training_centres};
pub use regions::{RegionLabel, load_regions};
pub use report_places::{ReportPlace, report_places};
pub use shapes::{UnitShape, WorldBox};

use std::path::Path;
use std::sync::Arc;

use atlas_core::basemap::BasemapData;
use atlas_core::diag::Diagnostic;
use atlas_core::model::{EntryRef, Gazetteer};
use atlas_core::report::Report;

/// Everything the map draws, loaded once at start and shared read-only.
pub struct AtlasData {
    pub gazetteer: Gazetteer,
    /// Parallel to `gazetteer.units`.
    pub shapes: Vec<UnitShape>,
    pub report_places: Vec<ReportPlace>,
    pub regions: Vec<RegionLabel>,
    /// The source report: findings with resolved places, groups, network.
    pub report: Report,
    /// Group presence derived from the findings.
    pub presence: Vec<Presence>,
    /// Training-centre areas and their finding IDs.
    pub camps: Vec<(EntryRef, String)>,
    pub basemap: Arc<BasemapData>,
    /// Problems met while loading (missing/corrupt files), shown to the user.
    pub diagnostics: Vec<Diagnostic>,
}

impl AtlasData {
    /// Load the app data under `data_dir` (normally `<repo>/data`). Never fails: what cannot
    /// be read is reported in `diagnostics` and the rest is used.
    pub fn load(data_dir: &Path) -> Self {
        let (gazetteer, mut diagnostics) = atlas_core::data::load_gazetteer(data_dir);
        let (basemap, d) = BasemapData::load(&data_dir.join("basemap"));
        diagnostics.extend(d);
        let regions = load_regions(&data_dir.join("basemap"), &mut diagnostics);
        let shapes = gazetteer.units.iter().map(UnitShape::new).collect();
        let report_places = report_places(&gazetteer);
        let (report, d) = atlas_core::report::load_report(data_dir, &gazetteer);
        diagnostics.extend(d);
        let presence = group_presence(&report, &gazetteer);
        let camps = training_centres(&report, &gazetteer);
        Self {
            report,
            presence,
            camps,
            gazetteer,
            shapes,
            report_places,
            regions,
            basemap: Arc::new(basemap),
            diagnostics,
        }
    }

    /// The bundled data directory: `FRONTIER_ATLAS_DATA` if set, else `data/` next to the
    /// current directory if present, else the source tree's `data/`.
    pub fn default_dir() -> std::path::PathBuf {
        if let Some(dir) = std::env::var_os("FRONTIER_ATLAS_DATA") {
            return dir.into();
        }
        let local = std::path::PathBuf::from("data");
        if local.join("admin").is_dir() {
            return local;
        }
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
    }
}
