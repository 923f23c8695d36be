//! Shared helpers of the UI tests: the bundled data loaded once, harnesses, and waiting for
//! background work (basemap tiles, incident loads, analyses).

#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use egui_kittest::Harness;
use frontier_atlas::app::AtlasApp;
use frontier_atlas::scene::AtlasData;

/// The bundled data, loaded once per test binary.
pub fn data() -> Arc<AtlasData> {
    static DATA: OnceLock<Arc<AtlasData>> = OnceLock::new();
    DATA.get_or_init(|| Arc::new(AtlasData::load(&AtlasData::default_dir())))
        .clone()
}

/// The app at `w`×`h` points, rendered with wgpu when `wgpu` (snapshots, pixels).
pub fn app_harness(w: f32, h: f32, wgpu: bool) -> Harness<'static, AtlasApp> {
    let b = builder()
        .with_size(egui::vec2(w, h))
        .with_pixels_per_point(1.0);
    let b = if wgpu { b.wgpu() } else { b };
    b.build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data()))
}

/// The app at 1400×900 with the bundled fonts (a missing glyph panics), its data loaded and
/// the background work done, so clicks land where a test means.
pub fn tools_harness() -> Harness<'static, AtlasApp> {
    let mut h = builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_pixels_per_point(1.0)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data()));
    settle(&mut h);
    h
}

/// Focus the text field labelled `field` and type `text` into it.
pub fn type_into(h: &mut Harness<'static, AtlasApp>, field: &str, text: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, field)
        .focus();
    h.run_steps(1);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, field)
        .type_text(text);
    h.run_steps(2);
}

/// Hover `pos`, then press and release `button` there.
pub fn click_at(h: &mut Harness<'static, AtlasApp>, pos: egui::Pos2, button: egui::PointerButton) {
    h.hover_at(pos);
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(1);
}

/// A harness builder with the app's bundled fonts (as the window and the exporter have them).
pub fn builder<S>() -> egui_kittest::HarnessBuilder<S> {
    egui_kittest::HarnessBuilder::default()
        .with_context_setup(frontier_atlas::ui::fonts::install_fonts)
}

/// Step until tiles, incident loads and analyses are done (twice in a row).
pub fn settle(h: &mut Harness<'static, AtlasApp>) {
    for _ in 0..3000 {
        h.step();
        if h.state_mut().pending_tiles() == 0 {
            h.run_steps(2);
            if h.state_mut().pending_tiles() == 0 {
                return;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("background work never finished");
}

/// The scene of `project` with every source loaded and analysed.
pub fn loaded_scene(project: &atlas_core::project::Project) -> frontier_atlas::session::Scene {
    let mut s = frontier_atlas::session::Session::new(data(), AtlasData::default_dir());
    s.wait(project, std::time::Duration::from_secs(120))
        .expect("project data loads");
    assert!(s.problems(project).is_empty(), "{:?}", s.problems(project));
    s.scene(project)
}

/// Only the reference data and the report: incident layers draw nothing.
pub fn bare_scene() -> frontier_atlas::session::Scene {
    frontier_atlas::session::Scene::bare(data())
}

/// An export of the default project's reference layers with `layers` (for `render`).
pub fn job(
    layers: &[atlas_core::project::LayerDef],
    settings: &frontier_atlas::export::ExportSettings,
    scene: &frontier_atlas::session::Scene,
) -> frontier_atlas::export::ExportJob {
    frontier_atlas::export::ExportJob {
        project: atlas_core::project::Project::default(),
        layers: layers.to_vec(),
        scene: scene.clone(),
        settings: settings.clone(),
    }
}

/// The default project's layers with every layer of `kind` shown or hidden.
pub fn set_kind(
    layers: &mut [atlas_core::project::LayerDef],
    kind: atlas_core::project::LayerKind,
    visible: bool,
) {
    for l in layers.iter_mut().filter(|l| l.kind == kind) {
        l.style.visible = visible;
    }
}

/// Run the app's binary with `args`: (exit code, stdout, stderr).
pub fn run_cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args(args)
        .output()
        .expect("run binary");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Run the binary, expecting exit 0 and JSON on stdout.
pub fn cli_json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run_cli(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

/// A file dropped on the window (push it onto the harness's `dropped_files`).
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
