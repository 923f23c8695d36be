//! The project's basemap in the window: choosing one (consent before any online server),
//! tile files, and keeping the map's tiles in step with the project.

use std::path::Path;

use atlas_core::project::{BasemapSpec, Edit};

use super::AtlasApp;
use super::prompt::Prompt;
use crate::map::BasemapTiles;

impl AtlasApp {
    /// Use `spec` as the basemap; an online server not yet agreed to asks first.
    pub(super) fn choose_basemap(&mut self, spec: BasemapSpec) {
        let host = crate::ui::basemap_menu::online_host(&spec);
        if host.is_some_and(|h| !self.online_consent.contains(&h)) {
            self.prompt = Some(Prompt::OnlineConsent(spec));
            return;
        }
        if spec != self.doc.project.basemap {
            self.apply(Edit::SetBasemap(spec));
        }
    }

    /// Use a local MBTiles / PMTiles file as the basemap (by its extension).
    pub(super) fn use_tile_file(&mut self, path: &Path) {
        let file = atlas_core::project::FileRef::path(path);
        let pm = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pmtiles"));
        let spec = if pm {
            BasemapSpec::Pmtiles { file }
        } else {
            BasemapSpec::Mbtiles { file }
        };
        self.choose_basemap(spec);
    }

    /// Point the tiles at the project's basemap when it changed. An online server the user
    /// has not agreed to (a project opened with one) stays unused, and the question is asked.
    pub(super) fn sync_basemap(&mut self, tiles: &mut BasemapTiles) {
        let spec = self.doc.project.basemap.clone();
        if self.applied_basemap.as_ref() == Some(&spec) {
            return;
        }
        let host = crate::ui::basemap_menu::online_host(&spec);
        if host.is_some_and(|h| !self.online_consent.contains(&h)) {
            if self.prompt.is_none() {
                self.prompt = Some(Prompt::OnlineConsent(spec));
            }
            if self.applied_basemap.is_none() {
                self.applied_basemap = Some(BasemapSpec::default());
            }
            return;
        }
        self.basemap_error = tiles
            .set_spec(
                &spec.to_tiles(),
                &crate::map::tiles::BasemapOptions::default(),
            )
            .err()
            .map(|e| e.to_string());
        self.applied_basemap = Some(spec);
    }
}
