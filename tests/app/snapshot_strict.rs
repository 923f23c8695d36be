//! The snapshot tolerance every UI and export snapshot uses is tight enough to see one
//! training-camp icon go missing, and `UPDATE_SNAPSHOTS=0` does not re-bless.

use atlas_core::model::EntryRef;
use atlas_core::project::LayerKind;
use egui_kittest::{SnapshotOptions, try_image_snapshot_options};
use frontier_atlas::export::{ExportSettings, Exporter};
use frontier_atlas::map::transform::WorldToScreen;
use walkers::{MercatorProjection, Projector};

use crate::common::{bare_scene, data, job, set_kind};

/// What every snapshot test allows: per-pixel differences up to kittest's default
/// threshold, and a few dozen such pixels (one camp icon is about 150).
pub fn strict() -> SnapshotOptions {
    SnapshotOptions::new().threshold(0.6).max_failed_pixels(40)
}

fn settings() -> ExportSettings {
    ExportSettings {
        size: [960, 540],
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    }
}

#[test]
fn the_strict_tolerance_sees_one_missing_camp_icon() {
    let mut ex = Exporter::new().expect("graphics adapter");
    let layers = atlas_core::project::Project::default().layers;
    let shown = ex
        .render(&job(&layers, &settings(), &bare_scene()))
        .expect("render");
    let mut without = layers.clone();
    set_kind(&mut without, LayerKind::TrainingCamps, false);
    let bare = ex
        .render(&job(&without, &settings(), &bare_scene()))
        .expect("render");
    // Where the first camp's icon is drawn: 24 points above its province's label point.
    let l = &shown.layout;
    let mut memory = walkers::MapMemory::default();
    memory.center_at(walkers::lon_lat(l.center[0], l.center[1]));
    let _ = memory.set_zoom(l.zoom);
    let projector = Projector::new(
        l.map,
        &MercatorProjection,
        &memory,
        walkers::lon_lat(0.0, 0.0),
    );
    let t = WorldToScreen::new(&projector);
    let d = data();
    let EntryRef::Unit(i) = d.camps[0].0 else {
        panic!("camps are province areas")
    };
    let c = (t.to_screen(d.shapes[i].label) + egui::vec2(0.0, -24.0)) * shown.ppp;
    // The same image with that icon painted out (the pixels of the map without camps).
    let mut missing = shown.image.clone();
    for y in (c.y as u32 - 10)..(c.y as u32 + 10) {
        for x in (c.x as u32 - 10)..(c.x as u32 + 10) {
            missing.put_pixel(x, y, *bare.image.get_pixel(x, y));
        }
    }
    let dir = std::env::temp_dir().join(format!("atlas-strict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    shown
        .image
        .save(dir.join("probe.png"))
        .expect("write probe");
    let opts = strict().output_path(&dir);
    if std::env::var("UPDATE_SNAPSHOTS").is_err() {
        assert!(try_image_snapshot_options(&shown.image, "probe", &opts).is_ok());
        let err = try_image_snapshot_options(&missing, "probe", &opts);
        assert!(
            err.is_err(),
            "a missing camp icon passed the snapshot tolerance"
        );
        // How far over the tolerance it is (the count is in kittest's message).
        eprintln!("{}", err.err().map(|e| e.to_string()).unwrap_or_default());
    }
}

#[test]
fn update_snapshots_0_does_not_rebless() {
    let dir = std::env::temp_dir().join(format!("atlas-nobless-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let a = image::RgbaImage::from_pixel(64, 64, image::Rgba([255, 255, 255, 255]));
    let b = image::RgbaImage::from_pixel(64, 64, image::Rgba([0, 0, 0, 255]));
    a.save(dir.join("probe.png")).expect("write");
    // The tests run with UPDATE_SNAPSHOTS unset or 0 in CI: then a different image fails
    // and the stored one stays.
    let value = std::env::var("UPDATE_SNAPSHOTS").unwrap_or_default();
    if value.is_empty() || value == "0" {
        assert!(try_image_snapshot_options(&b, "probe", &strict().output_path(&dir)).is_err());
        let kept = image::open(dir.join("probe.png")).expect("kept").to_rgba8();
        assert_eq!(kept, a);
    }
}
