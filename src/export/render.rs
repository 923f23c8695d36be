//! Offscreen rendering of an export: egui → wgpu → RGBA image, with no window or display.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_kittest::Harness;

use super::layout::draw_export;
use super::settings::ExportSettings;
use crate::map::BasemapTiles;
use crate::scene::AtlasData;
use crate::state::{LayerSettings, ViewState};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "no graphics adapter: install a GPU driver or, without a GPU, Debian's `mesa-vulkan-drivers` ({0})"
    )]
    NoAdapter(String),
    #[error("rendering failed: {0}")]
    Render(String),
    #[error("basemap tiles were not ready after {0:?}")]
    TilesTimeout(Duration),
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
}

/// What the offscreen frame draws.
pub struct ExportState {
    data: Arc<AtlasData>,
    layers: LayerSettings,
    view: ViewState,
    tiles: Option<BasemapTiles>,
    settings: ExportSettings,
    synthetic: bool,
}

impl ExportState {
    fn frame(&mut self, ui: &mut egui::Ui) {
        let data = self.data.clone();
        let tiles = self
            .tiles
            .get_or_insert_with(|| BasemapTiles::new(ui.ctx().clone(), data.basemap.clone()));
        draw_export(
            ui,
            &data,
            &self.layers,
            &mut self.view,
            tiles,
            &self.settings,
            self.synthetic,
        );
    }

    fn pending(&mut self) -> usize {
        self.tiles.as_mut().map(|t| t.pending()).unwrap_or(1)
    }
}

/// An offscreen export renderer: keeps its GPU device and basemap tiles between renders.
pub struct Exporter {
    harness: Harness<'static, ExportState>,
    size: [u32; 2],
}

impl Exporter {
    /// Set up the offscreen renderer for `settings` (size, view, layout).
    pub fn new(
        data: Arc<AtlasData>,
        layers: &LayerSettings,
        settings: &ExportSettings,
        synthetic: bool,
    ) -> Result<Self, ExportError> {
        let mut view = ViewState {
            dark: settings.dark,
            ..ViewState::default()
        };
        view.memory
            .center_at(walkers::lon_lat(settings.center[0], settings.center[1]));
        let _ = view
            .memory
            .set_zoom(settings.export_zoom().clamp(2.0, 18.0));
        let state = ExportState {
            data,
            layers: layers.clone(),
            view,
            tiles: None,
            settings: settings.clone(),
            synthetic,
        };
        let [w, h] = settings.size;
        // Creating the wgpu device panics when there is no adapter at all: make it an error.
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Harness::builder()
                .with_size(egui::vec2(w as f32, h as f32))
                .with_pixels_per_point(1.0)
                .wgpu()
                .build_ui_state(|ui, st: &mut ExportState| st.frame(ui), state)
        }));
        let harness = built.map_err(|e| ExportError::NoAdapter(panic_text(&e)))?;
        Ok(Self {
            harness,
            size: settings.size,
        })
    }

    /// Change the title (the benchmark re-renders with a new one each time).
    pub fn set_title(&mut self, title: Option<String>) {
        self.harness.state_mut().settings.title = title;
    }

    /// Render, waiting until every basemap tile the view needs is ready.
    pub fn render(&mut self) -> Result<image::RgbaImage, ExportError> {
        let limit = Duration::from_secs(60);
        let start = Instant::now();
        loop {
            self.harness.step();
            if self.harness.state_mut().pending() == 0 {
                break;
            }
            if start.elapsed() > limit {
                return Err(ExportError::TilesTimeout(limit));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        // One more frame with every tile in place (labels and areas settle too).
        self.harness.step();
        let image = self.harness.render().map_err(ExportError::Render)?;
        let [w, h] = self.size;
        if image.dimensions() != (w, h) {
            return Err(ExportError::Render(format!(
                "rendered {}×{} instead of {w}×{h}",
                image.width(),
                image.height()
            )));
        }
        Ok(image)
    }
}

/// Render an export to an image of exactly `settings.size`, waiting until every basemap tile
/// it needs is ready. `synthetic` adds the "SYNTHETIC DATA" watermark.
pub fn render_image(
    data: Arc<AtlasData>,
    layers: &LayerSettings,
    settings: &ExportSettings,
    synthetic: bool,
) -> Result<image::RgbaImage, ExportError> {
    Exporter::new(data, layers, settings, synthetic)?.render()
}

/// Write a PNG; a missing directory or an unwritable path is a clear error.
pub fn save_png(image: &image::RgbaImage, path: &Path) -> Result<(), ExportError> {
    let err = |message: String| ExportError::Write {
        path: path.display().to_string(),
        message,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(err(format!("directory {} does not exist", dir.display())));
        }
    }
    image
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| err(e.to_string()))
}

fn panic_text(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "wgpu setup panicked".into())
}
