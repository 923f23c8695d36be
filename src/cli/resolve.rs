//! `frontier-atlas resolve NAME... [--json]`: look names up in the gazetteer through the
//! search index (exact and alias matches, else the best variant, prefix and fuzzy ones).

use std::path::Path;
use std::process::ExitCode;

use atlas_core::search::{HitRef, SearchIndex};
use serde::Serialize;

/// One match, as printed.
#[derive(Serialize)]
struct Match<'a> {
    query: &'a str,
    id: String,
    name: String,
    kind: &'static str,
    country: String,
    parent: Option<String>,
    province: Option<String>,
    aliases: Vec<String>,
    lon: f64,
    lat: f64,
    bbox: [f64; 4],
    /// How it matched: exact, alias, variant, prefix or fuzzy.
    #[serde(rename = "match")]
    matched: &'static str,
    /// The name or alias that matched.
    matched_name: String,
    score: f32,
    why: String,
}

#[derive(Serialize)]
struct Resolved<'a> {
    query: &'a str,
    matches: Vec<Match<'a>>,
}

pub fn run(dir: &Path, names: &[String], json: bool) -> ExitCode {
    let (g, diags) = atlas_core::data::load_gazetteer(dir);
    for d in &diags {
        eprintln!("warning: {d}");
    }
    let mut index = SearchIndex::new();
    index.add_gazetteer(&g);
    let mut out = Vec::new();
    for q in names {
        let matches: Vec<_> = index
            .resolve(q)
            .into_iter()
            .filter_map(|h| match h.entry {
                HitRef::Gazetteer(r) => Some((g.entry(r), h)),
                _ => None,
            })
            .map(|(e, h)| Match {
                query: q,
                matched: h.matched.as_str(),
                matched_name: h.matched_name,
                score: h.score,
                why: h.why,
                kind: e.kind.as_str(),
                id: e.id,
                name: e.name,
                country: e.country,
                parent: e.parent,
                province: e.province,
                aliases: e.aliases,
                lon: e.lon,
                lat: e.lat,
                bbox: e.bbox,
            })
            .collect();
        if matches.is_empty() {
            eprintln!("resolve: no place called {q:?} in the gazetteer");
        } else if !matches!(matches[0].matched, "exact" | "alias") {
            eprintln!(
                "resolve: no place is called exactly {q:?}; closest first ({})",
                matches[0].why
            );
        }
        out.push(Resolved { query: q, matches });
    }
    if json {
        return super::output::print_json("resolve", &out);
    }
    let mut text = String::new();
    for r in &out {
        for m in &r.matches {
            let parent = m.parent.as_deref().unwrap_or("-");
            text += &format!(
                "{}\t{}\t{}\t{}\tin {}\t{:.4},{:.4}\t{}\t{}\n",
                r.query, m.name, m.kind, m.country, parent, m.lon, m.lat, m.id, m.why
            );
        }
    }
    super::output::print_out("resolve", &text)
}
