//! Time and attribute filters (date range, actor, event type) and week/month histograms.
//! Dates with month or year precision stand for their whole period.

use chrono::{Datelike, Duration, NaiveDate};

use crate::incidents::{DatePrecision, IncidentStore};

/// Which incidents to keep. Empty lists mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentFilter {
    /// First day included.
    pub from: Option<NaiveDate>,
    /// Last day included.
    pub to: Option<NaiveDate>,
    /// Keep incidents whose actor1 or actor2 is one of these (exact text).
    pub actors: Vec<String>,
    /// Leave out incidents whose actor1 or actor2 is one of these (exact text): actors
    /// unticked from "all", so that hiding one hides every incident it took part in.
    pub hidden_actors: Vec<String>,
    /// Keep incidents whose event type is one of these (exact text).
    pub event_types: Vec<String>,
}

/// Filter output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filtered {
    /// Indices of the kept incidents (ascending).
    pub indices: Vec<u32>,
    /// Incidents that match otherwise but whose date period only partly overlaps the range
    /// (e.g. dated "March 2024" for a range ending 15 March): not kept, counted here.
    pub uncertain: usize,
}

/// Apply a filter: an incident is kept when its whole date period lies in the range and it
/// matches the actor and event type lists.
pub fn filter_incidents(store: &IncidentStore, f: &IncidentFilter) -> Filtered {
    let ids = |names: &[String]| -> Option<Vec<u32>> {
        (!names.is_empty()).then(|| names.iter().filter_map(|n| store.string_id(n)).collect())
    };
    let (actors, types) = (ids(&f.actors), ids(&f.event_types));
    let hidden = ids(&f.hidden_actors);
    let (a1, a2, et) = (
        store.actor1_ids(),
        store.actor2_ids(),
        store.event_type_ids(),
    );
    let (days, precisions) = (store.days(), store.date_precision_codes());
    let from = f.from.map(|d| d.num_days_from_ce());
    let to = f.to.map(|d| d.num_days_from_ce());
    let mut out = Filtered::default();
    for i in 0..store.len() {
        if let Some(a) = &actors
            && !a.contains(&a1[i])
            && !a.contains(&a2[i])
        {
            continue;
        }
        if let Some(h) = &hidden
            && (h.contains(&a1[i]) || h.contains(&a2[i]))
        {
            continue;
        }
        if let Some(t) = &types
            && !t.contains(&et[i])
        {
            continue;
        }
        // Day-precise dates (nearly all) compare as day numbers; the others by their period.
        let (start, end) = if precisions[i] == DatePrecision::Day as u8 {
            (days[i], days[i])
        } else {
            let Some(d) = store.date(i) else { continue };
            (d.start().num_days_from_ce(), d.end().num_days_from_ce())
        };
        let inside = from.is_none_or(|from| start >= from) && to.is_none_or(|to| end <= to);
        let overlaps = from.is_none_or(|from| end >= from) && to.is_none_or(|to| start <= to);
        if inside {
            out.indices.push(i as u32);
        } else if overlaps {
            out.uncertain += 1;
        }
    }
    out
}

/// Histogram bucket size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeBucket {
    /// ISO weeks, starting Monday.
    Week,
    /// Calendar months.
    Month,
}

/// One histogram bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeBin {
    /// First day of the bucket.
    pub start: NaiveDate,
    pub events: u64,
    pub fatalities: u64,
}

/// Histogram of the selected incidents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeHistogram {
    /// Consecutive buckets from the first to the last incident (empty buckets included).
    pub bins: Vec<TimeBin>,
    /// Incidents whose date is too coarse for the bucket (month precision for weeks, year
    /// precision for either), not in any bin.
    pub too_coarse: usize,
}

/// Start of the bucket holding `d`.
pub fn bucket_start(d: NaiveDate, bucket: TimeBucket) -> NaiveDate {
    match bucket {
        TimeBucket::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
        TimeBucket::Month => d.with_day(1).unwrap_or(d),
    }
}

fn next_bucket(d: NaiveDate, bucket: TimeBucket) -> Option<NaiveDate> {
    match bucket {
        TimeBucket::Week => d.checked_add_signed(Duration::days(7)),
        TimeBucket::Month => d.checked_add_months(chrono::Months::new(1)),
    }
}

/// Count incidents `indices` of `store` (all of them when `None`) per week or month.
pub fn time_histogram(
    store: &IncidentStore,
    indices: Option<&[u32]>,
    bucket: TimeBucket,
) -> TimeHistogram {
    let all: Vec<u32>;
    let idx = match indices {
        Some(i) => i,
        None => {
            all = (0..store.len() as u32).collect();
            &all
        }
    };
    let mut hist = TimeHistogram::default();
    let mut keyed: Vec<(NaiveDate, u64)> = Vec::with_capacity(idx.len());
    for &i in idx {
        let Some(d) = store.date(i as usize) else {
            continue;
        };
        let fine_enough = match bucket {
            TimeBucket::Week => d.precision == DatePrecision::Day,
            TimeBucket::Month => d.precision <= DatePrecision::Month,
        };
        if !fine_enough {
            hist.too_coarse += 1;
            continue;
        }
        keyed.push((
            bucket_start(d.date, bucket),
            store.fatalities(i as usize).unwrap_or(0) as u64,
        ));
    }
    keyed.sort_unstable();
    let (Some(first), Some(last)) = (keyed.first().map(|k| k.0), keyed.last().map(|k| k.0)) else {
        return hist;
    };
    let mut k = 0;
    let mut start = first;
    while start <= last {
        let mut bin = TimeBin {
            start,
            events: 0,
            fatalities: 0,
        };
        while k < keyed.len() && keyed[k].0 == start {
            bin.events += 1;
            bin.fatalities += keyed[k].1;
            k += 1;
        }
        hist.bins.push(bin);
        match next_bucket(start, bucket) {
            Some(n) => start = n,
            None => break,
        }
    }
    hist
}
