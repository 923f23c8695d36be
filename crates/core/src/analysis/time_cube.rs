//! Time cube: a selection's density grid and unit counts prefix-summed over week or month bins.
//!
//! Any window of whole bins gets its grid and counts in O(cells + units), without a pass over
//! the incidents.
//!
//! Kernel density is linear in the points, so the grid of bins `a..e` is `C[e] − C[a]`, where
//! `C` is the running sum of each bin's own [`kernel_density`]; counts likewise. An incident
//! dated only to a month or a year spans several (weekly) bins, and a window keeps it only if
//! it holds the whole span, as [`super::filter_incidents`] does. Such spans are grouped by
//! distinct span into chains along which both ends grow, each prefix-summed on its own: a
//! window keeps a contiguous run of every chain (in practice one chain of single bins, plus
//! one for month-dated and one for year-dated incidents when there are any).
//!
//! Storage: running grids in f32 (accumulated in f64, each rounded once), 4 bytes per cell and
//! span, i.e. 1 MiB per bin on a 512² grid and 4 MiB on 1024²; counts are exact integers.

use chrono::NaiveDate;

use crate::incidents::IncidentStore;
use crate::model::AdminUnit;

use super::counts::{CountSlots, CountTable, Placement};
use super::grid::GridSpec;
use super::kde::DensityGrid;
use super::time::{TimeBucket, bucket_start};
use super::time_cube_build;

/// Bytes of one stored grid cell (f32).
pub(super) const CELL_BYTES: usize = 4;

/// One admin level the cube counts by.
#[derive(Debug, Clone, Copy)]
pub struct CubeLevel<'a> {
    /// Placement of every incident of the store at this level ([`super::place_incidents`]).
    pub placements: &'a [Placement],
    pub units: &'a [AdminUnit],
    /// The next level up, whose units the `Unassigned` placements index.
    pub parent: Option<&'a [AdminUnit]>,
}

/// What a cube is built from: everything but the date range.
#[derive(Debug, Clone, Copy)]
pub struct CubeInput<'a> {
    pub store: &'a IncidentStore,
    /// Incidents the other filters keep, whatever their date (ascending store indices), e.g.
    /// [`super::filter_incidents`] without a date range.
    pub selected: &'a [u32],
    /// Which incidents go into the density grid, by store index (missing: not).
    pub mappable: &'a [bool],
    /// Density weight by store index (`None`: 1 each), as [`kernel_density`] takes them.
    pub weights: Option<&'a [f64]>,
    /// Fatalities by store index, for the counts (missing: 0).
    pub fatalities: &'a [u32],
    pub grid: GridSpec,
    pub bandwidth_km: f64,
    pub bucket: TimeBucket,
    pub levels: &'a [CubeLevel<'a>],
}

/// Why no cube was built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CubeError {
    #[error("the time cube would take {bytes} bytes (limit {limit})")]
    TooLarge { bytes: usize, limit: usize },
}

/// Bins `first..end` of a cube (empty when `end <= first`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BinWindow {
    pub first: usize,
    pub end: usize,
}

/// The incidents of a window, as [`super::filter_incidents`] would count them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WindowTotals {
    /// Kept (the length of `Filtered::indices`).
    pub incidents: u64,
    /// Of them, the mappable ones (those in the density grid).
    pub mapped: u64,
    /// Dated periods overlapping the window without lying inside it (`Filtered::uncertain`).
    pub uncertain: u64,
}

/// Spans (first bin, last bin) with both ends non-decreasing, and running sums over them:
/// entry `j` of each running list sums spans `0..j`.
#[derive(Debug, Clone)]
pub(super) struct Chain {
    pub(super) spans: Vec<(u32, u32)>,
    /// `spans.len() + 1` grids of `cells` values.
    pub(super) grids: Vec<f32>,
    /// Weight inside and outside the grid box.
    pub(super) weight: Vec<[f64; 2]>,
    /// Incidents, and of them mappable ones.
    pub(super) incidents: Vec<[u64; 2]>,
    /// Per level, `spans.len() + 1` rows of [events, fatalities] per count slot.
    pub(super) counts: Vec<Vec<[u64; 2]>>,
}

impl Chain {
    /// Spans inside the window: a contiguous run `lo..hi`.
    fn inside(&self, w: BinWindow) -> (usize, usize) {
        let lo = self.spans.partition_point(|s| (s.0 as usize) < w.first);
        let hi = self.spans.partition_point(|s| (s.1 as usize) < w.end);
        (lo, hi.max(lo))
    }

    /// Spans meeting the window (last bin ≥ first, first bin < end).
    fn overlapping(&self, w: BinWindow) -> (usize, usize) {
        let lo = self.spans.partition_point(|s| (s.1 as usize) < w.first);
        let hi = self.spans.partition_point(|s| (s.0 as usize) < w.end);
        (lo, hi.max(lo))
    }
}

/// Running density grids and counts of one selection over time bins.
#[derive(Debug, Clone)]
pub struct TimeCube {
    pub(super) bucket: TimeBucket,
    /// First day of each bin, consecutive, from the earliest to the latest dated incident.
    pub(super) bins: Vec<NaiveDate>,
    pub(super) spec: GridSpec,
    /// Chain 0 holds every single bin; the others the longer spans.
    pub(super) chains: Vec<Chain>,
    pub(super) levels: Vec<CountSlots>,
}

impl TimeCube {
    /// Build the cube of `input` on all cores. `max_bytes` caps the running grids (the bulk of
    /// the cube): a larger cube is refused before anything big is allocated.
    pub fn build(input: &CubeInput<'_>, max_bytes: usize) -> Result<Self, CubeError> {
        time_cube_build::build(input, max_bytes)
    }

    /// Bytes of one bin's running grid on `spec` (f32 per cell).
    pub fn grid_bytes_per_bin(spec: &GridSpec) -> usize {
        spec.width * spec.height * CELL_BYTES
    }

    pub fn bucket(&self) -> TimeBucket {
        self.bucket
    }

    /// First day of each bin (consecutive weeks or months).
    pub fn bins(&self) -> &[NaiveDate] {
        &self.bins
    }

    pub fn spec(&self) -> &GridSpec {
        &self.spec
    }

    /// Number of spans that are not a single bin (incidents dated to a month or a year).
    pub fn long_spans(&self) -> usize {
        self.chains.iter().skip(1).map(|c| c.spans.len()).sum()
    }

    /// The bins of a date range (first day `from`, last day `to`, `None`: open), if it is
    /// made of whole bins: `from` the first day of a bin, `to` the last day of one.
    pub fn window(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<BinWindow> {
        let first = match from {
            None => 0,
            Some(f) if bucket_start(f, self.bucket) == f => self.bins.partition_point(|&s| s < f),
            Some(_) => return None,
        };
        let end = match to {
            None => self.bins.len(),
            Some(t) => {
                let next = t.succ_opt()?;
                if bucket_start(next, self.bucket) != next {
                    return None;
                }
                self.bins.partition_point(|&s| s <= t)
            }
        };
        Some(BinWindow { first, end })
    }

    /// The density grid of the window's incidents: Σ over chains of two running grids' difference, on the calling thread only (no wait on a busy thread pool).
    pub fn density(&self, w: BinWindow) -> DensityGrid {
        let cells = self.spec.width * self.spec.height;
        let mut values = vec![0.0f64; cells];
        let mut weight = [0.0f64; 2];
        for c in &self.chains {
            let (lo, hi) = c.inside(w);
            if lo == hi {
                continue;
            }
            let (a, b) = (
                &c.grids[lo * cells..][..cells],
                &c.grids[hi * cells..][..cells],
            );
            for ((v, &x), &y) in values.iter_mut().zip(b).zip(a) {
                // f32 rounding can leave a hair below zero where the density is ~0.
                *v += (x as f64 - y as f64).max(0.0);
            }
            weight[0] += c.weight[hi][0] - c.weight[lo][0];
            weight[1] += c.weight[hi][1] - c.weight[lo][1];
        }
        DensityGrid {
            spec: self.spec,
            values,
            weight_in: weight[0],
            weight_outside: weight[1],
        }
    }

    /// The highest density any window of `len` consecutive bins reaches: the top of a colour
    /// scale every frame of a playback by `len` bins shares (0 for no such window).
    pub fn frames_peak(&self, len: usize) -> f64 {
        let n = self.bins.len();
        if len == 0 || len > n {
            return 0.0;
        }
        (0..=n - len)
            .map(|first| {
                let g = self.density(BinWindow {
                    first,
                    end: first + len,
                });
                g.values.iter().copied().fold(0.0f64, f64::max)
            })
            .fold(0.0f64, f64::max)
    }

    /// The counts of the window's incidents at level `level` (as given to the build), equal
    /// to [`super::count_by_unit`] of their placements; `None` for no such level.
    pub fn counts(&self, level: usize, w: BinWindow) -> Option<CountTable> {
        let slots = self.levels.get(level)?;
        let n = slots.len();
        let mut sums = vec![[0u64; 2]; n];
        for c in &self.chains {
            let (lo, hi) = c.inside(w);
            if lo == hi {
                continue;
            }
            let rows = &c.counts[level];
            let (a, b) = (&rows[lo * n..][..n], &rows[hi * n..][..n]);
            for ((s, x), y) in sums.iter_mut().zip(b).zip(a) {
                s[0] += x[0] - y[0];
                s[1] += x[1] - y[1];
            }
        }
        Some(slots.table(|k| sums[k]))
    }

    /// How many incidents the window keeps, maps, and leaves out as uncertain.
    pub fn totals(&self, w: BinWindow) -> WindowTotals {
        let mut t = WindowTotals::default();
        for c in &self.chains {
            let (lo, hi) = c.inside(w);
            let (olo, ohi) = c.overlapping(w);
            t.incidents += c.incidents[hi][0] - c.incidents[lo][0];
            t.mapped += c.incidents[hi][1] - c.incidents[lo][1];
            t.uncertain += (c.incidents[ohi][0] - c.incidents[olo][0])
                - (c.incidents[hi][0] - c.incidents[lo][0]);
        }
        t
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        let chain = |c: &Chain| {
            c.grids.capacity() * CELL_BYTES
                + c.spans.capacity() * 8
                + c.weight.capacity() * 16
                + c.incidents.capacity() * 16
                + c.counts.iter().map(|v| v.capacity() * 16).sum::<usize>()
        };
        self.chains.iter().map(chain).sum::<usize>() + self.bins.capacity() * 4
    }
}
