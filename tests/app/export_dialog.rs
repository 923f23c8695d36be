//! The export dialog in the window: Ctrl+E opens it, the live preview follows the title and
//! the layer toggles.

use std::sync::Arc;

use atlas_core::project::{Edit, PageLayout};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontier_atlas::app::AtlasApp;
use frontier_atlas::scene::AtlasData;

fn settle(h: &mut Harness<'static, AtlasApp>) {
    for _ in 0..3000 {
        h.step();
        if h.state_mut().pending_tiles() == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(2);
}

fn changed_pixels(a: &image::RgbaImage, b: &image::RgbaImage) -> usize {
    a.pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > 30))
        .count()
}

#[test]
fn ctrl_e_opens_the_dialog_and_the_preview_follows_title_and_layers() {
    let data = Arc::new(AtlasData::load(&AtlasData::default_dir()));
    let mut h = crate::common::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(data));
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    assert!(h.state().export.open);
    h.get_by_label("Save PNG");
    h.get_by_label("Copy to clipboard");
    settle(&mut h);
    let before = h.render().expect("render");

    let layout = PageLayout {
        title: Some("Preview title".into()),
        ..h.state().project().layout.clone()
    };
    h.state_mut().apply(Edit::SetLayout(layout));
    settle(&mut h);
    let titled = h.render().expect("render");
    assert!(
        changed_pixels(&before, &titled) > 200,
        "preview did not show the title"
    );

    h.get_by_label("Towns").click_accesskit();
    settle(&mut h);
    assert!(
        !h.state()
            .project()
            .layer("towns")
            .expect("towns")
            .style
            .visible
    );
    let no_towns = h.render().expect("render");
    if let Some(path) = std::env::var_os("ATLAS_SHOT") {
        let _ = no_towns.save(path);
    }
    assert!(
        changed_pixels(&titled, &no_towns) > 200,
        "preview did not follow the layer toggle"
    );
}
