//! Time playback through the time cube: a frame made from the cube for a date range shows the
//! same counts, classes, totals and heatmap as the worker's analysis of that range, and the
//! density state shows it at once when only the dates change, then the worker's result.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use atlas_core::analysis::TimeBucket;
use chrono::NaiveDate;
use frontier_atlas::density::analysis::{Analysis, analyse};
use frontier_atlas::density::cube_frame::cube_frame;
use frontier_atlas::density::cubes::build_cube;
use frontier_atlas::density::{
    By, DEFER, Dataset, DensityParams, DensityState, Levels, Origin, Source, Weight,
};
use frontier_atlas::scene::AtlasData;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).expect("date")
}

fn demo() -> Dataset {
    let data = crate::common::data();
    let dir = AtlasData::default_dir();
    let levels = Levels::new(&data.gazetteer, &dir.join("basemap"));
    let source = Source::Demo { data_dir: dir };
    let progress = Default::default();
    let (origin, store): (Origin, _) =
        frontier_atlas::density::jobs::read_source(&source, &progress).expect("demo");
    Dataset::new(origin, store, &data.gazetteer, &levels)
}

fn params(
    bucket: TimeBucket,
    by: By,
    weight: Weight,
    from: NaiveDate,
    to: NaiveDate,
) -> DensityParams {
    let mut p = DensityParams {
        bucket,
        ..Default::default()
    };
    p.query.by = by;
    p.query.weight = weight;
    p.query.filter.from = Some(from);
    p.query.filter.to = Some(to);
    p
}

fn worker(ds: &Dataset, p: &DensityParams) -> Analysis {
    analyse(ds, p, None, &AtomicBool::new(false)).expect("analysis")
}

/// Frame and worker agree: counts, classes and totals exactly; the heatmap on the same grid
/// to f32 rounding (the cube keeps its running grids in f32; values here are scaled to the
/// peak, so 1e-5 is far above that rounding and far below a visible step of the ramp).
fn assert_same(frame: &Analysis, exact: &Analysis, what: &str) {
    assert!(frame.from_cube && !exact.from_cube, "{what}");
    assert_eq!(frame.params, exact.params, "{what}");
    assert_eq!(frame.units, exact.units, "{what}");
    assert_eq!(frame.shown, exact.shown, "{what}");
    assert_eq!(frame.fatalities, exact.fatalities, "{what}");
    assert_eq!(
        frame.shown.incidents,
        exact.selected.indices.len(),
        "{what}"
    );
    match (&frame.heat, &exact.heat) {
        (None, None) => {}
        (Some(f), Some(e)) => {
            assert_eq!(
                (f.width, f.height, f.world),
                (e.width, e.height, e.world),
                "{what}"
            );
            assert_eq!(f.key, e.key, "{what}");
            assert!((f.weight - e.weight).abs() < 1e-9, "{what}");
            assert!(
                (f.peak / e.peak - 1.0).abs() < 1e-5,
                "{what}: {} {}",
                f.peak,
                e.peak
            );
            let worst = f
                .scaled
                .iter()
                .zip(&e.scaled)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0f32, f32::max);
            assert!(worst < 1e-5, "{what}: {worst}");
        }
        (f, e) => panic!("{what}: heat {:?} vs {:?}", f.is_some(), e.is_some()),
    }
}

#[test]
fn cube_frames_equal_the_worker_analysis_of_the_same_dates() {
    let ds = demo();
    let cases = [
        (
            TimeBucket::Month,
            By::District,
            Weight::Events,
            day(1, 1),
            day(1, 31),
        ),
        (
            TimeBucket::Month,
            By::Province,
            Weight::Fatalities,
            day(3, 1),
            day(6, 30),
        ),
        (
            TimeBucket::Month,
            By::District,
            Weight::Fatalities,
            day(12, 1),
            day(12, 31),
        ),
        (
            TimeBucket::Week,
            By::District,
            Weight::Events,
            day(3, 4),
            day(3, 10),
        ),
        (
            TimeBucket::Week,
            By::Province,
            Weight::Events,
            day(1, 1),
            day(12, 29),
        ),
    ];
    for (bucket, by, weight, from, to) in cases {
        let what = format!("{bucket:?} {by:?} {weight:?} {from}..={to}");
        let p = params(bucket, by, weight, from, to);
        let cube = build_cube(&ds, &p).expect("cube");
        // Any analysis of the same selection lends the timeline and the points.
        let base = worker(&ds, &params(bucket, by, weight, day(2, 1), day(2, 29)));
        let frame = cube_frame(&ds, &cube, &p, &base, None).expect("whole bins");
        assert_same(&frame, &worker(&ds, &p), &what);
        assert!(frame.shown.incidents > 0, "{what}");
    }
    // A range that is not whole bins gets no frame (the worker does it).
    let p = params(
        TimeBucket::Month,
        By::District,
        Weight::Events,
        day(1, 5),
        day(1, 31),
    );
    let cube = build_cube(&ds, &p).expect("cube");
    assert!(cube_frame(&ds, &cube, &p, &worker(&ds, &p), None).is_none());
}

/// Poll `state` as the window does until `done` (at most 60 s).
fn poll_until(state: &mut DensityState, ctx: &egui::Context, done: impl Fn(&DensityState) -> bool) {
    let atlas = crate::common::data();
    for _ in 0..6000 {
        state.poll(Some(ctx), &atlas);
        if done(state) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the density state never got there");
}

#[test]
fn a_new_date_range_shows_the_cube_frame_at_once_then_the_worker_result() {
    let dir = AtlasData::default_dir();
    let source = Source::Demo {
        data_dir: dir.clone(),
    };
    let ctx = egui::Context::default();
    let mut state = DensityState::new(crate::common::data(), dir, "demo", source, None, None);
    poll_until(&mut state, &ctx, |s| s.dataset().is_some());
    let feb = params(
        TimeBucket::Month,
        By::District,
        Weight::Events,
        day(2, 1),
        day(2, 29),
    );
    state.set_wanted(vec![feb.clone()]);
    // A date range is used: the cube is built on a worker, the analysis on another.
    poll_until(&mut state, &ctx, |s| {
        s.cube_for(&feb).is_some() && s.analysis_for(&feb).is_some()
    });
    assert!(!state.analysis_for(&feb).expect("analysis").from_cube);
    // The next month (as a playback step): drawn from the cube in the same poll.
    let mar = params(
        TimeBucket::Month,
        By::District,
        Weight::Events,
        day(3, 1),
        day(3, 31),
    );
    state.set_wanted(vec![mar.clone()]);
    state.poll(Some(&ctx), &crate::common::data());
    let frame = state.latest_for(&mar).expect("something to draw").clone();
    assert!(frame.from_cube, "the frame comes from the cube");
    assert_eq!(frame.params, mar);
    // Its exact analysis waits: a playback step or slider drag moves on before it would end.
    assert_eq!(state.analyses_running(), 0);
    let apr = params(
        TimeBucket::Month,
        By::District,
        Weight::Events,
        day(4, 1),
        day(4, 30),
    );
    state.set_wanted(vec![apr.clone()]);
    state.poll(Some(&ctx), &crate::common::data());
    assert!(state.latest_for(&apr).expect("drawn").from_cube);
    assert_eq!(state.analyses_running(), 0, "March was never started");
    let t0 = std::time::Instant::now();
    state.set_wanted(vec![mar.clone()]);
    state.poll(Some(&ctx), &crate::common::data());
    let frame = state.latest_for(&mar).expect("drawn again").clone();
    assert!(frame.from_cube);
    poll_until(&mut state, &ctx, |s| s.analysis_for(&mar).is_some());
    assert!(t0.elapsed() >= DEFER);
    let exact = state.analysis_for(&mar).expect("analysis").clone();
    assert!(!exact.from_cube);
    assert_eq!(frame.units, exact.units);
    assert_eq!(frame.shown, exact.shown);
    // The worker took the frame's heat raster (same settings): nothing to swap on the map.
    assert!(Arc::ptr_eq(
        frame.heat.as_ref().expect("heat"),
        exact.heat.as_ref().expect("heat")
    ));
    assert!(Arc::ptr_eq(state.latest_for(&mar).expect("exact"), &exact));
}

#[test]
fn headless_runs_build_no_cube() {
    let dir = AtlasData::default_dir();
    let source = Source::Demo {
        data_dir: dir.clone(),
    };
    let mut state = DensityState::new(crate::common::data(), dir, "demo", source, None, None);
    let atlas = crate::common::data();
    let feb = params(
        TimeBucket::Month,
        By::District,
        Weight::Events,
        day(2, 1),
        day(2, 29),
    );
    for _ in 0..6000 {
        state.set_wanted(vec![feb.clone()]);
        state.poll(None, &atlas);
        if state.analysis_for(&feb).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(state.analysis_for(&feb).is_some());
    assert!(!state.building_cube() && state.cube_for(&feb).is_none());
}

#[test]
fn cube_frames_share_one_colour_scale_unless_asked_to_rescale() {
    let dir = AtlasData::default_dir();
    let source = Source::Demo {
        data_dir: dir.clone(),
    };
    let ctx = egui::Context::default();
    let mut state = DensityState::new(crate::common::data(), dir, "demo", source, None, None);
    poll_until(&mut state, &ctx, |s| s.dataset().is_some());
    let month = |m: u32, last: u32, rescale: bool| {
        let mut p = params(
            TimeBucket::Month,
            By::District,
            Weight::Events,
            day(m, 1),
            day(m, last),
        );
        p.rescale_per_frame = rescale;
        p
    };
    let feb = month(2, 29, false);
    state.set_wanted(vec![feb.clone()]);
    // A cube frame borrows points from a worker result of the same inputs: wait for both.
    poll_until(&mut state, &ctx, |s| {
        s.cube_for(&feb).is_some() && s.analysis_for(&feb).is_some()
    });
    let mut frame = |p: &DensityParams| {
        state.set_wanted(vec![p.clone()]);
        state.poll(Some(&ctx), &crate::common::data());
        let a = state.latest_for(p).expect("a frame").clone();
        assert!(a.from_cube && a.params == *p);
        a.heat.clone().expect("heat")
    };
    let (mar, apr) = (frame(&month(3, 31, false)), frame(&month(4, 30, false)));
    assert!(mar.shared && apr.shared);
    assert_eq!(
        mar.peak, apr.peak,
        "the legend's maximum is the same for both frames"
    );
    let own = |h: &frontier_atlas::density::heat::Heat| {
        h.peak * h.scaled.iter().copied().fold(0.0f32, f32::max) as f64
    };
    assert!(own(&mar) <= mar.peak && own(&apr) <= apr.peak);
    assert!(
        own(&mar) < mar.peak || own(&apr) < apr.peak,
        "one month is below the top"
    );
    // Rescaled per frame: each frame's top is its own peak.
    let (mar2, apr2) = (frame(&month(3, 31, true)), frame(&month(4, 30, true)));
    assert!(!mar2.shared && !apr2.shared);
    // (own() reads the f32 raster back: equal to f32 rounding.)
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b;
    assert!(close(mar2.peak, own(&mar)) && close(apr2.peak, own(&apr)));
    assert_ne!(mar2.peak, apr2.peak);
}
