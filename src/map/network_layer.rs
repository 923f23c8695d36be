//! The group network's edges as drawn: one line per pair of groups with its labels. The
//! network is a schematic diagram (see [`super::network_diagram`]), never marks at invented
//! map positions, so the layer adds no map plugin.

use egui::Pos2;

use atlas_core::report::Edge;

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
