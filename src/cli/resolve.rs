//! `frontier-atlas resolve NAME... [--json]`: look names up in the gazetteer.

use std::path::Path;
use std::process::ExitCode;

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
    let mut out = Vec::new();
    for q in names {
        let matches: Vec<_> = g
            .resolve(q)
            .into_iter()
            .map(|e| Match {
                query: q,
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
        }
        out.push(Resolved { query: q, matches });
    }
    if json {
        match serde_json::to_string_pretty(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("resolve: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        for r in &out {
            for m in &r.matches {
                let parent = m.parent.as_deref().unwrap_or("-");
                println!(
                    "{}\t{}\t{}\t{}\tin {}\t{:.4},{:.4}\t{}",
                    r.query, m.name, m.kind, m.country, parent, m.lon, m.lat, m.id
                );
            }
        }
    }
    ExitCode::SUCCESS
}
