//! Date / actor / event-type filters and week / month histograms, with imprecise dates.

use atlas_core::analysis::{IncidentFilter, TimeBucket, filter_incidents, time_histogram};
use atlas_core::incidents::{
    DatePrecision, Incident, IncidentDate, IncidentStore, LocationPrecision,
};
use chrono::NaiveDate;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).unwrap()
}

fn inc(
    id: &str,
    date: NaiveDate,
    precision: DatePrecision,
    actor: &str,
    kind: &str,
    fat: Option<u32>,
) -> Incident {
    Incident {
        id: id.into(),
        date: IncidentDate { date, precision },
        lon: 70.0,
        lat: 33.0,
        location_precision: LocationPrecision::Town,
        actor1: actor.into(),
        actor2: if actor == "A" { Some("B".into()) } else { None },
        event_type: kind.into(),
        sub_event_type: None,
        fatalities: fat,
        country: "Pakistan".into(),
        admin1: String::new(),
        admin2: String::new(),
        location: String::new(),
        source: "test".into(),
        notes: String::new(),
    }
}

fn store() -> IncidentStore {
    use DatePrecision::*;
    [
        inc("0", day(3, 4), Day, "A", "Battles", Some(2)), // Monday
        inc("1", day(3, 10), Day, "C", "Battles", Some(1)), // Sunday, same ISO week
        inc("2", day(3, 11), Day, "C", "Explosions", None),
        inc("3", day(3, 1), Month, "C", "Battles", Some(5)), // March 2024
        inc("4", day(5, 20), Day, "B", "Explosions", Some(3)),
        inc("5", day(1, 1), Year, "C", "Battles", Some(1)), // 2024
    ]
    .iter()
    .map(|i| i.view())
    .collect::<Vec<_>>()
    .into_iter()
    .collect()
}

#[test]
fn filters_by_date_actor_and_type() {
    let s = store();
    let all = filter_incidents(&s, &IncidentFilter::default());
    assert_eq!((all.indices, all.uncertain), (vec![0, 1, 2, 3, 4, 5], 0));
    let march = IncidentFilter {
        from: Some(day(3, 1)),
        to: Some(day(3, 31)),
        ..Default::default()
    };
    let f = filter_incidents(&s, &march);
    assert_eq!(
        (f.indices, f.uncertain),
        (vec![0, 1, 2, 3], 1),
        "the year-dated event only overlaps"
    );
    let early_march = IncidentFilter {
        from: Some(day(3, 1)),
        to: Some(day(3, 10)),
        ..Default::default()
    };
    let f = filter_incidents(&s, &early_march);
    assert_eq!((f.indices, f.uncertain), (vec![0, 1], 2));
    // Actor matches actor1 or actor2.
    let b = IncidentFilter {
        actors: vec!["B".into()],
        ..Default::default()
    };
    assert_eq!(filter_incidents(&s, &b).indices, vec![0, 4]);
    // Hiding an actor leaves out every incident it is either actor of, even when the other
    // actor is shown.
    let without_b = IncidentFilter {
        hidden_actors: vec!["B".into()],
        ..Default::default()
    };
    assert_eq!(filter_incidents(&s, &without_b).indices, vec![1, 2, 3, 5]);
    let without_a = IncidentFilter {
        hidden_actors: vec!["A".into()],
        ..Default::default()
    };
    assert_eq!(
        filter_incidents(&s, &without_a).indices,
        vec![1, 2, 3, 4, 5]
    );
    let t = IncidentFilter {
        event_types: vec!["Explosions".into(), "Nope".into()],
        ..Default::default()
    };
    assert_eq!(filter_incidents(&s, &t).indices, vec![2, 4]);
    let none = IncidentFilter {
        actors: vec!["Nobody".into()],
        ..Default::default()
    };
    assert!(filter_incidents(&s, &none).indices.is_empty());
}

#[test]
fn weekly_and_monthly_histograms() {
    let s = store();
    let m = time_histogram(&s, None, TimeBucket::Month);
    let bins: Vec<(NaiveDate, u64, u64)> = m
        .bins
        .iter()
        .map(|b| (b.start, b.events, b.fatalities))
        .collect();
    assert_eq!(
        bins,
        vec![(day(3, 1), 4, 8), (day(4, 1), 0, 0), (day(5, 1), 1, 3)]
    );
    assert_eq!(m.too_coarse, 1);

    let w = time_histogram(&s, Some(&[0, 1, 2, 3, 4]), TimeBucket::Week);
    assert_eq!(w.too_coarse, 1, "month-dated event");
    assert_eq!(
        (w.bins[0].start, w.bins[0].events, w.bins[0].fatalities),
        (day(3, 4), 2, 3)
    );
    assert_eq!((w.bins[1].start, w.bins[1].events), (day(3, 11), 1));
    assert_eq!(
        (w.bins.last().unwrap().start, w.bins.last().unwrap().events),
        (day(5, 20), 1)
    );
    assert_eq!(w.bins.len(), 12, "4 Mar .. 20 May is 11 weeks later");
    assert!(
        time_histogram(&s, Some(&[]), TimeBucket::Week)
            .bins
            .is_empty()
    );
}

/// The date filter compares day numbers for day-precise dates and whole periods for the
/// others: on 3,000 seeded incidents of every precision and 200 ranges (some open-ended) it
/// keeps and counts as uncertain exactly what the periods' first and last days say.
#[test]
fn date_filter_equals_the_period_definition_on_seeded_data() {
    use DatePrecision::*;
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let start = NaiveDate::from_ymd_opt(2023, 11, 1).unwrap();
    let at = |d: u64| start + chrono::Duration::days(d as i64);
    let incidents: Vec<Incident> = (0..3000)
        .map(|i| {
            let p = [Day, Day, Day, Month, Year][next(5) as usize];
            inc(&i.to_string(), at(next(500)), p, "C", "Battles", None)
        })
        .collect();
    let store: IncidentStore = incidents
        .iter()
        .map(|i| i.view())
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    for _ in 0..200 {
        let (a, b) = (next(520), next(520));
        let from = (next(6) > 0).then(|| at(a.min(b)));
        let to = (next(6) > 0).then(|| at(a.max(b)));
        let f = IncidentFilter {
            from,
            to,
            ..Default::default()
        };
        let got = filter_incidents(&store, &f);
        let (mut kept, mut uncertain) = (vec![], 0);
        for (i, inc) in incidents.iter().enumerate() {
            let (s, e) = (inc.date.start(), inc.date.end());
            if from.is_none_or(|f| s >= f) && to.is_none_or(|t| e <= t) {
                kept.push(i as u32);
            } else if from.is_none_or(|f| e >= f) && to.is_none_or(|t| s <= t) {
                uncertain += 1;
            }
        }
        assert_eq!(
            (got.indices, got.uncertain),
            (kept, uncertain),
            "{from:?}..{to:?}"
        );
    }
}
