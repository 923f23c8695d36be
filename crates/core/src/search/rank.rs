//! Matching one query against one name, and the score that orders results: exact, then
//! alias, transliteration variant, prefix, fuzzy (fewest typing errors first) and text.

use super::MatchKind;
use super::key::{Key, max_edits};

/// The query in the forms names are compared in, with its typing-error budget.
#[derive(Debug, Clone)]
pub(crate) struct Query {
    pub key: Key,
    pub words: Vec<String>,
    pub max_edits: usize,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let key = Key::new(text);
        let words = key.norm.split(' ').map(str::to_owned).collect();
        let max_edits = max_edits(key.compact.len());
        Query {
            key,
            words,
            max_edits,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.key.compact.is_empty()
    }
}

/// How one name matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum How {
    /// Same normalised name.
    Same,
    /// Same letters, spaced differently (`Miranshah`, `Miran Shah`).
    Spacing,
    /// Same transliteration skeleton.
    Variant,
    /// The name starts with the query.
    Prefix,
    /// A later word of the name starts with the query.
    WordPrefix,
    /// This many edits from the whole name.
    Typos(u8),
    /// This many edits from the start of the name (a mistyped, unfinished query).
    TypoPrefix(u8),
}

impl How {
    /// Score of a match (see [`super::SearchHit::score`]), before the region bonus.
    pub fn score(self, alias: bool) -> f32 {
        match self {
            How::Same | How::Spacing if alias => 0.95,
            How::Same | How::Spacing => 1.0,
            How::Variant => 0.9,
            How::Prefix => 0.8,
            How::WordPrefix => 0.75,
            How::Typos(n) => 0.7 - 0.05 * f32::from(n),
            // One error in what is typed so far ranks between 1 and 2 errors in a whole name.
            How::TypoPrefix(n) => 0.67 - 0.05 * f32::from(n),
        }
    }

    pub fn kind(self, alias: bool) -> MatchKind {
        match self {
            How::Same | How::Spacing if alias => MatchKind::Alias,
            How::Same | How::Spacing => MatchKind::Exact,
            How::Variant => MatchKind::Variant,
            How::Prefix | How::WordPrefix => MatchKind::Prefix,
            How::Typos(_) | How::TypoPrefix(_) => MatchKind::Fuzzy,
        }
    }

    /// In words, about the name or alias `name`.
    pub fn why(self, alias: bool, name: &str) -> String {
        let what = if alias { "alias" } else { "name" };
        match self {
            How::Same => format!("{what} \"{name}\""),
            How::Spacing => format!("{what} \"{name}\", spaced differently"),
            How::Variant => format!("spelling variant of \"{name}\""),
            How::Prefix => format!("start of \"{name}\""),
            How::WordPrefix => format!("start of a word in \"{name}\""),
            How::Typos(1) => format!("1 typing error from \"{name}\""),
            How::Typos(n) => format!("{n} typing errors from \"{name}\""),
            How::TypoPrefix(n) => format!("start of \"{name}\" with {n} typing error(s)"),
        }
    }
}

/// How `q` matches the name `k`, if it does.
pub(crate) fn match_name(q: &Query, k: &Key) -> Option<How> {
    let (qk, qc) = (&q.key, q.key.compact.as_str());
    if k.norm == qk.norm {
        return Some(How::Same);
    }
    if k.compact == qc {
        return Some(How::Spacing);
    }
    if k.skel == qk.skel && qk.skel.len() >= 3 {
        return Some(How::Variant);
    }
    if k.norm.starts_with(&qk.norm) || k.compact.starts_with(qc) {
        return Some(How::Prefix);
    }
    if qk.skel.len() >= 3 && k.skel.starts_with(&qk.skel) {
        return Some(How::Prefix);
    }
    if k.word_starts()
        .skip(1)
        .any(|i| k.norm[i..].starts_with(&qk.norm))
    {
        return Some(How::WordPrefix);
    }
    typos(q, k)
}

/// Edit distance (optimal string alignment, `strsim`) of the compact forms, and of the
/// skeletons (with the budget of the skeleton's length), against the whole name, then
/// against its start.
fn typos(q: &Query, k: &Key) -> Option<How> {
    let budget = q.max_edits;
    if budget == 0 {
        return None;
    }
    let (qc, qs) = (q.key.compact.as_str(), q.key.skel.as_str());
    let mut best = usize::MAX;
    if qc.len().abs_diff(k.compact.len()) <= budget {
        let d = strsim::osa_distance(qc, &k.compact);
        if d <= budget {
            best = d;
        }
    }
    let skel_budget = max_edits(qs.len());
    if qs.len().abs_diff(k.skel.len()) <= skel_budget {
        let d = strsim::osa_distance(qs, &k.skel);
        if d <= skel_budget {
            best = best.min(d);
        }
    }
    if best != usize::MAX {
        return Some(How::Typos(best as u8));
    }
    // An unfinished query with a typing error: compare with the name's start.
    if qc.len() >= 5 && k.compact.len() > qc.len() {
        let d = strsim::osa_distance(qc, &k.compact[..qc.len()]);
        if d <= 1 {
            return Some(How::TypoPrefix(d as u8));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn how(q: &str, name: &str) -> Option<How> {
        match_name(&Query::new(q), &Key::new(name))
    }

    #[test]
    fn tiers() {
        assert_eq!(how("miran shah", "Miran Shah"), Some(How::Same));
        assert_eq!(how("Miranshah", "Miran Shah"), Some(How::Spacing));
        assert_eq!(how("Parachinaar", "Parachinar"), Some(How::Variant));
        assert_eq!(how("Para", "Parachinar"), Some(How::Prefix));
        assert_eq!(how("parachinaa", "Parachinar"), Some(How::Prefix));
        assert_eq!(how("miran s", "Miran Shah"), Some(How::Prefix));
        assert_eq!(how("miransh", "Miran Shah"), Some(How::Prefix));
        assert_eq!(how("waziri", "North Waziristan"), Some(How::WordPrefix));
        assert_eq!(how("Miramshah", "Miran Shah"), Some(How::Typos(1)));
        assert_eq!(how("Peshwaar", "Peshawar"), Some(How::Typos(1)));
        assert_eq!(how("Jalalbad", "Jalalabad"), Some(How::Typos(1)));
        assert_eq!(how("Quetaa", "Quetta"), Some(How::Variant));
        assert_eq!(how("Qeutta", "Quetta"), Some(How::Typos(1)));
        assert_eq!(how("Nangahrar", "Nangarhar"), Some(How::Typos(1)));
        assert_eq!(how("Miramsh", "Miran Shah"), Some(How::TypoPrefix(1)));
        assert_eq!(how("Kabul", "Kabir"), None);
        assert_eq!(how("ka", "Kabul"), Some(How::Prefix));
        assert_eq!(how("xyz", "Kabul"), None);
        assert_eq!(how("kbl", "Kabul"), None, "3 letters: no typo budget");
        assert_eq!(how("pk", "PK"), Some(How::Same));
        assert_eq!(how("ee", "ii"), None, "variants need 3 letters");
    }

    #[test]
    fn scores_order_the_tiers() {
        let order = [
            How::Same.score(false),
            How::Same.score(true),
            How::Variant.score(false),
            How::Prefix.score(false),
            How::WordPrefix.score(false),
            How::Typos(1).score(false),
            How::TypoPrefix(1).score(false),
            How::Typos(2).score(false),
            How::Typos(3).score(false),
        ];
        assert!(order.windows(2).all(|w| w[0] > w[1]), "{order:?}");
        assert!(How::Typos(3).score(false) > 0.4, "above text matches");
        assert_eq!(How::Spacing.score(true), 0.95);
        assert_eq!(How::Spacing.kind(false), MatchKind::Exact);
        assert_eq!(How::Same.kind(true), MatchKind::Alias);
        assert_eq!(How::WordPrefix.kind(true), MatchKind::Prefix);
        assert_eq!(How::TypoPrefix(0).kind(false), MatchKind::Fuzzy);
        assert_eq!(How::Typos(2).why(false, "X"), "2 typing errors from \"X\"");
        assert_eq!(How::Typos(1).why(true, "X"), "1 typing error from \"X\"");
        assert_eq!(How::Same.why(true, "Konar"), "alias \"Konar\"");
        assert_eq!(
            How::Spacing.why(false, "Miran Shah"),
            "name \"Miran Shah\", spaced differently"
        );
    }
}
