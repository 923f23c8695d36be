//! Criterion benchmarks for issue 13 ("Speed"): border distance, point-in-polygon join and
//! kernel density, each over 1 million random points in the Afghanistan–Pakistan region.

use std::hint::black_box;

use atlas_core::analysis::{
    AdminIndex, BorderLine, GridProjection, GridSpec, af_pk_border_from_file, kernel_density,
};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::model::{AdminUnit, UnitKind};
use criterion::{Criterion, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const N: usize = 1_000_000;
/// The region the points are drawn from: lon/lat box around Afghanistan and Pakistan.
const REGION: [f64; 4] = [60.5, 23.5, 77.5, 38.5];

fn points(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let [x0, y0, x1, y1] = REGION;
    (0..n)
        .map(|_| (rng.random_range(x0..x1), rng.random_range(y0..y1)))
        .unzip()
}

fn bench_border(c: &mut Criterion) {
    let path = bundled_data_dir().join("basemap/ne_10m_admin_0_boundary_lines_land.geojson");
    let border = BorderLine::new(&af_pk_border_from_file(&path).expect("AF-PK border"));
    let (lons, lats) = points(N, 1);
    let mut g = c.benchmark_group("speed");
    g.sample_size(10);
    g.bench_function("border: distances_km, 1M points", |b| {
        b.iter(|| black_box(border.distances_km(&lons, &lats)))
    });
    g.finish();
}

fn bench_join(c: &mut Criterion) {
    let (gaz, _) = load_gazetteer(&bundled_data_dir());
    let districts: Vec<AdminUnit> = gaz.units_of(UnitKind::District).cloned().collect();
    let index = AdminIndex::new(&districts);
    let (lons, lats) = points(N, 2);
    let mut g = c.benchmark_group("speed");
    g.sample_size(10);
    g.bench_function("join: districts locate_all, 1M points", |b| {
        b.iter(|| black_box(index.locate_all(&lons, &lats)))
    });
    g.finish();
}

fn bench_kde(c: &mut Criterion) {
    let (lons, lats) = points(N, 3);
    let spec = GridSpec::new(REGION, 512, 512, GridProjection::WebMercator);
    let mut g = c.benchmark_group("speed");
    g.sample_size(10);
    g.bench_function("kde: 1M points on 512x512, 25 km", |b| {
        b.iter(|| black_box(kernel_density(&lons, &lats, None, &spec, 25.0)))
    });
    g.finish();
}

criterion_group!(benches, bench_border, bench_join, bench_kde);
criterion_main!(benches);
