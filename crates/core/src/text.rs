//! Text in visual order for egui: bidirectional lines (Pashto, Dari, Urdu, Arabic with Latin,
//! numbers, punctuation) put in display order for a renderer that lays runs left to right.
//!
//! egui 0.37 shapes text with HarfBuzz (harfrust): each run of one font is joined by the font's
//! own rules (all Pashto letters included) and a run in Arabic script comes out right to left.
//! What it does not do is the Unicode Bidirectional Algorithm across runs: the runs of a line
//! (an Arabic word, the space after it in another font, the next word) are laid left to right
//! in logical order, so `خیبر پښتونخوا` would show its two words swapped. [`display_text`]
//! runs the algorithm ([`unicode_bidi`]): the line in visual order, brackets mirrored in
//! right-to-left runs, and each stretch of Arabic-script characters then put back in logical
//! order, because egui's shaper reverses those itself. Letters are left unshaped on purpose:
//! presentation forms would stop HarfBuzz joining the Pashto letters that have none (ښ, ځ, ټ).
//! Text with no right-to-left character is returned as it is, borrowed.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

/// A right-to-left character: Arabic letters (AL) and Hebrew and other RTL letters (R).
fn is_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::AL | BidiClass::R)
}

/// A character only the Arabic (or Hebrew) font has: egui puts each unbroken stretch of them
/// in one run, and HarfBuzz reverses such a run when it holds a right-to-left letter.
fn in_rtl_font(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x05FF | 0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF
        | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A run HarfBuzz lays right to left: its first character with a script is Arabic or Hebrew
/// (letters, and the Arabic-Indic digits, whose script is Arabic).
fn shaped_rtl(run: &[char]) -> bool {
    run.iter()
        .find(|&&c| is_rtl(c) || matches!(c as u32, 0x0660..=0x0669 | 0x06F0..=0x06F9))
        .is_some()
}

/// `s` as egui should be given it: each line in visual order, except that stretches egui's
/// shaper reverses stay in logical order. Borrowed when nothing changes (no right-to-left
/// character, or a line that is one right-to-left word).
pub fn display_text(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(is_rtl) {
        return Cow::Borrowed(s);
    }
    let lines: Vec<String> = s.split('\n').map(display_line).collect();
    let out = lines.join("\n");
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// One line (no `\n`); its base direction is that of its first strong character (P2–P3).
fn display_line(line: &str) -> String {
    if !line.chars().any(is_rtl) {
        return line.to_owned();
    }
    let bidi = BidiInfo::new(line, None);
    let mut visual: Vec<char> = Vec::with_capacity(line.len());
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let text = &line[run.clone()];
            if levels[run.start].is_rtl() {
                visual.extend(text.chars().rev().map(mirror));
            } else {
                visual.extend(text.chars());
            }
        }
    }
    // Undo, stretch by stretch, the reversal egui's shaper will do.
    let mut i = 0;
    while i < visual.len() {
        if !in_rtl_font(visual[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < visual.len() && in_rtl_font(visual[i]) {
            i += 1;
        }
        if shaped_rtl(&visual[start..i]) {
            visual[start..i].reverse();
        }
    }
    visual.into_iter().collect()
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
    fn one_word_is_left_to_egui_shaper() {
        // A single right-to-left word is one run that egui's shaper joins and reverses.
        let out = display_text("کابل");
        assert!(matches!(out, Cow::Borrowed("کابل")), "{out:?}");
    }

    #[test]
    fn words_of_a_right_to_left_line_are_in_visual_order() {
        // Two runs in the Arabic font with a space (another font) between: the second word
        // is drawn leftmost, each word kept in logical order for the shaper to join.
        let out = display_text("خیبر پښتونخوا");
        assert_eq!(out, "پښتونخوا خیبر");
        // Numbers read left to right inside right-to-left text; the Arabic-Indic digits share
        // a run with the word before them, which the shaper reverses whole.
        assert_eq!(display_text("حمله 2024 کابل"), "کابل 2024 حمله");
        assert_eq!(display_text("کابل۱۴۰۳"), "کابل۳۰۴۱");
    }

    #[test]
    fn mixed_text_keeps_latin_runs_in_order() {
        // A Latin first strong character makes the line left-to-right: the Arabic words are
        // reordered among themselves, the Latin, arrow and tick stay where they are.
        assert_eq!(display_text("Kabul → کابل ✓"), "Kabul → کابل ✓");
        assert_eq!(
            display_text("Province: خیبر پښتونخوا (KP)"),
            "Province: پښتونخوا خیبر (KP)"
        );
        // A right-to-left line: brackets mirror as the line is reversed, Latin runs keep their
        // order and go to the left; lines are reordered one by one.
        assert_eq!(
            display_text("(کابل) → Kabul\nKabul"),
            "Kabul → (کابل)\nKabul"
        );
        assert_eq!(display_text("→ کابل ✓"), "✓ کابل →");
    }
}
