//! The report's findings as the UI shows them: for a place, for a network edge, with quotes.

use atlas_core::report::{Edge, ResolvedFinding};

use crate::scene::AtlasData;

/// Findings that name the gazetteer entry `id` or a unit it lies in (a district's province,
/// a town's district and province) — but not the whole country, which would list every
/// country-level claim for any click.
pub fn findings_for<'a>(
    data: &'a AtlasData,
    id: &str,
) -> impl Iterator<Item = &'a ResolvedFinding> + 'a {
    use atlas_core::model::{EntryRef, UnitKind};
    let g = &data.gazetteer;
    let mut ids: Vec<String> = vec![id.to_owned()];
    match g.get(id) {
        Some(EntryRef::Unit(i)) if g.units[i].kind == UnitKind::District => {
            ids.extend(g.units[i].parent_id.clone());
        }
        Some(EntryRef::Town(i)) => {
            ids.extend(g.towns[i].district_id.clone());
            ids.extend(g.towns[i].province_id.clone());
        }
        _ => {}
    }
    data.report
        .findings
        .iter()
        .filter(move |f| f.resolved.iter().any(|e| ids.contains(&e.id)))
}

/// Human wording of a finding kind (`training_centre` → "training centre").
pub fn kind_words(f: &ResolvedFinding) -> String {
    serde_json::to_value(f.finding.kind)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

fn precision_words(f: &ResolvedFinding) -> String {
    match f.finding.precision {
        Some(p) => {
            serde_json::to_value(p)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
                + "-level"
        }
        None => "no place".into(),
    }
}

/// Where the report comes from, as the text gives it.
pub fn source_line(data: &AtlasData) -> String {
    let s = data.report.source.as_ref();
    let title = s
        .and_then(|s| s.title.clone())
        .unwrap_or_else(|| "untitled commentary".into());
    let refers = s.and_then(|s| s.refers_to.clone()).unwrap_or_default();
    format!("Source: data/report/source-report.txt ({title}); on: {refers}")
}

/// One finding: kind, groups, precision, the verbatim quote and its paragraph.
pub fn show_finding(ui: &mut egui::Ui, data: &AtlasData, f: &ResolvedFinding) {
    let groups: Vec<&str> = f
        .finding
        .groups
        .iter()
        .map(|g| {
            data.report
                .groups
                .get(g)
                .map(|g| g.short.as_str())
                .unwrap_or(g)
        })
        .collect();
    ui.label(
        egui::RichText::new(format!(
            "{} · {} · {}",
            kind_words(f),
            groups.join(", "),
            precision_words(f)
        ))
        .strong(),
    );
    ui.label(egui::RichText::new(format!("“{}”", f.finding.quote)).italics());
    ui.small(format!(
        "paragraph {} · finding {}",
        f.finding.paragraph, f.finding.id
    ));
}

/// An edge of the group network with its quote.
pub fn show_edge(ui: &mut egui::Ui, data: &AtlasData, e: &Edge) {
    let name = |id: &str| {
        data.report
            .groups
            .get(id)
            .map(|g| g.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let arrow = if e.directed { "→" } else { "—" };
    ui.label(egui::RichText::new(format!("{} {arrow} {}", name(&e.from), name(&e.to))).strong());
    ui.label(&e.label);
    ui.label(egui::RichText::new(format!("“{}”", e.quote)).italics());
    ui.small(format!("finding {}", e.finding));
    ui.small(source_line(data));
}

/// Short form of an edge for tooltips.
pub fn show_finding_edge_short(ui: &mut egui::Ui, data: &AtlasData, e: &Edge) {
    let short = |id: &str| {
        data.report
            .groups
            .get(id)
            .map(|g| g.short.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    ui.strong(format!(
        "{} {} {}: {}",
        short(&e.from),
        if e.directed { "→" } else { "—" },
        short(&e.to),
        e.label
    ));
    ui.label(egui::RichText::new(format!("“{}”", e.quote)).italics());
}
