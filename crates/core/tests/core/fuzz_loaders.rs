//! Short seeded fuzz run over every loader (the long run is `examples/fuzz.rs`): no panics.

#[allow(dead_code)] // the long-run example uses the rest of the shared module
#[path = "../fuzz_targets/mod.rs"]
mod fuzz_targets;

use fuzz_targets::{TARGETS, Target, fuzz, regressions, run_one};

/// Seed of the CI run; the long run takes its own.
const CI_SEED: u64 = 0x14;

fn short_run(t: &Target) {
    let out = fuzz(t, t.ci_execs, CI_SEED, 5);
    let report: Vec<String> = out
        .findings
        .iter()
        .map(|f| {
            format!(
                "{}: panicked with `{}` on {} bytes: {:?}",
                t.name,
                f.message,
                f.input.len(),
                String::from_utf8_lossy(&f.input[..f.input.len().min(400)])
            )
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
    assert_eq!(out.executions, t.ci_execs);
}

macro_rules! short_runs {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            let t = TARGETS
                .iter()
                .find(|t| t.name == stringify!($name))
                .expect("target listed");
            short_run(t);
        }
    )*};
}

short_runs!(
    csv_auto,
    csv_acled,
    csv_ucdp,
    csv_gtd,
    csv_generic,
    geojson_points,
    report_text,
    project,
    camps_csv,
    camps_geojson,
    admin_geojson,
    towns_csv,
    groups_json,
    findings_json,
    pmtiles_header,
    pmtiles_file,
    mbtiles_file,
    basemap,
    border_lines,
);

#[test]
fn every_target_has_a_short_run() {
    let listed = include_str!("fuzz_loaders.rs");
    for t in TARGETS {
        assert!(
            listed.contains(&format!("    {},\n", t.name)),
            "{} has no test",
            t.name
        );
    }
}

/// Every saved panicking input (`tests/fixtures/fuzz-regressions/<target>-*.bin`) now loads
/// without a panic.
#[test]
fn saved_regressions_do_not_panic() {
    let mut ctx = fuzz_targets::Ctx::new();
    for t in TARGETS {
        for (path, bytes) in regressions(t.name) {
            if let Err(m) = run_one(t, &mut ctx, &bytes) {
                panic!("{} panics again: {m}", path.display());
            }
        }
    }
}

/// Found by the fuzzer: a polygon position with one number (`[68.5]`) or none (`[]`) made
/// the geojson crate's conversion index out of bounds. Now the feature is skipped with a
/// diagnostic naming it.
#[test]
fn admin_file_with_a_short_position_is_reported_not_a_panic() {
    use atlas_core::data::read_admin_file;
    for name in [
        "admin_geojson-one-number-position.bin",
        "admin_geojson-empty-position.bin",
    ] {
        let path = fuzz_targets::regressions_dir().join(name);
        let mut diags = Vec::new();
        read_admin_file(&path, &mut diags);
        let msgs: Vec<_> = diags.iter().map(|d| d.to_string()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("fewer than two coordinates")),
            "{name}: {msgs:?}"
        );
    }
}
