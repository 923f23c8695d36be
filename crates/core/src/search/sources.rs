//! The searchable things and their names: gazetteer units and towns, groups, findings and
//! the places of imported incidents.

use std::cmp::Reverse;

use rustc_hash::FxHashMap;

use super::key::Key;
use super::{HitKind, HitRef};
use crate::incidents::IncidentStore;
use crate::model::{EntryRef, Gazetteer};
use crate::report::{GroupDictionary, ResolvedFinding};

/// One searchable thing.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub kind: HitKind,
    pub name: String,
    pub id: String,
    pub parent: Option<String>,
    pub country: Option<String>,
    pub entry: HitRef,
    pub lon: f64,
    pub lat: f64,
    pub bbox: [f64; 4],
    /// In Afghanistan or Pakistan.
    pub region: bool,
    /// Tie order, smallest first: kind, then population (events for incident places)
    /// largest first, then town rank (1 capital … 5 small town).
    pub order: (HitKind, Reverse<u64>, u8),
}

/// One name (or alias) of an item.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub item: u32,
    pub alias: bool,
    pub text: String,
    pub key: Key,
}

/// The normalised words of a finding's quote.
#[derive(Debug, Clone)]
pub(crate) struct Text {
    pub item: u32,
    pub words: Vec<String>,
}

/// Whether a country code or name is Afghanistan's or Pakistan's.
pub(crate) fn in_region(country: &str) -> bool {
    matches!(
        country.trim().to_ascii_lowercase().as_str(),
        "afg" | "pak" | "af" | "pk" | "afghanistan" | "pakistan"
    )
}

/// Every unit and town of the gazetteer with its aliases and native-script names.
pub(crate) fn gazetteer_items(g: &Gazetteer) -> Vec<(Item, Vec<String>)> {
    let units = (0..g.units.len()).map(EntryRef::Unit);
    let towns = (0..g.towns.len()).map(EntryRef::Town);
    units
        .chain(towns)
        .map(|r| {
            let e = g.entry(r);
            let (population, rank) = match r {
                EntryRef::Town(i) => (g.towns[i].population.unwrap_or(0), g.towns[i].rank),
                EntryRef::Unit(_) => (0, 0),
            };
            let kind = HitKind::from_unit_kind(e.kind);
            let item = Item {
                kind,
                parent: e.parent.clone(),
                region: in_region(&e.country),
                country: Some(e.country.clone()),
                entry: HitRef::Gazetteer(r),
                lon: e.lon,
                lat: e.lat,
                bbox: e.bbox,
                order: (kind, Reverse(population), rank),
                name: e.name,
                id: e.id,
            };
            // Native-script names are found as aliases (typed in Pashto, Dari or Urdu).
            let mut names = e.aliases;
            names.extend(e.native_names);
            (item, names)
        })
        .collect()
}

/// Every group with its short name (not an alias) and aliases.
pub(crate) fn group_items(d: &GroupDictionary) -> Vec<(Item, Vec<String>, Vec<String>)> {
    d.groups
        .iter()
        .map(|gr| {
            let [lon, lat] = gr.anchor;
            let parent = gr
                .parent
                .as_deref()
                .map(|p| d.get(p).map_or(p.to_owned(), |x| x.name.clone()));
            let item = Item {
                kind: HitKind::Group,
                name: gr.name.clone(),
                id: gr.id.clone(),
                parent,
                country: None,
                entry: HitRef::Group(gr.id.clone()),
                lon,
                lat,
                bbox: [lon, lat, lon, lat],
                region: true,
                order: (HitKind::Group, Reverse(0), 0),
            };
            let aliases = gr
                .aliases
                .iter()
                .chain(&gr.ambiguous_aliases)
                .cloned()
                .collect();
            (item, vec![gr.short.clone()], aliases)
        })
        .collect()
}

/// Every finding, named by the start of its quote and placed at its resolved places.
pub(crate) fn finding_items(findings: &[ResolvedFinding]) -> Vec<(Item, Vec<String>)> {
    findings
        .iter()
        .map(|rf| {
            let f = &rf.finding;
            let places: Vec<&str> = rf.resolved.iter().map(|e| e.name.as_str()).collect();
            let bbox = rf.resolved.iter().map(|e| e.bbox).reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            });
            let bbox = bbox.unwrap_or(crate::REGION_BBOX);
            let country = rf.resolved.first().map(|e| e.country.clone());
            let item = Item {
                kind: HitKind::Finding,
                name: snippet(&f.quote, 80),
                id: f.id.clone(),
                parent: (!places.is_empty()).then(|| places.join(", ")),
                region: country.as_deref().is_none_or(in_region),
                country,
                entry: HitRef::Finding(f.id.clone()),
                lon: (bbox[0] + bbox[2]) / 2.0,
                lat: (bbox[1] + bbox[3]) / 2.0,
                bbox,
                order: (HitKind::Finding, Reverse(0), 0),
            };
            let words = crate::names::normalize(&f.quote)
                .split(' ')
                .map(str::to_owned)
                .collect();
            (item, words)
        })
        .collect()
}

/// The first `max` characters of `text`, cut at a word and marked with `…`.
pub(crate) fn snippet(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// One item per distinct named location of the incidents (location, admin2, admin1,
/// country), at its first incident's coordinates, ranked by its number of events.
pub(crate) fn incident_items(store: &IncidentStore) -> Vec<Item> {
    let mut places: FxHashMap<(&str, &str, &str, &str), (usize, usize)> = FxHashMap::default();
    // Place names only: a whole view would decompress (and keep) every block of notes.
    for i in 0..store.len() {
        let Some([location, admin2, admin1, country]) = store.place_names(i) else {
            continue;
        };
        if location.trim().is_empty() {
            continue;
        }
        let e = places
            .entry((location, admin2, admin1, country))
            .or_insert((i, 0));
        e.1 += 1;
    }
    let mut out: Vec<Item> = places
        .into_iter()
        .filter_map(|((loc, a2, a1, country), (first, events))| {
            let (lon, lat) = (*store.lons().get(first)?, *store.lats().get(first)?);
            let parent = [a2, a1].into_iter().find(|s| !s.trim().is_empty());
            Some(Item {
                kind: HitKind::IncidentPlace,
                name: loc.to_owned(),
                id: loc.to_owned(),
                parent: parent.map(str::to_owned),
                country: (!country.is_empty()).then(|| country.to_owned()),
                entry: HitRef::IncidentPlace { first, events },
                lon,
                lat,
                bbox: [lon, lat, lon, lat],
                region: in_region(country),
                order: (HitKind::IncidentPlace, Reverse(events as u64), 0),
            })
        })
        .collect();
    // Deterministic order whatever the hash map did.
    out.sort_by_key(|it| match it.entry {
        HitRef::IncidentPlace { first, .. } => first,
        _ => 0,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitKind;

    #[test]
    fn region_codes_and_names() {
        assert!(in_region("AFG"));
        assert!(in_region("Pakistan"));
        assert!(in_region(" pk "));
        assert!(!in_region("IND"));
        assert!(!in_region(""));
        assert_eq!(HitKind::from_unit_kind(UnitKind::Town), HitKind::Town);
    }

    #[test]
    fn snippets_cut_at_words() {
        assert_eq!(snippet("short", 80), "short");
        assert_eq!(snippet("one two three four", 9), "one two…");
        assert_eq!(snippet("one, two three", 6), "one…");
        assert_eq!(snippet("  padded  ", 6), "padded");
    }
}
