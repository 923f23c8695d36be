//! What the window's analyst tools show: a position in each coordinate form, a search
//! result's one-line label and the zoom a result is framed at.

use atlas_core::coords::{CoordFormat, LatLon, format_as};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::search::{HitKind, SearchIndex, result_label, zoom_for};

#[test]
fn a_position_in_each_form() {
    let p = LatLon::new(33.00059, 70.07117).unwrap();
    assert_eq!(format_as(p, CoordFormat::Decimal), "33.00059, 70.07117");
    assert!(format_as(p, CoordFormat::Dms).starts_with("33°00'02.12\"N 70°04'16.21\"E"));
    assert_eq!(format_as(p, CoordFormat::Mgrs), "42SXB0006551861");
    let names: Vec<_> = CoordFormat::ALL.iter().map(|f| f.short_name()).collect();
    assert_eq!(names, ["DD", "DMS", "MGRS"]);
}

#[test]
fn result_labels_name_kind_parent_and_country() {
    let (g, _) = load_gazetteer(&bundled_data_dir());
    let mut ix = SearchIndex::new();
    ix.add_gazetteer(&g);
    let hit = ix.search_places("Chamman", 1).remove(0);
    let label = result_label(&hit);
    assert!(label.starts_with("Chaman · town · "), "{label}");
    assert!(label.ends_with(" · PAK"), "{label}");
    let country = ix.search_places("Pakistan", 1).remove(0);
    assert_eq!(result_label(&country), "Pakistan · country · PAK");
}

#[test]
fn larger_places_are_framed_wider() {
    let kinds = [
        HitKind::Country,
        HitKind::Province,
        HitKind::District,
        HitKind::Town,
    ];
    let zooms: Vec<f64> = kinds.iter().map(|k| zoom_for(*k)).collect();
    assert_eq!(zooms, [5.0, 7.0, 8.5, 10.0]);
}
