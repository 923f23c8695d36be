//! Strings of an incident store: an interner for repeated strings (actors, types, places,
//! sources) and a packed column for unique ones (IDs, notes).

use rustc_hash::FxHashMap;

/// Interned strings: each distinct string stored once, referred to by a `u32`; 0 is "".
#[derive(Debug, Clone, PartialEq)]
pub struct Interner {
    strings: Vec<Box<str>>,
    index: FxHashMap<Box<str>, u32>,
}

impl Default for Interner {
    fn default() -> Self {
        let mut index = FxHashMap::default();
        index.insert("".into(), 0);
        Interner {
            strings: vec!["".into()],
            index,
        }
    }
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            return 0;
        }
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.into());
        self.index.insert(s.into(), id);
        id
    }

    pub fn get(&self, id: u32) -> &str {
        self.strings.get(id as usize).map_or("", |s| s)
    }

    /// Back to "" alone, keeping the tables' room.
    pub(super) fn clear(&mut self) {
        self.strings.truncate(1);
        self.index.clear();
        self.index.insert("".into(), 0);
    }

    /// ID of a string if it was interned.
    pub fn lookup(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.len() <= 1
    }

    /// All distinct strings, "" first.
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        self.strings.iter().map(|s| &**s)
    }

    pub(super) fn heap_bytes(&self) -> usize {
        let text: usize = self.strings.iter().map(|s| s.len()).sum();
        // Both copies of the text, the two tables' slots.
        2 * text + self.strings.capacity() * 16 + self.index.capacity() * 24
    }
}

/// Unique strings packed into one buffer with end offsets.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct TextColumn {
    pub(super) text: String,
    pub(super) ends: Vec<u64>,
}

impl TextColumn {
    pub(super) fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u64);
    }

    /// Append `other`'s strings after this column's.
    pub(super) fn append(&mut self, other: &TextColumn) {
        let base = self.text.len() as u64;
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|e| e + base));
    }

    pub(super) fn get(&self, i: usize) -> &str {
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        self.text.get(start..end).unwrap_or("")
    }
}
