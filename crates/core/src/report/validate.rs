//! Checks on the findings beyond the schema: quotes verbatim in the stated paragraph, known
//! groups, consistent relations, precision and figures.

use std::collections::HashMap;
use std::path::Path;

use super::findings::{Finding, FindingsFile};
use super::groups::GroupDictionary;
use super::jsonfile::line_of_id_nth;
use crate::diag::Diagnostic;

/// The report's paragraphs: its non-empty lines (trimmed), in order; paragraph `n` is
/// `paragraphs(text)[n - 1]`.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

impl FindingsFile {
    /// Every problem with the findings, given the report text and the group dictionary.
    /// `json` is the findings file's text and `file` its path (for line numbers).
    pub fn validate(
        &self,
        report_text: &str,
        groups: &GroupDictionary,
        json: &str,
        file: &Path,
    ) -> Vec<Diagnostic> {
        let paras = paragraphs(report_text);
        let mut diags = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for f in &self.findings {
            let nth = *seen.get(f.id.as_str()).unwrap_or(&0);
            seen.insert(&f.id, nth + 1);
            let line = line_of_id_nth(json, &f.id, nth);
            let mut problems = check_finding(f, &paras, groups);
            if nth > 0 {
                problems.push("duplicate id".to_owned());
            }
            for p in problems {
                diags.push(Diagnostic::new(
                    file,
                    line,
                    format!("finding `{}`: {p}", f.id),
                ));
            }
        }
        if let Some(d) = &self.source.date
            && !is_partial_date(d)
        {
            diags.push(Diagnostic::new(
                file,
                None,
                format!("source date `{d}` is not YYYY[-MM[-DD]]"),
            ));
        }
        diags
    }
}

fn check_finding(f: &Finding, paras: &[&str], groups: &GroupDictionary) -> Vec<String> {
    let mut p = Vec::new();
    if f.id.trim().is_empty() {
        p.push("empty id".to_owned());
    }
    for g in &f.groups {
        if !groups.contains(g) {
            p.push(format!("unknown group `{g}`"));
        }
    }
    match (&f.relation, f.kind.is_relation()) {
        (None, true) => p.push(format!("kind {:?} needs a relation", f.kind)),
        (Some(_), false) => p.push(format!("kind {:?} takes no relation", f.kind)),
        _ => {}
    }
    if let Some(r) = &f.relation {
        for end in [&r.from, &r.to] {
            if !f.groups.contains(end) {
                p.push(format!(
                    "relation end `{end}` is not in the finding's groups"
                ));
            }
        }
        if r.from == r.to {
            p.push("relation from a group to itself".to_owned());
        }
        if r.label.trim().is_empty() {
            p.push("empty relation label".to_owned());
        }
    }
    match (f.places.is_empty(), f.precision) {
        (false, None) => p.push("places given without a precision".to_owned()),
        (true, Some(_)) => p.push("precision given without places".to_owned()),
        (false, Some(prec)) => {
            for pl in &f.places {
                if !prec.fits(pl.kind) {
                    p.push(format!(
                        "place `{}` ({}) does not fit precision {prec:?}",
                        pl.name,
                        pl.kind.as_str()
                    ));
                }
            }
        }
        (true, None) => {}
    }
    check_quote(f, paras, &mut p);
    for fig in &f.figures {
        if !fig.value.is_finite() {
            p.push(format!("figure `{}` has no finite value", fig.text));
        }
        if !f.quote.contains(&fig.text) {
            p.push(format!("figure text `{}` is not in the quote", fig.text));
        }
    }
    for person in &f.people {
        if !f.quote.contains(&person.name) {
            p.push(format!(
                "person `{}` is not named in the quote",
                person.name
            ));
        }
    }
    if let Some(d) = &f.date
        && !is_partial_date(d)
    {
        p.push(format!("date `{d}` is not YYYY[-MM[-DD]]"));
    }
    p
}

fn check_quote(f: &Finding, paras: &[&str], p: &mut Vec<String>) {
    if f.quote.trim().is_empty() || f.quote.trim() != f.quote {
        p.push("quote is empty or has leading/trailing spaces".to_owned());
        return;
    }
    let in_stated = f.paragraph >= 1
        && paras
            .get(f.paragraph - 1)
            .is_some_and(|t| t.contains(&f.quote));
    if in_stated {
        return;
    }
    match paras.iter().position(|t| t.contains(&f.quote)) {
        Some(i) => p.push(format!(
            "quote is in paragraph {}, not {}",
            i + 1,
            f.paragraph
        )),
        None => p.push(format!(
            "quote not found verbatim in the report (mind typographic apostrophes ’): {:?}",
            f.quote
        )),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a valid month and day.
fn is_partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |x: &str, len: usize| x.len() == len && x.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [_, _, _] => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates() {
        assert!(is_partial_date("2024"));
        assert!(is_partial_date("2021-08"));
        assert!(is_partial_date("2024-02-29"));
        assert!(!is_partial_date("2023-02-29"));
        assert!(!is_partial_date("2021-13"));
        assert!(!is_partial_date("Aug 2021"));
    }

    #[test]
    fn paragraphs_are_non_empty_lines() {
        assert_eq!(paragraphs("a\n\n  b \n- c\n"), vec!["a", "b", "- c"]);
    }
}
