//! Briefing export: slide-ready images of the map with title, legend, scale bar, north arrow,
//! attribution, time stamp and classification banners — drawn by the same map renderer as the
//! window, offscreen (egui → wgpu, Vulkan on the CPU where there is no GPU).

mod layout;
pub mod project;
mod render;
mod scale_bar;
mod settings;

pub use layout::draw_export;
pub use render::{ExportError, Exporter, render_image, save_png};
pub use scale_bar::ScaleBar;
pub use settings::{
    Banner, BannerPreset, ExportSettings, REFERENCE_WIDTH, SIZE_PRESETS, parse_size,
};
