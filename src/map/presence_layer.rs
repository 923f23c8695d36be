//! Group presence: one colour per group (colour-blind-safe), interleaved stripes where several
//! groups share an area, side-by-side dots at towns, chips for country-level claims.

use std::collections::BTreeSet;

use atlas_core::model::{EntryRef, UnitKind};
use egui::{Color32, FontId, Response, Shape, Stroke, Ui, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::hatch::hatch_segments;
use super::labels::{Art, Label, LabelBody};
use super::palette::group_colour;
use super::style::{faded, map_style};
use super::transform::WorldToScreen;
use crate::scene::AtlasData;
use crate::state::LayerStyle;

/// Radius of a group's dot at a town, points.
pub const DOT_RADIUS: f32 = 5.0;

/// Where the `k`-th group's dot of a town drawn at `p` sits: side by side, to the left of
/// the town's own marker.
pub fn town_dot(p: egui::Pos2, k: usize) -> egui::Pos2 {
    p + vec2(-6.0 - 11.0 * k as f32, 0.0)
}

/// The town whose group dot is under `pos` (any part of the dot, so a dot half off the
/// map's edge still answers), with the group.
pub fn dot_at<'a>(
    data: &'a AtlasData,
    hidden: &BTreeSet<String>,
    t: &WorldToScreen,
    pos: egui::Pos2,
) -> Option<(usize, &'a str)> {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for p in data.presence.iter().filter(|p| !hidden.contains(&p.group)) {
        let EntryRef::Town(i) = p.entry else {
            continue;
        };
        let k = match seen.iter_mut().find(|(town, _)| *town == i) {
            Some((_, n)) => {
                *n += 1;
                *n - 1
            }
            None => {
                seen.push((i, 1));
                0
            }
        };
        let town = &data.gazetteer.towns[i];
        let c = town_dot(
            t.to_screen(atlas_core::basemap::lonlat_to_world(town.lon, town.lat)),
            k,
        );
        if c.distance(pos) <= DOT_RADIUS + 1.5 {
            return Some((i, p.group.as_str()));
        }
    }
    None
}

pub struct PresenceLayer<'a> {
    pub data: &'a AtlasData,
    pub style: LayerStyle,
    pub hidden: &'a BTreeSet<String>,
    pub dark: bool,
    pub labels: super::labels::LabelSink,
}

impl PresenceLayer<'_> {
    /// Country-level claims as one label: a caption and a chip per group, below the
    /// country's label point, never dropped (the claim is "somewhere in the country", never
    /// a country fill).
    fn country_chips(&self, painter: &egui::Painter, country: &str, groups: &[&str]) -> Label {
        let ink = map_style(self.dark).label;
        let halo = map_style(self.dark).halo;
        let font = FontId::proportional(super::style::font_size(painter.ctx(), 12.0));
        let text = format!("In {country} (country-level):");
        let caption = painter.layout_no_wrap(text.clone(), font.clone(), ink);
        let chips: Vec<_> = groups
            .iter()
            .map(|g| {
                let gal = painter.layout_no_wrap(self.short(g).to_owned(), font.clone(), ink);
                (self.colour(g), gal)
            })
            .collect();
        let width = chips
            .iter()
            .map(|(_, gal)| gal.size().x + 12.0)
            .sum::<f32>()
            .max(caption.size().x);
        let line = caption.size().y + 2.0;
        let draw = move |r: egui::Rect| {
            let mut out = vec![Shape::rect_filled(r, 4.0, halo)];
            let origin = r.min + vec2(4.0, 2.0);
            out.push(Shape::galley(origin, caption.clone(), ink));
            let mut x = origin.x;
            for (colour, gal) in &chips {
                let c = egui::Rect::from_min_size(
                    egui::pos2(x, origin.y + line),
                    vec2(gal.size().x + 8.0, line),
                );
                out.push(Shape::Rect(egui::epaint::RectShape::new(
                    c,
                    3.0,
                    halo,
                    Stroke::new(2.0, *colour),
                    egui::StrokeKind::Inside,
                )));
                out.push(Shape::galley(c.min + vec2(4.0, 1.0), gal.clone(), ink));
                x += c.width() + 4.0;
            }
            out
        };
        let names: Vec<&str> = groups.iter().map(|g| self.short(g)).collect();
        Label {
            text: format!("{text} {}", names.join(", ")),
            anchor: egui::Align2::CENTER_TOP,
            offset: vec2(0.0, 38.0),
            // Further down, or above the label point, when that is taken.
            also: vec![
                vec2(0.0, 38.0 + 2.0 * line + 12.0),
                vec2(0.0, -38.0 - 2.0 * line - 6.0),
                vec2(-width * 0.6, 38.0),
                vec2(width * 0.6, 38.0),
            ],
            body: LabelBody::Art(Art {
                size: vec2(width + 8.0, 2.0 * line + 6.0),
                draw: std::rc::Rc::new(draw),
            }),
            layer: "presence_chips",
            priority: 960,
            never_drop: true,
            ..Default::default()
        }
    }

    fn colour(&self, group: &str) -> Color32 {
        let i = self
            .data
            .report
            .groups
            .get(group)
            .map(|g| g.colour_index)
            .unwrap_or(7);
        faded(group_colour(i), self.style.opacity)
    }

    fn short<'b>(&'b self, group: &'b str) -> &'b str {
        self.data
            .report
            .groups
            .get(group)
            .map(|g| g.short.as_str())
            .unwrap_or(group)
    }
}

impl Plugin for PresenceLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let halo = map_style(self.dark).halo;
        let visible: Vec<_> = self
            .data
            .presence
            .iter()
            .filter(|p| !self.hidden.contains(&p.group))
            .collect();
        // Entries in first-seen order, each with its groups.
        let mut entries: Vec<(EntryRef, UnitKind, Vec<&str>)> = Vec::new();
        for p in &visible {
            match entries.iter_mut().find(|(e, _, _)| *e == p.entry) {
                Some((_, _, groups)) => groups.push(&p.group),
                None => entries.push((p.entry, p.kind, vec![&p.group])),
            }
        }
        for (entry, kind, groups) in entries {
            match (entry, kind) {
                (EntryRef::Unit(i), UnitKind::Country) => {
                    // Country-level claims: a caption and chips at the country's label point,
                    // never a country fill (the claim is "somewhere in the country").
                    let unit = &self.data.gazetteer.units[i];
                    let label = self.country_chips(&painter, &unit.name, &groups);
                    self.labels.push(Label {
                        world: self.data.shapes[i].label,
                        ..label
                    });
                }
                (EntryRef::Unit(i), _) => {
                    let shape = &self.data.shapes[i];
                    if !shape.intersects(&t.view(0.0)) {
                        continue;
                    }
                    let rings: Vec<Vec<_>> = shape
                        .rings(t.zoom)
                        .iter()
                        .map(|r| r.iter().map(|w| t.to_screen(*w)).collect())
                        .collect();
                    let n = groups.len() as f32;
                    for (k, g) in groups.iter().enumerate() {
                        let segs = hatch_segments(&rings, 6.0 * n, k as f32 / n, t.clip);
                        let stroke = Stroke::new(2.5, self.colour(g).gamma_multiply(0.8));
                        painter.extend(segs.into_iter().map(|s| Shape::line_segment(s, stroke)));
                    }
                }
                (EntryRef::Town(i), _) => {
                    let town = &self.data.gazetteer.towns[i];
                    let p = t.to_screen(atlas_core::basemap::lonlat_to_world(town.lon, town.lat));
                    for (k, g) in groups.iter().enumerate() {
                        let c = town_dot(p, k);
                        painter.circle(c, DOT_RADIUS, self.colour(g), Stroke::new(1.5, halo));
                        self.labels
                            .obstacle(super::labels::symbol_box(c, DOT_RADIUS));
                    }
                }
            }
        }
    }
}
