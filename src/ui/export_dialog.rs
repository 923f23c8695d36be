//! File → Export image (Ctrl+E): size presets, layout elements, banner, live preview drawn by
//! the export layout itself, save as PNG or copy to the clipboard. Rendering runs on a worker.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::export::{
    Banner, BannerPreset, ExportSettings, Exporter, SIZE_PRESETS, draw_export, save_png,
};
use crate::map::BasemapTiles;
use crate::scene::AtlasData;
use crate::state::{LayerSettings, ViewState};

/// What to do with a finished render.
#[derive(Clone)]
enum Target {
    File(PathBuf),
    Clipboard,
}

/// Dialog state.
pub struct ExportDialog {
    pub open: bool,
    pub settings: ExportSettings,
    pub path: String,
    pub banner_on: bool,
    pub banner: Banner,
    pub timestamp: bool,
    pub status: String,
    preview_view: ViewState,
    job: Option<(Target, Receiver<Result<image::RgbaImage, String>>)>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            settings: ExportSettings::default(),
            path: "frontier-atlas-export.png".into(),
            banner_on: true,
            banner: Banner {
                text: "UNCLASSIFIED // FOR TRAINING".into(),
                preset: BannerPreset::Unclassified,
            },
            timestamp: true,
            status: String::new(),
            preview_view: ViewState::default(),
            job: None,
        }
    }
}

impl ExportDialog {
    /// Settings for the current view: the map's centre and zoom, the chosen layout.
    pub fn effective(&self, view: &ViewState) -> ExportSettings {
        let mut s = self.settings.clone();
        if let Some(p) = view.memory.detached() {
            s.center = [p.x(), p.y()];
        }
        s.zoom = view.memory.zoom();
        s.dark = view.dark;
        s.banner = self.banner_on.then(|| self.banner.clone());
        s.timestamp = self
            .timestamp
            .then(|| chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string());
        s
    }

    fn start(
        &mut self,
        target: Target,
        data: &Arc<AtlasData>,
        layers: &LayerSettings,
        settings: ExportSettings,
        density: &crate::density::DensityState,
    ) {
        let (tx, rx) = channel();
        let (data, mut layers) = (data.clone(), layers.clone());
        let demo = density.synthetic();
        if !demo {
            // The exporter only knows the bundled demo: never draw it in place of the
            // user's own data — leave the density layers out instead (said in the status).
            for id in crate::density::DENSITY_LAYERS {
                layers.get_mut(id).visible = false;
            }
        }
        let dir = density.data_dir().to_path_buf();
        std::thread::spawn(move || {
            let r = Exporter::new(data)
                .map(|e| e.with_density(dir))
                .and_then(|mut e| e.render(&layers, &settings, false))
                .map(|r| r.image)
                .map_err(|e| e.to_string());
            let _ = tx.send(r);
        });
        self.status = "Rendering…".into();
        self.job = Some((target, rx));
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some((target, rx)) = &self.job else {
            return;
        };
        let Ok(result) = rx.try_recv() else {
            ctx.request_repaint();
            return;
        };
        self.status = match (result, target.clone()) {
            (Ok(img), Target::File(path)) => match save_png(&img, &path) {
                Ok(()) => format!(
                    "Saved {} ({}×{})",
                    path.display(),
                    img.width(),
                    img.height()
                ),
                Err(e) => e.to_string(),
            },
            (Ok(img), Target::Clipboard) => {
                let size = [img.width() as usize, img.height() as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw()));
                format!("Copied {}×{} to the clipboard", size[0], size[1])
            }
            (Err(e), _) => e,
        };
        self.job = None;
    }
}

/// The dialog window.
pub fn show(
    ctx: &egui::Context,
    dlg: &mut ExportDialog,
    data: &Arc<AtlasData>,
    layers: &LayerSettings,
    view: &ViewState,
    tiles: &mut BasemapTiles,
    density: &crate::density::DensityState,
) {
    dlg.poll(ctx);
    let mut open = dlg.open;
    egui::Window::new("Export image")
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Size");
                for (name, size) in SIZE_PRESETS {
                    ui.selectable_value(&mut dlg.settings.size, *size, *name);
                }
            });
            ui.horizontal(|ui| {
                ui.label("Custom");
                ui.add(
                    egui::DragValue::new(&mut dlg.settings.size[0])
                        .range(16..=8192)
                        .suffix(" px"),
                );
                ui.label("×");
                ui.add(
                    egui::DragValue::new(&mut dlg.settings.size[1])
                        .range(16..=8192)
                        .suffix(" px"),
                );
            });
            let mut title = dlg.settings.title.clone().unwrap_or_default();
            ui.horizontal(|ui| {
                ui.label("Title");
                ui.text_edit_singleline(&mut title);
            });
            dlg.settings.title = (!title.is_empty()).then_some(title);
            let mut subtitle = dlg.settings.subtitle.clone().unwrap_or_default();
            ui.horizontal(|ui| {
                ui.label("Subtitle");
                ui.text_edit_singleline(&mut subtitle);
            });
            dlg.settings.subtitle = (!subtitle.is_empty()).then_some(subtitle);
            ui.horizontal_wrapped(|ui| {
                ui.checkbox(&mut dlg.settings.legend, "Legend");
                ui.checkbox(&mut dlg.settings.scale_bar, "Scale bar");
                ui.checkbox(&mut dlg.settings.north_arrow, "North arrow");
                ui.checkbox(&mut dlg.settings.attribution, "Sources");
                ui.checkbox(&mut dlg.timestamp, "Date/time");
            });
            ui.horizontal(|ui| {
                ui.checkbox(&mut dlg.banner_on, "Banner");
                ui.text_edit_singleline(&mut dlg.banner.text);
                egui::ComboBox::from_id_salt("banner-preset")
                    .selected_text(dlg.banner.preset.label())
                    .show_ui(ui, |ui| {
                        for p in BannerPreset::ALL {
                            ui.selectable_value(&mut dlg.banner.preset, p, p.label());
                        }
                    });
            });
            // Live preview: the export layout itself, drawn at a small size with the same proportions.
            let settings = dlg.effective(view);
            let [w, h] = settings.size.map(|v| v as f32);
            let pw = ui.available_width().min(540.0);
            let preview = ExportSettings {
                size: [pw as u32, (pw * h / w).max(16.0) as u32],
                ..settings.clone()
            };
            dlg.preview_view.dark = settings.dark;
            dlg.preview_view
                .memory
                .center_at(walkers::lon_lat(settings.center[0], settings.center[1]));
            let _ = dlg
                .preview_view
                .memory
                .set_zoom(preview.export_zoom().clamp(2.0, 18.0));
            let (rect, _) = ui.allocate_exact_size(
                egui::vec2(preview.size[0] as f32, preview.size[1] as f32),
                egui::Sense::hover(),
            );
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(rect)
                    .id_salt("export-preview"),
                |ui| {
                    ui.set_clip_rect(rect);
                    draw_export(
                        ui,
                        data,
                        layers,
                        &mut dlg.preview_view,
                        tiles,
                        &preview,
                        density.synthetic_visible(layers),
                        density.map_view().as_ref(),
                    );
                },
            );
            crate::map::style::set_text_scale(ctx, 1.0);
            ui.horizontal(|ui| {
                ui.label("Save as");
                ui.text_edit_singleline(&mut dlg.path);
                let busy = dlg.job.is_some();
                if ui
                    .add_enabled(!busy, egui::Button::new("Save PNG"))
                    .clicked()
                {
                    dlg.start(
                        Target::File(PathBuf::from(dlg.path.trim())),
                        data,
                        layers,
                        settings.clone(),
                        density,
                    );
                }
                if ui
                    .add_enabled(!busy, egui::Button::new("Copy to clipboard"))
                    .clicked()
                {
                    dlg.start(Target::Clipboard, data, layers, settings.clone(), density);
                }
            });
            if !dlg.status.is_empty() {
                ui.label(&dlg.status);
            }
        });
    dlg.open = open;
}
