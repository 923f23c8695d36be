//! The group network as a schematic diagram in its own box: groups on an ellipse, the
//! report's relationships as labelled edges — relationships, never locations (the report
//! places most groups nowhere). Drawn over the window's map and as an export's furniture.

use atlas_core::labels::{LabelCandidate, LabelOptions, Placement, place_labels};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};

use super::network_layer::{distance_to_segment, pair_groups, pair_label};
use super::palette::group_colour;
use super::style::{faded, font_size, map_style};
use crate::scene::AtlasData;
use atlas_core::report::FindingKind;

/// The diagram's size in points.
pub const DIAGRAM_SIZE: Vec2 = vec2(430.0, 320.0);
/// Its heading, saying what it is and what it is not.
pub const DIAGRAM_TITLE: &str =
    "Group relationships stated in the report (a diagram, not locations)";
/// Radius of a group's node, points.
const NODE_RADIUS: f32 = 9.0;

/// The diagram's box in the window: the map's bottom-left corner, above the scale bar and
/// the credits.
pub fn window_rect(map: Rect) -> Rect {
    Rect::from_min_size(
        pos2(map.min.x + 10.0, map.max.y - 84.0 - DIAGRAM_SIZE.y),
        DIAGRAM_SIZE,
    )
}

/// Draw the diagram over the window's map (after its labels: it is furniture) when the map
/// has room; its box, which the labels keep clear of.
pub fn show_in_window(
    ui: &egui::Ui,
    frame: &super::MapFrame<'_>,
    map: Rect,
    view: &crate::state::ViewState,
) -> Option<Rect> {
    let rect = window_rect(map);
    if !map.contains_rect(rect) {
        return None;
    }
    let op = frame
        .layers
        .get(atlas_core::project::LayerKind::GroupNetwork)
        .opacity;
    Diagram::new(frame.atlas(), rect).draw(
        &ui.painter_at(map),
        frame.atlas(),
        view.selected_edge,
        frame.dark(),
        op,
    );
    Some(rect)
}

/// Node positions of a diagram in `rect`.
pub struct Diagram {
    pub rect: Rect,
    /// One per network node, in network order.
    pub nodes: Vec<Pos2>,
}

impl Diagram {
    /// Nodes evenly on an ellipse below the heading, the first at the top, clockwise.
    pub fn new(data: &AtlasData, rect: Rect) -> Self {
        let n = data.report.network.nodes.len().max(1);
        let body = Rect::from_min_max(rect.min + vec2(0.0, 26.0), rect.max);
        let c = body.center();
        let (rx, ry) = (body.width() / 2.0 - 70.0, body.height() / 2.0 - 28.0);
        let nodes = (0..data.report.network.nodes.len())
            .map(|i| {
                let a = std::f32::consts::TAU * i as f32 / n as f32 - std::f32::consts::FRAC_PI_2;
                (c + vec2(rx.max(10.0) * a.cos(), ry.max(10.0) * a.sin())).round()
            })
            .collect();
        Self { rect, nodes }
    }

    fn node(&self, data: &AtlasData, id: &str) -> Option<Pos2> {
        let i = data.report.network.nodes.iter().position(|n| n.id == id)?;
        self.nodes.get(i).copied()
    }

    /// End points of every edge (network order), stopping short of the nodes.
    pub fn edge_points(&self, data: &AtlasData) -> Vec<Option<[Pos2; 2]>> {
        data.report
            .network
            .edges
            .iter()
            .map(|e| Some([self.node(data, &e.from)?, self.node(data, &e.to)?]))
            .collect()
    }

    /// The edge within 6 points of `pos`, if any.
    pub fn edge_at(&self, data: &AtlasData, pos: Pos2) -> Option<usize> {
        if !self.rect.contains(pos) {
            return None;
        }
        self.edge_points(data)
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.map(|[a, b]| (i, distance_to_segment(pos, a, b))))
            .filter(|(_, d)| *d < 6.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    /// Draw the box, heading, edges, nodes and their labels (placed clear of each other).
    pub fn draw(
        &self,
        p: &Painter,
        data: &AtlasData,
        selected: Option<usize>,
        dark: bool,
        op: f32,
    ) {
        let s = map_style(dark);
        let ink = faded(
            if dark {
                Color32::from_gray(220)
            } else {
                Color32::from_gray(45)
            },
            op,
        );
        p.rect(
            self.rect,
            4.0,
            if dark {
                Color32::from_rgb(28, 28, 34)
            } else {
                Color32::from_rgb(252, 252, 250)
            },
            Stroke::new(1.0, ink.gamma_multiply(0.5)),
            egui::StrokeKind::Inside,
        );
        p.text(
            self.rect.min + vec2(8.0, 6.0),
            Align2::LEFT_TOP,
            DIAGRAM_TITLE,
            FontId::proportional(font_size(p.ctx(), 11.5)),
            ink,
        );
        let mut texts = Vec::new();
        self.edges(p, data, selected, ink, s.selected, &mut texts);
        for (node, at) in data.report.network.nodes.iter().zip(&self.nodes) {
            p.circle(
                *at,
                NODE_RADIUS,
                faded(group_colour(node.colour_index), op),
                Stroke::new(2.0, ink),
            );
            let rival = node.tags.iter().any(|t| t.label.contains("rival"));
            let text = if rival {
                format!("{} (rival)", node.short)
            } else {
                node.short.clone()
            };
            texts.push(Text {
                text,
                at: *at,
                size: 13.0,
                colour: ink,
                node: true,
            });
        }
        self.labels(p, texts, s.halo);
    }

    fn edges(
        &self,
        p: &Painter,
        data: &AtlasData,
        selected: Option<usize>,
        ink: Color32,
        hi: Color32,
        texts: &mut Vec<Text>,
    ) {
        let points = self.edge_points(data);
        let edges = &data.report.network.edges;
        for members in pair_groups(edges) {
            let Some([a, b]) = points[members[0]] else {
                continue;
            };
            let sel = members.iter().any(|i| selected == Some(*i));
            let stroke = Stroke::new(if sel { 3.5 } else { 1.6 }, if sel { hi } else { ink });
            let dir = (b - a).normalized();
            let (a2, b2) = (a + dir * (NODE_RADIUS + 3.0), b - dir * (NODE_RADIUS + 3.0));
            if members
                .iter()
                .all(|i| edges[*i].kind == FindingKind::Rivalry)
            {
                p.extend(Shape::dashed_line(&[a2, b2], stroke, 7.0, 4.0));
            } else {
                p.line_segment([a2, b2], stroke);
            }
            for &i in members.iter().filter(|i| edges[**i].directed) {
                let (tip, d) = if points[i] == Some([a, b]) {
                    (b2, dir)
                } else {
                    (a2, -dir)
                };
                let n = vec2(-d.y, d.x);
                p.add(Shape::convex_polygon(
                    vec![tip, tip - d * 10.0 + n * 5.0, tip - d * 10.0 - n * 5.0],
                    stroke.color,
                    Stroke::NONE,
                ));
            }
            texts.push(Text {
                text: pair_label(edges, &members),
                at: a2 + (b2 - a2) * 0.5,
                size: 10.5,
                colour: stroke.color,
                node: false,
            });
        }
    }

    /// Node labels beside their nodes, edge labels at their middles (or slid along), none
    /// over another or a node; an edge label with no room is left out.
    fn labels(&self, p: &Painter, texts: Vec<Text>, halo: Color32) {
        let galleys: Vec<_> = texts
            .iter()
            .map(|t| {
                p.layout(
                    t.text.clone(),
                    FontId::proportional(font_size(p.ctx(), t.size)),
                    t.colour,
                    150.0,
                )
            })
            .collect();
        let candidates: Vec<LabelCandidate> = texts
            .iter()
            .zip(&galleys)
            .map(|(t, g)| {
                let size = g.size() + vec2(4.0, 2.0);
                let mut c = LabelCandidate::point(
                    &t.text,
                    "network",
                    [t.at.x, t.at.y],
                    [size.x, size.y],
                    NODE_RADIUS + 3.0,
                );
                if t.node {
                    c = c.with_priority(2.0).never_dropped();
                } else {
                    let (w, h) = (size.x, size.y);
                    c.placement = Placement::Offsets(vec![
                        [-w / 2.0, -h / 2.0],
                        [-w / 2.0, -h - 4.0],
                        [-w / 2.0, 4.0],
                    ]);
                    c = c.with_priority(1.0);
                }
                c
            })
            .collect();
        let obstacles: Vec<_> = self
            .nodes
            .iter()
            .map(|n| {
                super::label_place::to_core(Rect::from_center_size(
                    *n,
                    Vec2::splat(NODE_RADIUS * 1.5),
                ))
            })
            .chain(std::iter::once(super::label_place::to_core(
                Rect::from_min_size(self.rect.min, vec2(self.rect.width(), 24.0)),
            )))
            .collect();
        let opts = LabelOptions {
            bounds: Some(super::label_place::to_core(self.rect.shrink(2.0))),
            padding: 2.0,
        };
        for placed in place_labels(&candidates, &obstacles, &opts).placed {
            let r = Rect::from_min_size(pos2(placed.x, placed.y).round(), vec2(placed.w, placed.h));
            p.rect_filled(r, 2.0, halo);
            p.galley(
                r.min + vec2(2.0, 1.0),
                galleys[placed.index].clone(),
                texts[placed.index].colour,
            );
        }
    }
}

struct Text {
    text: String,
    at: Pos2,
    size: f32,
    colour: Color32,
    node: bool,
}
