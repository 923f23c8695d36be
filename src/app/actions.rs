//! Performing what the menus, shortcuts and panels ask for: new / open / save, file dialogs,
//! saved views, undo / redo, dropped files.

use std::path::{Path, PathBuf};

use atlas_core::project::{BasemapSpec, Edit, Project, SavedView};

use super::files::{Pick, Picking};
use super::prompt::Prompt;
use super::{AtlasApp, Document};
use crate::ui::menu::Action;

/// Most recent projects remembered.
const RECENT: usize = 10;

impl AtlasApp {
    /// Do `a`, first asking to save unsaved changes where it would lose them.
    pub fn perform(&mut self, ctx: &egui::Context, a: Action) {
        let loses_work = matches!(a, Action::New | Action::Open(_) | Action::Quit);
        if loses_work && self.doc.dirty() {
            self.prompt = Some(Prompt::Unsaved { then: a });
            return;
        }
        self.perform_unchecked(ctx, a);
    }

    pub(super) fn perform_unchecked(&mut self, ctx: &egui::Context, a: Action) {
        match a {
            Action::New => self.set_document(Document::new(Project::default())),
            Action::Open(Some(path)) => self.open_project(&path),
            Action::Open(None) => self.pick(ctx, Pick::OpenProject),
            Action::Save => {
                self.save(ctx, false);
            }
            Action::SaveAs => {
                self.save(ctx, true);
            }
            Action::ImportIncidents => self.import.open = true,
            Action::AddCampPoints => self.pick(ctx, Pick::CampPoints),
            Action::ReadReport => self.reader.open = true,
            Action::ExportImage => self.export.open = true,
            Action::Quit => {
                self.recovery.clear();
                self.quit = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::GoToView(i) => self.go_to_view(i),
            Action::AddView => {
                let name = crate::ui::views_panel::fresh_view_name(&self.doc.project);
                let v = SavedView::new(name, self.view.center(), self.view.memory.zoom());
                self.apply(Edit::AddView(v));
            }
            Action::ResetView => self.view = crate::state::ViewState::default(),
            Action::ToggleDark => {
                let dark = !self.doc.project.basemap.is_dark();
                self.apply(Edit::SetBasemap(BasemapSpec::Builtin { dark }));
            }
            Action::SetBasemap(spec) => self.choose_basemap(spec),
            Action::PickBasemapFile => self.pick(ctx, Pick::BasemapFile),
            Action::CustomBasemap => self.custom_server.open = true,
            Action::ClearTileCache => {
                let cleared =
                    crate::map::tiles::TileCache::platform_default().map_or(Ok(()), |c| c.clear());
                if let Err(e) = cleared {
                    self.prompt = Some(Prompt::Error(format!(
                        "The tile cache was not cleared: {e}"
                    )));
                }
            }
            Action::Undo => {
                self.doc.undo();
            }
            Action::Redo => {
                self.doc.redo();
            }
            Action::Shortcuts => self.show_shortcuts = true,
            Action::About => self.show_about = true,
            Action::Locate(id) => self.pick(ctx, Pick::Locate(id)),
            Action::Search => crate::ui::search_box::focus(ctx),
            Action::GoTo => self.tools.go_to.open(),
            Action::Measure => {
                self.annotate.tool = None;
                self.tools.toggle_measure();
            }
            Action::Annotate(tool) => self.start_tool(tool),
            Action::RangeRingsAt => self.ring_dialog(),
        }
    }

    /// Replace the open document (new, opened, recovered).
    pub fn set_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view = match self.doc.project.views.first() {
            Some(v) => crate::state::ViewState::at(v.center, v.zoom),
            None => crate::state::ViewState::default(),
        };
        self.active_dataset = None;
        self.reader.source = None;
        self.import.importing = None;
    }

    /// Open a project file; on failure the open project stays and the error is shown.
    pub fn open_project(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.set_document(doc);
                self.remember(path);
            }
            Err(e) => self.prompt = Some(Prompt::Error(e.to_string())),
        }
    }

    /// Save (asking where when never saved or `as_new`). Returns whether it was saved now.
    pub fn save(&mut self, ctx: &egui::Context, as_new: bool) -> bool {
        match self.doc.path.clone().filter(|_| !as_new) {
            Some(path) => self.save_to(&path),
            None => {
                let name = format!("{}.json", self.doc.name());
                self.pick(ctx, Pick::SaveProject(name));
                false
            }
        }
    }

    /// Save to `path`; a failure says why and keeps the unsaved mark.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.recovery.clear();
                self.remember(path);
                true
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(e.to_string()));
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let p = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|r| *r != p);
        self.recent.insert(0, p);
        self.recent.truncate(RECENT);
    }

    fn go_to_view(&mut self, i: usize) {
        let Some(v) = self.doc.project.views.get(i).cloned() else {
            return;
        };
        self.view
            .memory
            .center_at(walkers::lon_lat(v.center[0], v.center[1]));
        let _ = self.view.memory.set_zoom(v.zoom);
        if let Some(ids) = &v.layers {
            for l in self.doc.project.layers.clone() {
                let visible = ids.contains(&l.id);
                if l.style.visible != visible {
                    self.apply(Edit::SetVisible {
                        layer: l.id,
                        visible,
                    });
                }
            }
        }
    }

    pub(super) fn pick(&mut self, ctx: &egui::Context, what: Pick) {
        if self.picking.is_none() {
            self.picking = Some(Picking::start(self.picker.clone(), what, ctx));
        }
    }

    /// A file dialog closed: act on its answer.
    pub(super) fn poll_picker(&mut self, ctx: &egui::Context) {
        let Some(answer) = self.picking.as_ref().and_then(Picking::poll) else {
            return;
        };
        let Some(what) = self.picking.take().map(|p| p.what) else {
            return;
        };
        let Some(path) = answer else { return };
        match what {
            Pick::OpenProject => self.open_project(&path),
            Pick::SaveProject(_) => {
                self.save_to(&with_json_ext(path));
            }
            Pick::ImportIncidents => self.import.open_path(&path),
            Pick::CampPoints => self.add_camp_points(path),
            Pick::Report => self.reader.open_file(&path),
            Pick::Locate(id) => self.locate(&id, path),
            Pick::SaveImage(_) => self.export.path = path.display().to_string(),
            Pick::BasemapFile => self.use_tile_file(&path),
        }
        ctx.request_repaint();
    }

    /// Dropped files: a project opens; .mbtiles/.pmtiles become the basemap; .txt/.md go to
    /// the reader; .csv/.geojson/.json to the import dialog.
    pub(super) fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for f in dropped {
            let path = f.path().to_path_buf();
            if path.as_os_str().is_empty() {
                continue;
            }
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_lowercase();
            if ext == "mbtiles" || ext == "pmtiles" {
                self.use_tile_file(&path);
            } else if is_project_file(&path) {
                self.perform(ctx, Action::Open(Some(path)));
            } else if ext == "txt" || ext == "md" {
                self.reader.open_file(&path);
            } else if ["csv", "geojson", "json"].contains(&ext.as_str()) {
                self.import.open_path(&path);
            }
        }
    }
}

fn with_json_ext(p: PathBuf) -> PathBuf {
    if p.extension().is_some() {
        p
    } else {
        p.with_extension("json")
    }
}

/// A JSON file that starts like a project: a `version` and `sources` or `layers` in its
/// first 64 KB, and no GeoJSON `FeatureCollection` (only the start is read: a dropped
/// GeoJSON may be large).
pub fn is_project_file(path: &Path) -> bool {
    use std::io::Read;
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    if !is_json || read.is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    head.trim_start().starts_with('{')
        && head.contains("\"version\"")
        && (head.contains("\"layers\"") || head.contains("\"sources\""))
        && !head.contains("FeatureCollection")
}
