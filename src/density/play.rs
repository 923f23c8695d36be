//! Playing through time: the date range steps one week or one month at a time over the
//! dataset's span, wrapping at the end.

use atlas_core::analysis::{TimeBucket, bucket_start};
use chrono::{Duration, Months, NaiveDate};

/// Seconds between steps while playing.
pub const STEP_SECONDS: f64 = 0.8;

/// Playback speeds offered (steps per [`STEP_SECONDS`]).
pub const SPEEDS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 4.0];

/// Play / pause state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Player {
    pub playing: bool,
    /// UI time (seconds) of the last step.
    pub last_step: f64,
    /// Speed factor: 2 steps twice as often as 1.
    pub speed: f64,
}

impl Default for Player {
    fn default() -> Self {
        Self {
            playing: false,
            last_step: 0.0,
            speed: 1.0,
        }
    }
}

impl Player {
    /// Seconds between steps at this speed.
    pub fn interval(&self) -> f64 {
        STEP_SECONDS / self.speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1])
    }
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

    #[test]
    fn faster_playback_steps_more_often() {
        let mut p = Player::default();
        assert_eq!(p.interval(), STEP_SECONDS);
        p.speed = 4.0;
        assert_eq!(p.interval(), STEP_SECONDS / 4.0);
        p.speed = 0.25;
        assert_eq!(p.interval(), STEP_SECONDS * 4.0);
        // Out of range values are held to the offered speeds.
        p.speed = 0.0;
        assert_eq!(p.interval(), STEP_SECONDS * 4.0);
    }

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
