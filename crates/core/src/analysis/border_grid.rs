//! Cell lists for border distance: a lon/lat grid around the line whose cells each hold the
//! only arcs that can be nearest to a point in the cell, sorted by distance from the cell's
//! centre, so a query scans a few of them and stops early. An arc is kept if it is within
//! d + 2r of the centre (d the centre's distance, r the cell's radius) and the gradient bound
//! of [`may_beat`] cannot rule it out; far from the line that leaves a handful of arcs where
//! the first rule alone kept dozens. Cells fill in on first use, a block of 8×8 at a time.

use std::sync::OnceLock;

use rstar::RTree;

use super::border_arc::{Arc, Segment, V3, dot, measure_of_chord2, sub, unit};

/// Cell size, degrees.
const STEP_DEG: f64 = 0.1;
/// How far the grid reaches beyond the line's bounding box, degrees.
const MARGIN_DEG: f64 = 10.0;
/// Most cells in a grid (a longer line gets larger cells).
const MAX_CELLS: usize = 1 << 21;
/// Slack on every pruning bound (chord units; 1e-9 is 6 µm on the Earth).
const EPS: f64 = 1e-9;

/// Cells per side of a block (cells are built a block at a time).
const BLOCK: usize = 8;

/// The candidate arcs of a block's cells, as (chord distance from the cell's centre, rounded
/// down to f32; arc index), nearest first: cell i's are `cands[starts[i]..starts[i + 1]]`.
/// Compact and in one piece, so that the cells a query touches stay in cache.
struct Block {
    starts: [u32; BLOCK * BLOCK + 1],
    cands: Box<[(f32, u32)]>,
}

/// The line's arcs, and an R-tree of their chords.
pub(super) struct ArcIndex {
    pub(super) tree: RTree<Segment>,
    pub(super) arcs: Vec<Arc>,
    /// Largest gap between a segment's great-circle arc and its chord (unit sphere).
    pub(super) max_sagitta: f64,
}

impl ArcIndex {
    pub(super) fn new(segments: Vec<Segment>, arcs: Vec<Arc>, max_sagitta: f64) -> Self {
        ArcIndex {
            tree: RTree::bulk_load(segments),
            arcs,
            max_sagitta,
        }
    }

    /// Nearest arc to `p` by chord distance, searched in the R-tree: (chord, arc index).
    pub(super) fn nearest_in_tree(&self, p: V3) -> (f64, u32) {
        nearest_in_tree(&self.tree, &self.arcs, self.max_sagitta, p)
    }
}

pub(super) struct CellGrid {
    lon0: f64,
    lat0: f64,
    step: f64,
    cols: usize,
    rows: usize,
    /// (sin, cos) of the longitude of each column's centre, and of each row's latitude.
    col_trig: Vec<(f64, f64)>,
    row_trig: Vec<(f64, f64)>,
    /// Blocks of `BLOCK`² cells, row-major, `block_cols` per row.
    blocks: Vec<OnceLock<Block>>,
    block_cols: usize,
}

/// Nearest arc to `p` by chord distance, searched in the R-tree: (chord, arc index).
pub(super) fn nearest_in_tree(
    tree: &RTree<Segment>,
    arcs: &[Arc],
    max_sagitta: f64,
    p: V3,
) -> (f64, u32) {
    let mut best = (f64::INFINITY, u32::MAX);
    for (seg, d2) in tree.nearest_neighbor_iter_with_distance_2(&p) {
        // An arc is at most `max_sagitta` farther out than its chord.
        if d2.sqrt() > best.0 + max_sagitta + EPS {
            break;
        }
        let d = arcs[seg.idx as usize].chord2(p).sqrt();
        if d < best.0 {
            best = (d, seg.idx);
        }
    }
    best
}

impl CellGrid {
    /// A grid around the bounding box [lon_min, lat_min, lon_max, lat_max] of a line.
    pub(super) fn new(bbox: [f64; 4]) -> Self {
        let lon0 = bbox[0] - MARGIN_DEG;
        let lat0 = (bbox[1] - MARGIN_DEG).max(-89.0);
        let (lon1, lat1) = (bbox[2] + MARGIN_DEG, (bbox[3] + MARGIN_DEG).min(89.0));
        let mut step = STEP_DEG;
        let size = |step: f64| {
            let cols = ((lon1 - lon0) / step).ceil().max(1.0) as usize;
            let rows = ((lat1 - lat0) / step).ceil().max(1.0) as usize;
            (cols, rows)
        };
        while size(step).0 * size(step).1 > MAX_CELLS {
            step *= 2.0;
        }
        let (cols, rows) = size(step);
        let trig = |first: f64, n: usize| -> Vec<(f64, f64)> {
            (0..n)
                .map(|i| (first + (i as f64 + 0.5) * step).to_radians().sin_cos())
                .collect()
        };
        CellGrid {
            lon0,
            lat0,
            step,
            cols,
            rows,
            col_trig: trig(lon0, cols),
            row_trig: trig(lat0, rows),
            blocks: (0..cols.div_ceil(BLOCK) * rows.div_ceil(BLOCK))
                .map(|_| OnceLock::new())
                .collect(),
            block_cols: cols.div_ceil(BLOCK),
        }
    }

    /// Unit vector of a cell's centre (as [`unit`] gives it).
    fn centre(&self, col: usize, row: usize) -> V3 {
        let ((sl, cl), (sp, cp)) = (self.col_trig[col], self.row_trig[row]);
        [cp * cl, cp * sl, sp]
    }

    fn cell_of(&self, lon: f64, lat: f64) -> Option<(usize, usize)> {
        let (fx, fy) = ((lon - self.lon0) / self.step, (lat - self.lat0) / self.step);
        if !(fx >= 0.0 && fy >= 0.0 && fx < self.cols as f64 && fy < self.rows as f64) {
            return None;
        }
        Some((fx as usize, fy as usize))
    }

    /// [`Arc::measure`] of the angle from `p` at (lon, lat) to the nearest arc, if the point
    /// is on the grid.
    pub(super) fn nearest_measure(&self, lon: f64, lat: f64, p: V3, ix: &ArcIndex) -> Option<f64> {
        let (col, row) = self.cell_of(lon, lat)?;
        let (bc, br) = (col / BLOCK, row / BLOCK);
        let block = self.blocks[br * self.block_cols + bc].get_or_init(|| self.block(bc, br, ix));
        let i = (row % BLOCK) * BLOCK + col % BLOCK;
        let cell = &block.cands[block.starts[i] as usize..block.starts[i + 1] as usize];
        let dc = {
            let d = sub(p, self.centre(col, row));
            dot(d, d).sqrt()
        };
        let mut best = f64::INFINITY;
        for &(from_centre, k) in cell.iter() {
            // Triangle inequality: the arc is at least `from_centre − dc` from p, and so is
            // every later one.
            let lower = from_centre as f64 - dc - EPS;
            if lower > 0.0 && measure_of_chord2(lower * lower) > best {
                break;
            }
            best = best.min(ix.arcs[k as usize].measure(p));
        }
        best.is_finite().then_some(best)
    }

    /// The cells of block (bc, br).
    fn block(&self, bc: usize, br: usize, ix: &ArcIndex) -> Block {
        let mut starts = [0u32; BLOCK * BLOCK + 1];
        let mut cands = Vec::new();
        for i in 0..BLOCK * BLOCK {
            let (col, row) = (bc * BLOCK + i % BLOCK, br * BLOCK + i / BLOCK);
            if col < self.cols && row < self.rows {
                cands.extend(self.build(col, row, ix));
            }
            starts[i + 1] = cands.len() as u32;
        }
        Block {
            starts,
            cands: cands.into_boxed_slice(),
        }
    }

    /// Candidates of a cell: with d the centre's nearest distance and r the cell's radius
    /// around the centre, every point of the cell has its nearest arc within d + 2r of the
    /// centre; of those, the arcs that [`may_beat`] the centre's nearest arc.
    fn build(&self, col: usize, row: usize, ix: &ArcIndex) -> Vec<(f32, u32)> {
        let (x0, y0) = (
            self.lon0 + col as f64 * self.step,
            self.lat0 + row as f64 * self.step,
        );
        let (x1, y1) = (x0 + self.step, y0 + self.step);
        let centre = self.centre(col, row);
        // The farthest points of a small lon/lat cell from its centre are its corners;
        // 1 % more covers the curvature of its edges.
        let r = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
            .iter()
            .map(|&(x, y)| {
                let d = sub(unit(x, y), centre);
                dot(d, d).sqrt()
            })
            .fold(0.0, f64::max)
            * 1.01;
        let (d, _) = ix.nearest_in_tree(centre);
        let reach = d + 2.0 * r + EPS;
        let query = reach + ix.max_sagitta + EPS;
        let within: Vec<(f64, u32)> = ix
            .tree
            .locate_within_distance(centre, query * query)
            .map(|s| (ix.arcs[s.idx as usize].chord2(centre).sqrt(), s.idx))
            .filter(|&(dist, _)| dist <= reach)
            .collect();
        let Some(&(d0, k0)) = within.iter().min_by(|a, b| a.0.total_cmp(&b.0)) else {
            return Vec::new();
        };
        let a0 = &ix.arcs[k0 as usize];
        let mut candidates: Vec<(f64, u32)> = within
            .into_iter()
            .filter(|&(dist, k)| {
                k == k0 || may_beat(centre, r, (&ix.arcs[k as usize], dist), (a0, d0))
            })
            .collect();
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        candidates
            .into_iter()
            .map(|(dist, k)| (f32_down(dist), k))
            .collect()
    }
}

/// The largest f32 at most `x` (x ≥ 0 and finite).
fn f32_down(x: f64) -> f32 {
    let f = x as f32;
    if f as f64 > x { f.next_down() } else { f }
}

/// Whether `arc`, at chord `dist` from the centre `c` of a cell of radius `r`, can be nearer
/// than `best` (at chord `d0` from `c`) to some point x of the cell. With g = dist(·, arc) −
/// dist(·, best) (a difference of distances in 3-D), g(x) ≥ g(c) − L·r, where L bounds the
/// difference of the two distance gradients over the cell: each gradient is the direction
/// from a point of its arc to x, and these lie within a known angle of the direction from
/// the arc's midpoint to c (the arc lies in a ball around its midpoint). So the arc can be
/// dropped if g(c) > 2r (L ≤ 2 always) or g(c) > L·r.
fn may_beat(c: V3, r: f64, (arc, dist): (&Arc, f64), (best, d0): (&Arc, f64)) -> bool {
    let g = dist - d0;
    if g > 2.0 * r + EPS {
        return false;
    }
    // Direction from the arc's ball to c, and the half-angle of the cone of directions from
    // the arc to the cell; `None` if the ball and the cell overlap.
    let cone = |arc: &Arc| -> Option<(V3, f64)> {
        let (m, rho) = arc.ball();
        let v = sub(c, m);
        let len = dot(v, v).sqrt();
        let s = (r + rho) / len;
        (s < 1.0).then(|| ([v[0] / len, v[1] / len, v[2] / len], s.asin()))
    };
    let (Some((va, aa)), Some((vb, ab))) = (cone(arc), cone(best)) else {
        return true;
    };
    let between = dot(va, vb).clamp(-1.0, 1.0).acos();
    let lipschitz = 2.0 * ((between + aa + ab).min(std::f64::consts::PI) / 2.0).sin();
    g <= lipschitz * r + EPS
}

#[cfg(test)]
mod tests {
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;

    /// A random unit vector within chord `r` of `c` (not uniform; it need not be).
    fn near(rng: &mut ChaCha8Rng, c: V3, r: f64) -> V3 {
        let q = [
            c[0] + rng.random_range(-r..r),
            c[1] + rng.random_range(-r..r),
            c[2] + rng.random_range(-r..r),
        ];
        let len = dot(q, q).sqrt();
        let q = [q[0] / len, q[1] / len, q[2] / len];
        let d = sub(q, c);
        if dot(d, d).sqrt() <= r { q } else { c }
    }

    /// A wiggly line of 30 arcs of 3–6 km from a random start.
    fn wiggly_line(rng: &mut ChaCha8Rng) -> Vec<Arc> {
        let (mut lon, mut lat) = (rng.random_range(68.0..72.0), rng.random_range(30.0..34.0));
        let heading: f64 = rng.random_range(0.0..std::f64::consts::TAU);
        (0..30)
            .map(|_| {
                let h = heading + rng.random_range(-0.8..0.8);
                let step = rng.random_range(0.03..0.055);
                let (lon1, lat1) = (lon + step * h.cos(), lat + step * h.sin());
                let arc = Arc::new(unit(lon, lat), unit(lon1, lat1));
                (lon, lat) = (lon1, lat1);
                arc
            })
            .collect()
    }

    /// Whenever `may_beat` drops an arc, the arc is farther than the centre's nearest arc
    /// from every point tried in the cell; and it does drop arcs the plain `d + 2r` rule keeps.
    #[test]
    fn may_beat_drops_only_arcs_that_cannot_be_nearer() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let (mut dropped_by_cone, mut checked) = (0, 0);
        for _ in 0..300 {
            let arcs = wiggly_line(&mut rng);
            let c = unit(rng.random_range(60.0..80.0), rng.random_range(20.0..40.0));
            let r = rng.random_range(1e-4..3e-3);
            let dist: Vec<f64> = arcs.iter().map(|a| a.chord2(c).sqrt()).collect();
            let k0 = (0..arcs.len())
                .min_by(|&i, &j| dist[i].total_cmp(&dist[j]))
                .unwrap();
            for (k, arc) in arcs.iter().enumerate() {
                if k == k0 || may_beat(c, r, (arc, dist[k]), (&arcs[k0], dist[k0])) {
                    continue;
                }
                if dist[k] - dist[k0] <= 2.0 * r {
                    dropped_by_cone += 1;
                }
                for _ in 0..20 {
                    let x = near(&mut rng, c, r);
                    checked += 1;
                    assert!(
                        arc.chord2(x) >= arcs[k0].chord2(x),
                        "dropped arc nearer at a point of the cell"
                    );
                }
            }
        }
        assert!(dropped_by_cone > 500, "{dropped_by_cone}");
        assert!(checked > 50_000, "{checked}");
    }

    #[test]
    fn f32_down_is_never_above() {
        for x in [0.0, 1e-9, 0.1, 0.123456789, 1.0, 1.9999999999] {
            let f = f32_down(x);
            assert!(
                f as f64 <= x && (x - f as f64) <= 1e-7 * x.max(1e-30),
                "{x} {f}"
            );
        }
    }
}
