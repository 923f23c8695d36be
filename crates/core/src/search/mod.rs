//! Search over every name the app knows: countries, provinces, districts and towns with
//! their aliases and transliterations, group names and aliases, findings' text and the
//! places of imported incidents; tolerant of typing errors and spelling variants.
//!
//! Ranking: exact, then alias, transliteration variant, prefix, fuzzy (fewest edits
//! first) and finding text; on a tie Afghanistan/Pakistan first, then larger first (country,
//! province, district, town; population, then town rank), then by name.

mod display;
mod hit;
mod key;
mod rank;
mod sources;

pub use display::{result_label, zoom_for};
pub use hit::{HitKind, HitRef, MatchKind, SearchHit};

use std::cmp::Ordering;

use key::Key;
use rank::{How, Query, match_name};
use sources::{Item, Name, Text};

use crate::incidents::IncidentStore;
use crate::model::Gazetteer;
use crate::report::{GroupDictionary, ResolvedFinding};

/// How many candidates [`SearchIndex::resolve`] lists when nothing matches exactly.
pub const RESOLVE_CANDIDATES: usize = 10;
/// Score of a finding whose text holds every word of the query.
const TEXT_SCORE: f32 = 0.4;
/// Added to the score of things in Afghanistan or Pakistan.
const REGION_BONUS: f32 = 0.01;

/// The search index. Build once (a few ms over the bundled data); each search scans every
/// name, which stays well under 5 ms per keystroke (see BENCHMARKS.md).
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    items: Vec<Item>,
    names: Vec<Name>,
    texts: Vec<Text>,
}

/// The best match found so far for one item.
#[derive(Debug, Clone, Copy)]
struct Best {
    score: f32,
    how: Option<How>,
    name: usize,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of the gazetteer, the groups and the findings.
    pub fn build(g: &Gazetteer, groups: &GroupDictionary, findings: &[ResolvedFinding]) -> Self {
        let mut ix = Self::new();
        ix.add_gazetteer(g);
        ix.add_groups(groups);
        ix.add_findings(findings);
        ix
    }

    /// Number of names (names and aliases) indexed.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.texts.is_empty()
    }

    fn push(&mut self, item: Item, names: &[String], aliases: &[String]) {
        let id = self.items.len() as u32;
        let mut seen: Vec<String> = Vec::new();
        let all = std::iter::once((&item.name, false))
            .chain(names.iter().map(|n| (n, false)))
            .chain(aliases.iter().map(|a| (a, true)));
        for (text, alias) in all {
            let key = Key::new(text);
            if key.compact.is_empty() || seen.contains(&key.norm) {
                continue;
            }
            seen.push(key.norm.clone());
            self.names.push(Name {
                item: id,
                alias,
                text: text.clone(),
                key,
            });
        }
        self.items.push(item);
    }

    pub fn add_gazetteer(&mut self, g: &Gazetteer) {
        for (item, aliases) in sources::gazetteer_items(g) {
            self.push(item, &[], &aliases);
        }
    }

    pub fn add_groups(&mut self, groups: &GroupDictionary) {
        for (item, names, aliases) in sources::group_items(groups) {
            self.push(item, &names, &aliases);
        }
    }

    pub fn add_findings(&mut self, findings: &[ResolvedFinding]) {
        for (item, words) in sources::finding_items(findings) {
            let id = self.items.len() as u32;
            self.items.push(item);
            self.texts.push(Text { item: id, words });
        }
    }

    /// Add the named locations of imported incidents (replacing any added before); returns
    /// how many distinct places were added.
    pub fn add_incidents(&mut self, store: &IncidentStore) -> usize {
        self.clear_incidents();
        self.add_incident_places(store)
    }

    /// Add the named locations of one more incident store (keeping those added before);
    /// returns how many distinct places were added.
    pub fn add_incident_places(&mut self, store: &IncidentStore) -> usize {
        let items = sources::incident_items(store);
        let n = items.len();
        for item in items {
            self.push(item, &[], &[]);
        }
        n
    }

    /// Remove every incident place (e.g. when an import is replaced).
    pub fn clear_incidents(&mut self) {
        let keep: Vec<bool> = self
            .items
            .iter()
            .map(|it| it.kind != HitKind::IncidentPlace)
            .collect();
        let mut new_id = Vec::with_capacity(keep.len());
        let mut next = 0u32;
        for k in &keep {
            new_id.push(next);
            next += u32::from(*k);
        }
        self.names.retain(|n| keep[n.item as usize]);
        self.texts.retain(|t| keep[t.item as usize]);
        for n in &mut self.names {
            n.item = new_id[n.item as usize];
        }
        for t in &mut self.texts {
            t.item = new_id[t.item as usize];
        }
        let mut i = 0;
        self.items.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }

    /// The best `limit` results for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        self.search_filtered(query, limit, |_| true)
    }

    /// The best `limit` gazetteer places (countries, provinces, districts, towns) for
    /// `query`, best first.
    pub fn search_places(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        self.search_filtered(query, limit, HitKind::is_place)
    }

    /// The gazetteer places a name denotes, best first: every exact or alias match if there
    /// is one (what an exact lookup gives), else the best [`RESOLVE_CANDIDATES`] variant,
    /// prefix and fuzzy matches.
    pub fn resolve(&self, name: &str) -> Vec<SearchHit> {
        let mut hits = self.search_places(name, usize::MAX);
        if hits.first().is_some_and(|h| h.matched <= MatchKind::Alias) {
            hits.retain(|h| h.matched <= MatchKind::Alias);
        } else {
            hits.truncate(RESOLVE_CANDIDATES);
        }
        hits
    }

    /// The best `limit` results of the kinds `keep` accepts, best first.
    pub fn search_filtered(
        &self,
        query: &str,
        limit: usize,
        keep: impl Fn(HitKind) -> bool,
    ) -> Vec<SearchHit> {
        let q = Query::new(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let best = self.best_matches(&q, &keep);
        let mut found: Vec<(usize, Best)> = best
            .into_iter()
            .enumerate()
            .filter_map(|(i, b)| b.map(|b| (i, b)))
            .collect();
        found.sort_by(|a, b| self.compare(a, b));
        found.truncate(limit);
        found.into_iter().map(|(i, b)| self.hit(i, b)).collect()
    }

    /// The best match of every item, if any.
    fn best_matches(&self, q: &Query, keep: &impl Fn(HitKind) -> bool) -> Vec<Option<Best>> {
        let mut best: Vec<Option<Best>> = vec![None; self.items.len()];
        for (ni, n) in self.names.iter().enumerate() {
            let item = n.item as usize;
            if !keep(self.items[item].kind) {
                continue;
            }
            let Some(how) = match_name(q, &n.key) else {
                continue;
            };
            let score = how.score(n.alias);
            if best[item].is_none_or(|b| score > b.score) {
                best[item] = Some(Best {
                    score,
                    how: Some(how),
                    name: ni,
                });
            }
        }
        if q.key.compact.len() >= 3 {
            for t in &self.texts {
                let item = t.item as usize;
                if best[item].is_none() && keep(self.items[item].kind) && text_matches(q, t) {
                    best[item] = Some(Best {
                        score: TEXT_SCORE,
                        how: None,
                        name: usize::MAX,
                    });
                }
            }
        }
        best
    }

    /// Order: score (region bonus included), then kind and size, then name.
    fn compare(&self, a: &(usize, Best), b: &(usize, Best)) -> Ordering {
        let (ia, ib) = (&self.items[a.0], &self.items[b.0]);
        let sa = a.1.score + if ia.region { REGION_BONUS } else { 0.0 };
        let sb = b.1.score + if ib.region { REGION_BONUS } else { 0.0 };
        sb.total_cmp(&sa)
            .then_with(|| ia.order.cmp(&ib.order))
            .then_with(|| ia.name.cmp(&ib.name))
            .then_with(|| a.0.cmp(&b.0))
    }

    fn hit(&self, i: usize, b: Best) -> SearchHit {
        let it = &self.items[i];
        let (matched, matched_name, why) = match (b.how, self.names.get(b.name)) {
            (Some(how), Some(n)) => (how.kind(n.alias), n.text.clone(), how.why(n.alias, &n.text)),
            _ => (
                MatchKind::Text,
                it.name.clone(),
                "every word in the finding's text".to_owned(),
            ),
        };
        SearchHit {
            kind: it.kind,
            name: it.name.clone(),
            id: it.id.clone(),
            parent: it.parent.clone(),
            country: it.country.clone(),
            entry: it.entry.clone(),
            score: b.score + if it.region { REGION_BONUS } else { 0.0 },
            matched,
            matched_name,
            why,
            lon: it.lon,
            lat: it.lat,
            bbox: it.bbox,
        }
    }
}

/// Every word of the query starts a word of the text (the last may be unfinished).
fn text_matches(q: &Query, t: &Text) -> bool {
    q.words
        .iter()
        .all(|w| t.words.iter().any(|tw| tw.starts_with(w.as_str())))
}
