//! What one frame or one export draws, as shared pointers: the reference data with the
//! project's report, each dataset and the analysis each incident layer shows, camp points and
//! the places of report texts. Cheap to clone and `Send`, so an export renders on a worker
//! exactly what the window shows.

use std::collections::BTreeMap;
use std::sync::Arc;

use atlas_core::report::{CampPoint, Extraction};

use crate::density::{Analysis, Dataset, Levels};
use crate::scene::AtlasData;

/// A report text and what was found in it.
#[derive(Debug)]
pub struct ReadText {
    pub text: String,
    pub extraction: Extraction,
}

impl ReadText {
    /// Gazetteer ids of the places found.
    pub fn place_ids(&self) -> Vec<String> {
        self.extraction
            .places
            .iter()
            .map(|p| p.id.clone())
            .collect()
    }
}

/// Everything loaded that a project's layers draw.
#[derive(Clone)]
pub struct Scene {
    pub atlas: Arc<AtlasData>,
    /// Incident datasets by source id.
    pub datasets: BTreeMap<String, Arc<Dataset>>,
    /// The analysis each incident layer shows, by layer id.
    pub analyses: BTreeMap<String, Arc<Analysis>>,
    pub levels: Option<Arc<Levels>>,
    /// Camp points by source id.
    pub camp_points: BTreeMap<String, Arc<Vec<CampPoint>>>,
    /// Report texts by source id.
    pub texts: BTreeMap<String, Arc<ReadText>>,
    /// Border bands by incident source id.
    pub bands: BTreeMap<String, Arc<crate::scene::band::BandShape>>,
}

impl Scene {
    /// Only the reference data and the report (no sources loaded).
    pub fn bare(atlas: Arc<AtlasData>) -> Self {
        Scene {
            atlas,
            datasets: BTreeMap::new(),
            analyses: BTreeMap::new(),
            levels: None,
            camp_points: BTreeMap::new(),
            texts: BTreeMap::new(),
            bands: BTreeMap::new(),
        }
    }
}
