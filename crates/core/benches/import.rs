//! Criterion benchmark of the CSV import (issue "Speed": 1M rows < 500 ms): a 1M-row
//! ACLED-shaped file (357 MB, written to the temp dir on first use) read by `import_csv_file`
//! (parallel) and by `import_csv_sequential` (the record-by-record reference).

use std::hint::black_box;
use std::ops::ControlFlow;
use std::time::Duration;

use atlas_core::incidents::{CsvFormat, Imported, import_csv_file, import_csv_sequential};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "support/acled_csv.rs"]
mod acled_csv;

const ROWS: usize = 1_000_000;

fn bench_import(c: &mut Criterion) {
    let path = acled_csv::acled_file(ROWS);
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    let kept = |imp: Imported| {
        assert_eq!(imp.report.rows_kept, ROWS);
        black_box(imp)
    };
    let go = |_, _| ControlFlow::Continue(());
    g.bench_function("import_acled_1m_rows", |b| {
        b.iter(|| kept(import_csv_file(&path, &CsvFormat::Auto, go).expect("import failed")))
    });
    g.bench_function("import_acled_1m_rows_sequential", |b| {
        b.iter(|| {
            let file = std::fs::File::open(&path).expect("bench file");
            let total = file.metadata().expect("bench file size").len();
            kept(import_csv_sequential(file, total, &CsvFormat::Auto, go).expect("import failed"))
        })
    });
    g.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
