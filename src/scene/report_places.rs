//! The places the source report names, emphasised on the map (distinct outline, label always on).

use atlas_core::model::{EntryRef, Gazetteer, UnitKind};

/// Report places: (name, kind, ISO3, role). Dalbandin is a town; its district (Chagai) is shown
/// as context.
const PLACES: &[(&str, UnitKind, &str, &str)] = &[
    (
        "Kunar",
        UnitKind::Province,
        "AFG",
        "New TTP training centre (province-level)",
    ),
    (
        "Nangarhar",
        UnitKind::Province,
        "AFG",
        "New TTP training centre (province-level)",
    ),
    (
        "Khost",
        UnitKind::Province,
        "AFG",
        "New TTP training centre (province-level)",
    ),
    (
        "Paktika",
        UnitKind::Province,
        "AFG",
        "New TTP training centre (province-level)",
    ),
    (
        "Awaran",
        UnitKind::District,
        "PAK",
        "BLA / Majeed Brigade expansion",
    ),
    (
        "Panjgur",
        UnitKind::District,
        "PAK",
        "BLA / Majeed Brigade expansion",
    ),
    (
        "Dalbandin",
        UnitKind::Town,
        "PAK",
        "BLA / Majeed Brigade expansion",
    ),
    (
        "Chagai",
        UnitKind::District,
        "PAK",
        "Context: district of Dalbandin",
    ),
];

/// A report place resolved in the gazetteer.
#[derive(Debug, Clone)]
pub struct ReportPlace {
    pub entry: EntryRef,
    pub name: String,
    pub kind: UnitKind,
    pub role: &'static str,
    /// Context places (a town's district) are drawn quieter than the named places.
    pub context: bool,
}

/// Resolve the report's places; a place that does not resolve is left out (the data
/// integrity tests make sure none is).
pub fn report_places(g: &Gazetteer) -> Vec<ReportPlace> {
    PLACES
        .iter()
        .filter_map(|(name, kind, country, role)| {
            let entry = g.lookup(name).into_iter().find(|r| {
                let e = g.entry(*r);
                e.kind == *kind && e.country == *country
            })?;
            Some(ReportPlace {
                entry,
                name: (*name).to_owned(),
                kind: *kind,
                role,
                context: role.starts_with("Context"),
            })
        })
        .collect()
}
