//! Loading the bundled report: text, group dictionary, findings (validated and resolved) and
//! the network, from `data/report/`.

use std::path::Path;

use super::findings::Finding;
use super::findings::{FindingsFile, SourceMeta};
use super::groups::GroupDictionary;
use super::jsonfile::parse_json;
use super::network::Network;
use super::resolve::{ResolvedFinding, resolve_findings};
use crate::diag::Diagnostic;
use crate::model::Gazetteer;

/// The report text file under `data/report/`.
pub const REPORT_FILE: &str = "source-report.txt";
/// The findings file under `data/report/`.
pub const FINDINGS_FILE: &str = "findings.json";
/// The group dictionary under `data/report/`.
pub const GROUPS_FILE: &str = "groups.json";

/// The report on the map: its text, findings with resolved places, groups and network.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub source: Option<SourceMeta>,
    pub text: String,
    pub groups: GroupDictionary,
    pub findings: Vec<ResolvedFinding>,
    pub network: Network,
}

/// Parse and validate findings JSON (`file` names it in diagnostics). Schema errors drop the
/// entry; other problems are reported and the finding kept, minus unknown groups.
pub fn parse_findings(
    json: &str,
    file: &Path,
    report_text: &str,
    groups: &GroupDictionary,
) -> (Option<FindingsFile>, Vec<Diagnostic>) {
    let (parsed, mut diags) = parse_json::<FindingsFile, Finding>(json, file, "findings");
    let Some(mut ff) = parsed else {
        return (None, diags);
    };
    diags.extend(ff.validate(report_text, groups, json, file));
    for f in &mut ff.findings {
        f.groups.retain(|g| groups.contains(g));
        if f.relation
            .as_ref()
            .is_some_and(|r| !f.groups.contains(&r.from) || !f.groups.contains(&r.to))
        {
            f.relation = None;
        }
    }
    (Some(ff), diags)
}

/// Load everything under `<data_dir>/report/`, resolving places against `gazetteer`.
/// Missing or broken files are reported; what is valid is kept.
pub fn load_report(data_dir: &Path, gazetteer: &Gazetteer) -> (Report, Vec<Diagnostic>) {
    let dir = data_dir.join("report");
    load_report_files(
        &dir.join(FINDINGS_FILE),
        Some(&dir.join(REPORT_FILE)),
        &dir.join(GROUPS_FILE),
        gazetteer,
    )
}

/// The report text a findings file names in `source.file`, beside it (else `REPORT_FILE`).
fn report_text_beside(findings_path: &Path, json: &str) -> std::path::PathBuf {
    let named = serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v["source"]["file"].as_str().map(str::to_owned))
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\']));
    let dir = findings_path.parent().unwrap_or(Path::new("."));
    dir.join(named.as_deref().unwrap_or(REPORT_FILE))
}

/// Load a findings file with its report text (default: the file its `source.file` names,
/// beside it) and group dictionary, resolving places against `gazetteer`.
pub fn load_report_files(
    findings_path: &Path,
    text_path: Option<&Path>,
    groups_path: &Path,
    gazetteer: &Gazetteer,
) -> (Report, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (groups, d) = GroupDictionary::load(groups_path);
    diags.extend(d);
    let mut read = |p: &Path| {
        std::fs::read_to_string(p).unwrap_or_else(|e| {
            diags.push(Diagnostic::new(p, None, format!("cannot read: {e}")));
            String::new()
        })
    };
    let json = read(findings_path);
    let text_path = text_path
        .map(Path::to_path_buf)
        .unwrap_or_else(|| report_text_beside(findings_path, &json));
    let text = read(&text_path);
    let mut report = Report {
        text,
        groups,
        ..Default::default()
    };
    if json.is_empty() {
        return (report, diags);
    }
    let (ff, d) = parse_findings(&json, findings_path, &report.text, &report.groups);
    diags.extend(d);
    if let Some(ff) = ff {
        let (resolved, d) = resolve_findings(&ff.findings, gazetteer, &json, findings_path);
        diags.extend(d);
        report.network = Network::from_findings(&ff.findings, &report.groups);
        report.findings = resolved;
        report.source = Some(ff.source);
    }
    (report, diags)
}
