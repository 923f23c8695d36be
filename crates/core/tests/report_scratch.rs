use atlas_core::report::*;
use std::path::Path;
#[test]
fn scratch() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let (gaz, d) = atlas_core::data::load_gazetteer(dir);
    println!("gaz diags {}", d.len());
    let (report, diags) = load_report(dir, &gaz);
    for d in &diags {
        println!("{d}");
    }
    let groups = report.groups.clone();
    let ex = Extractor::new(&gaz, &groups);
    let e = ex.extract(&report.text);
    for p in &e.places {
        println!(
            "{} {} {:?} {} {:?} n={} low={} alt={:?}",
            p.id,
            p.name,
            p.kind,
            p.country,
            p.matched,
            p.mentions.len(),
            p.low_confidence,
            p.alternatives
        );
    }
    for g in &e.groups {
        println!("{} {:?} n={}", g.id, g.matched, g.mentions.len());
    }
    let t = std::env::var("SCRATCH_TEXT").ok();
    if let Some(t) = t {
        let s = std::fs::read_to_string(t).unwrap();
        let e = ex.extract(&s);
        for p in &e.places {
            println!(
                "{} {} {:?} {} {:?} n={} low={} alt={:?}",
                p.id,
                p.name,
                p.kind,
                p.country,
                p.matched,
                p.mentions.len(),
                p.low_confidence,
                p.alternatives
            );
        }
        for g in &e.groups {
            println!("{} {:?} n={}", g.id, g.matched, g.mentions.len());
        }
    }
}
#[test]
fn timing() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let (gaz, _) = atlas_core::data::load_gazetteer(dir);
    let (report, _) = load_report(dir, &gaz);
    let t0 = std::time::Instant::now();
    let ex = Extractor::new(&gaz, &report.groups);
    println!("build {:?}", t0.elapsed());
    let mut big = String::new();
    let fx = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/texts"));
    let mut parts = vec![report.text.clone()];
    for f in [
        "tribal_districts.txt",
        "balochistan_coast.txt",
        "eastern_afghanistan.txt",
        "no_places.txt",
    ] {
        parts.push(std::fs::read_to_string(fx.join(f)).unwrap());
    }
    while big.len() < 1 << 20 {
        for p in &parts {
            big.push_str(p);
            big.push('\n');
        }
    }
    for _ in 0..5 {
        let t0 = std::time::Instant::now();
        let e = ex.extract(&big);
        println!(
            "extract {} bytes {:?} places {} mentions {}",
            big.len(),
            t0.elapsed(),
            e.places.len(),
            e.places.iter().map(|p| p.mentions.len()).sum::<usize>()
        );
    }
}
#[test]
fn timing_parts() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let text = std::fs::read_to_string(dir.join("report/source-report.txt")).unwrap();
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(&text);
        big.push('\n');
    }
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        let s = split_sentences(&big);
        println!("sentences {} {:?}", s.len(), t0.elapsed());
        let t0 = std::time::Instant::now();
        let n: usize = big
            .chars()
            .map(|c| deunicode::deunicode_char(c).map_or(0, |s| s.len()))
            .sum();
        println!("chars {} {:?}", n, t0.elapsed());
    }
}
