//! Kernel density estimate on a grid: Gaussian kernel with a bandwidth in km, computed by
//! binning the points to the grid (linear binning) and then convolving the bins with a
//! separable Gaussian, one pass along rows and one along columns. Each pass spreads a cell's
//! mass with a kernel sized for that cell's latitude and normalised to 1, so mass is conserved
//! (up to what spreads off the grid's edges). Result: events (or weight) per 100 km².

use rayon::prelude::*;

use super::grid::GridSpec;
use super::kde_bin::{Binned, bin_points};

/// Kernel radius in standard deviations.
const RADIUS_SIGMAS: f64 = 4.0;

/// A density surface.
#[derive(Debug, Clone, PartialEq)]
pub struct DensityGrid {
    pub spec: GridSpec,
    /// Density, weight per 100 km², row-major, row 0 north.
    pub values: Vec<f64>,
    /// Weight of the points that fell inside the grid box (and were binned).
    pub weight_in: f64,
    /// Weight of the points outside the box (ignored).
    pub weight_outside: f64,
}

impl DensityGrid {
    pub fn get(&self, col: usize, row: usize) -> Option<f64> {
        (col < self.spec.width)
            .then(|| self.values.get(row * self.spec.width + col).copied())
            .flatten()
    }

    /// Density at (lon, lat) (the cell's value), if inside the grid.
    pub fn value_at(&self, lon: f64, lat: f64) -> Option<f64> {
        let (c, r) = self.spec.cell_of(lon, lat)?;
        self.get(c, r)
    }

    /// Largest value and its cell (col, row); `None` for an empty grid.
    pub fn peak(&self) -> Option<(f64, usize, usize)> {
        let (i, v) = self
            .values
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))?;
        Some((*v, i % self.spec.width, i / self.spec.width))
    }

    /// Total weight on the grid: Σ density × cell area / 100.
    pub fn total_weight(&self) -> f64 {
        (0..self.spec.height)
            .map(|r| {
                let area = self.spec.cell_area_km2(r);
                let row = self
                    .values
                    .get(r * self.spec.width..(r + 1) * self.spec.width);
                row.unwrap_or(&[]).iter().sum::<f64>() * area / 100.0
            })
            .sum()
    }
}

/// Normalised Gaussian taps for sigma (in cells), from −radius to +radius.
fn kernel(sigma_cells: f64, max_radius: usize) -> Vec<f64> {
    if sigma_cells.is_nan() || sigma_cells <= 1e-3 {
        return vec![1.0];
    }
    let radius = ((RADIUS_SIGMAS * sigma_cells).ceil() as usize).min(max_radius);
    let mut k: Vec<f64> = (0..=2 * radius)
        .map(|j| {
            let d = j as f64 - radius as f64;
            (-d * d / (2.0 * sigma_cells * sigma_cells)).exp()
        })
        .collect();
    let sum: f64 = k.iter().sum();
    k.iter_mut().for_each(|v| *v /= sum);
    k
}

/// Outputs computed together in registers by the blur passes.
const LANES: usize = 8;

/// `dst[i] = Σ_j k[j] · src[i + j − radius]` (zero outside `src`), for a symmetric `k`
/// (so this is also `src` spread by `k`): each pair of equal taps is one multiply, and eight
/// outputs at a time are held in registers; `pad` is scratch.
fn convolve_row(src: &[f64], dst: &mut [f64], k: &[f64], pad: &mut Vec<f64>) {
    let (n, radius) = (src.len(), k.len() / 2);
    pad.clear();
    pad.resize(n + 2 * radius + LANES, 0.0);
    pad[radius..radius + n].copy_from_slice(src);
    let (mid, side) = (k[radius], &k[..radius]);
    for (b, out) in dst.chunks_mut(LANES).enumerate() {
        let at = b * LANES;
        let centre = &pad[at + radius..at + radius + LANES];
        let mut acc = [0.0f64; LANES];
        for l in 0..LANES {
            acc[l] = mid * centre[l];
        }
        for (j, &kj) in side.iter().enumerate() {
            let lo = &pad[at + j..at + j + LANES];
            let hi = &pad[at + 2 * radius - j..at + 2 * radius - j + LANES];
            for l in 0..LANES {
                acc[l] += kj * (lo[l] + hi[l]);
            }
        }
        out.copy_from_slice(&acc[..out.len()]);
    }
}

/// `row = Σ (weight · rows[r])` over `taps` (source row, weight) of `w`-wide rows, eight
/// columns at a time held in registers.
fn gather_rows(row: &mut [f64], rows: &[f64], w: usize, taps: &[(usize, f64)]) {
    for (b, out) in row.chunks_mut(LANES).enumerate() {
        let at = b * LANES;
        let mut acc = [0.0f64; LANES];
        if out.len() == LANES {
            for &(r, kj) in taps {
                let s = &rows[r * w + at..r * w + at + LANES];
                for l in 0..LANES {
                    acc[l] += kj * s[l];
                }
            }
        } else {
            for &(r, kj) in taps {
                let s = &rows[r * w + at..r * w + at + out.len()];
                acc.iter_mut().zip(s).for_each(|(a, &v)| *a += kj * v);
            }
        }
        out.copy_from_slice(&acc[..out.len()]);
    }
}

/// Separable Gaussian blur of `bins` (rows, then columns; rows on all cores), converted from
/// mass per cell to weight per 100 km². The result reuses `bins`' memory.
fn blur(mut bins: Vec<f64>, spec: &GridSpec, bw: f64) -> Vec<f64> {
    let (w, h) = (spec.width, spec.height);
    // Pass 1: along each row, kernel sized for the row's east–west cell size.
    let mut tmp = vec![0.0f64; w * h];
    tmp.par_chunks_mut(w)
        .zip(bins.par_chunks(w))
        .enumerate()
        .for_each_init(Vec::new, |pad, (r, (row, src))| {
            let (dx, _) = spec.cell_size_km(r);
            convolve_row(src, row, &kernel(bw / dx, w), pad);
        });
    // Pass 2: along columns, each source row spreading with its own north–south kernel;
    // gathered per target row so that rows run in parallel.
    let kernels: Vec<Vec<f64>> = (0..h)
        .into_par_iter()
        .map(|r| kernel(bw / spec.cell_size_km(r).1, h))
        .collect();
    let reach = kernels.iter().map(|k| k.len() / 2).max().unwrap_or(0);
    bins.par_chunks_mut(w).enumerate().for_each(|(t, row)| {
        // Source row r reaches target t with tap t − r + radius.
        let taps: Vec<(usize, f64)> = (t.saturating_sub(reach)..(t + reach + 1).min(h))
            .filter_map(|r| {
                let k = &kernels[r];
                let j = (t + k.len() / 2).checked_sub(r)?;
                Some((r, *k.get(j)?))
            })
            .collect();
        gather_rows(row, &tmp, w, &taps);
        // Mass per cell → weight per 100 km².
        let per = 100.0 / spec.cell_area_km2(t);
        row.iter_mut().for_each(|v| *v *= per);
    });
    bins
}

/// Kernel density of points (lon, lat) with optional weights (`None`: 1 per point; missing
/// or non-finite weights count 0). `bandwidth_km` is the Gaussian's standard deviation. A
/// degenerate spec (no cells, empty box) gives an all-zero grid with every point outside.
/// Unweighted points are binned with their position in the cell rounded to 1/256 of a cell
/// (a shift of at most 1/512 of a cell, metres on the app's grids), so the bins are exact
/// sums; weighted points are binned exactly.
pub fn kernel_density(
    lons: &[f64],
    lats: &[f64],
    weights: Option<&[f64]>,
    spec: &GridSpec,
    bandwidth_km: f64,
) -> DensityGrid {
    let (w, h) = (spec.width, spec.height);
    let [x0, y0, x1, y1] = spec.bbox;
    if w == 0 || h == 0 || !(x1 > x0 && y1 > y0) {
        let weight_outside = match weights {
            Some(ws) => ws.iter().filter(|v| v.is_finite()).sum(),
            None => lons.len().min(lats.len()) as f64,
        };
        let values = vec![0.0; w * h];
        return DensityGrid {
            spec: *spec,
            values,
            weight_in: 0.0,
            weight_outside,
        };
    }
    let Binned {
        bins,
        weight_in,
        weight_outside,
    } = bin_points(lons, lats, weights, spec);
    let out = blur(bins, spec, bandwidth_km.max(0.0));
    DensityGrid {
        spec: *spec,
        values: out,
        weight_in,
        weight_outside,
    }
}
