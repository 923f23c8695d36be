//! An export's layout as JSON (`export --layout-json`): every placed label and every piece of
//! furniture, in image pixels.

use serde::Serialize;

use super::layout::ExportLayout;

/// A box in image pixels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Furniture {
    pub kind: &'static str,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// What an export placed, in image pixels: `labels` (text, x, y, w, h, layer),
/// `furniture` (kind: title, legend, scale_bar, north_arrow, inset, sources, banner,
/// watermark, network_diagram) and the `legend`'s keys (layer, text).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutJson {
    pub width: u32,
    pub height: u32,
    pub labels: Vec<atlas_core::labels::PlacedLabel>,
    pub furniture: Vec<Furniture>,
    /// The legend's keys as drawn: the layer each belongs to and its text.
    pub legend: Vec<crate::ui::legend_record::LegendKey>,
}

fn boxed(kind: &'static str, r: egui::Rect, ppp: f32) -> Furniture {
    Furniture {
        kind,
        x: r.min.x * ppp,
        y: r.min.y * ppp,
        w: r.width() * ppp,
        h: r.height() * ppp,
    }
}

impl LayoutJson {
    /// `layout` of an image `size` pixels wide and high, drawn at `ppp` pixels per point.
    pub fn new(layout: &ExportLayout, size: [u32; 2], ppp: f32) -> Self {
        let mut furniture: Vec<Furniture> = layout
            .furniture()
            .into_iter()
            .map(|(k, r)| boxed(k, r, ppp))
            .collect();
        furniture.extend(layout.banners.iter().map(|r| boxed("banner", *r, ppp)));
        furniture.extend(layout.watermark_rect.map(|r| boxed("watermark", r, ppp)));
        let labels = layout
            .labels
            .iter()
            .map(|l| atlas_core::labels::PlacedLabel {
                x: l.x * ppp,
                y: l.y * ppp,
                w: l.w * ppp,
                h: l.h * ppp,
                ..l.clone()
            })
            .collect();
        LayoutJson {
            width: size[0],
            height: size[1],
            labels,
            furniture,
            legend: layout.legend_keys.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }
}
