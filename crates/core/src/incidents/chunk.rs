//! One block of a CSV's data rows parsed with csv-core, for the parallel import: the rows go
//! into a store of the block's own, bad rows into a list by line, exactly as the sequential
//! import reads them; a record the block ends inside is handed on, reader and all, to be
//! finished with the next block.

use std::sync::atomic::{AtomicBool, Ordering};

use csv_core::ReadRecordResult;

use super::parser::{Fields, Parser, RowParser};
use super::store::IncidentStore;

/// A stretch of the input. Every block but the last ends just after a `\n`.
pub(crate) struct Block {
    /// The bytes, in `buf[..len]` (the rest is spare room kept for reuse).
    pub(crate) buf: Vec<u8>,
    pub(crate) len: usize,
    /// Offset of the block's first byte in the input.
    pub(crate) start: u64,
    /// Line feeds in the input before the block.
    pub(crate) newlines_before: usize,
    /// Nothing follows the block.
    pub(crate) last: bool,
}

impl Block {
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// A csv-core reader and the fields of the record it is in.
#[derive(Clone)]
pub(crate) struct RecordReader {
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    nout: usize,
    nend: usize,
    /// Bytes of a record have been read and its end not yet.
    in_record: bool,
}

impl RecordReader {
    /// A reader at a record boundary past the start of the input: the sequential import's
    /// `csv::Reader` settings (csv-core's defaults), with the reader told that input was
    /// already read, so that it does not take a byte-order mark at the block's start for the
    /// file's own.
    fn new() -> Self {
        let mut core = csv_core::ReaderBuilder::new().build();
        // A blank line at a record boundary changes nothing but the reader's first-read flag.
        let (res, nin, _, _) = core.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
        debug_assert!(matches!(res, ReadRecordResult::InputEmpty) && nin == 1);
        RecordReader {
            core,
            out: vec![0; 4096],
            ends: vec![0; 64],
            nout: 0,
            nend: 0,
            in_record: false,
        }
    }

    /// Feed `input` until it is used up or a record ends; returns the result and the bytes
    /// consumed.
    fn read(&mut self, mut input: &[u8]) -> (ReadRecordResult, usize) {
        let mut used = 0;
        loop {
            let (res, nin, nout, nend) = self.core.read_record(
                input,
                &mut self.out[self.nout..],
                &mut self.ends[self.nend..],
            );
            self.nout += nout;
            self.nend += nend;
            used += nin;
            input = &input[nin..];
            match res {
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                _ => return (res, used),
            }
        }
    }
}

/// What a block held.
pub(crate) struct Parsed {
    pub(crate) store: IncidentStore,
    pub(crate) rows_read: usize,
    pub(crate) dropped: Vec<(usize, String)>,
    /// The reader in the middle of the record the block ended inside (never for the last).
    pub(crate) partial: Option<Box<RecordReader>>,
    pub(crate) block: Block,
}

/// 1-based lines of offsets in a block, counting line feeds forward from the last offset asked.
struct Lines {
    pos: usize,
    count: usize,
}

impl Lines {
    /// The line holding the byte before block offset `end` (offsets asked never go back).
    fn before(&mut self, data: &[u8], end: usize) -> usize {
        let at = end.saturating_sub(1).max(self.pos);
        self.count += memchr::memchr_iter(b'\n', &data[self.pos..at]).count();
        self.pos = at;
        self.count + 1
    }
}

/// Records between checks of the abort flag.
const ABORT_EVERY: usize = 4096;

/// Parse `block` into `store` (emptied first), starting at a record boundary, or, with
/// `resume`, inside the record that reader was left in. Stops early (with a partial result)
/// once `abort` is set.
pub(crate) fn parse_block(
    block: Block,
    mut store: IncidentStore,
    fields: usize,
    parser: &mut Parser,
    resume: Option<Box<RecordReader>>,
    abort: &AtomicBool,
) -> Parsed {
    let mut rr = resume.unwrap_or_else(|| Box::new(RecordReader::new()));
    store.clear();
    let mut done = Parsed {
        store,
        rows_read: 0,
        dropped: Vec::new(),
        partial: None,
        block,
    };
    let data = &done.block.buf[..done.block.len];
    let mut lines = Lines {
        pos: 0,
        count: done.block.newlines_before,
    };
    let mut pos = 0;
    loop {
        if !rr.in_record {
            // csv-core skips line breaks between records; skipping them here tells a block
            // that ends between records from one that ends inside a record.
            while pos < data.len() && matches!(data[pos], b'\n' | b'\r') {
                pos += 1;
            }
            if pos == data.len() {
                break;
            }
            if done.rows_read.is_multiple_of(ABORT_EVERY) && abort.load(Ordering::Relaxed) {
                break;
            }
            rr.in_record = true;
        }
        let (res, nin) = rr.read(&data[pos..]);
        pos += nin;
        match res {
            ReadRecordResult::Record => {
                let line = |lines: &mut Lines, inner: usize| {
                    lines.before(data, pos).saturating_sub(inner).max(1)
                };
                let rec = Rec {
                    bytes: &rr.out[..rr.nout],
                    ends: &rr.ends[..rr.nend],
                };
                take_record(
                    &rec,
                    fields,
                    parser,
                    &mut done.store,
                    &mut done.dropped,
                    |i| line(&mut lines, i),
                );
                done.rows_read += 1;
                (rr.nout, rr.nend, rr.in_record) = (0, 0, false);
            }
            ReadRecordResult::InputEmpty if !done.block.last => {
                done.partial = Some(rr);
                break;
            }
            // Nothing more came of the end of the input.
            ReadRecordResult::InputEmpty if nin == 0 => break,
            // The end of the input ends the record (the next read, of no bytes, gives it).
            ReadRecordResult::InputEmpty => debug_assert_eq!(pos, data.len()),
            _ => break,
        }
    }
    done
}

/// A record's field bytes and field ends, as csv-core wrote them.
struct Rec<'a> {
    bytes: &'a [u8],
    ends: &'a [usize],
}

impl Rec<'_> {
    /// The fields as text, or the index of the first field that is not UTF-8 (the test
    /// `csv::StringRecord::from_byte_record` makes, field by field).
    fn text(&self) -> Result<&str, usize> {
        if let Ok(s) = std::str::from_utf8(self.bytes)
            && self.ends.iter().all(|&e| s.is_char_boundary(e))
        {
            return Ok(s);
        }
        let field = |i: usize| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] };
            &self.bytes[start..self.ends[i]]
        };
        Err((0..self.ends.len())
            .find(|&i| std::str::from_utf8(field(i)).is_err())
            .unwrap_or(0))
    }
}

/// Keep or drop one record as the sequential import does; `line(inner_breaks)` gives the
/// record's first line.
fn take_record(
    rec: &Rec<'_>,
    fields: usize,
    parser: &mut Parser,
    store: &mut IncidentStore,
    dropped: &mut Vec<(usize, String)>,
    mut line: impl FnMut(usize) -> usize,
) {
    let mut first_line = || line(memchr::memchr_iter(b'\n', rec.bytes).count());
    if rec.ends.len() != fields {
        let why = format!("expected {fields} fields, found {}", rec.ends.len());
        dropped.push((first_line(), why));
        return;
    }
    let text = match rec.text() {
        Ok(text) => text,
        Err(field) => {
            let why = format!("invalid UTF-8 in field {}", field + 1);
            dropped.push((first_line(), why));
            return;
        }
    };
    let record = Fields {
        text,
        ends: rec.ends,
    };
    let at = if parser.wants_line() { first_line() } else { 0 };
    match parser.parse(&record, at) {
        Ok(v) => store.push(&v),
        Err(why) => dropped.push((first_line(), why)),
    }
}
