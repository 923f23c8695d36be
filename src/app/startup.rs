//! Process start-up: the allocator setting every frame relies on, and start-up timing on
//! request — with `FRONTIER_ATLAS_STARTUP=1` the window prints, once each, how long after
//! process start its first frame drew the map and when every basemap tile and dataset of
//! that view was in (the numbers BENCHMARKS.md gives for start-up); then start-up's freed
//! memory goes back to the kernel.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

/// Note the process start and tune the allocator (call first thing in `main`).
pub fn mark_process_start() {
    START.get_or_init(Instant::now);
    keep_freed_memory();
}

/// Keep freed memory for reuse instead of handing it back to the kernel: each frame's
/// tessellated meshes are megabytes, and glibc's default (large blocks mapped and unmapped,
/// the heap trimmed) faulted them in again every frame — over half the time of a frame at
/// zoom 8 and of an export. Costs about 13 MB of resident memory at start.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets glibc allocator parameters; called before other threads.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 64 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
    }
}

/// Hand the memory freed so far back to the kernel (every arena, glibc's `malloc_trim`).
/// [`keep_freed_memory`] keeps freed blocks for the frames; start-up frees far more than a
/// frame reuses (files parsed, tiles decoded, the demo imported on workers), so the window
/// calls this once when its start view is in: about 35 MB less resident memory.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the kernel; it takes the arena locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Resident memory of this process in MB (Linux; `None` elsewhere).
pub fn resident_mb() -> Option<f64> {
    #[cfg(target_os = "linux")]
    {
        let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
        let pages: f64 = statm.split_whitespace().nth(1)?.parse().ok()?;
        // SAFETY: sysconf only reads a system constant.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as f64;
        Some(pages * page / 1e6)
    }
    #[cfg(not(target_os = "linux"))]
    None
}

/// What has been reported so far.
#[derive(Default)]
pub struct StartupLog {
    map: bool,
    settled: bool,
}

fn logging() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("FRONTIER_ATLAS_STARTUP").is_some())
}

impl StartupLog {
    /// Start-up is over: the start view was in and freed memory went back.
    pub fn settled(&self) -> bool {
        self.settled
    }

    /// After a frame: `map_drawn` when the map was on screen, `pending` the tiles and data
    /// still loading. Once nothing is pending, start-up's freed memory is handed back.
    pub fn frame(&mut self, map_drawn: bool, pending: usize) {
        if self.settled || !map_drawn {
            return;
        }
        let on = logging();
        let ms = || {
            START
                .get()
                .map_or(0.0, |s| s.elapsed().as_secs_f64() * 1000.0)
        };
        if !self.map {
            self.map = true;
            if on {
                eprintln!("startup: first frame with the map at {:.0} ms", ms());
            }
        }
        if pending == 0 {
            self.settled = true;
            let before = on.then(resident_mb).flatten();
            release_freed_memory();
            if on {
                let mb = |v: Option<f64>| v.map_or("?".into(), |v| format!("{v:.0} MB"));
                eprintln!(
                    "startup: every tile and dataset of the view in at {:.0} ms; resident {} \
                     before handing freed memory back, {} after",
                    ms(),
                    mb(before),
                    mb(resident_mb())
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Start-up settles (and hands freed memory back) once: after a frame with the map and
    /// nothing pending, not before.
    #[test]
    fn start_up_settles_once_the_map_is_drawn_and_nothing_is_pending() {
        let mut log = StartupLog::default();
        log.frame(false, 0);
        assert!(!log.settled(), "no map yet");
        log.frame(true, 3);
        assert!(log.map && !log.settled(), "tiles pending");
        log.frame(true, 0);
        assert!(log.settled());
        assert!(resident_mb().is_some_and(|mb| mb > 1.0));
    }
}
