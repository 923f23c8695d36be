//! PMTiles v3 directories: varint-encoded entries keyed by Hilbert tile IDs.

/// One directory entry: a run of tiles, or (run length 0) a leaf directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub tile_id: u64,
    pub offset: u64,
    pub length: u32,
    pub run_length: u32,
}

/// Entries sorted by tile ID.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    pub entries: Vec<Entry>,
}

/// The PMTiles tile ID of z/x/y: tiles of lower zooms first, then the Hilbert index.
pub fn tile_id(z: u8, x: u32, y: u32) -> u64 {
    let base = ((1u64 << (2 * u32::from(z))) - 1) / 3;
    let n = 1u64 << z;
    let (mut x, mut y) = (u64::from(x), u64::from(y));
    let mut d = 0u64;
    let mut s = n / 2;
    while s > 0 {
        let rx = u64::from(x & s > 0);
        let ry = u64::from(y & s > 0);
        d += s * s * ((3 * rx) ^ ry);
        if ry == 0 {
            if rx == 1 {
                x = n - 1 - x;
                y = n - 1 - y;
            }
            std::mem::swap(&mut x, &mut y);
        }
        s /= 2;
    }
    base + d
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self
                .bytes
                .get(self.at)
                .ok_or("directory ends inside a number")?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("directory number longer than 10 bytes".into())
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.varint()?).map_err(|_| "directory value over 32 bits".to_string())
    }
}

impl Directory {
    /// Decode a (decompressed) directory. Counts are checked against the data's length so a
    /// corrupt count cannot make a huge allocation.
    pub fn parse(bytes: &[u8]) -> Result<Self, String> {
        let mut c = Cursor { bytes, at: 0 };
        let n = c.varint()?;
        // Each entry takes at least four bytes (one per column).
        if n > (bytes.len() as u64) / 4 + 1 {
            return Err(format!(
                "directory claims {n} entries in {} bytes",
                bytes.len()
            ));
        }
        let n = n as usize;
        let mut entries = vec![
            Entry {
                tile_id: 0,
                offset: 0,
                length: 0,
                run_length: 0
            };
            n
        ];
        let mut last = 0u64;
        for e in entries.iter_mut() {
            last = last
                .checked_add(c.varint()?)
                .ok_or("tile ID overflows 64 bits")?;
            e.tile_id = last;
        }
        for e in entries.iter_mut() {
            e.run_length = c.u32()?;
        }
        for e in entries.iter_mut() {
            e.length = c.u32()?;
        }
        let mut prev: Option<Entry> = None;
        for e in entries.iter_mut() {
            let v = c.varint()?;
            e.offset = if v == 0 {
                let p = prev.ok_or("first offset is 0")?;
                p.offset.saturating_add(u64::from(p.length))
            } else {
                v - 1
            };
            prev = Some(*e);
        }
        Ok(Directory { entries })
    }

    /// The entry covering `id`: an exact tile run, or the leaf directory it falls in.
    pub fn find(&self, id: u64) -> Option<Entry> {
        let i = match self.entries.binary_search_by_key(&id, |e| e.tile_id) {
            Ok(i) => i,
            Err(0) => return None,
            Err(i) => i - 1,
        };
        let e = self.entries[i];
        if e.run_length == 0 || id - e.tile_id < u64::from(e.run_length) {
            Some(e)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_ids_follow_the_spec_examples() {
        // From the PMTiles v3 spec and its reference implementations.
        assert_eq!(tile_id(0, 0, 0), 0);
        assert_eq!(tile_id(1, 0, 0), 1);
        assert_eq!(tile_id(1, 0, 1), 2);
        assert_eq!(tile_id(1, 1, 1), 3);
        assert_eq!(tile_id(1, 1, 0), 4);
        assert_eq!(tile_id(2, 0, 0), 5);
        assert_eq!(tile_id(12, 3423, 1763), 19078479);
    }

    #[test]
    fn directories_decode_and_find() {
        // 3 entries: ids 0, 1 (+1), 5 (+4); run lengths 1, 1, 0 (leaf); lengths 10, 20, 30;
        // offsets 0 (+1 → 1), contiguous (0), 100 (+1 → 101).
        let bytes = [3, 0, 1, 4, 1, 1, 0, 10, 20, 30, 1, 0, 101];
        let d = Directory::parse(&bytes).unwrap();
        assert_eq!(d.entries[1].offset, 10);
        assert_eq!(d.entries[2].offset, 100);
        assert_eq!(d.find(1).map(|e| e.length), Some(20));
        assert_eq!(d.find(3), None);
        assert_eq!(d.find(99).map(|e| e.run_length), Some(0));
        assert!(Directory::parse(&[0xff, 0xff, 0xff, 0x7f]).is_err());
        assert!(Directory::parse(&[2, 0]).is_err());
    }
}
