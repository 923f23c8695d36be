//! The window edits the project: Ctrl+S through the (scripted) file dialog, the unsaved mark
//! in the title, undo, saved views and keys 1–9, opening a project; and what is previewed is
//! what is saved — the export dialog's PNG equals the command line's export of the saved
//! project, with the imported data visibly on it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use atlas_core::project::{Edit, LayerFilter, PageLayout, load_project};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontier_atlas::app::{AtlasApp, Pick, ScriptedPicker};
use frontier_atlas::ui::report_reader::ReaderRequest;

use crate::common::settle;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/density_acled.csv"
);
const CAMPS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/crates/core/tests/fixtures/camps/camps.csv"
);

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-projui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

/// Step until `done` holds (file dialogs and exports answer on workers).
fn until(h: &mut Harness<'static, AtlasApp>, what: &str, done: impl Fn(&AtlasApp) -> bool) {
    for _ in 0..3000 {
        h.step();
        if done(h.state()) {
            h.run_steps(1);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{what} never happened");
}

fn with_picker(wgpu: bool) -> (Harness<'static, AtlasApp>, ScriptedPicker) {
    let mut h = crate::common::app_harness(1400.0, 900.0, wgpu);
    let picker = ScriptedPicker::default();
    h.state_mut().picker = Arc::new(picker.clone());
    h.run_steps(2);
    (h, picker)
}

#[test]
fn ctrl_s_saves_through_the_dialog_the_title_marks_changes_and_undo_works() {
    let dir = scratch("save");
    let (mut h, picker) = with_picker(false);
    assert_eq!(h.state().title(), "Untitled — Frontier Atlas");
    h.get_by_label("Towns").click();
    h.run_steps(2);
    assert_eq!(h.state().title(), "● Untitled — Frontier Atlas");
    // Never saved: Ctrl+S asks where.
    let path = dir.join("weekly.json");
    picker.answer(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    until(&mut h, "save", |a| !a.doc.dirty());
    assert_eq!(
        picker.asked.lock().expect("lock").as_slice(),
        [Pick::SaveProject("Untitled.json".into())]
    );
    assert_eq!(h.state().title(), "weekly — Frontier Atlas");
    let saved = load_project(&path).expect("saved project");
    assert!(!saved.layer("towns").expect("towns").style.visible);
    assert_eq!(h.state().recent.first(), Some(&path));
    // Undo (Ctrl+Z) brings the towns back and marks the change; Ctrl+S saves in place.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert!(
        h.state()
            .project()
            .layer("towns")
            .expect("towns")
            .style
            .visible
    );
    assert_eq!(h.state().title(), "● weekly — Frontier Atlas");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(!h.state().doc.dirty());
    assert_eq!(
        picker.asked.lock().expect("lock").len(),
        1,
        "saved in place, no dialog"
    );
    assert!(
        load_project(&path)
            .expect("load")
            .layer("towns")
            .expect("towns")
            .style
            .visible
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn saved_views_are_added_and_keys_1_to_9_go_to_them() {
    let (mut h, _) = with_picker(false);
    // Let the demo load first: its layers lengthen the panel and move the button (tall
    // enough that the views panel is on screen under them).
    h.set_size(egui::vec2(1400.0, 1300.0));
    settle(&mut h);
    let spots = [([71.5, 34.0], 8.0), ([66.9, 30.2], 7.5)];
    for (c, z) in spots {
        h.state_mut().view = frontier_atlas::state::ViewState::at(c, z);
        h.get_by_label("Add current view").click();
        h.run_steps(2);
    }
    let views = h.state().project().views.clone();
    let names: Vec<&str> = views.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["View 1", "View 2"]);
    assert!(h.state().doc.dirty());
    h.get_by_label("1 View 1");
    // Key 1: to the first view.
    h.key_press(egui::Key::Num1);
    h.run_steps(2);
    let c = h.state().view.center();
    assert!(
        (c[0] - 71.5).abs() < 1e-6 && (c[1] - 34.0).abs() < 1e-6,
        "{c:?}"
    );
    assert!((h.state().view.memory.zoom() - 8.0).abs() < 1e-9);
    h.key_press(egui::Key::Num2);
    h.run_steps(2);
    assert!((h.state().view.center()[0] - 66.9).abs() < 1e-6);
    // Key 3: no third view, nothing moves.
    h.key_press(egui::Key::Num3);
    h.run_steps(2);
    assert!((h.state().view.center()[0] - 66.9).abs() < 1e-6);
    // Delete the first through the panel.
    h.get_all_by_label("Delete").next().expect("delete").click();
    h.run_steps(2);
    let names: Vec<String> = h
        .state()
        .project()
        .views
        .iter()
        .map(|v| v.name.clone())
        .collect();
    assert_eq!(names, ["View 2"]);
}

#[test]
fn opening_with_unsaved_changes_asks_first_and_a_bad_file_leaves_the_project() {
    let dir = scratch("open");
    let (mut h, picker) = with_picker(false);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"version\": 2, \"layers\": [").expect("write");
    h.get_by_label("Districts").click();
    h.run_steps(2);
    picker.answer(&bad);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run_steps(2);
    // Unsaved changes: asked first.
    h.get_by_label("Unsaved changes");
    h.get_by_label("Don't save").click();
    until(&mut h, "open attempt", |a| a.prompt.is_some());
    h.get_by_label_contains("bad.json: not valid JSON at line 1");
    // The open project is untouched (still has the unsaved change).
    assert!(
        !h.state()
            .project()
            .layer("districts")
            .expect("d")
            .style
            .visible
    );
    assert!(h.state().doc.dirty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Pixels differing by more than `tol` in any channel.
fn differing(a: &image::RgbaImage, b: &image::RgbaImage, tol: u8) -> Vec<(u32, u32)> {
    a.enumerate_pixels()
        .zip(b.pixels())
        .filter(|((_, _, p), q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > tol))
        .map(|((x, y, _), _)| (x, y))
        .collect()
}

fn cli_export(project: &Path, out: &Path, center: [f64; 2], zoom: f64, layers: Option<&str>) {
    let mut args = vec![
        "export".to_string(),
        "--project".into(),
        project.display().to_string(),
        "--out".into(),
        out.display().to_string(),
        "--center".into(),
        format!("{},{}", center[0], center[1]),
        "--zoom".into(),
        zoom.to_string(),
    ];
    if let Some(l) = layers {
        args.extend(["--layers".into(), l.into()]);
    }
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args(&args)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_dialogs_png_equals_the_cli_export_of_the_saved_project() {
    let dir = scratch("wysiwyg");
    let (mut h, _) = with_picker(true);
    // Import the fixture (replacing the demo), a date filter, camp points.
    h.state_mut().import.open_path(Path::new(FIXTURE));
    h.state_mut().import.start();
    h.run_steps(2);
    crate::common::settle(&mut h);
    let source = h.state().active_dataset.clone().expect("imported");
    h.state_mut().apply(Edit::SetFilter {
        source: source.clone(),
        filter: LayerFilter {
            from: chrono::NaiveDate::from_ymd_opt(2024, 1, 1),
            to: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
            ..Default::default()
        },
    });
    h.state_mut().reader.request = Some(ReaderRequest::Camps(CAMPS.into()));
    let layout = PageLayout {
        size: [800, 450],
        title: Some("WYSIWYG".into()),
        timestamp: false,
        ..Default::default()
    };
    h.state_mut().apply(Edit::SetLayout(layout));
    h.state_mut().view = frontier_atlas::state::ViewState::at([69.5, 32.0], 6.5);
    settle(&mut h);
    let project_path = dir.join("p.json");
    assert!(h.state_mut().save_to(&project_path));
    // Export from the dialog.
    let dialog_png = dir.join("dialog.png");
    h.state_mut().export.open = true;
    h.state_mut().export.path = dialog_png.display().to_string();
    settle(&mut h);
    h.get_by_label("Save PNG").click();
    until(&mut h, "dialog export", |a| {
        a.export.status.starts_with("Saved")
    });
    // And with the command line from the saved file.
    let (center, zoom) = (h.state().view.center(), h.state().view.memory.zoom());
    let cli_png = dir.join("cli.png");
    cli_export(&project_path, &cli_png, center, zoom, None);
    let a = image::open(&dialog_png).expect("dialog png").to_rgba8();
    let b = image::open(&cli_png).expect("cli png").to_rgba8();
    assert_eq!(a.dimensions(), (800, 450));
    assert_eq!(a.dimensions(), b.dimensions());
    let diff = differing(&a, &b, 8).len();
    assert!(
        diff * 1000 <= (800 * 450),
        "{diff} pixels differ (over 0.1 %)"
    );
    // The imported heatmap is on it: hiding its layer changes the map around Peshawar.
    let project = load_project(&project_path).expect("load");
    let shown: Vec<String> = project
        .layers
        .iter()
        .filter(|l| l.style.visible && l.id != format!("{source}-heatmap"))
        .map(|l| l.id.clone())
        .collect();
    let without = dir.join("without.png");
    cli_export(
        &project_path,
        &without,
        center,
        zoom,
        Some(&shown.join(",")),
    );
    let c = image::open(&without).expect("png").to_rgba8();
    // Peshawar (71.55 E, 34.0 N) in image pixels.
    let export_zoom = zoom + (800.0f64 / 1200.0).log2();
    let scale = 256.0 * 2f64.powf(export_zoom);
    let w = atlas_core::basemap::lonlat_to_world(71.55, 34.0);
    let m = atlas_core::basemap::lonlat_to_world(center[0], center[1]);
    let (px, py) = (400.0 + (w[0] - m[0]) * scale, 225.0 + (w[1] - m[1]) * scale);
    let near = differing(&b, &c, 8)
        .into_iter()
        .filter(|(x, y)| (f64::from(*x) - px).abs() < 25.0 && (f64::from(*y) - py).abs() < 25.0)
        .count();
    assert!(
        near > 300,
        "the imported heatmap is not visible at Peshawar ({near} pixels)"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
