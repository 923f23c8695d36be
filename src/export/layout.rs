//! The export layout: banners, map, title, legend, scale bar, north arrow, sources, time stamp,
//! and the synthetic-data watermark — painted around and over the shared map renderer.

use std::cell::Cell;

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, UiBuilder, pos2, vec2};

use super::legend_box::legend_box;
use super::marks;
use super::settings::ExportSettings;
use crate::map::{BasemapTiles, MapFrame, attribution_lines, show_map, style};
use crate::state::ViewState;
use atlas_core::text::display_text;

/// User and data text as egui draws it (Arabic script joined and in visual order).
fn display(s: &str) -> String {
    display_text(s).into_owned()
}

/// The scale bar as drawn: its end points (screen points) and the length it claims.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleBarMark {
    pub start: Pos2,
    pub end: Pos2,
    pub km: f64,
    pub label: String,
}

/// Where each element of an export went (screen points = image pixels), for tests and for
/// callers that want to check the result.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportLayout {
    pub map: Rect,
    pub title: Option<Rect>,
    pub legend: Option<Rect>,
    /// The legend was taller than the room below the title and was cut off.
    pub legend_clipped: bool,
    pub attribution: Option<Rect>,
    /// The sources line as printed (with the chosen basemap source's credit).
    pub sources: Option<String>,
    pub scale_bar: Option<ScaleBarMark>,
    pub north_arrow: Option<Rect>,
    pub watermark: bool,
    /// Smallest font size (pixels) the layout itself used (map labels not included).
    pub min_font_px: f32,
    /// Map centre (lon, lat) and zoom as drawn.
    pub center: [f64; 2],
    pub zoom: f64,
}

pub(super) fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Text and background colours of the layout boxes.
#[derive(Clone, Copy)]
pub(super) struct Ink {
    pub ink: Color32,
    pub paper: Color32,
}

impl Ink {
    fn new(dark: bool) -> Self {
        if dark {
            Self {
                ink: Color32::from_gray(235),
                paper: Color32::from_black_alpha(200),
            }
        } else {
            Self {
                ink: Color32::from_gray(25),
                paper: Color32::from_white_alpha(225),
            }
        }
    }
}

/// Synthetic data is drawn: some shown incident layer draws the synthetic demo.
pub fn synthetic_shown(frame: &MapFrame<'_>) -> bool {
    frame
        .layers
        .shown_layers()
        .filter(|l| l.kind.is_density())
        .filter_map(|l| frame.scene.datasets.get(l.source.as_deref()?))
        .any(|d| d.synthetic())
}

/// Draw one export frame into `ui` (its whole rect is the image): the map of `frame` and the
/// layout furniture of `settings`. Returns where every element went.
pub fn draw_export_layout(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    view: &mut ViewState,
    tiles: &mut BasemapTiles,
    settings: &ExportSettings,
) -> ExportLayout {
    let synthetic_visible = synthetic_shown(frame);
    let s = settings.text_scale();
    style::set_text_scale(ui.ctx(), s);
    let full = ui.max_rect();
    let mut out = ExportLayout {
        map: full,
        title: None,
        legend: None,
        legend_clipped: false,
        attribution: None,
        sources: None,
        scale_bar: None,
        north_arrow: None,
        watermark: false,
        min_font_px: f32::INFINITY,
        center: [0.0; 2],
        zoom: 0.0,
    };
    let min_font = Cell::new(f32::INFINITY);
    let font = |size: f32| {
        min_font.set(min_font.get().min(size * s));
        FontId::proportional(size * s)
    };
    if let Some(banner) = &settings.banner {
        let (bg, fg) = banner.preset.colours();
        let h = settings.banner_height();
        let f = font(20.0);
        for r in [
            Rect::from_min_size(full.min, vec2(full.width(), h)),
            Rect::from_min_max(pos2(full.min.x, full.max.y - h), full.max),
        ] {
            ui.painter().rect_filled(r, 0.0, rgb(bg));
            ui.painter().text(
                r.center(),
                Align2::CENTER_CENTER,
                display_text(&banner.text),
                f.clone(),
                rgb(fg),
            );
        }
        out.map = Rect::from_min_max(
            pos2(full.min.x, full.min.y + h),
            pos2(full.max.x, full.max.y - h),
        );
    }
    let map_rect = out.map;
    let basemap_credit = tiles.source_credit().map(str::to_owned);
    ui.scope_builder(
        UiBuilder::new().max_rect(map_rect).id_salt("export-map"),
        |ui| {
            show_map(ui, frame, view, tiles, false);
        },
    );
    let centre = view
        .memory
        .detached()
        .unwrap_or_else(crate::state::start_position);
    out.center = [centre.x(), centre.y()];
    out.zoom = view.memory.zoom();
    let painter = ui.painter_at(map_rect);
    let colours = Ink::new(settings.dark);
    let Ink { ink, paper } = colours;
    let margin = 16.0 * s;

    // Title box, top left; the legend goes below it.
    let mut free_top = map_rect.min.y + margin;
    if settings.title.is_some() || settings.subtitle.is_some() || settings.timestamp.is_some() {
        let wrap = map_rect.width() * 0.6;
        let mut galleys = Vec::new();
        if let Some(t) = &settings.title {
            galleys.push(painter.layout(display(t), font(34.0), ink, wrap));
        }
        if let Some(t) = &settings.subtitle {
            galleys.push(painter.layout(display(t), font(20.0), ink, wrap));
        }
        if let Some(t) = &settings.timestamp {
            galleys.push(painter.layout_no_wrap(format!("Exported {t}"), font(14.0), ink));
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
            6.0 * s,
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
        out.title = Some(bx);
    }

    if settings.north_arrow {
        out.north_arrow = Some(marks::north_arrow(
            &painter,
            map_rect,
            s,
            colours,
            font(18.0),
        ));
    }

    // Legend of the visible layers: left column, below the title.
    if settings.legend {
        let area = Rect::from_min_max(
            pos2(map_rect.min.x + margin, free_top),
            pos2(
                map_rect.min.x + margin + map_rect.width() * 0.32,
                map_rect.max.y - margin,
            ),
        );
        let b = legend_box(ui, frame, settings, area, colours);
        min_font.set(min_font.get().min(b.min_font_px));
        out.legend_clipped = b.clipped;
        out.legend = Some(b.rect);
    }

    // Sources, bottom right, wrapped so as not to run under the legend.
    let mut bottom = map_rect.max.y - margin;
    if settings.attribution {
        let lines = attribution_lines(frame, basemap_credit.as_deref());
        let text = format!("Sources: {}", lines.join(" · "));
        out.sources = Some(text.clone());
        let f = font(14.0);
        let right = map_rect.max.x - margin;
        let place = |wrap: f32| {
            let g = painter.layout(display(&text), f.clone(), ink, wrap);
            let r = Align2::RIGHT_BOTTOM.anchor_size(pos2(right, bottom), g.size());
            (g, r)
        };
        let (mut g, mut r) = place(map_rect.width() - 2.0 * margin);
        if let Some(legend) = out.legend.filter(|l| l.expand(6.0 * s).intersects(r)) {
            (g, r) = place((right - legend.max.x - 2.0 * margin).max(120.0 * s));
        }
        painter.rect_filled(r.expand(4.0 * s), 3.0 * s, paper);
        painter.galley(r.min, g, ink);
        bottom = r.min.y - 10.0 * s;
        out.attribution = Some(r);
    }

    if settings.scale_bar {
        out.scale_bar = Some(marks::scale_bar(
            &painter,
            view,
            map_rect,
            pos2(map_rect.max.x - margin, bottom - 8.0 * s),
            s,
            colours,
            font(15.0),
        ));
    }

    if synthetic_visible {
        marks::watermark(&painter, map_rect, s);
        out.watermark = true;
    }
    out.min_font_px = min_font.get();
    out
}
