//! Frame timing on request: with `FRONTIER_ATLAS_FRAMES=1` the window repaints continuously,
//! without waiting for vertical blanks, and prints every two seconds how many frames it drew,
//! eframe's time for each (update, tessellation and painting), the app's own `ui()` time, and
//! how many times the date range changed (playback steps) — the numbers BENCHMARKS.md gives
//! for playback in the window.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

/// A date range as the density panel holds it (first and last day, either open).
pub type DateRange = (Option<NaiveDate>, Option<NaiveDate>);

const PERIOD: Duration = Duration::from_secs(2);

/// Frame times gathered since the last report.
#[derive(Default)]
pub struct FrameLog {
    since: Option<Instant>,
    /// eframe's whole-frame times (seconds), each reported one frame late.
    frames: Vec<f32>,
    /// The app's `ui()` times (seconds).
    updates: Vec<f32>,
    steps: usize,
    last_range: Option<DateRange>,
}

/// The log is on (read once).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("FRONTIER_ATLAS_FRAMES").is_some())
}

impl FrameLog {
    /// After a frame: eframe's time of the previous frame, this frame's `ui()` time, and the
    /// active date range (a change counts as a step). Returns the report when one is due.
    pub fn frame(
        &mut self,
        previous: Option<f32>,
        update: f32,
        range: DateRange,
    ) -> Option<String> {
        let now = Instant::now();
        let since = *self.since.get_or_insert(now);
        self.frames.extend(previous);
        self.updates.push(update);
        if self.last_range.is_some_and(|r| r != range) {
            self.steps += 1;
        }
        self.last_range = Some(range);
        let elapsed = now - since;
        if elapsed < PERIOD {
            return None;
        }
        let report = report(elapsed, &mut self.frames, &mut self.updates, self.steps);
        self.since = Some(now);
        self.frames.clear();
        self.updates.clear();
        self.steps = 0;
        Some(report)
    }
}

fn report(elapsed: Duration, frames: &mut [f32], updates: &mut [f32], steps: usize) -> String {
    let secs = elapsed.as_secs_f64();
    format!(
        "frames: {} in {secs:.2} s ({:.1} fps); frame {}; ui() {}; {steps} date steps",
        updates.len(),
        updates.len() as f64 / secs,
        summary(frames),
        summary(updates),
    )
}

/// "mean / p95 / max ms" of `times` (seconds).
pub fn summary(times: &mut [f32]) -> String {
    if times.is_empty() {
        return "-".into();
    }
    times.sort_by(f32::total_cmp);
    let ms = |s: f32| s * 1000.0;
    let mean = times.iter().sum::<f32>() / times.len() as f32;
    let p95 = times[((times.len() - 1) as f32 * 0.95).round() as usize];
    format!(
        "mean {:.1} / p95 {:.1} / max {:.1} ms",
        ms(mean),
        ms(p95),
        ms(times[times.len() - 1])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_gives_mean_p95_and_max_in_ms() {
        let mut t: Vec<f32> = (1..=20).map(|i| i as f32 / 1000.0).collect();
        assert_eq!(summary(&mut t), "mean 10.5 / p95 19.0 / max 20.0 ms");
        assert_eq!(summary(&mut []), "-");
    }

    #[test]
    fn steps_count_changes_of_the_date_range_only() {
        let mut log = FrameLog::default();
        let d = |m| NaiveDate::from_ymd_opt(2024, m, 1);
        for r in [
            (None, None),
            (None, None),
            (d(1), d(2)),
            (d(1), d(2)),
            (d(2), d(3)),
        ] {
            assert!(log.frame(Some(0.01), 0.002, r).is_none());
        }
        assert_eq!(log.steps, 2);
        assert_eq!(log.frames.len(), 5);
    }
}
