//! The group dictionary: names and aliases, colour indices, anchors, and diagnostics for a
//! bad file.

use std::path::Path;

use atlas_core::REGION_BBOX;
use atlas_core::data::load_gazetteer;
use atlas_core::report::{GroupDictionary, PALETTE_SIZE};

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
}

fn bundled() -> GroupDictionary {
    let (g, diags) = GroupDictionary::load(&data_dir().join("report/groups.json"));
    assert!(diags.is_empty(), "{diags:?}");
    g
}

#[test]
fn every_listed_name_finds_its_group() {
    let g = bundled();
    let ids: Vec<&str> = g.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ttp",
            "afghan_taliban",
            "isk",
            "bla",
            "majeed_brigade",
            "al_qaeda",
            "aqis",
            "tjp",
            "etim"
        ]
    );
    let cases = [
        (
            "ttp",
            &[
                "TTP",
                "Tehreek-e-Taliban Pakistan",
                "Pakistani Taliban",
                "tehrik-i-taliban pakistan",
            ][..],
        ),
        (
            "isk",
            &[
                "IS-K",
                "ISKP",
                "ISIS-K",
                "ISIS Khorasan",
                "Islamic State Khorasan Province",
            ],
        ),
        ("bla", &["BLA", "Balochistan Liberation Army"]),
        ("majeed_brigade", &["Majeed Brigade", "MB"]),
        ("aqis", &["AQIS", "Al-Qaeda in the Indian Subcontinent"]),
        ("tjp", &["TJP", "Tehreek-e-Jihad Pakistan"]),
        (
            "etim",
            &[
                "ETIM",
                "TIP",
                "East Turkestan Islamic Movement",
                "Turkistan Islamic Party",
            ],
        ),
        ("afghan_taliban", &["Afghan Taliban", "Taliban"]),
        ("al_qaeda", &["Al-Qaeda", "al Qaida", "al-Qa'ida"]),
    ];
    for (id, names) in cases {
        for n in names {
            assert_eq!(g.find_by_name(n).map(|g| g.id.as_str()), Some(id), "{n}");
        }
    }
    assert_eq!(
        g.get("majeed_brigade").unwrap().parent.as_deref(),
        Some("bla")
    );
    assert_eq!(g.get("aqis").unwrap().parent.as_deref(), Some("al_qaeda"));
}

#[test]
fn colours_and_anchors() {
    let g = bundled();
    for x in &g.groups {
        assert!(x.colour_index < PALETTE_SIZE);
        let [lon, lat] = x.anchor;
        assert!(
            lon > REGION_BBOX[0]
                && lon < REGION_BBOX[2]
                && lat > REGION_BBOX[1]
                && lat < REGION_BBOX[3]
        );
    }
    // Every group has its own colour.
    let mut idx: Vec<u8> = g.groups.iter().map(|x| x.colour_index).collect();
    idx.sort_unstable();
    idx.dedup();
    assert_eq!(idx.len(), g.groups.len());
    assert_ne!(
        g.get("al_qaeda").unwrap().colour_index,
        g.get("aqis").unwrap().colour_index
    );
}

/// The colours the groups are drawn in are pairwise ΔE76 ≥ 15, with normal vision and with
/// simulated protanopia, deuteranopia and tritanopia.
#[test]
fn group_colours_are_distinct_for_every_vision() {
    use atlas_core::palette::{Deficiency, MIN_DELTA_E, group_rgb, min_pair_delta_e};
    let g = bundled();
    let colours: Vec<[u8; 3]> = g.groups.iter().map(|x| group_rgb(x.colour_index)).collect();
    assert_eq!(colours.len(), 9);
    for vision in [
        None,
        Some(Deficiency::Protanopia),
        Some(Deficiency::Deuteranopia),
        Some(Deficiency::Tritanopia),
    ] {
        let (d, i, j) = min_pair_delta_e(&colours, vision).expect("pairs");
        assert!(
            d >= MIN_DELTA_E,
            "{vision:?}: {} and {} are only ΔE {d:.1} apart",
            g.groups[i].id,
            g.groups[j].id
        );
    }
}

#[test]
fn anchors_are_the_centroids_the_readme_says() {
    let (gaz, _) = load_gazetteer(data_dir());
    let g = bundled();
    let mean = |names: &[(&str, atlas_core::model::UnitKind)]| {
        let pts: Vec<(f64, f64)> = names
            .iter()
            .map(|(n, k)| {
                let e = gaz.resolve(n).into_iter().find(|e| e.kind == *k).unwrap();
                (e.lon, e.lat)
            })
            .collect();
        let n = pts.len() as f64;
        (
            pts.iter().map(|p| p.0).sum::<f64>() / n,
            pts.iter().map(|p| p.1).sum::<f64>() / n,
        )
    };
    use atlas_core::model::UnitKind::*;
    let near = |id: &str, (lon, lat): (f64, f64)| {
        let [a, b] = g.get(id).unwrap().anchor;
        assert!(
            (a - lon).abs() < 0.02 && (b - lat).abs() < 0.02,
            "{id}: {a},{b} vs {lon},{lat}"
        );
    };
    near(
        "ttp",
        mean(&[
            ("Kunar", Province),
            ("Nangarhar", Province),
            ("Khost", Province),
            ("Paktika", Province),
        ]),
    );
    near(
        "bla",
        mean(&[
            ("Awaran", District),
            ("Panjgur", District),
            ("Dalbandin", Town),
        ]),
    );
    near(
        "isk",
        mean(&[
            ("Afghanistan", Country),
            ("Pakistan", Country),
            ("Kerman", Town),
        ]),
    );
    near("afghan_taliban", mean(&[("Afghanistan", Country)]));
}

#[test]
fn bad_groups_are_reported_with_their_line_and_left_out() {
    let json = r#"{"groups": [
  {"id": "a", "name": "Alpha", "short": "A", "colour_index": 0, "anchor": [66, 33], "anchor_note": "x"},
  {"id": "b", "name": "Beta", "short": "B", "colour_index": 12, "anchor": [66, 33], "anchor_note": "x"},
  {"id": "c", "name": "Gamma", "short": "C", "colour_index": 1, "anchor": [10, 33], "anchor_note": "x"},
  {"id": "d", "name": "Delta", "short": "D", "colour_index": 1, "anchor": [66, 33], "anchor_note": "x", "colour": "red"},
  {"id": "a", "name": "Alpha again", "short": "A2", "colour_index": 2, "anchor": [66, 33], "anchor_note": "x"},
  {"id": "e", "name": "Epsilon", "short": "E", "colour_index": 2, "anchor": [66, 33], "anchor_note": "x", "parent": "zz"}
]}"#;
    let (g, d) = GroupDictionary::from_json(json, Path::new("groups.json"));
    let ids: Vec<&str> = g.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["a", "e"]);
    let d: Vec<String> = d.iter().map(ToString::to_string).collect();
    assert_eq!(d.len(), 5, "{d:#?}");
    assert!(
        d[0].starts_with("groups.json:5: groups entry `d`: unknown field `colour`"),
        "{d:?}"
    );
    assert!(
        d[1].starts_with("groups.json:3: group `b`: colour_index 12 is not below 9"),
        "{d:?}"
    );
    assert!(
        d[2].starts_with("groups.json:4: group `c`: anchor [10, 33] is outside"),
        "{d:?}"
    );
    assert!(
        d[3].starts_with("groups.json:6: group `a`: duplicate id"),
        "{d:?}"
    );
    assert!(
        d[4].starts_with("groups.json:7: group `e`: parent `zz` is not a known group"),
        "{d:?}"
    );
    let (g, d) = GroupDictionary::load(Path::new("/nonexistent/groups.json"));
    assert!(g.groups.is_empty());
    assert!(
        d[0].to_string()
            .starts_with("/nonexistent/groups.json: cannot read")
    );
}
