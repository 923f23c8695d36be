//! Choosing one gazetteer entry among homonyms for a place mention: kind hints, AF/PK
//! preference, the higher admin level, and what else the text names.

use std::collections::HashSet;

use crate::model::{EntryRef, Gazetteer, UnitKind};

/// What extraction needs to know about one gazetteer entry.
#[derive(Debug, Clone)]
pub struct PlaceInfo {
    pub entry: EntryRef,
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub country: String,
    /// IDs of the units it lies in (district, province, country), nearest first.
    pub ancestors: Vec<String>,
    pub point: [f64; 2],
}

impl PlaceInfo {
    pub fn new(g: &Gazetteer, r: EntryRef) -> Self {
        let e = g.entry(r);
        let mut ancestors = Vec::new();
        let mut next = match r {
            EntryRef::Unit(i) => g.units[i].parent_id.clone(),
            EntryRef::Town(i) => {
                let t = &g.towns[i];
                ancestors.extend(t.district_id.clone());
                t.province_id.clone().or_else(|| {
                    let d = t.district_id.as_deref().and_then(|d| g.unit(d));
                    d.and_then(|d| d.parent_id.clone())
                })
            }
        };
        while let Some(id) = next.take() {
            if ancestors.contains(&id) || ancestors.len() > 8 {
                break;
            }
            next = g.unit(&id).and_then(|u| u.parent_id.clone());
            ancestors.push(id);
        }
        if !ancestors.contains(&e.country) && e.kind != UnitKind::Country {
            ancestors.push(e.country.clone());
        }
        PlaceInfo {
            entry: r,
            id: e.id,
            name: e.name,
            kind: e.kind,
            country: e.country,
            ancestors,
            point: [e.lon, e.lat],
        }
    }

    /// Sort key: countries first, then Afghan and Pakistani entries, then by level.
    fn rank(&self) -> (bool, bool, UnitKind, &str) {
        let afpk = matches!(self.country.as_str(), "AFG" | "PAK");
        (
            self.kind != UnitKind::Country,
            !afpk,
            self.kind,
            self.id.as_str(),
        )
    }
}

/// The chosen entry (index into the place table), whether it was a guess, and the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub chosen: usize,
    pub low_confidence: bool,
    pub alternatives: Vec<usize>,
}

/// Choose among candidate entries (indices into `places`, not empty):
/// 1. a kind hint from the text ("… provinces", "the town of …") keeps only that kind;
/// 2. a single candidate left is certain;
/// 3. with the document `context` (IDs of entries named with certainty, and their
///    ancestors): a candidate that is itself in the context wins, else the one with most
///    ancestors in the context, if unique;
/// 4. otherwise the first by rank (country, AF/PK, higher level) — a guess, low confidence.
pub fn choose(
    places: &[PlaceInfo],
    cands: &[usize],
    hint: Option<UnitKind>,
    context: Option<&HashSet<&str>>,
) -> Choice {
    let mut pool: Vec<usize> = cands.to_vec();
    if let Some(k) = hint {
        let kept: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&c| places[c].kind == k)
            .collect();
        if !kept.is_empty() {
            pool = kept;
        }
    }
    pool.sort_by(|&a, &b| places[a].rank().cmp(&places[b].rank()));
    let finish = |chosen: usize, low_confidence: bool| {
        let mut alternatives: Vec<usize> = cands.iter().copied().filter(|&c| c != chosen).collect();
        alternatives.sort_by(|&a, &b| places[a].rank().cmp(&places[b].rank()));
        Choice {
            chosen,
            low_confidence,
            alternatives,
        }
    };
    if pool.len() == 1 {
        return finish(pool[0], false);
    }
    if let Some(ctx) = context {
        let named: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&c| ctx.contains(places[c].id.as_str()))
            .collect();
        if named.len() == 1 {
            return finish(named[0], false);
        }
        let score = |c: usize| {
            places[c]
                .ancestors
                .iter()
                .filter(|a| ctx.contains(a.as_str()))
                .count()
        };
        let best = pool.iter().map(|&c| score(c)).max().unwrap_or(0);
        let top: Vec<usize> = pool.iter().copied().filter(|&c| score(c) == best).collect();
        if best > 0 && top.len() == 1 {
            return finish(top[0], false);
        }
    }
    finish(pool[0], true)
}
