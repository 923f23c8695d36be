//! Import a large generated ACLED-shaped CSV once and print the time and the store's size
//! (issue "Speed": 10M rows < 10 s, < 1.5 GB; run it under `/usr/bin/time -v` for the peak).
//!
//! `cargo run --release -p atlas-core --example import_big -- [rows] [parallel|sequential]
//! [block bytes]` (default 10,000,000 rows, parallel, `import_csv_file`'s block size). The file
//! is written to the temp dir on first use.

use std::ops::ControlFlow;
use std::time::Instant;

use atlas_core::incidents::{
    CsvFormat, import_csv_chunked, import_csv_file, import_csv_sequential,
};

#[path = "../benches/support/acled_csv.rs"]
mod acled_csv;

fn main() {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map_or(10_000_000, |a| a.parse().expect("rows"));
    let sequential = args.next().is_some_and(|m| m == "sequential");
    let block: Option<usize> = args.next().map(|a| a.parse().expect("block bytes"));
    let path = acled_csv::acled_file(rows);
    let size = std::fs::metadata(&path).expect("generated file").len();
    let go = |_, _| ControlFlow::Continue(());
    let t = Instant::now();
    let imp = if sequential {
        let file = std::fs::File::open(&path).expect("generated file");
        import_csv_sequential(file, size, &CsvFormat::Auto, go)
    } else if let Some(block) = block {
        let file = std::fs::File::open(&path).expect("generated file");
        import_csv_chunked(file, size, &CsvFormat::Auto, block, go)
    } else {
        import_csv_file(&path, &CsvFormat::Auto, go)
    }
    .expect("import failed");
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(imp.report.rows_kept, rows);
    println!(
        "{} import of {} ({:.0} MB, {rows} rows): {secs:.2} s, store {:.0} MB",
        if sequential { "sequential" } else { "parallel" },
        path.display(),
        size as f64 / 1e6,
        imp.incidents.heap_bytes() as f64 / 1e6,
    );
}
