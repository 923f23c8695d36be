//! Text prepared for a renderer without shaping or bidi (egui): Arabic-script letters joined
//! into their presentation forms and every line put in visual (left-to-right) order.
//!
//! egui draws the characters of a string left to right, each with the glyph its font maps it
//! to. Arabic, Pashto, Dari and Urdu need two more steps: letters take their initial, medial or
//! final form by their neighbours ([`ar_reshaper`], with the Pashto letters it lacks added
//! below), and right-to-left runs are reversed by the Unicode Bidirectional Algorithm
//! ([`unicode_bidi`]), mirroring brackets in them. Text with no right-to-left character is
//! returned as it is, borrowed.

use std::borrow::Cow;
use std::sync::OnceLock;

use ar_reshaper::form::{Forms, LettersType};
use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use ar_reshaper::{ArabicReshaper, Language, ReshaperConfig};
use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

/// Pashto (and Sindhi/Urdu) letters the reshaper's table lacks. Unicode has no presentation
/// forms for them, so each keeps its own glyph in every position; listing them with the forms
/// their joining type allows lets the letters beside them join to them instead of breaking
/// the word (پښتو: پ keeps its initial form before ښ).
const PASHTO_EXTRA: [(char, bool); 10] = [
    ('\u{067C}', true),  // ټ TEH WITH RING, dual-joining
    ('\u{0681}', true),  // ځ HAH WITH HAMZA ABOVE
    ('\u{0685}', true),  // څ HAH WITH THREE DOTS ABOVE
    ('\u{0689}', false), // ډ DAL WITH RING, right-joining
    ('\u{0693}', false), // ړ REH WITH RING
    ('\u{0696}', false), // ږ REH WITH DOT BELOW AND DOT ABOVE
    ('\u{069A}', true),  // ښ SEEN WITH DOT BELOW AND DOT ABOVE
    ('\u{06AB}', true),  // ګ KAF WITH RING
    ('\u{06BC}', true),  // ڼ NOON WITH RING
    ('\u{06CD}', false), // ۍ YEH WITH TAIL
];

fn reshaper() -> &'static ArabicReshaper {
    static RESHAPER: OnceLock<ArabicReshaper> = OnceLock::new();
    RESHAPER.get_or_init(|| {
        let mut letters: Vec<LettersType> = LETTERS_ARABIC.to_vec();
        for (c, dual) in PASHTO_EXTRA {
            let (initial, medial) = if dual { (c, c) } else { ('\0', '\0') };
            letters.push((c, Forms::new(c, initial, medial, c)));
        }
        let letters: &'static [LettersType] = Box::leak(letters.into_boxed_slice());
        ArabicReshaper::new(ReshaperConfig {
            language: Language::Custom(letters),
            ..ReshaperConfig::default()
        })
    })
}

/// A right-to-left character: Arabic letters (AL) and Hebrew and other RTL letters (R).
fn is_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::AL | BidiClass::R)
}

/// `s` as egui should draw it: Arabic-script letters joined, each line in visual order.
/// Borrowed (unchanged) when `s` has no right-to-left character.
pub fn display_text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_rtl) {
        return Cow::Borrowed(s);
    }
    let lines: Vec<String> = s.split('\n').map(display_line).collect();
    Cow::Owned(lines.join("\n"))
}

/// One line (no `\n`): shaped, then reordered; its base direction is that of its first
/// strong character (rules P2–P3).
fn display_line(line: &str) -> String {
    if !line.chars().any(is_rtl) {
        return line.to_owned();
    }
    let shaped = reshaper().reshape(line);
    let bidi = BidiInfo::new(&shaped, None);
    let mut out = String::with_capacity(shaped.len());
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let text = &shaped[run.clone()];
            if levels[run.start].is_rtl() {
                out.extend(text.chars().rev().map(mirror));
            } else {
                out.push_str(text);
            }
        }
    }
    out
}

/// `n` and the noun in the right number: "1 incident", "0 incidents", "2 incidents".
pub fn count_noun(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Rule L4 for the paired brackets a label meets: in a right-to-left run `(` shows as `)`.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<String> {
        s.chars().map(|c| format!("{:04X}", c as u32)).collect()
    }

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(count_noun(1, "incident", "incidents"), "1 incident");
        assert_eq!(count_noun(0, "incident", "incidents"), "0 incidents");
        assert_eq!(count_noun(2, "incident", "incidents"), "2 incidents");
    }

    #[test]
    fn latin_text_is_borrowed_unchanged() {
        for s in [
            "Kabul",
            "Khyber Pakhtunkhwa → Peshawar ✓",
            "",
            "12 incidents (2024)",
        ] {
            assert!(matches!(display_text(s), Cow::Borrowed(b) if b == s), "{s}");
        }
    }

    #[test]
    fn kabul_is_joined_and_right_to_left() {
        // Logical order ک ا ب ل. Joined: KEHEH initial (FB90), ALEF final (FE8E), then ALEF
        // breaks the word, so BEH initial (FE91) and LAM final (FEDE). Drawn left to right,
        // the last letter comes first.
        let out = display_text("کابل");
        assert_eq!(codes(&out), ["FEDE", "FE91", "FE8E", "FB90"]);
        assert_eq!(out, "\u{FEDE}\u{FE91}\u{FE8E}\u{FB90}");
    }

    #[test]
    fn khyber_pakhtunkhwa_is_joined_and_right_to_left() {
        // خیبر: KHAH initial (FEA7), FARSI YEH medial (FBFF), BEH medial (FE92), REH final
        // (FEAE). پښتونخوا: PEH initial (FB58), ښ (no presentation forms: itself), TEH medial
        // (FE98), WAW final (FEEE); WAW breaks the word, so NOON initial (FEE7), KHAH medial
        // (FEA8), WAW final (FEEE), and ALEF after WAW isolated (FE8D). The words swap places
        // and each is reversed.
        let out = display_text("خیبر پښتونخوا");
        let expected = [
            "FE8D", "FEEE", "FEA8", "FEE7", "FEEE", "FE98", "069A", "FB58", "0020", "FEAE", "FE92",
            "FBFF", "FEA7",
        ];
        assert_eq!(codes(&out), expected);
    }

    #[test]
    fn mixed_text_keeps_latin_runs_in_order() {
        // A Latin first strong character makes the line left-to-right: the Arabic word alone
        // is reversed, and the arrow and tick stay where they are written.
        let out = display_text("Kabul → کابل ✓");
        assert_eq!(out, "Kabul → \u{FEDE}\u{FE91}\u{FE8E}\u{FB90} ✓");
        // Right-to-left line: brackets mirror, lines are reordered one by one.
        let out = display_text("(کابل)\nKabul");
        assert_eq!(out, "(\u{FEDE}\u{FE91}\u{FE8E}\u{FB90})\nKabul");
    }
}
