//! The fixed 127-byte PMTiles v3 header
//! (<https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md>).

/// Header length in bytes.
pub const HEADER_LEN: usize = 127;

/// Compression of directories, metadata or tiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Unknown,
    None,
    Gzip,
    Brotli,
    Zstd,
}

impl Compression {
    fn from_byte(b: u8) -> Result<Self, String> {
        Ok(match b {
            0 => Compression::Unknown,
            1 => Compression::None,
            2 => Compression::Gzip,
            3 => Compression::Brotli,
            4 => Compression::Zstd,
            n => return Err(format!("unknown compression code {n}")),
        })
    }
}

/// The header fields a reader needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub root_offset: u64,
    pub root_length: u64,
    pub metadata_offset: u64,
    pub metadata_length: u64,
    pub leaf_offset: u64,
    pub leaf_length: u64,
    pub data_offset: u64,
    pub data_length: u64,
    pub addressed_tiles: u64,
    pub internal_compression: Compression,
    pub tile_compression: Compression,
    /// 0 unknown, 1 MVT, 2 PNG, 3 JPEG, 4 WebP, 5 AVIF.
    pub tile_type: u8,
    pub min_zoom: u8,
    pub max_zoom: u8,
    /// West, south, east, north in degrees.
    pub bounds: [f64; 4],
}

impl Header {
    /// Parse and check the header; `file_len` bounds every section.
    pub fn parse(b: &[u8], file_len: u64) -> Result<Self, String> {
        if b.len() < HEADER_LEN {
            return Err(format!("{} bytes, shorter than the header", b.len()));
        }
        if &b[0..7] != b"PMTiles" {
            return Err("no PMTiles magic number".into());
        }
        if b[7] != 3 {
            return Err(format!("spec version {}, only version 3 is read", b[7]));
        }
        let u = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
        let deg = |i: usize| {
            f64::from(i32::from_le_bytes(b[i..i + 4].try_into().unwrap_or([0; 4]))) / 1e7
        };
        let h = Header {
            root_offset: u(8),
            root_length: u(16),
            metadata_offset: u(24),
            metadata_length: u(32),
            leaf_offset: u(40),
            leaf_length: u(48),
            data_offset: u(56),
            data_length: u(64),
            addressed_tiles: u(72),
            internal_compression: Compression::from_byte(b[97])?,
            tile_compression: Compression::from_byte(b[98])?,
            tile_type: b[99],
            min_zoom: b[100],
            max_zoom: b[101],
            bounds: [deg(102), deg(106), deg(110), deg(114)],
        };
        for (name, off, len) in [
            ("root directory", h.root_offset, h.root_length),
            ("metadata", h.metadata_offset, h.metadata_length),
            ("leaf directories", h.leaf_offset, h.leaf_length),
            ("tile data", h.data_offset, h.data_length),
        ] {
            if off.checked_add(len).is_none_or(|end| end > file_len) {
                return Err(format!(
                    "{name} at {off}+{len} runs past the end of the file ({file_len} bytes)"
                ));
            }
        }
        if h.min_zoom > h.max_zoom || h.max_zoom > 31 {
            return Err(format!("zoom range {}–{}", h.min_zoom, h.max_zoom));
        }
        Ok(h)
    }

    /// The bounds, unless the file left them empty.
    pub fn known_bounds(&self) -> Option<[f64; 4]> {
        let b = self.bounds;
        (b[0] < b[2] && b[1] < b[3]).then_some(b)
    }
}
