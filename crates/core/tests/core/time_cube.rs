//! The time cube against the direct path: for whole-bin windows (first bin, last bin, one bin
//! inside, a run of bins, everything), its grid equals `kernel_density` of the window's points
//! (to f32 rounding), its unit counts equal `count_by_unit` exactly, and so do the totals.

use atlas_core::analysis::{
    AdminIndex, CubeInput, CubeLevel, DensityGrid, GridProjection, GridSpec, IncidentFilter,
    Placement, TimeBucket, TimeCube, count_by_unit, filter_incidents, kernel_density,
    place_incidents,
};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::incidents::{
    DatePrecision, Incident, IncidentDate, IncidentStore, LocationPrecision,
};
use atlas_core::model::{AdminUnit, UnitKind};
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub(crate) const BANDWIDTH_KM: f64 = 20.0;
const EVENT_TYPES: [&str; 3] = ["Battles", "Explosions", "Riots"];

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `n` seeded incidents over 2024 in eastern Afghanistan and western Pakistan: mostly dated to
/// the day, some to a month or the year; located to a town, district, province or country.
pub(crate) fn store(n: usize, seed: u64) -> IncidentStore {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let incidents: Vec<Incident> = (0..n)
        .map(|k| {
            let date = day(2024, 1, 1) + chrono::Days::new(rng.random_range(0..366));
            let precision = match rng.random_range(0..100) {
                0..90 => DatePrecision::Day,
                90..97 => DatePrecision::Month,
                _ => DatePrecision::Year,
            };
            let location_precision = match rng.random_range(0..100) {
                0..70 => LocationPrecision::Town,
                70..85 => LocationPrecision::District,
                85..95 => LocationPrecision::Province,
                _ => LocationPrecision::Country,
            };
            Incident {
                id: format!("T{k}"),
                date: IncidentDate { date, precision },
                lon: rng.random_range(66.0..74.0),
                lat: rng.random_range(29.0..36.0),
                location_precision,
                actor1: "A".into(),
                actor2: None,
                event_type: EVENT_TYPES[rng.random_range(0..3)].into(),
                sub_event_type: None,
                fatalities: (rng.random_range(0..10) > 0).then(|| rng.random_range(0..12)),
                country: String::new(),
                admin1: String::new(),
                admin2: String::new(),
                location: String::new(),
                source: "test".into(),
                notes: String::new(),
            }
        })
        .collect();
    incidents.iter().map(|i| i.view()).collect()
}

/// A store with its placements at the bundled provinces and districts.
pub(crate) struct Fixture {
    pub(crate) store: IncidentStore,
    provinces: Vec<AdminUnit>,
    districts: Vec<AdminUnit>,
    by_province: Vec<Placement>,
    by_district: Vec<Placement>,
    pub(crate) mappable: Vec<bool>,
    pub(crate) spec: GridSpec,
}

pub(crate) fn fixture(n: usize) -> Fixture {
    let store = store(n, 7);
    let (gaz, _) = load_gazetteer(&bundled_data_dir());
    let provinces: Vec<AdminUnit> = gaz.units_of(UnitKind::Province).cloned().collect();
    let districts: Vec<AdminUnit> = gaz.units_of(UnitKind::District).cloned().collect();
    let (pi, di) = (AdminIndex::new(&provinces), AdminIndex::new(&districts));
    let precisions = store.location_precisions();
    let (lons, lats) = (store.lons(), store.lats());
    let by_province = place_incidents(lons, lats, &precisions, &pi, None);
    let by_district = place_incidents(lons, lats, &precisions, &di, Some(&pi));
    drop((pi, di));
    let mappable = precisions
        .iter()
        .map(|&p| p <= LocationPrecision::District)
        .collect();
    // Somewhat smaller than the points' box, so that some weight falls outside it.
    let spec = GridSpec::new(
        [66.5, 29.0, 74.0, 36.0],
        150,
        140,
        GridProjection::WebMercator,
    );
    Fixture {
        store,
        provinces,
        districts,
        by_province,
        by_district,
        mappable,
        spec,
    }
}

impl Fixture {
    pub(crate) fn levels(&self) -> [CubeLevel<'_>; 2] {
        [
            CubeLevel {
                placements: &self.by_province,
                units: &self.provinces,
                parent: None,
            },
            CubeLevel {
                placements: &self.by_district,
                units: &self.districts,
                parent: Some(&self.provinces),
            },
        ]
    }

    /// The cube of the incidents `types` keeps (all types when empty).
    pub(crate) fn cube(
        &self,
        bucket: TimeBucket,
        weights: Option<&[f64]>,
        types: &[&str],
    ) -> TimeCube {
        let selected = self.filtered(None, None, types).indices;
        let fatalities = self.store.fatality_counts();
        let levels = self.levels();
        let input = CubeInput {
            store: &self.store,
            selected: &selected,
            mappable: &self.mappable,
            weights,
            fatalities: &fatalities,
            grid: self.spec,
            bandwidth_km: BANDWIDTH_KM,
            bucket,
            levels: &levels,
        };
        TimeCube::build(&input, usize::MAX).expect("cube")
    }

    pub(crate) fn filtered(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        types: &[&str],
    ) -> atlas_core::analysis::Filtered {
        let f = IncidentFilter {
            from,
            to,
            event_types: types.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        };
        filter_incidents(&self.store, &f)
    }

    /// The direct path: `kernel_density` of the mappable incidents the filter keeps.
    pub(crate) fn kde(&self, kept: &[u32], weights: Option<&[f64]>) -> DensityGrid {
        let mapped: Vec<usize> = kept
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| self.mappable[i])
            .collect();
        let pick = |v: &[f64]| mapped.iter().map(|&i| v[i]).collect::<Vec<f64>>();
        let (lons, lats) = (pick(self.store.lons()), pick(self.store.lats()));
        let w = weights.map(pick);
        kernel_density(&lons, &lats, w.as_deref(), &self.spec, BANDWIDTH_KM)
    }
}

/// Windows (first day, last day) of whole bins: the first bin, the last, one inside, a run,
/// a run open at either end, everything.
pub(crate) fn windows(cube: &TimeCube) -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
    let b = cube.bins();
    let last_day = |k: usize| {
        let next = match cube.bucket() {
            TimeBucket::Week => b[k].checked_add_days(chrono::Days::new(7)),
            TimeBucket::Month => b[k].checked_add_months(chrono::Months::new(1)),
        };
        next.and_then(|d| d.pred_opt())
    };
    let n = b.len();
    vec![
        (Some(b[0]), last_day(0)),
        (Some(b[n - 1]), last_day(n - 1)),
        (Some(b[n / 2]), last_day(n / 2)),
        (Some(b[2]), last_day(n - 3)),
        (None, last_day(n / 3)),
        (Some(b[n / 3]), None),
        (None, None),
    ]
}

/// Each cell within the f32 rounding of the two running grids it is the difference of: each
/// is at most the full-range density (all values are ≥ 0) and is rounded once, so the error is
/// at most 2·2⁻²⁴ of the full-range value, plus f64 summation noise far below that.
fn assert_grids_match(cube: &DensityGrid, direct: &DensityGrid, full: &DensityGrid, what: &str) {
    assert_eq!(cube.spec, direct.spec);
    assert_eq!(cube.values.len(), direct.values.len());
    let mut worst = 0.0f64;
    for (k, ((&c, &d), &f)) in cube
        .values
        .iter()
        .zip(&direct.values)
        .zip(&full.values)
        .enumerate()
    {
        let tol = f * (2f64.powi(-23) + 1e-12);
        assert!(
            (c - d).abs() <= tol,
            "{what}: cell {k}: cube {c}, direct {d}, full {f}"
        );
        if f > 0.0 {
            worst = worst.max((c - d).abs() / f);
        }
    }
    assert!(worst < 2f64.powi(-23), "{what}: {worst}");
}

fn check_grids(bucket: TimeBucket, weights: Option<&[f64]>, types: &[&str]) {
    let fx = fixture(12_000);
    let cube = fx.cube(bucket, weights, types);
    assert!(
        cube.long_spans() > 0,
        "month- and year-dated incidents make long spans"
    );
    let full = fx.kde(&fx.filtered(None, None, types).indices, weights);
    for (from, to) in windows(&cube) {
        let what = format!("{bucket:?} {from:?}..={to:?}");
        let w = cube.window(from, to).expect("whole bins");
        let kept = fx.filtered(from, to, types);
        let direct = fx.kde(&kept.indices, weights);
        let got = cube.density(w);
        assert_grids_match(&got, &direct, &full, &what);
        // Whole-number weights: the weight in and outside the box adds up exactly.
        assert_eq!(got.weight_in, direct.weight_in, "{what}");
        assert_eq!(got.weight_outside, direct.weight_outside, "{what}");
        assert!(
            direct.weight_outside > 0.0 || from.is_some(),
            "{what}: some weight outside"
        );
        // The mass on the grid (Σ density × area) is the direct path's.
        let (m, d) = (got.total_weight(), direct.total_weight());
        assert!(
            (m - d).abs() <= 1e-6 * d.max(1.0),
            "{what}: mass {m} vs {d}"
        );
    }
}

#[test]
fn weekly_window_grids_equal_the_kde_of_the_window_points() {
    check_grids(TimeBucket::Week, None, &[]);
}

#[test]
fn monthly_fatality_weighted_grids_of_one_event_type_equal_the_kde() {
    let fx_weights = store(12_000, 7).fatality_weights();
    check_grids(TimeBucket::Month, Some(&fx_weights), &["Battles", "Riots"]);
}

#[test]
fn window_counts_and_totals_equal_the_count_path_exactly() {
    let fx = fixture(12_000);
    let fat = fx.store.fatality_counts();
    for bucket in [TimeBucket::Week, TimeBucket::Month] {
        let cube = fx.cube(bucket, None, &["Explosions"]);
        for (from, to) in windows(&cube) {
            let what = format!("{bucket:?} {from:?}..={to:?}");
            let w = cube.window(from, to).expect("whole bins");
            let kept = fx.filtered(from, to, &["Explosions"]);
            let pick = |p: &[Placement]| {
                kept.indices
                    .iter()
                    .map(|&i| p[i as usize])
                    .collect::<Vec<_>>()
            };
            let f: Vec<u32> = kept.indices.iter().map(|&i| fat[i as usize]).collect();
            let provinces = count_by_unit(&pick(&fx.by_province), &f, &fx.provinces, None);
            let districts = count_by_unit(
                &pick(&fx.by_district),
                &f,
                &fx.districts,
                Some(&fx.provinces),
            );
            assert_eq!(cube.counts(0, w), Some(provinces), "{what}");
            assert_eq!(cube.counts(1, w), Some(districts), "{what}");
            let t = cube.totals(w);
            assert_eq!(t.incidents, kept.indices.len() as u64, "{what}");
            assert_eq!(t.uncertain, kept.uncertain as u64, "{what}");
            let mapped = kept
                .indices
                .iter()
                .filter(|&&i| fx.mappable[i as usize])
                .count();
            assert_eq!(t.mapped, mapped as u64, "{what}");
        }
        assert_eq!(cube.counts(2, cube.window(None, None).expect("all")), None);
    }
}
