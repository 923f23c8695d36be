//! What picking a search result does in the window: the map frames the result — a place at
//! the zoom of its kind, a finding's places or a group's presence as a whole — and the
//! details panel shows the place (for a finding or a group, the first place it names).

use atlas_core::model::{EntryRef, UnitKind};
use atlas_core::search::{HitKind, HitRef, SearchHit, zoom_for};

use super::AtlasApp;

/// Zoom limits when framing an extent.
const FIT_ZOOM: (f64, f64) = (4.0, 10.0);

/// The zoom at which `bbox` (lon/lat) fills 80 % of a map of `size` points.
pub fn fit_zoom(bbox: [f64; 4], size: egui::Vec2) -> f64 {
    let a = atlas_core::basemap::lonlat_to_world(bbox[0], bbox[3]);
    let b = atlas_core::basemap::lonlat_to_world(bbox[2], bbox[1]);
    let (dx, dy) = ((b[0] - a[0]).abs().max(1e-9), (b[1] - a[1]).abs().max(1e-9));
    let fit = (f64::from(size.x) / (dx * 256.0)).min(f64::from(size.y) / (dy * 256.0)) * 0.8;
    fit.log2().clamp(FIT_ZOOM.0, FIT_ZOOM.1)
}

impl AtlasApp {
    /// Centre the map on a search result as its kind needs, and select what it names.
    pub fn zoom_to_hit(&mut self, hit: &SearchHit) {
        let data = self.session.atlas().clone();
        let (bbox, selected) = match &hit.entry {
            HitRef::Group(id) => {
                // Country-level claims only when the findings place the group nowhere
                // more precise.
                let of_group = || data.presence.iter().filter(|p| &p.group == id);
                let precise = of_group().any(|p| p.kind != UnitKind::Country);
                let places: Vec<EntryRef> = of_group()
                    .filter(|p| !precise || p.kind != UnitKind::Country)
                    .map(|p| p.entry)
                    .collect();
                let entries: Vec<_> = places.iter().map(|e| data.gazetteer.entry(*e)).collect();
                let bbox = entries.iter().map(|e| e.bbox).reduce(union);
                (bbox, entries.first().map(|e| e.id.clone()))
            }
            HitRef::Finding(id) => {
                let f = data.report.findings.iter().find(|f| &f.finding.id == id);
                let first = f.and_then(|f| f.resolved.first()).map(|e| e.id.clone());
                (Some(hit.bbox), first)
            }
            _ => (None, hit.kind.is_place().then(|| hit.id.clone())),
        };
        let size = self
            .map_rect
            .map_or(egui::vec2(1000.0, 700.0), |r| r.size());
        let (center, zoom) = match bbox {
            Some(b) if hit.kind != HitKind::IncidentPlace => (
                [(b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0],
                fit_zoom(b, size),
            ),
            _ => ([hit.lon, hit.lat], zoom_for(hit.kind)),
        };
        let view = &mut self.view;
        view.memory
            .center_at(walkers::lon_lat(center[0], center[1]));
        let _ = view.memory.set_zoom(zoom);
        view.selected_edge = None;
        view.selected = selected;
    }
}

fn union(a: [f64; 4], b: [f64; 4]) -> [f64; 4] {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_an_extent_picks_the_zoom_that_holds_it() {
        // 360° of longitude is 256 px at zoom 0: 22.5° is 16 px, and 80 % of 1024 px is
        // 51.2 times that.
        let z = fit_zoom([0.0, -1.0, 22.5, 1.0], egui::vec2(1024.0, 1024.0));
        assert!((z - 51.2f64.log2()).abs() < 1e-9, "{z}");
        let z = fit_zoom([0.0, -1.0, 180.0, 1.0], egui::vec2(1024.0, 1024.0));
        assert_eq!(z, FIT_ZOOM.0, "clamped up to the smallest zoom");
        let z = fit_zoom([69.0, 34.0, 69.0, 34.0], egui::vec2(1000.0, 700.0));
        assert_eq!(z, FIT_ZOOM.1, "a point: the closest zoom");
    }
}
