//! The export's legend panel: the legend of the visible layers in a box, text scaled for a
//! projector, placed in one pass (no remembered sizes) and clipped if it cannot fit.

use egui::{Rect, UiBuilder};

use super::layout::Ink;
use super::settings::ExportSettings;
use crate::map::MapFrame;

pub(super) struct LegendBox {
    pub rect: Rect,
    pub clipped: bool,
    pub min_font_px: f32,
}

/// Draw the legend at the top left of `area` (at most its width; clipped to its height).
pub(super) fn legend_box(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    settings: &ExportSettings,
    area: Rect,
    Ink { ink, paper }: Ink,
) -> LegendBox {
    let s = settings.text_scale();
    // No text under the layout's smallest size (14 px at 1080 px high).
    let floor = settings.min_text_px();
    let mut min_font_px = f32::INFINITY;
    let mut child = ui.new_child(
        UiBuilder::new()
            .id_salt("export-legend")
            .max_rect(area)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.set_clip_rect(area.intersect(ui.clip_rect()));
    let inner = egui::Frame::new()
        .fill(paper)
        .corner_radius(6.0 * s)
        .inner_margin(10.0 * s)
        .show(&mut child, |ui| {
            ui.visuals_mut().override_text_color = Some(ink);
            let style = ui.style_mut();
            for font in style.text_styles.values_mut() {
                font.size = (font.size * s).max(floor);
                min_font_px = min_font_px.min(font.size);
            }
            style.spacing.item_spacing *= s.max(1.0);
            crate::ui::legend::show(ui, frame, true);
            crate::ui::density_legend::show_scene(ui, frame);
        });
    let rect = inner.response.rect;
    LegendBox {
        rect: rect.intersect(area),
        clipped: rect.max.y > area.max.y + 0.5,
        min_font_px,
    }
}
