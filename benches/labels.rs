//! Criterion benchmark: placing 2,000 label candidates on a 1920 x 1080 slide (target ≤ 2 ms).

use std::hint::black_box;

use atlas_core::labels::{LabelCandidate, LabelOptions, Rect, place_labels};
use criterion::{Criterion, criterion_group, criterion_main};

/// A fixed xorshift sequence in `[0, 1)`, so every run places the same candidates.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 40) as f32 / (1u64 << 24) as f32
    }

    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.next()
    }
}

/// A fixed, dense mix: 60 % point labels (towns), 35 % area labels (districts), 5 % never-drop.
fn candidates(n: usize) -> Vec<LabelCandidate> {
    let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|i| {
            let anchor = [rng.range(0.0, 1920.0), rng.range(0.0, 1080.0)];
            let size = [rng.range(30.0, 160.0), rng.range(14.0, 22.0)];
            let text = format!("label {i}");
            let c = if rng.next() < 0.6 {
                LabelCandidate::point(&text, "town", anchor, size, 4.0)
            } else {
                LabelCandidate::area(&text, "district", anchor, size)
            };
            let c = c.with_priority(rng.range(0.0, 10.0));
            if i % 20 == 0 { c.never_dropped() } else { c }
        })
        .collect()
}

fn furniture() -> Vec<Rect> {
    vec![
        Rect::new(0.0, 0.0, 1920.0, 40.0),      // banner
        Rect::new(40.0, 60.0, 700.0, 70.0),     // title
        Rect::new(1500.0, 700.0, 380.0, 300.0), // legend
        Rect::new(40.0, 980.0, 300.0, 40.0),    // scale bar
        Rect::new(1820.0, 60.0, 60.0, 90.0),    // north arrow
        Rect::new(1500.0, 60.0, 300.0, 220.0),  // inset
        Rect::new(400.0, 1040.0, 1100.0, 40.0), // sources
    ]
}

fn bench_labels(c: &mut Criterion) {
    let obstacles = furniture();
    let opts = LabelOptions {
        bounds: Some(Rect::new(0.0, 0.0, 1920.0, 1080.0)),
        padding: 2.0,
    };
    let mut group = c.benchmark_group("labels");
    for n in [500usize, 2000] {
        let cands = candidates(n);
        let placed = place_labels(&cands, &obstacles, &opts).placed.len();
        eprintln!("labels: {n} candidates -> {placed} placed");
        group.bench_function(format!("place_{n}"), |b| {
            b.iter(|| place_labels(black_box(&cands), black_box(&obstacles), &opts))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_labels);
criterion_main!(benches);
