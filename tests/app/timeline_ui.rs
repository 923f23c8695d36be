//! The timeline under the map: date sliders long enough to pick a day over a year, and a
//! playback speed.

use egui_kittest::kittest::Queryable;

#[test]
fn date_sliders_are_wide_and_playback_has_a_speed() {
    let mut h = crate::common::app_harness(1600.0, 1000.0, false);
    crate::common::settle(&mut h);
    for name in ["From", "to"] {
        let w = h
            .get_by_role_and_label(egui::accesskit::Role::Slider, name)
            .rect()
            .width();
        assert!(w >= 290.0, "the {name} slider is {w} points for a year");
    }
    let speed = |h: &egui_kittest::Harness<'static, frontier_atlas::app::AtlasApp>| {
        h.state().active_density().expect("dataset").player.speed
    };
    assert_eq!(speed(&h), 1.0);
    // The closed box shows the speed as its value; its list items are labelled.
    h.get_by_value("1× speed").click();
    h.run_steps(2);
    h.get_by_label("4× speed").click();
    h.run_steps(2);
    assert_eq!(speed(&h), 4.0);
    h.get_by_value("4× speed");
}
