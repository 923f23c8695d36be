//! The application: panels around the map, shared by the window and the UI tests.

use std::sync::Arc;

use crate::map::{BasemapTiles, show_map};
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
}

impl AtlasApp {
    pub fn new(data: Arc<AtlasData>) -> Self {
        Self {
            data,
            layers: LayerSettings::default(),
            view: ViewState::default(),
            tiles: None,
            map_rect: None,
        }
    }

    /// Basemap tiles not rendered yet (tests wait for zero before a snapshot).
    pub fn pending_tiles(&mut self) -> usize {
        self.tiles.as_mut().map(|t| t.pending()).unwrap_or(0)
    }

    /// Screen position of the map's centre (the view centre), once the map has been drawn.
    pub fn view_center_on_screen(&self) -> Option<egui::Pos2> {
        self.map_rect.map(|r| r.center())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let data = self.data.clone();
        let tiles = self
            .tiles
            .get_or_insert_with(|| BasemapTiles::new(ui.ctx().clone(), data.basemap.clone()));
        egui::Panel::top("menu").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Frontier Atlas");
                ui.separator();
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
        egui::Panel::left("layers")
            .default_size(230.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui::layers_panel::show(ui, &mut self.layers);
                    ui.separator();
                    ui::legend::show(ui, &self.layers, self.view.dark);
                });
            });
        egui::Panel::right("details")
            .default_size(280.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui::details::show(ui, &data, self.view.selected.as_deref());
                    ui::details::diagnostics(ui, &data);
                });
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let response = show_map(ui, &data, &self.layers, &mut self.view, tiles, true);
                self.map_rect = Some(response.rect);
            });
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
    }
}

/// Open the window.
pub fn run_window(data: AtlasData) -> eframe::Result {
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
        Box::new(move |_cc| Ok(Box::new(AtlasApp::new(data)))),
    )
}
