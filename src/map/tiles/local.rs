//! A local MBTiles / PMTiles file as walkers tiles: read and decoded on a worker thread, so no
//! frame waits on the file; tiles outside the file's bounds or zooms are never asked for.

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{Receiver, Sender, channel};

use atlas_core::basemap::lonlat_to_tile;
use atlas_core::tiles::{BasemapSpec, TileReader, TileSetInfo};
use egui::{Context, TextureOptions};
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

use super::{BasemapSource, SourceStatus, ancestor, decode, static_text};

/// Decoded textures kept before far-away zoom levels are dropped.
const MAX_CACHED: usize = 400;

type Reply = (TileId, Result<Option<Tile>, String>);

/// Tiles from a local tile file.
pub struct LocalTiles {
    spec: BasemapSpec,
    credit: &'static str,
    info: TileSetInfo,
    /// `None`: the file has no such tile (or it failed): the built-in basemap shows there.
    cache: HashMap<TileId, Option<Tile>>,
    requested: HashSet<TileId>,
    to_worker: Sender<TileId>,
    from_worker: Receiver<Reply>,
    loaded: usize,
    failed: usize,
    last_error: Option<String>,
}

impl LocalTiles {
    /// Serve `reader`'s tiles; the reader moves to a worker thread.
    pub fn new(ctx: Context, spec: BasemapSpec, reader: Box<dyn TileReader>) -> Self {
        let info = reader.info().clone();
        let credit = static_text(info.credit(reader.path()));
        let (to_worker, requests) = channel::<TileId>();
        let (replies, from_worker) = channel::<Reply>();
        let name = format!("tiles-{}", reader.path().display());
        std::thread::Builder::new()
            .name("local-tiles".into())
            .spawn(move || worker(reader, requests, replies, ctx, name))
            .ok();
        Self {
            spec,
            credit,
            info,
            cache: HashMap::new(),
            requested: HashSet::new(),
            to_worker,
            from_worker,
            loaded: 0,
            failed: 0,
            last_error: None,
        }
    }

    fn receive(&mut self) {
        while let Ok((id, result)) = self.from_worker.try_recv() {
            self.requested.remove(&id);
            let tile = match result {
                Ok(t) => t,
                Err(e) => {
                    self.failed += 1;
                    self.last_error = Some(e);
                    None
                }
            };
            self.loaded += usize::from(tile.is_some());
            self.cache.insert(id, tile);
        }
    }

    /// True when the file may have tiles for `id` (zoom range and bounds).
    fn covers(&self, id: TileId) -> bool {
        if id.zoom < self.info.min_zoom || id.zoom > self.info.max_zoom {
            return false;
        }
        let Some([w, s, e, n]) = self.info.bounds else {
            return true;
        };
        let (x0, y0) = lonlat_to_tile(w, n, id.zoom);
        let (x1, y1) = lonlat_to_tile(e, s, id.zoom);
        (x0..=x1).contains(&id.x) && (y0..=y1).contains(&id.y)
    }

    fn request(&mut self, id: TileId) {
        if self.cache.len() >= MAX_CACHED {
            self.cache.retain(|k, _| k.zoom.abs_diff(id.zoom) <= 1);
        }
        if !self.cache.contains_key(&id) && self.requested.insert(id) {
            let _ = self.to_worker.send(id);
        }
    }
}

fn worker(
    mut reader: Box<dyn TileReader>,
    requests: Receiver<TileId>,
    replies: Sender<Reply>,
    ctx: Context,
    name: String,
) {
    while let Ok(id) = requests.recv() {
        let result = match reader.tile(id.zoom, id.x, id.y) {
            Ok(None) => Ok(None),
            Ok(Some(bytes)) => decode::decode(&bytes)
                .map(|image| {
                    let key = format!("{name}-{}-{}-{}", id.zoom, id.x, id.y);
                    Some(Tile::Raster(ctx.load_texture(
                        key,
                        image,
                        TextureOptions::LINEAR,
                    )))
                })
                .map_err(|e| {
                    let path = reader.path().display();
                    format!("{path}: tile {}/{}/{}: {e}", id.zoom, id.x, id.y)
                }),
            Err(e) => Err(e.to_string()),
        };
        if replies.send((id, result)).is_err() {
            break;
        }
        ctx.request_repaint();
    }
}

impl Tiles for LocalTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.receive();
        let max = self.info.max_zoom;
        let wanted = if tile_id.zoom > max {
            ancestor(tile_id, max).0
        } else {
            tile_id
        };
        if !self.covers(wanted) {
            return None;
        }
        self.request(wanted);
        (self.info.min_zoom..=wanted.zoom).rev().find_map(|z| {
            let (id, uv) = ancestor(tile_id, z);
            match self.cache.get(&id) {
                Some(Some(t)) => Some(TilePiece::new(t.clone(), uv)),
                _ => None,
            }
        })
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: self.credit,
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        256
    }
}

impl BasemapSource for LocalTiles {
    fn spec(&self) -> &BasemapSpec {
        &self.spec
    }

    fn credit(&self) -> &str {
        self.credit
    }

    fn pending(&mut self) -> usize {
        self.receive();
        self.requested.len()
    }

    fn status(&mut self) -> SourceStatus {
        self.receive();
        SourceStatus {
            online: false,
            pending: self.requested.len(),
            loaded: self.loaded,
            failed: self.failed,
            last_error: self.last_error.clone(),
        }
    }
}
