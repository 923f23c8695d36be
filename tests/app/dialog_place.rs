//! Dialogs open over the map, cascaded: not over the layer panel, and each title bar stays
//! visible when the report reader, the import and the export dialogs are all open.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

#[test]
fn dialogs_open_over_the_map_without_hiding_each_other() {
    let mut h = crate::common::app_harness(1600.0, 1000.0, false);
    crate::common::settle(&mut h);
    let map = h.state().map_rect().expect("map drawn");
    for item in ["Read report…", "Import incidents…", "Export image…"] {
        h.get_by_label("File").click();
        h.run_steps(2);
        h.get_by_label_contains(item).click();
        h.run_steps(3);
    }
    let mut corners = Vec::new();
    for title in ["Read a report", "Import incidents", "Export image"] {
        let r = h.get_by_role_and_label(Role::Window, title).rect();
        assert!(
            r.left() >= map.left() && r.top() >= map.top(),
            "{title} opens at {r:?}, outside the map {map:?} (over a panel)"
        );
        corners.push((title, r.left_top()));
    }
    for (i, (a, p)) in corners.iter().enumerate() {
        for (b, q) in &corners[i + 1..] {
            let d = (*p - *q).abs();
            assert!(
                d.x >= 30.0 && d.y >= 30.0,
                "{a} at {p:?} and {b} at {q:?}: one title bar hides the other"
            );
        }
    }
}
