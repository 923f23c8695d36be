//! `frontier-atlas extract FILE [--json]`: places and groups a text names, with their mentions.

use std::path::Path;
use std::process::ExitCode;

use atlas_core::report::{Extractor, GroupDictionary};

use super::output::{print_json, print_out};

pub fn run(dir: &Path, file: &Path, json: bool) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("extract: {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    };
    let (g, mut diags) = atlas_core::data::load_gazetteer(dir);
    let (groups, d) =
        GroupDictionary::load(&dir.join("report").join(atlas_core::report::GROUPS_FILE));
    diags.extend(d);
    for d in &diags {
        eprintln!("warning: {d}");
    }
    let extraction = Extractor::new(&g, &groups).extract(&text);
    if json {
        return print_json("extract", &to_json(&text, &extraction));
    }
    let mut out = String::new();
    for p in &extraction.places {
        let low = if p.low_confidence {
            " (low confidence)"
        } else {
            ""
        };
        out += &format!(
            "place\t{}\t{}\t{}\t{} mention(s){low}\n",
            p.name,
            p.kind.as_str(),
            p.country,
            p.mentions.len()
        );
    }
    for gm in &extraction.groups {
        out += &format!("group\t{}\t{} mention(s)\n", gm.name, gm.mentions.len());
    }
    print_out("extract", &out)
}

/// Longest sentence a mention carries whole; past it, a window around the mention.
const WHOLE_SENTENCE_BYTES: usize = 400;
/// Bytes of context each side of a mention in a long sentence.
const CONTEXT_BYTES: usize = 160;

/// A mention's sentence, or for a long one the window around the mention (marked with "…"),
/// so the output stays linear in the text: each sentence's byte range is listed once at the
/// top (`sentences`) for the whole of it.
fn context_of<'a>(
    text: &'a str,
    ex: &atlas_core::report::Extraction,
    m: &atlas_core::report::Mention,
) -> std::borrow::Cow<'a, str> {
    let whole = crate::ui::report_reader::sentence_of(text, ex, m);
    if whole.len() <= WHOLE_SENTENCE_BYTES {
        return whole.into();
    }
    let (s, e) = ex
        .sentences
        .get(m.sentence)
        .map_or((0, text.len()), |s| (s.start, s.end));
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = floor(m.start.saturating_sub(CONTEXT_BYTES).max(s));
    let hi = floor((m.end + CONTEXT_BYTES).min(e));
    let pre = if lo > s { "…" } else { "" };
    let post = if hi < e { "…" } else { "" };
    format!("{pre}{}{post}", text[lo..hi].trim()).into()
}

/// A mention as printed.
#[derive(serde::Serialize)]
struct MentionOut<'a> {
    sentence: std::borrow::Cow<'a, str>,
    sentence_index: usize,
    start: usize,
    end: usize,
}

#[derive(serde::Serialize)]
struct PlaceOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    country: &'a str,
    matched: &'a [String],
    mentions: Vec<MentionOut<'a>>,
    low_confidence: bool,
    alternatives: &'a [String],
    lon: f64,
    lat: f64,
}

#[derive(serde::Serialize)]
struct GroupOut<'a> {
    id: &'a str,
    name: &'a str,
    matched: &'a [String],
    mentions: Vec<MentionOut<'a>>,
}

/// The documented JSON shape: mentions carry their sentence's text (a window around the
/// mention in a long one) as well as byte offsets; serialised from borrowed structs.
#[derive(serde::Serialize)]
struct ExtractOut<'a> {
    places: Vec<PlaceOut<'a>>,
    groups: Vec<GroupOut<'a>>,
    sentences: &'a [atlas_core::report::SentenceSpan],
}

fn to_json<'a>(text: &'a str, ex: &'a atlas_core::report::Extraction) -> ExtractOut<'a> {
    let mentions = |ms: &'a [atlas_core::report::Mention]| -> Vec<MentionOut<'a>> {
        ms.iter()
            .map(|m| MentionOut {
                sentence: context_of(text, ex, m),
                sentence_index: m.sentence,
                start: m.start,
                end: m.end,
            })
            .collect()
    };
    let places = ex
        .places
        .iter()
        .map(|p| PlaceOut {
            id: &p.id,
            name: &p.name,
            kind: p.kind.as_str(),
            country: &p.country,
            matched: &p.matched,
            mentions: mentions(&p.mentions),
            low_confidence: p.low_confidence,
            alternatives: &p.alternatives,
            lon: p.point[0],
            lat: p.point[1],
        })
        .collect();
    let groups = ex
        .groups
        .iter()
        .map(|g| GroupOut {
            id: &g.id,
            name: &g.name,
            matched: &g.matched,
            mentions: mentions(&g.mentions),
        })
        .collect();
    ExtractOut {
        places,
        groups,
        sentences: &ex.sentences,
    }
}
