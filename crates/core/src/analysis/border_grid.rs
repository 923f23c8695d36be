//! Cell lists for border distance: a lon/lat grid around the line whose cells each hold the
//! only segments that can be nearest to a point in the cell, sorted by distance from the
//! cell's centre, so a query scans a few of them and stops early. Cells fill in on first use.

use std::sync::OnceLock;

use rstar::RTree;

use super::border_arc::{Arc, Segment, V3, dot, sub, unit};

/// Cell size, degrees.
const STEP_DEG: f64 = 0.1;
/// How far the grid reaches beyond the line's bounding box, degrees.
const MARGIN_DEG: f64 = 10.0;
/// Most cells in a grid (a longer line gets larger cells).
const MAX_CELLS: usize = 1 << 21;
/// Slack on every pruning bound (chord units; 1e-9 is 6 µm on the Earth).
const EPS: f64 = 1e-9;

/// One cell: its centre and its candidate segments as (chord distance from the centre,
/// arc index), nearest first.
struct Cell {
    centre: V3,
    candidates: Box<[(f64, u32)]>,
}

pub(super) struct CellGrid {
    lon0: f64,
    lat0: f64,
    step: f64,
    cols: usize,
    rows: usize,
    cells: Vec<OnceLock<Cell>>,
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
        CellGrid {
            lon0,
            lat0,
            step,
            cols,
            rows,
            cells: (0..cols * rows).map(|_| OnceLock::new()).collect(),
        }
    }

    fn cell_of(&self, lon: f64, lat: f64) -> Option<(usize, usize)> {
        let (fx, fy) = ((lon - self.lon0) / self.step, (lat - self.lat0) / self.step);
        if !(fx >= 0.0 && fy >= 0.0 && fx < self.cols as f64 && fy < self.rows as f64) {
            return None;
        }
        Some((fx as usize, fy as usize))
    }

    /// Chord distance from `p` at (lon, lat) to the nearest arc, if the point is on the grid.
    pub(super) fn nearest_chord(
        &self,
        lon: f64,
        lat: f64,
        p: V3,
        tree: &RTree<Segment>,
        arcs: &[Arc],
        max_sagitta: f64,
    ) -> Option<f64> {
        let (col, row) = self.cell_of(lon, lat)?;
        let cell = self.cells[row * self.cols + col]
            .get_or_init(|| self.build(col, row, tree, arcs, max_sagitta));
        let dc = {
            let d = sub(p, cell.centre);
            dot(d, d).sqrt()
        };
        let (mut best, mut best2) = (f64::INFINITY, f64::INFINITY);
        for &(from_centre, i) in cell.candidates.iter() {
            // Triangle inequality: the arc is at least `from_centre − dc` from p.
            if from_centre - dc > best + EPS {
                break;
            }
            let d2 = arcs[i as usize].chord2(p);
            if d2 < best2 {
                best2 = d2;
                best = d2.sqrt();
            }
        }
        Some(best)
    }

    /// Candidates of a cell: with d the centre's nearest distance and r the cell's radius
    /// around the centre, every point of the cell has its nearest arc within d + 2r of the
    /// centre.
    fn build(
        &self,
        col: usize,
        row: usize,
        tree: &RTree<Segment>,
        arcs: &[Arc],
        max_sagitta: f64,
    ) -> Cell {
        let (x0, y0) = (
            self.lon0 + col as f64 * self.step,
            self.lat0 + row as f64 * self.step,
        );
        let (x1, y1) = (x0 + self.step, y0 + self.step);
        let centre = unit((x0 + x1) / 2.0, (y0 + y1) / 2.0);
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
        let (d, _) = nearest_in_tree(tree, arcs, max_sagitta, centre);
        let reach = d + 2.0 * r + EPS;
        let query = reach + max_sagitta + EPS;
        let mut candidates: Vec<(f64, u32)> = tree
            .locate_within_distance(centre, query * query)
            .map(|s| (arcs[s.idx as usize].chord2(centre).sqrt(), s.idx))
            .filter(|&(dist, _)| dist <= reach)
            .collect();
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Cell {
            centre,
            candidates: candidates.into_boxed_slice(),
        }
    }
}
