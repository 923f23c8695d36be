//! What the window's analyst tools show: a position in each coordinate form, a search
//! result's one-line label, the zoom a result is framed at, and a measured leg's curve.

use atlas_core::coords::{CoordFormat, LatLon, format_as};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::geodesy::{distance_m, geodesic_points};
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

#[test]
fn a_leg_is_drawn_through_points_on_its_geodesic() {
    // Herat to Peshawar, about 880 km.
    let a = LatLon::new(34.3482, 62.1997).unwrap();
    let b = LatLon::new(34.0151, 71.5249).unwrap();
    let pts = geodesic_points(a, b, 20_000.0);
    let total = distance_m(a, b);
    assert_eq!(pts.len(), (total / 20_000.0).ceil() as usize + 1);
    assert_eq!((pts[0], *pts.last().unwrap()), (a, b));
    // Each point is on the geodesic: the distances through it add up to the whole.
    for p in &pts {
        let through = distance_m(a, *p) + distance_m(*p, b);
        assert!(
            (through - total).abs() < 0.01,
            "{p:?} is {} m off",
            through - total
        );
    }
    // A great-circle-like path bows north of the straight line of latitudes in between.
    let mid = pts[pts.len() / 2];
    assert!(mid.lat() > (a.lat() + b.lat()) / 2.0, "{mid:?}");
    assert_eq!(geodesic_points(a, a, 1000.0), [a, a]);
}
