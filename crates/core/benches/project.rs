//! Project file benchmarks: saving (atomic write with fsync) and opening (parse, migrate,
//! validate, resolve paths) a project with three datasets, views and a layout — datasets are
//! referenced, so size does not grow with the data.

use std::hint::black_box;

use atlas_core::project::{FileRef, Project, SavedView, load_project, save_project};
use criterion::{Criterion, criterion_group, criterion_main};

fn project(dir: &std::path::Path) -> Project {
    let mut p = Project::default();
    for n in ["acled-2024", "ucdp-2024", "gtd-2020"] {
        p.add_incidents(
            n,
            None,
            FileRef::path(dir.join(format!("{n}.csv"))),
            Default::default(),
        );
    }
    p.add_camp_points(FileRef::path(dir.join("camps.csv")));
    for i in 0..9 {
        p.views.push(SavedView::new(
            format!("View {i}"),
            [69.0 + f64::from(i) * 0.1, 33.0],
            7.0,
        ));
    }
    p
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("atlas-bench-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let p = project(&dir);
    let path = dir.join("brief.json");
    c.bench_function("project: save (atomic, fsync)", |b| {
        b.iter(|| save_project(black_box(&p), &path).expect("save"))
    });
    c.bench_function("project: open (parse, validate, paths)", |b| {
        b.iter(|| black_box(load_project(&path).expect("load")))
    });
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("project file: {bytes} bytes");
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
