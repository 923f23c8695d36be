//! Spatial join of points to admin units: a grid of cell lists over the units' bounding boxes
//! picks candidate units, a strip-indexed point-in-polygon test ([`super::join_poly`]) decides.
//!
//! Rule for points on boundaries (so each point is counted exactly once, deterministically):
//! 1. if the point lies in the interior of one or more units, it goes to the one with the
//!    lowest index in the unit slice (units of a partition do not overlap, so normally there
//!    is exactly one);
//! 2. otherwise, if it lies on the boundary of one or more units (e.g. exactly on a border
//!    shared by two districts), it goes to the one with the lowest index whose closed polygon
//!    `intersects` it;
//! 3. otherwise it is in no unit.

use geo::{BoundingRect, Coord};
use rayon::prelude::*;

use super::join_poly::{Position, PreparedPolygon};
use crate::model::AdminUnit;

/// Most grid cells per side.
const GRID_SIDE: usize = 256;

/// Cell lists over the units' bounding boxes: cell → the units whose box meets it.
struct UnitGrid {
    x0: f64,
    y0: f64,
    sx: f64,
    sy: f64,
    cols: usize,
    rows: usize,
    /// Units of cell i: `ids[starts[i]..starts[i + 1]]`, ascending.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl UnitGrid {
    fn new(boxes: &[Option<[f64; 4]>]) -> Self {
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
            sx: scale(b[0], b[2], cols),
            sy: scale(b[1], b[3], rows),
            cols,
            rows,
            starts: Vec::new(),
            ids: Vec::new(),
        };
        let mut cells: Vec<Vec<u32>> = vec![Vec::new(); cols * rows];
        for (i, r) in boxes.iter().enumerate() {
            let Some(r) = r else { continue };
            let (c0, r0) = g.cell(r[0], r[1]);
            let (c1, r1) = g.cell(r[2], r[3]);
            for row in r0..=r1 {
                for cell in &mut cells[row * cols + c0..=row * cols + c1] {
                    cell.push(i as u32);
                }
            }
        }
        for c in cells {
            g.starts.push(g.ids.len() as u32);
            g.ids.extend(c);
        }
        g.starts.push(g.ids.len() as u32);
        g
    }

    /// Cell (col, row) of a point, clamped to the grid.
    fn cell(&self, x: f64, y: f64) -> (usize, usize) {
        let c = (((x - self.x0) * self.sx).max(0.0) as usize).min(self.cols - 1);
        let r = (((y - self.y0) * self.sy).max(0.0) as usize).min(self.rows - 1);
        (c, r)
    }

    fn candidates(&self, x: f64, y: f64) -> &[u32] {
        if self.cols == 0 || !(x >= self.x0 && y >= self.y0) {
            return &[];
        }
        let (c, r) = self.cell(x, y);
        let i = r * self.cols + c;
        &self.ids[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// A slice of admin units (normally one level: all districts, or all provinces) indexed for
/// point lookups.
pub struct AdminIndex<'a> {
    units: &'a [AdminUnit],
    boxes: Vec<Option<[f64; 4]>>,
    grid: UnitGrid,
    polygons: Vec<PreparedPolygon>,
}

impl<'a> AdminIndex<'a> {
    pub fn new(units: &'a [AdminUnit]) -> Self {
        let boxes: Vec<Option<[f64; 4]>> = units
            .iter()
            .map(|u| {
                let r = u.geometry.bounding_rect()?;
                Some([r.min().x, r.min().y, r.max().x, r.max().y])
            })
            .collect();
        AdminIndex {
            units,
            grid: UnitGrid::new(&boxes),
            boxes,
            polygons: units
                .par_iter()
                .map(|u| PreparedPolygon::new(&u.geometry))
                .collect(),
        }
    }

    pub fn units(&self) -> &'a [AdminUnit] {
        self.units
    }

    /// Index of the unit holding (lon, lat) under the module's boundary rule.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        if !lon.is_finite() || !lat.is_finite() {
            return None;
        }
        let c = Coord { x: lon, y: lat };
        let mut boundary: Option<usize> = None;
        // Candidates come in ascending index order: the first interior hit wins.
        for &i in self.grid.candidates(lon, lat) {
            let i = i as usize;
            let Some(b) = self.boxes[i] else { continue };
            if !(lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]) {
                continue;
            }
            match self.polygons[i].position(c) {
                Position::Inside => return Some(i),
                Position::OnBoundary => {
                    boundary.get_or_insert(i);
                }
                Position::Outside => {}
            }
        }
        boundary
    }

    /// [`AdminIndex::locate`] for many points (on all cores); `None` for a point in no unit.
    /// `lons` and `lats` must have equal length (extra entries are ignored).
    pub fn locate_all(&self, lons: &[f64], lats: &[f64]) -> Vec<Option<u32>> {
        lons.par_iter()
            .zip(lats.par_iter())
            .with_min_len(4096)
            .map(|(&lon, &lat)| self.locate(lon, lat).map(|i| i as u32))
            .collect()
    }
}
