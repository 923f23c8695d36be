//! Importer tests on small fixture files written from the public ACLED, UCDP GED and GTD
//! codebooks (made-up rows), plus generic CSV and GeoJSON, with broken rows.

use std::ops::ControlFlow;
use std::path::PathBuf;

use atlas_core::incidents::{
    ColumnMapping, CsvFormat, DatePrecision, ImportError, ImportProgress, Imported, LocationPrecision, Schema,
    detect_schema, import_csv, import_csv_file, import_geojson_file,
};
use chrono::NaiveDate;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/incidents")).join(name)
}

fn go(_: u64, _: u64) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dropped_lines(imp: &Imported) -> Vec<usize> {
    imp.report.rows_dropped.iter().map(|(l, _)| *l).collect()
}

fn reason(imp: &Imported, line: usize) -> String {
    imp.report.rows_dropped.iter().find(|(l, _)| *l == line).map(|(_, r)| r.clone()).unwrap_or_default()
}

#[test]
fn detects_each_schema_from_its_header() {
    assert_eq!(detect_schema(["\u{feff}EVENT_ID_CNTY", "event_date", "latitude"]), Schema::Acled);
    assert_eq!(detect_schema(["id", "date_start", "date_end", "where_prec"]), Schema::UcdpGed);
    assert_eq!(detect_schema(["eventid", "iyear", "imonth", "iday"]), Schema::Gtd);
    assert_eq!(detect_schema(["date", "lon", "lat"]), Schema::Generic);
}

#[test]
fn acled_rows_and_broken_rows_by_line() {
    let imp = import_csv_file(&fixture("acled_small.csv"), &CsvFormat::Auto, go).unwrap();
    assert_eq!(imp.schema, Schema::Acled);
    assert_eq!(imp.report.rows_read, 9);
    assert_eq!(imp.report.rows_kept, 4);
    // Line 3's record spans lines 3–4 (a quoted line break), so later lines are shifted.
    assert_eq!(dropped_lines(&imp), vec![5, 7, 8, 9, 11]);
    assert!(reason(&imp, 5).contains("event_date"), "{}", reason(&imp, 5));
    assert!(reason(&imp, 7).contains("missing latitude"), "{}", reason(&imp, 7));
    assert_eq!(reason(&imp, 8), "expected 31 fields, found 7");
    assert!(reason(&imp, 9).contains("latitude 95.5 out of range"), "{}", reason(&imp, 9));
    assert!(reason(&imp, 11).contains("geo_precision"), "{}", reason(&imp, 11));

    let s = &imp.incidents;
    let a = s.get(0).unwrap();
    assert_eq!((a.id, a.date.date, a.date.precision), ("TST001", day(2024, 3, 15), DatePrecision::Day));
    assert_eq!((a.lon, a.lat, a.location_precision), (70.605, 32.989, LocationPrecision::Town));
    assert_eq!((a.actor1, a.actor2, a.event_type), ("Test Group A", "Test Forces", "Battles"));
    assert_eq!((a.fatalities, a.admin2, a.location), (Some(2), "Bannu", "Testtown"));
    let b = s.get(1).unwrap();
    assert_eq!(b.date.date, day(2024, 3, 15), "'15 March 2024' form");
    assert_eq!(b.location_precision, LocationPrecision::District);
    assert_eq!(b.notes, "Fixture row, with a comma,\nand a line break in the notes.");
    assert_eq!(b.source, "Fixture Daily; Fixture Weekly");
    let c = s.get(2).unwrap();
    assert_eq!((c.id, c.location_precision, c.fatalities), ("TST004", LocationPrecision::Province, None));
    assert_eq!(c.date.precision, DatePrecision::Month, "time_precision 3");
    let d = s.get(3).unwrap();
    assert_eq!((d.id, d.date.date, d.fatalities), ("TST008", day(2024, 5, 5), Some(3)));
    assert!(s.get(4).is_none());

    let diags = imp.report.diagnostics(&fixture("acled_small.csv"));
    assert_eq!(diags[0].line, Some(5));
    assert!(diags[0].to_string().contains("acled_small.csv:5:"));
}

#[test]
fn ucdp_rows_precisions_and_date_ranges() {
    let imp = import_csv_file(&fixture("ucdp_ged_small.csv"), &CsvFormat::Auto, go).unwrap();
    assert_eq!(imp.schema, Schema::UcdpGed);
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (6, 3));
    assert_eq!(dropped_lines(&imp), vec![4, 5, 6], "{:?}", imp.report);
    assert!(reason(&imp, 4).contains("before date_start"), "{}", reason(&imp, 4));
    assert!(reason(&imp, 5).contains("type_of_violence"), "{}", reason(&imp, 5));
    assert!(reason(&imp, 6).contains("longitude \"abc\" is not a number"), "{}", reason(&imp, 6));

    let a = imp.incidents.get(0).unwrap();
    assert_eq!((a.id, a.location_precision, a.fatalities), ("900001", LocationPrecision::Point, Some(4)));
    assert_eq!((a.actor1, a.actor2, a.event_type), ("Government of Pakistan", "TTP", "State-based conflict"));
    assert_eq!((a.admin1, a.admin2, a.location), ("Khyber Pakhtunkhwa province", "Bannu district", "Testkot village"));
    assert_eq!((a.source, a.notes), ("Fixture Wire", "near the checkpoint | Fixture headline"));
    assert_eq!(a.date, atlas_core::incidents::IncidentDate::day(day(2024, 2, 1)));
    let b = imp.incidents.get(1).unwrap();
    assert_eq!(b.location_precision, LocationPrecision::Province, "where_prec 4");
    assert_eq!((b.date.date, b.date.precision), (day(2024, 2, 3), DatePrecision::Month), "3–20 Feb");
    assert_eq!((b.actor1, b.event_type, b.source), ("Government of Pakistan - TTP", "One-sided violence", "UCDP GED"));
    let c = imp.incidents.get(2).unwrap();
    assert_eq!((c.location_precision, c.date.precision), (LocationPrecision::Country, DatePrecision::Year));
    assert_eq!((c.event_type, c.fatalities), ("Non-state conflict", Some(12)));
}

#[test]
fn gtd_rows_unknown_month_and_day() {
    let imp = import_csv_file(&fixture("gtd_small.csv"), &CsvFormat::Auto, go).unwrap();
    assert_eq!(imp.schema, Schema::Gtd);
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (7, 4));
    assert_eq!(dropped_lines(&imp), vec![5, 6, 8]);
    assert!(reason(&imp, 5).contains("no such date 2015-02-30"), "{}", reason(&imp, 5));
    assert!(reason(&imp, 6).contains("missing latitude"), "{}", reason(&imp, 6));
    assert!(reason(&imp, 8).contains("nkill \"many\""), "{}", reason(&imp, 8));

    let s = &imp.incidents;
    let a = s.get(0).unwrap();
    assert_eq!((a.date.date, a.date.precision), (day(2015, 1, 10), DatePrecision::Day));
    assert_eq!((a.location_precision, a.fatalities, a.event_type), (LocationPrecision::Town, Some(2), "Bombing/Explosion"));
    assert_eq!((a.actor1, a.admin1, a.location), ("Tehrik-i-Taliban Pakistan (TTP)", "Khyber Pakhtunkhwa", "Testabad"));
    assert_eq!(a.source, "GTD (START Primary Collection)");
    let b = s.get(1).unwrap();
    assert_eq!((b.date.date, b.date.precision), (day(2015, 2, 1), DatePrecision::Month), "iday 0");
    assert_eq!((b.location_precision, b.fatalities), (LocationPrecision::Province, Some(1)), "nkill 1.0");
    let c = s.get(2).unwrap();
    assert_eq!((c.date.date, c.date.precision), (day(2015, 1, 1), DatePrecision::Year), "imonth 0");
    assert_eq!((c.location_precision, c.fatalities), (LocationPrecision::Country, None));
    let d = s.get(3).unwrap();
    assert_eq!((d.location_precision, d.actor2, d.fatalities), (LocationPrecision::District, "Lashkar-e-Islam (Pakistan)", None));
}

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
    let bad = ColumnMapping { actor: "Perpetrator".into(), ..generic_mapping() };
    let err = import_csv_file(&fixture("generic_small.csv"), &CsvFormat::Generic(Box::new(bad)), go).unwrap_err();
    assert_eq!(err.to_string(), "missing column \"Perpetrator\"");

    let fmt = CsvFormat::Generic(Box::new(generic_mapping()));
    let imp = import_csv_file(&fixture("generic_small.csv"), &fmt, go).unwrap();
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (6, 3));
    assert_eq!(dropped_lines(&imp), vec![5, 6, 7]);
    assert!(reason(&imp, 6).contains("precision \"somewhere\""), "{}", reason(&imp, 6));
    assert!(reason(&imp, 7).contains("longitude 181 out of range"), "{}", reason(&imp, 7));
    let s = &imp.incidents;
    let a = s.get(0).unwrap();
    assert_eq!((a.id, a.actor1, a.event_type, a.fatalities), ("G-1", "Group One", "Raid", Some(3)));
    assert_eq!((a.lon, a.lat, a.location_precision), (71.5, 34.0, LocationPrecision::Town));
    let b = s.get(1).unwrap();
    assert_eq!((b.date.date, b.date.precision, b.location_precision), (day(2024, 6, 1), DatePrecision::Month, LocationPrecision::Province));
    let c = s.get(2).unwrap();
    assert_eq!((c.id, c.date.precision, c.location_precision), ("line 4", DatePrecision::Year, LocationPrecision::Point));
}

#[test]
fn geojson_points_with_default_mapping() {
    let imp = import_geojson_file(&fixture("points.geojson"), &ColumnMapping::default(), go).unwrap();
    assert_eq!(imp.schema, Schema::GeoJson);
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (5, 2));
    assert_eq!(dropped_lines(&imp), vec![3, 4, 5], "feature numbers");
    assert_eq!(reason(&imp, 3), "geometry is LineString, not a Point");
    assert_eq!(reason(&imp, 5), "feature has no geometry");
    let a = imp.incidents.get(0).unwrap();
    assert_eq!((a.id, a.lon, a.lat, a.actor1, a.fatalities), ("P1", 71.25, 33.75, "Group One", Some(2)));
    assert_eq!((a.date.date, a.event_type), (day(2024, 7, 1), "Raid"));
    let b = imp.incidents.get(1).unwrap();
    assert_eq!((b.id, b.date.date, b.location_precision, b.fatalities), ("feature 2", day(2024, 7, 12), LocationPrecision::District, None));
}

#[test]
fn invalid_utf8_row_is_dropped_and_reading_goes_on() {
    let mut data = b"event_id_cnty,event_date,latitude,longitude\nA1,2024-01-01,30,70\nA2,2024-01-02,".to_vec();
    data.extend_from_slice(&[0xff, 0xfe]);
    data.extend_from_slice(b",70\nA3,2024-01-03,31,71\n");
    let imp = import_csv(&data[..], data.len() as u64, &CsvFormat::Auto, go).unwrap();
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (3, 2));
    assert_eq!(imp.report.rows_dropped, vec![(3, "invalid UTF-8 in field 3".to_string())]);
    assert_eq!(imp.incidents.get(1).unwrap().id, "A3");
}

fn big_acled(rows: usize) -> Vec<u8> {
    let mut s = String::from("event_id_cnty,event_date,latitude,longitude,actor1,fatalities\n");
    for i in 0..rows {
        s.push_str(&format!("X{i},2024-01-{:02},{},{},Actor {},{}\n", i % 28 + 1, 30.0 + (i % 100) as f64 * 0.01, 70.0, i % 7, i % 3));
    }
    s.into_bytes()
}

#[test]
fn progress_is_reported_and_cancel_stops_the_import() {
    let data = big_acled(20_000);
    let mut calls = Vec::new();
    let imp = import_csv(&data[..], data.len() as u64, &CsvFormat::Auto, |read, total| {
        calls.push((read, total));
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(imp.report.rows_kept, 20_000);
    assert_eq!(imp.incidents.distinct(imp.incidents.actor1_ids()).len(), 7, "actors interned");
    assert!(calls.len() >= 3, "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(*calls.last().unwrap(), (data.len() as u64, data.len() as u64));

    let progress = ImportProgress::default();
    progress.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let err = import_csv(&data[..], data.len() as u64, &CsvFormat::Auto, progress.callback()).unwrap_err();
    assert!(matches!(err, ImportError::Cancelled));
    assert!(progress.fraction() > 0.0 && progress.fraction() < 1.0, "{}", progress.fraction());
}

#[test]
fn empty_and_headerless_input_is_an_error_not_a_panic() {
    let err = import_csv(&b""[..], 0, &CsvFormat::Auto, go).unwrap_err();
    assert!(matches!(err, ImportError::NoHeader), "{err}");
    let err = import_csv(&b"event_id_cnty,event_date\nA,2024-01-01\n"[..], 0, &CsvFormat::Auto, go).unwrap_err();
    assert_eq!(err.to_string(), "missing column \"latitude\"");
}

#[test]
fn line_numbers_survive_crlf_blank_lines_and_multiline_fields() {
    let data = "event_id_cnty,event_date,latitude,longitude,notes\r\nA1,2024-01-01,30,70,ok\r\n\r\n\
                A2,2024-01-02,30,70,\"two\r\nlines\"\r\nA3,bad,30,70,x\r\n\nA4,2024-01-03,95,70,y";
    let imp = import_csv(data.as_bytes(), 0, &CsvFormat::Auto, go).unwrap();
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (4, 2));
    assert_eq!(dropped_lines(&imp), vec![6, 8]);
    assert_eq!(imp.incidents.get(1).unwrap().notes, "two\r\nlines");
}
