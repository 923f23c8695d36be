//! 1-based line numbers of CSV records. The csv crate's own record position can point at a
//! leftover line terminator (CRLF files) or a skipped blank line, so the line is derived
//! instead from where the record ends: a counting reader notes every `\n` offset, the record's
//! last line is the line holding its last byte, and its first line is that minus the line
//! breaks inside its (quoted) fields.

use std::io::Read;

use csv::ByteRecord;

/// A reader that records the byte offset of every `\n` it passes through.
pub(crate) struct LineCounter<R> {
    inner: R,
    offset: u64,
    newlines: Vec<u64>,
}

impl<R> LineCounter<R> {
    pub(crate) fn new(inner: R) -> Self {
        LineCounter {
            inner,
            offset: 0,
            newlines: Vec::new(),
        }
    }

    /// 1-based line holding byte `offset`.
    fn line_of(&self, offset: u64) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'\n' {
                self.newlines.push(self.offset + i as u64);
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// First line of the record just read by `rdr`.
pub(crate) fn record_line<R: Read>(rdr: &csv::Reader<LineCounter<R>>, rec: &ByteRecord) -> usize {
    // The reader stops right after the record's terminator byte (`\n`, or `\r` of `\r\n`),
    // or at the end of input; either way the byte before belongs to the record's last line.
    let end = rdr.position().byte();
    let last = rdr.get_ref().line_of(end.saturating_sub(1));
    let inner_breaks = rec
        .iter()
        .map(|f| f.iter().filter(|&&b| b == b'\n').count())
        .sum::<usize>();
    last.saturating_sub(inner_breaks).max(1)
}
