//! The analyses one dataset's layers ask for: one slot per distinct set of settings, each
//! with its finished result and its running job. Layers with equal settings share a slot.

use std::sync::Arc;

use super::analysis::Analysis;
use super::dataset::Dataset;
use super::jobs::AnalysisJob;
use super::params::DensityParams;

struct Slot {
    params: DensityParams,
    result: Option<Arc<Analysis>>,
    job: Option<AnalysisJob>,
    /// When the result arrived (for "the last one finished").
    finished: u64,
}

/// Slots for the wanted settings.
#[derive(Default)]
pub(super) struct AnalysisSlots {
    slots: Vec<Slot>,
    wanted: Vec<DensityParams>,
    clock: u64,
}

impl AnalysisSlots {
    pub fn set_wanted(&mut self, mut wanted: Vec<DensityParams>) {
        wanted.dedup();
        let mut unique: Vec<DensityParams> = Vec::new();
        for w in wanted {
            if !unique.contains(&w) {
                unique.push(w);
            }
        }
        self.wanted = unique;
    }

    /// Drop every result (the dataset changed).
    pub fn clear(&mut self) {
        for s in &self.slots {
            if let Some(j) = &s.job {
                j.cancel();
            }
        }
        self.slots.clear();
    }

    pub fn exact(&self, p: &DensityParams) -> Option<&Arc<Analysis>> {
        self.slots
            .iter()
            .find(|s| &s.params == p)
            .and_then(|s| s.result.as_ref())
    }

    /// Exact, else the most recently finished result.
    pub fn latest(&self, p: &DensityParams) -> Option<&Arc<Analysis>> {
        self.exact(p).or_else(|| {
            self.slots
                .iter()
                .filter(|s| s.result.is_some())
                .max_by_key(|s| s.finished)
                .and_then(|s| s.result.as_ref())
        })
    }

    /// Wanted settings without a finished result.
    pub fn pending(&self) -> usize {
        self.wanted
            .iter()
            .filter(|w| self.exact(w).is_none())
            .count()
    }

    /// Collect finished jobs, start jobs for wanted settings, and forget settings no longer
    /// wanted (keeping the newest result for display while new ones compute).
    pub fn poll(&mut self, ctx: Option<&egui::Context>, ds: &Arc<Dataset>) {
        for s in &mut self.slots {
            let Some(done) = s.job.as_ref().and_then(|j| j.poll()) else {
                continue;
            };
            s.job = None;
            if let Some(a) = done {
                self.clock += 1;
                s.result = Some(Arc::new(a));
                s.finished = self.clock;
            }
        }
        for w in self.wanted.clone() {
            if self.slots.iter().any(|s| s.params == w) {
                continue;
            }
            // Reuse a heat raster whose inputs match (e.g. only the classes changed).
            let previous = self
                .slots
                .iter()
                .filter_map(|s| s.result.as_ref()?.heat.clone())
                .find(|h| h.key == w.heat_key());
            self.slots.push(Slot {
                job: Some(AnalysisJob::start(
                    ctx.cloned(),
                    ds.clone(),
                    w.clone(),
                    previous,
                )),
                params: w,
                result: None,
                finished: 0,
            });
        }
        let newest = self
            .slots
            .iter()
            .filter(|s| s.result.is_some())
            .map(|s| s.finished)
            .max();
        let wanted = &self.wanted;
        self.slots.retain(|s| {
            let keep =
                wanted.contains(&s.params) || (s.result.is_some() && Some(s.finished) == newest);
            if !keep && let Some(j) = &s.job {
                j.cancel();
            }
            keep
        });
    }
}
