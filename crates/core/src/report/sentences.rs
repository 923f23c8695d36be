//! A small rule-based sentence splitter that keeps abbreviations ("U.S.", "Rs.", "D.I. Khan")
//! and decimals inside their sentence. Lines are hard breaks; bullet markers are dropped.

use serde::Serialize;

/// A sentence as a byte range `[start, end)` of the text (trimmed, bullet marker excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
}

/// Words that end with a full stop without ending a sentence (compared lowercase, without
/// the stop).
const ABBREVIATIONS: &[&str] = &[
    "rs", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "brig",
    "adm", "gov", "sen", "rep", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "cf", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "inc",
    "ltd", "co", "corp", "dept", "govt", "km", "sq", "mt", "ft", "fig", "al",
];

/// Split `text` into sentences. A sentence ends at `.`, `!` or `?` (with any closing quotes or
/// brackets) followed by whitespace and an uppercase letter, digit or opening quote, unless the
/// word before the stop is a known abbreviation, a single letter ("U.S.", "D.I.") or a dotted
/// acronym; every line break also ends a sentence.
pub fn split_sentences(text: &str) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<SentenceSpan>) {
    let line = &text[from..to];
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?' | b'"' | b')' | b'\'') {
                j += 1;
            }
            // Closing curly quotes (U+2019, U+201D) are three bytes.
            while line[j..].starts_with(['’', '”']) {
                j += 3;
            }
            let ws_end = j + line[j..].len() - line[j..].trim_start().len();
            let next = line[ws_end..].chars().next();
            let breaks = ws_end > j
                && next
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘(".contains(c))
                && !(b == b'.' && is_abbreviation(&line[start..i]));
            if breaks {
                push(text, from + start, from + j, out);
                start = ws_end;
                i = ws_end;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, from + start, from + bytes.len(), out);
}

/// Whether the last word of `before` (the text up to a full stop) is an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // "U.S", "D.I", "e.g": dotted letters; "A": an initial.
    let letters: Vec<&str> = word.split('.').collect();
    if letters
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Push the trimmed range `[s, e)` with a leading bullet marker removed, if not empty.
fn push(text: &str, s: usize, e: usize, out: &mut Vec<SentenceSpan>) {
    let raw = &text[s..e];
    let mut lead = raw.len() - raw.trim_start().len();
    let rest = raw.trim_start();
    for marker in ["- ", "* ", "• ", "– "] {
        if let Some(after) = rest.strip_prefix(marker) {
            lead += marker.len() + (after.len() - after.trim_start().len());
            break;
        }
    }
    let trail = raw.len() - raw.trim_end().len();
    if lead + trail < raw.len() {
        out.push(SentenceSpan {
            start: s + lead,
            end: e - trail,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t)
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_stops_but_not_abbreviations() {
        let t = "The U.S. and Rs. 500 were named. Attacks rose 3.5 per cent in D.I. Khan! Why? \
                 “Quoted.” Next one\n- Bullet line. Second.\n\nLast";
        assert_eq!(
            texts(t),
            vec![
                "The U.S. and Rs. 500 were named.",
                "Attacks rose 3.5 per cent in D.I. Khan!",
                "Why?",
                "“Quoted.”",
                "Next one",
                "Bullet line.",
                "Second.",
                "Last",
            ]
        );
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(
            texts("Cost approx. five dollars. Done."),
            vec!["Cost approx. five dollars.", "Done."]
        );
        assert_eq!(texts("see p. iv here"), vec!["see p. iv here"]);
    }
}
