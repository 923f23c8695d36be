//! The places the findings name below country level, emphasised on the map (distinct outline,
//! label always on) — derived from the findings, so another findings file emphasises other
//! places. A named town brings its district in as quieter context.

use atlas_core::model::{EntryRef, Gazetteer, UnitKind};
use atlas_core::report::{FindingKind, Precision, Report};

/// A report place resolved in the gazetteer.
#[derive(Debug, Clone)]
pub struct ReportPlace {
    pub entry: EntryRef,
    pub name: String,
    pub kind: UnitKind,
    /// What the findings say happens there, e.g. "New TTP training centre (province-level)".
    pub role: String,
    /// Context places (a town's district) are drawn quieter than the named places.
    pub context: bool,
    /// Findings naming the place (the context place: those naming its town).
    pub findings: Vec<String>,
}

/// What a finding of `kind` says about a place, in a few words.
fn phrase(kind: FindingKind) -> &'static str {
    use FindingKind::*;
    match kind {
        TrainingCentre => "training centre",
        OperationalArea => "expansion / operations",
        SafeHaven => "safe haven",
        AttackActivity => "attacks",
        Threat | Risk => "threat",
        Arrest => "arrest",
        AtLarge => "at large",
        Counterterrorism => "counter-terrorism",
        Formation => "formation",
        Takeover => "takeover",
        Convergence => "convergence",
        _ => "named",
    }
}

fn role(report: &Report, kind: FindingKind, groups: &[String], precision: Precision) -> String {
    let names: Vec<&str> = groups
        .iter()
        .filter_map(|g| report.groups.get(g).map(|g| g.short.as_str()))
        .collect();
    let who = names.join(" / ");
    let level = match precision {
        Precision::Province => " (province-level)",
        Precision::District => " (district-level)",
        _ => "",
    };
    match kind {
        FindingKind::TrainingCentre => format!("New {who} training centre{level}"),
        k => format!("{who} {}{level}", phrase(k)).trim().to_owned(),
    }
}

/// Every place a finding names at province, district or town precision, in findings order
/// (merged per place), then the districts of named towns as context.
pub fn report_places(report: &Report, g: &Gazetteer) -> Vec<ReportPlace> {
    let mut out: Vec<ReportPlace> = Vec::new();
    for rf in &report.findings {
        let f = &rf.finding;
        let Some(precision) = f.precision.filter(|p| *p != Precision::Country) else {
            continue;
        };
        for e in rf.resolved.iter().filter(|e| e.kind != UnitKind::Country) {
            let Some(entry) = g.get(&e.id) else { continue };
            if let Some(p) = out.iter_mut().find(|p| p.entry == entry) {
                if !p.findings.contains(&f.id) {
                    p.findings.push(f.id.clone());
                }
                continue;
            }
            out.push(ReportPlace {
                entry,
                name: e.name.clone(),
                kind: e.kind,
                role: role(report, f.kind, &f.groups, precision),
                context: false,
                findings: vec![f.id.clone()],
            });
        }
    }
    let towns: Vec<ReportPlace> = out
        .iter()
        .filter(|p| p.kind == UnitKind::Town)
        .cloned()
        .collect();
    for town in towns {
        let e = g.entry(town.entry);
        let Some(district) = e.parent.as_deref().and_then(|d| {
            g.lookup(d).into_iter().find(|r| {
                let x = g.entry(*r);
                x.kind == UnitKind::District && x.country == e.country
            })
        }) else {
            continue;
        };
        if out.iter().any(|p| p.entry == district) {
            continue;
        }
        out.push(ReportPlace {
            entry: district,
            name: g.entry(district).name,
            kind: UnitKind::District,
            role: format!("Context: district of {}", town.name),
            context: true,
            findings: town.findings.clone(),
        });
    }
    out
}
