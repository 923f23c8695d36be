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

/// The documented JSON shape: mentions carry their sentence's text (a window around the
/// mention in a long one) as well as byte offsets.
fn to_json(text: &str, ex: &atlas_core::report::Extraction) -> serde_json::Value {
    let mentions = |ms: &[atlas_core::report::Mention]| -> Vec<serde_json::Value> {
        ms.iter()
            .map(|m| {
                serde_json::json!({
                    "sentence": context_of(text, ex, m),
                    "sentence_index": m.sentence,
                    "start": m.start,
                    "end": m.end,
                })
            })
            .collect()
    };
    let places: Vec<_> = ex
        .places
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": p.id, "name": p.name, "kind": p.kind.as_str(), "country": p.country,
                "matched": p.matched, "mentions": mentions(&p.mentions),
                "low_confidence": p.low_confidence, "alternatives": p.alternatives,
                "lon": p.point[0], "lat": p.point[1],
            })
        })
        .collect();
    let groups: Vec<_> = ex
        .groups
        .iter()
        .map(|g| serde_json::json!({"id": g.id, "name": g.name, "matched": g.matched, "mentions": mentions(&g.mentions)}))
        .collect();
    let sentences: Vec<_> = ex
        .sentences
        .iter()
        .map(|s| serde_json::json!({"start": s.start, "end": s.end}))
        .collect();
    serde_json::json!({ "places": places, "groups": groups, "sentences": sentences })
}
