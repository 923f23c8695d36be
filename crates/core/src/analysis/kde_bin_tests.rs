//! Unit tests of the density grid's binning: the row table, and integer against f64 binning.

use super::*;

fn region(w: usize, h: usize) -> GridSpec {
    GridSpec::new([60.5, 23.5, 77.5, 38.5], w, h, GridProjection::WebMercator)
}

#[test]
fn table_rows_match_the_exact_web_mercator_rows() {
    let spec = region(512, 512);
    let table = RowOf::new(&spec);
    assert!(matches!(table, RowOf::Table(..)));
    for k in 0..=100_000 {
        let lat = 23.5 + 15.0 * k as f64 / 100_000.0;
        let exact = spec.fractional(70.0, lat).1;
        let d = (table.at(70.0, lat) - exact).abs();
        assert!(d < 1e-9, "lat {lat}: {d}");
    }
    // A far larger box (60°S to 70°N, 2048 rows): still well under a millionth of a cell.
    let spec = GridSpec::new(
        [0.0, -60.0, 40.0, 70.0],
        512,
        2048,
        GridProjection::WebMercator,
    );
    let table = RowOf::new(&spec);
    for k in 0..=100_000 {
        let lat = -60.0 + 130.0 * k as f64 / 100_000.0;
        let d = (table.at(10.0, lat) - spec.fractional(10.0, lat).1).abs();
        assert!(d < 1e-6, "lat {lat}: {d}");
    }
}

/// A few points spread over the region by a small LCG.
fn scatter(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut s = seed;
    let mut next = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| (60.0 + 18.0 * next(), 23.0 + 16.0 * next()))
        .unzip()
}

#[test]
fn integer_binning_keeps_the_mass_exactly_and_each_point_within_a_256th_of_a_cell() {
    for (w, h) in [(512, 512), (7, 5), (1, 1)] {
        let spec = region(w, h);
        let (lons, lats) = scatter(3000, (w * h) as u64);
        let ones = vec![1.0; lons.len()];
        let counted = bin_points(&lons, &lats, None, &spec);
        let weighted = bin_points(&lons, &lats, Some(&ones), &spec);
        assert_eq!(counted.weight_in, weighted.weight_in);
        assert_eq!(counted.weight_outside, weighted.weight_outside);
        assert!(counted.weight_outside > 0.0 && counted.weight_in > 0.0);
        // Whole multiples of 1/65536: the sum is exact.
        assert_eq!(
            counted.bins.iter().sum::<f64>(),
            counted.weight_in,
            "{w}x{h}"
        );
        // One point at a time: each share moves by at most the rounding of the position
        // (1/512 of a cell each way, so 1/256 in total), never more.
        for (&lon, &lat) in lons.iter().zip(&lats).take(300) {
            let a = bin_points(&[lon], &[lat], None, &spec).bins;
            let b = bin_points(&[lon], &[lat], Some(&[1.0]), &spec).bins;
            let worst = a
                .iter()
                .zip(&b)
                .map(|(x, y)| (x - y).abs())
                .fold(0.0, f64::max);
            assert!(
                worst <= 1.0 / 256.0 + 1e-12,
                "({lon}, {lat}) on {w}x{h}: {worst}"
            );
        }
    }
}

#[test]
fn a_bin_holding_more_than_65536_points_spills_over_exactly() {
    let spec = region(64, 64);
    let (lon, lat) = spec.cell_center(10, 20);
    let n = 200_000;
    let sp = Spread {
        w: 64,
        h: 64,
        x0: spec.bbox[0],
        sx: 64.0 / (spec.bbox[2] - spec.bbox[0]),
        row_of: RowOf::new(&spec),
    };
    let (counts, outside) = count_chunk(&vec![lon; n], &vec![lat; n], &spec, &sp);
    assert_eq!(outside, 0);
    assert!(!counts.spill.is_empty(), "no bin wrapped");
    let bins = sum_counts(&[(counts, 0)], 64 * 64);
    assert_eq!(bins.iter().sum::<f64>(), n as f64);
    assert_eq!(bins[20 * 64 + 10], n as f64);
}
