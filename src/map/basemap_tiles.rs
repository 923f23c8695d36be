//! The built-in offline basemap as a walkers `Tiles` source: tiles rendered on a worker thread
//! from Natural Earth vectors and cached as textures. A chosen source (local tile file or
//! online server, see [`super::tiles`]) can be set over it; the built-in tiles fill in under it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use atlas_core::basemap::{BasemapData, BasemapStyle, TileImage, render_tile};
use egui::{ColorImage, Context, Rect, TextureOptions, pos2};
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

use super::tiles::{BasemapError, BasemapOptions, BasemapSource, basemap_for};
use atlas_core::tiles::BasemapSpec;

/// Deepest zoom rendered; closer views magnify these tiles.
pub const MAX_ZOOM: u8 = 13;
const TILE_SIZE: u32 = 256;

struct Request {
    id: TileId,
    dark: bool,
    px: u32,
}

/// A cached tile: which tile, dark or light, rendered at how many pixels a side.
type Key = (TileId, bool, u32);

/// Offline basemap tiles, light or dark.
pub struct BasemapTiles {
    ctx: Context,
    dark: bool,
    /// Pixels a side of the tiles rendered (256 × the export's pixel ratio).
    px: u32,
    cache: HashMap<Key, Tile>,
    requested: HashSet<Key>,
    to_worker: Sender<Request>,
    from_worker: Receiver<(Key, TileImage)>,
    /// Drawn over the built-in tiles when set.
    source: Option<Box<dyn BasemapSource>>,
}

impl BasemapTiles {
    pub fn new(ctx: Context, data: Arc<BasemapData>) -> Self {
        let (to_worker, requests) = channel::<Request>();
        let (results, from_worker) = channel();
        let repaint = ctx.clone();
        std::thread::Builder::new()
            .name("basemap-tiles".into())
            .spawn(move || {
                let (light, dark) = (BasemapStyle::light(), BasemapStyle::dark());
                while let Ok(req) = requests.recv() {
                    let style = if req.dark { &dark } else { &light };
                    let img = render_tile(&data, style, req.id.zoom, req.id.x, req.id.y, req.px);
                    if results.send(((req.id, req.dark, req.px), img)).is_err() {
                        break;
                    }
                    repaint.request_repaint();
                }
            })
            .ok();
        Self {
            ctx,
            dark: false,
            px: TILE_SIZE,
            cache: HashMap::new(),
            requested: HashSet::new(),
            to_worker,
            from_worker,
            source: None,
        }
    }

    pub fn set_dark(&mut self, dark: bool) {
        self.dark = dark;
    }

    /// Render tiles for a display of `ratio` pixels per point (exports at print resolution),
    /// so a 4K slide's basemap is as sharp as its text.
    pub fn set_pixel_ratio(&mut self, ratio: f32) {
        let px = (TILE_SIZE as f32 * ratio.clamp(0.25, 8.0)).round() as u32;
        self.px = px.clamp(64, atlas_core::basemap::MAX_TILE_SIZE);
    }

    /// Tiles asked for and not yet rendered or loaded, built-in and chosen source together
    /// (the export waits for zero).
    pub fn pending(&mut self) -> usize {
        self.receive();
        self.requested.len() + self.source.as_mut().map_or(0, |s| s.pending())
    }

    /// Draw `source` over the built-in tiles (`None`: the built-in basemap alone).
    pub fn set_source(&mut self, source: Option<Box<dyn BasemapSource>>) {
        self.source = source;
    }

    /// Use the basemap `spec` names: the built-in one (light or dark), or a source built by
    /// [`basemap_for`] over it. On error nothing changes and the message names the file or
    /// says what is wrong with the URL.
    pub fn set_spec(
        &mut self,
        spec: &BasemapSpec,
        options: &BasemapOptions,
    ) -> Result<(), BasemapError> {
        let source = basemap_for(spec, &self.ctx, options)?;
        if let BasemapSpec::Builtin { dark } = spec {
            self.dark = *dark;
        }
        self.source = source;
        Ok(())
    }

    /// The chosen source over the built-in tiles, if any.
    pub fn source(&self) -> Option<&dyn BasemapSource> {
        self.source.as_deref()
    }

    pub fn source_mut(&mut self) -> Option<&mut (dyn BasemapSource + 'static)> {
        self.source.as_deref_mut()
    }

    /// The chosen source's state for the status bar (online, last error, tiles failed).
    pub fn source_status(&mut self) -> Option<super::tiles::SourceStatus> {
        self.source.as_deref_mut().map(|s| s.status())
    }

    /// Credit of the chosen source (the built-in basemap's is a layer attribution).
    pub fn source_credit(&self) -> Option<&str> {
        self.source.as_deref().map(|s| s.credit())
    }

    /// A walkers layer drawing the built-in tiles and the chosen source over them.
    pub fn layer(&mut self) -> BasemapLayer<'_> {
        BasemapLayer(self)
    }

    fn receive(&mut self) {
        while let Ok((key, img)) = self.from_worker.try_recv() {
            let (id, dark, px) = key;
            let size = [img.size as usize, img.size as usize];
            let image = ColorImage::from_rgba_unmultiplied(size, &img.rgba);
            let name = format!("basemap-{}-{}-{}-{}-{px}", id.zoom, id.x, id.y, dark);
            let texture = self.ctx.load_texture(name, image, TextureOptions::LINEAR);
            self.requested.remove(&key);
            self.cache.insert(key, Tile::Raster(texture));
        }
    }

    fn request(&mut self, id: TileId) {
        self.evict_if_full(id.zoom);
        let key = (id, self.dark, self.px);
        if !self.cache.contains_key(&key) && self.requested.insert(key) {
            let _ = self.to_worker.send(Request {
                id,
                dark: self.dark,
                px: self.px,
            });
        }
    }
}

/// Cached textures kept before far-away zoom levels are dropped (256 KiB each at 256 px).
const MAX_CACHED: usize = 400;

impl BasemapTiles {
    /// Bound memory on long sessions: drop tiles of the other style and of zoom levels more
    /// than one away from the one being drawn.
    fn evict_if_full(&mut self, zoom: u8) {
        if self.cache.len() < MAX_CACHED {
            return;
        }
        let (dark, px) = (self.dark, self.px);
        self.cache
            .retain(|(id, d, p), _| *d == dark && *p == px && id.zoom.abs_diff(zoom) <= 1);
    }
}

/// The ancestor of `id` at `zoom` and the part of it covering `id`.
fn ancestor(id: TileId, zoom: u8) -> (TileId, Rect) {
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

impl Tiles for BasemapTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.receive();
        let n = 1u32 << tile_id.zoom;
        if tile_id.x >= n || tile_id.y >= n {
            return None;
        }
        let wanted = if tile_id.zoom > MAX_ZOOM {
            ancestor(tile_id, MAX_ZOOM).0
        } else {
            tile_id
        };
        self.request(wanted);
        // Best available: the tile itself, else the nearest cached ancestor, magnified.
        (0..=tile_id.zoom.min(MAX_ZOOM)).rev().find_map(|z| {
            let (id, uv) = ancestor(tile_id, z);
            self.cache
                .get(&(id, self.dark, self.px))
                .map(|t| TilePiece::new(t.clone(), uv))
        })
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "Made with Natural Earth",
            url: "https://www.naturalearthdata.com",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        TILE_SIZE
    }
}

/// The built-in tiles, then the chosen source on top (see [`BasemapTiles::layer`]).
pub struct BasemapLayer<'a>(&'a mut BasemapTiles);

impl walkers::Layer for BasemapLayer<'_> {
    fn draw(&mut self, canvas: &mut walkers::Canvas, projector: &walkers::Projector) {
        use walkers::Layer;
        let tiles: &mut BasemapTiles = self.0;
        Layer::draw(&mut &mut *tiles, canvas, projector);
        if let Some(source) = tiles.source.as_deref_mut() {
            Layer::draw(&mut &mut *source, canvas, projector);
        }
    }
}
