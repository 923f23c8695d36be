//! Spatial join and counts per unit on hand-made square units, with points exactly on shared
//! boundaries and events of province / country precision. Answers checked by hand.
//!
//! Provinces P1 = [0,2]×[0,2], P2 = [2,4]×[0,2]. Districts D1 = [0,1]×[0,2], D2 = [1,2]×[0,2]
//! (in P1), D3 = [2,4]×[0,1], D4 = [2,4]×[1,2] (in P2).

use atlas_core::analysis::{AdminIndex, Placement, count_by_unit, place_incidents};
use atlas_core::incidents::LocationPrecision::{self, Country, District, Point, Province, Town};
use atlas_core::model::{AdminUnit, UnitKind};
use geo::{MultiPolygon, Rect};

fn square(
    id: &str,
    kind: UnitKind,
    parent: Option<&str>,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
) -> AdminUnit {
    let geometry = MultiPolygon::new(vec![Rect::new((x0, y0), (x1, y1)).to_polygon()]);
    AdminUnit {
        id: id.into(),
        name: format!("{id} name"),
        aliases: vec![],
        kind,
        country: "TST".into(),
        iso_code: None,
        parent_id: parent.map(Into::into),
        parent_name: parent.map(|p| format!("{p} name")),
        label: [(x0 + x1) / 2.0, (y0 + y1) / 2.0],
        bbox: [x0, y0, x1, y1],
        geometry,
    }
}

fn provinces() -> Vec<AdminUnit> {
    vec![
        square("P1", UnitKind::Province, None, 0.0, 0.0, 2.0, 2.0),
        square("P2", UnitKind::Province, None, 2.0, 0.0, 4.0, 2.0),
    ]
}

fn districts() -> Vec<AdminUnit> {
    let d = UnitKind::District;
    vec![
        square("D1", d, Some("P1"), 0.0, 0.0, 1.0, 2.0),
        square("D2", d, Some("P1"), 1.0, 0.0, 2.0, 2.0),
        square("D3", d, Some("P2"), 2.0, 0.0, 4.0, 1.0),
        square("D4", d, Some("P2"), 2.0, 1.0, 4.0, 2.0),
    ]
}

/// (lon, lat, precision, fatalities) and the expected district / province placements.
#[allow(clippy::type_complexity)]
const EVENTS: &[(f64, f64, LocationPrecision, u32, Placement, Placement)] = &[
    (0.5, 0.5, Town, 1, Placement::Unit(0), Placement::Unit(0)),
    // On the D1|D2 border (interior of P1): lowest index D1.
    (1.0, 0.5, Point, 2, Placement::Unit(0), Placement::Unit(0)),
    // On the P1|P2 and D2|D3 borders: D2 (index 1 < 2), P1.
    (2.0, 0.5, Point, 0, Placement::Unit(1), Placement::Unit(0)),
    (
        3.0,
        1.5,
        District,
        5,
        Placement::Unit(3),
        Placement::Unit(1),
    ),
    // Province precision: its province, never a district.
    (
        1.5,
        1.5,
        Province,
        3,
        Placement::Unassigned(0),
        Placement::Unit(0),
    ),
    (
        3.0,
        0.5,
        Province,
        0,
        Placement::Unassigned(1),
        Placement::Unit(1),
    ),
    (5.0, 5.0, Town, 7, Placement::Outside, Placement::Outside),
    // Corner shared by D2, D3, D4 (and P1, P2): D2, P1.
    (2.0, 1.0, Town, 0, Placement::Unit(1), Placement::Unit(0)),
    // Outer corner of D1: on its boundary only.
    (0.0, 0.0, Town, 0, Placement::Unit(0), Placement::Unit(0)),
    // Country precision: no province or district.
    (1.5, 0.5, Country, 4, Placement::Outside, Placement::Outside),
];

fn columns() -> (Vec<f64>, Vec<f64>, Vec<LocationPrecision>, Vec<u32>) {
    (
        EVENTS.iter().map(|e| e.0).collect(),
        EVENTS.iter().map(|e| e.1).collect(),
        EVENTS.iter().map(|e| e.2).collect(),
        EVENTS.iter().map(|e| e.3).collect(),
    )
}

#[test]
fn placements_follow_precision_and_the_boundary_rule() {
    let (p, d) = (provinces(), districts());
    let (pi, di) = (AdminIndex::new(&p), AdminIndex::new(&d));
    let (lons, lats, prec, _) = columns();
    let at_district = place_incidents(&lons, &lats, &prec, &di, Some(&pi));
    let at_province = place_incidents(&lons, &lats, &prec, &pi, None);
    for (i, e) in EVENTS.iter().enumerate() {
        assert_eq!(at_district[i], e.4, "event {i} at district level");
        assert_eq!(at_province[i], e.5, "event {i} at province level");
    }
}

#[test]
fn counts_per_district_and_province() {
    let (p, d) = (provinces(), districts());
    let (pi, di) = (AdminIndex::new(&p), AdminIndex::new(&d));
    let (lons, lats, prec, fat) = columns();

    let t = count_by_unit(
        &place_incidents(&lons, &lats, &prec, &di, Some(&pi)),
        &fat,
        &d,
        Some(&p),
    );
    let got: Vec<(&str, u64, u64)> = t
        .units
        .iter()
        .map(|c| (c.id.as_str(), c.events, c.fatalities))
        .collect();
    assert_eq!(
        got,
        vec![("D1", 3, 3), ("D2", 2, 0), ("D3", 0, 0), ("D4", 1, 5)]
    );
    let un: Vec<(&str, &str, u64, u64)> = t
        .unassigned
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str(), c.events, c.fatalities))
        .collect();
    assert_eq!(
        un,
        vec![
            (
                "P1#unassigned",
                "P1 name (not assigned to a district)",
                1,
                3
            ),
            (
                "P2#unassigned",
                "P2 name (not assigned to a district)",
                1,
                0
            )
        ]
    );
    assert_eq!((t.outside_events, t.outside_fatalities), (2, 11));
    let total: u64 = t
        .units
        .iter()
        .chain(&t.unassigned)
        .map(|c| c.events)
        .sum::<u64>()
        + t.outside_events;
    assert_eq!(
        total,
        EVENTS.len() as u64,
        "each event counted exactly once"
    );

    let t = count_by_unit(
        &place_incidents(&lons, &lats, &prec, &pi, None),
        &fat,
        &p,
        None,
    );
    let got: Vec<(&str, u64, u64)> = t
        .units
        .iter()
        .map(|c| (c.id.as_str(), c.events, c.fatalities))
        .collect();
    assert_eq!(got, vec![("P1", 6, 6), ("P2", 2, 5)]);
    assert!(t.unassigned.is_empty());
    assert_eq!((t.outside_events, t.outside_fatalities), (2, 11));
    assert_eq!(t.units[0].country, "TST");
}

#[test]
fn parallel_join_equals_point_by_point_lookup() {
    let d = districts();
    let di = AdminIndex::new(&d);
    // 120 000 points on a lattice over [-0.5, 4.5]², many exactly on unit borders.
    let (mut lons, mut lats) = (Vec::new(), Vec::new());
    for i in 0..400 {
        for j in 0..300 {
            lons.push(-0.5 + i as f64 * 0.0125);
            lats.push(-0.5 + j as f64 * 0.0125);
        }
    }
    let all = di.locate_all(&lons, &lats);
    let mut counts = [0usize; 5];
    for (k, got) in all.iter().enumerate() {
        assert_eq!(*got, di.locate(lons[k], lats[k]).map(|i| i as u32));
        counts[got.map_or(4, |i| i as usize)] += 1;
    }
    // Lattice points x = -0.5 + 0.0125 i hit x ∈ [0, 1] for i = 40..=120 (81 columns),
    // (1, 2] for 121..=200 (80), (2, 4] for 201..=360 (160); y ∈ [0, 2] for j = 40..=200 (161
    // rows), of which y ≤ 1 (j ≤ 120) is 81 rows and y ∈ (1, 2] is 80 rows.
    assert_eq!(counts[..4], [81 * 161, 80 * 161, 160 * 81, 160 * 80]);
    assert_eq!(counts[4], 120_000 - 81 * 161 - 80 * 161 - 160 * 161);
}
