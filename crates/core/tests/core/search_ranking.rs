//! The search ranking table over the bundled gazetteer, groups and findings: typing errors,
//! transliterations, aliases, group names and prefixes, each with its expected top hit.

use std::sync::OnceLock;

use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::incidents::{IncidentStore, synthetic_demo_2024};
use atlas_core::report::load_report;
use atlas_core::search::{HitKind, MatchKind, SearchIndex};

fn index() -> &'static SearchIndex {
    static IX: OnceLock<SearchIndex> = OnceLock::new();
    IX.get_or_init(|| {
        let dir = bundled_data_dir();
        let (g, _) = load_gazetteer(&dir);
        let (report, _) = load_report(&dir, &g);
        SearchIndex::build(&g, &report.groups, &report.findings)
    })
}

use HitKind::*;
use MatchKind::*;

/// (query, expected top hit's name, its kind, its country or "" for none, how it matched).
const TABLE: &[(&str, &str, HitKind, &str, MatchKind)] = &[
    // Spelling variants and typing errors of towns.
    ("Miran Shah", "Miran Shah", Town, "PAK", Exact),
    ("Miranshah", "Miran Shah", Town, "PAK", Exact),
    ("Miramshah", "Miran Shah", Town, "PAK", Fuzzy),
    ("Miram Shah", "Miran Shah", Town, "PAK", Fuzzy),
    ("Parachinaar", "Parachinar", Town, "PAK", Variant),
    ("Chamman", "Chaman", Town, "PAK", Variant),
    ("Jalalbad", "Jalalabad", District, "AFG", Fuzzy),
    ("Dalbandeen", "Dalbandin", Town, "PAK", Variant),
    ("Dalbandīn", "Dalbandin", Town, "PAK", Exact),
    ("Landi Kotel", "Landi Kotal", Town, "PAK", Fuzzy),
    // Provinces and districts: aliases, transliterations, typing errors.
    ("Konar", "Kunar", Province, "AFG", Alias),
    ("Khowst", "Khost", Province, "AFG", Alias),
    ("Qandahar", "Kandahar", Province, "AFG", Alias),
    ("Kandahaar", "Kandahar", Province, "AFG", Variant),
    ("Ningarhar", "Nangarhar", Province, "AFG", Alias),
    ("Nangahrar", "Nangarhar", Province, "AFG", Fuzzy),
    ("Paktiya", "Paktia", Province, "AFG", Alias),
    ("Paktikaa", "Paktika", Province, "AFG", Variant),
    ("Hilmand", "Helmand", Province, "AFG", Alias),
    ("Nooristan", "Nuristan", Province, "AFG", Alias),
    ("Kabol", "Kabul", Province, "AFG", Variant),
    ("Sar-i-Pul", "Sari Pul", District, "AFG", Exact),
    ("Nimroz", "Nimruz", Province, "AFG", Alias),
    ("Baluchistan", "Balochistan", Province, "PAK", Alias),
    ("KPK", "Khyber Pakhtunkhwa", Province, "PAK", Alias),
    ("NWFP", "Khyber Pakhtunkhwa", Province, "PAK", Alias),
    (
        "Khyber Pakhtoonkhwa",
        "Khyber Pakhtunkhwa",
        Province,
        "PAK",
        Variant,
    ),
    (
        "Gilgit Baltistan",
        "Gilgit-Baltistan",
        Province,
        "PAK",
        Exact,
    ),
    ("DI Khan", "Dera Ismail Khan", District, "PAK", Alias),
    ("Peshwar", "Peshawar", District, "PAK", Fuzzy),
    ("Quetaa", "Quetta", District, "PAK", Variant),
    ("Panjgoor", "Panjgur", District, "PAK", Variant),
    ("Awaraan", "Awaran", District, "PAK", Variant),
    ("Chaghi", "Chagai", District, "PAK", Alias),
    ("Ghanzi", "Ghazni", Province, "AFG", Alias),
    ("Afganistan", "Afghanistan", Country, "AFG", Fuzzy),
    ("Pakistn", "Pakistan", Country, "PAK", Fuzzy),
    // Afghanistan/Pakistan before elsewhere, larger before smaller.
    ("Hyderabad", "Hyderabad", District, "PAK", Exact),
    ("Jalalabad", "Jalalabad", District, "AFG", Exact),
    ("Punjab", "Punjab", Province, "PAK", Exact),
    ("Khost", "Khost", Province, "AFG", Exact),
    ("Kerman", "Kerman", Town, "IRN", Exact),
    // As you type.
    ("Parachi", "Parachinar", Town, "PAK", Prefix),
    ("Miramsh", "Miran Shah", Town, "PAK", Fuzzy),
    ("Waziristan", "North Waziristan", District, "PAK", Prefix),
    ("South Wazir", "South Waziristan", District, "PAK", Prefix),
    // Groups: short names, full names, aliases.
    ("TTP", "Tehreek-e-Taliban Pakistan", Group, "", Exact),
    (
        "Tehrik-i-Taliban Pakistan",
        "Tehreek-e-Taliban Pakistan",
        Group,
        "",
        Alias,
    ),
    (
        "Pakistani Taliban",
        "Tehreek-e-Taliban Pakistan",
        Group,
        "",
        Alias,
    ),
    ("ISKP", "Islamic State Khorasan Province", Group, "", Alias),
    (
        "Daesh Khorasan",
        "Islamic State Khorasan Province",
        Group,
        "",
        Alias,
    ),
    ("Majid Brigade", "Majeed Brigade", Group, "", Alias),
    ("Majeed Brigade", "Majeed Brigade", Group, "", Exact),
    ("BLA", "Balochistan Liberation Army", Group, "", Exact),
    (
        "AQIS",
        "Al-Qaeda in the Indian Subcontinent",
        Group,
        "",
        Exact,
    ),
    ("al Qaida", "Al-Qaeda", Group, "", Alias),
    (
        "Turkistan Islamic Party",
        "East Turkestan Islamic Movement",
        Group,
        "",
        Alias,
    ),
    (
        "Tehreek-e-Jihad",
        "Tehreek-e-Jihad Pakistan",
        Group,
        "",
        Prefix,
    ),
    ("Taliban", "Afghan Taliban", Group, "", Alias),
    // Native-script names (GeoNames' Arabic-script alternate names) of towns.
    ("کابل", "Kabul", Town, "AFG", Alias),
    ("پشاور", "Peshawar", Town, "PAK", Alias),
    ("میران شاہ", "Miran Shah", Town, "PAK", Alias),
    ("پاړه چنار", "Parachinar", Town, "PAK", Alias),
];

#[test]
fn ranking_table() {
    assert!(TABLE.len() >= 30);
    let ix = index();
    let mut wrong = Vec::new();
    for &(q, name, kind, country, how) in TABLE {
        let hits = ix.search(q, 5);
        let Some(top) = hits.first() else {
            wrong.push(format!("{q:?}: no result"));
            continue;
        };
        let got = (
            top.name.as_str(),
            top.kind,
            top.country.as_deref().unwrap_or(""),
            top.matched,
        );
        if got != (name, kind, country, how) {
            let seen: Vec<String> = hits
                .iter()
                .map(|h| {
                    format!(
                        "{} ({:?}, {:?}, {:.2}, {})",
                        h.name, h.kind, h.country, h.score, h.why
                    )
                })
                .collect();
            wrong.push(format!(
                "{q:?}: want {name} {kind:?} {country} {how:?}; got {seen:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn results_are_sorted_and_explained() {
    let hits = index().search("Kh", 50);
    assert_eq!(hits.len(), 50);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(hits.iter().all(|h| h.matched == Prefix));
    // AF/PK first, provinces before districts before towns.
    let region =
        |h: &atlas_core::search::SearchHit| matches!(h.country.as_deref(), Some("AFG" | "PAK"));
    assert!(hits[..20].iter().all(region), "{:?}", &hits[..20]);
    assert_eq!(hits[0].kind, Province);
    let kinds: Vec<HitKind> = hits
        .iter()
        .take_while(|h| h.score == hits[0].score)
        .map(|h| h.kind)
        .collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{kinds:?}");
    let top = &index().search("Chamman", 1)[0];
    assert_eq!(top.why, "spelling variant of \"Chaman\"");
    assert_eq!(top.parent.as_deref(), Some("Qilla Abdullah"));
    assert_eq!(top.matched_name, "Chaman");
    assert!((top.lat - 30.92102).abs() < 1e-6 && (top.lon - 66.45975).abs() < 1e-6);
    let alias = &index().search("Konar", 1)[0];
    assert_eq!(alias.why, "alias \"Konar\"");
    assert!((alias.score - 0.96).abs() < 1e-6, "{}", alias.score);
}

#[test]
fn findings_text_is_searchable() {
    let hits = index().search_filtered("training centres Kunar", 5, |k| k == Finding);
    assert!(
        !hits.is_empty(),
        "a finding mentions training centres in Kunar"
    );
    assert!(hits.iter().all(|h| h.matched == Text && h.kind == Finding));
    assert!(
        hits[0]
            .parent
            .as_deref()
            .is_some_and(|p| p.contains("Kunar")),
        "{:?}",
        hits[0]
    );
    assert!(index().search_filtered("zzzz qqqq", 5, |_| true).is_empty());
}

#[test]
fn nonsense_and_empty_find_nothing() {
    let ix = index();
    assert!(ix.search("", 10).is_empty());
    assert!(ix.search("  - ", 10).is_empty());
    assert!(ix.search("Kabul", 0).is_empty());
    assert!(
        ix.resolve("Atlantis").is_empty(),
        "{:?}",
        ix.resolve("Atlantis")
    );
    assert!(ix.search("Xqzvw", 10).is_empty());
}

#[test]
fn resolve_lists_exact_matches_or_candidates() {
    let ix = index();
    let khost: Vec<_> = ix.resolve("Khost").into_iter().map(|h| h.kind).collect();
    assert_eq!(khost[0], Province);
    assert!(khost.contains(&Town));
    assert!(ix.resolve("Khost").iter().all(|h| h.matched <= Alias));
    let dalbandin = ix.resolve("Dalbandin");
    assert_eq!(dalbandin.len(), 1);
    let miram = ix.resolve("Miramshah");
    assert_eq!(miram[0].name, "Miran Shah");
    assert!(miram.len() <= atlas_core::search::RESOLVE_CANDIDATES);
    assert!(ix.resolve("TTP").is_empty(), "groups are not places");
}

#[test]
fn incident_places_are_added_and_replaced() {
    let mut ix = index().clone();
    let before = ix.len();
    let mut store = IncidentStore::new();
    let mut demo = synthetic_demo_2024();
    demo[0].location = "Ghulam Khan Kalay".into();
    demo[1].location = "Ghulam Khan Kalay".into();
    demo[1].admin2 = demo[0].admin2.clone();
    demo[1].admin1 = demo[0].admin1.clone();
    demo[1].country = demo[0].country.clone();
    for inc in &demo {
        store.push(&inc.view());
    }
    let added = ix.add_incidents(&store);
    assert!(added > 10, "{added}");
    assert_eq!(ix.len(), before + added);
    let top = &ix.search("Ghulam Khan", 1)[0];
    assert_eq!(top.kind, IncidentPlace);
    assert_eq!(top.name, "Ghulam Khan Kalay");
    assert_eq!(top.parent.as_deref(), Some(demo[0].admin2.as_str()));
    match top.entry {
        atlas_core::search::HitRef::IncidentPlace { first, events } => {
            assert_eq!((first, events), (0, 2));
        }
        ref e => panic!("{e:?}"),
    }
    assert_eq!((top.lon, top.lat), (demo[0].lon, demo[0].lat));
    // Adding again replaces; clearing removes them all and keeps the rest working.
    assert_eq!(ix.add_incidents(&store), added);
    assert_eq!(ix.len(), before + added);
    ix.clear_incidents();
    assert_eq!(ix.len(), before);
    assert!(
        ix.search_filtered("Ghulam Khan", 5, |k| k == IncidentPlace)
            .is_empty()
    );
    assert_eq!(ix.search("Miranshah", 1)[0].name, "Miran Shah");
    assert!(
        !ix.search_filtered("training centres", 5, |k| k == Finding)
            .is_empty()
    );
}
