//! Legend of the visible layers: their symbols and what they mean.

use egui::{Color32, Sense, Stroke, vec2};

use atlas_core::project::LayerKind as LayerId;

use atlas_core::text::display_text;

use crate::map::MapFrame;
use crate::map::style::map_style;

/// Height of one legend text line in whole points, above what egui rounds a text row to at
/// any pixel ratio, so a legend has the same layout at 1080p and 4K.
fn line_height(ui: &egui::Ui) -> f32 {
    (egui::TextStyle::Body.resolve(ui.style()).size * 1.3).ceil()
}

/// One legend line (or a few wrapped ones) drawn by `add`, as tall as its lines take at
/// [`line_height`] each: the legend's layout does not depend on the pixel ratio.
pub(crate) fn line<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let step = line_height(ui);
    ui.scope(|ui| {
        let r = add(ui);
        let h = ui.min_rect().height();
        let lines = (h / (size * 1.2)).round().max(1.0);
        // Pad to whole lines (never taking away: a taller row keeps its height). In a
        // top-down ui the minimum height counts from the cursor, below what was drawn.
        let pad = lines * step - h;
        if pad > 0.0 {
            ui.set_min_height(pad);
        }
        r
    })
    .inner
}

/// One legend row: a symbol drawn by `swatch` (faded to the layer's `opacity`, as the map
/// draws it) and its text.
pub(crate) fn row(
    ui: &mut egui::Ui,
    layer: LayerId,
    opacity: f32,
    text: &str,
    swatch: impl FnOnce(&egui::Painter, egui::Rect),
) {
    super::legend_record::record(ui.ctx(), layer, text);
    line(ui, |ui| {
        ui.horizontal_top(|ui| {
            // Symbols grow with the text (exports scale the text styles).
            let k = ui
                .style()
                .text_styles
                .get(&egui::TextStyle::Body)
                .map_or(1.0, |f| f.size / 12.5);
            let (rect, _) = ui.allocate_exact_size((vec2(28.0, 16.0) * k).round(), Sense::hover());
            let mut painter = ui.painter().clone();
            painter.multiply_opacity(opacity);
            swatch(&painter, rect);
            ui.add(egui::Label::new(display_text(text)).wrap());
        })
    });
}

/// The legend of the visible layers. `compact` (exports) leaves out group aliases and, unless
/// `basemap` asks for them, the basemap's own keys (borders).
pub fn show(ui: &mut egui::Ui, frame: &MapFrame<'_>, compact: bool, basemap: bool) {
    line(ui, |ui| ui.heading("Legend"));
    camps_rows(ui, frame);
    presence_rows(ui, frame, compact);
    network_rows(ui, frame);
    report_rows(ui, frame);
    boundary_rows(ui, frame);
    band_rows(ui, frame);
    if frame.layers.shown(LayerId::Basemap) && (basemap || !compact) {
        basemap_rows(ui, frame);
    }
}

/// The training centres' key.
fn camps_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>) {
    let layers = frame.layers;
    if layers.shown(LayerId::TrainingCamps) {
        let op = layers.get(LayerId::TrainingCamps).opacity;
        row(
            ui,
            LayerId::TrainingCamps,
            op,
            &format!(
                "TTP training centre ({})",
                crate::map::camps_layer::CAMP_WORDING
            ),
            |p, r| {
                let c = crate::map::camps_layer::CAMP_COLOUR;
                p.rect_stroke(
                    r.shrink(2.0),
                    0.0,
                    Stroke::new(1.5, c),
                    egui::StrokeKind::Inside,
                );
                for k in 0..4 {
                    let x = r.left() + 4.0 + 7.0 * k as f32;
                    p.line_segment(
                        [
                            egui::pos2(x, r.bottom() - 2.0),
                            egui::pos2(x + 10.0, r.top() + 2.0),
                        ],
                        Stroke::new(1.2, c),
                    );
                }
            },
        );
    }
}

/// Group presence: how it is drawn and each shown group's colour.
fn presence_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>, compact: bool) {
    let (data, layers) = (frame.atlas(), frame.layers);
    if layers.shown(LayerId::GroupPresence) {
        let op = layers.get(LayerId::GroupPresence).opacity;
        let heading =
            "Group presence (stripes: area named by the report; dots: town; chips: country-level)";
        super::legend_record::record(ui.ctx(), LayerId::GroupPresence, heading);
        line(ui, |ui| ui.label(heading));
        let shown: Vec<_> = data
            .report
            .groups
            .groups
            .iter()
            .filter(|g| !layers.hidden_groups().contains(&g.id))
            .collect();
        if compact {
            // Two groups a line: the slide's legend stays short.
            for pair in shown.chunks(2) {
                line(ui, |ui| {
                    ui.columns(2, |cols| {
                        for (col, g) in cols.iter_mut().zip(pair) {
                            let colour = crate::map::palette::group_colour(g.colour_index);
                            let text = format!("{} ({})", g.name, g.short);
                            row(col, LayerId::GroupPresence, op, &text, |p, r| {
                                p.rect_filled(r.shrink(3.0), 2.0, colour);
                            });
                        }
                    })
                });
            }
        }
        for g in shown.iter().filter(|_| !compact) {
            let colour = crate::map::palette::group_colour(g.colour_index);
            // The three commonest aliases; details and extraction know them all.
            let aliases: Vec<&str> = g.aliases.iter().take(3).map(String::as_str).collect();
            let aliases = if aliases.is_empty() {
                String::new()
            } else {
                format!(" — also {}", aliases.join(", "))
            };
            row(
                ui,
                LayerId::GroupPresence,
                op,
                &format!("{} ({}){aliases}", g.name, g.short),
                |p, r| {
                    p.rect_filled(r.shrink(3.0), 2.0, colour);
                },
            );
        }
    }
}

/// The network diagram's edges.
fn network_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>) {
    let layers = frame.layers;
    if layers.shown(LayerId::GroupNetwork) {
        let op = layers.get(LayerId::GroupNetwork).opacity;
        row(
            ui,
            LayerId::GroupNetwork,
            op,
            "Relationship stated in the report (arrow: one-way)",
            |p, r| {
                p.arrow(
                    r.left_center(),
                    egui::vec2(r.width() - 2.0, 0.0),
                    Stroke::new(2.0, Color32::from_gray(120)),
                );
            },
        );
        row(ui, LayerId::GroupNetwork, op, "Rivalry", |p, r| {
            p.extend(egui::Shape::dashed_line(
                &[r.left_center(), r.right_center()],
                Stroke::new(2.0, Color32::from_gray(120)),
                6.0,
                4.0,
            ));
        });
    }
}

/// The report's places.
fn report_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>) {
    let layers = frame.layers;
    let s = map_style(frame.dark());
    if layers.shown(LayerId::ReportPlaces) {
        let op = layers.get(LayerId::ReportPlaces).opacity;
        row(
            ui,
            LayerId::ReportPlaces,
            op,
            "Place named in the report",
            |p, r| {
                p.rect(
                    r.shrink(2.0),
                    2.0,
                    s.report_fill,
                    Stroke::new(2.5, s.report),
                    egui::StrokeKind::Inside,
                );
            },
        );
        row(
            ui,
            LayerId::ReportPlaces,
            op,
            "Town named in the report",
            |p, r| {
                let c = r.center();
                let d = 6.0;
                p.add(egui::Shape::convex_polygon(
                    vec![
                        c + vec2(0.0, -d),
                        c + vec2(d, 0.0),
                        c + vec2(0.0, d),
                        c + vec2(-d, 0.0),
                    ],
                    s.report,
                    Stroke::NONE,
                ));
            },
        );
        row(
            ui,
            LayerId::ReportPlaces,
            op,
            "Context (district of a named town)",
            |p, r| {
                p.extend(egui::Shape::dashed_line(
                    &[r.left_center(), r.right_center()],
                    Stroke::new(1.5, s.context),
                    6.0,
                    4.0,
                ));
            },
        );
    }
}

/// Province and district boundaries, towns.
fn boundary_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>) {
    let layers = frame.layers;
    let s = map_style(frame.dark());
    if layers.shown(LayerId::Provinces) {
        let op = layers.get(LayerId::Provinces).opacity;
        row(
            ui,
            LayerId::Provinces,
            op,
            "Province boundary (geoBoundaries: ≈2 km, at most 16 km, off the Natural Earth AF–PK border)",
            |p, r| {
                p.line_segment(
                    [r.left_center(), r.right_center()],
                    Stroke::new(1.2, s.province),
                );
            },
        );
    }
    if layers.shown(LayerId::Districts) {
        let op = layers.get(LayerId::Districts).opacity;
        row(
            ui,
            LayerId::Districts,
            op,
            "District boundary (zoom in)",
            |p, r| {
                p.line_segment(
                    [r.left_center(), r.right_center()],
                    Stroke::new(0.8, s.district),
                );
            },
        );
    }
    if layers.shown(LayerId::Towns) {
        let op = layers.get(LayerId::Towns).opacity;
        row(ui, LayerId::Towns, op, "Town / city (by size)", |p, r| {
            p.circle(r.center(), 3.0, Color32::WHITE, Stroke::new(1.2, s.town));
        });
    }
}

/// The basemap's own symbols (borders).
fn basemap_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>) {
    let layers = frame.layers;
    let op = layers.get(LayerId::Basemap).opacity;
    row(
        ui,
        LayerId::Basemap,
        op,
        "International border (Natural Earth: the line border distances are measured to)",
        |p, r| {
            p.line_segment(
                [r.left_center(), r.right_center()],
                Stroke::new(1.8, Color32::from_gray(90)),
            );
        },
    );
    row(ui, LayerId::Basemap, op, "Disputed boundary", |p, r| {
        p.extend(egui::Shape::dashed_line(
            &[r.left_center(), r.right_center()],
            Stroke::new(1.5, Color32::from_gray(110)),
            5.0,
            3.0,
        ));
    });
}

/// One row per border band drawn: its width and what it is.
fn band_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>) {
    use crate::map::border_band_layer::{BAND_COLOUR, BAND_FILL, band_words};
    for l in frame
        .layers
        .shown_layers()
        .filter(|l| l.kind == LayerId::BorderBand)
    {
        let Some(band) = l.source.as_ref().and_then(|s| frame.scene.bands.get(s)) else {
            continue;
        };
        row(
            ui,
            LayerId::BorderBand,
            l.style.opacity,
            &band_words(band.km),
            |p, r| {
                p.rect(
                    r.shrink(2.0),
                    0.0,
                    BAND_COLOUR.gamma_multiply(BAND_FILL),
                    Stroke::NONE,
                    egui::StrokeKind::Inside,
                );
                p.extend(egui::Shape::dashed_line(
                    &[
                        r.left_top() + vec2(2.0, 3.0),
                        r.right_top() + vec2(-2.0, 3.0),
                    ],
                    Stroke::new(1.5, BAND_COLOUR),
                    5.0,
                    3.0,
                ));
            },
        );
    }
}
