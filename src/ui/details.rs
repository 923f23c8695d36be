//! Details panel and hover tooltip for a selected or hovered unit or town.

use atlas_core::model::{Entry, UnitKind};
use atlas_core::text::display_text;

use crate::scene::AtlasData;

fn kind_text(e: &Entry) -> &'static str {
    match e.kind {
        UnitKind::Country => "Country",
        UnitKind::Province if e.country == "PAK" => "Province / territory",
        UnitKind::Province => "Province",
        UnitKind::District => "District",
        UnitKind::Town => "Town",
    }
}

fn country_name(iso3: &str) -> &str {
    match iso3 {
        "AFG" => "Afghanistan",
        "PAK" => "Pakistan",
        other => other,
    }
}

/// The report's role for an entry, if the report names it.
fn report_role<'a>(data: &'a AtlasData, e: &Entry) -> Option<&'a str> {
    data.report_places
        .iter()
        .find(|p| data.gazetteer.entry(p.entry).id == e.id)
        .map(|p| p.role.as_str())
}

/// Short hover tooltip: name, type, parent, country.
pub fn tooltip(ui: &mut egui::Ui, data: &AtlasData, e: &Entry) {
    ui.strong(display_text(&e.name));
    ui.label(kind_text(e));
    if let Some(parent) = &e.parent {
        ui.label(display_text(&format!("in {parent}")));
    }
    if let Some(p) = e.province.as_ref().filter(|_| e.kind == UnitKind::Town) {
        ui.label(display_text(&format!("province {p}")));
    }
    // A province's parent is its country: name it once ("in Pakistan", not "… / Pakistan").
    let country = country_name(&e.country);
    if e.parent.as_deref() != Some(country) {
        ui.label(country);
    }
    if let Some(role) = report_role(data, e) {
        ui.colored_label(
            egui::Color32::from_rgb(200, 70, 0),
            format!("Report: {role}"),
        );
    }
    ui.set_max_width(360.0);
    for f in super::findings::findings_for(data, &e.id).take(2) {
        ui.separator();
        super::findings::show_finding(ui, data, f);
    }
}

/// Tooltip of a network edge.
pub fn edge_tooltip(ui: &mut egui::Ui, data: &AtlasData, e: &atlas_core::report::Edge) {
    ui.set_max_width(360.0);
    super::findings::show_finding_edge_short(ui, data, e);
}

/// Details panel content for the selected entry.
pub fn show(
    ui: &mut egui::Ui,
    data: &AtlasData,
    selected: Option<&str>,
    selected_edge: Option<usize>,
) {
    ui.heading("Details");
    if let Some(i) = selected_edge.filter(|i| *i < data.report.network.edges.len()) {
        // Every relationship stated between the same two groups.
        let edges = &data.report.network.edges;
        let pair = crate::map::network_layer::pair_groups(edges)
            .into_iter()
            .find(|g| g.contains(&i));
        for j in pair.unwrap_or_else(|| vec![i]) {
            super::findings::show_edge(ui, data, &edges[j]);
            ui.separator();
        }
        return;
    }
    let Some(r) = selected.and_then(|id| data.gazetteer.get(id)) else {
        ui.label("Click a province, district, town or network edge on the map. Esc clears the selection.");
        return;
    };
    let e = data.gazetteer.entry(r);
    egui::Grid::new("details")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |k: &str, v: String| {
                ui.label(k);
                ui.label(display_text(&v));
                ui.end_row();
            };
            row("Name", e.name.clone());
            row("Type", kind_text(&e).to_owned());
            if let Some(p) = &e.parent {
                row("In", p.clone());
            }
            if let Some(p) = e
                .province
                .as_ref()
                .filter(|p| Some(*p) != e.parent.as_ref())
            {
                row("Province", p.clone());
            }
            row("Country", country_name(&e.country).to_owned());
            if !e.aliases.is_empty() {
                row("Also spelled", e.aliases.join(", "));
            }
            if !e.native_names.is_empty() {
                // Pashto, Dari, Urdu or Arabic: GeoNames does not say which.
                row("Arabic script", e.native_names.join(" · "));
            }
            row("Location", format!("{:.4}°N {:.4}°E", e.lat, e.lon));
            row("ID", e.id.clone());
            if let Some(role) = report_role(data, &e) {
                row("Report", role.to_owned());
            }
        });
    let findings: Vec<_> = super::findings::findings_for(data, &e.id).collect();
    if !findings.is_empty() {
        ui.separator();
        ui.strong(format!("In the report ({})", findings.len()));
        for f in findings {
            ui.separator();
            super::findings::show_finding(ui, data, f);
        }
        ui.small(super::findings::source_line(data));
    }
}

/// Data problems found at load, listed so the user knows what is missing.
pub fn diagnostics(ui: &mut egui::Ui, data: &AtlasData) {
    if data.diagnostics.is_empty() {
        return;
    }
    ui.separator();
    ui.colored_label(egui::Color32::from_rgb(200, 80, 0), "Data problems");
    for d in &data.diagnostics {
        ui.label(d.to_string());
    }
}

/// Sources of the project that could not be loaded, each with "Locate…" when its file is
/// missing. Returns the source whose "Locate…" was clicked.
pub fn source_problems(
    ui: &mut egui::Ui,
    problems: &[crate::session::SourceProblem],
) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let mut locate = None;
    ui.separator();
    ui.colored_label(
        egui::Color32::from_rgb(200, 80, 0),
        "Project sources not loaded",
    );
    for p in problems {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}: {}", p.source, p.message));
            if p.missing && ui.button("Locate…").clicked() {
                locate = Some(p.source.clone());
            }
        });
    }
    locate
}
