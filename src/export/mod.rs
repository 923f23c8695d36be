//! Briefing export: slide-ready images of the map with title, legend, scale bar, north arrow,
//! attribution, time stamp and classification banners — drawn by the same map renderer as the
//! window, offscreen (egui → wgpu, Vulkan on the CPU where there is no GPU).

pub(crate) mod block_on;
mod inset;
mod layout;
mod layout_json;
mod layout_parts;
mod legend_box;
mod render;
mod settings;

pub use crate::map::marks::ScaleBarMark;
pub use crate::map::scale_bar::ScaleBar;
pub use layout::{ExportLayout, draw_export_layout, synthetic_shown};
pub use layout_json::{Furniture, LayoutJson};
pub use render::{ExportError, ExportJob, Exporter, MAX_SIDE, Rendered, save_png};
pub use settings::{
    Banner, BannerPreset, ExportSettings, REFERENCE_WIDTH, SIZE_PRESETS, parse_size,
};
