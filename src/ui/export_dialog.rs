//! File → Export image (Ctrl+E): the project's export layout (size presets, title, subtitle,
//! furniture, banner) edited in place, a live preview drawn by the export layout itself, and
//! Save as PNG or Copy — rendered, encoded and written on a worker from the same project and
//! scene the preview shows.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use atlas_core::project::{Banner, BannerPreset, Edit, PageLayout, Project};

use crate::export::{
    ExportJob, ExportSettings, Exporter, SIZE_PRESETS, draw_export_layout, save_png,
};
use crate::map::{BasemapTiles, MapFrame};
use crate::state::ViewState;

/// What to do with a finished render.
#[derive(Clone)]
enum Target {
    File(PathBuf),
    Clipboard,
}

type Outcome = Result<(Target, image::RgbaImage), String>;

/// Dialog state (the layout itself lives in the project).
pub struct ExportDialog {
    pub open: bool,
    pub path: String,
    /// Banner text kept while the banner is off.
    pub banner: Banner,
    pub status: String,
    /// "Browse…" was clicked (the app opens the file dialog).
    pub browse: bool,
    preview_view: ViewState,
    job: Option<Receiver<Outcome>>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            path: "frontier-atlas-export.png".into(),
            banner: Banner {
                text: "UNCLASSIFIED // FOR TRAINING".into(),
                preset: BannerPreset::Unclassified,
            },
            status: String::new(),
            browse: false,
            preview_view: ViewState::default(),
            job: None,
        }
    }
}

/// The export settings of `project`'s layout for the map as `view` shows it.
pub fn settings_for(project: &Project, view: &ViewState) -> ExportSettings {
    let now = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string();
    ExportSettings::from_layout(
        &project.layout,
        view.center(),
        view.memory.zoom(),
        project.basemap.is_dark(),
        &now,
    )
}

impl ExportDialog {
    /// Render `job` on a worker and save or copy the result.
    fn start(&mut self, target: Target, job: ExportJob) {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let r = Exporter::new()
                .and_then(|mut e| e.render(&job))
                .map_err(|e| e.to_string())
                .and_then(|r| match &target {
                    Target::File(path) => save_png(&r.image, path)
                        .map(|()| (target.clone(), r.image))
                        .map_err(|e| e.to_string()),
                    Target::Clipboard => Ok((target.clone(), r.image)),
                });
            let _ = tx.send(r);
        });
        self.status = "Rendering…".into();
        self.job = Some(rx);
    }

    /// An export is rendering.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.job else {
            return;
        };
        let Ok(result) = rx.try_recv() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        };
        self.status = match result {
            Ok((Target::File(path), img)) => {
                format!(
                    "Saved {} ({}×{})",
                    path.display(),
                    img.width(),
                    img.height()
                )
            }
            Ok((Target::Clipboard, img)) => {
                let size = [img.width() as usize, img.height() as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw()));
                format!("Copied {}×{} to the clipboard", size[0], size[1])
            }
            Err(e) => e,
        };
        self.job = None;
    }
}

/// The layout controls; returns the edited layout when anything changed.
fn layout_controls(
    ui: &mut egui::Ui,
    dlg: &mut ExportDialog,
    layout: &PageLayout,
) -> Option<PageLayout> {
    let mut l = layout.clone();
    ui.horizontal(|ui| {
        ui.label("Size");
        for (name, size) in SIZE_PRESETS {
            ui.selectable_value(&mut l.size, *size, *name);
        }
    });
    ui.horizontal(|ui| {
        ui.label("Custom");
        ui.add(
            egui::DragValue::new(&mut l.size[0])
                .range(16..=8192)
                .suffix(" px"),
        );
        ui.label("×");
        ui.add(
            egui::DragValue::new(&mut l.size[1])
                .range(16..=8192)
                .suffix(" px"),
        );
    });
    let text_field = |ui: &mut egui::Ui, name: &str, v: &mut Option<String>| {
        let mut t = v.clone().unwrap_or_default();
        ui.horizontal(|ui| {
            ui.label(name);
            ui.text_edit_singleline(&mut t);
        });
        *v = (!t.is_empty()).then_some(t);
    };
    text_field(ui, "Title", &mut l.title);
    text_field(ui, "Subtitle", &mut l.subtitle);
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut l.legend, "Legend");
        ui.checkbox(&mut l.scale_bar, "Scale bar");
        ui.checkbox(&mut l.north_arrow, "North arrow");
        ui.checkbox(&mut l.inset, "Locator inset");
        ui.checkbox(&mut l.legend_basemap, "Borders in legend");
        ui.checkbox(&mut l.attribution, "Sources");
        ui.checkbox(&mut l.timestamp, "Date/time");
        legend_corner(ui, &mut l.legend_corner);
    });
    ui.horizontal(|ui| {
        if let Some(b) = &l.banner {
            dlg.banner = b.clone();
        }
        let mut on = l.banner.is_some();
        ui.checkbox(&mut on, "Banner");
        ui.text_edit_singleline(&mut dlg.banner.text);
        egui::ComboBox::from_id_salt("banner-preset")
            .selected_text(dlg.banner.preset.label())
            .show_ui(ui, |ui| {
                for p in BannerPreset::ALL {
                    ui.selectable_value(&mut dlg.banner.preset, p, p.label());
                }
            });
        l.banner = on.then(|| dlg.banner.clone());
    });
    (l != *layout).then_some(l)
}

/// The dialog window. `frame` is what the window's map draws; the preview and the saved
/// image draw the same. Returns a layout edit for the project.
pub fn show(
    ctx: &egui::Context,
    dlg: &mut ExportDialog,
    frame: &MapFrame<'_>,
    view: &ViewState,
    tiles: &mut BasemapTiles,
) -> Option<Edit> {
    dlg.poll(ctx);
    let mut open = dlg.open;
    let mut edit = None;
    egui::Window::new("Export image")
        .open(&mut open)
        .default_width(560.0)
        .default_pos(super::dialog_place::default_pos(
            ctx,
            super::dialog_place::Dialog::Export,
        ))
        .show(ctx, |ui| {
            edit = layout_controls(ui, dlg, &frame.project.layout).map(Edit::SetLayout);
            let settings = settings_for(frame.project, view);
            preview(ui, dlg, frame, tiles, &settings);
            crate::map::style::set_text_scale(ctx, 1.0);
            ui.horizontal(|ui| {
                ui.label("Save as");
                ui.text_edit_singleline(&mut dlg.path);
                if ui.button("Browse…").clicked() {
                    dlg.browse = true;
                }
                let busy = dlg.busy();
                let job = || ExportJob::new(frame.project, frame.scene.clone(), settings.clone());
                if ui
                    .add_enabled(!busy, egui::Button::new("Save PNG"))
                    .clicked()
                {
                    dlg.start(Target::File(PathBuf::from(dlg.path.trim())), job());
                }
                if ui
                    .add_enabled(!busy, egui::Button::new("Copy to clipboard"))
                    .clicked()
                {
                    dlg.start(Target::Clipboard, job());
                }
            });
            if !dlg.status.is_empty() {
                ui.label(&dlg.status);
            }
        });
    dlg.open = open;
    edit
}

/// The live preview: the export itself — the slide laid out at its own size in points —
/// drawn on a layer scaled down to the dialog, so that it is what is saved.
fn preview(
    ui: &mut egui::Ui,
    dlg: &mut ExportDialog,
    frame: &MapFrame<'_>,
    tiles: &mut BasemapTiles,
    settings: &ExportSettings,
) {
    let [lw, lh] = settings.logical_size();
    let pw = ui.available_width().min(540.0);
    let scale = pw / lw;
    dlg.preview_view = ViewState::at(settings.center, settings.export_zoom().clamp(2.0, 18.0));
    let (rect, _) = ui.allocate_exact_size(egui::vec2(pw, lh * scale), egui::Sense::hover());
    let layer = egui::LayerId::new(
        ui.layer_id().order,
        egui::Id::unique("export-preview-slide"),
    );
    ui.ctx().set_sublayer(ui.layer_id(), layer);
    ui.ctx().set_transform_layer(
        layer,
        egui::emath::TSTransform::new(rect.min.to_vec2(), scale),
    );
    let slide = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(lw, lh));
    let mut child = egui::Ui::new(
        ui.ctx().clone(),
        egui::Id::unique("export-preview"),
        egui::UiBuilder::new().layer_id(layer).max_rect(slide),
    );
    child.set_clip_rect(slide);
    draw_export_layout(&mut child, frame, &mut dlg.preview_view, tiles, settings);
}

/// Where the legend goes: automatic (clear of the report's places) or a corner.
fn legend_corner(ui: &mut egui::Ui, corner: &mut Option<atlas_core::project::Corner>) {
    use atlas_core::project::Corner;
    let name = |c: Option<Corner>| match c {
        None => "Legend: automatic",
        Some(Corner::TopLeft) => "Legend: top left",
        Some(Corner::TopRight) => "Legend: top right",
        Some(Corner::BottomLeft) => "Legend: bottom left",
        Some(Corner::BottomRight) => "Legend: bottom right",
    };
    egui::ComboBox::from_id_salt("legend-corner")
        .selected_text(name(*corner))
        .show_ui(ui, |ui| {
            for c in std::iter::once(None).chain(Corner::ALL.map(Some)) {
                ui.selectable_value(corner, c, name(c));
            }
        });
}
