//! Playing through time: the date range steps one week or one month at a time over the
//! dataset's span, wrapping at the end.

use atlas_core::analysis::{TimeBucket, bucket_start};
use chrono::{Duration, Months, NaiveDate};

/// Seconds between steps while playing.
pub const STEP_SECONDS: f64 = 0.8;

/// Play / pause state.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Player {
    pub playing: bool,
    /// UI time (seconds) of the last step.
    pub last_step: f64,
}

/// First day after the bucket starting at `start`.
fn next_start(start: NaiveDate, bucket: TimeBucket) -> Option<NaiveDate> {
    match bucket {
        TimeBucket::Week => start.checked_add_signed(Duration::days(7)),
        TimeBucket::Month => start.checked_add_months(Months::new(1)),
    }
}

/// The whole bucket holding `day`: (first day, last day).
pub fn window_of(day: NaiveDate, bucket: TimeBucket) -> (NaiveDate, NaiveDate) {
    let start = bucket_start(day, bucket);
    let end = next_start(start, bucket)
        .and_then(|n| n.pred_opt())
        .unwrap_or(start);
    (start, end)
}

/// The range after the current one: the next bucket if the current range is exactly one
/// bucket inside the span, else the span's first bucket; after the last bucket, the first.
pub fn next_window(
    span: (NaiveDate, NaiveDate),
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    bucket: TimeBucket,
) -> (NaiveDate, NaiveDate) {
    let first = window_of(span.0, bucket);
    match (from, to) {
        (Some(f), Some(t)) if window_of(f, bucket) == (f, t) && f >= first.0 => {
            match next_start(f, bucket).filter(|n| *n <= span.1) {
                Some(n) => window_of(n, bucket),
                None => first,
            }
        }
        _ => first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, day).expect("date")
    }

    #[test]
    fn months_step_and_wrap() {
        let span = (d(1, 2), d(3, 20));
        let w = next_window(span, None, None, TimeBucket::Month);
        assert_eq!(w, (d(1, 1), d(1, 31)));
        let w = next_window(span, Some(w.0), Some(w.1), TimeBucket::Month);
        assert_eq!(w, (d(2, 1), d(2, 29)));
        let w = next_window(span, Some(w.0), Some(w.1), TimeBucket::Month);
        assert_eq!(w, (d(3, 1), d(3, 31)));
        let w = next_window(span, Some(w.0), Some(w.1), TimeBucket::Month);
        assert_eq!(w, (d(1, 1), d(1, 31)));
    }

    #[test]
    fn weeks_start_on_monday_and_a_free_range_restarts() {
        // 2024-01-03 is a Wednesday: its week starts Monday 1 January.
        let span = (d(1, 3), d(1, 20));
        let w = next_window(span, Some(d(1, 5)), Some(d(1, 9)), TimeBucket::Week);
        assert_eq!(w, (d(1, 1), d(1, 7)));
        let w = next_window(span, Some(w.0), Some(w.1), TimeBucket::Week);
        assert_eq!(w, (d(1, 8), d(1, 14)));
    }
}
