//! Cutting polygons that cross the antimeridian: d3's TopoJSON merges parts on both sides of
//! ±180° into one ring that jumps across the map (Russia's Chukotka, Fiji); in a flat
//! lon/lat or Mercator drawing such a ring paints a band round the whole world.

use geo::{BooleanOps, Coord, LineString, MapCoords, MultiPolygon, Polygon, Rect};

/// A ring crosses the antimeridian (rather than circling a pole, like Antarctica's) when it
/// has an even, non-zero number of steps of more than 180° in longitude.
fn jumps(r: &LineString<f64>) -> usize {
    r.0.windows(2)
        .filter(|w| (w[1].x - w[0].x).abs() > 180.0)
        .count()
}

/// The ring with continuous longitudes (steps across ±180 unwrapped), shifted by a multiple
/// of 360° to lie nearest `near`.
fn unwrap(r: &LineString<f64>, near: f64) -> LineString<f64> {
    let mut off = 0.0;
    let mut prev: Option<Coord<f64>> = None;
    let mut pts: Vec<Coord<f64>> = Vec::with_capacity(r.0.len());
    for c in &r.0 {
        if let Some(p) = prev {
            let d = c.x - p.x;
            if d > 180.0 {
                off -= 360.0;
            } else if d < -180.0 {
                off += 360.0;
            }
        }
        prev = Some(*c);
        pts.push(Coord {
            x: c.x + off,
            y: c.y,
        });
    }
    let mean = pts.iter().map(|c| c.x).sum::<f64>() / pts.len().max(1) as f64;
    let shift = ((near - mean) / 360.0).round() * 360.0;
    pts.iter_mut().for_each(|c| c.x += shift);
    LineString::new(pts)
}

/// A ring round a pole (one step across ±180) closed along the edge of the map through the
/// pole itself, so that it covers everything poleward of its coast (Antarctica's ring is
/// closed at 84.7°S in the source, which would leave a band of sea at the bottom).
fn close_round_pole(r: &LineString<f64>) -> LineString<f64> {
    let pole = if r.0.iter().map(|c| c.y).sum::<f64>() < 0.0 {
        -90.0
    } else {
        90.0
    };
    let mut pts = Vec::with_capacity(r.0.len() + 2);
    for w in r.0.windows(2) {
        pts.push(w[0]);
        if (w[1].x - w[0].x).abs() > 180.0 {
            pts.push(Coord { x: w[0].x, y: pole });
            pts.push(Coord { x: w[1].x, y: pole });
        }
    }
    pts.extend(r.0.last());
    LineString::new(pts)
}

/// Splits every polygon whose rings cross the antimeridian into its parts within
/// lon −180…180 and closes rings round a pole through the pole; other polygons are kept.
pub fn split_antimeridian(mp: MultiPolygon<f64>) -> MultiPolygon<f64> {
    let world = MultiPolygon(vec![Rect::new((-180.0, -90.0), (180.0, 90.0)).to_polygon()]);
    let mut out = Vec::with_capacity(mp.0.len());
    for p in mp.0 {
        if jumps(p.exterior()) == 1 {
            out.push(Polygon::new(
                close_round_pole(p.exterior()),
                p.interiors().to_vec(),
            ));
            continue;
        }
        let crossing = std::iter::once(p.exterior())
            .chain(p.interiors())
            .any(|r| jumps(r) > 0 && jumps(r).is_multiple_of(2));
        if !crossing {
            out.push(p);
            continue;
        }
        let ext = unwrap(p.exterior(), 0.0);
        let centre = ext.0.iter().map(|c| c.x).sum::<f64>() / ext.0.len().max(1) as f64;
        let holes = p.interiors().iter().map(|r| unwrap(r, centre)).collect();
        let whole = Polygon::new(ext, holes);
        for shift in [-360.0, 0.0, 360.0] {
            let moved = whole.map_coords(|c| Coord {
                x: c.x + shift,
                y: c.y,
            });
            out.extend(MultiPolygon(vec![moved]).intersection(&world).0);
        }
    }
    MultiPolygon(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Area;

    #[test]
    fn a_ring_across_the_antimeridian_is_cut_in_two() {
        // A 2° x 2° square from 179E to 179W, written with the jump d3 leaves in it.
        let ring = LineString::from(vec![
            (179.0, 0.0),
            (180.0, 0.0),
            (-179.0, 0.0),
            (-179.0, 2.0),
            (180.0, 2.0),
            (179.0, 2.0),
            (179.0, 0.0),
        ]);
        let out = split_antimeridian(MultiPolygon(vec![Polygon::new(ring, vec![])]));
        assert_eq!(out.0.len(), 2);
        assert!((out.unsigned_area() - 4.0).abs() < 1e-9);
        for p in &out.0 {
            let xs: Vec<f64> = p.exterior().0.iter().map(|c| c.x).collect();
            let (lo, hi) = xs
                .iter()
                .fold((f64::MAX, f64::MIN), |a, &x| (a.0.min(x), a.1.max(x)));
            assert!(hi - lo <= 1.0 + 1e-9, "{xs:?}");
        }
        // An ordinary ring is left alone; a ring round the pole closed at 85S (one jump) is
        // closed through the pole instead.
        let plain = LineString::from(vec![(10.0, 0.0), (11.0, 0.0), (11.0, 1.0), (10.0, 0.0)]);
        let mp = MultiPolygon(vec![Polygon::new(plain, vec![])]);
        assert_eq!(split_antimeridian(mp.clone()), mp);
        let polar = LineString::from(vec![
            (-180.0, -80.0),
            (0.0, -70.0),
            (180.0, -80.0),
            (180.0, -85.0),
            (-180.0, -85.0),
            (-180.0, -80.0),
        ]);
        let out = split_antimeridian(MultiPolygon(vec![Polygon::new(polar, vec![])]));
        let ys: Vec<f64> = out.0[0].exterior().0.iter().map(|c| c.y).collect();
        assert_eq!(ys, [-80.0, -70.0, -80.0, -85.0, -90.0, -90.0, -85.0, -80.0]);
    }
}
