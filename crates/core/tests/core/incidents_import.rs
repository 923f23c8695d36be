//! Importer tests on small fixture files written from the public ACLED, UCDP GED and GTD
//! codebooks (made-up rows), with broken rows reported by line and reason.

use atlas_core::incidents::{
    CsvFormat, DatePrecision, LocationPrecision, Schema, detect_schema, import_csv_file,
};

use crate::common::{day, dropped_lines, fixture, go, reason};
#[test]
fn detects_each_schema_from_its_header() {
    assert_eq!(
        detect_schema(["\u{feff}EVENT_ID_CNTY", "event_date", "latitude"]),
        Schema::Acled
    );
    assert_eq!(
        detect_schema(["id", "date_start", "date_end", "where_prec"]),
        Schema::UcdpGed
    );
    assert_eq!(
        detect_schema(["eventid", "iyear", "imonth", "iday"]),
        Schema::Gtd
    );
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
    assert!(
        reason(&imp, 5).contains("event_date"),
        "{}",
        reason(&imp, 5)
    );
    assert!(
        reason(&imp, 7).contains("missing latitude"),
        "{}",
        reason(&imp, 7)
    );
    assert_eq!(reason(&imp, 8), "expected 31 fields, found 7");
    assert!(
        reason(&imp, 9).contains("latitude 95.5 out of range"),
        "{}",
        reason(&imp, 9)
    );
    assert!(
        reason(&imp, 11).contains("geo_precision"),
        "{}",
        reason(&imp, 11)
    );

    let s = &imp.incidents;
    let a = s.get(0).unwrap();
    assert_eq!(
        (a.id, a.date.date, a.date.precision),
        ("TST001", day(2024, 3, 15), DatePrecision::Day)
    );
    assert_eq!(
        (a.lon, a.lat, a.location_precision),
        (70.605, 32.989, LocationPrecision::Town)
    );
    assert_eq!(
        (a.actor1, a.actor2, a.event_type),
        ("Test Group A", "Test Forces", "Battles")
    );
    assert_eq!(
        (a.fatalities, a.admin2, a.location),
        (Some(2), "Bannu", "Testtown")
    );
    let b = s.get(1).unwrap();
    assert_eq!(b.date.date, day(2024, 3, 15), "'15 March 2024' form");
    assert_eq!(b.location_precision, LocationPrecision::District);
    assert_eq!(
        b.notes,
        "Fixture row, with a comma,\nand a line break in the notes."
    );
    assert_eq!(b.source, "Fixture Daily; Fixture Weekly");
    let c = s.get(2).unwrap();
    assert_eq!(
        (c.id, c.location_precision, c.fatalities),
        ("TST004", LocationPrecision::Province, None)
    );
    assert_eq!(c.date.precision, DatePrecision::Month, "time_precision 3");
    let d = s.get(3).unwrap();
    assert_eq!(
        (d.id, d.date.date, d.fatalities),
        ("TST008", day(2024, 5, 5), Some(3))
    );
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
    assert!(
        reason(&imp, 4).contains("before date_start"),
        "{}",
        reason(&imp, 4)
    );
    assert!(
        reason(&imp, 5).contains("type_of_violence"),
        "{}",
        reason(&imp, 5)
    );
    assert!(
        reason(&imp, 6).contains("longitude \"abc\" is not a number"),
        "{}",
        reason(&imp, 6)
    );

    let a = imp.incidents.get(0).unwrap();
    assert_eq!(
        (a.id, a.location_precision, a.fatalities),
        ("900001", LocationPrecision::Point, Some(4))
    );
    assert_eq!(
        (a.actor1, a.actor2, a.event_type),
        ("Government of Pakistan", "TTP", "State-based conflict")
    );
    assert_eq!(
        (a.admin1, a.admin2, a.location),
        (
            "Khyber Pakhtunkhwa province",
            "Bannu district",
            "Testkot village"
        )
    );
    assert_eq!(
        (a.source, a.notes),
        ("Fixture Wire", "near the checkpoint | Fixture headline")
    );
    assert_eq!(
        a.date,
        atlas_core::incidents::IncidentDate::day(day(2024, 2, 1))
    );
    let b = imp.incidents.get(1).unwrap();
    assert_eq!(
        b.location_precision,
        LocationPrecision::Province,
        "where_prec 4"
    );
    assert_eq!(
        (b.date.date, b.date.precision),
        (day(2024, 2, 3), DatePrecision::Month),
        "3–20 Feb"
    );
    assert_eq!(
        (b.actor1, b.event_type, b.source),
        (
            "Government of Pakistan - TTP",
            "One-sided violence",
            "UCDP GED"
        )
    );
    let c = imp.incidents.get(2).unwrap();
    assert_eq!(
        (c.location_precision, c.date.precision),
        (LocationPrecision::Country, DatePrecision::Year)
    );
    assert_eq!(
        (c.event_type, c.fatalities),
        ("Non-state conflict", Some(12))
    );
}

#[test]
fn gtd_rows_unknown_month_and_day() {
    let imp = import_csv_file(&fixture("gtd_small.csv"), &CsvFormat::Auto, go).unwrap();
    assert_eq!(imp.schema, Schema::Gtd);
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (7, 4));
    assert_eq!(dropped_lines(&imp), vec![5, 6, 8]);
    assert!(
        reason(&imp, 5).contains("no such date 2015-02-30"),
        "{}",
        reason(&imp, 5)
    );
    assert!(
        reason(&imp, 6).contains("missing latitude"),
        "{}",
        reason(&imp, 6)
    );
    assert!(
        reason(&imp, 8).contains("nkill \"many\""),
        "{}",
        reason(&imp, 8)
    );

    let s = &imp.incidents;
    let a = s.get(0).unwrap();
    assert_eq!(
        (a.date.date, a.date.precision),
        (day(2015, 1, 10), DatePrecision::Day)
    );
    assert_eq!(
        (a.location_precision, a.fatalities, a.event_type),
        (LocationPrecision::Town, Some(2), "Bombing/Explosion")
    );
    assert_eq!(
        (a.actor1, a.admin1, a.location),
        (
            "Tehrik-i-Taliban Pakistan (TTP)",
            "Khyber Pakhtunkhwa",
            "Testabad"
        )
    );
    assert_eq!(a.source, "GTD (START Primary Collection)");
    let b = s.get(1).unwrap();
    assert_eq!(
        (b.date.date, b.date.precision),
        (day(2015, 2, 1), DatePrecision::Month),
        "iday 0"
    );
    assert_eq!(
        (b.location_precision, b.fatalities),
        (LocationPrecision::Province, Some(1)),
        "nkill 1.0"
    );
    let c = s.get(2).unwrap();
    assert_eq!(
        (c.date.date, c.date.precision),
        (day(2015, 1, 1), DatePrecision::Year),
        "imonth 0"
    );
    assert_eq!(
        (c.location_precision, c.fatalities),
        (LocationPrecision::Country, None)
    );
    let d = s.get(3).unwrap();
    assert_eq!(
        (d.location_precision, d.actor2, d.fatalities),
        (
            LocationPrecision::District,
            "Lashkar-e-Islam (Pakistan)",
            None
        )
    );
}

#[test]
fn date_forms() {
    use atlas_core::incidents::{parse_date, parse_ymd_unknown_zero};
    let d = |s: &str| parse_date(s).map(|d| (d.date, d.precision));
    let mar15 = Ok((day(2024, 3, 15), DatePrecision::Day));
    for s in [
        "2024-03-15",
        "15 March 2024",
        "15-March-2024",
        "15 mar 2024",
        "2024/03/15",
    ] {
        assert_eq!(d(s), mar15, "{s}");
    }
    assert_eq!(d("2024-03-15T08:30:00Z"), mar15);
    assert_eq!(d("2024-03-15 00:00:00.000"), mar15);
    assert_eq!(d("March 15, 2024"), mar15);
    assert_eq!(d("2024-03"), Ok((day(2024, 3, 1), DatePrecision::Month)));
    assert_eq!(d("March 2024"), Ok((day(2024, 3, 1), DatePrecision::Month)));
    assert_eq!(d("2024"), Ok((day(2024, 1, 1), DatePrecision::Year)));
    for bad in [
        "",
        "2024-02-30",
        "31 April 2024",
        "15 Marchember 2024",
        "15/03/2024",
        "soon",
    ] {
        assert!(d(bad).is_err(), "{bad}");
    }
    let g = |y, m, dd| parse_ymd_unknown_zero(y, m, dd).map(|d| (d.date, d.precision));
    assert_eq!(
        g("2015", "7", "0"),
        Ok((day(2015, 7, 1), DatePrecision::Month))
    );
    assert_eq!(
        g("2015", "0", "9"),
        Ok((day(2015, 1, 1), DatePrecision::Year))
    );
    assert!(g("2015", "13", "1").is_err());
    assert!(g("", "1", "1").is_err());
}
