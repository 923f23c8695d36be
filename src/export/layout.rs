//! The export layout: banners, map, title, legend, scale bar, north arrow, sources, time stamp,
//! and the synthetic-data watermark — painted around and over the shared map renderer.

use egui::{Align2, Color32, FontId, Rect, Stroke, UiBuilder, pos2, vec2};

use super::scale_bar::ScaleBar;
use super::settings::ExportSettings;
use crate::map::{BasemapTiles, attribution_lines, show_map, style};
use crate::scene::AtlasData;
use crate::state::{LayerSettings, ViewState};

fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Draw one export frame into `ui` (its whole rect is the image). Returns the map's rect.
pub fn draw_export(
    ui: &mut egui::Ui,
    data: &AtlasData,
    layers: &LayerSettings,
    view: &mut ViewState,
    tiles: &mut BasemapTiles,
    settings: &ExportSettings,
    synthetic_visible: bool,
) -> Rect {
    let s = settings.text_scale();
    style::set_text_scale(ui.ctx(), s);
    let full = ui.max_rect();
    let mut map_rect = full;
    if let Some(banner) = &settings.banner {
        let (bg, fg) = banner.preset.colours();
        let h = 34.0 * s;
        for r in [
            Rect::from_min_size(full.min, vec2(full.width(), h)),
            Rect::from_min_max(pos2(full.min.x, full.max.y - h), full.max),
        ] {
            ui.painter().rect_filled(r, 0.0, rgb(bg));
            ui.painter().text(
                r.center(),
                Align2::CENTER_CENTER,
                &banner.text,
                FontId::proportional(20.0 * s),
                rgb(fg),
            );
        }
        map_rect = Rect::from_min_max(
            pos2(full.min.x, full.min.y + h),
            pos2(full.max.x, full.max.y - h),
        );
    }
    ui.scope_builder(UiBuilder::new().max_rect(map_rect), |ui| {
        show_map(ui, data, layers, view, tiles, false);
    });
    let painter = ui.painter_at(map_rect);
    let ink = if settings.dark {
        Color32::from_gray(235)
    } else {
        Color32::from_gray(25)
    };
    let paper = if settings.dark {
        Color32::from_black_alpha(200)
    } else {
        Color32::from_white_alpha(225)
    };
    let margin = 16.0 * s;

    // Top of the free space below the title box (the legend must not cover the title).
    let mut free_top = map_rect.min.y + margin;
    if settings.title.is_some() || settings.subtitle.is_some() || settings.timestamp.is_some() {
        let mut galleys = Vec::new();
        if let Some(t) = &settings.title {
            galleys.push(painter.layout(
                t.clone(),
                FontId::proportional(34.0 * s),
                ink,
                map_rect.width() * 0.6,
            ));
        }
        if let Some(t) = &settings.subtitle {
            galleys.push(painter.layout(
                t.clone(),
                FontId::proportional(20.0 * s),
                ink,
                map_rect.width() * 0.6,
            ));
        }
        if let Some(t) = &settings.timestamp {
            galleys.push(painter.layout_no_wrap(
                format!("Exported {t}"),
                FontId::proportional(14.0 * s),
                ink,
            ));
        }
        let w = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
        let h: f32 = galleys.iter().map(|g| g.size().y + 4.0 * s).sum();
        let bx = Rect::from_min_size(
            map_rect.min + vec2(margin, margin),
            vec2(w + 2.0 * margin, h + margin),
        );
        free_top = bx.max.y + margin;
        painter.rect(
            bx,
            6.0,
            paper,
            Stroke::new(1.0, ink.gamma_multiply(0.3)),
            egui::StrokeKind::Inside,
        );
        let mut y = bx.min.y + margin / 2.0;
        for g in galleys {
            let gh = g.size().y;
            painter.galley(pos2(bx.min.x + margin, y), g, ink);
            y += gh + 4.0 * s;
        }
    }

    if settings.north_arrow {
        let c = pos2(
            map_rect.max.x - margin - 20.0 * s,
            map_rect.min.y + margin + 34.0 * s,
        );
        let h = 22.0 * s;
        painter.add(egui::Shape::convex_polygon(
            vec![
                c + vec2(0.0, -h),
                c + vec2(h * 0.55, h * 0.8),
                c + vec2(0.0, h * 0.4),
            ],
            ink,
            Stroke::NONE,
        ));
        painter.add(egui::Shape::convex_polygon(
            vec![
                c + vec2(0.0, -h),
                c + vec2(0.0, h * 0.4),
                c + vec2(-h * 0.55, h * 0.8),
            ],
            paper,
            Stroke::new(1.5, ink),
        ));
        painter.text(
            c + vec2(0.0, -h - 4.0 * s),
            Align2::CENTER_BOTTOM,
            "N",
            FontId::proportional(18.0 * s),
            ink,
        );
    }

    let mut bottom = map_rect.max.y - margin;
    if settings.attribution {
        let text = format!("Sources: {}", attribution_lines(layers).join(" · "));
        let g = painter.layout(
            text,
            FontId::proportional(14.0 * s),
            ink,
            map_rect.width() - 2.0 * margin,
        );
        let r = Align2::RIGHT_BOTTOM.anchor_size(pos2(map_rect.max.x - margin, bottom), g.size());
        painter.rect_filled(r.expand(4.0 * s), 3.0, paper);
        painter.galley(r.min, g, ink);
        bottom = r.min.y - 10.0 * s;
    }

    if settings.scale_bar {
        let lat = view
            .memory
            .detached()
            .map(|p| p.y())
            .unwrap_or(settings.center[1]);
        let bar = ScaleBar::new(lat, view.memory.zoom(), 220.0 * f64::from(s));
        let len = bar.points as f32;
        let right = map_rect.max.x - margin;
        let y = bottom - 8.0 * s;
        let r = Rect::from_min_max(
            pos2(right - len - 8.0 * s, y - 30.0 * s),
            pos2(right + 4.0 * s, y + 8.0 * s),
        );
        painter.rect_filled(r, 3.0, paper);
        let (x0, x1) = (right - len, right);
        painter.line_segment([pos2(x0, y), pos2(x1, y)], Stroke::new(3.0 * s, ink));
        for x in [x0, x1] {
            painter.line_segment(
                [pos2(x, y - 8.0 * s), pos2(x, y + 3.0 * s)],
                Stroke::new(2.0 * s, ink),
            );
        }
        painter.text(
            pos2((x0 + x1) / 2.0, y - 6.0 * s),
            Align2::CENTER_BOTTOM,
            bar.label(),
            FontId::proportional(15.0 * s),
            ink,
        );
    }

    if settings.legend {
        egui::Area::new(egui::Id::unique("export-legend"))
            .fixed_pos(pos2(map_rect.min.x + margin, map_rect.max.y - margin))
            .pivot(Align2::LEFT_BOTTOM)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::new()
                    .fill(paper)
                    .corner_radius(6.0)
                    .inner_margin(10.0 * s)
                    .show(ui, |ui| {
                        ui.set_max_width(map_rect.width() * 0.32);
                        ui.visuals_mut().override_text_color = Some(ink);
                        for font in ui.style_mut().text_styles.values_mut() {
                            font.size *= s;
                        }
                        // Too tall for the image: clipped, never over the title.
                        let room = (map_rect.max.y - margin - free_top - 20.0 * s).max(40.0);
                        egui::ScrollArea::vertical()
                            .max_height(room)
                            .scroll_bar_visibility(
                                egui::scroll_area::ScrollBarVisibility::AlwaysHidden,
                            )
                            .show(ui, |ui| {
                                crate::ui::legend::show(ui, data, layers, settings.dark, true);
                            });
                    });
            });
    }

    if synthetic_visible {
        let g = painter.layout_no_wrap(
            "SYNTHETIC DATA".into(),
            FontId::proportional(110.0 * s),
            Color32::from_rgba_unmultiplied(200, 0, 0, 60),
        );
        let size = g.size();
        let c = map_rect.center();
        let pos = c - vec2(size.x / 2.0 * 0.87, -size.x / 2.0 * 0.5);
        painter.add(
            egui::epaint::TextShape::new(pos, g, Color32::from_rgba_unmultiplied(200, 0, 0, 60))
                .with_angle(-0.52),
        );
    }
    map_rect
}
