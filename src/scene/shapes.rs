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

/// Rings in world coordinates.
type Rings = Vec<Vec<[f64; 2]>>;
/// Polygons as (exterior index, interior count) into a [`Rings`].
type Parts = Vec<(usize, usize)>;

/// One admin unit's rings in world coordinates (0..1), full and simplified.
pub struct UnitShape {
    pub bbox: WorldBox,
    pub label: [f64; 2],
    pub full: Vec<Vec<[f64; 2]>>,
    pub coarse: Vec<Vec<[f64; 2]>>,
    pub medium: Vec<Vec<[f64; 2]>>,
    /// Fill triangles (world coordinates, 3 per triangle) of the coarse, medium and full
    /// rings, each made on first use.
    triangles: [OnceLock<Vec<[f64; 2]>>; 3],
    /// Polygons as (exterior index, interior count) into the coarse, medium and full rings,
    /// for triangulation.
    parts: [Parts; 3],
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
        let (coarse, coarse_parts) = simplified(&full, &parts, COARSE_BELOW_ZOOM);
        let (medium, medium_parts) = simplified(&full, &parts, MEDIUM_BELOW_ZOOM);
        let [x0, y0, x1, y1] = unit.bbox;
        let a = lonlat_to_world(x0, y1);
        let b = lonlat_to_world(x1, y0);
        Self {
            bbox: [a[0], a[1], b[0], b[1]],
            label: lonlat_to_world(unit.label[0], unit.label[1]),
            full,
            coarse,
            medium,
            triangles: Default::default(),
            parts: [coarse_parts, medium_parts, parts],
        }
    }

    /// Fill triangles in world coordinates at `zoom`: earcut of the rings drawn there
    /// ([`Self::rings`]), so a fill meets its own outline and a district choropleth at the
    /// start view is about a tenth of the vertices of the full-resolution one.
    pub fn triangles(&self, zoom: f64) -> &[[f64; 2]] {
        let level = Self::level(zoom);
        let rings = self.rings(zoom);
        self.triangles[level].get_or_init(|| triangulate(rings, &self.parts[level]))
    }

    /// 0 coarse, 1 medium, 2 full.
    fn level(zoom: f64) -> usize {
        if zoom < COARSE_BELOW_ZOOM {
            0
        } else if zoom < MEDIUM_BELOW_ZOOM {
            1
        } else {
            2
        }
    }

    /// The rings to draw at `zoom`.
    pub fn rings(&self, zoom: f64) -> &[Vec<[f64; 2]>] {
        [&self.coarse, &self.medium, &self.full][Self::level(zoom)]
    }

    pub fn intersects(&self, view: &WorldBox) -> bool {
        self.bbox[0] <= view[2]
            && self.bbox[2] >= view[0]
            && self.bbox[1] <= view[3]
            && self.bbox[3] >= view[1]
    }
}

/// Earcut triangles of the polygons `parts` (exterior index, interior count) makes of `rings`.
fn triangulate(rings: &[Vec<[f64; 2]>], parts: &[(usize, usize)]) -> Vec<[f64; 2]> {
    let ring = |i: usize| -> LineString<f64> { rings[i].iter().map(|p| (p[0], p[1])).collect() };
    let mut out = Vec::new();
    for &(start, holes) in parts {
        let poly = Polygon::new(ring(start), (start + 1..=start + holes).map(ring).collect());
        for t in poly.earcut_triangles_iter() {
            out.extend([
                [t.v1().x, t.v1().y],
                [t.v2().x, t.v2().y],
                [t.v3().x, t.v3().y],
            ]);
        }
    }
    out
}

/// Rings simplified (Douglas–Peucker) to half a pixel at `zoom` (the world is 256·2^z px wide),
/// with the polygons they make: a ring that collapses is dropped, and a polygon whose exterior
/// collapses goes with its holes, so the parts still index the rings they describe.
fn simplified(full: &[Vec<[f64; 2]>], parts: &[(usize, usize)], zoom: f64) -> (Rings, Parts) {
    let eps = 0.5 / (256.0 * 2f64.powf(zoom));
    let simplify = |r: &Vec<[f64; 2]>| {
        let ls: LineString<f64> = r.iter().map(|p| (p[0], p[1])).collect();
        let v: Vec<[f64; 2]> = ls.simplify(eps).coords().map(|c| [c.x, c.y]).collect();
        (v.len() >= 4).then_some(v)
    };
    let (mut rings, mut kept) = (Vec::new(), Vec::new());
    for &(start, holes) in parts {
        let Some(exterior) = simplify(&full[start]) else {
            continue;
        };
        let first = rings.len();
        rings.push(exterior);
        rings.extend((start + 1..=start + holes).filter_map(|i| simplify(&full[i])));
        kept.push((first, rings.len() - first - 1));
    }
    (rings, kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{MultiPolygon, Polygon};

    /// A district-sized disc (radius 0.5°) with a hole, as a unit of 4,000 vertices.
    fn disc_unit() -> AdminUnit {
        let ring = |r: f64, n: usize| -> LineString<f64> {
            (0..=n)
                .map(|i| {
                    let a = i as f64 / n as f64 * std::f64::consts::TAU;
                    (70.0 + r * a.cos(), 33.0 + r * a.sin())
                })
                .collect()
        };
        AdminUnit {
            id: "disc".into(),
            name: "Disc".into(),
            aliases: vec![],
            kind: atlas_core::model::UnitKind::District,
            country: "PAK".into(),
            iso_code: None,
            parent_id: None,
            parent_name: None,
            label: [70.0, 33.0],
            bbox: [69.5, 32.5, 70.5, 33.5],
            // An islet first, far below half a pixel at the coarse and medium levels: dropped
            // there, and the disc's rings must still be found.
            geometry: MultiPolygon::new(vec![
                Polygon::new(ring(0.000_01, 8), vec![]),
                Polygon::new(ring(0.5, 3000), vec![ring(0.1, 1000)]),
            ]),
        }
    }

    fn area(tris: &[[f64; 2]]) -> f64 {
        tris.chunks(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]];
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }

    #[test]
    fn fills_are_triangulated_from_the_rings_drawn_at_each_zoom() {
        let shape = UnitShape::new(&disc_unit());
        let (coarse, medium, full) = (
            shape.triangles(6.0),
            shape.triangles(8.0),
            shape.triangles(12.0),
        );
        // Full resolution: n − 2 + 2·holes triangles for 4,000 distinct vertices, and the
        // islet's 8 − 2.
        assert_eq!(full.len(), 3 * (4000 - 2 + 2 + 6));
        assert_eq!(shape.rings(6.0).len(), 2, "the islet collapses");
        assert_eq!(shape.rings(12.0).len(), 3);
        assert!(
            coarse.len() * 4 < full.len(),
            "{} vs {}",
            coarse.len(),
            full.len()
        );
        assert!(coarse.len() < medium.len() && medium.len() <= full.len());
        // The same area within 1 % (a disc is the worst case: every simplified chord cuts
        // its curve, 0.56 % at the coarse level).
        let exact = area(full);
        for t in [coarse, medium] {
            assert!(
                (area(t) / exact - 1.0).abs() < 0.01,
                "{} vs {exact}",
                area(t)
            );
        }
        // Every fill vertex is a vertex of the ring drawn at that zoom.
        let drawn: Vec<[f64; 2]> = shape.rings(6.0).concat();
        assert!(coarse.iter().all(|v| drawn.contains(v)));
    }
}
