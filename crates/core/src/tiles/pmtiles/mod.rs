//! PMTiles v3 reader (<https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md>):
//! header, gzip or uncompressed directories and metadata, raster tiles.
//!
//! A small synchronous reader rather than the `pmtiles` crate: that crate's reader is async
//! only (tokio), and on a corrupt file it can panic (unchecked offsets) or abort (a directory
//! count taken as an allocation size). Here every offset, length and count is checked against
//! the file, so a bad file is an error naming it. Tests write their fixtures with the
//! `pmtiles` crate's writer, so the two implementations check each other.

mod directory;
mod header;

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use directory::tile_id;
use directory::{Directory, Entry};
pub use header::{Compression, HEADER_LEN, Header};

use super::info::{TileFileError, TileFileProblem, TileFormat, TileSetInfo};
use super::reader::TileReader;

/// Largest directory, metadata or tile read (decompressed): a guard against corrupt sizes.
const MAX_BLOCK: u64 = 64 << 20;
/// Leaf directories kept decoded.
const LEAF_CACHE: usize = 64;
/// Leaf directories nested deeper than this are taken as a loop in a corrupt file.
const MAX_DEPTH: usize = 4;

/// An open PMTiles file.
pub struct PmTiles {
    path: PathBuf,
    file: File,
    header: Header,
    root: Directory,
    leaves: HashMap<u64, Arc<Directory>>,
    info: TileSetInfo,
}

/// Which compression applies to a block.
#[derive(Clone, Copy)]
enum Block {
    Internal,
    Tile,
}

impl PmTiles {
    /// Open `path`, check its header and read its root directory and metadata.
    pub fn open(path: &Path) -> Result<Self, TileFileError> {
        let err = |p| TileFileError::new(path, p);
        let mut file = File::open(path).map_err(|e| err(TileFileProblem::Open(e.to_string())))?;
        let len = file
            .metadata()
            .map_err(|e| err(TileFileProblem::Open(e.to_string())))?
            .len();
        let mut head = vec![0u8; HEADER_LEN.min(len as usize)];
        file.read_exact(&mut head)
            .map_err(|e| err(TileFileProblem::Open(e.to_string())))?;
        let header = Header::parse(&head, len).map_err(|e| err(TileFileProblem::NotPmtiles(e)))?;
        let info = TileSetInfo {
            name: None,
            attribution: None,
            bounds: header.known_bounds(),
            min_zoom: header.min_zoom,
            max_zoom: header.max_zoom,
            format: tile_format(header.tile_type),
        };
        let mut me = Self {
            path: path.to_owned(),
            file,
            header,
            root: Directory::default(),
            leaves: HashMap::new(),
            info,
        };
        let (off, n) = (me.header.root_offset, me.header.root_length);
        let root = me.read_block(off, n, Block::Internal)?;
        me.root =
            Directory::parse(&root).map_err(|e| me.corrupt(format!("root directory: {e}")))?;
        if me.root.entries.is_empty() {
            return Err(err(TileFileProblem::NoTiles));
        }
        if me.header.metadata_length > 0 {
            let (off, n) = (me.header.metadata_offset, me.header.metadata_length);
            let meta = me.read_block(off, n, Block::Internal)?;
            let json: serde_json::Value = serde_json::from_slice(&meta)
                .map_err(|e| me.corrupt(format!("metadata is not JSON: {e}")))?;
            let text = |k: &str| json.get(k).and_then(|v| v.as_str()).map(str::to_owned);
            me.info.name = text("name");
            me.info.attribution = text("attribution");
        }
        Ok(me)
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    fn corrupt(&self, message: String) -> TileFileError {
        TileFileError::new(&self.path, TileFileProblem::Corrupt(message))
    }

    /// Read `length` bytes at `offset` and decompress them as the header says for `block`.
    fn read_block(
        &mut self,
        offset: u64,
        length: u64,
        block: Block,
    ) -> Result<Vec<u8>, TileFileError> {
        let raw = self.read_raw(offset, length).map_err(|e| self.corrupt(e))?;
        let c = match block {
            Block::Internal => self.header.internal_compression,
            Block::Tile => self.header.tile_compression,
        };
        decompress(c, raw).map_err(|e| self.corrupt(e))
    }

    fn read_raw(&mut self, offset: u64, length: u64) -> Result<Vec<u8>, String> {
        if length > MAX_BLOCK {
            return Err(format!("block of {length} bytes at {offset}"));
        }
        let mut buf = vec![0u8; length as usize];
        self.file
            .seek(SeekFrom::Start(offset))
            .and_then(|_| self.file.read_exact(&mut buf))
            .map_err(|e| format!("reading {length} bytes at {offset}: {e}"))?;
        Ok(buf)
    }

    /// The tile run entry for `id`, following leaf directories.
    fn find(&mut self, id: u64) -> Result<Option<Entry>, TileFileError> {
        let mut entry = self.root.find(id);
        for _ in 0..MAX_DEPTH {
            match entry {
                Some(e) if e.run_length == 0 => {
                    let leaf = self.leaf(e)?;
                    entry = leaf.find(id);
                }
                other => return Ok(other),
            }
        }
        Err(self.corrupt("leaf directories nested too deep".into()))
    }

    fn leaf(&mut self, e: Entry) -> Result<Arc<Directory>, TileFileError> {
        if let Some(d) = self.leaves.get(&e.offset) {
            return Ok(d.clone());
        }
        if e.offset.saturating_add(u64::from(e.length)) > self.header.leaf_length {
            return Err(self.corrupt(format!(
                "leaf directory at {} is outside its section",
                e.offset
            )));
        }
        let bytes = self.read_block(
            self.header.leaf_offset + e.offset,
            u64::from(e.length),
            Block::Internal,
        )?;
        let d = Arc::new(
            Directory::parse(&bytes).map_err(|m| self.corrupt(format!("leaf directory: {m}")))?,
        );
        if self.leaves.len() >= LEAF_CACHE {
            self.leaves.clear();
        }
        self.leaves.insert(e.offset, d.clone());
        Ok(d)
    }
}

fn tile_format(tile_type: u8) -> TileFormat {
    match tile_type {
        1 => TileFormat::Vector,
        2 => TileFormat::Png,
        3 => TileFormat::Jpeg,
        4 => TileFormat::Webp,
        5 => TileFormat::Other("avif".into()),
        _ => TileFormat::Other("unknown".into()),
    }
}

fn decompress(c: Compression, raw: Vec<u8>) -> Result<Vec<u8>, String> {
    match c {
        Compression::None | Compression::Unknown => Ok(raw),
        Compression::Gzip => {
            let mut out = Vec::with_capacity(raw.len() * 3);
            flate2::read::GzDecoder::new(&raw[..])
                .take(MAX_BLOCK + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("bad gzip data: {e}"))?;
            if out.len() as u64 > MAX_BLOCK {
                return Err("block decompresses to over 64 MiB".into());
            }
            Ok(out)
        }
        other => Err(format!(
            "{other:?} compression is not supported (gzip or none)"
        )),
    }
}

impl TileReader for PmTiles {
    fn path(&self) -> &Path {
        &self.path
    }

    fn info(&self) -> &TileSetInfo {
        &self.info
    }

    fn tile(&mut self, z: u8, x: u32, y: u32) -> Result<Option<Vec<u8>>, TileFileError> {
        if z > 31 || u64::from(x) >= (1u64 << z) || u64::from(y) >= (1u64 << z) {
            return Ok(None);
        }
        let Some(e) = self.find(tile_id(z, x, y))? else {
            return Ok(None);
        };
        if e.offset.saturating_add(u64::from(e.length)) > self.header.data_length {
            let msg = format!("tile {z}/{x}/{y} at {} is outside the tile data", e.offset);
            return Err(self.corrupt(msg));
        }
        let off = self.header.data_offset + e.offset;
        self.read_block(off, u64::from(e.length), Block::Tile)
            .map(Some)
    }
}
