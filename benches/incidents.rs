//! Criterion benchmarks for the attack-density core: importing a 1M-row ACLED-shaped CSV
//! (target < 3 s), joining 1M points to the ~520 bundled districts (target < 1 s) and a
//! 512×512 kernel density of 1M points (target < 200 ms). And, in the app, the analysis
//! worker's run for 100k incidents and one map frame with the heatmap and 100k incidents
//! (target < 4 ms scene building).

use std::hint::black_box;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use atlas_core::analysis::{AdminIndex, GridProjection, GridSpec, kernel_density, place_incidents};
use atlas_core::incidents::{CsvFormat, IncidentStore, SYNTHETIC_PLACES, import_csv_file};
use atlas_core::model::{AdminUnit, UnitKind};
use criterion::{Criterion, criterion_group, criterion_main};
use geo::{MultiPolygon, Rect};

const ROWS: usize = 1_000_000;

#[path = "../crates/core/benches/support/acled_csv.rs"]
#[allow(dead_code)]
mod acled_csv;
use acled_csv::{Lcg, write_acled_csv};

fn bench_file() -> PathBuf {
    let path = std::env::temp_dir().join("atlas-incidents-bench-1m.csv");
    if !path.exists() {
        write_acled_csv(&path, ROWS).expect("cannot write the benchmark CSV to the temp dir");
    }
    path
}

fn import(path: &Path) -> IncidentStore {
    let imp = import_csv_file(path, &CsvFormat::Auto, |_, _| ControlFlow::Continue(()))
        .expect("import failed");
    assert_eq!(imp.report.rows_kept, ROWS);
    imp.incidents
}

/// The bundled districts, or a grid of 520 squares over the region if data/ has none.
fn districts() -> (Vec<AdminUnit>, Vec<AdminUnit>) {
    let (gaz, _) = atlas_core::data::load_gazetteer(&atlas_core::data::bundled_data_dir());
    let d: Vec<AdminUnit> = gaz.units_of(UnitKind::District).cloned().collect();
    let p: Vec<AdminUnit> = gaz.units_of(UnitKind::Province).cloned().collect();
    if !d.is_empty() {
        return (d, p);
    }
    let square = |id: String, kind, x: f64, y: f64, w: f64, h: f64| AdminUnit {
        id: id.clone(),
        name: id,
        aliases: vec![],
        kind,
        country: "PAK".into(),
        iso_code: None,
        parent_id: None,
        parent_name: None,
        label: [x + w / 2.0, y + h / 2.0],
        bbox: [x, y, x + w, y + h],
        geometry: MultiPolygon::new(vec![Rect::new((x, y), (x + w, y + h)).to_polygon()]),
    };
    let d = (0..520)
        .map(|k| {
            square(
                format!("d{k}"),
                UnitKind::District,
                60.0 + (k % 26) as f64 * 0.7,
                23.0 + (k / 26) as f64 * 0.8,
                0.7,
                0.8,
            )
        })
        .collect();
    let p = (0..8)
        .map(|k| {
            square(
                format!("p{k}"),
                UnitKind::Province,
                60.0 + (k % 4) as f64 * 4.55,
                23.0 + (k / 4) as f64 * 8.0,
                4.55,
                8.0,
            )
        })
        .collect();
    (d, p)
}

fn benches(c: &mut Criterion) {
    let path = bench_file();
    let store = import(&path);
    eprintln!(
        "incidents: {} rows, ~{} MB in the store",
        store.len(),
        store.heap_bytes() / 1_000_000
    );

    let mut g = c.benchmark_group("incidents");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("import_acled_1m_rows", |b| {
        b.iter(|| import(black_box(&path)))
    });

    let (districts, provinces) = districts();
    let (di, pi) = (AdminIndex::new(&districts), AdminIndex::new(&provinces));
    let prec = store.location_precisions();
    eprintln!(
        "join: {} districts, {} provinces",
        districts.len(),
        provinces.len()
    );
    g.bench_function("join_1m_points_to_districts", |b| {
        b.iter(|| place_incidents(black_box(store.lons()), store.lats(), &prec, &di, Some(&pi)))
    });
    g.bench_function("admin_index_build", |b| {
        b.iter(|| AdminIndex::new(black_box(&districts)))
    });

    let spec = GridSpec::new(
        [60.0, 23.0, 78.0, 39.0],
        512,
        512,
        GridProjection::WebMercator,
    );
    let weights = store.fatality_weights();
    g.bench_function("kde_1m_points_512x512", |b| {
        b.iter(|| kernel_density(black_box(store.lons()), store.lats(), None, &spec, 15.0))
    });
    g.bench_function("kde_1m_points_512x512_fatality_weights", |b| {
        b.iter(|| {
            kernel_density(
                black_box(store.lons()),
                store.lats(),
                Some(&weights),
                &spec,
                15.0,
            )
        })
    });
    g.finish();
}

/// 100k incidents jittered around the demo districts, all at town precision.
fn store_100k() -> IncidentStore {
    use atlas_core::incidents::{IncidentDate, IncidentView, LocationPrecision};
    let mut r = Lcg(7);
    let mut store = IncidentStore::new();
    for i in 0..100_000 {
        let p = &SYNTHETIC_PLACES[(r.next() % SYNTHETIC_PLACES.len() as u64) as usize];
        let day =
            chrono::NaiveDate::from_yo_opt(2024, (r.next() % 366) as u32 + 1).expect("day of 2024");
        let id = format!("B{i}");
        store.push(&IncidentView {
            id: &id,
            date: IncidentDate::day(day),
            lon: p.lon + (r.unit() - 0.5) * 0.3,
            lat: p.lat + (r.unit() - 0.5) * 0.3,
            location_precision: LocationPrecision::Town,
            actor1: "Actor",
            actor2: "",
            event_type: "Battles",
            sub_event_type: "",
            fatalities: Some((r.next() % 4) as u32),
            country: "Pakistan",
            admin1: p.province,
            admin2: p.district,
            location: p.town,
            source: "bench",
            notes: "",
        });
    }
    store
}

/// The app side: the analysis worker's job for 100k incidents, and one frame of the map with
/// the heatmap and the 100k incidents (clustered at zoom 6, points at zoom 9).
fn app_frame(c: &mut Criterion) {
    use frontier_atlas::density::analysis::analyse;
    use frontier_atlas::density::{Dataset, DensityParams, Levels, Origin};
    use frontier_atlas::map::{BasemapTiles, HeatTextures, MapFrame, show_map};
    use frontier_atlas::scene::AtlasData;
    use frontier_atlas::session::Scene;
    use frontier_atlas::state::{LayerSet, ViewState};
    use std::sync::Arc;

    let dir = AtlasData::default_dir();
    let data = AtlasData::load(&dir);
    let levels = Levels::new(&data.gazetteer, &dir.join("basemap"));
    let store = store_100k();
    let origin = Origin {
        name: "bench".into(),
        path: None,
        schema: atlas_core::incidents::Schema::Acled,
        report: Default::default(),
    };
    let ds = Dataset::new(origin, store, &data.gazetteer, &levels);
    let params = DensityParams::default();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut g = c.benchmark_group("density app");
    g.sample_size(10);
    g.bench_function(
        "analysis worker, 100k incidents (filter, counts, classes, KDE, clusters)",
        |b| b.iter(|| analyse(black_box(&ds), &params, None, &cancel)),
    );
    let analysis = Arc::new(analyse(&ds, &params, None, &cancel).expect("analysis"));
    let ctx = egui::Context::default();
    let data = Arc::new(data);
    let mut tiles = BasemapTiles::new(ctx.clone(), data.basemap.clone());
    // The default project's demo layers draw the 100k incidents.
    let mut project = atlas_core::project::Project::default();
    project
        .layer_mut("demo-incidents")
        .expect("incidents")
        .style
        .visible = true;
    let mut scene = Scene::bare(data.clone());
    let ds = Arc::new(ds);
    scene.datasets.insert("demo".into(), ds.clone());
    scene.levels = Some(Arc::new(levels));
    for l in ["demo-heatmap", "demo-incidents"] {
        scene.analyses.insert(l.into(), analysis.clone());
    }
    let mut heat = HeatTextures::default();
    heat.update(&ctx, &scene, false);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    for (name, center, zoom) in [
        (
            "frame: heatmap + 100k incidents clustered (zoom 6)",
            (68.5, 31.0),
            6.0,
        ),
        (
            "frame: heatmap + 100k incidents as points (zoom 9, Bannu: squares)",
            (70.6, 33.0),
            9.0,
        ),
        (
            "frame: heatmap + 100k incidents as points (zoom 11, Bannu: round markers)",
            (70.6, 33.0),
            11.0,
        ),
    ] {
        // Incidents in the 1600×1000 view (world units: the world is 256·2^z points wide).
        let c = atlas_core::basemap::lonlat_to_world(center.0, center.1);
        let (hw, hh) = (
            800.0 / (256.0 * 2f64.powf(zoom)),
            500.0 / (256.0 * 2f64.powf(zoom)),
        );
        let in_view = ds
            .world
            .iter()
            .filter(|w| (w[0] - c[0]).abs() <= hw && (w[1] - c[1]).abs() <= hh)
            .count();
        eprintln!("{name}: {in_view} incidents in view");
        let mut view = ViewState::at([center.0, center.1], zoom);
        let frame = MapFrame {
            project: &project,
            layers: LayerSet(&project.layers),
            scene: &scene,
            heat: &heat,
        };
        let _ = ctx.run_ui(input(), |ui| {
            show_map(ui, &frame, &mut view, &mut tiles, false);
        });
        g.bench_function(name, |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| {
                    show_map(ui, &frame, &mut view, &mut tiles, false);
                });
                black_box(out.shapes.len())
            })
        });
        g.bench_function(format!("{name} + tessellation"), |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| {
                    show_map(ui, &frame, &mut view, &mut tiles, false);
                });
                black_box(ctx.tessellate(out.shapes, 1.0).len())
            })
        });
    }
    g.finish();
}

criterion_group!(incidents, benches);
criterion_group!(app, app_frame);
criterion_main!(incidents, app);
