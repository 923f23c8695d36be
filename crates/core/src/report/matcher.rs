//! The name matcher: one leftmost-longest Aho–Corasick automaton over the folded names and
//! aliases of every gazetteer entry and group, matching whole words only.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};

use super::fold::{Folded, fold_name, fold_name_joined};
use super::groups::GroupDictionary;
use super::stoplist::{COMMON_WORDS, NEVER_PLACES, needs_capital};
use crate::model::{EntryRef, Gazetteer};

/// What a pattern can denote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Place(EntryRef),
    /// Index into the group dictionary.
    Group(usize),
}

/// A target with the spelling rules of the alias that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetRule {
    pub target: Target,
    /// The alias has no lowercase letters (`TTP`, `KP`): the text must not either.
    pub caps_only: bool,
    /// Common-word name (`Tank`): the text must be capitalised, not all capitals.
    pub title_case: bool,
    /// A town outside Afghanistan and Pakistan: the text must start it with a capital.
    pub capital: bool,
    /// A name that is also a common English word: a match is only ever low-confidence.
    pub doubtful: bool,
    /// An ambiguous group abbreviation (`MB`).
    pub ambiguous: bool,
}

/// A raw whole-word match: pattern index and original byte range.
#[derive(Debug, Clone, Copy)]
pub struct RawMatch {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

/// The automaton and, per pattern, its targets.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// `None` only if the builder refused the patterns (absurd sizes); then nothing matches.
    ac: Option<AhoCorasick>,
    pub targets: Vec<Vec<TargetRule>>,
}

impl Matcher {
    pub fn new(gazetteer: &Gazetteer, groups: &GroupDictionary) -> Self {
        let mut map: HashMap<String, Vec<TargetRule>> = HashMap::new();
        let mut add = |name: &str, target: Target, ambiguous: bool, foreign_town: bool| {
            for key in [fold_name(name), fold_name_joined(name)] {
                let is_place = matches!(target, Target::Place(_));
                if key.is_empty() || (is_place && NEVER_PLACES.contains(&key.as_str())) {
                    continue;
                }
                let has_letter = name.chars().any(char::is_alphabetic);
                let caps_only = has_letter && !name.chars().any(char::is_lowercase);
                let rule = TargetRule {
                    target,
                    caps_only,
                    title_case: is_place && !caps_only && needs_capital(&key),
                    capital: foreign_town,
                    doubtful: is_place && COMMON_WORDS.binary_search(&key.as_str()).is_ok(),
                    ambiguous,
                };
                let v = map.entry(format!(" {key} ")).or_default();
                if !v.iter().any(|r| r.target == target) {
                    v.push(rule);
                }
            }
        };
        for (i, u) in gazetteer.units.iter().enumerate() {
            for n in std::iter::once(&u.name).chain(&u.aliases) {
                add(n, Target::Place(EntryRef::Unit(i)), false, false);
            }
        }
        for (i, t) in gazetteer.towns.iter().enumerate() {
            let foreign = !matches!(t.country.as_str(), "AFG" | "PAK");
            for n in std::iter::once(&t.name).chain(&t.aliases) {
                add(n, Target::Place(EntryRef::Town(i)), false, foreign);
            }
        }
        for (i, g) in groups.groups.iter().enumerate() {
            for (n, ambiguous) in g.match_names() {
                add(n, Target::Group(i), ambiguous, false);
            }
        }
        let mut patterns: Vec<(String, Vec<TargetRule>)> = map.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let (keys, targets): (Vec<String>, Vec<Vec<TargetRule>>) = patterns.into_iter().unzip();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keys)
            .ok();
        Matcher { ac, targets }
    }

    /// Scan folded text: every leftmost-longest whole-word match that `accept` takes. When
    /// the longest match at a position is refused, shorter matches inside it are tried.
    pub fn scan(&self, folded: &Folded, mut accept: impl FnMut(RawMatch) -> bool) {
        self.scan_range(folded, 0, folded.text.len(), &mut accept);
    }

    fn scan_range(
        &self,
        folded: &Folded,
        from: usize,
        to: usize,
        accept: &mut dyn FnMut(RawMatch) -> bool,
    ) {
        let Some(ac) = &self.ac else {
            return;
        };
        let hay = folded.text.as_bytes();
        let mut pos = from;
        while pos < to {
            let Some(m) = ac.find(Input::new(hay).span(pos..to)) else {
                break;
            };
            let (start, end) = folded.original_range(m.start(), m.end());
            let raw = RawMatch {
                pattern: m.pattern().as_usize(),
                start,
                end,
            };
            if !accept(raw) && m.end() - m.start() > 3 {
                // Shorter whole-word matches inside the refused one: search up to (and
                // including) the space before its last word.
                self.scan_range(folded, m.start(), m.end() - 1, accept);
            }
            // Next match may start at this match's trailing space.
            pos = m.end() - 1;
        }
    }
}
