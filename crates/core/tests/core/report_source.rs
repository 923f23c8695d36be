//! Extraction on the source report with the real gazetteer: exactly the places and groups a
//! careful reader finds, and every sentence naming one is covered by a finding.

use std::path::Path;

use atlas_core::data::load_gazetteer;
use atlas_core::model::{Gazetteer, UnitKind};
use atlas_core::report::{Extraction, Extractor, Report, load_report, split_sentences};

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
}

fn setup() -> (Gazetteer, Report, Extraction) {
    let (gaz, diags) = load_gazetteer(data_dir());
    assert!(diags.is_empty(), "{diags:?}");
    let (report, diags) = load_report(data_dir(), &gaz);
    assert!(diags.is_empty(), "{diags:#?}");
    let e = Extractor::new(&gaz, &report.groups).extract(&report.text);
    (gaz, report, e)
}

#[test]
fn finds_exactly_the_places_a_reader_finds() {
    use UnitKind::*;
    let (gaz, report, e) = setup();
    // (name, kind, country, mentions, low confidence), in order of first mention. Read off
    // the text by hand: "Pakistan" 22 times, of which 2 inside group names; Awaran and Panjgur
    // are both districts and towns and the text does not say which ("areas like").
    let expected = [
        ("Pakistan", Country, "PAK", 20, false),
        ("Afghanistan", Country, "AFG", 8, false),
        ("Kunar", Province, "AFG", 1, false),
        ("Nangarhar", Province, "AFG", 1, false),
        ("Khost", Province, "AFG", 1, false),
        ("Paktika", Province, "AFG", 1, false),
        ("Kerman", Town, "IRN", 1, false),
        ("Awaran", District, "PAK", 1, true),
        ("Panjgur", District, "PAK", 1, true),
        ("Dalbandin", Town, "PAK", 1, false),
    ];
    // Named in the text but absent from the gazetteer (it holds Afghanistan and Pakistan as
    // countries): found only if a later gazetteer adds them.
    let optional = ["China", "Iran", "United States"];
    let found: Vec<_> = e
        .places
        .iter()
        .filter(|p| !optional.contains(&p.name.as_str()))
        .map(|p| {
            (
                p.name.as_str(),
                p.kind,
                p.country.as_str(),
                p.mentions.len(),
                p.low_confidence,
            )
        })
        .collect();
    assert_eq!(found, expected);
    for name in optional {
        let in_gazetteer = gaz.resolve(name).iter().any(|x| x.kind == Country);
        assert_eq!(
            e.places.iter().any(|p| p.name == name),
            in_gazetteer,
            "{name}"
        );
    }
    let khost = e.places.iter().find(|p| p.name == "Khost").unwrap();
    assert_eq!(khost.alternatives, vec!["town:af:khost"]);
    let panjgur = e.places.iter().find(|p| p.name == "Panjgur").unwrap();
    assert_eq!(panjgur.alternatives, vec!["town:pk:panjgur"]);
    for p in &e.places {
        for m in &p.mentions {
            assert!(
                p.matched.contains(&report.text[m.start..m.end].to_string()),
                "{}",
                p.name
            );
        }
    }
}

#[test]
fn finds_exactly_the_groups_a_reader_finds() {
    let (_, report, e) = setup();
    let found: Vec<_> = e
        .groups
        .iter()
        .map(|g| {
            (
                g.id.as_str(),
                g.matched.iter().map(String::as_str).collect::<Vec<_>>(),
                g.mentions.len(),
            )
        })
        .collect();
    // Counted by hand: "Afghan Taliban" 9 times, "Taliban’s takeover", "Taliban-TTP nexus".
    let expected = vec![
        ("afghan_taliban", vec!["Afghan Taliban", "Taliban"], 11),
        ("ttp", vec!["Tehreek-e-Taliban Pakistan", "TTP"], 20),
        ("al_qaeda", vec!["Al-Qaeda"], 1),
        (
            "aqis",
            vec!["Al-Qaeda in the Indian Subcontinent", "AQIS"],
            2,
        ),
        ("tjp", vec!["Tehreek-e-Jihad Pakistan", "TJP"], 3),
        ("isk", vec!["ISIS Khorasan", "IS-K"], 5),
        ("bla", vec!["Balochistan Liberation Army", "BLA"], 4),
        ("majeed_brigade", vec!["Majeed Brigade", "MB"], 3),
        ("etim", vec!["East Turkestan Islamic Movement", "ETIM"], 2),
    ];
    assert_eq!(found, expected);
    for g in &e.groups {
        for m in &g.mentions {
            assert!(
                g.matched.contains(&report.text[m.start..m.end].to_string()),
                "{}",
                g.id
            );
        }
    }
}

#[test]
fn no_false_positives() {
    let (_, report, e) = setup();
    let noise = [
        "Brigade",
        "South",
        "Central",
        "Asia",
        "Police",
        "Army",
        "Afghan",
        "Balochistan",
        "UN",
        "Abu",
        "Kaka",
    ];
    for p in &e.places {
        for m in &p.matched {
            assert!(!noise.contains(&m.as_str()), "{m} taken for a place");
        }
    }
    // No place mention lies inside a group mention ("Pakistan" in "Tehreek-e-Taliban Pakistan").
    for p in &e.places {
        for pm in &p.mentions {
            for g in &e.groups {
                assert!(
                    g.mentions
                        .iter()
                        .all(|gm| pm.end <= gm.start || pm.start >= gm.end),
                    "{} in {}",
                    p.name,
                    g.id
                );
            }
        }
    }
    assert_eq!(e.sentences.len(), split_sentences(&report.text).len());
}

#[test]
fn every_sentence_naming_a_place_or_group_is_a_finding_quote() {
    let (_, report, e) = setup();
    let quotes: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.finding.quote.as_str())
        .collect();
    let mut named: Vec<usize> = e
        .places
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(e.groups.iter().flat_map(|g| &g.mentions))
        .map(|m| m.sentence)
        .collect();
    named.sort_unstable();
    named.dedup();
    // 39 distinct quotes, less three sentences that name no gazetteer place and no group
    // ("Both groups follow …", "… with the United States …", "… (FATF) …").
    assert_eq!(named.len(), 36);
    for i in named {
        let s = &e.sentences[i];
        let sentence = &report.text[s.start..s.end];
        assert!(quotes.contains(&sentence), "no finding quotes: {sentence}");
    }
    // And every quote is one whole sentence as the splitter cuts them.
    let sentences: Vec<&str> = e
        .sentences
        .iter()
        .map(|s| &report.text[s.start..s.end])
        .collect();
    for q in quotes {
        assert!(sentences.contains(&q), "not a whole sentence: {q}");
    }
}
