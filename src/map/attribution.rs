//! Attribution of the visible layers' sources, always painted on the map.

use egui::{Align2, Color32, FontId, Rect, Stroke, vec2};

use crate::state::{LayerId, LayerSettings};

/// Attribution lines for the visible layers, deduplicated, in layer order.
pub fn attribution_lines(layers: &LayerSettings) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for id in LayerId::ALL {
        if layers.shown(id) {
            for a in id.attribution() {
                if !out.contains(a) {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// [`attribution_lines`] plus the chosen basemap source's credit (after the built-in
/// basemap's, which fills in under it) when the basemap layer is visible.
pub fn credits(layers: &LayerSettings, basemap_source: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = attribution_lines(layers)
        .into_iter()
        .map(str::to_owned)
        .collect();
    if let Some(c) = basemap_source.filter(|c| !c.is_empty())
        && layers.shown(LayerId::Basemap)
        && !out.iter().any(|o| o == c)
    {
        let at = out.len().min(1);
        out.insert(at, c.to_owned());
    }
    out
}

/// Paint the attribution in the bottom-right corner of `rect`.
pub fn paint(
    ui: &egui::Ui,
    rect: Rect,
    layers: &LayerSettings,
    dark: bool,
    basemap_source: Option<&str>,
) {
    let text = credits(layers, basemap_source).join(" · ");
    if text.is_empty() {
        return;
    }
    let painter = ui.painter_at(rect);
    let (fg, bg) = if dark {
        (Color32::from_gray(220), Color32::from_black_alpha(170))
    } else {
        (Color32::from_gray(40), Color32::from_white_alpha(200))
    };
    let galley = painter.layout(
        text,
        FontId::proportional(11.0 * super::style::text_scale(ui.ctx())),
        fg,
        (rect.width() - 16.0).max(50.0),
    );
    let r = Align2::RIGHT_BOTTOM
        .anchor_size(rect.right_bottom() - vec2(4.0, 4.0), galley.size())
        .expand2(vec2(4.0, 2.0));
    painter.rect(r, 2.0, bg, Stroke::NONE, egui::StrokeKind::Inside);
    painter.galley(r.min + vec2(4.0, 2.0), galley, fg);
}
