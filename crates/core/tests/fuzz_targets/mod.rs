//! Loader fuzz targets and their runner, shared by the CI test and the long-run example.

mod incidents;
pub mod mutate;
mod seeds;
pub mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub use targets::{TARGETS, Target};

/// Where panicking inputs are kept (and read back as regression seeds).
pub fn regressions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions")
}

/// Saved regression inputs for `target` (files named `<target>-*`), sorted by name.
pub fn regressions(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let prefix = format!("{target}-");
    let mut out: Vec<_> = std::fs::read_dir(regressions_dir())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix))
        })
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    out.sort();
    out
}

/// Per-run scratch space: a private temporary directory for loaders that read files.
pub struct Ctx {
    pub dir: PathBuf,
}

impl Ctx {
    pub fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        // tmpfs when there is one: the file loaders write every input to disk.
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!(
            "atlas-fuzz-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("create fuzz scratch dir");
        Self { dir }
    }

    /// Write `bytes` to `name` in the scratch directory and return its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.join(name);
        std::fs::write(&p, bytes).expect("write fuzz input");
        p
    }
}

impl Drop for Ctx {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A panicking input: its bytes and the panic message.
pub struct Finding {
    pub input: Vec<u8>,
    pub message: String,
}

/// What one run of a target did.
pub struct Outcome {
    pub executions: u64,
    pub elapsed: Duration,
    /// The slowest single execution (a hint of quadratic or runaway work).
    pub slowest: Duration,
    pub findings: Vec<Finding>,
}

/// Silence the default panic printout (findings are reported with their inputs instead).
fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::env::var_os("ATLAS_FUZZ_VERBOSE").is_some() {
                default(info);
            }
        }));
    });
}

fn message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic".into())
}

/// Run one input through `target`, returning the panic message if it panicked.
pub fn run_one(target: &Target, ctx: &mut Ctx, input: &[u8]) -> Result<(), String> {
    quiet_panics();
    catch_unwind(AssertUnwindSafe(|| (target.run)(ctx, input))).map_err(message)
}

/// Run `executions` seeded mutants of the target's seeds (first the seeds and saved
/// regressions themselves). Stops collecting after `max_findings` distinct panics.
pub fn fuzz(target: &Target, executions: u64, seed: u64, max_findings: usize) -> Outcome {
    let mut ctx = Ctx::new();
    let mut seeds = (target.seeds)();
    seeds.extend(regressions(target.name).into_iter().map(|(_, b)| b));
    assert!(!seeds.is_empty(), "{}: no seeds", target.name);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let start = Instant::now();
    let mut out = Outcome {
        executions: 0,
        elapsed: Duration::ZERO,
        slowest: Duration::ZERO,
        findings: Vec::new(),
    };
    while out.executions < executions && out.findings.len() < max_findings {
        let i = out.executions as usize;
        let input = match seeds.get(i) {
            Some(s) => s.clone(),
            None => mutate::mutant(&mut rng, &seeds),
        };
        let t = Instant::now();
        let result = run_one(target, &mut ctx, &input);
        out.slowest = out.slowest.max(t.elapsed());
        out.executions += 1;
        if let Err(message) = result
            && !out.findings.iter().any(|f| f.message == message)
        {
            out.findings.push(Finding { input, message });
        }
    }
    out.elapsed = start.elapsed();
    out
}

/// Save a finding under the regressions directory as `<target>-<hash>.bin`; returns its path.
pub fn save_finding(target: &str, f: &Finding) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    f.input.hash(&mut h);
    let dir = regressions_dir();
    std::fs::create_dir_all(&dir).expect("create regressions dir");
    let p = dir.join(format!("{target}-{:016x}.bin", h.finish()));
    std::fs::write(&p, &f.input).expect("save finding");
    p
}
