//! The findings file: schema (unknown fields rejected), verbatim quotes in the stated
//! paragraph, figures, place references resolved against the real gazetteer, the network.

use std::path::Path;

use atlas_core::data::load_gazetteer;
use atlas_core::model::{Gazetteer, UnitKind};
use atlas_core::report::{
    FindingKind, GroupDictionary, Qualifier, Report, load_report, paragraphs, parse_findings,
    resolve_findings,
};

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
}

fn load() -> (Gazetteer, Report) {
    let (gaz, diags) = load_gazetteer(data_dir());
    assert!(diags.is_empty(), "{diags:?}");
    let (report, diags) = load_report(data_dir(), &gaz);
    assert!(diags.is_empty(), "{diags:#?}");
    (gaz, report)
}

fn finding<'a>(r: &'a Report, id: &str) -> &'a atlas_core::report::ResolvedFinding {
    r.findings
        .iter()
        .find(|f| f.finding.id == id)
        .unwrap_or_else(|| panic!("no finding {id}"))
}

#[test]
fn bundled_findings_load_cleanly_and_quotes_are_verbatim() {
    let (_, r) = load();
    assert_eq!(r.findings.len(), 50);
    let paras = paragraphs(&r.text);
    assert_eq!(paras.len(), 16);
    assert!(paras[9].starts_with("- Pakistan, along with regional allies"));
    for f in &r.findings {
        let f = &f.finding;
        assert!(paras[f.paragraph - 1].contains(&f.quote), "{}", f.id);
        assert!(f.quote.ends_with('.'), "{}", f.id);
    }
    let src = r.source.as_ref().unwrap();
    assert_eq!(
        (
            src.title.as_deref(),
            src.date.as_deref(),
            src.publisher.as_deref()
        ),
        (None, None, None)
    );
    assert!(r.text.contains(src.refers_to.as_deref().unwrap()));
    // A typographic apostrophe is kept as it is in the text.
    assert!(
        finding(&r, "p2-association")
            .finding
            .quote
            .starts_with("The Afghan Taliban\u{2019}s association")
    );
}

#[test]
fn figures_are_structured() {
    let (_, r) = load();
    let f = &finding(&r, "p1-ttp-600-attacks-2024").finding;
    let fig = &f.figures[0];
    assert_eq!(
        (fig.value, fig.unit.as_str(), fig.qualifier, fig.year),
        (600.0, "attacks", Some(Qualifier::Over), Some(2024))
    );
    assert_eq!(fig.text, "over 600 attacks");
    let f = &finding(&r, "p2-support-43000-per-month").finding;
    let fig = &f.figures[0];
    assert_eq!(
        (
            fig.value,
            fig.unit.as_str(),
            fig.per.as_deref(),
            fig.qualifier,
            fig.year
        ),
        (
            43000.0,
            "USD",
            Some("month"),
            Some(Qualifier::Approximately),
            None
        )
    );
    assert_eq!(
        finding(&r, "p3-takeover-august-2021")
            .finding
            .date
            .as_deref(),
        Some("2021-08")
    );
    assert_eq!(
        finding(&r, "p3-ttp-formed-2007").finding.date.as_deref(),
        Some("2007")
    );
}

#[test]
fn places_resolve_against_the_real_gazetteer() {
    let (_, r) = load();
    for f in &r.findings {
        assert_eq!(f.resolved.len(), f.finding.places.len(), "{}", f.finding.id);
    }
    let tc = finding(&r, "p2-ttp-training-centres");
    assert_eq!(tc.finding.kind, FindingKind::TrainingCentre);
    let names: Vec<_> = tc
        .resolved
        .iter()
        .map(|e| (e.name.as_str(), e.kind, e.country.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Kunar", UnitKind::Province, "AFG"),
            ("Nangarhar", UnitKind::Province, "AFG"),
            ("Khost", UnitKind::Province, "AFG"),
            ("Paktika", UnitKind::Province, "AFG"),
        ]
    );
    let bla = finding(&r, "p7-bla-expansion-districts");
    let parents: Vec<_> = bla
        .resolved
        .iter()
        .map(|e| (e.name.as_str(), e.kind, e.parent.as_deref()))
        .collect();
    assert_eq!(
        parents,
        vec![
            ("Awaran", UnitKind::District, Some("Balochistan")),
            ("Panjgur", UnitKind::District, Some("Balochistan"))
        ]
    );
    let dal = &finding(&r, "p7-bla-expansion-dalbandin").resolved[0];
    assert_eq!(
        (dal.kind, dal.parent.as_deref(), dal.province.as_deref()),
        (UnitKind::Town, Some("Chagai"), Some("Balochistan"))
    );
    assert!((dal.lon - 64.41).abs() < 0.01 && (dal.lat - 28.89).abs() < 0.01);
    let kerman = &finding(&r, "p6-kerman-attack").resolved[0];
    assert_eq!(
        (kerman.name.as_str(), kerman.country.as_str()),
        ("Kerman", "IRN")
    );
}

#[test]
fn network_has_the_reported_relationships() {
    let (_, r) = load();
    let has = |from: &str, to: &str, kind: FindingKind, directed: bool| {
        r.network.edges.iter().any(|e| {
            e.kind == kind
                && e.directed == directed
                && ((e.from == from && e.to == to) || (!directed && e.from == to && e.to == from))
        })
    };
    use FindingKind::*;
    assert!(has("afghan_taliban", "ttp", FinancialSupport, true));
    assert!(has("ttp", "aqis", Collaboration, false));
    assert!(has("ttp", "tjp", Collaboration, false));
    assert!(has("bla", "ttp", Ties, false));
    assert!(has("bla", "isk", Ties, false));
    assert!(has("majeed_brigade", "etim", Collaboration, false));
    assert!(has("majeed_brigade", "isk", Collaboration, false));
    assert!(has("majeed_brigade", "bla", WingOf, true));
    assert!(has("al_qaeda", "ttp", Influence, true));
    assert!(
        !has("ttp", "afghan_taliban", FinancialSupport, true),
        "support runs the other way"
    );
    // Relation findings: 8 between the Afghan Taliban and the TTP (p1 ×2, p2 ×2, p3 ×3, p16),
    // Al-Qaeda→TTP, TTP–AQIS, TTP–TJP, MB→BLA, BLA–TTP, BLA–IS-K, MB–ETIM, MB–IS-K.
    assert_eq!(r.network.edges.len(), 16);
    let isk = r.network.nodes.iter().find(|n| n.id == "isk").unwrap();
    assert_eq!(
        isk.tags
            .iter()
            .map(|t| t.label.as_str())
            .collect::<Vec<_>>(),
        vec!["rival"]
    );
    assert_eq!(r.network.nodes.len(), 9);
    let e = r
        .network
        .edges
        .iter()
        .find(|e| e.finding == "p2-support-43000-per-month")
        .unwrap();
    assert!(e.quote.contains("$43,000 per month"));
}

const TEXT: &str = "First paragraph. The TTP trained in Kunar.\n\nSecond paragraph here.\n";

fn one(finding: &str) -> String {
    format!(
        r#"{{"source": {{"file": "x.txt", "title": null, "date": null, "publisher": null, "refers_to": null}},
"findings": [
  {finding}
]}}"#
    )
}

fn check(json: &str) -> (usize, Vec<String>) {
    let groups = GroupDictionary::load(&data_dir().join("report/groups.json")).0;
    let (ff, diags) = parse_findings(json, Path::new("findings.json"), TEXT, &groups);
    (
        ff.map_or(0, |f| f.findings.len()),
        diags.iter().map(ToString::to_string).collect(),
    )
}

const GOOD: &str = r#"{"id": "a", "kind": "training_centre", "groups": ["ttp"], "places": [{"name": "Kunar", "kind": "province", "country": "AFG"}], "precision": "province", "quote": "The TTP trained in Kunar.", "paragraph": 1}"#;

#[test]
fn schema_accepts_a_good_finding() {
    assert_eq!(check(&one(GOOD)), (1, vec![]));
}

#[test]
fn schema_rejects_unknown_fields_and_kinds_with_line_numbers() {
    let bad = GOOD.replace(
        r#""paragraph": 1"#,
        r#""paragraph": 1, "confidence": "high""#,
    );
    let (n, d) = check(&one(&format!(
        "{GOOD},\n  {}",
        bad.replace(r#""id": "a""#, r#""id": "b""#)
    )));
    assert_eq!(n, 1);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].starts_with("findings.json:4: findings entry `b`: unknown field `confidence`"),
        "{d:?}"
    );
    let (n, d) = check(&one(&GOOD.replace("training_centre", "training_camp")));
    assert_eq!(n, 0);
    assert!(d[0].contains("unknown variant `training_camp`"), "{d:?}");
    // Unknown top-level field: nothing is loaded.
    let (n, d) = check(&one(GOOD).replacen("{", r#"{"extra": 1, "#, 1));
    assert_eq!(n, 0);
    assert!(d[0].contains("unknown field `extra`"), "{d:?}");
    let (n, d) = check("{ not json");
    assert_eq!(n, 0);
    assert!(d[0].starts_with("findings.json:1: invalid JSON"), "{d:?}");
}

#[test]
fn validation_catches_quotes_groups_precision_figures() {
    let (_, d) = check(&one(&GOOD.replace("trained in Kunar.", "trained in Kunar")));
    assert!(d.is_empty(), "a quote may be part of a sentence: {d:?}");
    let (_, d) = check(&one(
        &GOOD.replace("The TTP trained", "The TTP’s men trained")
    ));
    assert!(d[0].contains("quote not found verbatim"), "{d:?}");
    let (_, d) = check(&one(&GOOD.replace(r#""paragraph": 1"#, r#""paragraph": 2"#)));
    assert!(d[0].contains("quote is in paragraph 1, not 2"), "{d:?}");
    let (n, d) = check(&one(&GOOD.replace(r#"["ttp"]"#, r#"["ttp", "hamas"]"#)));
    assert_eq!(n, 1);
    assert!(d[0].contains("unknown group `hamas`"), "{d:?}");
    let (_, d) = check(&one(
        &GOOD.replace(r#""precision": "province""#, r#""precision": "district""#)
    ));
    assert!(d[0].contains("does not fit precision District"), "{d:?}");
    let (_, d) = check(&one(
        &GOOD.replace(r#""precision": "province""#, r#""precision": null"#)
    ));
    assert!(d[0].contains("places given without a precision"), "{d:?}");
    let fig =
        r#""figures": [{"value": 5, "unit": "attacks", "text": "five attacks"}], "paragraph""#;
    let (_, d) = check(&one(&GOOD.replace(r#""paragraph""#, fig)));
    assert!(
        d[0].contains("figure text `five attacks` is not in the quote"),
        "{d:?}"
    );
    let (_, d) = check(&one(&GOOD.replace("training_centre", "collaboration")));
    assert!(d[0].contains("needs a relation"), "{d:?}");
    let (_, d) = check(&one(&format!("{GOOD},\n  {GOOD}")));
    assert!(
        d[0].starts_with("findings.json:4: finding `a`: duplicate id"),
        "{d:?}"
    );
}

#[test]
fn unresolvable_and_ambiguous_places_are_reported() {
    let (gaz, _) = load_gazetteer(data_dir());
    let groups = GroupDictionary::load(&data_dir().join("report/groups.json")).0;
    let json = one(&GOOD.replace(
        r#"{"name": "Kunar", "kind": "province", "country": "AFG"}"#,
        r#"{"name": "Kunar", "kind": "district", "country": "AFG"}, {"name": "Kohistan", "kind": "district", "country": "AFG"}, {"name": "Konar", "kind": "province", "country": "AFG"}"#,
    ));
    let (ff, _) = parse_findings(&json, Path::new("f.json"), TEXT, &groups);
    let (resolved, d) = resolve_findings(&ff.unwrap().findings, &gaz, &json, Path::new("f.json"));
    assert_eq!(
        resolved[0].resolved.len(),
        1,
        "the alias Konar resolves to Kunar province"
    );
    assert_eq!(resolved[0].resolved[0].name, "Kunar");
    assert_eq!(d.len(), 2);
    assert!(
        d[0].to_string()
            .starts_with("f.json:3: finding `a`: place `Kunar` (district, AFG) does not resolve"),
        "{d:?}"
    );
    assert!(
        d[1].message
            .contains("place `Kohistan` (district, AFG) is ambiguous (2 entries"),
        "{d:?}"
    );
}
