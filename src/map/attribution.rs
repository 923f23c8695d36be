//! Attribution of the visible layers' sources, always painted on the map: reference data,
//! the report, and each shown dataset by file name.

use atlas_core::project::{LayerKind, SourceKind};
use egui::{Align2, Color32, FontId, Rect, Stroke, vec2};

use super::MapFrame;

/// Fixed credits of the reference layers.
fn credits(kind: LayerKind) -> &'static [&'static str] {
    match kind {
        LayerKind::Basemap => &["Made with Natural Earth"],
        LayerKind::Provinces | LayerKind::Districts => &["Boundaries: geoBoundaries (CC BY 4.0)"],
        LayerKind::Towns => &["Place names: GeoNames (CC BY 4.0)"],
        _ => &[],
    }
}

/// What one shown layer credits: reference data, the report file, each dataset by name with
/// the rows it uses.
fn layer_credit(frame: &MapFrame<'_>, l: &atlas_core::project::LayerDef) -> Vec<String> {
    let fixed: Vec<String> = credits(l.kind).iter().map(|s| (*s).to_owned()).collect();
    if !fixed.is_empty() {
        return fixed;
    }
    let Some(src) = l.source.as_deref().and_then(|s| frame.project.source(s)) else {
        return Vec::new();
    };
    let name = src.display_name();
    let text = match &src.kind {
        SourceKind::Findings { file, .. } => {
            let f = file.file_name();
            let report = frame
                .atlas()
                .report
                .source
                .as_ref()
                .map(|s| s.file.clone())
                .unwrap_or(f);
            format!("Report: {report} (see data/report)")
        }
        SourceKind::Incidents { .. } => match frame.scene.datasets.get(&src.id) {
            Some(d) if d.synthetic() => format!("Incidents: {name} (SYNTHETIC, {} rows)", d.len()),
            Some(d) => format!("Incidents: {name} ({} rows)", d.len()),
            // Not loaded (yet): nothing of it is drawn, so nothing is credited.
            None => return Vec::new(),
        },
        SourceKind::CampPoints { .. } => match frame.scene.camp_points.get(&src.id) {
            Some(p) => format!("Camps: {name} ({} points)", p.len()),
            None => return Vec::new(),
        },
        SourceKind::ReportText { .. } => format!("Places named in: {name}"),
    };
    vec![text]
}

/// Attribution lines for the shown layers, deduplicated, in layer order (bottom first);
/// `basemap_source` is the chosen basemap source's credit (after the built-in basemap's,
/// which fills in under it).
pub fn attribution_lines(frame: &MapFrame<'_>, basemap_source: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if frame.layers.shown(LayerKind::Basemap) {
        for a in credits(LayerKind::Basemap) {
            out.push((*a).to_owned());
        }
        if let Some(c) = basemap_source.filter(|c| !c.is_empty()) {
            out.push(c.to_owned());
        }
    }
    for l in frame.layers.shown_layers() {
        for a in layer_credit(frame, l) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// Paint the attribution in the bottom-right corner of `rect`. Returns its box.
pub fn paint(
    ui: &egui::Ui,
    rect: Rect,
    frame: &MapFrame<'_>,
    dark: bool,
    basemap_source: Option<&str>,
) -> Option<Rect> {
    let text = attribution_lines(frame, basemap_source).join(" · ");
    if text.is_empty() {
        return None;
    }
    let painter = ui.painter_at(rect);
    let (fg, bg) = if dark {
        (Color32::from_gray(220), Color32::from_black_alpha(170))
    } else {
        (Color32::from_gray(40), Color32::from_white_alpha(200))
    };
    let galley = painter.layout(
        text,
        FontId::proportional(super::style::font_size(ui.ctx(), 11.0)),
        fg,
        (rect.width() - 16.0).max(50.0),
    );
    let r = Align2::RIGHT_BOTTOM
        .anchor_size(rect.right_bottom() - vec2(4.0, 4.0), galley.size())
        .expand2(vec2(4.0, 2.0));
    painter.rect(r, 2.0, bg, Stroke::NONE, egui::StrokeKind::Inside);
    painter.galley(r.min + vec2(4.0, 2.0), galley, fg);
    Some(r)
}
