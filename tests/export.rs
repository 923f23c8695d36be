//! Headless export: exact size, title, legend of visible layers only, scale bar accuracy,
//! CLI errors, no display needed, and a snapshot (`UPDATE_SNAPSHOTS=1` re-blesses).

use std::process::Command;
use std::sync::{Arc, OnceLock};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontier_atlas::export::{ExportSettings, ScaleBar, render_image};
use frontier_atlas::scene::AtlasData;
use frontier_atlas::state::{LayerId, LayerSettings};
use geo::{Distance, Haversine, Point};

fn data() -> Arc<AtlasData> {
    static DATA: OnceLock<Arc<AtlasData>> = OnceLock::new();
    DATA.get_or_init(|| Arc::new(AtlasData::load(&AtlasData::default_dir())))
        .clone()
}

fn small(title: Option<&str>) -> ExportSettings {
    ExportSettings {
        size: [640, 360],
        title: title.map(str::to_owned),
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    }
}

#[test]
fn export_has_exactly_the_requested_size() {
    let img = render_image(data(), &LayerSettings::default(), &small(None), false).expect("render");
    assert_eq!(img.dimensions(), (640, 360));
    let odd = ExportSettings {
        size: [333, 217],
        ..small(None)
    };
    let img = render_image(data(), &LayerSettings::default(), &odd, false).expect("render");
    assert_eq!(img.dimensions(), (333, 217));
}

#[test]
fn title_changes_the_title_region_only_when_set() {
    let layers = LayerSettings::default();
    let plain = render_image(
        data(),
        &layers,
        &ExportSettings {
            timestamp: None,
            ..small(None)
        },
        false,
    )
    .expect("render");
    let titled = render_image(
        data(),
        &layers,
        &ExportSettings {
            timestamp: None,
            ..small(Some("Briefing title"))
        },
        false,
    )
    .expect("render");
    let diff = |x0: u32, y0: u32, x1: u32, y1: u32| {
        let mut n = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                let (a, b) = (plain.get_pixel(x, y), titled.get_pixel(x, y));
                if a.0.iter().zip(b.0).any(|(p, q)| p.abs_diff(q) > 30) {
                    n += 1;
                }
            }
        }
        n
    };
    // Title box: top-left corner of the map.
    let changed = diff(10, 10, 300, 60);
    assert!(changed > 150, "title region unchanged ({changed} pixels)");
    // Bottom-right (scale bar, sources) unchanged.
    assert_eq!(diff(400, 250, 640, 300), 0);
}

fn legend_labels(layers: LayerSettings) -> Vec<String> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(500.0, 900.0))
        .build_ui(move |ui| {
            frontier_atlas::ui::legend::show(ui, &data(), &layers, false, true);
        });
    h.run_steps(1);
    [
        "TTP training centre",
        "Place named in the report",
        "District boundary",
        "Tehreek-e-Taliban Pakistan (TTP)",
        "International border",
    ]
    .iter()
    .filter(|t| h.query_by_label_contains(t).is_some())
    .map(|t| (*t).to_owned())
    .collect()
}

#[test]
fn legend_lists_only_visible_layers() {
    let all = legend_labels(LayerSettings::default());
    assert_eq!(all.len(), 5, "{all:?}");
    let mut layers = LayerSettings::default();
    layers.get_mut(LayerId::TrainingCamps).visible = false;
    layers.get_mut(LayerId::Districts).visible = false;
    layers.get_mut(LayerId::GroupPresence).visible = false;
    let some = legend_labels(layers);
    assert_eq!(some, ["Place named in the report", "International border"]);
}

#[test]
fn scale_bar_matches_the_geodesic_distance_within_two_percent() {
    for (lat, zoom) in [(31.0, 6.0), (35.0, 8.3), (25.0, 10.0), (0.5, 4.0)] {
        let bar = ScaleBar::new(lat, zoom, 220.0);
        assert!(bar.points <= 220.0 && bar.points > 40.0);
        // Two screen points `bar.points` apart along the parallel, back to lon/lat.
        let world_per_point = 1.0 / (256.0 * 2f64.powf(zoom));
        let w0 = atlas_core::basemap::lonlat_to_world(65.0, lat);
        let (lon1, lat1) =
            atlas_core::basemap::world_to_lonlat([w0[0] + bar.points * world_per_point, w0[1]]);
        let km = Haversine.distance(Point::new(65.0, lat), Point::new(lon1, lat1)) / 1000.0;
        assert!(
            (km - bar.km).abs() / bar.km < 0.02,
            "lat {lat} zoom {zoom}: bar says {} km, is {km:.2} km",
            bar.km
        );
    }
}

fn cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn headless_export_runs_without_a_display_and_errors_are_clear() {
    let dir = std::env::temp_dir().join(format!("atlas-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let out = dir.join("start.png");
    let out_s = out.to_string_lossy().into_owned();
    let (code, err) = cli(&[
        "export",
        "--out",
        &out_s,
        "--size",
        "480x270",
        "--title",
        "Test",
        "--banner",
        "UNCLASSIFIED",
    ]);
    assert_eq!(code, 0, "{err}");
    let img = image::open(&out).expect("png").to_rgba8();
    assert_eq!(img.dimensions(), (480, 270));

    let (code, err) = cli(&["export", "--out", &out_s, "--size", "0x10"]);
    assert_ne!(code, 0);
    assert!(err.contains("bad size"), "{err}");
    let (code, err) = cli(&[
        "export",
        "--out",
        "/nonexistent/dir/x.png",
        "--size",
        "64x64",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("does not exist"), "{err}");
    let (code, err) = cli(&["export", "--out", &out_s, "--layers", "basemap,nonsense"]);
    assert_ne!(code, 0);
    assert!(err.contains("valid layers"), "{err}");

    let project = dir.join("p.json");
    frontier_atlas::export::project::Project::default()
        .save(&project)
        .expect("save");
    let (code, err) = cli(&[
        "export",
        "--out",
        &out_s,
        "--project",
        &project.to_string_lossy(),
        "--view",
        "Nowhere",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("unknown view \"Nowhere\""), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_snapshot() {
    let settings = ExportSettings {
        size: [960, 540],
        title: Some("Frontier Atlas — start view".into()),
        subtitle: Some("Report places, training camps, group presence".into()),
        banner: Some(frontier_atlas::export::Banner {
            text: "UNCLASSIFIED // FOR TRAINING".into(),
            preset: Default::default(),
        }),
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    };
    let img = render_image(data(), &LayerSettings::default(), &settings, false).expect("render");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/export_start_view.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        img.save(&path).expect("save snapshot");
        return;
    }
    let old = image::open(&path).expect("snapshot").to_rgba8();
    assert_eq!(old.dimensions(), img.dimensions());
    let differing = old
        .pixels()
        .zip(img.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0).any(|(p, q)| p.abs_diff(q) > 40))
        .count();
    let new_path = path.with_extension("new.png");
    if differing > 500 {
        let _ = img.save(&new_path);
    }
    assert!(
        differing <= 500,
        "{differing} pixels differ; see {} (UPDATE_SNAPSHOTS=1 re-blesses)",
        new_path.display()
    );
}
