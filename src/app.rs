//! The application: panels around the map, shared by the window and the UI tests.

use std::sync::Arc;

use crate::density::DensityState;
use crate::map::{BasemapTiles, show_map_with};
use crate::scene::AtlasData;
use crate::state::{LayerSettings, ViewState};
use crate::ui;

/// Application state. `ui()` draws one frame into any egui `Ui` (eframe window or test harness).
pub struct AtlasApp {
    pub data: Arc<AtlasData>,
    pub layers: LayerSettings,
    pub view: ViewState,
    tiles: Option<BasemapTiles>,
    /// Where the map was drawn last frame.
    map_rect: Option<egui::Rect>,
    /// Report reader window (File → Open report, drag-and-drop, paste).
    pub reader: ui::report_reader::ReportReader,
    /// File → Export image (Ctrl+E).
    pub export: ui::export_dialog::ExportDialog,
    /// Attack density: incident data, settings, workers.
    pub density: DensityState,
    /// File → Import incidents.
    pub import: ui::import_dialog::ImportDialog,
}

impl AtlasApp {
    /// The app on `data`, with the synthetic incident demo from the default data directory.
    pub fn new(data: Arc<AtlasData>) -> Self {
        Self::with_data_dir(data, AtlasData::default_dir())
    }

    /// The app on `data` loaded from `data_dir` (the incident demo and the border come from
    /// there too).
    pub fn with_data_dir(data: Arc<AtlasData>, data_dir: std::path::PathBuf) -> Self {
        Self {
            density: DensityState::new(data.clone(), data_dir),
            import: Default::default(),
            data,
            layers: LayerSettings::default(),
            view: ViewState::default(),
            tiles: None,
            map_rect: None,
            reader: Default::default(),
            export: Default::default(),
        }
    }

    /// Basemap tiles not rendered yet, plus unfinished incident loads and density analyses
    /// (tests wait for zero before a snapshot).
    pub fn pending_tiles(&mut self) -> usize {
        self.tiles.as_mut().map(|t| t.pending()).unwrap_or(0) + self.density.pending()
    }

    /// Synthetic (demo) incidents are on the map: exports must carry a watermark.
    pub fn synthetic_visible(&self) -> bool {
        self.density.synthetic_visible(&self.layers)
    }

    /// Screen position of the map's centre (the view centre), once the map has been drawn.
    pub fn view_center_on_screen(&self) -> Option<egui::Pos2> {
        self.map_rect.map(|r| r.center())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let data = self.data.clone();
        self.take_dropped_reports(ui.ctx());
        self.density.poll(ui.ctx(), &data, self.view.dark);
        let tiles = self
            .tiles
            .get_or_insert_with(|| BasemapTiles::new(ui.ctx().clone(), data.basemap.clone()));
        egui::Panel::top("menu").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Frontier Atlas");
                ui.separator();
                if ui.button("Read report…").clicked() {
                    self.reader.open = true;
                }
                if ui.button("Export image… (Ctrl+E)").clicked() {
                    self.export.open = true;
                }
                if ui.button("Import incidents…").clicked() {
                    self.import.open = true;
                }
                ui.toggle_value(&mut self.view.dark, "Dark basemap");
                if ui.button("Reset view").clicked() {
                    let keep_dark = self.view.dark;
                    self.view = ViewState {
                        dark: keep_dark,
                        ..ViewState::default()
                    };
                }
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            ui::status_bar::show(ui, &self.view, data.diagnostics.len());
        });
        if crate::density::DENSITY_LAYERS
            .iter()
            .any(|id| self.layers.shown(*id))
        {
            egui::Panel::bottom("timeline").show(ui, |ui| {
                ui::timeline::show(ui, &mut self.density);
            });
        }
        egui::Panel::left("layers")
            .default_size(250.0)
            .max_size(340.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let groups: Vec<_> = data
                        .report
                        .groups
                        .groups
                        .iter()
                        .map(|g| {
                            (
                                g.id.clone(),
                                g.short.clone(),
                                crate::map::palette::group_colour(g.colour_index),
                            )
                        })
                        .collect();
                    let incidents = self
                        .density
                        .dataset()
                        .map(|d| (d.origin.name.clone(), d.synthetic()));
                    let incidents = incidents.as_ref().map(|(n, s)| (n.as_str(), *s));
                    ui::layers_panel::show(ui, &mut self.layers, &groups, incidents);
                    ui.separator();
                    ui::legend::show(ui, &data, &self.layers, self.view.dark, false);
                });
            });
        egui::Panel::right("details")
            .default_size(300.0)
            .max_size(420.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let action = ui::density_panel::show(ui, &mut self.density);
                    if action == ui::density_panel::PanelAction::OpenImport {
                        self.import.open = true;
                    }
                    ui.separator();
                    ui::details::show(
                        ui,
                        &data,
                        self.view.selected.as_deref(),
                        self.view.selected_edge,
                    );
                    ui::details::diagnostics(ui, &data);
                });
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let density = self.density.map_view();
                let response = show_map_with(
                    ui,
                    &data,
                    &self.layers,
                    &mut self.view,
                    tiles,
                    true,
                    density.as_ref(),
                );
                self.map_rect = Some(response.rect);
                ui::density_legend::overlay(
                    ui,
                    response.rect,
                    &self.density,
                    &self.layers,
                    self.view.dark,
                );
            });
        self.show_reader(ui.ctx());
        if self.import.open {
            ui::import_dialog::show(ui.ctx(), &mut self.import, &mut self.density);
        }
        let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E);
        if ui.ctx().input_mut(|i| i.consume_shortcut(&shortcut)) {
            self.export.open = true;
        }
        if self.export.open
            && let Some(tiles) = self.tiles.as_mut()
        {
            ui::export_dialog::show(
                ui.ctx(),
                &mut self.export,
                &data,
                &self.layers,
                &self.view,
                tiles,
                &self.density,
            );
        }
    }
}

impl AtlasApp {
    /// Dropped .txt/.md files open in the report reader; .csv/.geojson/.json the import dialog.
    fn take_dropped_reports(&mut self, ctx: &egui::Context) {
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
            if ext == "txt" || ext == "md" {
                self.reader.open_file(&self.data, &path);
            } else if ["csv", "geojson", "json"].contains(&ext.as_str()) {
                self.import.open_path(&path);
            }
        }
    }

    /// The reader window, and its places as map highlights.
    fn show_reader(&mut self, ctx: &egui::Context) {
        if self.reader.open {
            let data = self.data.clone();
            ui::report_reader::show(ctx, &mut self.reader, &data, &mut self.view);
        }
        self.view.highlights = if self.reader.open {
            self.reader.place_ids()
        } else {
            Vec::new()
        };
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
    }
}

/// Open the window on `data` (loaded from `data_dir`); with `import`, that incident file is
/// imported at once (replacing the demo).
pub fn run_window(
    data: AtlasData,
    data_dir: std::path::PathBuf,
    import: Option<std::path::PathBuf>,
) -> eframe::Result {
    for d in &data.diagnostics {
        eprintln!("warning: {d}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1600.0, 1000.0])
            .with_title("Frontier Atlas"),
        ..Default::default()
    };
    let data = Arc::new(data);
    eframe::run_native(
        "Frontier Atlas",
        options,
        Box::new(move |cc| {
            let mut app = AtlasApp::with_data_dir(data, data_dir);
            if let Some(path) = import {
                app.import
                    .open_and_import(&cc.egui_ctx, &mut app.density, &path);
            }
            Ok(Box::new(app))
        }),
    )
}
