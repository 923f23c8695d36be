//! The parallel CSV import: the input is read in blocks that end at line feeds, each block is
//! parsed on rayon's threads as if it began at a record boundary, and the results are merged
//! in input order on the calling thread. A block that in fact began inside a record (a quoted
//! line break where it was cut) is parsed again there, continuing that record.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use csv::StringRecord;

use super::chunk::{Block, Parsed, RecordReader, parse_block};
use super::import::{ImportError, ImportReport};
use super::parser::Parser;
use super::store::IncidentStore;

/// Reads the input: the header first, then blocks of about `block_size` bytes, each but the
/// last cut just after a line feed.
pub(crate) struct BlockReader<R> {
    inner: R,
    block_size: usize,
    eof: bool,
    /// Bytes read but not yet handed out (the rest of a line, or after the header).
    carry: Vec<u8>,
    /// Offset and line feeds before the first byte of `carry`.
    offset: u64,
    newlines: usize,
    /// Buffers of merged blocks, for reuse.
    spare: Vec<Vec<u8>>,
    /// Stores of merged blocks, for reuse (fresh memory for each block costs page faults).
    spare_stores: Vec<IncidentStore>,
}

impl<R: Read> BlockReader<R> {
    pub(crate) fn new(inner: R, block_size: usize) -> Self {
        BlockReader {
            inner,
            block_size: block_size.max(1),
            eof: false,
            carry: Vec::new(),
            offset: 0,
            newlines: 0,
            spare: Vec::new(),
            spare_stores: Vec::new(),
        }
    }

    /// Fill `buf[*len..]` from the input, or up to its end.
    fn fill(&mut self, buf: &mut [u8], len: &mut usize) -> io::Result<()> {
        while *len < buf.len() && !self.eof {
            match self.inner.read(&mut buf[*len..]) {
                Ok(0) => self.eof = true,
                Ok(n) => *len += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The header record as the sequential import's `csv::Reader` reads it (byte-order mark,
    /// blank lines, quoting), read again from a longer prefix while it may reach past the
    /// prefix's end.
    pub(crate) fn header(&mut self) -> io::Result<csv::Result<StringRecord>> {
        let mut buf = vec![0; self.block_size.clamp(64, 1 << 16)];
        let mut len = 0;
        loop {
            self.fill(&mut buf, &mut len)?;
            let mut rdr = csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(&buf[..len]);
            let header = rdr.headers().cloned();
            let used = rdr.position().byte() as usize;
            if used < len || self.eof {
                self.newlines = memchr::memchr_iter(b'\n', &buf[..used]).count();
                self.offset = used as u64;
                self.carry = buf[used..len].to_vec();
                return Ok(header);
            }
            buf.resize(buf.len() * 2, 0);
        }
    }

    /// The next block, `None` at the end of the input: cut after the last line feed in its
    /// first `block_size` bytes, else after the first one past them, else at the end.
    pub(crate) fn next_block(&mut self) -> io::Result<Option<Block>> {
        let mut buf = self.spare.pop().unwrap_or_default();
        let mut len = self.carry.len();
        let mut target = self.block_size.max(len);
        if buf.len() < target {
            buf.resize(target, 0);
        }
        buf[..len].copy_from_slice(&self.carry);
        self.carry.clear();
        let cut = loop {
            self.fill(&mut buf[..target], &mut len)?;
            let head = len.min(self.block_size);
            if self.eof && len == head {
                break len;
            }
            if let Some(i) = memchr::memrchr(b'\n', &buf[..head]) {
                break i + 1;
            }
            if let Some(i) = memchr::memchr(b'\n', &buf[head..len]) {
                break head + i + 1;
            }
            if self.eof {
                break len;
            }
            target *= 2;
            buf.resize(target, 0);
        };
        self.carry.extend_from_slice(&buf[cut..len]);
        if cut == 0 {
            self.spare.push(buf);
            return Ok(None);
        }
        let block = Block {
            len: cut,
            start: self.offset,
            newlines_before: self.newlines,
            last: false,
            buf,
        };
        self.offset += cut as u64;
        self.newlines += memchr::memchr_iter(b'\n', block.bytes()).count();
        Ok(Some(block))
    }

    pub(crate) fn recycle(&mut self, buf: Vec<u8>) {
        self.spare.push(buf);
    }

    fn recycle_store(&mut self, store: IncidentStore) {
        self.spare_stores.push(store);
    }

    fn store(&mut self) -> IncidentStore {
        self.spare_stores
            .pop()
            .unwrap_or_else(IncidentStore::for_block)
    }
}

/// The blocks' results, taken in input order.
struct Merge {
    fields: usize,
    parser: Parser,
    store: IncidentStore,
    report: ImportReport,
    /// The reader inside the record the last merged block ended in.
    pending: Option<Box<RecordReader>>,
    /// Input bytes merged.
    bytes: u64,
}

impl Merge {
    /// Merge the next block's result (parsing its block again first if it did not begin at a
    /// record boundary); gives back the block's buffer and store.
    fn take(&mut self, mut p: Parsed, abort: &AtomicBool) -> (Vec<u8>, IncidentStore) {
        if let Some(rr) = self.pending.take() {
            let (block, store) = (p.block, p.store);
            p = parse_block(block, store, self.fields, &mut self.parser, Some(rr), abort);
        }
        self.store.append(&p.store);
        self.report.rows_read += p.rows_read;
        self.report.rows_dropped.append(&mut p.dropped);
        self.pending = p.partial;
        self.bytes = p.block.start + p.block.len as u64;
        (p.block.buf, p.store)
    }
}

/// Sets the abort flag when the import ends, however it ends, so that jobs still running stop.
struct AbortOnDrop<'a>(&'a AtomicBool);

impl Drop for AbortOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// A result from a parse job. On a thread of rayon's pool, runs pool jobs while waiting (the
/// job awaited may sit in this thread's own queue).
fn wait_for<T>(rx: &mpsc::Receiver<T>) -> T {
    loop {
        match rx.try_recv() {
            Ok(t) => return t,
            Err(mpsc::TryRecvError::Disconnected) => unreachable!("a sender is kept"),
            Err(mpsc::TryRecvError::Empty) => {}
        }
        let got = match rayon::yield_now() {
            Some(rayon::Yield::Executed) => continue,
            Some(rayon::Yield::Idle) => rx.recv_timeout(Duration::from_millis(1)).ok(),
            None => rx.recv().ok(),
        };
        if let Some(t) = got {
            return t;
        }
    }
}

/// What a parallel import read (before the final progress call).
pub(crate) struct Merged {
    pub(crate) store: IncidentStore,
    pub(crate) report: ImportReport,
    pub(crate) bytes: u64,
}

/// Parse the blocks of `blocks` on rayon's threads (a few at a time) and merge them in
/// order, calling `on_progress` after each; `fields` is the header's field count.
pub(crate) fn parse_blocks<R: Read>(
    blocks: &mut BlockReader<R>,
    fields: usize,
    parser: &Parser,
    total_bytes: u64,
    on_progress: &mut impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Merged, ImportError> {
    let abort = AtomicBool::new(false);
    let io = |e: io::Error| ImportError::Io(e.to_string());
    let mut merge = Merge {
        fields,
        parser: parser.clone(),
        store: IncidentStore::new(),
        report: ImportReport::default(),
        pending: None,
        bytes: blocks.offset,
    };
    let max_jobs = 2 * rayon::current_num_threads().max(1) + 2;
    rayon::in_place_scope(|scope| {
        let _stop = AbortOnDrop(&abort);
        let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<Parsed>)>();
        let mut ready: BTreeMap<usize, Parsed> = BTreeMap::new();
        let (mut sent, mut merged) = (0, 0);
        let mut ahead = blocks.next_block().map_err(io)?;
        loop {
            while sent - merged < max_jobs
                && let Some(mut block) = ahead.take()
            {
                ahead = blocks.next_block().map_err(io)?;
                block.last = ahead.is_none();
                let (tx, mut parser, abort) = (tx.clone(), parser.clone(), &abort);
                let store = blocks.store();
                let id = sent;
                sent += 1;
                scope.spawn(move |_| {
                    let run = || parse_block(block, store, fields, &mut parser, None, abort);
                    let _ = tx.send((id, catch_unwind(AssertUnwindSafe(run))));
                });
            }
            if merged == sent {
                break;
            }
            let (id, parsed) = wait_for(&rx);
            ready.insert(id, parsed.unwrap_or_else(|panic| resume_unwind(panic)));
            while let Some(p) = ready.remove(&merged) {
                merged += 1;
                let (buf, store) = merge.take(p, &abort);
                blocks.recycle(buf);
                blocks.recycle_store(store);
                if on_progress(merge.bytes, total_bytes).is_break() {
                    return Err(ImportError::Cancelled);
                }
            }
        }
        debug_assert!(merge.pending.is_none(), "the last block ends every record");
        Ok(Merged {
            store: merge.store,
            report: merge.report,
            bytes: merge.bytes,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::BlockReader;

    #[test]
    fn blocks_cover_the_input_cut_after_line_feeds() {
        let data = b"h1,h2\r\nlong line one\nx\n\nlonger line number two\nno end";
        for size in 1..data.len() + 2 {
            let mut r = BlockReader::new(&data[..], size);
            let header = r.header().unwrap().unwrap();
            assert_eq!(header.iter().collect::<Vec<_>>(), ["h1", "h2"]);
            let mut all = data[..r.offset as usize].to_vec();
            while let Some(b) = r.next_block().unwrap() {
                assert_eq!(b.start as usize, all.len(), "size {size}");
                let before = all.iter().filter(|&&c| c == b'\n').count();
                assert_eq!(b.newlines_before, before, "size {size}");
                all.extend_from_slice(b.bytes());
                let line_end = all.ends_with(b"\n") || all.len() == data.len();
                assert!(line_end, "size {size}: {:?}", b.bytes());
                let first_nl = b.bytes().iter().position(|&c| c == b'\n');
                assert!(
                    b.len <= size || first_nl.is_none_or(|i| i + 1 == b.len),
                    "size {size}"
                );
                r.recycle(b.buf);
            }
            assert_eq!(all, data, "size {size}");
        }
    }
}
