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

    /// The basemap fetches tiles over the network.
    pub fn is_online(&self) -> bool {
        matches!(self, BasemapSpec::Xyz { .. })
    }
}
