//! The sequential CSV import: a `csv::Reader` reads records one by one into a reused buffer,
//! each goes to the schema's row parser, good rows are kept and bad ones reported by line. The
//! reference the parallel import is tested against, and its fallback.

use std::io::Read;
use std::ops::ControlFlow;

use csv::{ByteRecord, StringRecord};

use super::import::{CsvFormat, ImportError, ImportReport, Imported, PROGRESS_EVERY, setup};
use super::lines::{LineCounter, record_line};
use super::parser::RowParser;
use super::store::IncidentStore;

/// Import CSV from any reader on the calling thread; `total_bytes` (0 if unknown) is passed
/// through to `on_progress`.
pub(crate) fn import_sequential<R: Read>(
    reader: R,
    total_bytes: u64,
    format: &CsvFormat,
    mut on_progress: impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Imported, ImportError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(LineCounter::new(reader));
    let (schema, fields, mut parser) = setup(rdr.headers().cloned(), format)?;

    let mut store = IncidentStore::new();
    let mut report = ImportReport::default();
    let mut bytes = Some(ByteRecord::new());
    let wants_line = parser.wants_line();
    loop {
        let mut raw = bytes.take().unwrap_or_default();
        match rdr.read_byte_record(&mut raw) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => match e.kind() {
                csv::ErrorKind::Io(err) => return Err(ImportError::Io(err.to_string())),
                _ => {
                    report.rows_read += 1;
                    let line = record_line(&rdr, &raw);
                    report.rows_dropped.push((line, e.to_string()));
                    bytes = Some(raw);
                    continue;
                }
            },
        }
        report.rows_read += 1;
        let line_of = |rdr: &csv::Reader<LineCounter<R>>, raw: &ByteRecord| record_line(rdr, raw);
        if raw.len() != fields {
            let why = format!("expected {} fields, found {}", fields, raw.len());
            report.rows_dropped.push((line_of(&rdr, &raw), why));
            bytes = Some(raw);
        } else {
            match StringRecord::from_byte_record(raw) {
                Ok(rec) => {
                    let line = if wants_line {
                        line_of(&rdr, rec.as_byte_record())
                    } else {
                        0
                    };
                    match parser.parse(&rec, line) {
                        Ok(v) => store.push(&v),
                        Err(why) => report
                            .rows_dropped
                            .push((line_of(&rdr, rec.as_byte_record()), why)),
                    }
                    bytes = Some(rec.into_byte_record());
                }
                Err(err) => {
                    let raw = err.into_byte_record();
                    let why = format!("invalid UTF-8 in field {}", first_bad_field(&raw) + 1);
                    report.rows_dropped.push((line_of(&rdr, &raw), why));
                    bytes = Some(raw);
                }
            }
        }
        if report.rows_read % PROGRESS_EVERY == 0
            && on_progress(rdr.position().byte(), total_bytes).is_break()
        {
            return Err(ImportError::Cancelled);
        }
    }
    if on_progress(rdr.position().byte(), total_bytes).is_break() {
        return Err(ImportError::Cancelled);
    }
    report.rows_kept = store.len();
    store.shrink_to_fit();
    Ok(Imported {
        schema,
        incidents: store,
        report,
    })
}

/// Index of the first field of `raw` that is not UTF-8.
fn first_bad_field(raw: &ByteRecord) -> usize {
    (0..raw.len())
        .find(|&i| std::str::from_utf8(&raw[i]).is_err())
        .unwrap_or(0)
}
