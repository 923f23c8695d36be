//! Heatmap raster: choosing the KDE grid for the selected points and bandwidth, and turning
//! densities into colours (perceptually uniform ramp, transparent where density is ~0).

use atlas_core::REGION_BBOX;
use atlas_core::analysis::{DensityGrid, GridProjection, GridSpec};
use atlas_core::basemap::lonlat_to_world;

/// Largest grid side, cells.
pub const MAX_CELLS: usize = 1024;
/// Cells per bandwidth (the Gaussian's σ spans this many cells where the grid allows).
const CELLS_PER_BANDWIDTH: f64 = 3.0;
/// Kernel reach drawn around the points, in bandwidths.
const MARGIN_BANDWIDTHS: f64 = 3.0;
const KM_PER_DEG: f64 = 111.195;
/// Share of the peak below which the heatmap is fully transparent.
pub const CUTOFF: f32 = 0.02;
/// Ramp position from which the heatmap is fully opaque.
const FULL_ALPHA_AT: f64 = 0.6;

/// A finished heatmap: densities scaled to the peak, ready to colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Heat {
    /// [`crate::density::DensityParams::heat_key`] of the settings it was made with.
    pub key: String,
    pub width: usize,
    pub height: usize,
    /// Density / peak, 0..=1, row 0 north.
    pub scaled: Vec<f32>,
    /// The density at the top of the colour ramp, weight per 100 km²: the raster's own peak,
    /// or the peak every frame of a playback shares (see `shared`).
    pub peak: f64,
    /// The ramp's top is shared by every frame of this length of the timeline (comparable
    /// frames), not this raster's own peak.
    pub shared: bool,
    /// World box (x0, y0, x1, y1; y grows south) the raster covers.
    pub world: [f64; 4],
    /// Weight that went into the grid.
    pub weight: f64,
}

/// The KDE grid for points with lon/lat bounds `bounds` (lon min, lat min, lon max, lat
/// max) and `bandwidth_km`: the bounds grown by three bandwidths, clipped to the app's
/// region, with cells about a third of the bandwidth (at most [`MAX_CELLS`] a side), rows
/// in Web-Mercator steps so the raster lies flat on the map. `None` for empty bounds.
pub fn grid_for(bounds: [f64; 4], bandwidth_km: f64) -> Option<GridSpec> {
    let [x0, y0, x1, y1] = bounds;
    if !(x0 <= x1 && y0 <= y1 && [x0, y0, x1, y1].iter().all(|v| v.is_finite())) {
        return None;
    }
    let bw = bandwidth_km.max(0.5);
    let mid = ((y0 + y1) / 2.0).to_radians().cos().max(0.05);
    let dlat = MARGIN_BANDWIDTHS * bw / KM_PER_DEG;
    let dlon = dlat / mid;
    let [rx0, ry0, rx1, ry1] = REGION_BBOX;
    let bbox = [
        (x0 - dlon).max(rx0.min(x0)),
        (y0 - dlat).max(ry0.min(y0)).max(-85.0),
        (x1 + dlon).min(rx1.max(x1)),
        (y1 + dlat).min(ry1.max(y1)).min(85.0),
    ];
    let w_km = (bbox[2] - bbox[0]) * KM_PER_DEG * mid;
    let h_km = (bbox[3] - bbox[1]) * KM_PER_DEG;
    let cell = (bw / CELLS_PER_BANDWIDTH).max(w_km.max(h_km) / MAX_CELLS as f64);
    let cells = |km: f64| ((km / cell).ceil() as usize).clamp(8, MAX_CELLS);
    Some(GridSpec::new(
        bbox,
        cells(w_km),
        cells(h_km),
        GridProjection::WebMercator,
    ))
}

/// Scale a density grid to its peak.
pub fn heat_from_grid(grid: &DensityGrid, key: String) -> Heat {
    heat_scaled_to(grid, key, None)
}

/// Scale a density grid to `top` (a peak several frames share; values above it, which a
/// shared top never leaves, would saturate), else to its own peak.
pub fn heat_scaled_to(grid: &DensityGrid, key: String, top: Option<f64>) -> Heat {
    let own = grid.values.iter().copied().fold(0.0f64, f64::max);
    let shared = top.is_some_and(|t| t > 0.0);
    let peak = if shared { top.unwrap_or(own) } else { own };
    let scaled = if peak > 0.0 {
        grid.values
            .iter()
            .map(|v| (v / peak).min(1.0) as f32)
            .collect()
    } else {
        vec![0.0; grid.values.len()]
    };
    let [x0, y0, x1, y1] = grid.spec.bbox;
    let a = lonlat_to_world(x0, y1);
    let b = lonlat_to_world(x1, y0);
    Heat {
        key,
        width: grid.spec.width,
        height: grid.spec.height,
        scaled,
        peak,
        shared,
        world: [a[0], a[1], b[0], b[1]],
        weight: grid.weight_in,
    }
}

/// Position on the colour ramp (0..=1) of a density scaled to the peak. Square-root
/// stretch, so that the weaker clusters stay visible next to the strongest.
pub fn ramp_position(scaled: f32) -> f32 {
    scaled.clamp(0.0, 1.0).sqrt()
}

/// Scaled density at a ramp position (inverse of [`ramp_position`], for legend ticks).
pub fn scaled_at(position: f32) -> f32 {
    let p = position.clamp(0.0, 1.0);
    p * p
}

/// RGBA (unmultiplied) of a ramp position: Inferno, from deep purple (low) to pale yellow
/// (high) on a dark basemap; reversed on a light one, so that denser always means more
/// contrast with the background. Alpha fades in over the lowest fifth of the ramp.
pub fn ramp_rgba(position: f32, dark: bool) -> [u8; 4] {
    let p = position.clamp(0.0, 1.0) as f64;
    let t = if dark { 0.2 + 0.8 * p } else { 0.95 - 0.8 * p };
    let c = colorous::INFERNO.eval_continuous(t);
    // Transparent at the cut-off, opaque only towards the peak, so that the wide low-density
    // fringe tints the basemap instead of hiding it.
    let cut = ramp_position(CUTOFF) as f64;
    let a = ((p - cut) / (FULL_ALPHA_AT - cut))
        .clamp(0.0, 1.0)
        .powf(0.8);
    [c.r, c.g, c.b, (a * 230.0).round() as u8]
}

/// RGBA pixels (unmultiplied, row-major, row 0 north) of a heat raster.
pub fn heat_pixels(heat: &Heat, dark: bool) -> Vec<[u8; 4]> {
    // 256-entry lookup table: cheaper than evaluating the ramp per pixel.
    let lut: Vec<[u8; 4]> = (0..256)
        .map(|i| ramp_rgba(i as f32 / 255.0, dark))
        .collect();
    heat.scaled
        .iter()
        .map(|&v| {
            if v < CUTOFF {
                [0, 0, 0, 0]
            } else {
                lut[(ramp_position(v) * 255.0).round() as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_core::analysis::kernel_density;

    #[test]
    fn grid_grows_the_bounds_and_keeps_cells_near_a_third_of_the_bandwidth() {
        let spec = grid_for([70.0, 33.0, 71.0, 34.0], 15.0).expect("grid");
        // 3 × 15 km margin ≈ 0.405° of latitude.
        assert!((spec.bbox[1] - (33.0 - 45.0 / KM_PER_DEG)).abs() < 1e-9);
        assert!((spec.bbox[3] - (34.0 + 45.0 / KM_PER_DEG)).abs() < 1e-9);
        // About 201 km tall at 5 km cells → 41 rows.
        assert_eq!(spec.height, 41);
        assert!(spec.width > 30 && spec.width < 40, "{}", spec.width);
    }

    #[test]
    fn huge_extent_is_capped_and_empty_bounds_give_none() {
        let spec = grid_for([55.0, 20.0, 82.0, 42.0], 1.0).expect("grid");
        assert!(spec.width <= MAX_CELLS && spec.height <= MAX_CELLS);
        assert!(spec.width == MAX_CELLS || spec.height == MAX_CELLS);
        assert_eq!(grid_for([1.0, 1.0, 0.0, 0.0], 15.0), None);
        assert_eq!(grid_for([f64::NAN, 1.0, 2.0, 2.0], 15.0), None);
    }

    #[test]
    fn heat_peaks_at_one_and_is_transparent_far_away() {
        let spec = grid_for([70.0, 33.0, 70.0, 33.0], 10.0).expect("grid");
        let grid = kernel_density(&[70.0], &[33.0], None, &spec, 10.0);
        let heat = heat_from_grid(&grid, "k".into());
        let max = heat.scaled.iter().copied().fold(0.0f32, f32::max);
        assert!((max - 1.0).abs() < 1e-6);
        assert!(heat.peak > 0.0);
        let px = heat_pixels(&heat, false);
        // Corner cells are ~3 bandwidths from the point: below the cut-off.
        assert_eq!(px[0][3], 0);
        let centre = px
            .iter()
            .max_by_key(|p| p[3])
            .copied()
            .unwrap_or([0, 0, 0, 0]);
        assert!(centre[3] > 200);
        assert!((heat.weight - 1.0).abs() < 1e-9);
    }

    #[test]
    fn ramp_position_and_inverse_agree_and_light_ramp_darkens_with_density() {
        for p in [0.0f32, 0.3, 0.5, 1.0] {
            assert!((ramp_position(scaled_at(p)) - p).abs() < 1e-6);
        }
        let lum = |c: [u8; 4]| c[0] as u32 + c[1] as u32 + c[2] as u32;
        assert!(lum(ramp_rgba(1.0, false)) < lum(ramp_rgba(0.3, false)));
        assert!(lum(ramp_rgba(1.0, true)) > lum(ramp_rgba(0.3, true)));
        assert_eq!(ramp_rgba(0.0, false)[3], 0);
    }
}
