//! Which basemap to draw: the built-in one, a local tile file, or an online XYZ server.
//!
//! [`BasemapSpec`] is what a project stores (serde, tagged by `kind`) and what the command
//! line's `--basemap SPEC` parses ([`FromStr`]): `builtin`, `builtin-dark`, a path to a
//! `.mbtiles` or `.pmtiles` file, a preset name (`osm`, `opentopomap`) or an
//! `http(s)://…{z}…{x}…{y}…` URL template.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Deepest zoom asked of an XYZ server when nothing else is said.
pub const DEFAULT_MAX_ZOOM: u8 = 19;

/// The basemap under the map's layers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BasemapSpec {
    /// The offline basemap rendered from the bundled Natural Earth data.
    Builtin {
        #[serde(default)]
        dark: bool,
    },
    /// A local MBTiles file (raster PNG, JPEG or WebP tiles).
    Mbtiles { path: PathBuf },
    /// A local PMTiles v3 file (raster PNG, JPEG or WebP tiles).
    Pmtiles { path: PathBuf },
    /// An online XYZ tile server: `url` has `{z}`, `{x}` and `{y}` placeholders.
    Xyz {
        url: String,
        #[serde(default)]
        attribution: String,
        #[serde(default = "default_max_zoom")]
        max_zoom: u8,
    },
}

fn default_max_zoom() -> u8 {
    DEFAULT_MAX_ZOOM
}

impl Default for BasemapSpec {
    fn default() -> Self {
        BasemapSpec::Builtin { dark: false }
    }
}

/// An online tile server offered by name, with the credit its licence asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XyzPreset {
    /// Short name accepted as a SPEC (`osm`, `opentopomap`).
    pub id: &'static str,
    /// Name shown in the chooser.
    pub name: &'static str,
    pub url: &'static str,
    pub attribution: &'static str,
    pub max_zoom: u8,
}

/// OpenStreetMap's standard tile layer (<https://operations.osmfoundation.org/policies/tiles/>).
pub const OSM_STANDARD: XyzPreset = XyzPreset {
    id: "osm",
    name: "OpenStreetMap (standard)",
    url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    attribution: "© OpenStreetMap contributors",
    max_zoom: 19,
};

/// OpenTopoMap (<https://opentopomap.org/about>): topography from SRTM, CC-BY-SA.
pub const OPEN_TOPO_MAP: XyzPreset = XyzPreset {
    id: "opentopomap",
    name: "OpenTopoMap",
    url: "https://a.tile.opentopomap.org/{z}/{x}/{y}.png",
    attribution: "Map data: © OpenStreetMap contributors, SRTM | Map style: © OpenTopoMap (CC-BY-SA)",
    max_zoom: 17,
};

/// The online presets, in the order a chooser lists them.
pub const XYZ_PRESETS: [XyzPreset; 2] = [OSM_STANDARD, OPEN_TOPO_MAP];

impl XyzPreset {
    pub fn spec(&self) -> BasemapSpec {
        BasemapSpec::Xyz {
            url: self.url.to_owned(),
            attribution: self.attribution.to_owned(),
            max_zoom: self.max_zoom,
        }
    }
}

/// Why a SPEC or an XYZ template was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error(
        "empty basemap SPEC: give builtin, builtin-dark, osm, opentopomap, a .mbtiles or .pmtiles file, or an http(s) URL template with {{z}}, {{x}} and {{y}}"
    )]
    Empty,
    #[error(
        "tile URL template `{url}` lacks {missing}: it needs {{z}}, {{x}} and {{y}}, as in https://tile.example.org/{{z}}/{{x}}/{{y}}.png"
    )]
    MissingPlaceholders { url: String, missing: String },
    #[error("tile URL `{0}` must start with http:// or https://")]
    NotHttp(String),
    #[error("maximum zoom {0} is out of range 0 to 24")]
    MaxZoom(u8),
    #[error(
        "`{0}` is not a basemap: give builtin, builtin-dark, osm, opentopomap, a .mbtiles or .pmtiles file, or an http(s) URL template with {{z}}, {{x}} and {{y}}"
    )]
    Unknown(String),
}

/// Check an XYZ URL template: http(s) and all of `{z}`, `{x}`, `{y}`.
pub fn check_template(url: &str) -> Result<(), SpecError> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(SpecError::NotHttp(url.to_owned()));
    }
    let missing: Vec<&str> = ["{z}", "{x}", "{y}"]
        .into_iter()
        .filter(|p| !url.contains(p))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(SpecError::MissingPlaceholders {
            url: url.to_owned(),
            missing: missing.join(", "),
        })
    }
}

/// The tile URL for one tile of an XYZ template.
pub fn tile_url(template: &str, z: u8, x: u32, y: u32) -> String {
    template
        .replace("{z}", &z.to_string())
        .replace("{x}", &x.to_string())
        .replace("{y}", &y.to_string())
}

/// The host of an http(s) URL (`tile.example.org:8080`), for credits and messages.
pub fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

impl BasemapSpec {
    /// True when drawing it sends requests to a tile server.
    pub fn is_online(&self) -> bool {
        matches!(self, BasemapSpec::Xyz { .. })
    }

    /// An XYZ source with `url`: the preset's credit and zoom when it is a preset's URL,
    /// otherwise "Tiles: host" and [`DEFAULT_MAX_ZOOM`].
    pub fn xyz(url: &str) -> Result<Self, SpecError> {
        check_template(url)?;
        if let Some(p) = XYZ_PRESETS.iter().find(|p| p.url == url) {
            return Ok(p.spec());
        }
        Ok(BasemapSpec::Xyz {
            url: url.to_owned(),
            attribution: format!("Tiles: {}", url_host(url)),
            max_zoom: DEFAULT_MAX_ZOOM,
        })
    }

    /// Refuse a spec that cannot work (for specs read from a project file).
    pub fn validate(&self) -> Result<(), SpecError> {
        match self {
            BasemapSpec::Xyz { url, max_zoom, .. } => {
                check_template(url)?;
                if *max_zoom > 24 {
                    return Err(SpecError::MaxZoom(*max_zoom));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Credit to show for this source before it is opened (local files carry their own in
    /// their metadata; see the readers).
    pub fn attribution(&self) -> Option<&str> {
        match self {
            BasemapSpec::Builtin { .. } => Some("Made with Natural Earth"),
            BasemapSpec::Xyz { attribution, .. } => Some(attribution.as_str()),
            _ => None,
        }
    }
}

impl FromStr for BasemapSpec {
    type Err = SpecError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let lower = s.to_ascii_lowercase();
        if s.is_empty() {
            return Err(SpecError::Empty);
        }
        match lower.as_str() {
            "builtin" | "builtin-light" => return Ok(BasemapSpec::Builtin { dark: false }),
            "builtin-dark" => return Ok(BasemapSpec::Builtin { dark: true }),
            _ => {}
        }
        if let Some(p) = XYZ_PRESETS.iter().find(|p| p.id == lower) {
            return Ok(p.spec());
        }
        if lower.contains("://") {
            return BasemapSpec::xyz(s);
        }
        let path = PathBuf::from(s);
        match path.extension().map(|e| e.to_ascii_lowercase()) {
            Some(e) if e == "mbtiles" => Ok(BasemapSpec::Mbtiles { path }),
            Some(e) if e == "pmtiles" => Ok(BasemapSpec::Pmtiles { path }),
            _ => Err(SpecError::Unknown(s.to_owned())),
        }
    }
}

/// The SPEC text that parses back to the same source (an XYZ source's own credit and zoom
/// are not part of the text).
impl fmt::Display for BasemapSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BasemapSpec::Builtin { dark: false } => f.write_str("builtin"),
            BasemapSpec::Builtin { dark: true } => f.write_str("builtin-dark"),
            BasemapSpec::Mbtiles { path } | BasemapSpec::Pmtiles { path } => {
                write!(f, "{}", path.display())
            }
            BasemapSpec::Xyz { url, .. } => f.write_str(url),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_spec() {
        assert_eq!(
            "builtin".parse::<BasemapSpec>(),
            Ok(BasemapSpec::Builtin { dark: false })
        );
        assert_eq!(
            " Builtin-Dark ".parse::<BasemapSpec>(),
            Ok(BasemapSpec::Builtin { dark: true })
        );
        assert_eq!(
            "maps/kabul.MBTiles".parse::<BasemapSpec>(),
            Ok(BasemapSpec::Mbtiles {
                path: "maps/kabul.MBTiles".into()
            })
        );
        assert_eq!(
            "/data/af.pmtiles".parse::<BasemapSpec>(),
            Ok(BasemapSpec::Pmtiles {
                path: "/data/af.pmtiles".into()
            })
        );
        assert_eq!(
            "https://t.example.org/{z}/{x}/{y}.png".parse::<BasemapSpec>(),
            Ok(BasemapSpec::Xyz {
                url: "https://t.example.org/{z}/{x}/{y}.png".into(),
                attribution: "Tiles: t.example.org".into(),
                max_zoom: 19,
            })
        );
        assert_eq!("osm".parse::<BasemapSpec>(), Ok(OSM_STANDARD.spec()));
        assert_eq!(
            OPEN_TOPO_MAP.url.parse::<BasemapSpec>(),
            Ok(OPEN_TOPO_MAP.spec())
        );
    }

    #[test]
    fn a_template_without_placeholders_is_refused_with_the_reason() {
        let e = "https://t.example.org/{z}/tile.png"
            .parse::<BasemapSpec>()
            .unwrap_err();
        assert_eq!(
            e,
            SpecError::MissingPlaceholders {
                url: "https://t.example.org/{z}/tile.png".into(),
                missing: "{x}, {y}".into()
            }
        );
        assert!(e.to_string().contains("lacks {x}, {y}"), "{e}");
        assert_eq!(
            "ftp://t.example.org/{z}/{x}/{y}".parse::<BasemapSpec>(),
            Err(SpecError::NotHttp("ftp://t.example.org/{z}/{x}/{y}".into()))
        );
        let e = "map.tif".parse::<BasemapSpec>().unwrap_err();
        assert!(e.to_string().contains("`map.tif` is not a basemap"), "{e}");
        assert_eq!("".parse::<BasemapSpec>(), Err(SpecError::Empty));
    }

    #[test]
    fn serde_is_tagged_by_kind() {
        let spec = BasemapSpec::Pmtiles {
            path: "a.pmtiles".into(),
        };
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(json, r#"{"kind":"pmtiles","path":"a.pmtiles"}"#);
        let back: BasemapSpec =
            serde_json::from_str(r#"{"kind":"xyz","url":"http://h/{z}/{x}/{y}"}"#).unwrap();
        assert_eq!(
            back,
            BasemapSpec::Xyz {
                url: "http://h/{z}/{x}/{y}".into(),
                attribution: String::new(),
                max_zoom: 19
            }
        );
        let b: BasemapSpec = serde_json::from_str(r#"{"kind":"builtin"}"#).unwrap();
        assert_eq!(b, BasemapSpec::default());
        let bad = BasemapSpec::Xyz {
            url: "http://h/{z}".into(),
            attribution: String::new(),
            max_zoom: 30,
        };
        assert!(bad.validate().is_err());
    }

    #[test]
    fn display_round_trips_and_urls_fill_in() {
        for s in [
            "builtin",
            "builtin-dark",
            "x.mbtiles",
            "y.pmtiles",
            OSM_STANDARD.url,
        ] {
            let spec: BasemapSpec = s.parse().unwrap();
            assert_eq!(spec.to_string(), s);
        }
        assert_eq!(
            tile_url("http://127.0.0.1:8080/{z}/{x}/{y}.png", 7, 88, 52),
            "http://127.0.0.1:8080/7/88/52.png"
        );
        assert_eq!(
            url_host("http://127.0.0.1:8080/{z}/{x}/{y}"),
            "127.0.0.1:8080"
        );
        assert!(OSM_STANDARD.spec().is_online());
        assert!(!BasemapSpec::default().is_online());
    }
}
