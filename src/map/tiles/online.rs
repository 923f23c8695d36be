//! An online XYZ tile server through walkers' `HttpTiles` (downloads on its own thread, HTTP
//! disk cache), with what walkers does not report: which tiles are still awaited and why a
//! download failed.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use atlas_core::tiles::{BasemapSpec, tile_url, url_host};
use egui::Context;
use walkers::sources::{Attribution, TileSource};
use walkers::{HttpOptions, HttpTiles, TileId, TilePiece, Tiles};

use super::fetch_log::{self, ErrorSink};
use super::{BasemapError, BasemapSource, SourceStatus, ancestor, static_text};

/// A tile awaited this long with no download running has failed (a reason walkers did not
/// log, or one that named no URL).
const GIVE_UP: Duration = Duration::from_secs(5);

/// A URL template as a walkers tile source.
struct Xyz {
    template: String,
    credit: &'static str,
    max_zoom: u8,
}

impl TileSource for Xyz {
    fn tile_url(&self, id: TileId) -> String {
        tile_url(&self.template, id.zoom, id.x, id.y)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: self.credit,
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn max_zoom(&self) -> u8 {
        self.max_zoom
    }
}

struct Waiting {
    since: Instant,
    /// Pass of the frame that last drew it: tiles scrolled out of view stop counting.
    pass: u64,
}

/// Tiles from an XYZ server.
pub struct OnlineTiles {
    ctx: Context,
    inner: HttpTiles,
    spec: BasemapSpec,
    template: String,
    host: String,
    credit: &'static str,
    max_zoom: u8,
    errors: Arc<ErrorSink>,
    waiting: HashMap<TileId, Waiting>,
    failed: HashSet<TileId>,
    loaded: usize,
    last_error: Option<String>,
}

impl OnlineTiles {
    /// `spec` must be [`BasemapSpec::Xyz`]; `options` carry the disk cache and TLS set-up.
    pub fn new(
        ctx: Context,
        spec: BasemapSpec,
        options: HttpOptions,
    ) -> Result<Self, BasemapError> {
        let BasemapSpec::Xyz {
            url,
            attribution,
            max_zoom,
        } = &spec
        else {
            return Err(BasemapError::Online("not an XYZ source".into()));
        };
        let credit = if attribution.trim().is_empty() {
            format!("Tiles: {}", url_host(url))
        } else {
            attribution.clone()
        };
        let credit = static_text(credit);
        let source = Xyz {
            template: url.clone(),
            credit,
            max_zoom: *max_zoom,
        };
        let errors = fetch_log::register(url);
        // walkers panics if its HTTP client cannot be built: report that instead.
        let c = ctx.clone();
        let inner = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            HttpTiles::with_options(source, options, c)
        }))
        .map_err(|_| BasemapError::Online("the HTTP client could not be set up".into()))?;
        Ok(Self {
            ctx,
            inner,
            template: url.clone(),
            host: url_host(url).to_owned(),
            max_zoom: *max_zoom,
            spec,
            credit,
            errors,
            waiting: HashMap::new(),
            failed: HashSet::new(),
            loaded: 0,
            last_error: None,
        })
    }

    /// Mark tiles whose download failed, from walkers' warnings and from silence.
    fn settle(&mut self) {
        for e in self.errors.drain() {
            if let Some(url) = &e.url {
                let hit = self
                    .waiting
                    .keys()
                    .copied()
                    .find(|id| tile_url(&self.template, id.zoom, id.x, id.y) == *url);
                if let Some(id) = hit {
                    self.waiting.remove(&id);
                    self.failed.insert(id);
                }
            }
            self.last_error = Some(format!("Tiles from {}: {}", self.host, e.message));
        }
        let pass = self.ctx.cumulative_pass_nr();
        self.waiting.retain(|_, w| pass.saturating_sub(w.pass) <= 2);
        if self.inner.stats().in_progress == 0 {
            let stale: Vec<TileId> = self
                .waiting
                .iter()
                .filter(|(_, w)| w.since.elapsed() > GIVE_UP)
                .map(|(id, _)| *id)
                .collect();
            if !stale.is_empty() && self.last_error.is_none() {
                self.last_error = Some(format!(
                    "Tiles from {}: {} tiles did not load",
                    self.host,
                    stale.len()
                ));
            }
            for id in stale {
                self.waiting.remove(&id);
                self.failed.insert(id);
            }
        }
    }
}

impl Tiles for OnlineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.inner.at(tile_id);
        let wanted = if tile_id.zoom > self.max_zoom {
            ancestor(tile_id, self.max_zoom).0
        } else {
            tile_id
        };
        if self.failed.contains(&wanted) {
            return piece;
        }
        let full = 1.0 / f32::from(1u16 << (tile_id.zoom - wanted.zoom).min(15));
        let exact = piece
            .as_ref()
            .is_some_and(|p| (p.uv.width() - full).abs() < 1e-6);
        let pass = self.ctx.cumulative_pass_nr();
        if exact {
            if self.waiting.remove(&wanted).is_some() {
                self.loaded += 1;
            }
        } else {
            self.waiting
                .entry(wanted)
                .or_insert(Waiting {
                    since: Instant::now(),
                    pass,
                })
                .pass = pass;
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn stats(&self) -> walkers::Stats {
        self.inner.stats()
    }
}

impl BasemapSource for OnlineTiles {
    fn spec(&self) -> &BasemapSpec {
        &self.spec
    }

    fn credit(&self) -> &str {
        self.credit
    }

    fn pending(&mut self) -> usize {
        self.settle();
        self.waiting.len()
    }

    fn status(&mut self) -> SourceStatus {
        self.settle();
        SourceStatus {
            online: true,
            pending: self.waiting.len(),
            loaded: self.loaded,
            failed: self.failed.len(),
            last_error: self.last_error.clone(),
        }
    }
}
