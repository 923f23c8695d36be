//! The synthetic demo joined to the bundled admin units (data/admin): every event lands in the
//! Pakistani district it names, and province-precision events in their province's "not
//! assigned to a district" bucket.

use std::ops::ControlFlow;

use atlas_core::analysis::{AdminIndex, Placement, count_by_unit, place_incidents};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::incidents::{CsvFormat, LocationPrecision, import_csv_file};
use atlas_core::model::{AdminUnit, UnitKind};
use atlas_core::names::normalize;

#[test]
fn demo_events_fall_in_the_districts_they_name() {
    let (gaz, _) = load_gazetteer(&bundled_data_dir());
    let districts: Vec<AdminUnit> = gaz.units_of(UnitKind::District).cloned().collect();
    let provinces: Vec<AdminUnit> = gaz.units_of(UnitKind::Province).cloned().collect();
    assert!(
        districts.len() > 400 && provinces.len() > 30,
        "{} {}",
        districts.len(),
        provinces.len()
    );
    let path = bundled_data_dir().join("incidents/synthetic-demo-2024.csv");
    let imp = import_csv_file(&path, &CsvFormat::Auto, |_, _| ControlFlow::Continue(())).unwrap();
    let s = &imp.incidents;
    let (di, pi) = (AdminIndex::new(&districts), AdminIndex::new(&provinces));
    let placed = place_incidents(s.lons(), s.lats(), &s.location_precisions(), &di, Some(&pi));
    for (i, p) in placed.iter().enumerate() {
        let e = s.get(i).unwrap();
        match (*p, e.location_precision) {
            (Placement::Unit(u), LocationPrecision::Town | LocationPrecision::District) => {
                let d = &districts[u as usize];
                assert_eq!(
                    (d.country.as_str(), normalize(&d.name)),
                    ("PAK", normalize(e.admin2)),
                    "{e:?}"
                );
                assert_eq!(d.parent_name.as_deref(), Some(e.admin1), "{e:?}");
            }
            (Placement::Unassigned(u), LocationPrecision::Province) => {
                assert_eq!(provinces[u as usize].name, e.admin1, "{e:?}");
            }
            other => panic!("{other:?} for {e:?}"),
        }
    }
    let counts = count_by_unit(&placed, &s.fatality_counts(), &districts, Some(&provinces));
    let mut names: Vec<&str> = counts.unassigned.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "Balochistan (not assigned to a district)",
            "Khyber Pakhtunkhwa (not assigned to a district)"
        ]
    );
    assert_eq!(counts.outside_events, 0);
    let fatalities: u64 = counts
        .units
        .iter()
        .chain(&counts.unassigned)
        .map(|c| c.fatalities)
        .sum();
    assert_eq!(
        fatalities,
        s.fatality_counts().iter().map(|&f| f as u64).sum::<u64>()
    );
    let province_events = (0..s.len())
        .filter(|&i| s.location_precisions()[i] == LocationPrecision::Province)
        .count();
    assert_eq!(
        counts.unassigned.iter().map(|c| c.events).sum::<u64>(),
        province_events as u64
    );
}
