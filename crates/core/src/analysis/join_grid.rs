//! The join's grid over the units' bounding boxes: per cell, the units whose box meets it
//! and, for a cell that no unit edge reaches, the cell's answer (the same for all its points).

use geo::MultiPolygon;

/// Cells per side.
const GRID_SIDE: usize = 512;
/// Answer of a cell that some edge reaches: test the point.
pub(super) const MIXED: u32 = u32::MAX;
/// Answer of a cell in no unit.
pub(super) const NONE: u32 = u32::MAX - 1;

pub(super) struct UnitGrid {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    sx: f64,
    sy: f64,
    cols: usize,
    rows: usize,
    /// Units of cell i: `ids[starts[i]..starts[i + 1]]`, ascending.
    starts: Vec<u32>,
    ids: Vec<u32>,
    /// Per cell: a unit index, [`NONE`] or [`MIXED`].
    pub(super) answers: Vec<u32>,
}

impl UnitGrid {
    /// Cell lists for `boxes` ([x_min, y_min, x_max, y_max]; `None` for an empty unit); every
    /// cell some edge of `geometries` reaches is [`MIXED`], the others wait for
    /// [`UnitGrid::answers_by`].
    pub(super) fn new<'g>(
        boxes: &[Option<[f64; 4]>],
        geometries: impl Iterator<Item = &'g MultiPolygon<f64>>,
    ) -> Self {
        let mut b = [f64::INFINITY, f64::INFINITY, -f64::INFINITY, -f64::INFINITY];
        for r in boxes.iter().flatten() {
            b = [
                b[0].min(r[0]),
                b[1].min(r[1]),
                b[2].max(r[2]),
                b[3].max(r[3]),
            ];
        }
        let (cols, rows) = if b[0] <= b[2] {
            (GRID_SIDE, GRID_SIDE)
        } else {
            (0, 0)
        };
        let scale = |lo: f64, hi: f64, n: usize| if hi > lo { n as f64 / (hi - lo) } else { 0.0 };
        let mut g = UnitGrid {
            x0: b[0],
            y0: b[1],
            x1: b[2],
            y1: b[3],
            sx: scale(b[0], b[2], cols),
            sy: scale(b[1], b[3], rows),
            cols,
            rows,
            starts: Vec::new(),
            ids: Vec::new(),
            answers: vec![NONE; cols * rows],
        };
        let mut cells: Vec<Vec<u32>> = vec![Vec::new(); cols * rows];
        for (i, r) in boxes.iter().enumerate() {
            if let Some(r) = r {
                g.for_cells(*r, |k| cells[k].push(i as u32));
            }
        }
        for c in cells {
            g.starts.push(g.ids.len() as u32);
            g.ids.extend(c);
        }
        g.starts.push(g.ids.len() as u32);
        if cols > 0 {
            let mut answers = std::mem::take(&mut g.answers);
            let lines = geometries.flat_map(|mp| mp.0.iter()).flat_map(|p| {
                p.exterior()
                    .lines()
                    .chain(p.interiors().iter().flat_map(|r| r.lines()))
            });
            for l in lines {
                let (a, b) = (l.start, l.end);
                let r = [a.x.min(b.x), a.y.min(b.y), a.x.max(b.x), a.y.max(b.y)];
                g.for_cells(r, |k| answers[k] = MIXED);
            }
            g.answers = answers;
        }
        g
    }

    /// Calls `f` with every cell a box [x_min, y_min, x_max, y_max] overlaps.
    fn for_cells(&self, r: [f64; 4], mut f: impl FnMut(usize)) {
        let (c0, r0) = self.cell(r[0], r[1]);
        let (c1, r1) = self.cell(r[2], r[3]);
        for row in r0..=r1 {
            for col in c0..=c1 {
                f(row * self.cols + col);
            }
        }
    }

    /// Cell (col, row) of a point, clamped to the grid.
    fn cell(&self, x: f64, y: f64) -> (usize, usize) {
        let c = (((x - self.x0) * self.sx).max(0.0) as usize).min(self.cols - 1);
        let r = (((y - self.y0) * self.sy).max(0.0) as usize).min(self.rows - 1);
        (c, r)
    }

    /// Cell index of a point inside the grid's extent.
    pub(super) fn cell_index(&self, x: f64, y: f64) -> Option<usize> {
        if self.cols == 0 || !(x >= self.x0 && y >= self.y0 && x <= self.x1 && y <= self.y1) {
            return None;
        }
        let (c, r) = self.cell(x, y);
        Some(r * self.cols + c)
    }

    pub(super) fn candidates(&self, cell: usize) -> &[u32] {
        &self.ids[self.starts[cell] as usize..self.starts[cell + 1] as usize]
    }

    /// A point of cell `k` (its centre, or a corner for a one-cell-wide extent).
    fn inner_point(&self, k: usize) -> (f64, f64) {
        let (c, r) = (k % self.cols, k / self.cols);
        let at = |lo: f64, s: f64, i: usize| {
            if s > 0.0 {
                lo + (i as f64 + 0.5) / s
            } else {
                lo
            }
        };
        (at(self.x0, self.sx, c), at(self.y0, self.sy, r))
    }

    /// The answer of every cell: [`MIXED`] stays, any other cell gets `locate` at a point
    /// of it ([`NONE`] for no unit). Store the result in [`UnitGrid::answers`].
    pub(super) fn answers_by(&self, locate: impl Fn(usize, f64, f64) -> Option<usize>) -> Vec<u32> {
        (0..self.answers.len())
            .map(|k| {
                if self.answers[k] == MIXED {
                    return MIXED;
                }
                let (x, y) = self.inner_point(k);
                // The point must map back to cell k; otherwise leave the cell to per-point tests.
                match self.cell_index(x, y) {
                    Some(j) if j == k => locate(k, x, y).map_or(NONE, |i| i as u32),
                    _ => MIXED,
                }
            })
            .collect()
    }
}
