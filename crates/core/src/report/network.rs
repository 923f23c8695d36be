//! The group network: groups as nodes (at their map anchors) and the report's relationships
//! as edges, each backed by a finding and its quote.

use serde::Serialize;

use super::findings::{Finding, FindingKind};
use super::groups::GroupDictionary;

/// A group in the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    pub name: String,
    pub short: String,
    pub colour_index: u8,
    /// `[lon, lat]`.
    pub anchor: [f64; 2],
    /// One-group characterisations (e.g. "rival" for a rivalry finding), with the finding.
    pub tags: Vec<NodeTag>,
}

/// A characterisation of one group that is not an edge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeTag {
    pub label: String,
    pub finding: String,
}

/// A relationship between two groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: String,
    pub directed: bool,
    pub kind: FindingKind,
    /// The finding that states it, and its quote.
    pub finding: String,
    pub quote: String,
}

/// Nodes (groups named by some finding, in dictionary order) and edges (one per relation
/// finding, in file order).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Network {
    /// Build the network. Relations naming a group missing from the dictionary are skipped.
    pub fn from_findings<'a>(
        findings: impl IntoIterator<Item = &'a Finding>,
        groups: &GroupDictionary,
    ) -> Self {
        let findings: Vec<&Finding> = findings.into_iter().collect();
        let edges: Vec<Edge> = findings
            .iter()
            .filter_map(|f| {
                let r = f.relation.as_ref()?;
                (groups.contains(&r.from) && groups.contains(&r.to)).then(|| Edge {
                    from: r.from.clone(),
                    to: r.to.clone(),
                    label: r.label.clone(),
                    directed: r.directed,
                    kind: f.kind,
                    finding: f.id.clone(),
                    quote: f.quote.clone(),
                })
            })
            .collect();
        let nodes = groups
            .groups
            .iter()
            .filter(|g| findings.iter().any(|f| f.groups.contains(&g.id)))
            .map(|g| Node {
                id: g.id.clone(),
                name: g.name.clone(),
                short: g.short.clone(),
                colour_index: g.colour_index,
                anchor: g.anchor,
                tags: findings
                    .iter()
                    .filter(|f| {
                        f.kind == FindingKind::Rivalry
                            && f.relation.is_none()
                            && f.groups == [g.id.clone()]
                    })
                    .map(|f| NodeTag {
                        label: "rival".to_owned(),
                        finding: f.id.clone(),
                    })
                    .collect(),
            })
            .collect();
        Network { nodes, edges }
    }

    /// Edges touching a group.
    pub fn edges_of<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Edge> + 'a {
        self.edges
            .iter()
            .filter(move |e| e.from == group || e.to == group)
    }
}
