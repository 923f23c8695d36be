//! Process start-up: the allocator setting every frame relies on, and start-up timing on
//! request — with `FRONTIER_ATLAS_STARTUP=1` the window prints, once each, how long after
//! process start its first frame drew the map and when every basemap tile and dataset of
//! that view was in (the numbers BENCHMARKS.md gives for start-up).

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

/// What has been reported so far.
#[derive(Default)]
pub struct StartupLog {
    map: bool,
    settled: bool,
}

impl StartupLog {
    /// After a frame: `map_drawn` when the map was on screen, `pending` the tiles and data
    /// still loading.
    pub fn frame(&mut self, map_drawn: bool, pending: usize) {
        static ON: OnceLock<bool> = OnceLock::new();
        let on = *ON.get_or_init(|| std::env::var_os("FRONTIER_ATLAS_STARTUP").is_some());
        if self.settled || !map_drawn || !on {
            return;
        }
        let ms = START
            .get()
            .map_or(0.0, |s| s.elapsed().as_secs_f64() * 1000.0);
        if !self.map {
            self.map = true;
            eprintln!("startup: first frame with the map at {ms:.0} ms");
        }
        if pending == 0 {
            self.settled = true;
            eprintln!("startup: every tile and dataset of the view in at {ms:.0} ms");
        }
    }
}
