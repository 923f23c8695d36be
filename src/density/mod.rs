//! Attack density in the app: the loaded incident dataset (the synthetic demo by default, or
//! an imported file) with its joins to provinces and districts and its border distances
//! ([`DensityModel`], shared with the CLI), the user's settings, and the background workers
//! that import files and compute the analysis. The UI only reads finished results.

pub mod analysis;
pub mod clusters;
pub mod dataset;
pub mod heat;
pub mod inspect;
pub mod jobs;
pub mod levels;
mod model;
pub mod params;
pub mod play;
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

use jobs::{AnalysisJob, ImportJob};
use play::{Player, STEP_SECONDS, next_window};

use crate::scene::AtlasData;
use crate::state::{LayerId, LayerSettings};

/// The density layers, bottom first.
pub const DENSITY_LAYERS: [LayerId; 3] =
    [LayerId::Choropleth, LayerId::Heatmap, LayerId::Incidents];

/// How the last user import ended (for the import dialog).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOutcome {
    Done(Origin),
    Failed(String),
}

/// The heat raster uploaded as a texture.
struct HeatTexture {
    heat: Arc<heat::Heat>,
    dark: bool,
    handle: egui::TextureHandle,
}

/// What the map layers need for one frame.
pub struct MapDensity<'a> {
    pub dataset: &'a Dataset,
    pub analysis: &'a Analysis,
    pub levels: &'a Levels,
    /// Heat texture and the world box it covers.
    pub heat: Option<(egui::TextureId, [f64; 4])>,
}

/// Density state owned by the app.
pub struct DensityState {
    pub params: DensityParams,
    pub player: Player,
    /// How the last user import ended.
    pub last_import: Option<ImportOutcome>,
    atlas: Arc<AtlasData>,
    data_dir: PathBuf,
    source: Source,
    levels: Option<Arc<Levels>>,
    dataset: Option<Arc<Dataset>>,
    analysis: Option<Arc<Analysis>>,
    import: Option<ImportJob>,
    job: Option<AnalysisJob>,
    texture: Option<HeatTexture>,
}

impl DensityState {
    /// Start with the synthetic demo (loaded on a worker) from `data_dir`.
    pub fn new(atlas: Arc<AtlasData>, data_dir: PathBuf) -> Self {
        let source = Source::Demo {
            data_dir: data_dir.clone(),
        };
        let mut s = DensityState {
            params: DensityParams::default(),
            player: Player::default(),
            last_import: None,
            atlas,
            data_dir,
            source: source.clone(),
            levels: None,
            dataset: None,
            analysis: None,
            import: None,
            job: None,
            texture: None,
        };
        s.load(None, source);
        s
    }

    fn load(&mut self, ctx: Option<egui::Context>, source: Source) {
        if let Some(old) = self.import.take() {
            old.cancel();
        }
        self.import = Some(ImportJob::start(
            ctx,
            source,
            self.atlas.clone(),
            self.data_dir.clone(),
            self.levels.clone(),
        ));
    }

    /// Import a file on a worker; when done it replaces the current dataset (the demo).
    pub fn start_import(&mut self, ctx: &egui::Context, path: PathBuf, format: ImportFormat) {
        self.last_import = None;
        self.load(Some(ctx.clone()), Source::File { path, format });
    }

    /// Go back to the synthetic demo.
    pub fn load_demo(&mut self, ctx: &egui::Context) {
        let source = Source::Demo {
            data_dir: self.data_dir.clone(),
        };
        self.load(Some(ctx.clone()), source);
    }

    pub fn cancel_import(&mut self) {
        if let Some(job) = &self.import {
            job.cancel();
        }
    }

    /// A user import in progress: (fraction of the file read, still reading).
    pub fn import_progress(&self) -> Option<(f32, bool)> {
        let job = self.import.as_ref().filter(|j| !j.demo)?;
        let reading = job.stage.load(Ordering::Relaxed) == jobs::STAGE_READING;
        Some((job.progress.fraction(), reading))
    }

    pub fn dataset(&self) -> Option<&Arc<Dataset>> {
        self.dataset.as_ref()
    }

    pub fn analysis(&self) -> Option<&Arc<Analysis>> {
        self.analysis.as_ref()
    }

    pub fn levels(&self) -> Option<&Arc<Levels>> {
        self.levels.as_ref()
    }

    /// Name of the loaded dataset ("Synthetic demo" or the file name).
    pub fn dataset_name(&self) -> Option<&str> {
        self.dataset.as_ref().map(|d| d.origin.name.as_str())
    }

    /// The loaded dataset is the bundled synthetic demo.
    pub fn synthetic(&self) -> bool {
        self.dataset.as_ref().is_some_and(|d| d.synthetic())
    }

    /// The data directory the demo comes from.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Synthetic data is loaded and a density layer shows it (exports add a watermark).
    pub fn synthetic_visible(&self, layers: &LayerSettings) -> bool {
        self.dataset.as_ref().is_some_and(|d| d.synthetic())
            && DENSITY_LAYERS.iter().any(|id| layers.shown(*id))
    }

    /// Work not finished yet: a load, an analysis, or settings not analysed yet.
    pub fn pending(&self) -> usize {
        let stale = self.dataset.is_some()
            && self
                .analysis
                .as_ref()
                .is_none_or(|a| a.params != self.params);
        usize::from(self.import.is_some()) + usize::from(self.job.is_some()) + usize::from(stale)
    }

    /// Once per frame: collect finished work, start what the settings need, step the player,
    /// keep the heat texture current. Cheap when nothing changed.
    pub fn poll(&mut self, ctx: &egui::Context, atlas: &Arc<AtlasData>, dark: bool) {
        if !Arc::ptr_eq(atlas, &self.atlas) {
            // New gazetteer: placements must be redone.
            self.atlas = atlas.clone();
            self.levels = None;
            self.load(Some(ctx.clone()), self.source.clone());
        }
        self.collect_import();
        self.collect_analysis();
        self.step_player(ctx);
        self.start_analysis_if_needed(ctx);
        self.update_texture(ctx, dark);
        if self.import.is_some() || self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
    }

    fn collect_import(&mut self) {
        let Some(result) = self.import.as_ref().and_then(|j| j.poll()) else {
            return;
        };
        let Some(job) = self.import.take() else {
            return;
        };
        let demo = job.demo;
        match result {
            Ok(loaded) => {
                self.source = job.source;
                if !demo {
                    self.last_import = Some(ImportOutcome::Done(loaded.dataset.origin.clone()));
                }
                self.levels = Some(loaded.levels);
                self.dataset = Some(loaded.dataset);
                self.analysis = None;
                if let Some(old) = self.job.take() {
                    old.cancel();
                }
                self.texture = None;
                self.player.playing = false;
                let f = &mut self.params.query.filter;
                f.from = None;
                f.to = None;
                f.actors.clear();
                f.event_types.clear();
            }
            Err(message) => {
                log::warn!("density import: {message}");
                self.last_import = Some(ImportOutcome::Failed(message));
            }
        }
    }

    fn collect_analysis(&mut self) {
        let Some(result) = self.job.as_ref().and_then(|j| j.poll()) else {
            return;
        };
        self.job = None;
        if let Some(a) = result {
            self.analysis = Some(Arc::new(a));
        }
    }

    fn start_analysis_if_needed(&mut self, ctx: &egui::Context) {
        if self.import.is_some() {
            return;
        }
        let Some(ds) = &self.dataset else {
            return;
        };
        if let Some(job) = &self.job {
            if job.params != self.params {
                // Superseded: stop it at its next step; the next poll starts the new one.
                job.cancel();
            }
            return;
        }
        if self
            .analysis
            .as_ref()
            .is_some_and(|a| a.params == self.params)
        {
            return;
        }
        let previous = self.analysis.as_ref().and_then(|a| a.heat.clone());
        self.job = Some(AnalysisJob::start(
            Some(ctx.clone()),
            ds.clone(),
            self.params.clone(),
            previous,
        ));
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

    fn step_player(&mut self, ctx: &egui::Context) {
        if !self.player.playing {
            return;
        }
        let now = ctx.input(|i| i.time);
        // Wait for the current step's analysis before moving on.
        let shown = self
            .analysis
            .as_ref()
            .is_some_and(|a| a.params == self.params);
        if shown && now - self.player.last_step >= STEP_SECONDS {
            self.step_time();
            self.player.last_step = now;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }

    fn update_texture(&mut self, ctx: &egui::Context, dark: bool) {
        let Some(heat) = self.analysis.as_ref().and_then(|a| a.heat.clone()) else {
            self.texture = None;
            return;
        };
        if self
            .texture
            .as_ref()
            .is_some_and(|t| Arc::ptr_eq(&t.heat, &heat) && t.dark == dark)
        {
            return;
        }
        let pixels = heat::heat_pixels(&heat, dark)
            .into_iter()
            .map(|[r, g, b, a]| egui::Color32::from_rgba_unmultiplied(r, g, b, a))
            .collect();
        let image = egui::ColorImage::new([heat.width, heat.height], pixels);
        let options = egui::TextureOptions::LINEAR;
        match &mut self.texture {
            Some(t) => {
                t.handle.set(image, options);
                t.heat = heat;
                t.dark = dark;
            }
            None => {
                let handle = ctx.load_texture("density-heatmap", image, options);
                self.texture = Some(HeatTexture { heat, dark, handle });
            }
        }
    }

    /// What the map layers draw this frame (`None` until the first analysis is ready).
    pub fn map_view(&self) -> Option<MapDensity<'_>> {
        let analysis = self.analysis.as_ref()?;
        Some(MapDensity {
            dataset: self.dataset.as_ref()?,
            analysis,
            levels: self.levels.as_ref()?,
            heat: self
                .texture
                .as_ref()
                .filter(|t| {
                    analysis
                        .heat
                        .as_ref()
                        .is_some_and(|h| Arc::ptr_eq(h, &t.heat))
                })
                .map(|t| (t.handle.id(), t.heat.world)),
        })
    }
}
