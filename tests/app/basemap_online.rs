//! Online basemap against a tile server on 127.0.0.1 started here: no request until an online
//! source is chosen, the tiles drawn where they belong with the server's credit, a second
//! export served from the disk cache (0 new requests), and a server error reported with the
//! built-in basemap left showing.

use std::sync::{Arc, OnceLock};

use crate::tile_fixtures::server::{Mode, TileServer};
use crate::tile_fixtures::*;
use atlas_core::tiles::BasemapSpec;
use frontier_atlas::export::{Exporter, Rendered};
use frontier_atlas::map::tiles::{BasemapOptions, TileCache};
use frontier_atlas::scene::AtlasData;

fn data() -> Arc<AtlasData> {
    static DATA: OnceLock<Arc<AtlasData>> = OnceLock::new();
    DATA.get_or_init(|| Arc::new(AtlasData::load(&AtlasData::default_dir())))
        .clone()
}

/// Pixel ratio 1 (1440² is the reference slide's area): a tile is 256 pixels.
const SIDE: u32 = 1440;
const CREDIT: &str = "© Loopback Test Tiles";

fn exporter() -> Exporter {
    Exporter::new().expect("graphics adapter (install mesa-vulkan-drivers)")
}

fn spec(server: &TileServer) -> BasemapSpec {
    BasemapSpec::Xyz {
        url: server.template(),
        attribution: CREDIT.into(),
        max_zoom: 12,
    }
}

fn options(cache: &std::path::Path) -> BasemapOptions {
    BasemapOptions {
        cache: Some(TileCache::new(cache.to_owned(), 64 << 20)),
        ..Default::default()
    }
}

fn render(ex: &mut Exporter, spec: Option<&BasemapSpec>) -> Rendered {
    ex.render(&known_tile_job(data(), SIDE, spec))
        .expect("render")
}

#[test]
fn requests_only_once_online_and_a_second_export_reuses_the_cache() {
    let server = TileServer::start(Mode::Tiles);
    let cache = tempfile::tempdir().unwrap();
    let mut ex = exporter();
    let builtin = render(&mut ex, None);
    assert_eq!(server.requests(), 0, "the built-in basemap made requests");

    ex.set_basemap(&spec(&server), &options(cache.path()))
        .expect("online source");
    assert_eq!(server.requests(), 0, "choosing a source must not fetch yet");
    let r = render(&mut ex, Some(&spec(&server)));
    let first = server.requests();
    assert!(first >= 9, "only {first} requests for a 3×3 view");
    let c = SIDE / 2;
    let centre = mean(&r.image, c, c, 40);
    assert!(near(centre, RED, 3), "known tile drew {centre:?}");
    assert!(near(mean(&r.image, c + 256, c, 40), GREY, 3));
    assert_ne!(mean(&builtin.image, c, c, 40), centre);
    let sources = r.layout.sources.clone().unwrap_or_default();
    assert!(sources.contains(CREDIT), "{sources}");
    let status = ex.basemap_status().expect("a source is set");
    assert!(status.online);
    assert_eq!(status.last_error, None);
    assert_eq!(status.failed, 0);

    // A new exporter (new in-memory caches) on the same disk cache: nothing is fetched.
    drop(ex);
    let mut again = exporter();
    again
        .set_basemap(&spec(&server), &options(cache.path()))
        .unwrap();
    let r2 = render(&mut again, Some(&spec(&server)));
    assert_eq!(server.requests(), first, "the second export fetched again");
    assert_eq!(mean(&r2.image, c, c, 40), centre);
    assert!(!TileCache::new(cache.path().to_owned(), 0).is_empty());
}

#[test]
fn a_server_error_is_reported_and_the_builtin_basemap_stays() {
    let server = TileServer::start(Mode::Error500);
    let cache = tempfile::tempdir().unwrap();
    let mut ex = exporter();
    let builtin = render(&mut ex, None);
    ex.set_basemap(&spec(&server), &options(cache.path()))
        .unwrap();
    let r = render(&mut ex, Some(&spec(&server)));
    assert!(server.requests() > 0);
    let status = ex.basemap_status().expect("a source is set");
    let err = status.last_error.clone().expect("the error is reported");
    let host = format!("127.0.0.1:{}", server.port);
    assert!(err.starts_with(&format!("Tiles from {host}: ")), "{err}");
    assert!(err.contains("500 Internal Server Error"), "{err}");
    assert!(status.failed >= 9, "{status:?}");
    let c = SIDE / 2;
    assert_eq!(mean(&r.image, c, c, 40), mean(&builtin.image, c, c, 40));
}
