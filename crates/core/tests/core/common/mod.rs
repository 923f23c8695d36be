//! Helpers shared by the importer tests: fixture paths, a no-op progress callback, dates and
//! the dropped-row report.

#![allow(dead_code)]

use std::ops::ControlFlow;
use std::path::PathBuf;

use atlas_core::incidents::Imported;
use chrono::NaiveDate;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/incidents"
    ))
    .join(name)
}

pub fn go(_: u64, _: u64) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn dropped_lines(imp: &Imported) -> Vec<usize> {
    imp.report.rows_dropped.iter().map(|(l, _)| *l).collect()
}

pub fn reason(imp: &Imported, line: usize) -> String {
    imp.report
        .rows_dropped
        .iter()
        .find(|(l, _)| *l == line)
        .map(|(_, r)| r.clone())
        .unwrap_or_default()
}
