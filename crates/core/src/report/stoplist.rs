//! Word lists that keep place matching honest: words that are never a place on their own,
//! and gazetteer names that are also common English words (matched only when capitalised).

/// Single words that are never a place mention by themselves, even when a gazetteer entry
/// (or alias) has that name: compass and admin words, unit words, month names, and personal
/// name particles ("Abu Mundhar", "Kaka Yunus"). Folded (lowercase ASCII).
pub const NEVER_PLACES: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "new",
    "old",
    "brigade",
    "police",
    "army",
    "city",
    "district",
    "province",
    "town",
    "village",
    "agency",
    "region",
    "state",
    "states",
    "border",
    "frontier",
    "tribal",
    "valley",
    "river",
    "mountain",
    "mountains",
    "camp",
    "cantonment",
    "airport",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "abu",
    "ibn",
    "bin",
    "kaka",
    "haji",
    "mullah",
    "mulla",
    "maulana",
    "mufti",
    "qari",
    "hafiz",
    "sheikh",
    "shaikh",
    "khan",
    "bibi",
    "baba",
    "sahib",
    "malik",
    "sardar",
    "nawab",
    "mir",
    "syed",
    "sayed",
    "pir",
    "islamic",
    "islam",
    "muslim",
];

/// Gazetteer names that are also ordinary English words (or English abbreviations): matched
/// only when written capitalised and not all in capitals ("Tank", not "tank" or "TANK";
/// "UN" is not the Indian town Un). Names of three letters or fewer get the same rule.
pub const COMMON_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "attack", "bar",
    "base", "be", "been", "before", "between", "both", "but", "by", "can", "center", "centre",
    "chain", "chief", "clay", "coast", "could", "council", "court", "cross", "day", "did", "down",
    "each", "early", "eight", "even", "every", "field", "fine", "five", "for", "fort", "four",
    "from", "gate", "gold", "good", "had", "has", "have", "he", "her", "here", "high", "his",
    "home", "how", "if", "in", "into", "is", "it", "its", "just", "key", "kind", "lake", "land",
    "lash", "last", "late", "like", "line", "long", "mach", "main", "many", "mary", "may", "me",
    "mine", "more", "most", "moth", "much", "must", "my", "near", "no", "not", "now", "of", "on",
    "one", "only", "or", "other", "our", "out", "over", "park", "peace", "plain", "point", "port",
    "post", "rock", "round", "said", "same", "sea", "see", "seven", "she", "should", "side", "six",
    "so", "some", "spring", "such", "sun", "tank", "ten", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "three", "through", "to", "two", "under", "up", "us",
    "very", "wall", "was", "we", "well", "were", "what", "when", "where", "which", "while", "who",
    "will", "with", "would", "you", "zone",
];

/// Titles and name particles: a name right after one of these is part of a person's name
/// ("Abu Hamza", "Mullah Omar"), not a place. Folded (lowercase ASCII).
pub const PERSON_PARTICLES: &[&str] = &[
    "abu",
    "ibn",
    "bin",
    "bint",
    "kaka",
    "mullah",
    "mulla",
    "mawlawi",
    "maulvi",
    "maulana",
    "mawlana",
    "mufti",
    "qari",
    "hafiz",
    "haji",
    "hajji",
    "sheikh",
    "shaikh",
    "sayyid",
    "syed",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "general",
    "commander",
    "emir",
    "amir",
];

/// Words after (or before "of") a place name that say which kind of unit it is.
pub fn kind_word(word_lower: &str) -> Option<crate::model::UnitKind> {
    use crate::model::UnitKind::*;
    match word_lower {
        "province" | "provinces" | "provincial" | "wilayat" => Some(Province),
        "district" | "districts" | "agency" | "agencies" | "wuleswali" => Some(District),
        "town" | "towns" | "city" | "cities" | "village" | "villages" | "bazaar" | "port" => {
            Some(Town)
        }
        _ => None,
    }
}

/// Whether a folded single-word name needs a capitalised surface (see [`COMMON_WORDS`]).
pub fn needs_capital(key: &str) -> bool {
    !key.contains(' ') && (key.len() <= 3 || COMMON_WORDS.binary_search(&key).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_sorted_for_binary_search() {
        assert!(COMMON_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(needs_capital("tank"));
        assert!(needs_capital("dir"));
        assert!(!needs_capital("khost"));
        assert!(!needs_capital("tank town"));
    }
}
