//! Annotating through the UI: the Annotate menu's tools make shapes where the user clicks,
//! text goes in through a prompt (in any script), the panel edits and deletes, a drag moves
//! the shape and not the map, undo/redo walk it back and forth, range rings take a typed
//! place and refuse bad radii, and a closed measurement keeps its area on the map.

use atlas_core::project::{Annotation, Shape};
use egui::accesskit::Role;
use egui::{Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use frontier_atlas::app::AtlasApp;
use frontier_atlas::ui::annotation_panel::Tool;

use crate::common::{click_at, tools_harness, type_into};

fn annotations(h: &Harness<'static, AtlasApp>) -> Vec<Annotation> {
    h.state().project().annotations().cloned().collect()
}

/// Open the Annotate menu and pick `item`.
fn menu(h: &mut Harness<'static, AtlasApp>, item: &str) {
    h.get_by_role_and_label(Role::Button, "Annotate").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, item).click();
    h.run_steps(2);
}

/// Click at `pos`; the map position under it (lon, lat).
fn click_map(h: &mut Harness<'static, AtlasApp>, pos: Pos2) -> [f64; 2] {
    h.hover_at(pos);
    h.run_steps(1);
    let (lon, lat) = h.state().view.cursor.expect("pointer over the map");
    click_at(h, pos, PointerButton::Primary);
    // A window opened by the click is laid out in the next frames.
    h.run_steps(2);
    [lon, lat]
}

fn centre(h: &Harness<'static, AtlasApp>) -> Pos2 {
    h.state().view_center_on_screen().expect("map drawn")
}

/// Type into the multi-line field labelled `field`.
fn type_into_text(h: &mut Harness<'static, AtlasApp>, field: &str, text: &str) {
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .type_text(text);
    h.run_steps(2);
}

fn undo(h: &mut Harness<'static, AtlasApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
}

fn redo(h: &mut Harness<'static, AtlasApp>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
}

#[test]
fn an_arrow_from_two_clicks_then_undo_and_redo() {
    let mut h = tools_harness();
    menu(&mut h, "Arrow");
    assert_eq!(h.state().annotate.tool, Some(Tool::Arrow));
    h.get_by_label("Annotate: Arrow");
    h.get_by_label("Click where the arrow starts");
    let c = centre(&h);
    // Up and left of the centre: the density legend sits bottom right over the map.
    let from = click_map(&mut h, c + vec2(-200.0, -60.0));
    assert!(annotations(&h).is_empty(), "one click makes no arrow yet");
    let to = click_map(&mut h, c + vec2(-40.0, -140.0));
    let made = annotations(&h);
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].shape, Shape::Arrow { from, to });
    assert_eq!(
        h.state().annotate.tool,
        None,
        "the tool ends with its shape"
    );
    assert_eq!(h.state().view.selected_annotation, Some(made[0].id));
    h.get_by_label("Annotation");
    undo(&mut h);
    assert!(annotations(&h).is_empty());
    redo(&mut h);
    assert_eq!(annotations(&h), made);
}

#[test]
fn text_goes_in_through_the_prompt_and_the_panel_edits_and_deletes_it() {
    let mut h = tools_harness();
    menu(&mut h, "Text");
    let c = centre(&h);
    let at = click_map(&mut h, c + vec2(-150.0, -100.0));
    h.get_by_label("New text");
    type_into_text(
        &mut h,
        "Text (Shift+Enter for a new line)",
        "د ننګرهار مرکز",
    );
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run_steps(2);
    let made = annotations(&h);
    assert_eq!(
        made.iter().map(|a| a.shape.clone()).collect::<Vec<_>>(),
        [Shape::Text {
            at,
            text: "د ننګرهار مرکز".into()
        }]
    );
    // The panel edits the text: the typing is one undo step.
    type_into_text(&mut h, "Text", " (TTP)");
    let edited = annotations(&h);
    assert_eq!(edited[0].shape.text(), Some("د ننګرهار مرکز (TTP)"));
    h.get_by_role_and_label(Role::Button, "Delete").click();
    h.run_steps(2);
    assert!(annotations(&h).is_empty());
    assert_eq!(h.state().view.selected_annotation, None);
    undo(&mut h);
    assert_eq!(annotations(&h), edited);
    undo(&mut h);
    assert_eq!(annotations(&h), made);
}

#[test]
fn an_empty_text_is_not_added_and_esc_cancels_the_prompt() {
    let mut h = tools_harness();
    menu(&mut h, "Text");
    let c = centre(&h);
    click_map(&mut h, c + vec2(-150.0, -100.0));
    let add = h.get_by_role_and_label(Role::Button, "Add");
    assert!(add.accesskit_node().is_disabled(), "no text, no Add");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().annotate.new_text.is_none());
    assert!(annotations(&h).is_empty());
}

#[test]
fn dragging_an_annotation_moves_it_and_not_the_map() {
    let mut h = tools_harness();
    let c = centre(&h) + vec2(-150.0, -100.0);
    h.hover_at(c);
    h.run_steps(1);
    let (lon, lat) = h.state().view.cursor.expect("cursor");
    h.state_mut().add_annotation(Shape::Rect {
        corners: [[lon - 0.3, lat - 0.2], [lon + 0.3, lat + 0.2]],
    });
    h.state_mut().view.selected_annotation = None;
    h.run_steps(2);
    let map_before = h.state().view.center();
    let zoom = h.state().view.memory.zoom();
    h.drag_at(c);
    h.run_steps(1);
    for i in 1..=4 {
        h.hover_at(c + vec2(20.0 * i as f32, 0.0));
        h.run_steps(1);
    }
    h.drop_at(c + vec2(80.0, 0.0));
    h.run_steps(2);
    assert_eq!(h.state().view.center(), map_before, "the map did not pan");
    let moved = annotations(&h);
    let Shape::Rect { corners } = &moved[0].shape else {
        panic!("a rectangle: {moved:?}");
    };
    // 80 px east at this zoom, in longitude.
    let dlon = 80.0 / (256.0 * 2f64.powf(zoom)) * 360.0;
    assert!(
        (corners[0][0] - (lon - 0.3 + dlon)).abs() < 1e-6,
        "{corners:?}"
    );
    assert!((corners[0][1] - (lat - 0.2)).abs() < 1e-6, "{corners:?}");
    assert_eq!(h.state().view.selected_annotation, Some(moved[0].id));
    // One undo step puts it back.
    undo(&mut h);
    let Shape::Rect { corners } = &annotations(&h)[0].shape else {
        panic!("a rectangle");
    };
    assert!((corners[0][0] - (lon - 0.3)).abs() < 1e-9);
}

#[test]
fn range_rings_around_a_typed_place_refuse_bad_radii() {
    let mut h = tools_harness();
    menu(&mut h, "Range rings at…");
    type_into(&mut h, "Centre", "Miran Shah");
    h.state_mut()
        .annotate
        .ring
        .as_mut()
        .expect("prompt open")
        .radii = "10, -5".into();
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Add rings").click();
    h.run_steps(2);
    h.get_by_label("Radii: radius -5 km is not a positive number");
    assert!(annotations(&h).is_empty(), "nothing added");
    h.state_mut().annotate.ring.as_mut().expect("open").radii = "10, 20".into();
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Add rings").click();
    h.run_steps(2);
    let made = annotations(&h);
    let Shape::Ring {
        centre,
        radii_km,
        label,
    } = &made[0].shape
    else {
        panic!("rings: {made:?}");
    };
    assert_eq!(radii_km, &[10.0, 20.0]);
    assert_eq!(label.as_deref(), Some("Miran Shah"));
    assert!((centre[0] - 70.07117).abs() < 0.01 && (centre[1] - 33.00059).abs() < 0.01);
}

#[test]
fn a_closed_measurement_shows_its_area_and_is_kept_on_the_map() {
    let mut h = tools_harness();
    h.key_press(Key::M);
    h.run_steps(2);
    let c = centre(&h);
    let corners = [
        vec2(-250.0, -50.0),
        vec2(-50.0, -50.0),
        vec2(-150.0, -200.0),
    ];
    for d in corners {
        click_map(&mut h, c + d);
    }
    click_map(&mut h, c + corners[0] + vec2(3.0, 2.0));
    let m = &h.state().tools.measure;
    assert!(m.closed && !m.active && m.points.len() == 3, "{m:?}");
    let text = frontier_atlas::app::tools::measure_text(m);
    assert_eq!(text.lines().count(), 5, "3 legs, total, area: {text}");
    assert!(text.lines().last().is_some_and(|l| l.starts_with("area ")));
    h.get_by_label(text.lines().last().expect("area"));
    h.get_by_role_and_label(Role::Button, "Save on map").click();
    h.run_steps(2);
    let made = annotations(&h);
    assert!(
        matches!(&made[0].shape, Shape::Measure { points, closed: true } if points.len() == 3),
        "{made:?}"
    );
    assert!(h.state().tools.measure.points.is_empty());
}
