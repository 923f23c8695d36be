//! Integrity of the bundled data under data/: counts, hierarchy, report places, geometry.

use std::collections::HashSet;

use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::model::{Gazetteer, UnitKind};
use geo::{Area, BooleanOps, Validation};

fn gazetteer() -> Gazetteer {
    let (g, diags) = load_gazetteer(&bundled_data_dir());
    assert!(diags.is_empty(), "bundled data has problems: {diags:?}");
    g
}

fn count(g: &Gazetteer, kind: UnitKind, country: &str) -> usize {
    g.units_of(kind).filter(|u| u.country == country).count()
}

#[test]
fn exact_unit_counts_per_level_and_country() {
    let g = gazetteer();
    assert_eq!(count(&g, UnitKind::Country, "AFG"), 1);
    assert_eq!(count(&g, UnitKind::Country, "PAK"), 1);
    assert_eq!(count(&g, UnitKind::Province, "AFG"), 34);
    assert_eq!(count(&g, UnitKind::Province, "PAK"), 7);
    assert_eq!(count(&g, UnitKind::District, "AFG"), 398);
    assert_eq!(count(&g, UnitKind::District, "PAK"), 126);
    assert_eq!(g.towns.len(), 2804);
}

#[test]
fn ids_are_unique() {
    let g = gazetteer();
    let mut seen = HashSet::new();
    for id in g
        .units
        .iter()
        .map(|u| &u.id)
        .chain(g.towns.iter().map(|t| &t.id))
    {
        assert!(seen.insert(id.clone()), "duplicate id {id}");
    }
}

#[test]
fn every_district_has_exactly_one_parent_province_of_its_country() {
    let g = gazetteer();
    for d in g.units_of(UnitKind::District) {
        let pid = d
            .parent_id
            .as_deref()
            .unwrap_or_else(|| panic!("orphan district {}", d.name));
        let p = g
            .unit(pid)
            .unwrap_or_else(|| panic!("{}: parent {pid} missing", d.name));
        assert_eq!(p.kind, UnitKind::Province, "{}", d.name);
        assert_eq!(p.country, d.country, "{}", d.name);
        assert_eq!(d.parent_name.as_deref(), Some(p.name.as_str()));
        // The parent is the province it overlaps most: at least half of it lies inside.
        let share =
            d.geometry.intersection(&p.geometry).unsigned_area() / d.geometry.unsigned_area();
        assert!(share > 0.5, "{} only {share:.2} inside {}", d.name, p.name);
    }
}

#[test]
fn districts_known_by_hand_have_the_right_province() {
    let g = gazetteer();
    let parent_of = |name: &str, country: &str| {
        let e = g.resolve(name);
        let d = e
            .iter()
            .find(|e| e.kind == UnitKind::District && e.country == country);
        d.and_then(|d| d.parent.clone()).unwrap_or_default()
    };
    assert_eq!(parent_of("Asadabad", "AFG"), "Kunar");
    assert_eq!(parent_of("Jalalabad", "AFG"), "Nangarhar");
    assert_eq!(parent_of("Sharan", "AFG"), "Paktika");
    assert_eq!(parent_of("Chagai", "PAK"), "Balochistan");
    assert_eq!(parent_of("Awaran", "PAK"), "Balochistan");
    assert_eq!(parent_of("North Waziristan", "PAK"), "Khyber Pakhtunkhwa");
    assert_eq!(parent_of("Lahore", "PAK"), "Punjab");
}

/// The places the report names resolve to exactly one unit of the expected kind and country.
#[test]
fn report_places_resolve_uniquely() {
    let g = gazetteer();
    let expect = [
        ("Kunar", UnitKind::Province, "AFG"),
        ("Konar", UnitKind::Province, "AFG"),
        ("Nangarhar", UnitKind::Province, "AFG"),
        ("Ningarhar", UnitKind::Province, "AFG"),
        ("Khost", UnitKind::Province, "AFG"),
        ("Khowst", UnitKind::Province, "AFG"),
        ("Paktika", UnitKind::Province, "AFG"),
        ("Paktica", UnitKind::Province, "AFG"),
        ("Ghazni", UnitKind::Province, "AFG"),
        ("Ghanzi", UnitKind::Province, "AFG"),
        ("Awaran", UnitKind::District, "PAK"),
        ("Panjgur", UnitKind::District, "PAK"),
        ("Chagai", UnitKind::District, "PAK"),
        ("Chaghi", UnitKind::District, "PAK"),
        ("Dalbandin", UnitKind::Town, "PAK"),
        ("Pakistan", UnitKind::Country, "PAK"),
        ("Afghanistan", UnitKind::Country, "AFG"),
    ];
    for (name, kind, country) in expect {
        let hits: Vec<_> = g
            .resolve(name)
            .into_iter()
            .filter(|e| e.kind == kind && e.country == country)
            .collect();
        assert_eq!(hits.len(), 1, "{name}: {hits:?}");
    }
    let dalbandin = &g.resolve("dalbandīn")[0];
    assert_eq!(dalbandin.parent.as_deref(), Some("Chagai"));
    assert_eq!(dalbandin.province.as_deref(), Some("Balochistan"));
}

#[test]
fn geometries_are_valid_and_inside_the_region() {
    let g = gazetteer();
    let [x0, y0, x1, y1] = atlas_core::REGION_BBOX;
    for u in &g.units {
        assert!(
            u.geometry.is_valid(),
            "{} {}: invalid geometry",
            u.kind.as_str(),
            u.name
        );
        let [a, b, c, d] = u.bbox;
        assert!(
            a >= x0 && b >= y0 && c <= x1 && d <= y1,
            "{} outside region: {:?}",
            u.name,
            u.bbox
        );
        assert!(
            u.contains(u.label[0], u.label[1]),
            "{}: label point outside",
            u.name
        );
    }
    for t in &g.towns {
        assert!(
            (x0..=x1).contains(&t.lon) && (y0..=y1).contains(&t.lat),
            "{}",
            t.name
        );
    }
}

/// Rebuilding from data/sources gives byte-identical files (the build is reproducible and
/// the committed data is up to date).
#[test]
fn data_build_is_reproducible() {
    let tmp = std::env::temp_dir().join(format!("atlas-build-{}", std::process::id()));
    let src = bundled_data_dir().join("sources");
    copy_dir(&src, &tmp.join("sources"));
    atlas_core::build::run(&tmp).expect("build");
    for f in [
        "admin/countries.geojson",
        "admin/provinces.geojson",
        "admin/districts.geojson",
        "gazetteer/towns.csv",
        "basemap/world_110m_land.geojson",
        "basemap/world_110m_lakes.geojson",
        "basemap/world_110m_borders.geojson",
        "basemap/world_50m_land.geojson",
        "basemap/world_50m_lakes.geojson",
        "basemap/world_50m_borders.geojson",
        "basemap/world_country_labels.json",
    ] {
        let a = std::fs::read(bundled_data_dir().join(f)).expect(f);
        let b = std::fs::read(tmp.join(f)).expect(f);
        assert!(
            a == b,
            "{f} differs from a fresh build: run `cargo run -p atlas-core --bin build-data`"
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}
