//! Spatial join of points to admin units: an R-tree over unit bounding boxes picks candidate
//! units, an interval-tree point-in-polygon test decides.
//!
//! Rule for points on boundaries (so each point is counted exactly once, deterministically):
//! 1. if the point lies in the interior of one or more units, it goes to the one with the
//!    lowest index in the unit slice (units of a partition do not overlap, so normally there
//!    is exactly one);
//! 2. otherwise, if it lies on the boundary of one or more units (e.g. exactly on a border
//!    shared by two districts), it goes to the one with the lowest index whose closed polygon
//!    `intersects` it;
//! 3. otherwise it is in no unit.

use std::thread;

use geo::indexed::IntervalTreeMultiPolygon;
use geo::{BoundingRect, Contains, Intersects, Point};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};

use crate::model::AdminUnit;

type BoxEntry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// Points at or below which a join runs on one thread.
const SERIAL_BELOW: usize = 50_000;

/// A slice of admin units (normally one level: all districts, or all provinces) indexed for
/// point lookups.
pub struct AdminIndex<'a> {
    units: &'a [AdminUnit],
    tree: RTree<BoxEntry>,
    polygons: Vec<IntervalTreeMultiPolygon<f64>>,
}

impl<'a> AdminIndex<'a> {
    pub fn new(units: &'a [AdminUnit]) -> Self {
        let boxes = units
            .iter()
            .enumerate()
            .filter_map(|(i, u)| {
                let r = u.geometry.bounding_rect()?;
                let rect = Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]);
                Some(GeomWithData::new(rect, i))
            })
            .collect();
        AdminIndex {
            units,
            tree: RTree::bulk_load(boxes),
            polygons: units
                .iter()
                .map(|u| IntervalTreeMultiPolygon::new(&u.geometry))
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
        let p = Point::new(lon, lat);
        let mut interior: Option<usize> = None;
        let mut any_candidate = false;
        for e in self.tree.locate_all_at_point(&[lon, lat]) {
            any_candidate = true;
            let i = e.data;
            if interior.is_none_or(|best| i < best) && self.polygons[i].contains(&p) {
                interior = Some(i);
            }
        }
        if interior.is_some() || !any_candidate {
            return interior;
        }
        // Slow path, only for points in no interior: boundaries.
        self.tree
            .locate_all_at_point(&[lon, lat])
            .map(|e| e.data)
            .filter(|&i| self.units[i].geometry.intersects(&p))
            .min()
    }

    /// [`AdminIndex::locate`] for many points (on all cores for large inputs); `None` for a
    /// point in no unit. `lons` and `lats` must have equal length (extra entries are ignored).
    pub fn locate_all(&self, lons: &[f64], lats: &[f64]) -> Vec<Option<u32>> {
        let n = lons.len().min(lats.len());
        let mut out = vec![None; n];
        let threads = thread::available_parallelism()
            .map_or(1, |t| t.get())
            .min(16);
        if n <= SERIAL_BELOW || threads == 1 {
            self.locate_into(&lons[..n], &lats[..n], &mut out);
            return out;
        }
        let chunk = n.div_ceil(threads);
        thread::scope(|s| {
            for ((lo, la), o) in lons[..n]
                .chunks(chunk)
                .zip(lats[..n].chunks(chunk))
                .zip(out.chunks_mut(chunk))
            {
                s.spawn(move || self.locate_into(lo, la, o));
            }
        });
        out
    }

    fn locate_into(&self, lons: &[f64], lats: &[f64], out: &mut [Option<u32>]) {
        for ((&lon, &lat), o) in lons.iter().zip(lats).zip(out.iter_mut()) {
            *o = self.locate(lon, lat).map(|i| i as u32);
        }
    }
}
