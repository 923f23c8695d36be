//! The window's own furniture: View → North arrow switches a drawn north arrow on, and the
//! map's labels (placed by the label engine) keep clear of it and of the other furniture.

use egui_kittest::kittest::Queryable;

use crate::common::tools_harness;

#[test]
fn north_arrow_switches_on_and_labels_keep_clear_of_the_furniture() {
    let mut h = tools_harness();
    assert!(!frontier_atlas::map::marks::window_north_arrow(&h.ctx));
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("North arrow").click();
    h.run_steps(3);
    assert!(frontier_atlas::map::marks::window_north_arrow(&h.ctx));
    let map = h.state().map_rect().expect("map drawn");
    let labels = &h.state().view.placed_labels;
    assert!(labels.len() >= 30, "{} labels", labels.len());
    let furniture = &h.state().view.furniture;
    // Scale bar, credits, north arrow (top right) and the density legend at least.
    assert!(furniture.len() >= 4, "{furniture:?}");
    assert!(
        furniture
            .iter()
            .any(|f| f.max.x > map.max.x - 20.0 && f.min.y < map.min.y + 40.0),
        "no north arrow in the top-right corner: {furniture:?}"
    );
    for l in labels {
        let r = egui::Rect::from_min_size(egui::pos2(l.x, l.y), egui::vec2(l.w, l.h));
        for f in furniture {
            assert!(!r.intersects(*f), "{:?} under {f:?}", l.text);
        }
    }
}
