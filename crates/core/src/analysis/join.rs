//! Spatial join of points to admin units: a grid of cell lists over the units' bounding boxes
//! picks candidate units (or answers at once for a cell no unit edge reaches), a strip-indexed
//! point-in-polygon test ([`super::join_poly`]) decides.
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

use super::join_grid::{MIXED, NONE, UnitGrid};
use super::join_poly::{Position, PreparedPolygon};
use crate::model::AdminUnit;

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
        let mut ix = AdminIndex {
            units,
            grid: UnitGrid::new(&boxes, units.iter().map(|u| &u.geometry)),
            boxes,
            polygons: units
                .par_iter()
                .map(|u| PreparedPolygon::new(&u.geometry))
                .collect(),
        };
        ix.grid.answers = ix
            .grid
            .answers_by(|cell, x, y| ix.locate_in(&ix.grid, cell, x, y));
        ix
    }

    pub fn units(&self) -> &'a [AdminUnit] {
        self.units
    }

    /// Index of the unit holding (lon, lat) under the module's boundary rule.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        if !lon.is_finite() || !lat.is_finite() {
            return None;
        }
        let cell = self.grid.cell_index(lon, lat)?;
        match self.grid.answers[cell] {
            MIXED => self.locate_in(&self.grid, cell, lon, lat),
            NONE => None,
            i => Some(i as usize),
        }
    }

    /// [`AdminIndex::locate`] by testing the candidates of the point's grid cell.
    fn locate_in(&self, grid: &UnitGrid, cell: usize, lon: f64, lat: f64) -> Option<usize> {
        let c = Coord { x: lon, y: lat };
        let mut boundary: Option<usize> = None;
        // Candidates come in ascending index order: the first interior hit wins.
        for &i in grid.candidates(cell) {
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
