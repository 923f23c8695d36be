//! Offscreen rendering of an export: egui → wgpu → RGBA image, with no window or display.
//! An [`Exporter`] keeps its device and basemap tiles between exports.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_kittest::Harness;

use super::block_on::block_on;
use super::layout::{ExportLayout, draw_export_layout};
use super::settings::ExportSettings;
use crate::density::DensityState;
use crate::map::BasemapTiles;
use crate::scene::AtlasData;
use crate::state::{LayerSettings, ViewState};

/// Largest width or height rendered (common GPU texture limit).
pub const MAX_SIDE: u32 = 8192;

/// How long an export waits for its basemap tiles.
const TILE_TIMEOUT: Duration = Duration::from_secs(60);

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "no graphics adapter: install a GPU driver or, without a GPU, Debian's `mesa-vulkan-drivers` ({0})"
    )]
    NoAdapter(String),
    #[error("bad image size {0}×{1}: width and height must be from 1 to {MAX_SIDE} pixels")]
    Size(u32, u32),
    #[error("rendering failed: {0}")]
    Render(String),
    #[error("basemap tiles were not ready after {0:?}")]
    TilesTimeout(Duration),
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
}

/// An export as rendered: the image and where each layout element went.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub image: image::RgbaImage,
    pub layout: ExportLayout,
}

struct Job {
    layers: LayerSettings,
    settings: ExportSettings,
    view: ViewState,
    synthetic: bool,
}

/// What the offscreen frame draws: nothing between jobs.
struct ExportState {
    data: Arc<AtlasData>,
    /// Attack density (the bundled synthetic demo) when the exporter was given a data dir.
    density: Option<DensityState>,
    tiles: Option<BasemapTiles>,
    job: Option<Job>,
    layout: Option<ExportLayout>,
}

impl ExportState {
    fn frame(&mut self, ui: &mut egui::Ui) {
        let Some(job) = &mut self.job else {
            return;
        };
        let data = self.data.clone();
        let tiles = self
            .tiles
            .get_or_insert_with(|| BasemapTiles::new(ui.ctx().clone(), data.basemap.clone()));
        // The whole image, edge to edge (the harness's ui has a margin).
        let full = ui.ctx().content_rect();
        let mut ui = ui.new_child(egui::UiBuilder::new().max_rect(full).id_salt("export"));
        ui.set_clip_rect(full);
        if let Some(d) = &mut self.density {
            d.poll(ui.ctx(), &data, job.view.dark);
        }
        let density = self.density.as_ref().and_then(|d| d.map_view());
        // Synthetic data visible on the map always carries the watermark.
        let synthetic = job.synthetic
            || self
                .density
                .as_ref()
                .is_some_and(|d| d.synthetic_visible(&job.layers));
        self.layout = Some(draw_export_layout(
            &mut ui,
            &data,
            &job.layers,
            &mut job.view,
            tiles,
            &job.settings,
            synthetic,
            density.as_ref(),
        ));
    }

    fn pending(&mut self) -> usize {
        let density = self.density.as_ref().map_or(0, |d| d.pending());
        self.tiles.as_mut().map(|t| t.pending()).unwrap_or(1) + density
    }
}

/// The wgpu device, created without panicking when there is no adapter.
fn render_state() -> Result<egui_wgpu::RenderState, ExportError> {
    let setup = egui_kittest::wgpu::default_wgpu_setup();
    let instance = block_on(setup.new_instance());
    let config = egui_wgpu::WgpuConfiguration {
        wgpu_setup: setup,
        ..Default::default()
    };
    block_on(egui_wgpu::RenderState::create(
        &config,
        &instance,
        None,
        egui_wgpu::RendererOptions::PREDICTABLE,
    ))
    .map_err(|e| ExportError::NoAdapter(e.to_string()))
}

/// A headless renderer for exports. Keeping one around reuses the graphics device and the
/// basemap tiles already rendered, so later exports of the same area are much faster.
pub struct Exporter {
    harness: Harness<'static, ExportState>,
}

impl Exporter {
    pub fn new(data: Arc<AtlasData>) -> Result<Self, ExportError> {
        let renderer = egui_kittest::wgpu::WgpuTestRenderer::from_render_state(render_state()?);
        let state = ExportState {
            data,
            density: None,
            tiles: None,
            job: None,
            layout: None,
        };
        // Belt and braces: nothing below should panic, but a driver might.
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Harness::builder()
                .with_size(egui::vec2(64.0, 64.0))
                .with_pixels_per_point(1.0)
                .renderer(renderer)
                .build_ui_state(|ui, st: &mut ExportState| st.frame(ui), state)
        }));
        let harness = built.map_err(|e| ExportError::NoAdapter(panic_text(&e)))?;
        Ok(Self { harness })
    }

    /// Show the attack-density layers (the bundled synthetic demo under `data_dir`, with its
    /// watermark) when they are switched on in an export's layers.
    pub fn with_density(mut self, data_dir: std::path::PathBuf) -> Self {
        let data = self.harness.state().data.clone();
        self.harness.state_mut().density = Some(DensityState::new(data, data_dir));
        self
    }

    /// Draw the basemap `spec` names (a local tile file or an online server over the built-in
    /// basemap, or the built-in one alone). A bad file or URL is an error naming it, and the
    /// basemap stays as it was. Renders wait for the source's tiles; tiles that fail leave the
    /// built-in basemap showing (see [`Exporter::basemap_status`]).
    pub fn set_basemap(
        &mut self,
        spec: &atlas_core::tiles::BasemapSpec,
        options: &crate::map::tiles::BasemapOptions,
    ) -> Result<(), crate::map::tiles::BasemapError> {
        let ctx = self.harness.ctx.clone();
        let st = self.harness.state_mut();
        let data = st.data.clone();
        st.tiles
            .get_or_insert_with(|| BasemapTiles::new(ctx, data.basemap.clone()))
            .set_spec(spec, options)
    }

    /// The chosen basemap source's state (last download error, tiles failed), if one is set.
    pub fn basemap_status(&mut self) -> Option<crate::map::tiles::SourceStatus> {
        let tiles = self.harness.state_mut().tiles.as_mut()?;
        tiles.source_mut().map(|s| s.status())
    }

    /// Render an export to an image of exactly `settings.size`, waiting (at most a minute)
    /// until every basemap tile it needs is ready. `synthetic` adds the "SYNTHETIC DATA"
    /// watermark.
    pub fn render(
        &mut self,
        layers: &LayerSettings,
        settings: &ExportSettings,
        synthetic: bool,
    ) -> Result<Rendered, ExportError> {
        let [w, h] = settings.size;
        if !(1..=MAX_SIDE).contains(&w) || !(1..=MAX_SIDE).contains(&h) {
            return Err(ExportError::Size(w, h));
        }
        let mut view = ViewState {
            dark: settings.dark,
            ..ViewState::default()
        };
        view.memory
            .center_at(walkers::lon_lat(settings.center[0], settings.center[1]));
        let _ = view
            .memory
            .set_zoom(settings.export_zoom().clamp(2.0, 18.0));
        let st = self.harness.state_mut();
        st.job = Some(Job {
            layers: layers.clone(),
            settings: settings.clone(),
            view,
            synthetic,
        });
        st.layout = None;
        self.harness.set_size(egui::vec2(w as f32, h as f32));
        let result = self.finish(w, h);
        self.harness.state_mut().job = None;
        result
    }

    fn finish(&mut self, w: u32, h: u32) -> Result<Rendered, ExportError> {
        let start = Instant::now();
        loop {
            self.harness.step();
            if self.harness.state_mut().pending() == 0 {
                break;
            }
            if start.elapsed() > TILE_TIMEOUT {
                return Err(ExportError::TilesTimeout(TILE_TIMEOUT));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        // One more frame with every tile in place.
        self.harness.step();
        // The read-back panics if the device is lost or times out: make that an error too.
        let image =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.harness.render()))
                .map_err(|e| ExportError::Render(panic_text(&e)))?
                .map_err(ExportError::Render)?;
        if image.dimensions() != (w, h) {
            return Err(ExportError::Render(format!(
                "rendered {}×{} instead of {w}×{h}",
                image.width(),
                image.height()
            )));
        }
        let layout = self
            .harness
            .state_mut()
            .layout
            .take()
            .ok_or_else(|| ExportError::Render("nothing was drawn".into()))?;
        Ok(Rendered { image, layout })
    }
}

/// Render one export with a fresh [`Exporter`] (see [`Exporter::render`]).
pub fn render_image(
    data: Arc<AtlasData>,
    layers: &LayerSettings,
    settings: &ExportSettings,
    synthetic: bool,
) -> Result<image::RgbaImage, ExportError> {
    Ok(Exporter::new(data)?
        .render(layers, settings, synthetic)?
        .image)
}

/// Write a PNG; a missing directory or an unwritable path is a clear error.
pub fn save_png(image: &image::RgbaImage, path: &Path) -> Result<(), ExportError> {
    let err = |message: String| ExportError::Write {
        path: path.display().to_string(),
        message,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(err(format!("directory {} does not exist", dir.display())));
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
