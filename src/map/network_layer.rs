//! Group network: the report's stated relationships as labelled edges between group anchors.

use egui::{Align2, Color32, FontId, Pos2, Response, Shape, Stroke, Ui, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::palette::group_colour;
use super::style::{faded, map_style};
use super::transform::WorldToScreen;
use crate::scene::AtlasData;
use crate::state::LayerStyle;
use atlas_core::basemap::lonlat_to_world;
use atlas_core::report::{Edge, FindingKind};

pub struct NetworkLayer<'a> {
    pub data: &'a AtlasData,
    pub style: LayerStyle,
    pub selected_edge: Option<usize>,
    pub dark: bool,
}

/// Screen end points of every edge (in network order); `None` when a node is missing.
pub fn edge_points(data: &AtlasData, t: &WorldToScreen) -> Vec<Option<[Pos2; 2]>> {
    let anchor = |id: &str| {
        data.report
            .network
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| t.to_screen(lonlat_to_world(n.anchor[0], n.anchor[1])))
    };
    data.report
        .network
        .edges
        .iter()
        .map(|e| Some([anchor(&e.from)?, anchor(&e.to)?]))
        .collect()
}

/// Edges grouped by their unordered pair of groups, in first-seen order: one line per pair.
pub fn pair_groups(edges: &[Edge]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, e) in edges.iter().enumerate() {
        let same = |j: &usize| {
            let f = &edges[*j];
            (f.from == e.from && f.to == e.to) || (f.from == e.to && f.to == e.from)
        };
        match out.iter_mut().find(|g| g.first().is_some_and(same)) {
            Some(g) => g.push(i),
            None => out.push(vec![i]),
        }
    }
    out
}

/// One label for a pair: its distinct relation labels, at most two and a count of the rest.
pub fn pair_label(edges: &[Edge], members: &[usize]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for &i in members {
        if !labels.contains(&edges[i].label.as_str()) {
            labels.push(&edges[i].label);
        }
    }
    let shown = labels
        .iter()
        .take(2)
        .copied()
        .collect::<Vec<_>>()
        .join("; ");
    match labels.len() {
        n if n > 2 => format!("{shown} (+{} more)", n - 2),
        _ => shown,
    }
}

/// Distance from `p` to segment `ab`.
pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t).distance(p)
}

impl Plugin for NetworkLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let s = map_style(self.dark);
        let op = self.style.opacity;
        let ink = faded(
            if self.dark {
                Color32::from_gray(220)
            } else {
                Color32::from_gray(45)
            },
            op,
        );
        let points = edge_points(self.data, &t);
        let edges = &self.data.report.network.edges;
        for members in pair_groups(edges) {
            let Some([a, b]) = points[members[0]] else {
                continue;
            };
            let selected = members.iter().any(|i| self.selected_edge == Some(*i));
            let stroke = Stroke::new(
                if selected { 4.0 } else { 2.0 },
                if selected { s.selected } else { ink },
            );
            // Stop short of the node circles.
            let dir = (b - a).normalized();
            let (a2, b2) = (a + dir * 12.0, b - dir * 12.0);
            let rivalry = members
                .iter()
                .all(|i| edges[*i].kind == FindingKind::Rivalry);
            if rivalry {
                painter.extend(Shape::dashed_line(&[a2, b2], stroke, 8.0, 5.0));
            } else {
                painter.line_segment([a2, b2], stroke);
            }
            for &i in &members {
                let e = &edges[i];
                if e.directed {
                    // Arrow at the `to` end, whichever way the pair was drawn.
                    let (tip, d) = if points[i] == Some([a, b]) {
                        (b2, dir)
                    } else {
                        (a2, -dir)
                    };
                    let n = vec2(-d.y, d.x);
                    painter.add(Shape::convex_polygon(
                        vec![tip, tip - d * 12.0 + n * 6.0, tip - d * 12.0 - n * 6.0],
                        stroke.color,
                        Stroke::NONE,
                    ));
                }
            }
            let galley = painter.layout(
                pair_label(edges, &members),
                FontId::proportional(11.5 * super::style::text_scale(ui.ctx())),
                stroke.color,
                170.0,
            );
            let rect = Align2::CENTER_CENTER.anchor_size(a2 + (b2 - a2) * 0.5, galley.size());
            painter.rect_filled(rect.expand(2.0), 3.0, s.halo);
            painter.galley(rect.min, galley, stroke.color);
        }
        for node in &self.data.report.network.nodes {
            let p = t.to_screen(lonlat_to_world(node.anchor[0], node.anchor[1]));
            painter.circle(
                p,
                10.0,
                faded(group_colour(node.colour_index), op),
                Stroke::new(2.0, ink),
            );
            let rival = node.tags.iter().any(|tag| tag.label.contains("rival"));
            let text = if rival {
                format!("{} (rival)", node.short)
            } else {
                node.short.clone()
            };
            let galley = painter.layout_no_wrap(
                text,
                FontId::proportional(13.5 * super::style::text_scale(ui.ctx())),
                ink,
            );
            let rect = Align2::CENTER_TOP.anchor_size(p + vec2(0.0, 12.0), galley.size());
            painter.rect_filled(rect.expand(2.0), 3.0, s.halo);
            painter.galley(rect.min, galley, ink);
        }
    }
}
