//! Distance from points to a border line (the Afghanistan–Pakistan border, or any line), on
//! the sphere. Queries near the line use the cell lists of [`super::border_grid`]; points off
//! that grid search an R-tree over the segments' chords in 3-D (unit-sphere) coordinates.
//! Either way the distance is the exact great-circle distance to the nearest arc (the grid
//! picks it by a dot-product measure of the angle, then takes the angle from that measure).

use geo::{Closest, Distance, Haversine, HaversineClosestPoint, MultiLineString, Point};
use rayon::prelude::*;

use super::border_arc::{Arc, Segment, angle_of_measure, chord_to_km, dot, sub, unit};
use super::border_grid::{ArcIndex, CellGrid};

/// A border line indexed for fast distance queries.
pub struct BorderLine {
    ix: ArcIndex,
    grid: Option<CellGrid>,
    /// The line as given (lon/lat), for drawing its band.
    line: MultiLineString<f64>,
}

impl BorderLine {
    pub fn new(line: &MultiLineString<f64>) -> Self {
        let mut max_sagitta: f64 = 0.0;
        let mut bbox = [f64::INFINITY, f64::INFINITY, -f64::INFINITY, -f64::INFINITY];
        let mut arcs = Vec::new();
        let segments: Vec<Segment> = line
            .0
            .iter()
            .flat_map(|ls| ls.lines())
            .filter(|l| {
                [l.start.x, l.start.y, l.end.x, l.end.y]
                    .iter()
                    .all(|v| v.is_finite())
            })
            .map(|l| {
                let (a, b) = (unit(l.start.x, l.start.y), unit(l.end.x, l.end.y));
                let half = dot(sub(a, b), sub(a, b)).sqrt() / 2.0;
                // Sagitta of a unit-circle chord of half-length h: 1 − √(1 − h²).
                max_sagitta = max_sagitta.max(1.0 - (1.0 - half * half).max(0.0).sqrt());
                for c in [l.start, l.end] {
                    bbox = [
                        bbox[0].min(c.x),
                        bbox[1].min(c.y),
                        bbox[2].max(c.x),
                        bbox[3].max(c.y),
                    ];
                }
                arcs.push(Arc::new(a, b));
                Segment {
                    a,
                    b,
                    line: l,
                    idx: (arcs.len() - 1) as u32,
                }
            })
            .collect();
        BorderLine {
            grid: (!segments.is_empty()).then(|| CellGrid::new(bbox)),
            ix: ArcIndex::new(segments, arcs, max_sagitta),
            line: line.clone(),
        }
    }

    /// The line as given (lon/lat degrees).
    pub fn line(&self) -> &MultiLineString<f64> {
        &self.line
    }

    pub fn is_empty(&self) -> bool {
        self.ix.tree.size() == 0
    }

    /// Great-circle distance (mean Earth radius, as geo's `Haversine`) from (lon, lat) to the
    /// nearest point of the line, km; infinity for an empty line or non-finite input.
    pub fn distance_km(&self, lon: f64, lat: f64) -> f64 {
        let Some(grid) = &self.grid else {
            return f64::INFINITY;
        };
        if !lon.is_finite() || !lat.is_finite() {
            return f64::INFINITY;
        }
        let p = unit(lon, lat);
        let radius_km = Haversine.radius() / 1000.0;
        match grid.nearest_measure(lon, lat, p, &self.ix) {
            Some(m) => angle_of_measure(m) * radius_km,
            None => chord_to_km(self.ix.nearest_in_tree(p).0, radius_km),
        }
    }

    /// The reference implementation of [`BorderLine::distance_km`]: geo's haversine closest
    /// point on every candidate segment from the R-tree (slow; for tests and benchmarks).
    pub fn distance_km_exact(&self, lon: f64, lat: f64) -> f64 {
        if !lon.is_finite() || !lat.is_finite() {
            return f64::INFINITY;
        }
        let p3 = unit(lon, lat);
        let p = Point::new(lon, lat);
        let mut best_m = f64::INFINITY;
        let mut best_chord = f64::INFINITY;
        for (seg, d2) in self.ix.tree.nearest_neighbor_iter_with_distance_2(&p3) {
            // A segment's arc is at most `max_sagitta` farther out than its chord, so once
            // chords are farther than the best arc distance plus that, nothing can beat it.
            if d2.sqrt() > best_chord + self.ix.max_sagitta + 1e-12 {
                break;
            }
            let m = match seg.line.haversine_closest_point(&p) {
                Closest::Intersection(_) => 0.0,
                Closest::SinglePoint(q) => Haversine.distance(p, q),
                Closest::Indeterminate => continue,
            };
            if m < best_m {
                best_m = m;
                // Chord length for the angular distance.
                best_chord = 2.0 * (m / Haversine.radius() / 2.0).sin();
            }
        }
        best_m / 1000.0
    }

    /// [`BorderLine::distance_km`] for many points, on all cores. `lons` and `lats` must
    /// have equal length (extra entries are ignored).
    pub fn distances_km(&self, lons: &[f64], lats: &[f64]) -> Vec<f64> {
        lons.par_iter()
            .zip(lats.par_iter())
            .with_min_len(4096)
            .map(|(&lon, &lat)| self.distance_km(lon, lat))
            .collect()
    }
}

/// Share (0..=1) of distances at most `km`; 0 for no distances.
pub fn share_within(distances_km: &[f64], km: f64) -> f64 {
    if distances_km.is_empty() {
        return 0.0;
    }
    distances_km.iter().filter(|&&d| d <= km).count() as f64 / distances_km.len() as f64
}

/// Histogram of distances: bin i counts `[i·bin_km, (i+1)·bin_km)` up to `max_km`; the last
/// entry counts everything at or beyond `max_km` (and infinities). Bins: ⌈max/bin⌉ + 1.
pub fn distance_histogram(distances_km: &[f64], bin_km: f64, max_km: f64) -> Vec<u64> {
    if bin_km.is_nan() || bin_km <= 0.0 || max_km.is_nan() || max_km <= 0.0 {
        return vec![distances_km.len() as u64];
    }
    let n = (max_km / bin_km).ceil() as usize;
    let mut h = vec![0u64; n + 1];
    for &d in distances_km {
        let i = if d.is_nan() || d >= max_km {
            n
        } else {
            ((d.max(0.0) / bin_km) as usize).min(n - 1)
        };
        h[i] += 1;
    }
    h
}
