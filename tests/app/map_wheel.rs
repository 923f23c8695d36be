//! Wheel zoom is fine enough for district work: one notch is half a zoom level, so
//! three notches no longer jump from zoom 6 to 10.

use egui_kittest::Harness;
use frontier_atlas::app::AtlasApp;

/// Zoom after one wheel notch (a line of scroll) over the map's centre, once it settled.
fn zoom_after_one_notch(h: &mut Harness<'static, AtlasApp>) -> f64 {
    let c = h.state().view_center_on_screen().expect("map drawn");
    h.hover_at(c);
    h.run_steps(2);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 1.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Default::default(),
    });
    // Smooth scrolling spreads the notch over several frames.
    h.run_steps(60);
    h.state().view.memory.zoom()
}

#[test]
fn one_wheel_notch_zooms_in_by_less_than_a_level() {
    let mut h = crate::common::app_harness(1400.0, 900.0, false);
    crate::common::settle(&mut h);
    let before = h.state().view.memory.zoom();
    let after = zoom_after_one_notch(&mut h);
    let step = after - before;
    // Half a level, exactly, however the notch was spread over frames.
    assert!(
        (step - frontier_atlas::map::wheel_zoom::LEVELS_PER_NOTCH).abs() < 1e-9,
        "a notch zoomed {before} -> {after}"
    );
}
