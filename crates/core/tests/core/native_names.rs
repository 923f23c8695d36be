//! Native-script names of towns in the bundled gazetteer (GeoNames' Arabic-script alternate
//! names, joined by the data build): exact counts, known names, none invented.

use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::model::{Gazetteer, Town};

fn gazetteer() -> Gazetteer {
    let (g, diags) = load_gazetteer(&bundled_data_dir());
    assert!(diags.is_empty(), "{diags:?}");
    g
}

fn town<'a>(g: &'a Gazetteer, name: &str, country: &str) -> &'a Town {
    g.towns
        .iter()
        .find(|t| t.name == name && t.country == country)
        .unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn towns_carry_the_names_geonames_gives() {
    let g = gazetteer();
    let named = g
        .towns
        .iter()
        .filter(|t| !t.native_names.is_empty())
        .count();
    assert_eq!(
        named, 423,
        "towns with native names (BUILD_LOG: 423 of 457 rows matched)"
    );
    assert!(
        town(&g, "Kabul", "AFG")
            .native_names
            .contains(&"کابل".to_owned())
    );
    assert!(
        town(&g, "Peshawar", "PAK")
            .native_names
            .contains(&"پېښور".to_owned())
    );
    assert!(
        town(&g, "Miran Shah", "PAK")
            .native_names
            .contains(&"میران شاہ".to_owned())
    );
    // GeoNames gives none for these: none is invented.
    for name in ["Dalbandin", "Panjgur", "Awaran", "Wana"] {
        assert_eq!(
            town(&g, name, "PAK").native_names,
            Vec::<String>::new(),
            "{name}"
        );
    }
    // Only Afghan and Pakistani towns, only Arabic script, no Latin letters mixed in.
    for t in g.towns.iter().filter(|t| !t.native_names.is_empty()) {
        assert!(t.country == "AFG" || t.country == "PAK", "{}", t.name);
        for n in &t.native_names {
            assert!(
                n.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
                "{n}"
            );
            assert!(!n.chars().any(|c| c.is_ascii_alphabetic()), "{n}");
        }
    }
}

#[test]
fn entries_expose_them_and_units_have_none() {
    let g = gazetteer();
    let kabul = g
        .resolve("Kabul")
        .into_iter()
        .find(|e| e.kind == atlas_core::model::UnitKind::Town)
        .expect("Kabul town");
    assert!(kabul.native_names.contains(&"کابل".to_owned()));
    let json = serde_json::to_value(&kabul).expect("json");
    assert!(json["native_names"].is_array());
    let province = g
        .resolve("Kabul")
        .into_iter()
        .find(|e| e.kind == atlas_core::model::UnitKind::Province)
        .expect("Kabul province");
    assert!(province.native_names.is_empty());
    assert!(
        serde_json::to_value(&province)
            .expect("json")
            .get("native_names")
            .is_none()
    );
}
