//! Time-cube windows: incidents dated to a month or a year count only in windows holding
//! their whole period, only whole bins make a window, an over-large cube is refused, and the
//! frames' shared colour-scale top is some frame's own peak and tops them all.

use atlas_core::analysis::{
    CubeError, CubeInput, GridProjection, GridSpec, IncidentFilter, TimeBucket, TimeCube,
    filter_incidents,
};
use atlas_core::incidents::{
    DatePrecision, Incident, IncidentDate, IncidentStore, LocationPrecision,
};
use chrono::NaiveDate;

use crate::time_cube::{BANDWIDTH_KM, day, fixture, store};

#[test]
fn month_and_year_dates_count_only_in_windows_holding_their_whole_period() {
    let v = |date: NaiveDate, precision| Incident {
        id: "x".into(),
        date: IncidentDate { date, precision },
        lon: 70.0,
        lat: 33.0,
        location_precision: LocationPrecision::Town,
        actor1: "A".into(),
        actor2: None,
        event_type: "Battles".into(),
        sub_event_type: None,
        fatalities: Some(1),
        country: String::new(),
        admin1: String::new(),
        admin2: String::new(),
        location: String::new(),
        source: String::new(),
        notes: String::new(),
    };
    use DatePrecision::*;
    let rows = [
        v(day(2024, 3, 4), Day),    // Monday of the week 4–10 March
        v(day(2024, 3, 10), Day),   // its Sunday
        v(day(2024, 3, 15), Month), // March 2024: weeks of 26 Feb to 25 March
        v(day(2024, 6, 1), Year),   // 2024
        v(day(2024, 12, 31), Day),  // a Tuesday: the week of 30 December
    ];
    let store: IncidentStore = rows.iter().map(|i| i.view()).collect();
    let selected: Vec<u32> = (0..5).collect();
    let input = CubeInput {
        store: &store,
        selected: &selected,
        mappable: &[true; 5],
        weights: None,
        fatalities: &[1; 5],
        grid: GridSpec::new([69.0, 32.0, 71.0, 34.0], 16, 16, GridProjection::LonLat),
        bandwidth_km: 10.0,
        bucket: TimeBucket::Week,
        levels: &[],
    };
    let cube = TimeCube::build(&input, usize::MAX).expect("cube");
    assert_eq!(cube.bins().first(), Some(&day(2024, 1, 1)));
    assert_eq!(cube.bins().last(), Some(&day(2024, 12, 30)));
    assert_eq!(cube.bins().len(), 53);
    assert_eq!(cube.long_spans(), 2);
    let totals = |from, to| {
        let t = cube.totals(cube.window(Some(from), Some(to)).expect("whole weeks"));
        (t.incidents, t.uncertain)
    };
    // The week of 4 March: both days; March and 2024 overlap it.
    assert_eq!(totals(day(2024, 3, 4), day(2024, 3, 10)), (2, 2));
    // 26 Feb – 31 March holds all of March.
    assert_eq!(totals(day(2024, 2, 26), day(2024, 3, 31)), (3, 1));
    // 4 March – 31 March does not.
    assert_eq!(totals(day(2024, 3, 4), day(2024, 3, 31)), (2, 2));
    // The whole year, and from its first week to the last.
    assert_eq!(totals(day(2024, 1, 1), day(2025, 1, 5)), (5, 0));
    assert_eq!(totals(day(2023, 12, 25), day(2024, 12, 29)), (3, 1));
    // As the filter says for the same ranges.
    for (from, to, expect) in [
        (day(2024, 3, 4), day(2024, 3, 10), 2),
        (day(2024, 2, 26), day(2024, 3, 31), 3),
        (day(2023, 12, 25), day(2024, 12, 29), 3),
    ] {
        let f = IncidentFilter {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        };
        assert_eq!(filter_incidents(&store, &f).indices.len(), expect);
    }
    let g = cube.density(
        cube.window(Some(day(2024, 2, 26)), Some(day(2024, 3, 31)))
            .unwrap(),
    );
    assert_eq!(g.weight_in, 3.0);
}

#[test]
fn only_whole_bins_make_a_window() {
    let fx = fixture(2_000);
    let week = fx.cube(TimeBucket::Week, None, &[]);
    // 2024-03-04 is a Monday, 2024-03-10 a Sunday.
    assert!(
        week.window(Some(day(2024, 3, 4)), Some(day(2024, 3, 10)))
            .is_some()
    );
    assert!(
        week.window(Some(day(2024, 3, 5)), Some(day(2024, 3, 10)))
            .is_none()
    );
    assert!(
        week.window(Some(day(2024, 3, 4)), Some(day(2024, 3, 9)))
            .is_none()
    );
    let month = fx.cube(TimeBucket::Month, None, &[]);
    assert!(
        month
            .window(Some(day(2024, 2, 1)), Some(day(2024, 2, 29)))
            .is_some()
    );
    assert!(
        month
            .window(Some(day(2024, 2, 1)), Some(day(2024, 2, 28)))
            .is_none()
    );
    // Outside the data: empty windows.
    let w = month
        .window(Some(day(2030, 1, 1)), None)
        .expect("whole months");
    assert_eq!(month.totals(w).incidents, 0);
    assert!(month.density(w).values.iter().all(|&v| v == 0.0));
}

#[test]
fn a_cube_over_the_memory_limit_is_refused() {
    let fx = fixture(2_000);
    let selected: Vec<u32> = (0..fx.store.len() as u32).collect();
    let input = CubeInput {
        store: &fx.store,
        selected: &selected,
        mappable: &fx.mappable,
        weights: None,
        fatalities: &[],
        grid: fx.spec,
        bandwidth_km: BANDWIDTH_KM,
        bucket: TimeBucket::Week,
        levels: &[],
    };
    let per_bin = TimeCube::grid_bytes_per_bin(&fx.spec);
    assert_eq!(per_bin, 150 * 140 * 4);
    match TimeCube::build(&input, 10 * per_bin) {
        Err(CubeError::TooLarge { bytes, limit }) => {
            assert_eq!(limit, 10 * per_bin);
            assert!(bytes > 53 * per_bin, "{bytes}");
        }
        Ok(_) => panic!("built over the limit"),
    }
    let cube = TimeCube::build(&input, usize::MAX).expect("cube");
    assert!(cube.heap_bytes() >= 54 * per_bin, "{}", cube.heap_bytes());
    // One stray date eight thousand years on would make ~417k weekly bins: refused up front.
    let stray: IncidentStore = store(2, 1)
        .iter()
        .enumerate()
        .map(|(k, mut v)| {
            if k == 1 {
                v.date = IncidentDate::day(day(9999, 6, 1));
            }
            v
        })
        .collect();
    let input = CubeInput {
        store: &stray,
        selected: &[0, 1],
        mappable: &[true, true],
        ..input
    };
    let limit = 512 << 20;
    match TimeCube::build(&input, limit) {
        Err(CubeError::TooLarge { bytes, .. }) => assert!(bytes > 400_000 * per_bin, "{bytes}"),
        Ok(_) => panic!("built over the limit"),
    }
}

#[test]
fn the_frames_peak_tops_every_frame_of_that_length_and_is_reached() {
    let fx = fixture(2_000);
    let cube = fx.cube(TimeBucket::Month, None, &[]);
    let n = cube.bins().len();
    assert!(n >= 12, "{n} monthly bins");
    let peak_of = |first: usize, len: usize| {
        let w = atlas_core::analysis::BinWindow {
            first,
            end: first + len,
        };
        cube.density(w)
            .values
            .iter()
            .copied()
            .fold(0.0f64, f64::max)
    };
    for len in [1, 3, n] {
        let top = cube.frames_peak(len);
        let peaks: Vec<f64> = (0..=n - len).map(|f| peak_of(f, len)).collect();
        assert!(peaks.iter().all(|p| *p <= top), "len {len}");
        assert!(
            peaks.contains(&top),
            "len {len}: the top is some frame's own peak"
        );
        if len == 1 {
            // One month's frames differ: the shared top is above most frames' own peak.
            assert!(peaks.iter().filter(|p| **p < top).count() >= n / 2);
        }
    }
    assert_eq!(cube.frames_peak(0), 0.0);
    assert_eq!(cube.frames_peak(n + 1), 0.0);
}
