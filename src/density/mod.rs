//! Attack density in the app, one [`DensityState`] per incident source of the project: the
//! loaded dataset (the synthetic demo or an imported file) with its joins to provinces and
//! districts and its border distances ([`DensityModel`], shared with the CLI), and the
//! analyses its layers ask for, computed on background workers. The UI only reads finished
//! results; the project holds the settings.

pub mod analysis;
pub mod clusters;
pub mod cube_frame;
pub mod cubes;
pub mod dataset;
pub mod heat;
pub mod inspect;
pub mod jobs;
pub mod levels;
mod model;
pub mod params;
pub mod play;
mod slots;
pub mod worker;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

pub use analysis::Analysis;
pub use dataset::{DEMO_NAME, Dataset, Origin, SYNTHETIC_WARNING};
pub use jobs::{ImportFormat, Source};
pub use levels::Levels;
pub use model::{By, DensityModel, DensityQuery, Weight};
pub use params::DensityParams;
pub use slots::DEFER;

use cubes::Cubes;
use jobs::ImportJob;
use play::{Player, next_window};
use slots::AnalysisSlots;

use crate::scene::AtlasData;

/// How the last load of a source ended (for the import dialog and the source list).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOutcome {
    Done(Origin),
    Failed(String),
}

/// One incident source at run time.
pub struct DensityState {
    /// The project source this state loads.
    pub source_id: String,
    /// The density panel's and timeline's working copy of the source's settings; the app
    /// writes changes back into the project.
    pub params: DensityParams,
    pub player: Player,
    /// How the load ended (`None` while loading).
    pub last_import: Option<ImportOutcome>,
    atlas: Arc<AtlasData>,
    data_dir: PathBuf,
    source: Source,
    levels: Option<Arc<Levels>>,
    dataset: Option<Arc<Dataset>>,
    import: Option<ImportJob>,
    analyses: AnalysisSlots,
    /// Time cubes for frames of new date ranges while the analyses compute.
    cubes: Cubes,
}

impl DensityState {
    /// Start loading `source` on a worker. `levels` (border line, admin levels) are reused
    /// when another source already built them.
    pub fn new(
        atlas: Arc<AtlasData>,
        data_dir: PathBuf,
        source_id: &str,
        source: Source,
        levels: Option<Arc<Levels>>,
        ctx: Option<egui::Context>,
    ) -> Self {
        let import = ImportJob::start(
            ctx,
            source.clone(),
            atlas.clone(),
            data_dir.clone(),
            levels.clone(),
        );
        DensityState {
            source_id: source_id.to_owned(),
            params: DensityParams::default(),
            player: Player::default(),
            last_import: None,
            atlas,
            data_dir,
            source,
            levels,
            dataset: None,
            import: Some(import),
            analyses: AnalysisSlots::default(),
            cubes: Cubes::default(),
        }
    }

    /// What this state loads (the session reloads when the project's source changes).
    pub fn source(&self) -> &Source {
        &self.source
    }

    pub fn cancel_import(&mut self) {
        if let Some(job) = &self.import {
            job.cancel();
        }
    }

    /// A load in progress: (fraction of the file read, still reading).
    pub fn import_progress(&self) -> Option<(f32, bool)> {
        let job = self.import.as_ref()?;
        let reading = job.stage.load(Ordering::Relaxed) == jobs::STAGE_READING;
        Some((job.progress.fraction(), reading))
    }

    pub fn dataset(&self) -> Option<&Arc<Dataset>> {
        self.dataset.as_ref()
    }

    /// The analysis of the panel's settings (or the last one finished while it computes).
    pub fn analysis(&self) -> Option<&Arc<Analysis>> {
        self.analyses.latest(&self.params)
    }

    /// The analysis for `params` exactly, once finished.
    pub fn analysis_for(&self, params: &DensityParams) -> Option<&Arc<Analysis>> {
        self.analyses.exact(params)
    }

    /// The analysis to draw for `params`: exact when finished, else a frame from the time cube
    /// (only the date range changed), else the last one finished (so the map does not flash
    /// while a new one computes).
    pub fn latest_for(&self, params: &DensityParams) -> Option<&Arc<Analysis>> {
        self.analyses.latest(params)
    }

    /// Analyses computing on workers now (a range drawn from the time cube waits
    /// [`DEFER`] before its own starts).
    pub fn analyses_running(&self) -> usize {
        self.analyses.running()
    }

    /// A time cube for `params`' selection is being built.
    pub fn building_cube(&self) -> bool {
        self.cubes.building()
    }

    /// The time cube for `params`' selection, weighting, bandwidth and bucket, once built.
    pub fn cube_for(&self, params: &DensityParams) -> Option<&Arc<atlas_core::analysis::TimeCube>> {
        self.cubes.get(params)
    }

    pub fn levels(&self) -> Option<&Arc<Levels>> {
        self.levels.as_ref()
    }

    /// The loaded dataset is the bundled synthetic demo.
    pub fn synthetic(&self) -> bool {
        self.dataset.as_ref().is_some_and(|d| d.synthetic())
    }

    /// The data directory the demo comes from.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Work not finished yet: the load, or analyses of the wanted settings.
    pub fn pending(&self) -> usize {
        usize::from(self.import.is_some())
            + if self.dataset.is_some() {
                self.analyses.pending()
            } else {
                0
            }
    }

    /// The settings whose analyses are needed (every layer's, and the panel's).
    pub fn set_wanted(&mut self, wanted: Vec<DensityParams>) {
        self.analyses.set_wanted(wanted);
    }

    /// Once per frame: collect finished work and start what the wanted settings need.
    /// Cheap when nothing changed.
    pub fn poll(&mut self, ctx: Option<&egui::Context>, atlas: &Arc<AtlasData>) {
        if !Arc::ptr_eq(&atlas.gazetteer, &self.atlas.gazetteer) {
            // New gazetteer: placements must be redone.
            self.levels = None;
            self.import = Some(ImportJob::start(
                ctx.cloned(),
                self.source.clone(),
                atlas.clone(),
                self.data_dir.clone(),
                None,
            ));
        }
        self.atlas = atlas.clone();
        self.collect_import();
        if self.import.is_none()
            && let Some(ds) = &self.dataset
        {
            // Cubes only for a window (a context): headless runs (CLI, export) draw each set
            // of settings once and would only pay for the build.
            if ctx.is_some() {
                self.cubes.poll(ctx, ds, self.analyses.wanted());
            }
            self.analyses.poll(ctx, ds, &self.cubes);
        }
        if let Some(ctx) = ctx
            && self.pending() > 0
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
    }

    fn collect_import(&mut self) {
        let Some(result) = self.import.as_ref().and_then(|j| j.poll()) else {
            return;
        };
        self.import = None;
        match result {
            Ok(loaded) => {
                self.last_import = Some(ImportOutcome::Done(loaded.dataset.origin.clone()));
                self.levels = Some(loaded.levels);
                self.dataset = Some(loaded.dataset);
                self.analyses.clear();
                self.cubes.clear();
                self.player.playing = false;
            }
            Err(message) => {
                log::warn!("incident load: {message}");
                self.last_import = Some(ImportOutcome::Failed(message));
            }
        }
    }

    /// Toggle play / pause.
    pub fn toggle_play(&mut self, now: f64) {
        self.player.playing = !self.player.playing;
        if self.player.playing {
            self.step_time();
            self.player.last_step = now;
        }
    }

    /// Move the date range one week / month on (see [`play::next_window`]).
    pub fn step_time(&mut self) {
        let Some(span) = self.dataset.as_ref().and_then(|d| d.span) else {
            return;
        };
        let f = &mut self.params.query.filter;
        let (from, to) = next_window(span, f.from, f.to, self.params.bucket);
        f.from = Some(from);
        f.to = Some(to);
    }

    /// While playing: step once the current frame is shown (the analysis, or its frame from
    /// the time cube) and the step time has passed.
    pub fn step_player(&mut self, ctx: &egui::Context) {
        if !self.player.playing {
            return;
        }
        let now = ctx.input(|i| i.time);
        let shown = self.analyses.shown(&self.params);
        if shown && now - self.player.last_step >= self.player.interval() {
            self.step_time();
            self.player.last_step = now;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
}
