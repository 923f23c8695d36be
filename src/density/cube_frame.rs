//! A frame for a new date range made from the time cube on the UI thread, in O(cells + units).
//!
//! The heatmap, the unit counts and classes, and the incident totals are those of the new
//! range (the classes recomputed for it, as the worker does); the incident points, clusters
//! and border figures are carried over from the worker's last result for the same selection
//! until its own for the range arrives.

use std::sync::Arc;

use atlas_core::analysis::TimeCube;

use super::analysis::{Analysis, Shown, class_units};
use super::cubes::level_of;
use super::dataset::Dataset;
use super::heat::heat_scaled_to;
use super::params::DensityParams;

/// The frame for `params` from `cube` (built for `params`' inputs, see
/// [`super::cubes::cube_key`]), with `base` (an analysis of the same inputs) lending the
/// timeline, points, clusters and border figures; `None` when the date range is not made of
/// whole bins of the cube. `top` is the colour-scale top the frames share (else the frame's
/// own peak).
pub fn cube_frame(
    ds: &Dataset,
    cube: &TimeCube,
    params: &DensityParams,
    base: &Analysis,
    top: Option<f64>,
) -> Option<Analysis> {
    let q = &params.query;
    let w = cube.window(q.filter.from, q.filter.to)?;
    let totals = cube.totals(w);
    let table = cube.counts(level_of(q.by), w)?;
    // Every selected incident is in exactly one row of a level's table.
    let fatalities = table.units.iter().map(|u| u.fatalities).sum::<u64>()
        + table.unassigned.iter().map(|u| u.fatalities).sum::<u64>()
        + table.outside_fatalities;
    let units = class_units(ds, q, table);
    let heat = (totals.mapped > 0)
        .then(|| Arc::new(heat_scaled_to(&cube.density(w), params.heat_key(), top)));
    Some(Analysis {
        params: params.clone(),
        shown: Shown {
            incidents: totals.incidents as usize,
            mapped: totals.mapped as usize,
            uncertain: totals.uncertain as usize,
        },
        fatalities,
        units,
        heat,
        timeline: base.timeline.clone(),
        from_cube: true,
        selected: base.selected.clone(),
        mapped: base.mapped.clone(),
        clusters: base.clusters.clone(),
        border: base.border.clone(),
    })
}
