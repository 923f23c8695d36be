//! Linear binning of points onto a density grid, on all cores. Web-Mercator rows come from a
//! cubic Hermite table of the row position by latitude (error far below 1e-9 of a cell)
//! instead of a tangent and a logarithm per point.

use rayon::prelude::*;

use super::grid::{GridProjection, GridSpec};

/// Table intervals for the Web-Mercator row position.
const TABLE: usize = 4096;
/// Latitude limit of the Web-Mercator formula (as in `grid`).
const MERC_LIMIT: f64 = 85.0511;

/// Bins and the weight that went in or stayed outside the box.
pub(super) struct Binned {
    pub(super) bins: Vec<f64>,
    pub(super) weight_in: f64,
    pub(super) weight_outside: f64,
}

/// Fractional row of a latitude: (0.0 = centre of the northern row).
enum RowOf {
    Exact(GridSpec),
    /// Hermite table: first latitude, step, values and derivatives (per degree).
    Table(f64, f64, Vec<(f64, f64)>),
}

impl RowOf {
    fn new(spec: &GridSpec) -> Self {
        let [_, lat0, _, lat1] = spec.bbox;
        if spec.projection != GridProjection::WebMercator
            || !(lat0 > -MERC_LIMIT && lat1 < MERC_LIMIT && lat1 > lat0)
        {
            return RowOf::Exact(*spec);
        }
        let merc = |lat: f64| {
            (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0)
                .tan()
                .ln()
        };
        let (top, bottom) = (merc(lat1), merc(lat0));
        let scale = spec.height as f64 / (bottom - top);
        let step = (lat1 - lat0) / TABLE as f64;
        let nodes = (0..=TABLE)
            .map(|i| {
                let lat = lat0 + step * i as f64;
                let exact = spec.fractional(spec.bbox[0], lat).1;
                // d(merc)/d(lat) = sec φ per radian.
                let slope = scale * 1f64.to_radians() / lat.to_radians().cos();
                (exact, slope)
            })
            .collect();
        RowOf::Table(lat0, step, nodes)
    }

    #[inline]
    fn at(&self, lon: f64, lat: f64) -> f64 {
        match self {
            RowOf::Exact(spec) => spec.fractional(lon, lat).1,
            RowOf::Table(lat0, step, nodes) => {
                let t = (lat - lat0) / step;
                let i = (t.max(0.0) as usize).min(TABLE - 1);
                let u = t - i as f64;
                let ((f0, d0), (f1, d1)) = (nodes[i], nodes[i + 1]);
                let (u2, v) = (u * u, 1.0 - u);
                (1.0 + 2.0 * u) * v * v * f0
                    + u * v * v * step * d0
                    + u2 * (3.0 - 2.0 * u) * f1
                    + u2 * (u - 1.0) * step * d1
            }
        }
    }
}

/// Linear binning of the points of `range` between the four nearest cell centres (clamped at
/// the edges).
fn bin_range(
    lons: &[f64],
    lats: &[f64],
    weights: Option<&[f64]>,
    spec: &GridSpec,
    row_of: &RowOf,
) -> Binned {
    let (w, h) = (spec.width, spec.height);
    let [x0, y0, x1, y1] = spec.bbox;
    let mut out = Binned {
        bins: vec![0.0; w * h],
        weight_in: 0.0,
        weight_outside: 0.0,
    };
    let bins = &mut out.bins;
    for (i, (&lon, &lat)) in lons.iter().zip(lats).enumerate() {
        let wt = match weights {
            Some(ws) => ws.get(i).copied().filter(|v| v.is_finite()).unwrap_or(0.0),
            None => 1.0,
        };
        if wt == 0.0 {
            continue;
        }
        if !(lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1) {
            out.weight_outside += wt;
            continue;
        }
        out.weight_in += wt;
        let (fx, fy) = ((lon - x0) / (x1 - x0) * w as f64 - 0.5, row_of.at(lon, lat));
        let (fx, fy) = (fx.clamp(0.0, (w - 1) as f64), fy.clamp(0.0, (h - 1) as f64));
        let (c, r) = (fx as usize, fy as usize);
        let (tx, ty) = (fx - c as f64, fy - r as f64);
        let (c1, r1) = ((c + 1).min(w - 1), (r + 1).min(h - 1));
        bins[r * w + c] += wt * (1.0 - tx) * (1.0 - ty);
        bins[r * w + c1] += wt * tx * (1.0 - ty);
        bins[r1 * w + c] += wt * (1.0 - tx) * ty;
        bins[r1 * w + c1] += wt * tx * ty;
    }
    out
}

/// Bins all points inside `spec`'s box (which must have cells and a non-empty box); one
/// bin array per core, added up at the end.
pub(super) fn bin_points(
    lons: &[f64],
    lats: &[f64],
    weights: Option<&[f64]>,
    spec: &GridSpec,
) -> Binned {
    let n = lons.len().min(lats.len());
    let row_of = RowOf::new(spec);
    let parts = rayon::current_num_threads().clamp(1, n.div_ceil(65_536).max(1));
    let chunk = n.div_ceil(parts).max(1);
    let binned: Vec<Binned> = (0..parts)
        .into_par_iter()
        .map(|p| {
            let (a, b) = ((p * chunk).min(n), ((p + 1) * chunk).min(n));
            let ws = weights.map(|ws| ws.get(a..).unwrap_or(&[]));
            bin_range(&lons[a..b], &lats[a..b], ws, spec, &row_of)
        })
        .collect();
    let mut it = binned.into_iter();
    let mut total = it.next().unwrap_or(Binned {
        bins: vec![0.0; spec.width * spec.height],
        weight_in: 0.0,
        weight_outside: 0.0,
    });
    for b in it {
        total
            .bins
            .iter_mut()
            .zip(&b.bins)
            .for_each(|(t, v)| *t += v);
        total.weight_in += b.weight_in;
        total.weight_outside += b.weight_outside;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_match_the_exact_web_mercator_rows() {
        let spec = GridSpec::new(
            [60.5, 23.5, 77.5, 38.5],
            512,
            512,
            GridProjection::WebMercator,
        );
        let table = RowOf::new(&spec);
        assert!(matches!(table, RowOf::Table(..)));
        for k in 0..=100_000 {
            let lat = 23.5 + 15.0 * k as f64 / 100_000.0;
            let exact = spec.fractional(70.0, lat).1;
            let d = (table.at(70.0, lat) - exact).abs();
            assert!(d < 1e-9, "lat {lat}: {d}");
        }
    }
}
