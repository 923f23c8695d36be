//! The time cubes of one dataset: built on a worker the first time a date range is used with a
//! given selection, weighting, bandwidth and bucket, one build at a time, and kept while any
//! wanted settings share those inputs. Frames for new date ranges are then made from them on
//! the UI thread ([`super::cube_frame`]).

use std::sync::Arc;

use atlas_core::REGION_BBOX;
use atlas_core::analysis::{CubeInput, CubeLevel, GridProjection, GridSpec, TimeCube};

use super::analysis::{heat_spec, kde_weights};
use super::dataset::Dataset;
use super::model::By;
use super::params::DensityParams;
use super::worker::Job;

/// Largest cube built (its running grids, 4 bytes per cell and bin): past it, date changes go
/// through the analysis worker only, as without a cube.
pub const MAX_CUBE_BYTES: usize = 512 << 20;

/// What a cube depends on: the filter without its dates, the weighting, the bandwidth and the
/// bucket (not the level, the classing or the border band).
pub fn cube_key(p: &DensityParams) -> String {
    let q = &p.query;
    let f = p.undated().filter;
    format!("{f:?}|{:?}|{}|{:?}", q.weight, q.bandwidth_km, p.bucket)
}

/// The cube's level index for `by` (cubes count provinces, then districts).
pub fn level_of(by: By) -> usize {
    match by {
        By::Province => 0,
        By::District => 1,
    }
}

/// Build the cube of `p`'s selection over every date, on the heatmap's grid (a one-cell grid
/// when nothing is mappable: there is no heatmap then, only counts).
pub fn build_cube(ds: &Dataset, p: &DensityParams) -> Result<TimeCube, String> {
    let q = &p.query;
    let all = ds.model.filtered(&p.undated());
    let spec = heat_spec(ds, &all.indices, q.bandwidth_km)
        .unwrap_or_else(|| GridSpec::new(REGION_BBOX, 1, 1, GridProjection::WebMercator));
    let weights = kde_weights(ds, q.weight);
    let levels = [By::Province, By::District].map(|by| CubeLevel {
        placements: ds.model.placements(by),
        units: ds.model.level_units(by),
        parent: ds.model.parent_units(by),
    });
    let input = CubeInput {
        store: ds.store(),
        selected: &all.indices,
        mappable: &ds.mappable,
        weights: weights.as_deref(),
        fatalities: &ds.fatalities,
        grid: spec,
        bandwidth_km: q.bandwidth_km,
        bucket: p.bucket,
        levels: &levels,
    };
    TimeCube::build(&input, MAX_CUBE_BYTES).map_err(|e| e.to_string())
}

/// Settings that use a date range.
fn dated(p: &DensityParams) -> bool {
    p.query.filter.from.is_some() || p.query.filter.to.is_some()
}

struct Entry {
    key: String,
    cube: Option<Arc<TimeCube>>,
    job: Option<Job<Result<TimeCube, String>>>,
    /// [`TimeCube::frames_peak`] by frame length, computed once each.
    peaks: std::sync::Mutex<Vec<(usize, f64)>>,
}

/// Cubes by [`cube_key`].
#[derive(Default)]
pub(super) struct Cubes {
    entries: Vec<Entry>,
}

impl Cubes {
    /// Drop every cube (the dataset changed); running builds finish unheard.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The finished cube for `p`'s inputs.
    pub fn get(&self, p: &DensityParams) -> Option<&Arc<TimeCube>> {
        let key = cube_key(p);
        self.entries.iter().find(|e| e.key == key)?.cube.as_ref()
    }

    /// The colour-scale top every frame of `len` bins of `p`'s cube shares (computed the
    /// first time a frame length is asked for, then kept).
    pub fn frames_peak(&self, p: &DensityParams, len: usize) -> Option<f64> {
        let key = cube_key(p);
        let e = self.entries.iter().find(|e| e.key == key)?;
        let cube = e.cube.as_ref()?;
        let mut peaks = e.peaks.lock().ok()?;
        if let Some((_, v)) = peaks.iter().find(|(l, _)| *l == len) {
            return Some(*v);
        }
        let v = cube.frames_peak(len);
        peaks.push((len, v));
        Some(v)
    }

    /// A build is running.
    pub fn building(&self) -> bool {
        self.entries.iter().any(|e| e.job.is_some())
    }

    /// Collect a finished build; forget cubes no wanted settings share; when no build runs,
    /// start one for the first wanted settings with a date range and no cube yet. A build
    /// that failed (too large, or the worker died) is not tried again for the same inputs.
    pub fn poll(
        &mut self,
        ctx: Option<&egui::Context>,
        ds: &Arc<Dataset>,
        wanted: &[DensityParams],
    ) {
        for e in &mut self.entries {
            let Some(done) = e.job.as_ref().and_then(|j| j.check()) else {
                continue;
            };
            e.job = None;
            match done {
                Ok(Ok(cube)) => e.cube = Some(Arc::new(cube)),
                Ok(Err(why)) => log::info!("time cube not built: {why}"),
                Err(()) => log::warn!("the time cube worker stopped"),
            }
        }
        let keys: Vec<String> = wanted.iter().map(cube_key).collect();
        self.entries.retain(|e| keys.contains(&e.key));
        if self.building() {
            return;
        }
        let next = wanted
            .iter()
            .filter(|p| dated(p))
            .find(|p| !self.entries.iter().any(|e| e.key == cube_key(p)));
        if let Some(p) = next {
            let (ds, p) = (ds.clone(), p.clone());
            let key = cube_key(&p);
            let job = Job::spawn(ctx.cloned(), move || build_cube(&ds, &p));
            self.entries.push(Entry {
                key,
                cube: None,
                job: Some(job),
                peaks: Default::default(),
            });
        }
    }
}
