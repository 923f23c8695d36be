//! Incidents as points from zoom 8 on (filled: town or exact; ring: district centre only),
//! clustered further out; hovering shows the incident's row and source, or the cluster size.

use egui::{Color32, Mesh, Pos2, Response, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Label, LabelBody, LabelSink};
use super::style::faded;
use super::transform::WorldToScreen;
use crate::density::clusters::{Cluster, cluster_radius};
use crate::density::{Dataset, SYNTHETIC_WARNING};
use crate::map::MapDensity;
use crate::state::LayerStyle;
use atlas_core::incidents::{DatePrecision, LocationPrecision};
use atlas_core::text::display_text;

/// Point and cluster colour.
pub const INCIDENT_COLOUR: Color32 = Color32::from_rgb(178, 24, 43);
/// Size of the numbers on clusters (points; 15 px on a 1080p slide).
pub const CLUSTER_TEXT: f32 = 12.0;
/// Point radius, screen points.
pub const POINT_RADIUS: f32 = 4.0;

pub struct IncidentsLayer<'a> {
    pub density: &'a MapDensity<'a>,
    pub style: LayerStyle,
    pub interactive: bool,
    pub labels: LabelSink,
}

/// The tooltip of incident `i`: what, when, who, where (with precision), toll, source.
pub fn incident_tooltip(ui: &mut Ui, ds: &Dataset, i: usize) {
    let Some(v) = ds.store().get(i) else {
        return;
    };
    ui.set_max_width(340.0);
    if ds.synthetic() {
        ui.colored_label(Color32::from_rgb(200, 30, 40), SYNTHETIC_WARNING);
    }
    let what = if v.sub_event_type.is_empty() {
        v.event_type.to_string()
    } else {
        format!("{} — {}", v.event_type, v.sub_event_type)
    };
    ui.strong(what);
    let when = match v.date.precision {
        DatePrecision::Day => v.date.date.format("%-d %B %Y").to_string(),
        DatePrecision::Month => v.date.date.format("%B %Y (month only)").to_string(),
        DatePrecision::Year => v.date.date.format("%Y (year only)").to_string(),
    };
    ui.label(when);
    if v.actor2.is_empty() {
        ui.label(display_text(v.actor1));
    } else {
        ui.label(display_text(&format!("{} vs {}", v.actor1, v.actor2)));
    }
    let place: Vec<&str> = [v.location, v.admin2, v.admin1, v.country]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let precision = match v.location_precision {
        LocationPrecision::Point => "exact",
        p => p.as_str(),
    };
    ui.label(display_text(&format!(
        "{} (located to: {precision})",
        place.join(", ")
    )));
    ui.label(match v.fatalities {
        Some(f) => format!("Fatalities: {f}"),
        None => "Fatalities: not given".into(),
    });
    ui.label(display_text(&format!("Source: {}", v.source)));
    ui.weak(format!("ID {} · {}", v.id, ds.origin.name));
    if !v.notes.is_empty() {
        let notes: String = v.notes.chars().take(280).collect();
        let more = if notes.len() < v.notes.len() {
            "…"
        } else {
            ""
        };
        let notes = display_text(&format!("{notes}{more}")).into_owned();
        ui.add(egui::Label::new(egui::RichText::new(notes).small()).wrap());
    }
}

fn cluster_tooltip(ui: &mut Ui, ds: &Dataset, c: &Cluster) {
    if c.count == 1 {
        incident_tooltip(ui, ds, c.sample as usize);
        return;
    }
    if ds.synthetic() {
        ui.colored_label(Color32::from_rgb(200, 30, 40), SYNTHETIC_WARNING);
    }
    ui.label(format!(
        "{} incidents, {} fatalities here — zoom in to see them one by one",
        c.count, c.fatalities
    ));
}

impl IncidentsLayer<'_> {
    fn clusters(&self, ui: &Ui, clusters: &[Cluster], t: &WorldToScreen) -> Option<Cluster> {
        let painter = ui.painter_at(t.clip);
        let view = t.view(30.0);
        let op = self.style.opacity;
        let hover = ui.ctx().pointer_hover_pos().filter(|p| t.clip.contains(*p));
        let mut hit: Option<Cluster> = None;
        for c in clusters {
            let w = c.world;
            if w[0] < view[0] || w[0] > view[2] || w[1] < view[1] || w[1] > view[3] {
                continue;
            }
            let p = t.to_screen(w);
            let r = cluster_radius(c.count);
            painter.circle(
                p,
                r,
                faded(INCIDENT_COLOUR, 0.8 * op),
                Stroke::new(1.2, faded(Color32::WHITE, op)),
            );
            if c.count > 1 {
                self.labels.push(Label {
                    text: c.count.to_string(),
                    world: w,
                    size: CLUSTER_TEXT,
                    color: faded(Color32::WHITE, op),
                    priority: 880,
                    body: LabelBody::Plain,
                    layer: "cluster",
                    ..Default::default()
                });
            }
            if hover.is_some_and(|h| h.distance(p) <= r.max(6.0)) {
                hit = Some(*c);
            }
        }
        hit
    }

    fn points(&self, ui: &Ui, t: &WorldToScreen) -> Option<usize> {
        let ds = self.density.dataset;
        let view = t.view(10.0);
        let op = self.style.opacity;
        let hover = ui.ctx().pointer_hover_pos().filter(|p| t.clip.contains(*p));
        let mut best: Option<(f32, usize)> = None;
        // Cull and project first; the marker style depends on how many are in view.
        let mut visible: Vec<(Pos2, bool)> = Vec::new();
        for &i in self.density.analysis.mapped.iter() {
            let Some(w) = ds.world.get(i as usize) else {
                continue;
            };
            if w[0] < view[0] || w[0] > view[2] || w[1] < view[1] || w[1] > view[3] {
                continue;
            }
            let p = t.to_screen(*w);
            let coarse =
                ds.store().location_precision(i as usize) == Some(LocationPrecision::District);
            visible.push((p, coarse));
            if let Some(h) = hover {
                let d = h.distance(p);
                if d <= 7.0 && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, i as usize));
                }
            }
        }
        let painter = ui.painter_at(t.clip);
        let fill = faded(INCIDENT_COLOUR, 0.9 * op);
        if visible.len() <= MARKERS_UP_TO {
            let ring = Stroke::new(1.0, faded(Color32::WHITE, op));
            let hollow = Stroke::new(2.0, fill);
            painter.extend(visible.iter().map(|&(p, coarse)| {
                if coarse {
                    egui::Shape::circle_stroke(p, POINT_RADIUS + 1.0, hollow)
                } else {
                    egui::Shape::Circle(egui::epaint::CircleShape {
                        center: p,
                        radius: POINT_RADIUS,
                        fill,
                        stroke: ring,
                    })
                }
            }));
        } else {
            // Too many to tell apart: small squares in one mesh (nothing left to tessellate).
            let mut mesh = Mesh::default();
            mesh.reserve_vertices(4 * visible.len());
            mesh.reserve_triangles(2 * visible.len());
            let half = Vec2::splat(1.5);
            for &(p, _) in &visible {
                mesh.add_colored_rect(egui::Rect::from_min_max(p - half, p + half), fill);
            }
            painter.add(mesh);
        }
        best.map(|(_, i)| i)
    }
}

/// Up to this many incidents in view are drawn as round markers; more as small squares.
pub const MARKERS_UP_TO: usize = 5000;

impl Plugin for IncidentsLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let t = WorldToScreen::new(projector);
        let ds = self.density.dataset;
        if let Some(clusters) = self.density.analysis.clusters.at(t.zoom) {
            let hit = self.clusters(ui, clusters, &t);
            if let (Some(c), true) = (hit, self.interactive) {
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| cluster_tooltip(ui, ds, &c));
            }
        } else {
            let hit = self.points(ui, &t);
            if let (Some(i), true) = (hit, self.interactive) {
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| incident_tooltip(ui, ds, i));
            }
        }
    }
}
