//! The CSV import: its report and errors, progress and cancellation for worker threads, the
//! header and schema set-up, and the entry points (parallel by default, sequential on request).

use std::fs::File;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use csv::StringRecord;

use super::generic::ColumnMapping;
use super::import_par::{BlockReader, parse_blocks};
use super::import_seq::import_sequential;
use super::parser::Parser;
use super::schema::{Columns, Schema, detect_schema};
use super::store::IncidentStore;
use crate::diag::Diagnostic;

/// What an import read, kept and dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows (or GeoJSON features) read, good and bad.
    pub rows_read: usize,
    pub rows_kept: usize,
    /// (1-based file line of the row's start — for GeoJSON the 1-based feature number —, reason).
    pub rows_dropped: Vec<(usize, String)>,
}

impl ImportReport {
    /// The dropped rows as diagnostics naming `file`.
    pub fn diagnostics(&self, file: &Path) -> Vec<Diagnostic> {
        self.rows_dropped
            .iter()
            .map(|(line, why)| Diagnostic::new(file, Some(*line), why.clone()))
            .collect()
    }

    /// Dropped rows counted by kind of reason (quoted values and numbers left out), the
    /// commonest first.
    pub fn dropped_by_reason(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (_, why) in &self.rows_dropped {
            let kind = reason_kind(why);
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((kind, 1)),
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts
    }

    /// Why an import kept nothing: counts, dropped rows by reason, and the first `examples`
    /// dropped rows with their lines.
    pub fn nothing_kept_message(&self, file: &str, examples: usize) -> String {
        let reasons: Vec<String> = self
            .dropped_by_reason()
            .iter()
            .map(|(k, n)| format!("{n} × {k}"))
            .collect();
        let mut msg = format!(
            "{file}: no row could be used: {} read, {} kept, {} dropped",
            self.rows_read,
            self.rows_kept,
            self.rows_dropped.len()
        );
        if !reasons.is_empty() {
            msg += &format!("\n  dropped by reason: {}", reasons.join("; "));
        }
        for (line, why) in self.rows_dropped.iter().take(examples) {
            msg += &format!("\n  e.g. line {line}: {why}");
        }
        msg
    }
}

/// A drop reason without its particulars: `"…"` for quoted values, `#` for numbers.
fn reason_kind(why: &str) -> String {
    let mut out = String::with_capacity(why.len());
    let mut chars = why.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            for d in chars.by_ref() {
                if d == '"' {
                    break;
                }
            }
            out.push_str("\"…\"");
        } else if c.is_ascii_digit() || (c == '-' && chars.peek().is_some_and(char::is_ascii_digit))
        {
            while chars
                .peek()
                .is_some_and(|d| d.is_ascii_digit() || *d == '.')
            {
                chars.next();
            }
            out.push('#');
        } else {
            out.push(c);
        }
    }
    out
}

/// A finished import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub schema: Schema,
    pub incidents: IncidentStore,
    pub report: ImportReport,
}

/// Why an import as a whole failed (bad rows are not errors: see [`ImportReport`]).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {0}")]
    Io(String),
    #[error("import cancelled")]
    Cancelled,
    #[error("no header row")]
    NoHeader,
    #[error("columns not recognised as ACLED, UCDP GED or GTD: give a column mapping")]
    UnknownSchema,
    #[error("missing column {0:?}")]
    MissingColumn(String),
    #[error("not GeoJSON: {0}")]
    GeoJson(String),
}

impl ImportError {
    pub fn to_diagnostic(&self, file: &Path) -> Diagnostic {
        Diagnostic::new(file, None, self.to_string())
    }
}

/// Which schema to read a CSV as.
#[derive(Debug, Clone, Default)]
pub enum CsvFormat {
    /// Detect from the header ([`detect_schema`]); a generic header is an error.
    #[default]
    Auto,
    Acled,
    UcdpGed,
    Gtd,
    Generic(Box<ColumnMapping>),
}

/// Rows between progress callbacks of the sequential import.
pub(crate) const PROGRESS_EVERY: usize = 8192;

/// Progress and cancellation shared with a worker thread: the worker passes
/// [`ImportProgress::callback`] to the import, the UI reads the counters and sets `cancel`.
#[derive(Debug, Default)]
pub struct ImportProgress {
    pub bytes_read: AtomicU64,
    pub total_bytes: AtomicU64,
    pub cancel: AtomicBool,
}

impl ImportProgress {
    pub fn callback(&self) -> impl FnMut(u64, u64) -> ControlFlow<()> + '_ {
        move |read, total| {
            self.bytes_read.store(read, Ordering::Relaxed);
            self.total_bytes.store(total, Ordering::Relaxed);
            if self.cancel.load(Ordering::Relaxed) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        }
    }

    /// Fraction done in 0..=1 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        let total = self.total_bytes.load(Ordering::Relaxed);
        if total == 0 {
            0.0
        } else {
            (self.bytes_read.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32
        }
    }
}

/// Import a CSV file. `on_progress(bytes_read, total_bytes)` is called every few thousand rows
/// and once at the end; returning `ControlFlow::Break` cancels ([`ImportError::Cancelled`]).
pub fn import_csv_file(
    path: &Path,
    format: &CsvFormat,
    on_progress: impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Imported, ImportError> {
    let io = |e: std::io::Error| ImportError::Io(format!("{}: {e}", path.display()));
    let file = File::open(path).map_err(io)?;
    let total = file.metadata().map_err(io)?.len();
    import_csv(file, total, format, on_progress)
}

/// Import CSV from any reader, in parallel ([`import_csv_chunked`]); `total_bytes` (0 if
/// unknown) is passed through to `on_progress` and sets the size of the blocks.
pub fn import_csv<R: Read>(
    reader: R,
    total_bytes: u64,
    format: &CsvFormat,
    on_progress: impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Imported, ImportError> {
    let block = match total_bytes {
        0 => MAX_BLOCK,
        n => (n / 64).clamp(MIN_BLOCK, MAX_BLOCK),
    };
    import_csv_chunked(reader, total_bytes, format, block as usize, on_progress)
}

/// Smallest and largest block of [`import_csv`]: a 64th of the input in between, so that small
/// files are still parsed on every core and report progress several times.
const MIN_BLOCK: u64 = 64 << 10;
const MAX_BLOCK: u64 = 1 << 20;

/// Import CSV on the calling thread, record by record. Gives the same result as
/// [`import_csv`]; `on_progress` is called every 8192 rows and once at the end.
pub fn import_csv_sequential<R: Read>(
    reader: R,
    total_bytes: u64,
    format: &CsvFormat,
    on_progress: impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Imported, ImportError> {
    import_sequential(reader, total_bytes, format, on_progress)
}

/// Import CSV in blocks of about `block_bytes` cut at line feeds, parsed on rayon's threads
/// and merged in input order, with the same result as [`import_csv_sequential`] (rows, string
/// IDs, dropped rows and their lines). `on_progress` is called after each block and once at
/// the end, on the calling thread; cancelling stops the blocks being parsed.
pub fn import_csv_chunked<R: Read>(
    reader: R,
    total_bytes: u64,
    format: &CsvFormat,
    block_bytes: usize,
    mut on_progress: impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Imported, ImportError> {
    let mut blocks = BlockReader::new(reader, block_bytes);
    let header = blocks
        .header()
        .map_err(|e| ImportError::Io(format!("header row: {e}")))?;
    let (schema, fields, parser) = setup(header, format)?;
    let mut merged = parse_blocks(&mut blocks, fields, &parser, total_bytes, &mut on_progress)?;
    if on_progress(merged.bytes, total_bytes).is_break() {
        return Err(ImportError::Cancelled);
    }
    merged.report.rows_kept = merged.store.len();
    merged.store.shrink_to_fit();
    Ok(Imported {
        schema,
        incidents: merged.store,
        report: merged.report,
    })
}

/// The schema, the header's field count and the row parser, from the header as a
/// `csv::Reader` read it.
pub(crate) fn setup(
    header: csv::Result<StringRecord>,
    format: &CsvFormat,
) -> Result<(Schema, usize, Parser), ImportError> {
    let headers = match header {
        Ok(h) if !(h.is_empty() || h.len() == 1 && h[0].trim().is_empty()) => h,
        Ok(_) => return Err(ImportError::NoHeader),
        Err(e) => return Err(ImportError::Io(format!("header row: {e}"))),
    };
    let cols = Columns::new(&headers);
    let schema = match format {
        CsvFormat::Auto => detect_schema(headers.iter()),
        CsvFormat::Acled => Schema::Acled,
        CsvFormat::UcdpGed => Schema::UcdpGed,
        CsvFormat::Gtd => Schema::Gtd,
        CsvFormat::Generic(_) => Schema::Generic,
    };
    let parser = Parser::new(schema, format, &cols)?;
    Ok((schema, cols.len, parser))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_kept_names_reasons_and_examples() {
        let report = ImportReport {
            rows_read: 4,
            rows_kept: 0,
            rows_dropped: vec![
                (2, "event_date: unrecognised date \"yesterday\"".into()),
                (3, "latitude 95 out of range [-90, 90]".into()),
                (4, "event_date: unrecognised date \"soon\"".into()),
                (5, "expected 31 fields, found 2".into()),
            ],
        };
        assert_eq!(
            report.dropped_by_reason(),
            [
                ("event_date: unrecognised date \"…\"".to_owned(), 2),
                ("latitude # out of range [#, #]".to_owned(), 1),
                ("expected # fields, found #".to_owned(), 1),
            ]
        );
        let msg = report.nothing_kept_message("x.csv", 2);
        assert_eq!(
            msg,
            "x.csv: no row could be used: 4 read, 0 kept, 4 dropped\n  \
             dropped by reason: 2 × event_date: unrecognised date \"…\"; \
             1 × latitude # out of range [#, #]; 1 × expected # fields, found #\n  \
             e.g. line 2: event_date: unrecognised date \"yesterday\"\n  \
             e.g. line 3: latitude 95 out of range [-90, 90]"
        );
    }
}
