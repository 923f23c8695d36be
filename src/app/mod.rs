//! The application: the open project (a [`Document`]), its [`Session`] of loaded data, and
//! the panels, dialogs and map around it — shared by the window and the UI tests. Panels
//! change the project through [`Edit`]s; the map, the export preview and saved exports all
//! draw the project through the same renderer.

mod actions;
mod annotate;
mod annotate_draw;
mod basemap;
pub mod document;
pub mod files;
pub mod frame_log;
mod gpu;
mod panels;
mod prompt;
pub mod recovery;
mod search_pick;
mod sources;
pub mod startup;
pub mod tools;
mod window;

use std::path::PathBuf;
use std::sync::Arc;

use atlas_core::project::{Edit, Project};

pub use document::Document;
pub use files::{FilePicker, NativePicker, Pick, ScriptedPicker};
pub use prompt::Prompt;
pub use window::{Start, run_window};

use crate::map::{BasemapTiles, HeatTextures};
use crate::scene::AtlasData;
use crate::session::Session;
use crate::state::ViewState;
use crate::ui;
use crate::ui::menu::Action;

/// Application state. `ui()` draws one frame into any egui `Ui` (eframe window or harness).
pub struct AtlasApp {
    pub doc: Document,
    pub session: Session,
    pub view: ViewState,
    pub textures: HeatTextures,
    tiles: Option<BasemapTiles>,
    /// Where the map was drawn last frame.
    map_rect: Option<egui::Rect>,
    startup: startup::StartupLog,
    frame_log: frame_log::FrameLog,
    pub reader: ui::report_reader::ReportReader,
    pub export: ui::export_dialog::ExportDialog,
    pub import: ui::import_dialog::ImportDialog,
    pub views_panel: ui::views_panel::ViewsPanel,
    /// The incident source the density panel and the timeline show.
    pub active_dataset: Option<String>,
    /// File dialogs (native in the window; scripted in tests).
    pub picker: Arc<dyn FilePicker>,
    picking: Option<files::Picking>,
    /// A question waiting for an answer (unsaved changes, recovery, errors).
    pub prompt: Option<Prompt>,
    /// Recent project files, newest first.
    pub recent: Vec<PathBuf>,
    pub recovery: recovery::Recovery,
    /// Help windows.
    pub show_shortcuts: bool,
    pub show_about: bool,
    /// The window asked to close and the user agreed (or nothing was unsaved).
    pub quit: bool,
    title: String,
    /// The basemap the tiles were last set to, and why the last change failed.
    applied_basemap: Option<atlas_core::project::BasemapSpec>,
    pub basemap_error: Option<String>,
    /// Tile servers the user agreed to send requests to (remembered across runs).
    pub online_consent: std::collections::BTreeSet<String>,
    pub custom_server: ui::basemap_menu::CustomServer,
    /// Search, coordinate form, go to and measure (window-only).
    pub tools: tools::Tools,
    /// Drawing and editing annotations (window-only).
    pub annotate: annotate::Annotate,
}

impl AtlasApp {
    /// The app on `data` with the default project (the bundled report and synthetic demo).
    pub fn new(data: Arc<AtlasData>) -> Self {
        Self::with_data_dir(data, AtlasData::default_dir())
    }

    /// The default project, with data and the demo from `data_dir`.
    pub fn with_data_dir(data: Arc<AtlasData>, data_dir: PathBuf) -> Self {
        Self::with_document(data, data_dir, Document::new(Project::default()))
    }

    /// The app on an open document.
    pub fn with_document(data: Arc<AtlasData>, data_dir: PathBuf, doc: Document) -> Self {
        AtlasApp {
            doc,
            session: Session::new(data, data_dir),
            view: ViewState::default(),
            textures: HeatTextures::default(),
            tiles: None,
            map_rect: None,
            startup: Default::default(),
            frame_log: Default::default(),
            reader: Default::default(),
            export: Default::default(),
            import: Default::default(),
            views_panel: Default::default(),
            active_dataset: None,
            picker: Arc::new(NativePicker),
            picking: None,
            prompt: None,
            recent: Vec::new(),
            recovery: recovery::Recovery::new(None),
            show_shortcuts: false,
            show_about: false,
            quit: false,
            title: String::new(),
            applied_basemap: None,
            basemap_error: None,
            online_consent: Default::default(),
            custom_server: Default::default(),
            tools: tools::Tools::default(),
            annotate: annotate::Annotate::default(),
        }
    }

    pub fn project(&self) -> &Project {
        &self.doc.project
    }

    /// The reference data with the project's report.
    pub fn data(&self) -> Arc<AtlasData> {
        self.session.atlas().clone()
    }

    /// Change the project (one undo step).
    pub fn apply(&mut self, edit: Edit) -> bool {
        self.doc.apply(edit)
    }

    /// Basemap tiles not rendered yet, plus unfinished loads, analyses and the import
    /// dialog's header read (tests wait for zero before a snapshot).
    pub fn pending_tiles(&mut self) -> usize {
        self.tiles.as_mut().map(|t| t.pending()).unwrap_or(0)
            + self.session.pending()
            + usize::from(self.import.pending())
    }

    /// Screen position of the map's centre (the view centre), once the map has been drawn.
    /// Where the map was drawn last frame.
    pub fn map_rect(&self) -> Option<egui::Rect> {
        self.map_rect
    }

    pub fn view_center_on_screen(&self) -> Option<egui::Pos2> {
        self.map_rect.map(|r| r.center())
    }

    /// The incident source the density panel shows, loaded.
    pub fn active_density(&self) -> Option<&crate::density::DensityState> {
        self.session.datasets.get(self.active_dataset.as_ref()?)
    }

    /// Step the active dataset's date range one week / month on (what Play does each step).
    pub fn step_time(&mut self) {
        if let Some(d) = self
            .active_dataset
            .as_ref()
            .and_then(|a| self.session.datasets.get_mut(a))
        {
            d.step_time();
        }
        self.store_panel_params();
    }

    /// Synthetic (demo) incidents are drawn: exports carry a watermark.
    pub fn synthetic_visible(&self) -> bool {
        let scene = self.session.scene(&self.doc.project);
        let frame = crate::map::MapFrame {
            project: &self.doc.project,
            layers: crate::state::LayerSet(&self.doc.project.layers),
            scene: &scene,
            heat: &self.textures,
        };
        crate::export::synthetic_shown(&frame)
    }

    /// The window title (project name and unsaved mark).
    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.take_dropped_files(&ctx);
        if let Some(a) = ui::menu::shortcut(&ctx, self.doc.project.views.len()) {
            self.perform(&ctx, a);
        }
        self.poll_picker(&ctx);
        self.session.sync(&self.doc.project, Some(&ctx));
        self.session.load_panel_params(&self.doc.project);
        self.ensure_active_dataset();
        if let Some(d) = self
            .active_dataset
            .as_ref()
            .and_then(|a| self.session.datasets.get_mut(a))
        {
            d.step_player(&ctx);
        }
        let scene = self.session.scene(&self.doc.project);
        self.textures
            .update(&ctx, &scene, self.doc.project.basemap.is_dark());
        let data = scene.atlas.clone();
        let mut tiles = self
            .tiles
            .take()
            .unwrap_or_else(|| BasemapTiles::new(ctx.clone(), data.basemap.clone()));
        self.sync_basemap(&mut tiles);
        self.tiles = Some(tiles);
        egui::Panel::top("menu").show(ui, |ui| {
            let can = (self.doc.can_undo(), self.doc.can_redo());
            let measuring = self.tools.measure.active;
            let loaded = self.session.incident_stores();
            let stores: Vec<_> = loaded
                .iter()
                .map(|(i, d)| (i.as_str(), d.store()))
                .collect();
            let tools = &mut self.tools;
            let mut picked = None;
            let bar = |ui: &mut egui::Ui| picked = tools.bar(ui, &data, &stores);
            let menu = ui::menu::show(ui, &self.doc.project, &self.recent, can, measuring, bar);
            if let Some(a) = menu {
                self.perform(&ctx, a);
            }
            if let Some(hit) = picked {
                self.zoom_to_hit(&hit);
            }
        });
        self.side_panels(ui, &scene);
        self.central(ui, &scene);
        self.dialogs(&ctx, &scene);
        self.store_panel_params();
        self.after_frame(&ctx);
        let pending = self.pending_tiles();
        self.startup.frame(self.map_rect.is_some(), pending);
    }

    /// The window title, recovery writes, quitting.
    fn after_frame(&mut self, ctx: &egui::Context) {
        let title = self.doc.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        self.recovery.tick(&self.doc, std::time::Instant::now());
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.perform(ctx, Action::Quit);
        }
    }
}
