//! The pieces of an export's layout: banners, title box, sources line, inset frame and the
//! legend, which goes to the corner where it hides the fewest labels and no report place.

use std::cell::Cell;

use egui::{Align2, FontId, Rect, Stroke, pos2, vec2};

use super::layout::{ExportLayout, rgb};
use super::legend_box::{legend_box, legend_size};
use super::settings::ExportSettings;
use crate::map::marks::Ink;
use crate::map::{LabelsWanted as Wanted, MapFrame};
use atlas_core::project::Corner;
use atlas_core::text::display_text;

/// User and data text as egui draws it (Arabic script joined and in visual order).
fn display(s: &str) -> String {
    display_text(s).into_owned()
}

/// The layout's fonts at the slide's text scale, noting the smallest used.
pub(super) struct Fonts {
    scale: f32,
    min: Cell<f32>,
}

impl Fonts {
    pub fn new(scale: f32) -> Self {
        Self {
            scale,
            min: Cell::new(f32::INFINITY),
        }
    }

    /// A font of `size` points scaled, in whole points (the same at every pixel ratio).
    pub fn font(&self, size: f32) -> FontId {
        let px = (size * self.scale).round();
        self.min.set(self.min.get().min(px));
        FontId::proportional(px)
    }

    pub fn note(&self, px: f32) {
        self.min.set(self.min.get().min(px));
    }

    pub fn min(&self) -> f32 {
        self.min.get()
    }

    /// Gap between the map's edge and the furniture, and between furniture.
    pub fn margin(&self) -> f32 {
        16.0 * self.scale
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }
}

/// The classification banners, top and bottom; the map is what lies between them.
pub(super) fn banners(ui: &egui::Ui, settings: &ExportSettings, out: &mut ExportLayout, f: &Fonts) {
    let Some(banner) = &settings.banner else {
        return;
    };
    let full = out.map;
    let (bg, fg) = banner.preset.colours();
    let h = settings.banner_height();
    let font = f.font(20.0);
    for r in [
        Rect::from_min_size(full.min, vec2(full.width(), h)),
        Rect::from_min_max(pos2(full.min.x, full.max.y - h), full.max),
    ] {
        out.banners.push(r);
        ui.painter().rect_filled(r, 0.0, rgb(bg));
        ui.painter().text(
            r.center(),
            Align2::CENTER_CENTER,
            display_text(&banner.text),
            font.clone(),
            rgb(fg),
        );
    }
    out.map = Rect::from_min_max(
        pos2(full.min.x, full.min.y + h),
        pos2(full.max.x, full.max.y - h),
    );
}

/// Title, subtitle and time stamp in a box at the top left. Returns the first free height
/// below it.
pub(super) fn title_box(
    painter: &egui::Painter,
    settings: &ExportSettings,
    out: &mut ExportLayout,
    f: &Fonts,
    Ink { ink, paper }: Ink,
) -> f32 {
    let (map, margin, s) = (out.map, f.margin(), f.scale());
    if settings.title.is_none() && settings.subtitle.is_none() && settings.timestamp.is_none() {
        return map.min.y + margin;
    }
    let wrap = map.width() * 0.6;
    let mut galleys = Vec::new();
    if let Some(t) = &settings.title {
        galleys.push(painter.layout(display(t), f.font(34.0), ink, wrap));
    }
    if let Some(t) = &settings.subtitle {
        galleys.push(painter.layout(display(t), f.font(20.0), ink, wrap));
    }
    if let Some(t) = &settings.timestamp {
        galleys.push(painter.layout_no_wrap(format!("Exported {t}"), f.font(14.0), ink));
    }
    let w = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let h: f32 = galleys.iter().map(|g| g.size().y + 4.0 * s).sum();
    let bx = Rect::from_min_size(
        map.min + vec2(margin, margin),
        vec2(w + 2.0 * margin, h + margin),
    );
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
    bx.max.y + margin
}

/// Width of the locator inset, points.
const INSET_WIDTH: f32 = 300.0;

/// Where the inset goes: the bottom-left corner of the map.
pub(super) fn inset_rect(map: Rect, f: &Fonts) -> Rect {
    let w = INSET_WIDTH.min(map.width() * 0.3);
    let h = (w * 0.72).min(map.height() * 0.35);
    let m = f.margin();
    Rect::from_min_size(pos2(map.min.x + m, map.max.y - m - h), vec2(w, h))
}

/// The "Sources:" line at the bottom right, wrapped clear of `left` (the inset's right
/// edge, if any). Returns the first free height above it.
pub(super) fn sources_line(
    painter: &egui::Painter,
    lines: &[String],
    left: Option<f32>,
    out: &mut ExportLayout,
    f: &Fonts,
    Ink { ink, paper }: Ink,
) -> f32 {
    let (map, margin, s) = (out.map, f.margin(), f.scale());
    let text = format!("Sources: {}", lines.join(" · "));
    out.sources = Some(text.clone());
    let right = map.max.x - margin;
    let from = left.map_or(map.min.x + margin, |l| l + margin);
    let wrap = (right - from).max(120.0 * s);
    let g = painter.layout(display(&text), f.font(14.0), ink, wrap);
    // Placed by a size in whole points: the same place at every pixel ratio.
    let r = Align2::RIGHT_BOTTOM.anchor_size(pos2(right, map.max.y - margin), g.size().ceil());
    let r = Rect::from_min_size(r.min.round(), g.size());
    painter.rect_filled(r.expand(4.0 * s), 3.0 * s, paper);
    painter.galley(r.min, g, ink);
    out.attribution = Some(r.expand(4.0 * s));
    r.min.y - 10.0 * s
}

/// The cost of the legend at `r`: covering furniture rules it out; a protected label costs
/// far more than any number of others.
fn cost(r: Rect, furniture: &[Rect], wanted: &Wanted) -> Option<f64> {
    if furniture.iter().any(|f| f.intersects(r)) {
        return None;
    }
    let covered: f32 = wanted
        .protected
        .iter()
        .map(|p| p.intersect(r))
        .filter(|i| i.is_positive())
        .map(|i| i.area())
        .sum();
    let anchors = wanted.anchors.iter().filter(|a| r.contains(**a)).count();
    Some(f64::from(covered) * 1000.0 + anchors as f64)
}

/// The cheapest of the four corners of the map for a box of `size` (top left below the
/// title first, then top right below the north arrow, bottom left, bottom right), clear of
/// all furniture so far; `None` when it fits in none. With `only`, that corner alone.
fn best_corner(
    out: &ExportLayout,
    size: egui::Vec2,
    free_top: f32,
    wanted: &Wanted,
    f: &Fonts,
    only: Option<Corner>,
) -> Option<Rect> {
    let (map, m) = (out.map, f.margin());
    let furniture: Vec<Rect> = out.furniture().into_iter().map(|(_, r)| r).collect();
    let below_arrow = out.north_arrow.map_or(map.min.y + m, |r| r.max.y + m);
    let bottom_left = out.inset.map_or(map.max.y - m, |r| r.min.y - m);
    let bottom_right = out
        .scale_bar
        .as_ref()
        .map(|b| b.rect.min.y)
        .or(out.attribution.map(|r| r.min.y))
        .map_or(map.max.y - m, |y| y - m);
    let (left, right) = (map.min.x + m, map.max.x - m - size.x);
    let corners = [
        (Corner::TopLeft, pos2(left, free_top)),
        (Corner::TopRight, pos2(right, below_arrow)),
        (Corner::BottomLeft, pos2(left, bottom_left - size.y)),
        (Corner::BottomRight, pos2(right, bottom_right - size.y)),
    ];
    corners
        .iter()
        .filter(|(k, _)| only.is_none_or(|o| o == *k))
        .map(|(_, c)| Rect::from_min_size(c.round(), size))
        .filter(|r| map.contains_rect(*r))
        .filter_map(|r| cost(r, &furniture, wanted).map(|c| (r, c)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(r, _)| r)
}

/// The network diagram in the cheapest corner left, if one has room.
pub(super) fn place_network(
    painter: &egui::Painter,
    frame: &MapFrame<'_>,
    out: &mut ExportLayout,
    free_top: f32,
    wanted: &Wanted,
    f: &Fonts,
) {
    use crate::map::network_diagram::{DIAGRAM_SIZE, Diagram};
    let Some(r) = best_corner(out, DIAGRAM_SIZE, free_top, wanted, f, None) else {
        return;
    };
    let op = frame
        .layers
        .get(atlas_core::project::LayerKind::GroupNetwork)
        .opacity;
    Diagram::new(frame.atlas(), r).draw(painter, frame.atlas(), None, frame.dark(), op);
    out.network = Some(r);
}

/// Measure the legend, try the four corners (top left below the title first) and draw it in
/// the cheapest. Records its box and keys in `out`.
#[allow(clippy::too_many_arguments)]
pub(super) fn place_legend(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    settings: &ExportSettings,
    out: &mut ExportLayout,
    free_top: f32,
    wanted: &Wanted,
    f: &Fonts,
    ink: Ink,
) {
    let (map, m) = (out.map, f.margin());
    let column = (map.width() * 0.32).min(560.0);
    // One column if it fits in a corner, else two side by side; sizes in whole points, so
    // that a legend placed by its right or bottom edge is in the same place at every ratio.
    let mut placed = None;
    for columns in [1, 2] {
        let size = legend_size(ui, frame, settings, column, ink, columns).ceil();
        // The user's corner if the legend fits there, else the layout's choice.
        let chosen = best_corner(out, size, free_top, wanted, f, settings.legend_corner)
            .or_else(|| best_corner(out, size, free_top, wanted, f, None));
        if let Some(r) = chosen {
            placed = Some((r.expand(1.0), columns));
            break;
        }
    }
    // Nowhere it fits whole: two columns below the title, cut off above the inset.
    let bottom = out.inset.map_or(map.max.y, |r| r.min.y) - m;
    let (area, columns) = placed.unwrap_or_else(|| {
        let left = map.min.x + m;
        (
            Rect::from_min_max(pos2(left, free_top), pos2(left + 2.0 * column, bottom)),
            2,
        )
    });
    let b = legend_box(ui, frame, settings, area, ink, columns);
    f.note(b.min_font_px);
    out.legend_clipped = b.clipped;
    out.legend = Some(b.rect);
    out.legend_keys = b.keys;
}
