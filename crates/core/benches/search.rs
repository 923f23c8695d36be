//! Criterion benchmarks for search as you type (target < 5 ms per keystroke over every
//! name: bundled gazetteer, groups, findings and the synthetic demo's incident places),
//! building the index, and parsing/formatting coordinates.

use std::hint::black_box;

use atlas_core::coords::{format_dms, format_mgrs, parse};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::incidents::{IncidentStore, synthetic_demo_2024};
use atlas_core::report::load_report;
use atlas_core::search::SearchIndex;
use criterion::{Criterion, criterion_group, criterion_main};

/// Every prefix of `word`, as typed one key at a time.
fn keystrokes(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect()
}

fn bench_search(c: &mut Criterion) {
    let dir = bundled_data_dir();
    let (g, _) = load_gazetteer(&dir);
    let (report, _) = load_report(&dir, &g);
    let mut store = IncidentStore::new();
    for inc in synthetic_demo_2024() {
        store.push(&inc.view());
    }
    c.bench_function(
        "search: build index (gazetteer, groups, findings, demo incidents)",
        |b| {
            b.iter(|| {
                let mut ix = SearchIndex::build(&g, &report.groups, &report.findings);
                ix.add_incidents(&store);
                black_box(ix.len())
            })
        },
    );
    let mut ix = SearchIndex::build(&g, &report.groups, &report.findings);
    ix.add_incidents(&store);
    eprintln!("search bench: {} names indexed", ix.len());
    for word in [
        "Miramshah",
        "Parachinaar",
        "Khyber Pakhtoonkhwa",
        "training centres",
    ] {
        let typed = keystrokes(word);
        let n = typed.len();
        c.bench_function(
            &format!("search: type {word:?} ({n} keystrokes, per keystroke)"),
            |b| {
                b.iter_custom(|iters| {
                    let start = std::time::Instant::now();
                    for _ in 0..iters {
                        for q in &typed {
                            black_box(ix.search(q, 20));
                        }
                    }
                    start.elapsed() / n as u32
                })
            },
        );
    }
    c.bench_function("search: one 4-letter typo query (Kunr)", |b| {
        b.iter(|| black_box(ix.search(black_box("Kunr"), 20)))
    });
}

fn bench_coords(c: &mut Criterion) {
    c.bench_function("coords: parse DMS + format MGRS and DMS", |b| {
        b.iter(|| {
            let p = parse(black_box("34°31'41.2\"N 69°10'20.3\"E")).expect("parses");
            black_box((format_mgrs(p.at), format_dms(p.at)))
        })
    });
    c.bench_function("coords: parse MGRS", |b| {
        b.iter(|| black_box(parse(black_box("42S XB 00065 51861"))))
    });
}

criterion_group!(benches, bench_search, bench_coords);
criterion_main!(benches);
