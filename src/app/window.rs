//! The native window: eframe with persistence (recent projects, window size, light/dark
//! default, the cursor's coordinate form), the recovery file in the platform data directory, and quitting cleanly.

use std::path::PathBuf;
use std::sync::Arc;

use atlas_core::project::BasemapSpec;

use super::frame_log;
use super::prompt::Prompt;
use super::{AtlasApp, Document, recovery};
use crate::scene::AtlasData;

const APP_ID: &str = "Frontier Atlas";
const KEY_RECENT: &str = "recent_projects";
const KEY_DARK: &str = "dark_basemap";
const KEY_CONSENT: &str = "online_basemap_hosts";
const KEY_COORDS: &str = "coordinate_format";

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if !frame_log::enabled() {
            AtlasApp::ui(self, ui);
            return;
        }
        let start = std::time::Instant::now();
        AtlasApp::ui(self, ui);
        let update = start.elapsed().as_secs_f32();
        let range = self.active_density().map_or((None, None), |d| {
            (d.params.query.filter.from, d.params.query.filter.to)
        });
        if let Some(report) = self.frame_log.frame(frame.info().cpu_usage, update, range) {
            eprintln!("{report}");
        }
        ui.ctx().request_repaint();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY_RECENT, &self.recent);
        eframe::set_value(storage, KEY_DARK, &self.doc.project.basemap.is_dark());
        eframe::set_value(storage, KEY_CONSENT, &self.online_consent);
        eframe::set_value(storage, KEY_COORDS, &self.tools.coord_format);
    }

    fn on_exit(&mut self) {
        if self.quit {
            self.recovery.clear();
        }
    }
}

impl AtlasApp {
    /// The settings [`eframe::App::save`] remembered: recent projects, the dark basemap, the
    /// cursor's coordinate form.
    pub fn restore_settings(&mut self, storage: &dyn eframe::Storage) {
        self.recent = eframe::get_value(storage, KEY_RECENT).unwrap_or_default();
        self.tools.coord_format = eframe::get_value(storage, KEY_COORDS).unwrap_or_default();
        self.online_consent = eframe::get_value(storage, KEY_CONSENT).unwrap_or_default();
        if eframe::get_value::<bool>(storage, KEY_DARK).unwrap_or(false) {
            self.doc.project.basemap = BasemapSpec::Builtin { dark: true };
        }
    }
}

/// What to open the window with.
#[derive(Debug, Default)]
pub struct Start {
    /// A project file to open.
    pub project: Option<PathBuf>,
    /// An incident file to import at once (into the default project).
    pub import: Option<PathBuf>,
}

/// Open the window on `data` (loaded from `data_dir`).
pub fn run_window(data: AtlasData, data_dir: PathBuf, start: Start) -> eframe::Result {
    for d in &data.diagnostics {
        eprintln!("warning: {d}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1600.0, 1000.0])
            .with_title("Frontier Atlas")
            .with_app_id("frontier-atlas"),
        persist_window: true,
        wgpu_options: super::gpu::wgpu_options(),
        ..Default::default()
    };
    let data = Arc::new(data);
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(build(cc, data, data_dir, start)))),
    )
}

fn build(
    cc: &eframe::CreationContext<'_>,
    data: Arc<AtlasData>,
    data_dir: PathBuf,
    start: Start,
) -> AtlasApp {
    crate::ui::fonts::install_fonts(&cc.egui_ctx);
    let mut app = AtlasApp::with_data_dir(data, data_dir);
    if let Some(storage) = cc.storage {
        app.restore_settings(storage);
    }
    let dir = eframe::storage_dir(APP_ID);
    if let Some((project, meta)) = dir.as_deref().and_then(recovery::pending) {
        app.prompt = Some(Prompt::Recover {
            project: Box::new(project),
            original: meta.original,
            written: meta.written,
        });
    }
    app.recovery = recovery::Recovery::new(dir);
    if let Some(p) = &start.project {
        match Document::open(p) {
            Ok(doc) => app.set_document(doc),
            Err(e) => app.prompt = Some(Prompt::Error(e.to_string())),
        }
    }
    if let Some(path) = start.import {
        app.import.open_and_import(&path);
    }
    app
}
