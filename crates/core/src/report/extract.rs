//! Place and group extraction from free text: match names, resolve ambiguities by rule, and
//! collect mentions per entry (see `data/report/README.md` for the rules).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::context::{after_person_particle, kind_hint, spelling_ok};
use super::fold::Folded;
use super::groups::GroupDictionary;
use super::matcher::{Matcher, RawMatch, Target};
use super::resolve_rules::{Choice, PlaceInfo, choose};
use super::sentences::{SentenceSpan, split_sentences};
use crate::model::{EntryRef, Gazetteer, UnitKind};

/// One occurrence: sentence index (into [`Extraction::sentences`]) and byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// A gazetteer entry found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMatch {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub country: String,
    /// Surface forms as written, in order of first use.
    pub matched: Vec<String>,
    pub mentions: Vec<Mention>,
    /// Every mention needed a guess between homonyms (see `alternatives`).
    pub low_confidence: bool,
    /// IDs of homonyms not chosen (e.g. Khost town for Khost province).
    pub alternatives: Vec<String>,
    /// `[lon, lat]` label point.
    pub point: [f64; 2],
}

/// A group found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupMatch {
    pub id: String,
    pub name: String,
    pub matched: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// Everything found, each list in order of first mention.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub places: Vec<PlaceMatch>,
    pub groups: Vec<GroupMatch>,
    /// Sentence byte ranges that mentions index into.
    pub sentences: Vec<SentenceSpan>,
}

impl Extraction {
    pub fn place(&self, id: &str) -> Option<&PlaceMatch> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&GroupMatch> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The text of the sentence a mention sits in (`text` is the extracted text; empty if
    /// the mention does not belong to it).
    pub fn sentence_text<'t>(&self, text: &'t str, m: &Mention) -> &'t str {
        self.sentences
            .get(m.sentence)
            .and_then(|s| text.get(s.start..s.end))
            .unwrap_or("")
    }
}

/// A reusable extractor: build once per gazetteer and group dictionary.
#[derive(Debug, Clone)]
pub struct Extractor {
    matcher: Matcher,
    places: Vec<PlaceInfo>,
    place_index: HashMap<EntryRef, usize>,
    groups: Vec<(String, String)>,
}

/// A place mention before aggregation.
struct PlaceHit {
    at: (usize, usize),
    cands: Vec<usize>,
    hint: Option<UnitKind>,
    /// Matched through a common-word name (`Tank`): never certain.
    doubtful: bool,
}

impl Extractor {
    pub fn new(gazetteer: &Gazetteer, groups: &GroupDictionary) -> Self {
        let refs = (0..gazetteer.units.len())
            .map(EntryRef::Unit)
            .chain((0..gazetteer.towns.len()).map(EntryRef::Town));
        let places: Vec<PlaceInfo> = refs.map(|r| PlaceInfo::new(gazetteer, r)).collect();
        let place_index = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.entry, i))
            .collect();
        Extractor {
            matcher: Matcher::new(gazetteer, groups),
            places,
            place_index,
            groups: groups
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect(),
        }
    }

    /// Find the places and groups `text` mentions.
    pub fn extract(&self, text: &str) -> Extraction {
        let sentences = split_sentences(text);
        let mut place_hits = Vec::new();
        let mut group_hits: Vec<(usize, (usize, usize), bool)> = Vec::new();
        let mut accept = |m: RawMatch| {
            let surface = &text[m.start..m.end];
            let rules = &self.matcher.targets[m.pattern];
            let ok = || rules.iter().filter(|r| spelling_ok(r, surface));
            if let Some(g) = ok().find_map(|r| match r.target {
                Target::Group(g) => Some((g, r.ambiguous)),
                Target::Place(_) => None,
            }) {
                group_hits.push((g.0, (m.start, m.end), g.1));
                return true;
            }
            let doubtful = ok().any(|r| r.doubtful);
            let cands: Vec<usize> = ok()
                .filter_map(|r| match r.target {
                    Target::Place(e) => self.place_index.get(&e).copied(),
                    Target::Group(_) => None,
                })
                .collect();
            if cands.is_empty() {
                return false;
            }
            let s = sentence_of(&sentences, m.start);
            let (ss, se) = sentences
                .get(s)
                .map_or((0, text.len()), |x| (x.start, x.end.max(m.end)));
            let before = &text[ss.min(m.start)..m.start];
            if after_person_particle(before) {
                return false;
            }
            let hint = kind_hint(before, &text[m.end..se]);
            place_hits.push(PlaceHit {
                at: (m.start, m.end),
                cands,
                hint,
                doubtful,
            });
            true
        };
        // Folded in chunks of whole sentences (names never run across a sentence's end), so
        // the folded copy and its offset maps stay small however long the text is.
        for (cs, ce) in chunks(&sentences, text, CHUNK_BYTES) {
            let folded = Folded::new(&text[cs..ce]);
            self.matcher.scan(&folded, |m: RawMatch| {
                accept(RawMatch {
                    start: m.start + cs,
                    end: m.end + cs,
                    ..m
                })
            });
        }
        let places = self.resolve_places(text, &sentences, &place_hits);
        let groups = self.collect_groups(text, &sentences, &group_hits);
        Extraction {
            places,
            groups,
            sentences,
        }
    }

    fn resolve_places(
        &self,
        text: &str,
        sentences: &[SentenceSpan],
        hits: &[PlaceHit],
    ) -> Vec<PlaceMatch> {
        let first: Vec<Choice> = hits
            .iter()
            .map(|h| choose(&self.places, &h.cands, h.hint, None))
            .collect();
        // Document context: entries resolved with confidence, and their ancestors.
        let mut context: HashSet<&str> = HashSet::new();
        for (c, _) in first
            .iter()
            .zip(hits)
            .filter(|(c, h)| !c.low_confidence && !h.doubtful)
        {
            let p = &self.places[c.chosen];
            context.insert(p.id.as_str());
            context.extend(p.ancestors.iter().map(String::as_str));
        }
        let mut out: Vec<PlaceMatch> = Vec::new();
        let mut by_id: HashMap<usize, usize> = HashMap::new();
        for (h, c) in hits.iter().zip(first) {
            let c = if c.low_confidence {
                choose(&self.places, &h.cands, h.hint, Some(&context))
            } else {
                c
            };
            let p = &self.places[c.chosen];
            let slot = *by_id.entry(c.chosen).or_insert_with(|| {
                out.push(PlaceMatch {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    kind: p.kind,
                    country: p.country.clone(),
                    matched: Vec::new(),
                    mentions: Vec::new(),
                    low_confidence: true,
                    alternatives: Vec::new(),
                    point: p.point,
                });
                out.len() - 1
            });
            let pm = &mut out[slot];
            pm.low_confidence &= c.low_confidence || h.doubtful;
            for a in c.alternatives {
                let id = &self.places[a].id;
                if !pm.alternatives.contains(id) {
                    pm.alternatives.push(id.clone());
                }
            }
            add_mention(&mut pm.matched, &mut pm.mentions, text, sentences, h.at);
        }
        out
    }

    fn collect_groups(
        &self,
        text: &str,
        sentences: &[SentenceSpan],
        hits: &[(usize, (usize, usize), bool)],
    ) -> Vec<GroupMatch> {
        // Ambiguous abbreviations count only where the group is also named unambiguously.
        let named: HashSet<usize> = hits.iter().filter(|h| !h.2).map(|h| h.0).collect();
        let mut out: Vec<GroupMatch> = Vec::new();
        let mut by_id: HashMap<usize, usize> = HashMap::new();
        for &(g, at, _) in hits.iter().filter(|h| named.contains(&h.0)) {
            let slot = *by_id.entry(g).or_insert_with(|| {
                out.push(GroupMatch {
                    id: self.groups[g].0.clone(),
                    name: self.groups[g].1.clone(),
                    matched: Vec::new(),
                    mentions: Vec::new(),
                });
                out.len() - 1
            });
            let gm = &mut out[slot];
            add_mention(&mut gm.matched, &mut gm.mentions, text, sentences, at);
        }
        out
    }
}

/// Extract with a one-off [`Extractor`] (build one and reuse it for many texts).
pub fn extract(text: &str, gazetteer: &Gazetteer, groups: &GroupDictionary) -> Extraction {
    Extractor::new(gazetteer, groups).extract(text)
}

fn add_mention(
    matched: &mut Vec<String>,
    mentions: &mut Vec<Mention>,
    text: &str,
    sentences: &[SentenceSpan],
    at: (usize, usize),
) {
    let surface = &text[at.0..at.1];
    if !matched.iter().any(|m| m == surface) {
        matched.push(surface.to_owned());
    }
    mentions.push(Mention {
        sentence: sentence_of(sentences, at.0),
        start: at.0,
        end: at.1,
    });
}

/// Index of the sentence containing byte `pos` (the last one starting at or before it).
/// Bytes of text folded at once, at least (a chunk ends at the first sentence end past it).
const CHUNK_BYTES: usize = 1 << 20;

/// Contiguous byte ranges covering the text, each ending at a sentence's end once it holds
/// `max` bytes (a single longer sentence stays whole).
fn chunks(sentences: &[SentenceSpan], text: &str, max: usize) -> Vec<(usize, usize)> {
    let len = text.len();
    let mut out = Vec::new();
    let mut start = 0;
    for s in sentences {
        if s.end > start && s.end - start >= max && s.end < len && text.is_char_boundary(s.end) {
            out.push((start, s.end));
            start = s.end;
        }
    }
    out.push((start, len));
    out
}

fn sentence_of(sentences: &[SentenceSpan], pos: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= pos)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(ends: &[(usize, usize)]) -> Vec<SentenceSpan> {
        ends.iter()
            .map(|&(start, end)| SentenceSpan { start, end })
            .collect()
    }

    #[test]
    fn chunks_end_at_the_first_sentence_end_past_the_size_and_cover_the_text() {
        let text = "a".repeat(25);
        let s = spans(&[(0, 6), (6, 14), (14, 20), (20, 25)]);
        assert_eq!(chunks(&s, &text, 10), [(0, 14), (14, 25)]);
        // A sentence end exactly at the size closes the chunk; the text's end never starts
        // an empty one.
        assert_eq!(chunks(&s, &text, 6), [(0, 6), (6, 14), (14, 20), (20, 25)]);
        assert_eq!(chunks(&s, &text, 100), [(0, 25)]);
        assert_eq!(chunks(&[], &text, 10), [(0, 25)]);
        // An end inside a character is no place to cut.
        let text = "ککککک"; // 10 bytes
        let s = spans(&[(0, 3), (3, 10)]);
        assert_eq!(chunks(&s, text, 2), [(0, 10)]);
        let s = spans(&[(0, 4), (4, 10)]);
        assert_eq!(chunks(&s, text, 2), [(0, 4), (4, 10)]);
    }
}
