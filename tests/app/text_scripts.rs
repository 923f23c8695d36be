//! Text in every script the report meets: Pashto, Dari and Urdu names drawn joined and right to
//! left with the bundled fonts, symbols (→ ✓) drawn, and an export titled with them.

use std::process::Command;

use atlas_core::text::display_text;

use crate::common::builder;

/// The harness panics on a character no font has (kittest's default): this fails without
/// the bundled fonts, and the snapshot shows the letters joined and in order.
#[test]
fn arabic_script_labels_render_joined_right_to_left() {
    let mut h = builder()
        .with_size(egui::vec2(420.0, 220.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui(|ui| {
            ui.style_mut().override_font_id = Some(egui::FontId::proportional(44.0));
            ui.label(display_text("کابل"));
            ui.add(egui::Label::new(display_text("خیبر پښتونخوا")).extend());
            ui.label("→ ✓");
        });
    h.run();
    h.snapshot_options("arabic_script_labels", &crate::snapshot_strict::strict());
}

#[test]
fn export_title_in_any_script_writes_a_png() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.png");
    let status = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args([
            "export",
            "--title",
            "→ کابل ✓",
            "--subtitle",
            "خیبر پښتونخوا",
            "--banner",
            "UNCLASSIFIED ✓",
            "--size",
            "320x200",
            "--layers",
            "basemap",
            "--out",
            &out.to_string_lossy(),
        ])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&status.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.status.success(), "{err}");
    assert_eq!(image::image_dimensions(&out).expect("png"), (320, 200));
}
