//! Context rules for place mentions: kind words around a name ("… and Paktika provinces",
//! "the town of …") and the spelling checks on the matched surface text.

use super::matcher::TargetRule;
use super::stoplist::{PERSON_PARTICLES, kind_word};
use crate::model::UnitKind;

fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_list_word(w: &str) -> bool {
    matches!(w, "and" | "or" | "s" | "&") || w.chars().next().is_some_and(char::is_uppercase)
}

/// The unit kind the words around a name give. `after` is the rest of the sentence after the
/// name and `before` the sentence up to it. Looks past a list of capitalised names joined by
/// commas and "and"/"or": "Kunar, Nangarhar, Khost, and Paktika provinces" gives every name
/// the province hint; "the districts of Kech and Gwadar" gives both the district hint.
pub fn kind_hint(before: &str, after: &str) -> Option<UnitKind> {
    for w in words(after).take(12) {
        if let Some(k) = kind_word(&w.to_lowercase()) {
            return Some(k);
        }
        if !is_list_word(w) {
            break;
        }
    }
    let mut back = words(before).rev().take(12);
    while let Some(w) = back.next() {
        if w.eq_ignore_ascii_case("of") {
            return back.next().and_then(|k| kind_word(&k.to_lowercase()));
        }
        if !is_list_word(w) {
            break;
        }
    }
    None
}

/// Whether the word just before a name (in `before`, the sentence up to it) is a title or
/// name particle, making the name part of a person's name.
pub fn after_person_particle(before: &str) -> bool {
    words(before)
        .next_back()
        .is_some_and(|w| PERSON_PARTICLES.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether the matched surface text satisfies the rule's spelling conditions.
pub fn spelling_ok(rule: &TargetRule, surface: &str) -> bool {
    let has_lower = surface.chars().any(char::is_lowercase);
    let first_upper = surface.chars().next().is_some_and(char::is_uppercase);
    if (rule.caps_only && has_lower) || (rule.capital && !first_upper) {
        return false;
    }
    if rule.title_case {
        return first_upper
            && (has_lower || surface.chars().filter(|c| c.is_alphabetic()).count() <= 1);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntryRef;
    use crate::report::matcher::Target;

    #[test]
    fn hints_from_lists_and_of_phrases() {
        let s =
            "new centres in Afghanistan’s Kunar, Nangarhar, Khost, and Paktika provinces, further";
        let at = s.find("Kunar").unwrap();
        assert_eq!(kind_hint(&s[..at], &s[at + 5..]), Some(UnitKind::Province));
        let s = "in areas like Awaran, Panjgur, and Dalbandin, further exacerbating";
        let at = s.find("Panjgur").unwrap();
        assert_eq!(kind_hint(&s[..at], &s[at + 7..]), None);
        let s = "clashes in the districts of Kech and Gwadar left";
        let at = s.find("Gwadar").unwrap();
        assert_eq!(kind_hint(&s[..at], &s[at + 6..]), Some(UnitKind::District));
        let s = "near Panjgur town.";
        assert_eq!(kind_hint("near ", &s[12..]), Some(UnitKind::Town));
        assert_eq!(kind_hint("the capital of ", " was"), None);
        assert_eq!(kind_hint("the port of ", " was"), Some(UnitKind::Town));
        assert!(after_person_particle("met Abu "));
        assert!(!after_person_particle("met in "));
    }

    #[test]
    fn spelling_rules() {
        let rule = |caps_only, title_case| TargetRule {
            target: Target::Place(EntryRef::Unit(0)),
            caps_only,
            title_case,
            capital: false,
            doubtful: false,
            ambiguous: false,
        };
        assert!(spelling_ok(&rule(true, false), "TTP"));
        assert!(!spelling_ok(&rule(true, false), "ttp"));
        assert!(spelling_ok(&rule(false, true), "Tank"));
        assert!(!spelling_ok(&rule(false, true), "tank"));
        assert!(!spelling_ok(&rule(false, true), "UN"));
        assert!(spelling_ok(&rule(false, false), "KHOST"));
        let foreign = TargetRule {
            capital: true,
            ..rule(false, false)
        };
        assert!(spelling_ok(&foreign, "Punch"));
        assert!(!spelling_ok(&foreign, "punch"));
    }
}
