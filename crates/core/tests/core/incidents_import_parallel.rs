//! The parallel CSV import against the sequential one: the same rows, string IDs, dropped rows
//! and lines on the fixtures, the synthetic demo, a generated 200k-row file and hostile inputs
//! cut into blocks at every line break; progress, cancellation, and imports from rayon's pool.

use std::ops::ControlFlow;
use std::sync::atomic::Ordering;

use atlas_core::incidents::{
    ColumnMapping, CsvFormat, ImportError, ImportProgress, Imported, import_csv,
    import_csv_chunked, import_csv_file, import_csv_sequential,
};

use crate::common::{dropped_lines, fixture, go};

fn sequential(data: &[u8], format: &CsvFormat) -> Result<Imported, ImportError> {
    import_csv_sequential(data, data.len() as u64, format, go)
}

fn chunked(data: &[u8], format: &CsvFormat, block: usize) -> Result<Imported, ImportError> {
    import_csv_chunked(data, data.len() as u64, format, block, go)
}

/// Panics, naming the first difference, unless `got` equals `want` in every observable part.
fn assert_same(want: &Result<Imported, ImportError>, got: &Result<Imported, ImportError>) {
    let (w, g) = match (want, got) {
        (Ok(w), Ok(g)) => (w, g),
        (Err(w), Err(g)) => return assert_eq!(w.to_string(), g.to_string()),
        _ => panic!(
            "one failed: {:?} vs {:?}",
            want.as_ref().err(),
            got.as_ref().err()
        ),
    };
    assert_eq!(w.schema, g.schema);
    let (wr, gr) = (&w.report, &g.report);
    assert_eq!((wr.rows_read, wr.rows_kept), (gr.rows_read, gr.rows_kept));
    let first = wr
        .rows_dropped
        .iter()
        .zip(&gr.rows_dropped)
        .position(|(a, b)| a != b);
    assert_eq!(
        first,
        None,
        "dropped rows differ: {:?}",
        first.map(|i| (&wr.rows_dropped[i], &gr.rows_dropped[i]))
    );
    assert_eq!(wr.rows_dropped.len(), gr.rows_dropped.len());
    let (ws, gs) = (&w.incidents, &g.incidents);
    let row = (0..ws.len().max(gs.len())).find(|&i| ws.get(i) != gs.get(i));
    assert_eq!(
        row,
        None,
        "rows differ: {:?}",
        row.map(|i| (ws.get(i), gs.get(i)))
    );
    assert_eq!(ws.actor1_ids(), gs.actor1_ids(), "string IDs");
    assert!(ws == gs, "stores differ (string table or columns)");
    assert_eq!(ws.heap_bytes(), gs.heap_bytes());
}

/// The parallel import in blocks of every size from 1 byte to past the end (so that the input
/// is cut at each of its line feeds) equals the sequential import.
fn same_at_every_cut(data: &[u8], format: &CsvFormat) {
    let want = sequential(data, format);
    for block in 1..=data.len() + 2 {
        let got = chunked(data, format, block);
        assert_same(&want, &got);
    }
    assert_same(&want, &import_csv(data, data.len() as u64, format, go));
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
fn fixtures_import_the_same_cut_anywhere() {
    for name in ["acled_small.csv", "ucdp_ged_small.csv", "gtd_small.csv"] {
        let data = std::fs::read(fixture(name)).unwrap();
        same_at_every_cut(&data, &CsvFormat::Auto);
    }
    let data = std::fs::read(fixture("generic_small.csv")).unwrap();
    same_at_every_cut(&data, &CsvFormat::Generic(Box::new(generic_mapping())));
    same_at_every_cut(&data, &CsvFormat::Auto);
}

#[test]
fn synthetic_demo_imports_the_same() {
    let path = atlas_core::data::bundled_data_dir().join("incidents/synthetic-demo-2024.csv");
    let data = std::fs::read(&path).unwrap();
    let want = sequential(&data, &CsvFormat::Acled);
    assert_eq!(want.as_ref().unwrap().report.rows_kept, 600);
    for block in [1, 100, 512, 4096, 65_536] {
        assert_same(&want, &chunked(&data, &CsvFormat::Acled, block));
    }
    assert_same(&want, &import_csv_file(&path, &CsvFormat::Acled, go));
}

/// Header, rows and their hazards: a byte-order mark, CRLF and lone CR, blank lines, quoted
/// line breaks (one holding a line that reads as a record), quotes inside unquoted fields, a
/// byte-order mark at a line start, too few fields, a character split across two fields,
/// invalid UTF-8, bad values, and a last record whose quote never closes.
const HOSTILE: &[u8] = b"\xef\xbb\xbfevent_id_cnty,event_date,latitude,longitude,actor1,notes\r\n\
A1,2024-01-01,30,70,Alpha,plain\r\n\
A2,2024-01-02,30.5,70.5,Beta,\"two\nlines\"\n\
\n\
A3,2024-01-03,31,71,Gamma,\"crlf\r\ninside, and \"\"quotes\"\"\"\r\n\
A4,bad date,31,71,Delta,\"broken\nrow\"\n\
A5,2024-01-05,31,71,Eps\"ilon,mid-field quote\n\
\"A6\",2024-01-06,95,71,Zeta,out of range\n\
\xef\xbb\xbfA7,2024-01-07,32,72,Eta,mark at a line start\n\
A8,2024-01-08,32,72\n\
A9,2024-01-09,32,72,\xc3,\xa9\n\
A10,2024-01-10,32,72,Th\xc3\xa9ta,\"\xc3\xa9 \xd9\x82\"\r\
A11,2024-01-11,33,73,\"Iota\",\"a note\nA99,2024-01-01,30,70,Fake,row\n\"\"\nA98,2024-01-01,30,70,Fake,row\"\n\
\r\n\
A12,2024-01-12,33,73,Kappa,\"bad \xff byte\"\n\
A13,2024-01-13,33,73,Lambda,\"unterminated\nto the end";

#[test]
fn hostile_input_imports_the_same_cut_at_every_line_feed() {
    let imp = sequential(HOSTILE, &CsvFormat::Auto).unwrap();
    // The sequential reading, spelled out: A99 and A98 are inside A11's notes.
    let ids: Vec<&str> = imp.incidents.iter().map(|v| v.id).collect();
    assert_eq!(
        ids,
        ["A1", "A2", "A3", "A5", "\u{feff}A7", "A10", "A11", "A13"]
    );
    assert_eq!(imp.report.rows_read, 13);
    assert_eq!(dropped_lines(&imp), vec![8, 11, 13, 14, 20]);
    assert_eq!(imp.report.rows_dropped[2].1, "expected 6 fields, found 4");
    assert_eq!(imp.report.rows_dropped[3].1, "invalid UTF-8 in field 5");
    assert_eq!(
        imp.incidents.get(7).unwrap().notes,
        "unterminated\nto the end"
    );
    same_at_every_cut(HOSTILE, &CsvFormat::Auto);

    let crlf = String::from_utf8_lossy(HOSTILE).replace('\n', "\r\n");
    same_at_every_cut(crlf.as_bytes(), &CsvFormat::Auto);
    let closed = [HOSTILE, b"\"\n"].concat();
    same_at_every_cut(&closed, &CsvFormat::Auto);
}

#[test]
fn headers_long_quoted_or_alone_import_the_same() {
    let long = format!(
        "\"event_id_cnty\",event_date,\"{}\nx\",latitude,longitude\nA1,2024-01-01,n,30,70\n",
        "c".repeat(70_000)
    );
    let want = sequential(long.as_bytes(), &CsvFormat::Auto);
    assert_eq!(want.as_ref().unwrap().report.rows_kept, 1);
    for block in [1, 4096, 1 << 20] {
        assert_same(&want, &chunked(long.as_bytes(), &CsvFormat::Auto, block));
    }
    for data in [
        &b""[..],
        b"\xef\xbb\xbf",
        b"\n\n",
        b"event_id_cnty,event_date,latitude,longitude",
        b"event_id_cnty,event_date,latitude,longitude\r",
        b"event_id_cnty,event_date,latitude,longitude\r\n\r\n\n",
        b"event_id_cnty,event_date\nA,2024-01-01\n",
        b"\xff,event_date\nA,2024-01-01\n",
        b"date,lon,lat\n2024-01-01,70,30\n",
    ] {
        same_at_every_cut(data, &CsvFormat::Auto);
    }
}

/// A generated ACLED-like file with every hazard of [`HOSTILE`] spread over its rows.
fn generated(rows: usize) -> Vec<u8> {
    let mut out = b"\xef\xbb\xbfevent_id_cnty,event_date,latitude,longitude,actor1,actor2,location,notes,fatalities\n".to_vec();
    let places = [
        "Khost",
        "Miram Shah",
        "Peshawar",
        "Qu\u{e9}tta",
        "\u{643}\u{627}\u{628}\u{644}",
    ];
    for i in 0..rows {
        let mut row = format!(
            "R{i},2024-{:02}-{:02},{:.4},{:.4},Actor {},{},{},",
            i % 12 + 1,
            i % 28 + 1,
            30.0 + (i % 500) as f64 * 0.01,
            69.0 + (i % 700) as f64 * 0.01,
            i % 37,
            if i % 3 == 0 { "" } else { "Civilians" },
            places[i % places.len()],
        )
        .into_bytes();
        match i % 11 {
            0 => row.extend(
                format!(
                    "\"row {i}, quoted \"\"at length\"\"\nR{},2024-01-01,30,70,Fake,,,x,1\n\"",
                    i + 1
                )
                .bytes(),
            ),
            1 => row.extend(format!("\"crlf\r\nin row {i}\"").bytes()),
            _ => row.extend(format!("plain note {i}").bytes()),
        }
        row.extend(format!(",{}", i % 5).bytes());
        match i % 101 {
            7 => row = format!("R{i},someday,30,70,A,,,x,1").into_bytes(),
            13 => row = format!("R{i},2024-01-01,,70,A,,,x,1").into_bytes(),
            17 => row = format!("R{i},2024-01-01,30").into_bytes(),
            19 => row.extend(b",\xfe"),
            23 => row.insert(0, b'"'),
            _ => {}
        }
        out.extend(row);
        out.extend_from_slice(match i % 13 {
            0 => b"\r\n",
            1 => b"\n\n",
            2 => b"\r",
            _ => b"\n",
        });
    }
    out.truncate(out.len() - 1);
    out
}

#[test]
fn generated_200k_rows_import_the_same() {
    let data = generated(200_000);
    let want = sequential(&data, &CsvFormat::Auto);
    let w = want.as_ref().unwrap();
    assert!(w.report.rows_kept > 150_000, "{}", w.report.rows_kept);
    assert!(
        w.report.rows_dropped.len() > 5_000,
        "{}",
        w.report.rows_dropped.len()
    );
    for block in [4096, 65_536, 1 << 20] {
        assert_same(&want, &chunked(&data, &CsvFormat::Auto, block));
    }
    assert_same(
        &want,
        &import_csv(&data[..], data.len() as u64, &CsvFormat::Auto, go),
    );
}

#[test]
fn parallel_progress_is_reported_per_block_and_cancel_stops_it() {
    let data = generated(5_000);
    let total = data.len() as u64;
    let mut calls = Vec::new();
    let imp = import_csv_chunked(&data[..], total, &CsvFormat::Auto, 4096, |read, all| {
        calls.push((read, all));
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_same(&sequential(&data, &CsvFormat::Auto), &Ok(imp));
    assert!(calls.len() > data.len() / 8192, "{} calls", calls.len());
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(*calls.last().unwrap(), (total, total));

    let mut n = 0;
    let err = import_csv_chunked(&data[..], total, &CsvFormat::Auto, 4096, |_, _| {
        n += 1;
        if n == 3 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .unwrap_err();
    assert!(matches!(err, ImportError::Cancelled));
    assert_eq!(n, 3, "no call after the cancel");

    let progress = ImportProgress::default();
    progress.cancel.store(true, Ordering::Relaxed);
    let err = import_csv(&data[..], total, &CsvFormat::Auto, progress.callback()).unwrap_err();
    assert!(matches!(err, ImportError::Cancelled));
    let f = progress.fraction();
    assert!(f > 0.0 && f < 1.0, "{f}");
}

#[test]
fn import_from_a_rayon_thread_reads_the_same() {
    let data = generated(3_000);
    let want = sequential(&data, &CsvFormat::Auto);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let got = pool.install(|| import_csv(&data[..], data.len() as u64, &CsvFormat::Auto, go));
        assert_same(&want, &got);
        let got = pool.install(|| chunked(&data, &CsvFormat::Auto, 4096));
        assert_same(&want, &got);
    }
}
