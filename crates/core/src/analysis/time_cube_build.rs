//! Building a [`TimeCube`]: bins, spans and chains of the incidents, running grids and counts.
//!
//! Each span's grid is its own [`kernel_density`], spans a few at a time on all cores.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use rayon::prelude::*;

use super::counts::{CountSlots, Placement};
use super::kde::{DensityGrid, kernel_density};
use super::time::{TimeBucket, bucket_start};
use super::time_cube::{Chain, CubeError, CubeInput, TimeCube};

/// Bin of `d` counted from the bin starting `first`.
fn bin_index(first: NaiveDate, d: NaiveDate, bucket: TimeBucket) -> i64 {
    match bucket {
        TimeBucket::Week => (bucket_start(d, bucket) - first).num_days().div_euclid(7),
        TimeBucket::Month => {
            (d.year() - first.year()) as i64 * 12 + d.month() as i64 - first.month() as i64
        }
    }
}

/// The first bin (that of the earliest start) and the number of bins up to that of the
/// latest end; `None` without dates.
fn bin_range(
    dates: &[Option<(NaiveDate, NaiveDate)>],
    bucket: TimeBucket,
) -> Option<(NaiveDate, usize)> {
    let lo = dates.iter().flatten().map(|d| d.0).min()?;
    let hi = dates.iter().flatten().map(|d| d.1).max()?;
    let first = bucket_start(lo, bucket);
    Some((first, bin_index(first, hi, bucket).max(0) as usize + 1))
}

/// First days of `n` consecutive bins from `first` (all exist: the last holds a real date).
fn bins_from(first: NaiveDate, n: usize, bucket: TimeBucket) -> Vec<NaiveDate> {
    (0..n)
        .map_while(|k| match bucket {
            TimeBucket::Week => first.checked_add_days(chrono::Days::new(7 * k as u64)),
            TimeBucket::Month => first.checked_add_months(Months::new(k as u32)),
        })
        .collect()
}

/// Chains of the distinct spans longer than a bin: sorted by (first, last), each span joins
/// the chain whose last span ends latest without ending after it.
fn chains_of(mut spans: Vec<(u32, u32)>) -> Vec<Vec<(u32, u32)>> {
    spans.sort_unstable();
    spans.dedup();
    let mut chains: Vec<Vec<(u32, u32)>> = Vec::new();
    for s in spans {
        let best = chains
            .iter_mut()
            .filter_map(|c| Some((c.last()?.1, c)))
            .filter(|(end, _)| *end <= s.1)
            .max_by_key(|(end, _)| *end);
        match best {
            Some((_, c)) => c.push(s),
            None => chains.push(vec![s]),
        }
    }
    chains
}

/// Store indices grouped by entry (a span of a chain), ascending within each entry.
struct Groups {
    starts: Vec<usize>,
    members: Vec<u32>,
}

impl Groups {
    fn new(selected: &[u32], entry: &[Option<usize>], entries: usize) -> Self {
        let mut starts = vec![0usize; entries + 1];
        for e in entry.iter().flatten() {
            starts[e + 1] += 1;
        }
        for k in 0..entries {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut members = vec![0u32; starts[entries]];
        for (&i, e) in selected.iter().zip(entry) {
            if let Some(e) = *e {
                members[next[e]] = i;
                next[e] += 1;
            }
        }
        Groups { starts, members }
    }

    fn of(&self, e: usize) -> &[u32] {
        &self.members[self.starts[e]..self.starts[e + 1]]
    }
}

/// The density grid of the mappable incidents `members`; `None` when none has weight.
fn members_kde(input: &CubeInput<'_>, members: &[u32]) -> Option<DensityGrid> {
    let mapped: Vec<usize> = members
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| input.mappable.get(i).copied().unwrap_or(false))
        .collect();
    if mapped.is_empty() {
        return None;
    }
    let pick = |v: &[f64]| mapped.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    let (lons, lats) = (pick(input.store.lons()), pick(input.store.lats()));
    let weights = input.weights.map(|w| {
        mapped
            .iter()
            .map(|&i| w.get(i).copied().unwrap_or(0.0))
            .collect::<Vec<_>>()
    });
    let g = kernel_density(
        &lons,
        &lats,
        weights.as_deref(),
        &input.grid,
        input.bandwidth_km,
    );
    Some(g)
}

/// Running grids and weights of a chain whose span `j` holds `groups.of(offset + j)`;
/// spans run on all cores a few at a time, so that only a few f64 grids exist at once.
fn running_grids(
    input: &CubeInput<'_>,
    groups: &Groups,
    offset: usize,
    len: usize,
) -> (Vec<f32>, Vec<[f64; 2]>) {
    let cells = input.grid.width * input.grid.height;
    let mut grids = vec![0.0f32; cells];
    grids.reserve(len * cells);
    let mut weight = vec![[0.0; 2]];
    let mut sum = vec![0.0f64; cells];
    let mut w = [0.0f64; 2];
    let batch = 2 * rayon::current_num_threads().max(1);
    for start in (0..len).step_by(batch) {
        let part: Vec<Option<DensityGrid>> = (start..(start + batch).min(len))
            .into_par_iter()
            .map(|j| members_kde(input, groups.of(offset + j)))
            .collect();
        for g in part {
            if let Some(g) = g {
                sum.iter_mut().zip(&g.values).for_each(|(s, v)| *s += v);
                w[0] += g.weight_in;
                w[1] += g.weight_outside;
            }
            grids.extend(sum.iter().map(|&v| v as f32));
            weight.push(w);
        }
    }
    (grids, weight)
}

/// Running incident totals and per-level counts of a chain (as [`running_grids`]).
fn running_counts(
    input: &CubeInput<'_>,
    slots: &[CountSlots],
    groups: &Groups,
    offset: usize,
    len: usize,
) -> (Vec<[u64; 2]>, Vec<Vec<[u64; 2]>>) {
    let mut incidents = vec![[0u64; 2]];
    let mut now = [0u64; 2];
    let mut counts: Vec<Vec<[u64; 2]>> = slots.iter().map(|s| vec![[0; 2]; s.len()]).collect();
    for j in 0..len {
        // Row j + 1 (spans 0..=j) starts as a copy of row j.
        for (s, c) in slots.iter().zip(&mut counts) {
            c.extend_from_within(c.len() - s.len()..);
        }
        for &i in groups.of(offset + j) {
            let i = i as usize;
            now[0] += 1;
            now[1] += u64::from(input.mappable.get(i).copied().unwrap_or(false));
            let f = input.fatalities.get(i).copied().unwrap_or(0) as u64;
            for ((level, s), c) in input.levels.iter().zip(slots).zip(&mut counts) {
                let p = level.placements.get(i).copied();
                let k = c.len() - s.len() + s.slot(p.unwrap_or(Placement::Outside));
                c[k][0] += 1;
                c[k][1] += f;
            }
        }
        incidents.push(now);
    }
    (incidents, counts)
}

/// Each selected incident's span of bins counted from `first`, `None` when undated.
fn spans_of(
    dates: &[Option<(NaiveDate, NaiveDate)>],
    first: NaiveDate,
    bucket: TimeBucket,
) -> Vec<Option<(u32, u32)>> {
    let bin = |d: NaiveDate| bin_index(first, d, bucket) as u32;
    dates
        .par_iter()
        .map(|d| d.map(|(s, e)| (bin(s), bin(e))))
        .collect()
}

/// Entry (chain offset + position in the chain) of each span; chain 0 holds every single bin.
fn entries_of(
    chains: &[Vec<(u32, u32)>],
    spans: &[Option<(u32, u32)>],
) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut offsets = Vec::with_capacity(chains.len() + 1);
    let mut at = HashMap::new();
    let mut total = 0;
    for (c, chain) in chains.iter().enumerate() {
        offsets.push(total);
        if c > 0 {
            at.extend(chain.iter().enumerate().map(|(j, &s)| (s, total + j)));
        }
        total += chain.len();
    }
    offsets.push(total);
    let entry = spans
        .iter()
        .map(|s| {
            let s = (*s)?;
            if s.0 == s.1 {
                let single = chains.first().map_or(0, Vec::len);
                ((s.0 as usize) < single).then_some(s.0 as usize)
            } else {
                at.get(&s).copied()
            }
        })
        .collect();
    (entry, offsets)
}

/// See [`TimeCube::build`].
pub(super) fn build(input: &CubeInput<'_>, max_bytes: usize) -> Result<TimeCube, CubeError> {
    let store = input.store;
    let dates: Vec<Option<(NaiveDate, NaiveDate)>> = input
        .selected
        .par_iter()
        .map(|&i| store.date(i as usize).map(|d| (d.start(), d.end())))
        .collect();
    let (first, n) = bin_range(&dates, input.bucket).unwrap_or((NaiveDate::MIN, 0));
    let spans = spans_of(&dates, first, input.bucket);
    drop(dates);
    let long = spans.iter().flatten().filter(|s| s.0 < s.1).copied();
    let long = chains_of(long.collect());
    // Checked before the bins are listed: a stray date centuries away makes a huge range.
    let grids = long.iter().map(|c| c.len() + 1).sum::<usize>() + n + 1;
    let bytes = grids.saturating_mul(TimeCube::grid_bytes_per_bin(&input.grid));
    if bytes > max_bytes {
        return Err(CubeError::TooLarge {
            bytes,
            limit: max_bytes,
        });
    }
    let bins = bins_from(first, n, input.bucket);
    let mut chains = vec![(0..bins.len() as u32).map(|k| (k, k)).collect::<Vec<_>>()];
    chains.extend(long);
    let (entry, offsets) = entries_of(&chains, &spans);
    let groups = Groups::new(input.selected, &entry, offsets[chains.len()]);
    drop((spans, entry));
    let slots: Vec<CountSlots> = input
        .levels
        .iter()
        .map(|l| CountSlots::new(l.units, l.parent.unwrap_or(&[])))
        .collect();
    let chains = chains
        .into_iter()
        .zip(offsets)
        .map(|(spans, offset)| {
            let len = spans.len();
            let (grids, weight) = running_grids(input, &groups, offset, len);
            let (incidents, counts) = running_counts(input, &slots, &groups, offset, len);
            Chain {
                spans,
                grids,
                weight,
                incidents,
                counts,
            }
        })
        .collect();
    Ok(TimeCube {
        bucket: input.bucket,
        bins,
        spec: input.grid,
        chains,
        levels: slots,
    })
}
