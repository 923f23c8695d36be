//! Prepared scene data: the loaded gazetteer with geometry projected to Web Mercator once,
//! simplified per level of detail, plus the report's emphasised places. No egui here.

pub mod band;
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

/// Everything the map draws, loaded once at start and shared read-only: the reference data
/// (gazetteer, shapes, regions, basemap, behind `Arc`s) and the report derived from the
/// project's findings source ([`AtlasData::with_report`] swaps it cheaply).
pub struct AtlasData {
    pub gazetteer: Arc<Gazetteer>,
    /// Parallel to `gazetteer.units`.
    pub shapes: Arc<Vec<UnitShape>>,
    pub regions: Arc<Vec<RegionLabel>>,
    pub basemap: Arc<BasemapData>,
    /// The findings' places below country level (derived from `report`).
    pub report_places: Vec<ReportPlace>,
    /// The report: findings with resolved places, groups, network.
    pub report: Report,
    /// Group presence derived from the findings.
    pub presence: Vec<Presence>,
    /// Training-centre areas and their finding IDs.
    pub camps: Vec<(EntryRef, String)>,
    /// Problems met while loading (missing/corrupt files), shown to the user.
    pub diagnostics: Vec<Diagnostic>,
    /// The reference data's own problems (kept when the report is swapped).
    reference_diagnostics: Arc<Vec<Diagnostic>>,
}

impl AtlasData {
    /// Load the app data under `data_dir` (normally `<repo>/data`), with the bundled report.
    /// Never fails: what cannot be read is reported in `diagnostics` and the rest is used.
    pub fn load(data_dir: &Path) -> Self {
        let (gazetteer, mut diagnostics) = atlas_core::data::load_gazetteer(data_dir);
        let (basemap, d) = BasemapData::load(&data_dir.join("basemap"));
        diagnostics.extend(d);
        let regions = load_regions(&data_dir.join("basemap"), &mut diagnostics);
        let shapes = gazetteer.units.iter().map(UnitShape::new).collect();
        let (report, report_diagnostics) = atlas_core::report::load_report(data_dir, &gazetteer);
        let base = AtlasData {
            gazetteer: Arc::new(gazetteer),
            shapes: Arc::new(shapes),
            regions: Arc::new(regions),
            basemap: Arc::new(basemap),
            report_places: Vec::new(),
            report: Report::default(),
            presence: Vec::new(),
            camps: Vec::new(),
            reference_diagnostics: Arc::new(diagnostics),
            diagnostics: Vec::new(),
        };
        base.with_report(report, report_diagnostics)
    }

    /// The same reference data with another report (and its load problems added).
    pub fn with_report(&self, report: Report, problems: Vec<Diagnostic>) -> Self {
        let g = &self.gazetteer;
        let mut diagnostics: Vec<Diagnostic> = self.reference_diagnostics.to_vec();
        diagnostics.extend(problems);
        AtlasData {
            gazetteer: g.clone(),
            shapes: self.shapes.clone(),
            regions: self.regions.clone(),
            basemap: self.basemap.clone(),
            report_places: report_places(&report, g),
            presence: group_presence(&report, g),
            camps: training_centres(&report, g),
            report,
            diagnostics,
            reference_diagnostics: self.reference_diagnostics.clone(),
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
