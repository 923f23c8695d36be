//! Importer robustness: invalid UTF-8, CRLF / blank-line / multi-line line numbers, empty
//! input, progress reporting and cancellation.

use std::ops::ControlFlow;

use atlas_core::incidents::{CsvFormat, ImportError, ImportProgress, Imported, import_csv};

fn go(_: u64, _: u64) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn dropped_lines(imp: &Imported) -> Vec<usize> {
    imp.report.rows_dropped.iter().map(|(l, _)| *l).collect()
}

#[test]
fn invalid_utf8_row_is_dropped_and_reading_goes_on() {
    let mut data =
        b"event_id_cnty,event_date,latitude,longitude\nA1,2024-01-01,30,70\nA2,2024-01-02,"
            .to_vec();
    data.extend_from_slice(&[0xff, 0xfe]);
    data.extend_from_slice(b",70\nA3,2024-01-03,31,71\n");
    let imp = import_csv(&data[..], data.len() as u64, &CsvFormat::Auto, go).unwrap();
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (3, 2));
    assert_eq!(
        imp.report.rows_dropped,
        vec![(3, "invalid UTF-8 in field 3".to_string())]
    );
    assert_eq!(imp.incidents.get(1).unwrap().id, "A3");
}

fn big_acled(rows: usize) -> Vec<u8> {
    let mut s = String::from("event_id_cnty,event_date,latitude,longitude,actor1,fatalities\n");
    for i in 0..rows {
        s.push_str(&format!(
            "X{i},2024-01-{:02},{},{},Actor {},{}\n",
            i % 28 + 1,
            30.0 + (i % 100) as f64 * 0.01,
            70.0,
            i % 7,
            i % 3
        ));
    }
    s.into_bytes()
}

#[test]
fn progress_is_reported_and_cancel_stops_the_import() {
    let data = big_acled(20_000);
    let mut calls = Vec::new();
    let imp = import_csv(
        &data[..],
        data.len() as u64,
        &CsvFormat::Auto,
        |read, total| {
            calls.push((read, total));
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    assert_eq!(imp.report.rows_kept, 20_000);
    assert_eq!(
        imp.incidents.distinct(imp.incidents.actor1_ids()).len(),
        7,
        "actors interned"
    );
    assert!(calls.len() >= 3, "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(
        *calls.last().unwrap(),
        (data.len() as u64, data.len() as u64)
    );

    let progress = ImportProgress::default();
    progress
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let err = import_csv(
        &data[..],
        data.len() as u64,
        &CsvFormat::Auto,
        progress.callback(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Cancelled));
    assert!(
        progress.fraction() > 0.0 && progress.fraction() < 1.0,
        "{}",
        progress.fraction()
    );
}

#[test]
fn empty_and_headerless_input_is_an_error_not_a_panic() {
    let err = import_csv(&b""[..], 0, &CsvFormat::Auto, go).unwrap_err();
    assert!(matches!(err, ImportError::NoHeader), "{err}");
    let err = import_csv(
        &b"event_id_cnty,event_date\nA,2024-01-01\n"[..],
        0,
        &CsvFormat::Auto,
        go,
    )
    .unwrap_err();
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
