//! Extraction rules on a small hand-built gazetteer: homonyms, hints, stoplists, group names
//! masking places, acronyms, byte offsets and the JSON shape.

use std::path::Path;

use atlas_core::model::{AdminUnit, Gazetteer, Town, UnitKind};
use atlas_core::report::{Extraction, Extractor, GroupDictionary};
use geo::MultiPolygon;

fn unit(
    id: &str,
    name: &str,
    aliases: &[&str],
    kind: UnitKind,
    country: &str,
    parent: Option<&str>,
) -> AdminUnit {
    AdminUnit {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        kind,
        country: country.into(),
        iso_code: None,
        parent_id: parent.map(Into::into),
        parent_name: None,
        label: [0.0, 0.0],
        bbox: [0.0; 4],
        geometry: MultiPolygon(vec![]),
    }
}

fn town(
    id: &str,
    name: &str,
    aliases: &[&str],
    country: &str,
    province: Option<&str>,
    district: Option<&str>,
) -> Town {
    Town {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        country: country.into(),
        lon: 0.0,
        lat: 0.0,
        population: None,
        rank: 5,
        province_id: province.map(Into::into),
        district_id: district.map(Into::into),
        native_names: vec![],
    }
}

fn gazetteer() -> Gazetteer {
    use UnitKind::*;
    let units = vec![
        unit("AFG", "Afghanistan", &[], Country, "AFG", None),
        unit("PAK", "Pakistan", &[], Country, "PAK", None),
        unit(
            "af-khost",
            "Khost",
            &["Khowst"],
            Province,
            "AFG",
            Some("AFG"),
        ),
        unit(
            "af-kunar",
            "Kunar",
            &["Konar"],
            Province,
            "AFG",
            Some("AFG"),
        ),
        unit("af-kapisa", "Kapisa", &[], Province, "AFG", Some("AFG")),
        unit("af-faryab", "Faryab", &[], Province, "AFG", Some("AFG")),
        unit(
            "af-kohistan-kapisa",
            "Kohistan",
            &[],
            District,
            "AFG",
            Some("af-kapisa"),
        ),
        unit(
            "af-kohistan-faryab",
            "Kohistan",
            &[],
            District,
            "AFG",
            Some("af-faryab"),
        ),
        unit(
            "pk-balochistan",
            "Balochistan",
            &["Baluchistan"],
            Province,
            "PAK",
            Some("PAK"),
        ),
        unit(
            "pk-kp",
            "Khyber Pakhtunkhwa",
            &["KP"],
            Province,
            "PAK",
            Some("PAK"),
        ),
        unit(
            "pk-panjgur",
            "Panjgur",
            &[],
            District,
            "PAK",
            Some("pk-balochistan"),
        ),
        unit("pk-south", "South", &[], District, "PAK", Some("pk-kp")),
    ];
    let towns = vec![
        town(
            "town:af:khost",
            "Khost",
            &["Khowst"],
            "AFG",
            Some("af-khost"),
            None,
        ),
        town(
            "town:pk:panjgur",
            "Panjgur",
            &[],
            "PAK",
            Some("pk-balochistan"),
            Some("pk-panjgur"),
        ),
        town("town:pk:tank", "Tank", &[], "PAK", Some("pk-kp"), None),
        town("town:pk:brigade", "Brigade", &[], "PAK", None, None),
        town("town:in:un", "Un", &[], "IND", None, None),
        town("town:uz:hamza", "Hamza", &[], "UZB", None, None),
        town("town:in:punch", "Punch", &[], "IND", None, None),
    ];
    Gazetteer::new(units, towns)
}

fn groups() -> GroupDictionary {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/report/groups.json"
    ));
    let (g, diags) = GroupDictionary::load(path);
    assert!(diags.is_empty(), "{diags:?}");
    g
}

fn run(text: &str) -> Extraction {
    Extractor::new(&gazetteer(), &groups()).extract(text)
}

/// (id, low_confidence, mention count) of every place, in order.
fn places(e: &Extraction) -> Vec<(&str, bool, usize)> {
    e.places
        .iter()
        .map(|p| (p.id.as_str(), p.low_confidence, p.mentions.len()))
        .collect()
}

fn group_ids(e: &Extraction) -> Vec<&str> {
    e.groups.iter().map(|g| g.id.as_str()).collect()
}

#[test]
fn offsets_map_back_to_the_original_text() {
    let text =
        "Fighters left Afghanistan’s Kōnar for KHOST. The Pakistani Taliban (TTP) denied it.";
    let e = run(text);
    assert_eq!(
        places(&e),
        vec![
            ("AFG", false, 1),
            ("af-kunar", false, 1),
            ("af-khost", true, 1)
        ]
    );
    for p in &e.places {
        for m in &p.mentions {
            assert!(p.matched.contains(&text[m.start..m.end].to_string()));
        }
    }
    let kunar = e.place("af-kunar").unwrap();
    assert_eq!(kunar.matched, vec!["Kōnar"]);
    assert_eq!(
        &text[kunar.mentions[0].start..kunar.mentions[0].end],
        "Kōnar"
    );
    let ttp = e.group("ttp").unwrap();
    assert_eq!(ttp.matched, vec!["Pakistani Taliban", "TTP"]);
    assert_eq!(
        ttp.mentions.iter().map(|m| m.sentence).collect::<Vec<_>>(),
        vec![1, 1]
    );
    assert_eq!(e.sentences.len(), 2);
    assert_eq!(
        e.sentence_text(text, &ttp.mentions[0]),
        "The Pakistani Taliban (TTP) denied it."
    );
}

#[test]
fn names_inside_group_names_are_not_places() {
    let e = run(
        "Tehreek-e-Taliban Pakistan, the Afghan Taliban and the Balochistan Liberation Army met.",
    );
    assert!(e.places.is_empty(), "{:?}", places(&e));
    assert_eq!(group_ids(&e), vec!["ttp", "afghan_taliban", "bla"]);
    // Demonyms are not places either.
    let e = run("Afghan and Pakistani officials and Baloch elders.");
    assert!(e.places.is_empty() && e.groups.is_empty());
}

#[test]
fn khost_prefers_the_province_and_lists_the_town() {
    let e = run("Clashes in Khost.");
    assert_eq!(places(&e), vec![("af-khost", true, 1)]);
    assert_eq!(e.places[0].alternatives, vec!["town:af:khost"]);
    let e = run("Clashes in Khost province and in Khowst.");
    assert_eq!(places(&e), vec![("af-khost", false, 2)]);
    assert_eq!(e.places[0].matched, vec!["Khost", "Khowst"]);
    let e = run("Shops shut in the city of Khost.");
    assert_eq!(places(&e), vec![("town:af:khost", false, 1)]);
    assert_eq!(e.places[0].alternatives, vec!["af-khost"]);
}

#[test]
fn unit_and_town_of_the_same_name() {
    let e = run("Attacks in areas like Panjgur rose.");
    assert_eq!(places(&e), vec![("pk-panjgur", true, 1)]);
    let e = run("Attacks in Panjgur town rose. Later, Panjgur was quiet.");
    assert_eq!(places(&e), vec![("town:pk:panjgur", false, 2)]);
    let e = run("Panjgur and Khost districts and Panjgur town.");
    assert_eq!(
        places(&e),
        vec![
            ("pk-panjgur", false, 1),
            ("af-khost", true, 1),
            ("town:pk:panjgur", false, 1)
        ]
    );
}

#[test]
fn same_level_homonyms_use_the_document_context() {
    // A tie between two districts: the first by ID, a guess.
    let e = run("Fighting in Kohistan.");
    assert_eq!(places(&e), vec![("af-kohistan-faryab", true, 1)]);
    assert_eq!(e.places[0].alternatives, vec!["af-kohistan-kapisa"]);
    // The text names Kapisa: its Kohistan district is meant.
    let e = run("Kapisa officials said fighting in Kohistan ended.");
    assert_eq!(
        places(&e),
        vec![("af-kapisa", false, 1), ("af-kohistan-kapisa", false, 1)]
    );
    // A kind hint does not settle a tie between two districts.
    let e = run("Fighting in Kohistan district.");
    assert_eq!(places(&e), vec![("af-kohistan-faryab", true, 1)]);
}

#[test]
fn common_words_are_not_places() {
    let e = run("The Brigade moved South and then south; a tank and the UN; the Army Brigade.");
    assert!(e.places.is_empty(), "{:?}", places(&e));
    let e = run("A blast in Tank killed two.");
    assert_eq!(places(&e), vec![("town:pk:tank", true, 1)]);
    let e = run("They met Abu Hamza; a punch; then Hamza and Punch.");
    assert_eq!(
        places(&e),
        vec![("town:uz:hamza", false, 1), ("town:in:punch", false, 1)]
    );
    assert_eq!(
        e.places[0].mentions[0].start,
        "They met Abu Hamza; a punch; then ".len()
    );
}

#[test]
fn whole_words_and_case() {
    let e = run("Khostian pakistanis; khost; KP and kp.");
    assert_eq!(places(&e), vec![("af-khost", true, 1), ("pk-kp", false, 1)]);
    assert_eq!(e.place("pk-kp").unwrap().matched, vec!["KP"]);
}

#[test]
fn acronyms_need_capitals_and_ambiguous_ones_need_the_full_name() {
    let e = run("the ttp and the bla; a 1 MB file; a TIP.");
    assert!(e.groups.is_empty());
    let e = run("The Majeed Brigade (MB) and the Turkistan Islamic Party (TIP); the MB struck.");
    assert_eq!(group_ids(&e), vec!["majeed_brigade", "etim"]);
    assert_eq!(e.group("majeed_brigade").unwrap().mentions.len(), 3);
    assert_eq!(
        e.group("etim").unwrap().matched,
        vec!["Turkistan Islamic Party", "TIP"]
    );
    let e = run("ISKP, IS-K, ISIS-K and Islamic State Khorasan Province; al Qaida and AQIS.");
    assert_eq!(group_ids(&e), vec!["isk", "al_qaeda", "aqis"]);
    assert_eq!(e.group("isk").unwrap().mentions.len(), 4);
}

#[test]
fn serialises_to_the_agreed_json_shape() {
    let text = "The TTP trained in Kunar.";
    let v = serde_json::to_value(run(text)).unwrap();
    let p = &v["places"][0];
    assert_eq!(p["id"], "af-kunar");
    assert_eq!(p["name"], "Kunar");
    assert_eq!(p["kind"], "province");
    assert_eq!(p["country"], "AFG");
    assert_eq!(p["matched"], serde_json::json!(["Kunar"]));
    assert_eq!(
        p["mentions"],
        serde_json::json!([{"sentence": 0, "start": 19, "end": 24}])
    );
    let g = &v["groups"][0];
    assert_eq!(g["id"], "ttp");
    assert_eq!(g["name"], "Tehreek-e-Taliban Pakistan");
    assert_eq!(g["matched"], serde_json::json!(["TTP"]));
    assert_eq!(
        g["mentions"],
        serde_json::json!([{"sentence": 0, "start": 4, "end": 7}])
    );
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    for t in [
        "",
        " ",
        "\n\n",
        "’",
        "...",
        "Kunar",
        "ﬁ Kunar ﬂ",
        "北京 Kunar",
    ] {
        let e = run(t);
        assert!(e.places.len() <= 1);
    }
    assert_eq!(places(&run("北京 Kunar")), vec![("af-kunar", false, 1)]);
}
