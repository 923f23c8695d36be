//! The basemap a project shows: the built-in offline one (light or dark), a local tile file, or
//! an online XYZ server (opt-in).

use serde::{Deserialize, Serialize};

use super::paths::FileRef;

/// Which basemap draws under the layers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum BasemapSpec {
    /// Rendered locally from the bundled Natural Earth vectors (offline).
    Builtin {
        #[serde(default)]
        dark: bool,
    },
    /// A local MBTiles file (raster tiles).
    Mbtiles { file: FileRef },
    /// A local PMTiles file (raster tiles).
    Pmtiles { file: FileRef },
    /// An online tile server: `url` has `{z}`, `{x}` and `{y}`. Choosing one is consent to
    /// the server learning which areas are viewed.
    Xyz {
        url: String,
        #[serde(default)]
        attribution: String,
        #[serde(default = "default_max_zoom")]
        max_zoom: u8,
    },
}

fn default_max_zoom() -> u8 {
    19
}

impl Default for BasemapSpec {
    fn default() -> Self {
        BasemapSpec::Builtin { dark: false }
    }
}

impl BasemapSpec {
    /// The built-in dark basemap is chosen.
    pub fn is_dark(&self) -> bool {
        matches!(self, BasemapSpec::Builtin { dark: true })
    }

    /// The tile reader's spec (file references resolved as they are: absolute after loading).
    pub fn to_tiles(&self) -> crate::tiles::BasemapSpec {
        use crate::tiles::BasemapSpec as T;
        let path = |f: &FileRef| {
            f.path
                .clone()
                .or_else(|| f.absolute.clone())
                .unwrap_or_default()
        };
        match self {
            BasemapSpec::Builtin { dark } => T::Builtin { dark: *dark },
            BasemapSpec::Mbtiles { file } => T::Mbtiles { path: path(file) },
            BasemapSpec::Pmtiles { file } => T::Pmtiles { path: path(file) },
            BasemapSpec::Xyz {
                url,
                attribution,
                max_zoom,
            } => T::Xyz {
                url: url.clone(),
                attribution: attribution.clone(),
                max_zoom: *max_zoom,
            },
        }
    }

    /// From a tile spec (the command line's `--basemap SPEC`).
    pub fn from_tiles(t: &crate::tiles::BasemapSpec) -> Self {
        use crate::tiles::BasemapSpec as T;
        match t {
            T::Builtin { dark } => BasemapSpec::Builtin { dark: *dark },
            T::Mbtiles { path } => BasemapSpec::Mbtiles {
                file: FileRef::path(path),
            },
            T::Pmtiles { path } => BasemapSpec::Pmtiles {
                file: FileRef::path(path),
            },
            T::Xyz {
                url,
                attribution,
                max_zoom,
            } => BasemapSpec::Xyz {
                url: url.clone(),
                attribution: attribution.clone(),
                max_zoom: *max_zoom,
            },
        }
    }

    /// The basemap fetches tiles over the network.
    pub fn is_online(&self) -> bool {
        matches!(self, BasemapSpec::Xyz { .. })
    }
}
