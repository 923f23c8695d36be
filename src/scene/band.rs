//! The border band ready to paint: the band polygons (`atlas_core::analysis::border_band`)
//! triangulated once in world coordinates, and their outlines.

use atlas_core::analysis::{BorderLine, border_band};
use atlas_core::basemap::lonlat_to_world;
use geo::TriangulateEarcut;

/// The band within `km` of the border.
#[derive(Debug)]
pub struct BandShape {
    pub km: f64,
    /// Fill triangles, three world points each.
    pub tris: Vec<[f64; 2]>,
    /// Outer and inner outlines, world points, closed.
    pub outlines: Vec<Vec<[f64; 2]>>,
}

impl BandShape {
    pub fn new(border: &BorderLine, km: f64) -> Self {
        let band = border_band(border.line(), km);
        let world = |c: geo::Coord<f64>| lonlat_to_world(c.x, c.y);
        let mut tris = Vec::new();
        let mut outlines = Vec::new();
        for poly in &band.0 {
            let projected = geo::MapCoords::map_coords(poly, |c| {
                let w = world(c);
                geo::Coord { x: w[0], y: w[1] }
            });
            tris.extend(
                projected
                    .earcut_triangles_iter()
                    .flat_map(|t| t.to_array().map(|c| [c.x, c.y])),
            );
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                outlines.push(ring.coords().map(|c| world(*c)).collect());
            }
        }
        BandShape { km, tris, outlines }
    }
}
