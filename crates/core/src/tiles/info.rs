//! What a tile file says about itself (name, credit, bounds, zooms, format) and why opening or
//! reading one failed (every error names the file).

use std::fmt;
use std::path::{Path, PathBuf};

/// Encoding of a tile set's tiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TileFormat {
    Png,
    Jpeg,
    Webp,
    /// Mapbox vector tiles (`pbf`/`mvt`): not drawable without a style (see the readers).
    Vector,
    Other(String),
}

impl TileFormat {
    /// From an MBTiles `format` value (`png`, `jpg`, `webp`, `pbf`, ...).
    pub fn from_name(name: &str) -> Self {
        match name.trim().to_ascii_lowercase().as_str() {
            "png" => TileFormat::Png,
            "jpg" | "jpeg" => TileFormat::Jpeg,
            "webp" => TileFormat::Webp,
            "pbf" | "mvt" => TileFormat::Vector,
            other => TileFormat::Other(other.to_owned()),
        }
    }

    /// From the first bytes of a tile.
    pub fn sniff(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            TileFormat::Png
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            TileFormat::Jpeg
        } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            TileFormat::Webp
        } else if bytes.starts_with(&[0x1f, 0x8b]) {
            // Gzipped data in a tile file is a vector tile.
            TileFormat::Vector
        } else {
            TileFormat::Other("unrecognised bytes".into())
        }
    }

    pub fn is_raster(&self) -> bool {
        matches!(self, TileFormat::Png | TileFormat::Jpeg | TileFormat::Webp)
    }
}

impl fmt::Display for TileFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TileFormat::Png => f.write_str("PNG"),
            TileFormat::Jpeg => f.write_str("JPEG"),
            TileFormat::Webp => f.write_str("WebP"),
            TileFormat::Vector => f.write_str("vector (MVT)"),
            TileFormat::Other(s) => write!(f, "`{s}`"),
        }
    }
}

/// A tile set's description, from its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct TileSetInfo {
    pub name: Option<String>,
    /// Credit to show wherever the tiles are drawn.
    pub attribution: Option<String>,
    /// West, south, east, north in degrees.
    pub bounds: Option<[f64; 4]>,
    pub min_zoom: u8,
    pub max_zoom: u8,
    pub format: TileFormat,
}

impl TileSetInfo {
    /// True when the tile set's bounds (if known) overlap `bbox` (west, south, east, north).
    pub fn overlaps(&self, bbox: [f64; 4]) -> bool {
        self.bounds.is_none_or(|b| {
            b[0] <= bbox[2] && bbox[0] <= b[2] && b[1] <= bbox[3] && bbox[1] <= b[3]
        })
    }

    /// The credit line: the file's attribution, else its name, else the file name.
    pub fn credit(&self, path: &Path) -> String {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |f| f.to_string_lossy().into(),
        );
        match (&self.attribution, &self.name) {
            (Some(a), _) if !a.trim().is_empty() => strip_tags(a),
            (_, Some(n)) if !n.trim().is_empty() => format!("Basemap: {n} ({file})"),
            _ => format!("Basemap: {file}"),
        }
    }
}

/// Attribution in tile metadata is often HTML (`<a href=…>© OpenStreetMap</a>`): keep the text.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&copy;", "©")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What went wrong with a tile file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TileFileProblem {
    #[error("cannot open: {0}")]
    Open(String),
    #[error("not an MBTiles file ({0})")]
    NotMbtiles(String),
    #[error("not a PMTiles v3 file ({0})")]
    NotPmtiles(String),
    #[error("corrupt: {0}")]
    Corrupt(String),
    #[error(
        "its tiles are {0}; only raster PNG, JPEG and WebP tiles can be drawn (convert the file to a raster tile set)"
    )]
    Unsupported(crate::tiles::TileFormat),
    #[error("it holds no tiles")]
    NoTiles,
    #[error(
        "it has no tiles in the map's region (lon {:.1}–{:.1}, lat {:.1}–{:.1}): its bounds are lon {:.2}–{:.2}, lat {:.2}–{:.2}",
        .region[0], .region[2], .region[1], .region[3], .bounds[0], .bounds[2], .bounds[1], .bounds[3]
    )]
    OutsideRegion { bounds: [f64; 4], region: [f64; 4] },
    #[error("tile {z}/{x}/{y}: {message}")]
    Tile {
        z: u8,
        x: u32,
        y: u32,
        message: String,
    },
}

/// A tile file problem, with the file it is about.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct TileFileError {
    pub path: PathBuf,
    pub problem: TileFileProblem,
}

impl TileFileError {
    pub fn new(path: &Path, problem: TileFileProblem) -> Self {
        Self {
            path: path.to_owned(),
            problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_and_sniffed() {
        assert_eq!(TileFormat::from_name("JPG"), TileFormat::Jpeg);
        assert_eq!(TileFormat::from_name("pbf"), TileFormat::Vector);
        assert_eq!(TileFormat::sniff(b"\x89PNG\r\n\x1a\n...."), TileFormat::Png);
        assert_eq!(TileFormat::sniff(b"RIFF\0\0\0\0WEBPVP8 "), TileFormat::Webp);
        assert!(!TileFormat::sniff(b"hello").is_raster());
    }

    #[test]
    fn credit_prefers_attribution_without_html() {
        let mut info = TileSetInfo {
            name: Some("Kabul".into()),
            attribution: Some("<a href=\"https://osm.org\">&copy; OpenStreetMap</a>  x".into()),
            bounds: Some([60.0, 29.0, 75.0, 38.0]),
            min_zoom: 0,
            max_zoom: 10,
            format: TileFormat::Png,
        };
        let p = Path::new("/tmp/k.mbtiles");
        assert_eq!(info.credit(p), "© OpenStreetMap x");
        info.attribution = None;
        assert_eq!(info.credit(p), "Basemap: Kabul (k.mbtiles)");
        assert!(info.overlaps(crate::REGION_BBOX));
        info.bounds = Some([-10.0, 40.0, 2.0, 50.0]);
        assert!(!info.overlaps(crate::REGION_BBOX));
    }

    #[test]
    fn errors_name_the_file() {
        let e = TileFileError::new(Path::new("/x/a.pmtiles"), TileFileProblem::NoTiles);
        assert_eq!(e.to_string(), "/x/a.pmtiles: it holds no tiles");
    }
}
