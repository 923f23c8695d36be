//! The filter-dependent results, computed on the analysis worker: the selected incidents,
//! counts and classes per unit (through [`DensityModel`], as the CLI), the heatmap, clusters,
//! the timeline and the border figures. (A frame for a new date range can also be made from
//! the time cube: [`super::cube_frame`].)

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use atlas_core::analysis::{
    Classes, CountTable, Filtered, GridSpec, TimeHistogram, distance_histogram, kernel_density,
    time_histogram,
};

use super::clusters::{ClusterLevels, cluster_levels};
use super::dataset::Dataset;
use super::heat::{Heat, grid_for, heat_from_grid};
use super::model::{By, DensityQuery, Weight};
use super::params::DensityParams;

/// Border histogram bin width and last bin start, km.
pub const BORDER_BIN_KM: f64 = 25.0;
pub const BORDER_MAX_KM: f64 = 500.0;

/// Counts and classes at one level.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitValues {
    pub by: By,
    pub weight: Weight,
    pub table: CountTable,
    /// Events or fatalities (per the weighting) of each unit of the level.
    pub values: Vec<f64>,
    /// Classes of the non-zero values.
    pub classes: Classes,
    /// Class of each unit; `None` for zero.
    pub class_of_unit: Vec<Option<u8>>,
}

/// Distance to the border of the selected incidents.
#[derive(Debug, Clone, PartialEq)]
pub struct BorderStats {
    pub km: f64,
    /// Selected incidents with a distance.
    pub measured: usize,
    pub within: usize,
    pub share: f64,
    /// Counts per [`BORDER_BIN_KM`] up to [`BORDER_MAX_KM`], the last bin everything beyond.
    pub histogram: Vec<u64>,
}

/// How many incidents the settings select.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    pub incidents: usize,
    /// Of them, precise enough to map.
    pub mapped: usize,
    /// Left out: dated only to a month or year that overlaps the range.
    pub uncertain: usize,
}

/// Everything the density views show for one set of [`DensityParams`].
#[derive(Debug, Clone)]
pub struct Analysis {
    pub params: DensityParams,
    pub shown: Shown,
    pub fatalities: u64,
    pub units: UnitValues,
    pub heat: Option<Arc<Heat>>,
    /// Events per week / month of the actor and type selection, all dates.
    pub timeline: Arc<TimeHistogram>,
    /// Made from the time cube on the UI thread ([`super::cube_frame`]): everything above is
    /// for `params`, but `selected`, `mapped`, `clusters` and `border` below are the worker's
    /// for an earlier date range, until the worker's own result replaces this one.
    pub from_cube: bool,
    pub selected: Arc<Filtered>,
    /// Selected incidents precise enough to map (points, heatmap).
    pub mapped: Arc<Vec<u32>>,
    pub clusters: Arc<ClusterLevels>,
    pub border: Option<BorderStats>,
}

/// Values, classes and each unit's class (units with zero stay unclassed, as in
/// [`super::model::DensityModel::classes`]).
pub fn class_units(ds: &Dataset, q: &DensityQuery, table: CountTable) -> UnitValues {
    let values: Vec<f64> = table
        .units
        .iter()
        .map(|u| match q.weight {
            Weight::Events => u.events as f64,
            Weight::Fatalities => u.fatalities as f64,
        })
        .collect();
    let classes = ds.model.classes(q, &table);
    let class_of_unit = values
        .iter()
        .map(|&v| {
            (v > 0.0)
                .then(|| classes.class_of(v))
                .flatten()
                .map(|c| c as u8)
        })
        .collect();
    UnitValues {
        by: q.by,
        weight: q.weight,
        table,
        values,
        classes,
        class_of_unit,
    }
}

/// Share within `q.border_km` (as the CLI reports it) and the distance histogram of the
/// selected incidents; `None` without a border.
pub fn border_stats(ds: &Dataset, q: &DensityQuery, f: &Filtered) -> Option<BorderStats> {
    if !ds.has_border {
        return None;
    }
    let d: Vec<f64> = f
        .indices
        .iter()
        .filter_map(|&i| ds.model.border_km.get(i as usize).copied())
        .filter(|v| v.is_finite())
        .collect();
    Some(BorderStats {
        km: q.border_km,
        measured: d.len(),
        within: d.iter().filter(|&&v| v <= q.border_km).count(),
        share: ds.model.share_within_border(q, f),
        histogram: distance_histogram(&d, BORDER_BIN_KM, BORDER_MAX_KM),
    })
}

/// Lon/lat bounds of the mappable incidents of `idx`.
fn mapped_bounds(ds: &Dataset, idx: &[u32]) -> Option<[f64; 4]> {
    let (lons, lats) = (ds.store().lons(), ds.store().lats());
    let mappable = |i: &&u32| ds.mappable.get(**i as usize).copied().unwrap_or(false);
    idx.iter().filter(mappable).fold(None, |acc, &i| {
        let (x, y) = (*lons.get(i as usize)?, *lats.get(i as usize)?);
        Some(match acc {
            None => [x, y, x, y],
            Some([a, b, c, d]) => [a.min(x), b.min(y), c.max(x), d.max(y)],
        })
    })
}

/// The heatmap grid for the bandwidth, fitted to the mappable incidents of `all`: the
/// selection over every date, so that the grid stays put while the date range moves (and the
/// time cube's grid is the same one).
pub fn heat_spec(ds: &Dataset, all: &[u32], bandwidth_km: f64) -> Option<GridSpec> {
    grid_for(mapped_bounds(ds, all)?, bandwidth_km)
}

/// Density weight of each incident under `w`: its fatalities, or `None` for 1 each.
pub fn kde_weights(ds: &Dataset, w: Weight) -> Option<Vec<f64>> {
    (w == Weight::Fatalities).then(|| ds.fatalities.iter().map(|&f| f as f64).collect())
}

/// Kernel density of the mappable selected incidents on `spec`; `None` without any.
pub fn heat(ds: &Dataset, mapped: &[u32], spec: &GridSpec, params: &DensityParams) -> Option<Heat> {
    if mapped.is_empty() {
        return None;
    }
    let q = &params.query;
    let pick = |v: &[f64]| mapped.iter().map(|&i| v[i as usize]).collect::<Vec<f64>>();
    let (lons, lats) = (pick(ds.store().lons()), pick(ds.store().lats()));
    let weights: Option<Vec<f64>> = (q.weight == Weight::Fatalities).then(|| {
        mapped
            .iter()
            .map(|&i| ds.fatalities[i as usize] as f64)
            .collect()
    });
    let grid = kernel_density(&lons, &lats, weights.as_deref(), spec, q.bandwidth_km);
    Some(heat_from_grid(&grid, params.heat_key()))
}

/// Run every step. `previous` is reused when its heatmap key matches. Returns `None` when
/// `cancel` was set between steps.
pub fn analyse(
    ds: &Dataset,
    params: &DensityParams,
    previous: Option<Arc<Heat>>,
    cancel: &AtomicBool,
) -> Option<Analysis> {
    let stop = || cancel.load(Ordering::Relaxed);
    let q = &params.query;
    let selected = ds.model.filtered(q);
    let mapped: Vec<u32> = selected
        .indices
        .iter()
        .copied()
        .filter(|&i| ds.mappable.get(i as usize).copied().unwrap_or(false))
        .collect();
    let fatalities = selected
        .indices
        .iter()
        .map(|&i| ds.fatalities.get(i as usize).copied().unwrap_or(0) as u64)
        .sum();
    let units = class_units(ds, q, ds.model.counts(q, &selected));
    if stop() {
        return None;
    }
    let undated = ds.model.filtered(&params.undated());
    let timeline = time_histogram(ds.store(), Some(&undated.indices), params.bucket);
    let border = border_stats(ds, q, &selected);
    let clusters = cluster_levels(&ds.world, &ds.fatalities, &mapped);
    if stop() {
        return None;
    }
    let heat = match previous.filter(|h| h.key == params.heat_key()) {
        Some(h) => Some(h),
        None => heat_spec(ds, &undated.indices, q.bandwidth_km)
            .and_then(|spec| heat(ds, &mapped, &spec, params))
            .map(Arc::new),
    };
    if stop() {
        return None;
    }
    let shown = Shown {
        incidents: selected.indices.len(),
        mapped: mapped.len(),
        uncertain: selected.uncertain,
    };
    Some(Analysis {
        params: params.clone(),
        shown,
        fatalities,
        units,
        heat,
        timeline: Arc::new(timeline),
        from_cube: false,
        selected: Arc::new(selected),
        mapped: Arc::new(mapped),
        clusters: Arc::new(clusters),
        border,
    })
}

/// Legend labels of whole-number classes: class 0 is `[b0, b1]`, class i > 0 is
/// `(b_i, b_{i+1}]`, i.e. `b_i + 1 – b_{i+1}` for counts; one number when a class holds one
/// value.
pub fn class_labels(classes: &Classes) -> Vec<String> {
    classes
        .breaks
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let hi = w[1].floor();
            let lo = if i == 0 {
                w[0].ceil()
            } else {
                w[0].floor() + 1.0
            };
            if lo >= hi {
                format!("{hi:.0}")
            } else {
                format!("{lo:.0} – {hi:.0}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_labels_do_not_overlap_for_counts() {
        let c = Classes {
            breaks: vec![1.0, 1.0, 4.0, 9.0, 10.0],
        };
        assert_eq!(class_labels(&c), vec!["1", "2 – 4", "5 – 9", "10"]);
    }
}
