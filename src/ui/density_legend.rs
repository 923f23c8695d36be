//! Legend of the attack-density layers: the dataset (and the synthetic warning), the
//! heatmap ramp with its units, the choropleth classes, the incident symbols.

use egui::{Color32, Mesh, Sense, Stroke, pos2, vec2};

use super::legend::line;
use crate::density::analysis::class_labels;
use crate::density::heat::{ramp_rgba, scaled_at};
use crate::density::params::{by_noun, method_name, weight_noun};
use crate::density::{By, DensityState, SYNTHETIC_WARNING, Weight};
use crate::map::MapFrame;
use crate::map::choropleth_layer::{FILL_ALPHA, class_colour};
use crate::map::incidents_layer::INCIDENT_COLOUR;
use atlas_core::project::LayerKind as LayerId;
use atlas_core::text::count_noun;

/// Red used for the synthetic-data warning.
pub const WARNING_RED: Color32 = Color32::from_rgb(190, 25, 40);

/// One legend row, its swatch faded to the layer's `opacity` as the map draws it.
fn row(
    ui: &mut egui::Ui,
    layer: LayerId,
    opacity: f32,
    text: &str,
    swatch: impl FnOnce(&egui::Painter, egui::Rect),
) {
    super::legend_record::record(ui.ctx(), layer, text);
    line(ui, |ui| {
        ui.horizontal_top(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
            let mut painter = ui.painter().clone();
            painter.multiply_opacity(opacity);
            swatch(&painter, rect);
            ui.add(egui::Label::new(text).wrap());
        })
    });
}

fn singular(w: Weight) -> &'static str {
    match w {
        Weight::Events => "event",
        Weight::Fatalities => "fatality",
    }
}

/// A number for a legend: two significant digits or so.
pub fn short_number(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// The density legend of the window's dataset (nothing when no density layer is shown).
pub fn show(ui: &mut egui::Ui, density: &DensityState, frame: &MapFrame<'_>) {
    if !frame.layers.any_density() {
        return;
    }
    let shown = |k: LayerId| frame.layers.shown(k);
    entries(
        ui,
        frame,
        density.dataset().map(|d| &**d),
        density.analysis().map(|a| &**a),
        &shown,
    );
}

/// The density legend of every dataset a shown layer draws, from the frame's scene (as the
/// export draws it): one block per dataset, keyed to that dataset's shown layers.
pub fn show_scene(ui: &mut egui::Ui, frame: &MapFrame<'_>) {
    let density = || frame.layers.shown_layers().filter(|l| l.kind.is_density());
    let mut sources: Vec<&str> = Vec::new();
    for s in density().filter_map(|l| l.source.as_deref()) {
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    for src in sources {
        let of_src = || density().filter(|l| l.source.as_deref() == Some(src));
        let analysis = of_src().find_map(|l| frame.scene.analyses.get(&l.id));
        let shown = |k: LayerId| of_src().any(|l| l.kind == k);
        entries(
            ui,
            frame,
            frame.scene.datasets.get(src).map(|d| &**d),
            analysis.map(|a| &**a),
            &shown,
        );
    }
}

/// One dataset's legend block; `shown` says which density kinds of it are drawn.
fn entries(
    ui: &mut egui::Ui,
    frame: &MapFrame<'_>,
    ds: Option<&crate::density::Dataset>,
    a: Option<&crate::density::Analysis>,
    shown: &dyn Fn(LayerId) -> bool,
) {
    let (dark, layers) = (frame.dark(), frame.layers);
    let Some(ds) = ds else {
        line(ui, |ui| ui.label("Incidents: loading…"));
        return;
    };
    // The text colour, not the theme's strong colour: an export's legend sets its own ink.
    let ink = ui.visuals().text_color();
    line(ui, |ui| {
        ui.label(
            egui::RichText::new(format!("Attack density: {}", ds.origin.name))
                .strong()
                .color(ink),
        )
    });
    if ds.synthetic() {
        line(ui, |ui| ui.colored_label(WARNING_RED, SYNTHETIC_WARNING));
    }
    let Some(a) = a else {
        line(ui, |ui| ui.label("Computing…"));
        return;
    };
    let q = &a.params.query;
    let noun = weight_noun(q.weight);
    line(ui, |ui| {
        ui.label(format!(
            "{} of {} incidents selected ({} fatalities)",
            a.shown.incidents,
            ds.len(),
            a.fatalities
        ))
    });
    if shown(LayerId::Heatmap)
        && let Some(heat) = &a.heat
    {
        let heading = format!(
            "Heatmap: {noun} per 100 km² (kernel density, bandwidth {} km)",
            q.bandwidth_km
        );
        super::legend_record::record(ui.ctx(), LayerId::Heatmap, &heading);
        line(ui, |ui| ui.label(heading));
        ramp(ui, heat.peak, dark, layers.get(LayerId::Heatmap).opacity);
        line(ui, |ui| {
            ui.label(if heat.shared {
                "Colour scale: the same for every frame of this length (the highest any reaches)"
            } else {
                "Colour scale: this view's own peak"
            })
        });
    }
    if shown(LayerId::Choropleth) {
        choropleth_rows(ui, frame, a);
    }
    if shown(LayerId::Incidents) {
        incident_rows(ui, frame, a);
    }
}

/// The choropleth's classes: ranges, how many units each holds, the unfilled zero class.
fn choropleth_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>, a: &crate::density::Analysis) {
    let layers = frame.layers;
    let q = &a.params.query;
    let noun = weight_noun(q.weight);
    let op = layers.get(LayerId::Choropleth).opacity;
    let u = &a.units;
    line(ui, |ui| {
        ui.label(format!(
            "Choropleth: {noun} per {} ({})",
            by_noun(u.by),
            method_name(q.method)
        ))
    });
    let n = u.classes.len();
    for (i, label) in class_labels(&u.classes).iter().enumerate() {
        let noun = if label == "1" {
            singular(q.weight)
        } else {
            noun
        };
        let members = u
            .class_of_unit
            .iter()
            .filter(|c| c.map(usize::from) == Some(i))
            .count();
        let units = count_noun(members, by_noun(u.by), &format!("{}s", by_noun(u.by)));
        row(
            ui,
            LayerId::Choropleth,
            op,
            &format!("{label} {noun} ({units})"),
            |p, r| {
                p.rect_filled(
                    r.shrink(2.0),
                    2.0,
                    class_colour(i, n).gamma_multiply(FILL_ALPHA),
                );
            },
        );
    }
    row(
        ui,
        LayerId::Choropleth,
        op,
        &format!("0 {noun}: no fill"),
        |p, r| {
            p.rect_stroke(
                r.shrink(2.0),
                2.0,
                Stroke::new(1.0, Color32::from_gray(140)),
                egui::StrokeKind::Inside,
            );
        },
    );
    let unassigned: u64 = u.table.unassigned.iter().map(|c| c.events).sum();
    if u.by == By::District && unassigned > 0 {
        line(ui, |ui| {
            ui.weak(format!(
                "{} located only to a province: in no district",
                count_noun(unassigned as usize, "event", "events")
            ))
        });
    }
    if u.table.outside_events > 0 {
        line(ui, |ui| {
            ui.weak(format!(
                "{} outside every {}",
                count_noun(u.table.outside_events as usize, "event", "events"),
                by_noun(u.by)
            ))
        });
    }
}

/// Incident points and clusters, and what is counted but not drawn.
fn incident_rows(ui: &mut egui::Ui, frame: &MapFrame<'_>, a: &crate::density::Analysis) {
    let layers = frame.layers;
    let op = layers.get(LayerId::Incidents).opacity;
    row(
        ui,
        LayerId::Incidents,
        op,
        "Incident, exact or town (zoom 8 and closer)",
        |p, r| {
            p.circle(
                r.center(),
                4.0,
                INCIDENT_COLOUR,
                Stroke::new(1.0, Color32::WHITE),
            );
        },
    );
    row(
        ui,
        LayerId::Incidents,
        op,
        "Incident located to a district centre only",
        |p, r| {
            p.circle_stroke(r.center(), 5.0, Stroke::new(2.0, INCIDENT_COLOUR));
        },
    );
    row(
        ui,
        LayerId::Incidents,
        op,
        "Cluster: number of incidents (farther out)",
        |p, r| {
            p.circle(
                r.center(),
                7.5,
                INCIDENT_COLOUR.gamma_multiply(0.8),
                Stroke::new(1.0, Color32::WHITE),
            );
        },
    );
    let coarse = a.shown.incidents.saturating_sub(a.shown.mapped);
    if coarse > 0 {
        line(ui, |ui| {
            ui.weak(format!(
                "{coarse} located only to a province or country: counted, not drawn"
            ))
        });
    }
    if a.from_cube {
        line(ui, |ui| ui.weak("Points: updating for the new dates…"));
    }
}

/// The heatmap's colour ramp with ticks at 0, a quarter of the peak and the peak.
/// The ramp faded to the layer's `opacity` (its tick labels are not).
fn ramp(ui: &mut egui::Ui, peak: f64, dark: bool, opacity: f32) {
    // Sized with the text, so an export's scaled legend gets a scaled ramp.
    let scale = egui::TextStyle::Body.resolve(ui.style()).size / 14.0;
    let (rect, _) = ui.allocate_exact_size((vec2(200.0, 30.0) * scale).round(), Sense::hover());
    let bar = egui::Rect::from_min_size(rect.min, vec2(rect.width(), 12.0 * scale));
    let mut faded = ui.painter().clone();
    faded.multiply_opacity(opacity);
    let p = ui.painter();
    // Checker behind the bar so its transparent low end reads as "fades out".
    p.rect_filled(bar, 0.0, Color32::from_gray(if dark { 40 } else { 240 }));
    let mut mesh = Mesh::default();
    let steps = 48;
    for k in 0..=steps {
        let t = k as f32 / steps as f32;
        let [r, g, b, a] = ramp_rgba(t, dark);
        let c = Color32::from_rgba_unmultiplied(r, g, b, a);
        let x = bar.left() + t * bar.width();
        mesh.colored_vertex(pos2(x, bar.top()), c);
        mesh.colored_vertex(pos2(x, bar.bottom()), c);
        if k > 0 {
            let i = 2 * k as u32;
            mesh.add_triangle(i - 2, i - 1, i);
            mesh.add_triangle(i - 1, i, i + 1);
        }
    }
    faded.add(mesh);
    p.rect_stroke(
        bar,
        0.0,
        Stroke::new(0.5, Color32::from_gray(120)),
        egui::StrokeKind::Outside,
    );
    let font = egui::FontId::proportional(11.0 * scale);
    let ink = ui.visuals().text_color();
    for (t, align) in [
        (0.0f32, egui::Align2::LEFT_TOP),
        (0.5, egui::Align2::CENTER_TOP),
        (1.0, egui::Align2::RIGHT_TOP),
    ] {
        let v = peak * scaled_at(t) as f64;
        let text = if t == 0.0 {
            "0".to_string()
        } else {
            short_number(v)
        };
        let x = bar.left() + t * bar.width();
        p.text(pos2(x, bar.bottom() + 2.0), align, text, font.clone(), ink);
    }
}

/// The density legend as a foldable box over the map's lower-right corner (in this region
/// the plains of Punjab and Sindh, away from the border areas the data is about) (`map` is the map's rect).
pub fn overlay(
    ui: &mut egui::Ui,
    map: egui::Rect,
    density: &DensityState,
    frame: &MapFrame<'_>,
) -> Option<egui::Rect> {
    let dark = frame.dark();
    if !frame.layers.any_density() {
        return None;
    }
    let fill = if dark {
        Color32::from_rgba_unmultiplied(25, 25, 30, 225)
    } else {
        Color32::from_rgba_unmultiplied(250, 250, 248, 230)
    };
    let shown = egui::Area::new(egui::Id::unique("density-legend"))
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .fixed_pos(map.right_bottom() + vec2(-10.0, -38.0))
        .constrain_to(map)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(fill)
                .stroke(Stroke::new(1.0, Color32::from_black_alpha(60)))
                .corner_radius(4.0)
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.set_max_width(250.0);
                    *ui.visuals_mut() = if dark {
                        egui::Visuals::dark()
                    } else {
                        egui::Visuals::light()
                    };
                    egui::CollapsingHeader::new("Attack density legend")
                        .default_open(true)
                        .show(ui, |ui| show(ui, density, frame));
                });
        });
    Some(shown.response.rect)
}
