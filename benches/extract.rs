//! Benchmark: place and group extraction over a 1 MB text (the source report and the test
//! fixture texts repeated), with one `Extractor` built up front. Target: < 50 ms per MB.

use std::hint::black_box;
use std::path::Path;

use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::report::{Extractor, GroupDictionary};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const MB: usize = 1 << 20;

/// The report and the fixture texts, repeated to at least 1 MB.
fn corpus(data: &Path) -> String {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/tests/fixtures/texts");
    let mut parts =
        vec![std::fs::read_to_string(data.join("report/source-report.txt")).unwrap_or_default()];
    if let Ok(dir) = std::fs::read_dir(&fixtures) {
        let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        parts.extend(files.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    parts.retain(|p| !p.trim().is_empty());
    assert!(!parts.is_empty(), "no texts found under {}", data.display());
    let mut text = String::with_capacity(MB + 16 * 1024);
    while text.len() < MB {
        for p in &parts {
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let data = bundled_data_dir();
    let (gazetteer, _) = load_gazetteer(&data);
    let (groups, _) = GroupDictionary::load(&data.join("report/groups.json"));
    let text = corpus(&data);

    c.bench_function("extractor_new", |b| {
        b.iter(|| Extractor::new(black_box(&gazetteer), black_box(&groups)))
    });

    let extractor = Extractor::new(&gazetteer, &groups);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("1MB", |b| b.iter(|| extractor.extract(black_box(&text))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
