//! Importer tests: generic CSV with a caller-given column mapping, and GeoJSON points.

use atlas_core::incidents::{
    ColumnMapping, CsvFormat, DatePrecision, ImportError, LocationPrecision, Schema,
    import_csv_file, import_geojson_file,
};

use crate::common::{day, dropped_lines, fixture, go, reason};

fn generic_mapping() -> ColumnMapping {
    ColumnMapping {
        lon: "Lng".into(),
        lat: "lat_deg".into(),
        date: "When".into(),
        actor: "Group".into(),
        fatalities: Some("Killed".into()),
        event_type: Some("Kind".into()),
        id: Some("Ref".into()),
        precision: Some("Prec".into()),
        ..ColumnMapping::default()
    }
}

#[test]
fn generic_csv_needs_and_uses_a_mapping() {
    let err = import_csv_file(&fixture("generic_small.csv"), &CsvFormat::Auto, go).unwrap_err();
    assert!(matches!(err, ImportError::UnknownSchema), "{err}");
    let bad = ColumnMapping {
        actor: "Perpetrator".into(),
        ..generic_mapping()
    };
    let err = import_csv_file(
        &fixture("generic_small.csv"),
        &CsvFormat::Generic(Box::new(bad)),
        go,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "missing column \"Perpetrator\"");

    let fmt = CsvFormat::Generic(Box::new(generic_mapping()));
    let imp = import_csv_file(&fixture("generic_small.csv"), &fmt, go).unwrap();
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (6, 3));
    assert_eq!(dropped_lines(&imp), vec![5, 6, 7]);
    assert!(
        reason(&imp, 6).contains("precision \"somewhere\""),
        "{}",
        reason(&imp, 6)
    );
    assert!(
        reason(&imp, 7).contains("longitude 181 out of range"),
        "{}",
        reason(&imp, 7)
    );
    let s = &imp.incidents;
    let a = s.get(0).unwrap();
    assert_eq!(
        (a.id, a.actor1, a.event_type, a.fatalities),
        ("G-1", "Group One", "Raid", Some(3))
    );
    assert_eq!(
        (a.lon, a.lat, a.location_precision),
        (71.5, 34.0, LocationPrecision::Town)
    );
    let b = s.get(1).unwrap();
    assert_eq!(
        (b.date.date, b.date.precision, b.location_precision),
        (
            day(2024, 6, 1),
            DatePrecision::Month,
            LocationPrecision::Province
        )
    );
    let c = s.get(2).unwrap();
    assert_eq!(
        (c.id, c.date.precision, c.location_precision),
        ("line 4", DatePrecision::Year, LocationPrecision::Point)
    );
}

#[test]
fn geojson_points_with_default_mapping() {
    let imp =
        import_geojson_file(&fixture("points.geojson"), &ColumnMapping::default(), go).unwrap();
    assert_eq!(imp.schema, Schema::GeoJson);
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (5, 2));
    assert_eq!(dropped_lines(&imp), vec![3, 4, 5], "feature numbers");
    assert_eq!(reason(&imp, 3), "geometry is LineString, not a Point");
    assert_eq!(reason(&imp, 5), "feature has no geometry");
    let a = imp.incidents.get(0).unwrap();
    assert_eq!(
        (a.id, a.lon, a.lat, a.actor1, a.fatalities),
        ("P1", 71.25, 33.75, "Group One", Some(2))
    );
    assert_eq!((a.date.date, a.event_type), (day(2024, 7, 1), "Raid"));
    let b = imp.incidents.get(1).unwrap();
    assert_eq!(
        (b.id, b.date.date, b.location_precision, b.fatalities),
        (
            "feature 2",
            day(2024, 7, 12),
            LocationPrecision::District,
            None
        )
    );
}
