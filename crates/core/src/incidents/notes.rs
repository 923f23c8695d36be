//! The notes column of an incident store: notes packed into blocks compressed with LZ4, the
//! block still being filled kept as plain text, a block decompressed on first access.

use std::sync::OnceLock;

/// A block is sealed (compressed) once it holds this many notes …
const BLOCK_ROWS: usize = 1024;
/// … or this many bytes of text, whichever comes first.
const BLOCK_BYTES: usize = 32 * 1024;

/// Notes, one per incident. Where blocks are cut depends only on the notes pushed, so two
/// columns that were pushed the same notes are the same, however they were filled.
#[derive(Debug, Clone, Default)]
pub(super) struct NoteColumn {
    /// The sealed blocks, LZ4-compressed, back to back.
    packed: Vec<u8>,
    /// End of each sealed block in `packed`.
    block_ends: Vec<u64>,
    /// Rows in the sealed blocks up to and including each one.
    block_rows: Vec<u64>,
    /// Per row: end of its note in its block's text.
    ends: Vec<u32>,
    /// Text of the block being filled (the rows after the sealed blocks).
    open: String,
    /// Each sealed block's text, once asked for (kept so that notes can be lent out).
    cache: Vec<OnceLock<Box<str>>>,
    /// Never seal: for the short-lived stores of one import block, whose notes are pushed
    /// again into the import's store.
    raw: bool,
}

impl PartialEq for NoteColumn {
    /// The same notes in the same blocks (what was decompressed so far does not count).
    fn eq(&self, other: &Self) -> bool {
        self.packed == other.packed
            && self.block_ends == other.block_ends
            && self.block_rows == other.block_rows
            && self.ends == other.ends
            && self.open == other.open
    }
}

impl NoteColumn {
    /// A column that keeps every note as plain text.
    pub(super) fn raw() -> Self {
        NoteColumn {
            raw: true,
            ..Self::default()
        }
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Rows in the sealed blocks.
    fn sealed_rows(&self) -> usize {
        self.block_rows.last().map_or(0, |&r| r as usize)
    }

    pub(super) fn push(&mut self, s: &str) {
        self.open.push_str(s);
        let end = u32::try_from(self.open.len()).expect("a block of notes under 4 GiB");
        self.ends.push(end);
        if !self.raw
            && (self.open.len() >= BLOCK_BYTES || self.len() - self.sealed_rows() >= BLOCK_ROWS)
        {
            self.seal();
        }
    }

    /// Compress the open block and start a new one.
    fn seal(&mut self) {
        let at = self.packed.len();
        let max = lz4_flex::block::get_maximum_output_size(self.open.len());
        self.packed.resize(at + max, 0);
        let n = lz4_flex::block::compress_into(self.open.as_bytes(), &mut self.packed[at..])
            .expect("LZ4 output sized by get_maximum_output_size");
        self.packed.truncate(at + n);
        self.block_ends.push(self.packed.len() as u64);
        self.block_rows.push(self.ends.len() as u64);
        self.cache.push(OnceLock::new());
        self.open.clear();
    }

    /// Append `other`'s notes after this column's, as if pushed one by one.
    pub(super) fn append(&mut self, other: &NoteColumn) {
        for i in 0..other.len() {
            self.push(other.get(i));
        }
    }

    /// The note at `i`; "" past the end.
    pub(super) fn get(&self, i: usize) -> &str {
        if i >= self.len() {
            return "";
        }
        let sealed = self.sealed_rows();
        let (text, first) = if i >= sealed {
            (&*self.open, sealed)
        } else {
            let b = self.block_rows.partition_point(|&r| r as usize <= i);
            let first = if b == 0 {
                0
            } else {
                self.block_rows[b - 1] as usize
            };
            (self.block_text(b), first)
        };
        let start = if i == first {
            0
        } else {
            self.ends[i - 1] as usize
        };
        text.get(start..self.ends[i] as usize).unwrap_or("")
    }

    /// The text of sealed block `b`, decompressed on first use.
    fn block_text(&self, b: usize) -> &str {
        self.cache[b].get_or_init(|| {
            let start = if b == 0 {
                0
            } else {
                self.block_ends[b - 1] as usize
            };
            let bytes = &self.packed[start..self.block_ends[b] as usize];
            let first = if b == 0 {
                0
            } else {
                self.block_rows[b - 1] as usize
            };
            let last = self.block_rows[b] as usize;
            let size = if last > first {
                self.ends[last - 1] as usize
            } else {
                0
            };
            lz4_flex::block::decompress(bytes, size)
                .ok()
                .and_then(|t| String::from_utf8(t).ok())
                .unwrap_or_default()
                .into_boxed_str()
        })
    }

    /// Remove every note, keeping the room (and whether the column seals).
    pub(super) fn clear(&mut self) {
        self.packed.clear();
        self.block_ends.clear();
        self.block_rows.clear();
        self.ends.clear();
        self.open.clear();
        self.cache.clear();
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.packed.shrink_to_fit();
        self.block_ends.shrink_to_fit();
        self.block_rows.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.open.shrink_to_fit();
        self.cache.shrink_to_fit();
    }

    /// Heap bytes held, the blocks decompressed so far included.
    pub(super) fn heap_bytes(&self) -> usize {
        let cached: usize = self
            .cache
            .iter()
            .filter_map(|c| c.get())
            .map(|t| t.len())
            .sum();
        self.packed.capacity()
            + 8 * (self.block_ends.capacity() + self.block_rows.capacity())
            + 4 * self.ends.capacity()
            + self.open.capacity()
            + std::mem::size_of::<OnceLock<Box<str>>>() * self.cache.capacity()
            + cached
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hostile notes: empty, Pashto and Urdu (multi-byte), a note longer than a block, and
    /// enough rows that many blocks are sealed, both by row count and by bytes.
    fn hostile() -> Vec<String> {
        let mut notes = Vec::new();
        for i in 0..5000 {
            notes.push(match i % 7 {
                0 => String::new(),
                1 => format!("د کابل په ښار کې چاودنه {i}"),
                2 => format!("کراچی میں فائرنگ سے {i} افراد ہلاک ہو گئے۔"),
                3 => "ښ".repeat(i % 300),
                4 if i % 1000 == 4 => "ی".repeat(3 * BLOCK_BYTES + 1),
                _ => format!("On 3 March 2024, row {i} near Peshawar."),
            });
        }
        notes.extend(std::iter::repeat_n(String::new(), BLOCK_ROWS + 3));
        notes.push("last".into());
        notes
    }

    fn column(notes: &[String]) -> NoteColumn {
        let mut c = NoteColumn::default();
        for n in notes {
            c.push(n);
        }
        c
    }

    #[test]
    fn hostile_notes_round_trip_across_blocks() {
        let notes = hostile();
        let c = column(&notes);
        assert!(
            c.block_rows.len() > 10,
            "blocks sealed: {}",
            c.block_rows.len()
        );
        assert_eq!(c.len(), notes.len());
        // Backwards first, so that blocks are decompressed out of order.
        for i in (0..notes.len()).rev() {
            assert_eq!(c.get(i), notes[i], "row {i}");
        }
        assert_eq!(c.get(notes.len()), "");
        let fresh = column(&notes);
        for (i, n) in notes.iter().enumerate() {
            assert_eq!(fresh.get(i), n, "row {i}");
        }
    }

    #[test]
    fn blocks_are_cut_by_rows_and_by_bytes() {
        let short = column(&vec!["x".to_string(); 3 * BLOCK_ROWS]);
        assert_eq!(short.block_rows, [1024, 2048, 3072].map(|r| r as u64));
        assert!(short.open.is_empty());
        let long = column(&vec!["é".repeat(BLOCK_BYTES / 4); 9]);
        // 4 notes of BLOCK_BYTES / 2 bytes fill a block after the second.
        assert_eq!(long.block_rows, [2, 4, 6, 8].map(|r| r as u64));
        assert_eq!(long.get(8), "é".repeat(BLOCK_BYTES / 4));
    }

    #[test]
    fn appending_raw_columns_equals_pushing_one_by_one() {
        let notes = hostile();
        let want = column(&notes);
        let mut got = NoteColumn::default();
        for part in notes.chunks(777) {
            let mut raw = NoteColumn::raw();
            for n in part {
                raw.push(n);
            }
            assert!(raw.block_rows.is_empty(), "a raw column never seals");
            got.append(&raw);
            raw.clear();
            assert_eq!(raw.len(), 0);
        }
        assert!(got == want);
        assert_eq!(got.packed, want.packed);
        let mut again = column(&notes[..10]);
        again.append(&column(&notes[10..]));
        assert!(again == want, "a sealed column appended");
        for (i, n) in notes.iter().enumerate() {
            assert_eq!(got.get(i), n, "row {i}");
        }
    }

    #[test]
    fn repetitive_notes_are_stored_compressed() {
        let notes: Vec<String> = (0..20_000)
            .map(|i| format!("On 3 March 2024, a clash near Quetta, source {}.", i % 500))
            .collect();
        let text: usize = notes.iter().map(String::len).sum();
        let mut c = column(&notes);
        c.shrink_to_fit();
        assert!(c.heap_bytes() < text / 2, "{} of {text}", c.heap_bytes());
        assert_eq!(c.get(12_345), notes[12_345]);
        assert!(
            c.heap_bytes() > c.packed.len(),
            "the decompressed block counts"
        );
    }
}
