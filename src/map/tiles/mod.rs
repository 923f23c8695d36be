//! Chosen basemap sources as walkers tiles, drawn over the built-in basemap (which fills in
//! outside a file's bounds, where tiles are missing, and under a failed download): local
//! MBTiles / PMTiles files read on a worker ([`LocalTiles`]) and online XYZ servers through
//! walkers' `HttpTiles` with its disk cache ([`OnlineTiles`]).
//!
//! [`basemap_for`] builds the source of a [`BasemapSpec`]; `BasemapTiles::set_spec` does that
//! and puts it over the built-in basemap. Nothing here opens a socket unless the spec is
//! [`BasemapSpec::Xyz`].

mod cache;
mod decode;
mod fetch_log;
mod local;
mod online;
mod tls;

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use atlas_core::tiles::{BasemapSpec, SpecError, TileFileError, open_basemap_file};
use egui::{Rect, pos2};
use walkers::{TileId, Tiles};

pub use cache::{DEFAULT_CACHE_LIMIT, TileCache};
pub use decode::decode;
pub use fetch_log::init_logging;
pub use local::LocalTiles;
pub use online::OnlineTiles;

/// Where a chosen source stands: for the status bar and the ONLINE badge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceStatus {
    /// Tiles come from a server (show the ONLINE badge).
    pub online: bool,
    /// Tiles asked for and not yet in (or failed).
    pub pending: usize,
    pub loaded: usize,
    /// Tiles that failed to load (the built-in basemap shows there).
    pub failed: usize,
    /// The latest failure, readable as it is ("Tiles from host: …", or naming the file).
    pub last_error: Option<String>,
}

/// A basemap source drawn over the built-in basemap.
pub trait BasemapSource: Tiles + Send {
    /// The spec it was built from.
    fn spec(&self) -> &BasemapSpec;
    /// Credit line for the map and every export (from the file's metadata, the preset or the
    /// user's text).
    fn credit(&self) -> &str;
    /// Tiles asked for that have neither arrived nor failed (exports wait for zero).
    fn pending(&mut self) -> usize;
    /// Current state, after taking in what the workers delivered.
    fn status(&mut self) -> SourceStatus;
}

/// Why a basemap could not be built. The built-in basemap stays in every case.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BasemapError {
    #[error(transparent)]
    Spec(#[from] SpecError),
    #[error(transparent)]
    File(#[from] TileFileError),
    #[error("online tiles: {0}")]
    Online(String),
}

/// How online sources are set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasemapOptions {
    /// Disk cache for online tiles; `None` keeps them in memory only.
    pub cache: Option<TileCache>,
    /// Sent to tile servers (their policies ask for one that names the application).
    pub user_agent: String,
}

impl Default for BasemapOptions {
    /// The platform cache dir, size-limited, and this application's name and version.
    fn default() -> Self {
        Self {
            cache: TileCache::platform_default(),
            user_agent: concat!(
                "frontier-atlas/",
                env!("CARGO_PKG_VERSION"),
                " (offline map; online basemap chosen by the user)"
            )
            .into(),
        }
    }
}

/// The source for `spec`, or `None` for the built-in basemap. Local files are opened and
/// checked here (a bad file is an error naming it); online sources trim their disk cache to
/// its limit and send no request until a tile is drawn.
pub fn basemap_for(
    spec: &BasemapSpec,
    ctx: &egui::Context,
    options: &BasemapOptions,
) -> Result<Option<Box<dyn BasemapSource>>, BasemapError> {
    spec.validate()?;
    match spec {
        BasemapSpec::Builtin { .. } => Ok(None),
        BasemapSpec::Mbtiles { path } | BasemapSpec::Pmtiles { path } => {
            let reader = open_basemap_file(path, atlas_core::REGION_BBOX)?;
            Ok(Some(Box::new(LocalTiles::new(
                ctx.clone(),
                spec.clone(),
                reader,
            ))))
        }
        BasemapSpec::Xyz { .. } => {
            let http = http_options(options)?;
            Ok(Some(Box::new(OnlineTiles::new(
                ctx.clone(),
                spec.clone(),
                http,
            )?)))
        }
    }
}

fn http_options(options: &BasemapOptions) -> Result<walkers::HttpOptions, BasemapError> {
    if let Some(cache) = &options.cache {
        std::fs::create_dir_all(&cache.dir).map_err(|e| {
            BasemapError::Online(format!("tile cache {}: {e}", cache.dir.display()))
        })?;
        if let Err(e) = cache.trim() {
            log::warn!("{e}");
        }
    }
    let user_agent = walkers::HeaderValue::from_str(&options.user_agent)
        .map_err(|e| BasemapError::Online(format!("user agent: {e}")))?;
    Ok(walkers::HttpOptions {
        cache: options.cache.as_ref().map(|c| c.dir.clone()),
        user_agent: Some(user_agent),
        tls: Some(tls::client_config().map_err(BasemapError::Online)?),
        ..Default::default()
    })
}

/// The ancestor of `id` at `zoom` and the part of it covering `id`.
pub(crate) fn ancestor(id: TileId, zoom: u8) -> (TileId, Rect) {
    let d = 1u32 << (id.zoom - zoom);
    let parent = TileId {
        x: id.x / d,
        y: id.y / d,
        zoom,
    };
    let s = 1.0 / d as f32;
    let (u, v) = ((id.x % d) as f32 * s, (id.y % d) as f32 * s);
    (parent, Rect::from_min_max(pos2(u, v), pos2(u + s, v + s)))
}

/// walkers wants `&'static str` credits: keep each distinct text once.
pub(crate) fn static_text(s: String) -> &'static str {
    static TEXTS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set = match TEXTS.get_or_init(Default::default).lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if let Some(t) = set.get(s.as_str()) {
        return t;
    }
    let t: &'static str = Box::leak(s.into_boxed_str());
    set.insert(t);
    t
}
