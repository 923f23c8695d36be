//! Criterion benchmarks for issue 13 ("Speed"): border distance, point-in-polygon join and
//! kernel density, each over 1 million random points in the Afghanistan–Pakistan region; and
//! time playback: building the time cube of those points over 52 weeks, and one window query.

use std::hint::black_box;

use atlas_core::analysis::{
    AdminIndex, BorderLine, ClassMethod, CubeInput, CubeLevel, GridProjection, GridSpec,
    IncidentFilter, TimeBucket, TimeCube, af_pk_border_from_file, classify, count_by_unit,
    filter_incidents, kernel_density, place_incidents,
};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::incidents::{IncidentDate, IncidentStore, IncidentView, LocationPrecision};
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

/// 1M incidents at the `points` positions, dated to the day uniformly over the 52 weeks from
/// Monday 1 January 2024, located to a town.
fn dated_store(n: usize, seed: u64) -> IncidentStore {
    let (lons, lats) = points(n, seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed + 1);
    let first = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let mut store = IncidentStore::new();
    for (lon, lat) in lons.into_iter().zip(lats) {
        let date = first + chrono::Days::new(rng.random_range(0..364));
        store.push(&IncidentView {
            id: "",
            date: IncidentDate::day(date),
            lon,
            lat,
            location_precision: LocationPrecision::Town,
            actor1: "A",
            actor2: "",
            event_type: "Battles",
            sub_event_type: "",
            fatalities: Some(rng.random_range(0..5)),
            country: "",
            admin1: "",
            admin2: "",
            location: "",
            source: "",
            notes: "",
        });
    }
    store
}

fn bench_time_cube(c: &mut Criterion) {
    let store = dated_store(N, 4);
    let (gaz, _) = load_gazetteer(&bundled_data_dir());
    let provinces: Vec<AdminUnit> = gaz.units_of(UnitKind::Province).cloned().collect();
    let districts: Vec<AdminUnit> = gaz.units_of(UnitKind::District).cloned().collect();
    let (pi, di) = (AdminIndex::new(&provinces), AdminIndex::new(&districts));
    let prec = store.location_precisions();
    let by_province = place_incidents(store.lons(), store.lats(), &prec, &pi, None);
    let by_district = place_incidents(store.lons(), store.lats(), &prec, &di, Some(&pi));
    let levels = [
        CubeLevel {
            placements: &by_province,
            units: &provinces,
            parent: None,
        },
        CubeLevel {
            placements: &by_district,
            units: &districts,
            parent: Some(&provinces),
        },
    ];
    let selected: Vec<u32> = (0..N as u32).collect();
    let (mappable, fatalities) = (vec![true; N], store.fatality_counts());
    let input = CubeInput {
        store: &store,
        selected: &selected,
        mappable: &mappable,
        weights: None,
        fatalities: &fatalities,
        grid: GridSpec::new(REGION, 512, 512, GridProjection::WebMercator),
        bandwidth_km: 25.0,
        bucket: TimeBucket::Week,
        levels: &levels,
    };
    let cube = TimeCube::build(&input, usize::MAX).expect("cube");
    assert_eq!(cube.bins().len(), 52);
    println!(
        "time cube: {} bins, {:.1} MiB held, {:.2} MiB per bin of grid",
        cube.bins().len(),
        cube.heap_bytes() as f64 / (1 << 20) as f64,
        TimeCube::grid_bytes_per_bin(&input.grid) as f64 / (1 << 20) as f64
    );
    // Eight weeks from mid-March, as a playback step over a two-month window would ask.
    let window = cube.window(Some(cube.bins()[10]), cube.bins()[18].pred_opt());
    let window = window.expect("whole weeks");
    let mut g = c.benchmark_group("time cube");
    g.sample_size(10);
    g.bench_function("build: 1M points, 52 weeks, 512x512, 25 km", |b| {
        b.iter(|| black_box(TimeCube::build(&input, usize::MAX).expect("cube")))
    });
    g.finish();
    let mut g = c.benchmark_group("time cube");
    g.bench_function(
        "query: 8-week window, grid + province and district counts",
        |b| {
            b.iter(|| {
                let grid = cube.density(window);
                let (p, d) = (cube.counts(0, window), cube.counts(1, window));
                black_box((grid, p, d, cube.totals(window)))
            })
        },
    );
    // What a step costs without the cube: filter the 1M incidents, KDE of the window's points,
    // district counts.
    let filter = IncidentFilter {
        from: Some(cube.bins()[10]),
        to: cube.bins()[18].pred_opt(),
        ..Default::default()
    };
    g.bench_function(
        "direct: same window, filter + KDE 512x512 + district counts",
        |b| {
            b.iter(|| {
                let kept = filter_incidents(&store, &filter);
                let pick = |v: &[f64]| {
                    kept.indices
                        .iter()
                        .map(|&i| v[i as usize])
                        .collect::<Vec<_>>()
                };
                let grid = kernel_density(
                    &pick(store.lons()),
                    &pick(store.lats()),
                    None,
                    &input.grid,
                    25.0,
                );
                let placed: Vec<_> = kept
                    .indices
                    .iter()
                    .map(|&i| by_district[i as usize])
                    .collect();
                let fat: Vec<u32> = kept
                    .indices
                    .iter()
                    .map(|&i| fatalities[i as usize])
                    .collect();
                black_box((
                    grid,
                    count_by_unit(&placed, &fat, &districts, Some(&provinces)),
                ))
            })
        },
    );
    // The largest grid the app's heatmap uses (1024 cells a side, at small bandwidths).
    let big_input = CubeInput {
        grid: GridSpec::new(REGION, 1024, 1024, GridProjection::WebMercator),
        bandwidth_km: 5.0,
        ..input
    };
    let big = TimeCube::build(&big_input, usize::MAX).expect("cube");
    println!(
        "time cube 1024x1024: {:.1} MiB held",
        big.heap_bytes() as f64 / (1 << 20) as f64
    );
    g.bench_function("query: 8-week window, grid 1024x1024 + counts", |b| {
        b.iter(|| {
            let grid = big.density(window);
            let (p, d) = (big.counts(0, window), big.counts(1, window));
            black_box((grid, p, d, big.totals(window)))
        })
    });
    drop(big);
    let counts = cube.counts(1, window).expect("districts");
    let values: Vec<f64> = counts
        .units
        .iter()
        .map(|u| u.events as f64)
        .filter(|v| *v > 0.0)
        .collect();
    g.bench_function("classes: natural breaks of the district counts", |b| {
        b.iter(|| black_box(classify(&values, ClassMethod::NaturalBreaks, 5)))
    });
    g.finish();
}

criterion_group!(
    benches,
    bench_border,
    bench_join,
    bench_kde,
    bench_time_cube
);
criterion_main!(benches);
