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

/// The documented JSON shape: mentions carry their sentence's text as well as byte offsets.
fn to_json(text: &str, ex: &atlas_core::report::Extraction) -> serde_json::Value {
    let mentions = |ms: &[atlas_core::report::Mention]| -> Vec<serde_json::Value> {
        ms.iter()
            .map(|m| {
                serde_json::json!({
                    "sentence": crate::ui::report_reader::sentence_of(text, ex, m),
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
    serde_json::json!({ "places": places, "groups": groups })
}
