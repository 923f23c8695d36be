//! A uniform grid of buckets over the image for fast "does this box hit anything" queries.

use super::types::Rect;

/// Most cells along one side; larger extents get bigger cells.
const MAX_CELLS_PER_SIDE: f32 = 256.0;

/// Occupied boxes bucketed by the grid cells they touch.
pub(crate) struct Grid {
    origin: [f32; 2],
    cell: f32,
    cols: usize,
    rows: usize,
    /// Per cell, the boxes touching it (with their insertion number, to count each once).
    cells: Vec<Vec<(u32, Rect)>>,
    count: u32,
}

impl Grid {
    /// A grid over `extent` with cells of about `cell` px (at most 256 per side).
    /// Boxes beyond the extent are kept in the edge cells, so nothing is ever missed.
    pub fn new(extent: Rect, cell: f32) -> Self {
        let longest = extent.w.max(extent.h).max(1.0);
        let cell = cell.max(1.0).max(longest / MAX_CELLS_PER_SIDE);
        let cols = ((extent.w / cell).ceil() as usize).max(1);
        let rows = ((extent.h / cell).ceil() as usize).max(1);
        Self {
            origin: [extent.x, extent.y],
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            count: 0,
        }
    }

    fn span(&self, lo: f32, hi: f32, origin: f32, n: usize) -> (usize, usize) {
        let max = (n - 1) as f32;
        let a = ((lo - origin) / self.cell).floor().clamp(0.0, max);
        let b = ((hi - origin) / self.cell).floor().clamp(0.0, max);
        (a as usize, b as usize)
    }

    /// Column and row ranges (inclusive) of the cells `r` touches.
    fn range(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let (c0, c1) = self.span(r.x, r.right(), self.origin[0], self.cols);
        let (r0, r1) = self.span(r.y, r.bottom(), self.origin[1], self.rows);
        (c0, c1, r0, r1)
    }

    pub fn insert(&mut self, r: Rect) {
        let id = self.count;
        self.count += 1;
        let (c0, c1, r0, r1) = self.range(&r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push((id, r));
            }
        }
    }

    /// True when `r` overlaps any stored box.
    pub fn hits(&self, r: &Rect) -> bool {
        let (c0, c1, r0, r1) = self.range(r);
        for row in r0..=r1 {
            for cell in &self.cells[row * self.cols + c0..=row * self.cols + c1] {
                if cell.iter().any(|(_, o)| o.overlaps(r)) {
                    return true;
                }
            }
        }
        false
    }

    /// Total area of `r` covered by stored boxes (each box counted once).
    pub fn covered(&self, r: &Rect) -> f32 {
        let (c0, c1, r0, r1) = self.range(r);
        let mut hits: Vec<(u32, Rect)> = Vec::new();
        for row in r0..=r1 {
            for col in c0..=c1 {
                hits.extend(self.cells[row * self.cols + col].iter().copied());
            }
        }
        hits.sort_unstable_by_key(|h| h.0);
        hits.dedup_by_key(|h| h.0);
        hits.iter().map(|(_, o)| o.overlap_area(r)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlaps_across_cells_and_outside_the_extent() {
        let mut g = Grid::new(Rect::new(0.0, 0.0, 100.0, 100.0), 10.0);
        g.insert(Rect::new(5.0, 5.0, 30.0, 10.0));
        g.insert(Rect::new(150.0, -40.0, 10.0, 10.0));
        assert!(g.hits(&Rect::new(30.0, 12.0, 5.0, 5.0)));
        assert!(
            !g.hits(&Rect::new(35.0, 5.0, 5.0, 5.0)),
            "touching edges do not overlap"
        );
        assert!(g.hits(&Rect::new(155.0, -35.0, 1.0, 1.0)));
        assert!(!g.hits(&Rect::new(50.0, 50.0, 10.0, 10.0)));
        assert_eq!(g.covered(&Rect::new(0.0, 0.0, 15.0, 15.0)), 100.0);
    }
}
