//! Offscreen rendering of an export: egui → wgpu → RGBA image, with no window or display.
//! An [`Exporter`] keeps its device and basemap tiles between exports.

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;

use atlas_core::project::{LayerDef, Project};

use super::block_on::block_on;
use super::layout::{ExportLayout, draw_export_layout};
use super::settings::ExportSettings;
use crate::map::{BasemapTiles, HeatTextures, MapFrame};
use crate::session::Scene;
use crate::state::{LayerSet, ViewState};

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
    #[error(
        "bad image size {0}×{1}: width from 1 to {MAX_SIDE} pixels, height from 1 to {h} pixels",
        h = atlas_core::project::MAX_HEIGHT
    )]
    Size(u32, u32),
    #[error("rendering failed: {0}")]
    Render(String),
    #[error("basemap: {0}")]
    Basemap(String),
    #[error("basemap tiles were not ready after {0:?}")]
    TilesTimeout(Duration),
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
}

/// An export as rendered: the image and where each layout element went.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub image: image::RgbaImage,
    /// Where each element went, in points (pixels over `ppp`).
    pub layout: ExportLayout,
    /// Pixels per point the image was drawn at ([`ExportSettings::pixel_ratio`]).
    pub ppp: f32,
}

/// One export: a project (its basemap choice and sources' names), the layers to draw (a
/// view's visibility applied), the loaded scene, and the layout settings with the view.
#[derive(Clone)]
pub struct ExportJob {
    pub project: Project,
    pub layers: Vec<LayerDef>,
    pub scene: Scene,
    pub settings: ExportSettings,
}

impl ExportJob {
    /// The project's own layers.
    pub fn new(project: &Project, scene: Scene, settings: ExportSettings) -> Self {
        ExportJob {
            layers: project.layers.clone(),
            project: project.clone(),
            scene,
            settings,
        }
    }
}

struct Running {
    job: ExportJob,
    view: ViewState,
}

/// What the offscreen frame draws: nothing between jobs.
#[derive(Default)]
struct ExportState {
    tiles: Option<BasemapTiles>,
    /// The basemap the tiles show (a job with another one switches them).
    basemap: Option<atlas_core::project::BasemapSpec>,
    /// Where online tiles are cached, the user agent.
    options: crate::map::tiles::BasemapOptions,
    /// A source built by [`Exporter::set_basemap`], put in place at the next render.
    staged: Option<Option<Box<dyn crate::map::tiles::BasemapSource>>>,
    textures: HeatTextures,
    job: Option<Running>,
    layout: Option<ExportLayout>,
}

impl ExportState {
    fn frame(&mut self, ui: &mut egui::Ui) {
        let Some(Running { job, view }) = &mut self.job else {
            return;
        };
        let tiles = self.tiles.get_or_insert_with(|| {
            BasemapTiles::new(ui.ctx().clone(), job.scene.atlas.basemap.clone())
        });
        tiles.set_pixel_ratio(job.settings.pixel_ratio());
        // The whole image, edge to edge (the harness's ui has a margin).
        let full = ui.ctx().content_rect();
        let mut ui = ui.new_child(egui::UiBuilder::new().max_rect(full).id_salt("export"));
        ui.set_clip_rect(full);
        self.textures
            .update(ui.ctx(), &job.scene, job.project.basemap.is_dark());
        let frame = MapFrame {
            project: &job.project,
            layers: LayerSet(&job.layers),
            scene: &job.scene,
            heat: &self.textures,
        };
        self.layout = Some(draw_export_layout(
            &mut ui,
            &frame,
            view,
            tiles,
            &job.settings,
        ));
    }

    fn pending(&mut self) -> usize {
        self.tiles.as_mut().map(|t| t.pending()).unwrap_or(1)
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
    pub fn new() -> Result<Self, ExportError> {
        let renderer = egui_kittest::wgpu::WgpuTestRenderer::from_render_state(render_state()?);
        // Belt and braces: nothing below should panic, but a driver might.
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Harness::builder()
                .with_size(egui::vec2(64.0, 64.0))
                .with_pixels_per_point(1.0)
                // Titles and data come from users: a character no bundled font has draws as
                // a box, not a panic (the harness's default, right for tests, not exports).
                .allow_missing_glyphs()
                .with_context_setup(|ctx| {
                    crate::ui::fonts::install_fonts(ctx);
                    print_text(ctx);
                })
                .renderer(renderer)
                .build_ui_state(
                    |ui, st: &mut ExportState| st.frame(ui),
                    ExportState::default(),
                )
        }));
        let harness = built.map_err(|e| ExportError::NoAdapter(panic_text(&e)))?;
        Ok(Self { harness })
    }

    /// Render `job` to an image of exactly `job.settings.size`, waiting (at most a minute)
    /// until every basemap tile it needs is ready. The scene must be loaded (see
    /// [`crate::session::Session::wait`]): what it holds is what is drawn.
    pub fn render(&mut self, job: &ExportJob) -> Result<Rendered, ExportError> {
        self.use_basemap(job)?;
        let settings = &job.settings;
        let [w, h] = settings.size;
        if !(1..=MAX_SIDE).contains(&w) || !(1..=atlas_core::project::MAX_HEIGHT).contains(&h) {
            return Err(ExportError::Size(w, h));
        }
        let view = ViewState::at(settings.center, settings.export_zoom().clamp(2.0, 18.0));
        let st = self.harness.state_mut();
        st.job = Some(Running {
            job: job.clone(),
            view,
        });
        st.layout = None;
        let [lw, lh] = settings.logical_size();
        // The slide's pixel ratio as the display's own (a zoom factor would rescale the
        // screen rect a frame late).
        let input = self.harness.input_mut();
        if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            v.native_pixels_per_point = Some(settings.pixel_ratio());
        }
        self.harness.set_size(egui::vec2(lw, lh));
        let result = self.finish(w, h);
        self.harness.state_mut().job = None;
        result
    }

    /// Use the basemap `spec` names, with `options` (cache place, user agent), for the next
    /// renders of jobs whose project has this basemap. A bad file or URL is an error naming
    /// it, and nothing changes.
    pub fn set_basemap(
        &mut self,
        spec: &atlas_core::tiles::BasemapSpec,
        options: &crate::map::tiles::BasemapOptions,
    ) -> Result<(), crate::map::tiles::BasemapError> {
        let ctx = self.harness.ctx.clone();
        let source = crate::map::tiles::basemap_for(spec, &ctx, options)?;
        let st = self.harness.state_mut();
        st.options = options.clone();
        st.basemap = Some(atlas_core::project::BasemapSpec::from_tiles(spec));
        st.staged = Some(source);
        Ok(())
    }

    /// Switch the tiles to the job's basemap (a local file or online source over the
    /// built-in one). A bad file or URL is an error naming it.
    fn use_basemap(&mut self, job: &ExportJob) -> Result<(), ExportError> {
        let spec = &job.project.basemap;
        let ctx = self.harness.ctx.clone();
        let st = self.harness.state_mut();
        let tiles = st
            .tiles
            .get_or_insert_with(|| BasemapTiles::new(ctx, job.scene.atlas.basemap.clone()));
        if let Some(source) = st.staged.take() {
            tiles.set_source(source);
        }
        if st.basemap.as_ref() == Some(spec) {
            return Ok(());
        }
        tiles
            .set_spec(&spec.to_tiles(), &st.options)
            .map_err(|e| ExportError::Basemap(e.to_string()))?;
        st.basemap = Some(spec.clone());
        Ok(())
    }

    /// The chosen basemap source's state (last download error, tiles failed), if one is set.
    pub fn basemap_status(&mut self) -> Option<crate::map::tiles::SourceStatus> {
        let tiles = self.harness.state_mut().tiles.as_mut()?;
        tiles.source_mut().map(|s| s.status())
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
        let image = self.read_back()?;
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
        let ppp = self.harness.ctx.pixels_per_point();
        Ok(Rendered { image, layout, ppp })
    }
}

impl Exporter {
    /// Render the frame and read it back. The harness gives the GPU 10 s per wait: a large
    /// image on a software driver can take longer, so a timed-out wait is tried again (the
    /// work already submitted keeps running) before it is an error. A panic in the
    /// read-back (device lost, timeout) is an error too.
    fn read_back(&mut self) -> Result<image::RgbaImage, ExportError> {
        let mut last = String::new();
        for _ in 0..RENDER_ATTEMPTS {
            let r =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.harness.render()))
                    .map_err(|e| panic_text(&e))
                    .and_then(|r| r);
            match r {
                Ok(image) => return Ok(image),
                Err(e) if e.contains("timed out") => last = e,
                Err(e) => return Err(ExportError::Render(e)),
            }
        }
        Err(ExportError::Render(format!(
            "{last} ({RENDER_ATTEMPTS} waits of 10 s; try a smaller --size)"
        )))
    }
}

/// Print rendering: text outlines without hinting and coverage taken as it is, so that a
/// glyph is the same shape at every pixel ratio (hinting snaps stems to the pixel grid of
/// each size; the dark-mode transfer curve thickens small text only); no panel under the map.
fn print_text(ctx: &egui::Context) {
    ctx.all_styles_mut(|s| {
        s.visuals.text_options.font_hinting = false;
        s.visuals.text_options.color_transfer_function =
            egui::epaint::FontColorTransferFunction::Off;
        // The map covers the whole image: no panel fill under it (a software GPU shades
        // every pixel of every full-image layer).
        s.visuals.panel_fill = egui::Color32::TRANSPARENT;
    });
}

/// How many times a timed-out render is waited for.
const RENDER_ATTEMPTS: usize = 4;

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
