//! What a project needs at run time and never saves: its sources loaded (keyed by source id),
//! the analyses its incident layers ask for, and the background workers doing the loading.
//! [`Session::sync`] makes the loaded state follow the project; [`Session::scene`] hands the
//! renderer a snapshot.

mod bands;
mod load;
mod problems;
pub mod scene;
pub mod sources;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use atlas_core::project::{LayerKind, Project, SourceKind, resolve_file};
use atlas_core::report::CampPoint;

pub use problems::SourceProblem;
pub use scene::{ReadText, Scene};

use crate::density::{DensityState, ImportOutcome};
use crate::scene::AtlasData;
use load::Load;
use sources::{findings_files, incident_source, key_of, layer_params};

/// The loaded state of a project.
pub struct Session {
    data_dir: PathBuf,
    /// Reference data with the bundled report.
    base: Arc<AtlasData>,
    /// Reference data with the project's report.
    atlas: Arc<AtlasData>,
    findings: Option<Load<AtlasData>>,
    /// Incident sources by id.
    pub datasets: BTreeMap<String, DensityState>,
    keys: BTreeMap<String, String>,
    camps: BTreeMap<String, Load<Vec<CampPoint>>>,
    texts: BTreeMap<String, Load<ReadText>>,
    bands: bands::Bands,
}

impl Session {
    /// The loaded incident datasets, by source id.
    pub fn incident_stores(&self) -> Vec<(String, Arc<crate::density::Dataset>)> {
        self.datasets
            .iter()
            .filter_map(|(id, d)| Some((id.clone(), d.dataset()?.clone())))
            .collect()
    }

    pub fn new(base: Arc<AtlasData>, data_dir: PathBuf) -> Self {
        Session {
            data_dir,
            atlas: base.clone(),
            base,
            findings: None,
            datasets: BTreeMap::new(),
            keys: BTreeMap::new(),
            camps: BTreeMap::new(),
            texts: BTreeMap::new(),
            bands: bands::Bands::default(),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The reference data with the project's report.
    pub fn atlas(&self) -> &Arc<AtlasData> {
        &self.atlas
    }

    /// Start, restart or drop loads so they match the project's sources, collect finished
    /// work, and start the analyses the incident layers need. Once per frame; cheap when
    /// nothing changed.
    pub fn sync(&mut self, project: &Project, ctx: Option<&egui::Context>) {
        self.sync_findings(project, ctx);
        let live: Vec<&str> = project.sources.iter().map(|s| s.id.as_str()).collect();
        self.datasets.retain(|id, _| live.contains(&id.as_str()));
        self.camps.retain(|id, _| live.contains(&id.as_str()));
        self.texts.retain(|id, _| live.contains(&id.as_str()));
        self.keys.retain(|id, _| live.contains(&id.as_str()));
        for s in &project.sources {
            let key = key_of(s);
            let changed = self.keys.get(&s.id) != Some(&key);
            if changed {
                self.keys.insert(s.id.clone(), key.clone());
                self.datasets.remove(&s.id);
                self.camps.remove(&s.id);
                self.texts.remove(&s.id);
            }
            match &s.kind {
                SourceKind::Incidents { file, format, .. } if changed => {
                    let levels = self.datasets.values().find_map(|d| d.levels().cloned());
                    let state = match incident_source(file, format, &self.data_dir) {
                        Ok(src) => DensityState::new(
                            self.atlas.clone(),
                            self.data_dir.clone(),
                            &s.id,
                            src,
                            levels,
                            ctx.cloned(),
                        ),
                        Err(e) => {
                            log::warn!("{}: {e}", s.id);
                            continue;
                        }
                    };
                    self.datasets.insert(s.id.clone(), state);
                }
                SourceKind::CampPoints { file } if changed => {
                    let path = resolve_file(file, &self.data_dir);
                    let load = Load::start(key, ctx, move || sources::load_camps(path));
                    self.camps.insert(s.id.clone(), load);
                }
                SourceKind::ReportText { file, text } if changed => {
                    let path = file.as_ref().map(|f| resolve_file(f, &self.data_dir));
                    let (atlas, text) = (self.atlas.clone(), text.clone());
                    let load =
                        Load::start(key, ctx, move || sources::load_text(&atlas, path, text));
                    self.texts.insert(s.id.clone(), load);
                }
                _ => {}
            }
        }
        self.sync_analyses(project, ctx);
        self.sync_bands(project, ctx);
        self.camps.values_mut().for_each(Load::poll);
        self.texts.values_mut().for_each(Load::poll);
        if let Some(ctx) = ctx
            && self.pending() > 0
        {
            ctx.request_repaint_after(Duration::from_millis(30));
        }
    }

    /// The project's report: the bundled one, or its findings source loaded on a worker.
    fn sync_findings(&mut self, project: &Project, ctx: Option<&egui::Context>) {
        let def = project
            .sources
            .iter()
            .find(|s| matches!(s.kind, SourceKind::Findings { .. }));
        let files = def.and_then(|d| findings_files(d, &self.data_dir));
        let key = format!("{files:?}");
        let Some(files) = files else {
            if self.findings.take().is_some() || !Arc::ptr_eq(&self.atlas, &self.base) {
                self.atlas = self.base.clone();
            }
            return;
        };
        if self.findings.as_ref().map(|f| &f.key) != Some(&key) {
            let base = self.base.clone();
            self.findings = Some(Load::start(key, ctx, move || {
                sources::load_findings(&base, files)
            }));
        }
        if let Some(f) = &mut self.findings {
            f.poll();
            if let Some(v) = f.value().filter(|v| !Arc::ptr_eq(v, &self.atlas)) {
                self.atlas = v.clone();
            }
        }
    }

    fn sync_analyses(&mut self, project: &Project, ctx: Option<&egui::Context>) {
        for (id, state) in &mut self.datasets {
            let border_km = border_km(project, id);
            let mut wanted: Vec<_> = project
                .layers_of_source(id)
                .filter(|l| l.kind.is_density() && l.style.shown())
                .map(|l| layer_params(l, border_km))
                .collect();
            wanted.push(state.params.clone());
            state.set_wanted(wanted);
            state.poll(ctx, &self.atlas);
        }
    }

    /// Reset each dataset's panel settings from the project (before the panels draw).
    pub fn load_panel_params(&mut self, project: &Project) {
        for (id, state) in &mut self.datasets {
            if let Some(p) = panel_params(project, id) {
                state.params = p;
            }
        }
    }

    /// Loads and analyses not finished.
    pub fn pending(&self) -> usize {
        self.datasets
            .values()
            .map(DensityState::pending)
            .sum::<usize>()
            + self.camps.values().filter(|l| l.pending()).count()
            + self.texts.values().filter(|l| l.pending()).count()
            + usize::from(self.findings.as_ref().is_some_and(Load::pending))
            + self.bands.pending()
    }

    /// The bands of the shown border-band layers, for their sources' border distance.
    fn sync_bands(&mut self, project: &Project, ctx: Option<&egui::Context>) {
        let wanted = project
            .layers
            .iter()
            .filter(|l| l.kind == LayerKind::BorderBand && l.style.shown())
            .filter_map(|l| {
                let id = l.source.as_ref()?;
                let levels = self.datasets.get(id)?.levels()?.clone();
                Some((id.clone(), border_km(project, id), levels))
            })
            .collect();
        self.bands.sync(wanted, ctx);
    }

    /// Sync until everything is loaded (headless use: the CLI, tests), at most `timeout`.
    pub fn wait(&mut self, project: &Project, timeout: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            self.sync(project, None);
            if self.pending() == 0 {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(format!(
                    "loading the project's data took longer than {timeout:?}"
                ));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// What the project's layers draw, as of now.
    pub fn scene(&self, project: &Project) -> Scene {
        let mut s = Scene::bare(self.atlas.clone());
        for (id, state) in &self.datasets {
            let Some(ds) = state.dataset() else { continue };
            s.datasets.insert(id.clone(), ds.clone());
            if s.levels.is_none() {
                s.levels = state.levels().cloned();
            }
            let border_km = border_km(project, id);
            for l in project.layers_of_source(id).filter(|l| l.kind.is_density()) {
                if let Some(a) = state.latest_for(&layer_params(l, border_km)) {
                    s.analyses.insert(l.id.clone(), a.clone());
                }
            }
        }
        for (id, l) in &self.camps {
            if let Some(v) = l.value() {
                s.camp_points.insert(id.clone(), v.clone());
            }
        }
        for id in project.sources.iter().map(|s| &s.id) {
            if let Some(b) = self.bands.get(id) {
                s.bands.insert(id.clone(), b.clone());
            }
        }
        for (id, l) in &self.texts {
            if let Some(v) = l.value() {
                s.texts.insert(id.clone(), v.clone());
            }
        }
        s
    }

    /// Sources that failed to load (missing files first), for the window's "Locate…" list and
    /// the CLI's errors.
    pub fn problems(&self, project: &Project) -> Vec<SourceProblem> {
        problems::collect(self, project)
    }

    /// Why a source failed to load, if it did.
    fn load_error(&self, def: &atlas_core::project::SourceDef) -> Option<String> {
        let id = def.id.as_str();
        match def.kind {
            SourceKind::Incidents { .. } => match self.datasets.get(id)?.last_import.as_ref()? {
                ImportOutcome::Failed(e) => Some(e.clone()),
                ImportOutcome::Done(_) => None,
            },
            SourceKind::CampPoints { .. } => self.camps.get(id)?.error().map(str::to_owned),
            SourceKind::ReportText { .. } => self.texts.get(id)?.error().map(str::to_owned),
            SourceKind::Findings { .. } => self.findings.as_ref()?.error().map(str::to_owned),
        }
    }
}

fn border_km(project: &Project, source: &str) -> f64 {
    match project.source(source).map(|s| &s.kind) {
        Some(SourceKind::Incidents { border_km, .. }) => *border_km,
        _ => 50.0,
    }
}

/// The settings the density panel shows for a source: its heatmap's, else its first incident
/// layer's.
pub fn panel_params(project: &Project, source: &str) -> Option<crate::density::DensityParams> {
    let layers: Vec<_> = project
        .layers_of_source(source)
        .filter(|l| l.kind.is_density())
        .collect();
    let l = layers
        .iter()
        .find(|l| l.kind == atlas_core::project::LayerKind::Heatmap)
        .or(layers.first())?;
    Some(layer_params(l, border_km(project, source)))
}
