//! The export's legend panel: the keys of the visible layers in a box sized to its content —
//! one column, or two (the report's layers, then the attack density) when one is too tall —
//! text scaled for a projector, measured first and then drawn where the layout puts it.

use egui::{Rect, UiBuilder, Vec2};

use super::settings::ExportSettings;
use crate::map::MapFrame;
use crate::map::marks::Ink;
use crate::ui::legend_record::{self, LegendKey};

pub(super) struct LegendBox {
    pub rect: Rect,
    pub clipped: bool,
    pub min_font_px: f32,
    /// The keys drawn, in order.
    pub keys: Vec<LegendKey>,
}

/// How a legend is drawn: measured only or painted, in one or two columns.
#[derive(Clone, Copy)]
pub(super) struct Form {
    pub measure: bool,
    pub columns: usize,
}

/// The legend's size when drawn in `columns` columns, each at most `column_width` wide
/// (nothing is painted).
pub(super) fn legend_size(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    settings: &ExportSettings,
    column_width: f32,
    ink: Ink,
    columns: usize,
) -> Vec2 {
    let width = column_width * columns as f32;
    let area = Rect::from_min_size(ui.max_rect().min, egui::vec2(width, f32::INFINITY));
    let form = Form {
        measure: true,
        columns,
    };
    legend_in(ui, frame, settings, area, ink, form).rect.size()
}

/// Draw the legend at the top left of `area` (at most its width; clipped to its height).
pub(super) fn legend_box(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    settings: &ExportSettings,
    area: Rect,
    ink: Ink,
    columns: usize,
) -> LegendBox {
    let form = Form {
        measure: false,
        columns,
    };
    legend_in(ui, frame, settings, area, ink, form)
}

fn legend_in(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    settings: &ExportSettings,
    area: Rect,
    Ink { ink, paper }: Ink,
    form: Form,
) -> LegendBox {
    let s = settings.text_scale();
    // No text under the layout's smallest size (14 px at 1080 px high).
    let floor = settings.min_text_px();
    let mut min_font_px = f32::INFINITY;
    let mut builder = UiBuilder::new()
        .id_salt(if form.measure {
            "export-legend-size"
        } else {
            "export-legend"
        })
        .max_rect(area)
        .layout(egui::Layout::top_down(egui::Align::Min));
    if form.measure {
        builder = builder.sizing_pass().invisible();
    }
    let mut child = ui.new_child(builder);
    if !form.measure {
        child.set_clip_rect(area.intersect(ui.clip_rect()));
    }
    legend_record::start(ui.ctx());
    let margin = (10.0 * s).round();
    let inner = egui::Frame::new()
        .fill(paper)
        .corner_radius(6.0 * s)
        .inner_margin(margin)
        .show(&mut child, |ui| {
            ui.visuals_mut().override_text_color = Some(ink);
            let style = ui.style_mut();
            for font in style.text_styles.values_mut() {
                // Whole points: the same text size at every pixel ratio.
                font.size = (font.size * s).max(floor).round();
                min_font_px = min_font_px.min(font.size);
            }
            // Whole points, as the text: the same layout at every pixel ratio.
            style.spacing.item_spacing = (style.spacing.item_spacing * s.max(1.0)).round();
            style.spacing.interact_size = style.spacing.interact_size.round();
            let column = (area.width() - 2.0 * margin) / form.columns as f32;
            if form.columns > 1 {
                let down = egui::Layout::top_down(egui::Align::Min);
                let size = egui::vec2(column, f32::INFINITY);
                ui.horizontal_top(|ui| {
                    ui.allocate_ui_with_layout(size, down, |ui| {
                        crate::ui::legend::show(ui, frame, true, settings.legend_basemap);
                    });
                    ui.allocate_ui_with_layout(size, down, |ui| {
                        crate::ui::density_legend::show_scene(ui, frame);
                    });
                });
            } else {
                crate::ui::legend::show(ui, frame, true, settings.legend_basemap);
                crate::ui::density_legend::show_scene(ui, frame);
            }
        });
    let keys = legend_record::take(ui.ctx());
    let rect = inner.response.rect;
    LegendBox {
        rect: rect.intersect(area),
        clipped: rect.max.y > area.max.y + 0.5,
        min_font_px,
        keys,
    }
}
