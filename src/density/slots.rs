//! The analyses one dataset's layers ask for: one slot per distinct set of settings, each
//! with its finished result, its running job, and meanwhile a frame from the time cube when
//! only the date range changed. Layers with equal settings share a slot.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::analysis::Analysis;
use super::cube_frame::cube_frame;
use super::cubes::{Cubes, cube_key};
use super::dataset::Dataset;
use super::jobs::AnalysisJob;
use super::params::DensityParams;

struct Slot {
    params: DensityParams,
    result: Option<Arc<Analysis>>,
    job: Option<AnalysisJob>,
    /// Made from the time cube while the job runs (dropped when the result arrives).
    frame: Option<Arc<Analysis>>,
    /// With a frame from the cube on screen, the job waits until then: a range that stays
    /// for [`DEFER`] gets its exact analysis, while playback and slider drags (a new range
    /// every few frames) do not start one job per range only to cancel it.
    due: Option<Instant>,
    /// When the result arrived (for "the last one finished").
    finished: u64,
}

/// How long a range drawn from the time cube waits for its exact analysis (playing at the
/// fastest speed steps every 0.2 s).
pub const DEFER: Duration = Duration::from_millis(250);

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

    /// The wanted settings (deduplicated).
    pub fn wanted(&self) -> &[DensityParams] {
        &self.wanted
    }

    /// Exact, else a frame from the time cube for `p`.
    fn exact_or_frame(&self, p: &DensityParams) -> Option<&Arc<Analysis>> {
        let slot = self.slots.iter().find(|s| &s.params == p)?;
        slot.result.as_ref().or(slot.frame.as_ref())
    }

    /// Something made for `p` itself can be drawn: the result, or a frame from the cube.
    pub fn shown(&self, p: &DensityParams) -> bool {
        self.exact_or_frame(p).is_some()
    }

    /// Exact, else a frame from the time cube, else the most recently finished result.
    pub fn latest(&self, p: &DensityParams) -> Option<&Arc<Analysis>> {
        self.exact_or_frame(p).or_else(|| {
            self.slots
                .iter()
                .filter(|s| s.result.is_some())
                .max_by_key(|s| s.finished)
                .and_then(|s| s.result.as_ref())
        })
    }

    /// Worker jobs running (not those deferred while a cube frame shows).
    pub fn running(&self) -> usize {
        self.slots.iter().filter(|s| s.job.is_some()).count()
    }

    /// Wanted settings without a finished result.
    pub fn pending(&self) -> usize {
        self.wanted
            .iter()
            .filter(|w| self.exact(w).is_none())
            .count()
    }

    /// A frame for `p` from its time cube, lent the rest by the newest result of the same
    /// cube inputs; `None` without either or for a range that is not whole bins.
    fn frame(&self, ds: &Dataset, cubes: &Cubes, p: &DensityParams) -> Option<Arc<Analysis>> {
        let cube = cubes.get(p)?;
        let key = cube_key(p);
        let base = self
            .slots
            .iter()
            .filter(|s| s.result.is_some() && cube_key(&s.params) == key)
            .max_by_key(|s| s.finished)?
            .result
            .as_ref()?;
        // Comparable frames: one colour-scale top for every frame of this length.
        let top = (!p.rescale_per_frame)
            .then(|| {
                let w = cube.window(p.query.filter.from, p.query.filter.to)?;
                cubes.frames_peak(p, w.end - w.first)
            })
            .flatten();
        cube_frame(ds, cube, p, base, top).map(Arc::new)
    }

    /// The worker job for `w`, reusing a heat raster whose inputs match (e.g. only the
    /// classes changed), or the cube frame's: the same density to f32 rounding.
    fn start_job(
        &self,
        ctx: Option<&egui::Context>,
        ds: &Arc<Dataset>,
        w: &DensityParams,
        frame: Option<&Arc<Analysis>>,
    ) -> AnalysisJob {
        let previous = self
            .slots
            .iter()
            .filter_map(|s| s.result.as_ref()?.heat.clone())
            .find(|h| h.key == w.heat_key())
            .or_else(|| frame?.heat.clone());
        AnalysisJob::start(ctx.cloned(), ds.clone(), w.clone(), previous)
    }

    /// Collect finished jobs, start jobs for wanted settings (with a frame from the time cube
    /// meanwhile, when there is one), and forget settings no longer wanted (keeping the newest
    /// result for display while new ones compute).
    pub fn poll(&mut self, ctx: Option<&egui::Context>, ds: &Arc<Dataset>, cubes: &Cubes) {
        for s in &mut self.slots {
            let Some(done) = s.job.as_ref().and_then(|j| j.poll()) else {
                continue;
            };
            s.job = None;
            if let Some(a) = done {
                self.clock += 1;
                s.result = Some(Arc::new(a));
                s.frame = None;
                s.finished = self.clock;
            }
        }
        // A cube finished while these computed.
        for k in 0..self.slots.len() {
            let s = &self.slots[k];
            if s.result.is_none() && s.frame.is_none() && s.job.is_some() {
                let frame = self.frame(ds, cubes, &s.params);
                self.slots[k].frame = frame;
            }
        }
        let now = Instant::now();
        for k in 0..self.slots.len() {
            if self.slots[k].due.is_some_and(|t| t <= now) {
                let (params, frame) = (self.slots[k].params.clone(), self.slots[k].frame.clone());
                self.slots[k].due = None;
                self.slots[k].job = Some(self.start_job(ctx, ds, &params, frame.as_ref()));
            }
        }
        for w in self.wanted.clone() {
            if self.slots.iter().any(|s| s.params == w) {
                continue;
            }
            let frame = self.frame(ds, cubes, &w);
            // Only a window builds cubes; without one every job starts at once.
            let defer = frame.is_some() && ctx.is_some();
            let job = (!defer).then(|| self.start_job(ctx, ds, &w, frame.as_ref()));
            self.slots.push(Slot {
                job,
                due: defer.then(|| now + DEFER),
                params: w,
                result: None,
                frame,
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
