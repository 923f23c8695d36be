//! Kernel density: mass conservation (Σ density × true cell area = weight), peak location and
//! peak height against the Gaussian formula, weights, and the Web-Mercator grid.

use atlas_core::analysis::{GridProjection, GridSpec, kernel_density};

const R: f64 = 6371.0088;

/// Cell area on the sphere, computed here independently of the library: R²·Δλ·(sin φn − sin φs).
fn area_km2(lat_n: f64, lat_s: f64, dlon_deg: f64) -> f64 {
    R * R * dlon_deg.to_radians() * (lat_n.to_radians().sin() - lat_s.to_radians().sin())
}

/// Deterministic scatter around a centre (a small LCG; no dependency on rand).
fn cluster(n: usize, lon: f64, lat: f64, spread: f64, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut s = seed;
    let mut next = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    };
    (0..n)
        .map(|_| (lon + spread * next(), lat + spread * next()))
        .unzip()
}

#[test]
fn mass_is_conserved_on_a_lon_lat_grid() {
    let (lons, lats) = cluster(1000, 70.0, 33.0, 1.0, 1);
    let spec = GridSpec::new([66.0, 29.0, 74.0, 37.0], 200, 160, GridProjection::LonLat);
    let g = kernel_density(&lons, &lats, None, &spec, 20.0);
    assert_eq!((g.weight_in, g.weight_outside), (1000.0, 0.0));
    let (dlon, dlat) = (8.0 / 200.0, 8.0 / 160.0);
    let mut mass = 0.0;
    for r in 0..160 {
        let lat_n = 37.0 - r as f64 * dlat;
        let a = area_km2(lat_n, lat_n - dlat, dlon);
        mass += (0..200).map(|c| g.get(c, r).unwrap()).sum::<f64>() * a / 100.0;
    }
    assert!((mass - 1000.0).abs() < 1.0, "mass {mass}");
    assert!((g.total_weight() - 1000.0).abs() < 1.0);
}

#[test]
fn weighted_mass_and_points_outside_the_box() {
    let lons = [70.0, 70.5, 90.0];
    let lats = [33.0, 33.5, 10.0];
    let weights = [2.0, 5.0, 100.0];
    let spec = GridSpec::new([66.0, 29.0, 74.0, 37.0], 128, 128, GridProjection::LonLat);
    let g = kernel_density(&lons, &lats, Some(&weights), &spec, 15.0);
    assert_eq!((g.weight_in, g.weight_outside), (7.0, 100.0));
    assert!(
        (g.total_weight() - 7.0).abs() < 0.01,
        "{}",
        g.total_weight()
    );
}

#[test]
fn single_point_peak_matches_the_gaussian() {
    // Bandwidth σ = 30 km; the 2-D Gaussian's peak is 1 / (2πσ²) per km², ×100 per 100 km².
    let expected = 100.0 / (2.0 * std::f64::consts::PI * 30.0 * 30.0);
    for proj in [GridProjection::LonLat, GridProjection::WebMercator] {
        let spec = GridSpec::new([68.0, 31.0, 72.0, 35.0], 256, 256, proj);
        // A point at a cell centre, so binning puts it in one cell.
        let (lon, lat) = spec.cell_center(128, 128);
        let g = kernel_density(&[lon], &[lat], None, &spec, 30.0);
        let (peak, c, r) = g.peak().unwrap();
        assert_eq!((c, r), (128, 128), "{proj:?}");
        assert!(
            (peak / expected - 1.0).abs() < 0.03,
            "{proj:?}: peak {peak}, expected {expected}"
        );
        assert!(
            (g.total_weight() - 1.0).abs() < 1e-3,
            "{proj:?}: {}",
            g.total_weight()
        );
        // One bandwidth (30 km) north: exp(-1/2) of the peak.
        let north = g.value_at(lon, lat + 30.0 / 111.195).unwrap();
        assert!(
            (north / peak - (-0.5f64).exp()).abs() < 0.05,
            "{proj:?}: ratio {}",
            north / peak
        );
    }
}

#[test]
fn peak_is_at_the_densest_cluster_and_follows_the_weights() {
    let (mut lons, mut lats) = cluster(300, 68.0, 31.0, 0.2, 7);
    let (l2, b2) = cluster(100, 72.0, 35.0, 0.2, 9);
    lons.extend(&l2);
    lats.extend(&b2);
    let spec = GridSpec::new([66.0, 29.0, 74.0, 37.0], 160, 160, GridProjection::LonLat);
    let g = kernel_density(&lons, &lats, None, &spec, 25.0);
    let (_, c, r) = g.peak().unwrap();
    let (plon, plat) = spec.cell_center(c, r);
    assert!(
        (plon - 68.0).abs() < 0.15 && (plat - 31.0).abs() < 0.15,
        "peak at {plon}, {plat}"
    );

    // Weight the smaller cluster 10×: the peak moves there.
    let w: Vec<f64> = (0..400).map(|i| if i < 300 { 1.0 } else { 10.0 }).collect();
    let g = kernel_density(&lons, &lats, Some(&w), &spec, 25.0);
    let (_, c, r) = g.peak().unwrap();
    let (plon, plat) = spec.cell_center(c, r);
    assert!(
        (plon - 72.0).abs() < 0.15 && (plat - 35.0).abs() < 0.15,
        "peak at {plon}, {plat}"
    );
}

#[test]
fn web_mercator_rows_and_cell_lookup() {
    let spec = GridSpec::new(
        [60.0, 20.0, 80.0, 40.0],
        100,
        100,
        GridProjection::WebMercator,
    );
    assert!((spec.row_edge_lat(0) - 40.0).abs() < 1e-9);
    assert!((spec.row_edge_lat(100) - 20.0).abs() < 1e-9);
    // Mercator rows span fewer degrees of latitude in the north than in the south.
    let top = spec.row_edge_lat(0) - spec.row_edge_lat(1);
    let bottom = spec.row_edge_lat(99) - spec.row_edge_lat(100);
    assert!(top < bottom, "{top} {bottom}");
    assert_eq!(spec.cell_of(60.0, 40.0), Some((0, 0)));
    assert_eq!(spec.cell_of(79.99, 20.01), Some((99, 99)));
    assert_eq!(spec.cell_of(59.0, 30.0), None);
    let total: f64 = (0..100).map(|r| spec.cell_area_km2(r)).sum::<f64>() * 100.0;
    assert!((total - area_km2(40.0, 20.0, 20.0)).abs() < 1e-6 * total);
}

#[test]
fn degenerate_grids_do_not_panic() {
    let spec = GridSpec {
        bbox: [70.0, 30.0, 70.0, 31.0],
        width: 10,
        height: 10,
        projection: GridProjection::LonLat,
    };
    let g = kernel_density(&[70.0], &[30.5], None, &spec, 10.0);
    assert_eq!((g.weight_in, g.weight_outside), (0.0, 1.0));
    assert!(g.values.iter().all(|&v| v == 0.0));
    let spec = GridSpec { width: 0, ..spec };
    assert!(
        kernel_density(&[70.0], &[30.5], None, &spec, 10.0)
            .values
            .is_empty()
    );
    // Zero bandwidth: all the mass stays in the binned cells.
    let spec = GridSpec::new([70.0, 30.0, 71.0, 31.0], 10, 10, GridProjection::LonLat);
    let g = kernel_density(&[70.55], &[30.45], None, &spec, 0.0);
    assert!((g.total_weight() - 1.0).abs() < 1e-9);
    assert_eq!(g.peak().map(|p| (p.1, p.2)), Some((5, 5)));
}
