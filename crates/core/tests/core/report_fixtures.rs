//! Extraction on hand-written texts about the region (tests/fixtures/texts/) with the real
//! gazetteer: other districts, other spellings, and traps, each with its expected result.

use std::path::Path;

use atlas_core::data::load_gazetteer;
use atlas_core::model::UnitKind::{self, *};
use atlas_core::report::{Extraction, Extractor, GroupDictionary};

type Place = (
    &'static str,
    UnitKind,
    &'static str,
    &'static [&'static str],
    usize,
    bool,
);
type Group = (&'static str, &'static [&'static str], usize);

fn run(name: &str) -> (String, Extraction) {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR")));
    let data = root.join("../../data");
    let (gaz, diags) = load_gazetteer(&data);
    assert!(diags.is_empty(), "{diags:?}");
    let (groups, diags) = GroupDictionary::load(&data.join("report/groups.json"));
    assert!(diags.is_empty(), "{diags:?}");
    let text = std::fs::read_to_string(root.join("tests/fixtures/texts").join(name)).unwrap();
    let e = Extractor::new(&gaz, &groups).extract(&text);
    (text, e)
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Compare places (name, kind, country, surfaces, mentions, low confidence) and groups
/// (id, surfaces, mentions), in order of first mention; check every offset.
fn check(name: &str, places: &[Place], groups: &[Group]) -> (String, Extraction) {
    let (text, e) = run(name);
    let got: Vec<_> = e
        .places
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.kind,
                p.country.clone(),
                p.matched.clone(),
                p.mentions.len(),
                p.low_confidence,
            )
        })
        .collect();
    let want: Vec<_> = places
        .iter()
        .map(|(n, k, c, m, count, low)| {
            (n.to_string(), *k, c.to_string(), strings(m), *count, *low)
        })
        .collect();
    assert_eq!(got, want, "{name}: places");
    let got: Vec<(String, Vec<String>, usize)> = e
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.matched.clone(), g.mentions.len()))
        .collect();
    let want: Vec<(String, Vec<String>, usize)> = groups
        .iter()
        .map(|(id, m, n)| (id.to_string(), strings(m), *n))
        .collect();
    assert_eq!(got, want, "{name}: groups");
    for (matched, mentions) in e
        .places
        .iter()
        .map(|p| (&p.matched, &p.mentions))
        .chain(e.groups.iter().map(|g| (&g.matched, &g.mentions)))
    {
        for m in mentions {
            assert!(matched.contains(&text[m.start..m.end].to_string()));
            let s = e.sentences[m.sentence];
            assert!(s.start <= m.start && m.end <= s.end);
        }
    }
    (text, e)
}

#[test]
fn tribal_districts() {
    let (text, e) = check(
        "tribal_districts.txt",
        &[
            // "in Peshawar": district or city? The text does not say: the district, a guess.
            ("Peshawar", District, "PAK", &["Peshawar"], 1, true),
            ("Kunar", Province, "AFG", &["Konar"], 1, false),
            ("Bajaur", District, "PAK", &["Bajaur"], 2, false),
            (
                "North Waziristan",
                District,
                "PAK",
                &["North Waziristan"],
                1,
                false,
            ),
            ("Kurram", District, "PAK", &["Kurram"], 1, false),
            (
                "Khyber Pakhtunkhwa",
                Province,
                "PAK",
                &["Khyber Pakhtunkhwa"],
                1,
                false,
            ),
            // "in Khowst": the province, with Khost town as the alternative.
            ("Khost", Province, "AFG", &["Khowst"], 1, true),
        ],
        &[
            ("ttp", &["Pakistani Taliban", "TTP"], 3),
            ("afghan_taliban", &["Afghan Taliban"], 1),
            ("isk", &["ISKP"], 1),
        ],
    );
    let khost = e.places.iter().find(|p| p.name == "Khost").unwrap();
    assert_eq!(khost.alternatives, vec!["town:af:khost"]);
    let bajaur = e.places.iter().find(|p| p.name == "Bajaur").unwrap();
    assert_eq!(
        bajaur
            .mentions
            .iter()
            .map(|m| m.sentence)
            .collect::<Vec<_>>(),
        vec![0, 5]
    );
    assert_eq!(
        bajaur.mentions[1].start,
        text.find("in Bajaur, where").unwrap() + 3
    );
    assert_eq!(e.sentences.len(), 7);
}

#[test]
fn balochistan_coast() {
    let (text, e) = check(
        "balochistan_coast.txt",
        &[
            ("Turbat", Town, "PAK", &["Turbat"], 1, false),
            ("Kech", District, "PAK", &["Kech"], 1, false),
            // "the port of Gwadar": the town.
            ("Gwadar", Town, "PAK", &["Gwadar"], 1, false),
            ("Chagai", District, "PAK", &["Chaghi"], 1, false),
            ("Zhob", District, "PAK", &["Zhob"], 1, true),
            ("Paktika", Province, "AFG", &["Paktica"], 1, false),
            ("Panjgur", Town, "PAK", &["Panjgur"], 1, false),
            ("Panjgur", District, "PAK", &["Panjgur"], 1, false),
        ],
        &[
            ("bla", &["Balochistan Liberation Army", "BLA"], 3),
            ("majeed_brigade", &["Majeed Brigade"], 1),
            ("ttp", &["Tehrik-i-Taliban Pakistan"], 1),
        ],
    );
    // "Rs." and "U.S." do not end sentences.
    let sentences: Vec<&str> = e.sentences.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(sentences.len(), 5);
    assert!(
        sentences[3].starts_with("Rs. 2 million")
            && sentences[3].ends_with("provincial government.")
    );
}

#[test]
fn eastern_afghanistan() {
    check(
        "eastern_afghanistan.txt",
        &[
            ("Nangarhar", Province, "AFG", &["Ningarhar"], 1, false),
            ("Paktika", Province, "AFG", &["Paktika"], 1, false),
            ("Khost", Province, "AFG", &["Khost"], 1, true),
            ("Badakhshan", Province, "AFG", &["Badakhshan"], 1, false),
            ("Kunar", Province, "AFG", &["Kunar"], 1, false),
        ],
        &[
            ("isk", &["Islamic State Khorasan Province", "ISIS-K"], 2),
            // "Islamic Emirate of Afghanistan" names the Taliban, not the country.
            (
                "afghan_taliban",
                &["Taliban", "Islamic Emirate of Afghanistan"],
                2,
            ),
            ("al_qaeda", &["al Qaida"], 1),
            ("etim", &["Turkistan Islamic Party", "TIP"], 2),
        ],
    );
}

#[test]
fn traps_only() {
    // Army, Brigade, Police, South, March, tank, UN, U.S., tip, Afghan, Pakistani, Baloch,
    // Abu Hamza, Kaka Khan, Central Asia, MB and TIP without their groups: nothing.
    check("no_places.txt", &[], &[]);
}
