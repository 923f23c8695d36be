//! The export layout: banners, map, title, legend, scale bar, north arrow, sources, time stamp,
//! and the synthetic-data watermark — painted around and over the shared map renderer.

use egui::{Color32, Rect, UiBuilder, pos2};

use super::layout_parts::{
    Fonts, banners, inset_rect, place_legend, place_network, sources_line, title_box,
};
use super::settings::ExportSettings;
use crate::map::marks::{self, Ink, ScaleBarMark};
use crate::map::{BasemapTiles, MapFrame, attribution_lines, show_map, style};
use crate::state::ViewState;

/// Where each element of an export went (screen points; pixels are points × the pixel
/// ratio), for tests and for
/// callers that want to check the result.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportLayout {
    pub map: Rect,
    pub title: Option<Rect>,
    pub legend: Option<Rect>,
    /// The legend was taller than the room below the title and was cut off.
    pub legend_clipped: bool,
    /// The legend's keys as drawn (the layer each belongs to, its text).
    pub legend_keys: Vec<crate::ui::legend_record::LegendKey>,
    pub attribution: Option<Rect>,
    /// The sources line as printed (with the chosen basemap source's credit).
    pub sources: Option<String>,
    pub scale_bar: Option<ScaleBarMark>,
    pub north_arrow: Option<Rect>,
    /// The locator inset, with its frame.
    pub inset: Option<Rect>,
    /// The group network's diagram (when that layer is shown).
    pub network: Option<Rect>,
    pub watermark: bool,
    /// Bounding box of the turned "SYNTHETIC DATA" text.
    pub watermark_rect: Option<Rect>,
    /// The classification banners, top and bottom (outside the map).
    pub banners: Vec<Rect>,
    /// Smallest font size (pixels) the layout itself used (map labels not included).
    pub min_font_px: f32,
    /// Map centre (lon, lat) and zoom as drawn.
    pub center: [f64; 2],
    pub zoom: f64,
    /// Every text placed on the map by the label engine (screen points).
    pub labels: Vec<atlas_core::labels::PlacedLabel>,
}

pub(super) fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
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
/// layout furniture of `settings`, then the map's labels clear of the furniture. Returns
/// where every element went.
pub fn draw_export_layout(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    view: &mut ViewState,
    tiles: &mut BasemapTiles,
    settings: &ExportSettings,
) -> ExportLayout {
    let s = settings.text_scale();
    style::set_text_scale(ui.ctx(), s);
    let mut out = ExportLayout::empty(ui.max_rect());
    let fonts = Fonts::new(s);
    banners(ui, settings, &mut out, &fonts);
    let map_rect = out.map;
    let basemap_credit = tiles.source_credit().map(str::to_owned);
    let mut shown = ui
        .scope_builder(
            UiBuilder::new().max_rect(map_rect).id_salt("export-map"),
            |ui| show_map(ui, frame, view, tiles, false),
        )
        .inner;
    let centre = view
        .memory
        .detached()
        .unwrap_or_else(crate::state::start_position);
    out.center = [centre.x(), centre.y()];
    out.zoom = view.memory.zoom();
    let painter = ui.painter_at(map_rect);
    let ink = Ink::new(settings.dark);
    let free_top = title_box(&painter, settings, &mut out, &fonts, ink);
    if settings.north_arrow {
        out.north_arrow = Some(marks::north_arrow(
            &painter,
            map_rect,
            s,
            ink,
            fonts.font(18.0),
        ));
    }
    let inset = settings.inset.then(|| inset_rect(map_rect, &fonts));
    let bottom = if settings.attribution {
        let lines = attribution_lines(frame, basemap_credit.as_deref());
        let left = inset.map(|r| r.max.x);
        sources_line(&painter, &lines, left, &mut out, &fonts, ink)
    } else {
        map_rect.max.y - fonts.margin()
    };
    if settings.scale_bar {
        out.scale_bar = Some(marks::scale_bar(
            &painter,
            view,
            map_rect,
            pos2(map_rect.max.x - fonts.margin(), bottom - 8.0 * s),
            s,
            ink,
            fonts.font(15.0),
        ));
    }
    if let Some(r) = inset {
        let extent = super::inset::view_box(view, map_rect);
        super::inset::draw_inset(ui, r, tiles, extent, ink);
        out.inset = Some(r.expand(3.0));
    }
    // Panels go where they cover no report place and the fewest labels.
    let wanted = shown
        .labels
        .as_ref()
        .map(|l| l.wanted())
        .unwrap_or_default();
    if settings.legend {
        place_legend(
            ui, frame, settings, &mut out, free_top, &wanted, &fonts, ink,
        );
    }
    if frame
        .layers
        .shown(atlas_core::project::LayerKind::GroupNetwork)
    {
        place_network(&painter, frame, &mut out, free_top, &wanted, &fonts);
    }
    let furniture: Vec<Rect> = out.furniture().into_iter().map(|(_, r)| r).collect();
    out.labels = shown.finish_labels(&furniture);
    if synthetic_shown(frame) {
        out.watermark_rect = Some(marks::watermark(&painter, map_rect, s));
        out.watermark = true;
    }
    out.min_font_px = out.min_font_px.min(fonts.min());
    out
}

impl ExportLayout {
    /// The layout furniture drawn over the map, by kind (`title`, `legend`, `scale_bar`,
    /// `north_arrow`, `sources`), in screen points; banners lie outside the map.
    pub fn furniture(&self) -> Vec<(&'static str, Rect)> {
        let mut out = Vec::new();
        out.extend(self.title.map(|r| ("title", r)));
        out.extend(self.legend.map(|r| ("legend", r)));
        out.extend(self.scale_bar.as_ref().map(|b| ("scale_bar", b.rect)));
        out.extend(self.north_arrow.map(|r| ("north_arrow", r)));
        out.extend(self.attribution.map(|r| ("sources", r)));
        out.extend(self.inset.map(|r| ("inset", r)));
        out.extend(self.network.map(|r| ("network_diagram", r)));
        out
    }

    fn empty(full: Rect) -> Self {
        ExportLayout {
            map: full,
            title: None,
            legend: None,
            legend_clipped: false,
            legend_keys: Vec::new(),
            attribution: None,
            sources: None,
            scale_bar: None,
            north_arrow: None,
            inset: None,
            network: None,
            watermark: false,
            watermark_rect: None,
            banners: Vec::new(),
            min_font_px: f32::INFINITY,
            center: [0.0; 2],
            zoom: 0.0,
            labels: Vec::new(),
        }
    }
}
