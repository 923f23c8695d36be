//! Resolving findings' place references (`{name, kind, country}`) against the gazetteer.

use std::path::Path;

use serde::Serialize;

use super::findings::{Finding, PlaceRef};
use super::jsonfile::line_of_id;
use crate::diag::Diagnostic;
use crate::model::{Entry, Gazetteer};
use crate::names::normalize;

/// A finding with its places looked up in the gazetteer (unresolved references left out).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// Resolved entries, in the order of `finding.places`.
    pub resolved: Vec<Entry>,
}

/// Resolve one reference: it must denote exactly one gazetteer entry of its kind and country
/// (by name or alias; with `id`, that entry, checked against name, kind and country).
pub fn resolve_place(r: &PlaceRef, gazetteer: &Gazetteer) -> Result<Entry, String> {
    let what = format!("place `{}` ({}, {})", r.name, r.kind.as_str(), r.country);
    if let Some(id) = &r.id {
        let e = gazetteer
            .get(id)
            .map(|x| gazetteer.entry(x))
            .ok_or_else(|| format!("{what}: no gazetteer entry has id `{id}`"))?;
        let key = normalize(&r.name);
        let named = normalize(&e.name) == key || e.aliases.iter().any(|a| normalize(a) == key);
        if e.kind != r.kind || e.country != r.country || !named {
            return Err(format!(
                "{what}: id `{id}` is {} ({}, {})",
                e.name,
                e.kind.as_str(),
                e.country
            ));
        }
        return Ok(e);
    }
    let mut hits: Vec<Entry> = gazetteer
        .resolve(&r.name)
        .into_iter()
        .filter(|e| e.kind == r.kind && e.country == r.country)
        .collect();
    match hits.len() {
        1 => Ok(hits.remove(0)),
        0 => Err(format!("{what} does not resolve to any gazetteer entry")),
        n => {
            let ids: Vec<String> = hits
                .iter()
                .map(|e| format!("{} in {}", e.id, e.parent.as_deref().unwrap_or("?")))
                .collect();
            Err(format!(
                "{what} is ambiguous ({n} entries: {}); add an `id`",
                ids.join(", ")
            ))
        }
    }
}

/// Resolve every finding's places; each unresolved reference gives a diagnostic on the
/// finding's line in `json` (the findings file text).
pub fn resolve_findings(
    findings: &[Finding],
    gazetteer: &Gazetteer,
    json: &str,
    file: &Path,
) -> (Vec<ResolvedFinding>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let out = findings
        .iter()
        .map(|f| {
            let mut resolved = Vec::new();
            for r in &f.places {
                match resolve_place(r, gazetteer) {
                    Ok(e) => resolved.push(e),
                    Err(m) => diags.push(Diagnostic::new(
                        file,
                        line_of_id(json, &f.id),
                        format!("finding `{}`: {m}", f.id),
                    )),
                }
            }
            ResolvedFinding {
                finding: f.clone(),
                resolved,
            }
        })
        .collect();
    (out, diags)
}
