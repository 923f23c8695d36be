//! Long fuzz run over the loaders: `cargo run --release -p atlas-core --example fuzz -- <loader|all> <executions> [seed]`.
//!
//! Prints executions, time and findings per loader; each panicking input is saved under
//! `crates/core/tests/fixtures/fuzz-regressions/` (a regression seed for later runs).

#[allow(dead_code)] // the CI test uses the rest of the shared module
#[path = "../tests/fuzz_targets/mod.rs"]
mod fuzz_targets;

use fuzz_targets::{TARGETS, fuzz, save_finding};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        let names: Vec<_> = TARGETS.iter().map(|t| t.name).collect();
        eprintln!(
            "usage: fuzz <loader|all> <executions> [seed]\nloaders: {}",
            names.join(" ")
        );
        std::process::exit(2);
    };
    let (Some(which), Some(n)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse::<u64>().ok()),
    ) else {
        usage();
        return;
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let chosen: Vec<_> = TARGETS
        .iter()
        .filter(|t| which == "all" || which.split(',').any(|w| w == t.name))
        .collect();
    if chosen.is_empty() {
        usage();
    }
    let mut panics = 0;
    for t in chosen {
        panics += run(t, n, seed);
    }
    if panics > 0 {
        std::process::exit(1);
    }
}

/// Executions per progress line (each chunk runs with its own seed, derived from `seed`).
const CHUNK: u64 = 100_000;

/// Fuzz one target in chunks, printing cumulative counts so a stopped run still reports.
fn run(t: &fuzz_targets::Target, n: u64, seed: u64) -> usize {
    let (mut done, mut secs, mut slowest, mut panics) = (0u64, 0f64, 0f64, 0usize);
    let mut chunk = 0;
    while done < n {
        let out = fuzz(t, CHUNK.min(n - done), seed * 1_000_003 + chunk, 20);
        chunk += 1;
        done += out.executions;
        secs += out.elapsed.as_secs_f64();
        slowest = slowest.max(out.slowest.as_secs_f64() * 1e3);
        for f in &out.findings {
            let p = save_finding(t.name, f);
            println!("  PANIC {} `{}` -> {}", t.name, f.message, p.display());
        }
        panics += out.findings.len();
        let last = if done >= n { "done" } else { "..." };
        println!(
            "{:<15} {:>10} execs {:>8.1} s {:>9.0}/s slowest {:>7.1} ms  panics {} {last}",
            t.name,
            done,
            secs,
            done as f64 / secs.max(1e-9),
            slowest,
            panics
        );
    }
    panics
}
