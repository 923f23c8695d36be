//! Briefing export: slide-ready images of the map with title, legend, scale bar, north arrow,
//! attribution, time stamp and classification banners — drawn by the same map renderer as the
//! window, offscreen (egui → wgpu, Vulkan on the CPU where there is no GPU).

mod block_on;
mod layout;
mod legend_box;
mod marks;
mod render;
mod scale_bar;
mod settings;

pub use layout::{ExportLayout, ScaleBarMark, draw_export_layout, synthetic_shown};
pub use render::{ExportError, ExportJob, Exporter, MAX_SIDE, Rendered, save_png};
pub use scale_bar::ScaleBar;
pub use settings::{
    Banner, BannerPreset, ExportSettings, REFERENCE_WIDTH, SIZE_PRESETS, parse_size,
};
