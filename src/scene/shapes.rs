//! Unit outlines projected to normalised Web Mercator, with coarse and medium levels of detail.

use atlas_core::basemap::lonlat_to_world;
use atlas_core::model::AdminUnit;
use std::sync::OnceLock;

use geo::{LineString, Polygon, Simplify, TriangulateEarcut};

/// A box in normalised world coordinates: x0, y0, x1, y1 (y grows southwards).
pub type WorldBox = [f64; 4];

/// Below this zoom the coarse rings are drawn.
pub const COARSE_BELOW_ZOOM: f64 = 7.5;
/// Below this zoom (and from [`COARSE_BELOW_ZOOM`]) the medium rings are drawn.
pub const MEDIUM_BELOW_ZOOM: f64 = 9.5;

/// One admin unit's rings in world coordinates (0..1), full and simplified.
pub struct UnitShape {
    pub bbox: WorldBox,
    pub label: [f64; 2],
    pub full: Vec<Vec<[f64; 2]>>,
    pub coarse: Vec<Vec<[f64; 2]>>,
    pub medium: Vec<Vec<[f64; 2]>>,
    /// Fill triangles (world coordinates, 3 per triangle), made on first use.
    triangles: OnceLock<Vec<[f64; 2]>>,
    /// Polygons as (exterior index, interior count) into `full`, for triangulation.
    parts: Vec<(usize, usize)>,
}

impl UnitShape {
    pub fn new(unit: &AdminUnit) -> Self {
        let mut full = Vec::new();
        let mut parts = Vec::new();
        for poly in &unit.geometry.0 {
            parts.push((full.len(), poly.interiors().len()));
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                full.push(
                    ring.coords()
                        .map(|c| lonlat_to_world(c.x, c.y))
                        .collect::<Vec<_>>(),
                );
            }
        }
        let coarse = simplified(&full, COARSE_BELOW_ZOOM);
        let medium = simplified(&full, MEDIUM_BELOW_ZOOM);
        let [x0, y0, x1, y1] = unit.bbox;
        let a = lonlat_to_world(x0, y1);
        let b = lonlat_to_world(x1, y0);
        Self {
            bbox: [a[0], a[1], b[0], b[1]],
            label: lonlat_to_world(unit.label[0], unit.label[1]),
            full,
            coarse,
            medium,
            triangles: OnceLock::new(),
            parts,
        }
    }

    /// Fill triangles in world coordinates (earcut of the full-resolution polygons).
    pub fn triangles(&self) -> &[[f64; 2]] {
        self.triangles.get_or_init(|| {
            let mut out = Vec::new();
            for &(start, holes) in &self.parts {
                let ring = |i: usize| -> LineString<f64> {
                    self.full[i].iter().map(|p| (p[0], p[1])).collect()
                };
                let poly =
                    Polygon::new(ring(start), (start + 1..=start + holes).map(ring).collect());
                for t in poly.earcut_triangles_iter() {
                    out.extend([
                        [t.v1().x, t.v1().y],
                        [t.v2().x, t.v2().y],
                        [t.v3().x, t.v3().y],
                    ]);
                }
            }
            out
        })
    }

    /// The rings to draw at `zoom`.
    pub fn rings(&self, zoom: f64) -> &[Vec<[f64; 2]>] {
        if zoom < COARSE_BELOW_ZOOM {
            &self.coarse
        } else if zoom < MEDIUM_BELOW_ZOOM {
            &self.medium
        } else {
            &self.full
        }
    }

    pub fn intersects(&self, view: &WorldBox) -> bool {
        self.bbox[0] <= view[2]
            && self.bbox[2] >= view[0]
            && self.bbox[1] <= view[3]
            && self.bbox[3] >= view[1]
    }
}

/// Rings simplified (Douglas–Peucker) to half a pixel at `zoom` (the world is 256·2^z px wide).
fn simplified(full: &[Vec<[f64; 2]>], zoom: f64) -> Vec<Vec<[f64; 2]>> {
    let eps = 0.5 / (256.0 * 2f64.powf(zoom));
    full.iter()
        .map(|r| {
            let ls: LineString<f64> = r.iter().map(|p| (p[0], p[1])).collect();
            ls.simplify(eps)
                .coords()
                .map(|c| [c.x, c.y])
                .collect::<Vec<_>>()
        })
        .filter(|r| r.len() >= 4)
        .collect()
}
