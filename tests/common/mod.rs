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
    let b = Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_pixels_per_point(1.0);
    let b = if wgpu { b.wgpu() } else { b };
    b.build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data()))
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
