//! The band within N km of the border as polygons for the map: the line buffered in an
//! azimuthal equidistant projection centred on it, then back to lon/lat. On the sphere the
//! border analysis uses, distances from the centre are exact and others are stretched by
//! c / sin c (c the angle from the centre): under 0.3 % within 800 km of it.

use geo::algorithm::buffer::{BufferStyle, LineCap, LineJoin};
use geo::{Buffer, Coord, LineString, MapCoords, MultiLineString, MultiPolygon};

use super::grid::EARTH_RADIUS_KM;

/// Angle between the chords of a rounded join or cap, radians.
const ROUND_STEP: f64 = 0.05;

/// The polygons of every point within `km` of `line` (lon/lat degrees).
pub fn border_band(line: &MultiLineString<f64>, km: f64) -> MultiPolygon<f64> {
    let Some(centre) = centre_of(line) else {
        return MultiPolygon::new(Vec::new());
    };
    if !(km.is_finite() && km > 0.0) {
        return MultiPolygon::new(Vec::new());
    }
    let aeqd = Aeqd::new(centre);
    let planar: MultiLineString<f64> = line.map_coords(|c| aeqd.forward(c));
    // Round joins and caps a chord every 0.05 rad (sagitta 0.03 % of the width).
    let style = BufferStyle::new(km)
        .line_join(LineJoin::Round(ROUND_STEP))
        .line_cap(LineCap::Round(ROUND_STEP));
    planar
        .buffer_with_style(style)
        .map_coords(|c| aeqd.inverse(c))
}

/// The middle of the line's bounding box.
fn centre_of(line: &MultiLineString<f64>) -> Option<Coord<f64>> {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for c in line.0.iter().flat_map(LineString::coords) {
        if c.x.is_finite() && c.y.is_finite() {
            b = [b[0].min(c.x), b[1].min(c.y), b[2].max(c.x), b[3].max(c.y)];
        }
    }
    b[0].is_finite().then(|| Coord {
        x: (b[0] + b[2]) / 2.0,
        y: (b[1] + b[3]) / 2.0,
    })
}

/// Spherical azimuthal equidistant projection (km) about a centre.
struct Aeqd {
    lon0: f64,
    sin0: f64,
    cos0: f64,
}

impl Aeqd {
    fn new(c: Coord<f64>) -> Self {
        let phi0 = c.y.to_radians();
        Aeqd {
            lon0: c.x.to_radians(),
            sin0: phi0.sin(),
            cos0: phi0.cos(),
        }
    }

    fn forward(&self, c: Coord<f64>) -> Coord<f64> {
        let (phi, dl) = (c.y.to_radians(), c.x.to_radians() - self.lon0);
        let cos_c = (self.sin0 * phi.sin() + self.cos0 * phi.cos() * dl.cos()).clamp(-1.0, 1.0);
        let ang = cos_c.acos();
        let k = if ang < 1e-12 { 1.0 } else { ang / ang.sin() };
        Coord {
            x: EARTH_RADIUS_KM * k * phi.cos() * dl.sin(),
            y: EARTH_RADIUS_KM * k * (self.cos0 * phi.sin() - self.sin0 * phi.cos() * dl.cos()),
        }
    }

    fn inverse(&self, p: Coord<f64>) -> Coord<f64> {
        let rho = p.x.hypot(p.y);
        if rho < 1e-9 {
            return Coord {
                x: self.lon0.to_degrees(),
                y: self.sin0.asin().to_degrees(),
            };
        }
        let ang = rho / EARTH_RADIUS_KM;
        let (s, c) = ang.sin_cos();
        let phi = (c * self.sin0 + p.y * s * self.cos0 / rho)
            .clamp(-1.0, 1.0)
            .asin();
        let lon = self.lon0 + (p.x * s).atan2(rho * self.cos0 * c - p.y * self.sin0 * s);
        Coord {
            x: lon.to_degrees(),
            y: phi.to_degrees(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projection_round_trips_and_keeps_distances_from_the_centre() {
        let a = Aeqd::new(Coord { x: 69.0, y: 32.0 });
        for (x, y) in [
            (69.0, 32.0),
            (61.5, 29.0),
            (74.9, 37.1),
            (70.07117, 33.00059),
        ] {
            let p = a.forward(Coord { x, y });
            let back = a.inverse(p);
            assert!(
                (back.x - x).abs() < 1e-9 && (back.y - y).abs() < 1e-9,
                "{back:?}"
            );
        }
        // One degree of latitude due north of the centre: 111.195 km on this sphere.
        let north = a.forward(Coord { x: 69.0, y: 33.0 });
        assert!((north.y - EARTH_RADIUS_KM.to_radians()).abs() < 1e-9 && north.x.abs() < 1e-9);
    }
}
