//! Annotations in a project: every shape round-trips through save and load; add, update and
//! delete are undoable edits; rings and measurements label themselves with geodesic values;
//! bad values are refused naming the field.

use std::path::Path;

use atlas_core::coords::LatLon;
use atlas_core::geodesy::distance_m;
use atlas_core::project::{
    Annotation, AnnotationStyle, Edit, History, LayerKind, Project, ProjectError, Rgb, Shape,
    load_project, parse_project, save_project,
};

fn ann(id: u32, shape: Shape) -> Annotation {
    Annotation {
        id,
        shape,
        style: AnnotationStyle::default(),
    }
}

/// One of every shape, the text in Pashto for one.
fn every_shape() -> Vec<Annotation> {
    vec![
        ann(
            1,
            Shape::Text {
                at: [70.45, 34.43],
                text: "د ننګرهار روزنیز مرکز".into(),
            },
        ),
        ann(
            2,
            Shape::Arrow {
                from: [69.0, 33.0],
                to: [70.1, 33.4],
            },
        ),
        ann(
            3,
            Shape::Callout {
                at: [68.0, 31.0],
                target: [69.9, 32.9],
                text: "New TTP centre (Khost)".into(),
            },
        ),
        ann(
            4,
            Shape::Rect {
                corners: [[64.0, 26.0], [65.5, 27.2]],
            },
        ),
        ann(
            5,
            Shape::Polygon {
                points: vec![[70.0, 34.0], [71.0, 34.0], [70.5, 35.0]],
            },
        ),
        ann(
            6,
            Shape::Ring {
                centre: [70.07117, 33.00059],
                radii_km: vec![25.0, 50.0],
                label: Some("Miran Shah".into()),
            },
        ),
        ann(
            7,
            Shape::Measure {
                points: vec![[0.0, 0.0], [1.0, 0.0]],
                closed: false,
            },
        ),
    ]
}

fn with_annotations() -> Project {
    let mut p = Project::default();
    let mut h = History::default();
    for a in every_shape() {
        assert!(h.apply(&mut p, Edit::AddAnnotation(a)));
    }
    p
}

#[test]
fn every_shape_round_trips_through_a_file() {
    let mut p = with_annotations();
    p.layers.last_mut().expect("layer").annotations[1].style = AnnotationStyle {
        color: Rgb([0, 114, 178]),
        text_size: 24.0,
        line_width: 4.0,
    };
    let dir = std::env::temp_dir().join(format!("atlas-annotations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join("p.atlas.json");
    save_project(&p, &path).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("\"color\": \"#0072b2\""), "{text}");
    assert!(text.contains("\"type\": \"callout\""));
    let back = load_project(&path).expect("load");
    assert_eq!(back, p);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn adding_makes_one_annotation_layer_on_top_and_ids_stay_unique() {
    let p = with_annotations();
    let layer = p.layers.last().expect("a layer");
    assert_eq!(layer.kind, LayerKind::Annotations);
    assert_eq!(layer.id, "annotations");
    assert_eq!(layer.annotations.len(), 7);
    assert_eq!(
        p.layers
            .iter()
            .filter(|l| l.kind == LayerKind::Annotations)
            .count(),
        1
    );
    assert_eq!(p.next_annotation_id(), 8);
    assert_eq!(
        p.annotation(3).map(|(l, a)| (l, a.id)),
        Some(("annotations", 3))
    );
}

#[test]
fn add_update_delete_undo_and_redo() {
    let mut p = Project::default();
    let mut h = History::default();
    let before = p.clone();
    let text = ann(
        1,
        Shape::Text {
            at: [69.0, 34.0],
            text: "Camp".into(),
        },
    );
    assert!(h.apply(&mut p, Edit::AddAnnotation(text.clone())));
    let mut edited = text.clone();
    edited.shape.set_text("Camp A".into());
    assert!(h.apply(&mut p, Edit::UpdateAnnotation(edited.clone())));
    // Typing more into the same annotation merges into the same step.
    edited.shape.set_text("Camp AB".into());
    assert!(h.apply(&mut p, Edit::UpdateAnnotation(edited.clone())));
    assert_eq!(p.annotation(1).map(|x| x.1), Some(&edited));
    assert!(h.apply(&mut p, Edit::DeleteAnnotation { id: 1 }));
    assert!(p.annotation(1).is_none());
    assert!(
        !h.apply(&mut p, Edit::DeleteAnnotation { id: 1 }),
        "nothing to delete"
    );
    assert!(h.undo(&mut p));
    assert_eq!(p.annotation(1).map(|x| x.1), Some(&edited));
    assert!(h.undo(&mut p));
    assert_eq!(p.annotation(1).map(|x| x.1), Some(&text));
    assert!(h.undo(&mut p));
    assert_eq!(p, before);
    assert!(h.redo(&mut p));
    assert_eq!(p.annotation(1).map(|x| x.1), Some(&text));
}

#[test]
fn a_hidden_annotation_layer_is_shown_when_something_is_added() {
    let mut p = with_annotations();
    let mut h = History::default();
    assert!(h.apply(
        &mut p,
        Edit::SetVisible {
            layer: "annotations".into(),
            visible: false
        }
    ));
    let n = p.next_annotation_id();
    let a = ann(
        n,
        Shape::Arrow {
            from: [60.0, 30.0],
            to: [61.0, 30.0],
        },
    );
    assert!(h.apply(&mut p, Edit::AddAnnotation(a)));
    assert!(p.layer("annotations").expect("layer").style.visible);
}

#[test]
fn rings_are_geodesic_circles_labelled_with_their_radius() {
    let ring = Shape::Ring {
        centre: [70.07117, 33.00059],
        radii_km: vec![25.0, 50.0],
        label: Some("Miran Shah".into()),
    };
    let outlines = ring.outlines();
    assert_eq!(outlines.len(), 2);
    let centre = LatLon::new(33.00059, 70.07117).expect("centre");
    for (outline, km) in outlines.iter().zip([25.0, 50.0]) {
        assert_eq!(outline.len(), 181, "180 segments, closed");
        for p in outline {
            let d = distance_m(centre, LatLon::new(p[1], p[0]).expect("point"));
            assert!((d - km * 1000.0).abs() < 0.01, "{d} m for {km} km");
        }
    }
    let texts: Vec<String> = ring.texts().into_iter().map(|t| t.text).collect();
    assert_eq!(texts, ["Miran Shah", "25 km", "50 km"]);
    // The radius labels sit due north of the centre.
    let north = ring.texts()[2].at;
    assert!((north[0] - 70.07117).abs() < 1e-9 && north[1] > 33.4);
}

#[test]
fn measurements_label_legs_total_and_area() {
    // One degree of longitude on the equator: 111,319.49 m (GeographicLib), bearing 090°.
    let open = Shape::Measure {
        points: vec![[0.0, 0.0], [1.0, 0.0]],
        closed: false,
    };
    let texts: Vec<String> = open.texts().into_iter().map(|t| t.text).collect();
    assert_eq!(texts, ["111 km, 090°", "total 111 km"]);
    // A closed 1°×1° cell on the equator (GeographicLib: 12,308,778,361 m², perimeter
    // 443,770.9 m).
    let closed = Shape::Measure {
        points: vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]],
        closed: true,
    };
    let texts: Vec<String> = closed.texts().into_iter().map(|t| t.text).collect();
    assert_eq!(texts.len(), 5, "four legs and the area: {texts:?}");
    assert_eq!(texts[4], "12,309 km², total 444 km");
}

#[test]
fn rectangles_and_polygons_outline_closed() {
    let r = Shape::Rect {
        corners: [[64.0, 26.0], [65.5, 27.2]],
    };
    assert_eq!(
        r.outlines(),
        vec![vec![
            [64.0, 26.0],
            [65.5, 26.0],
            [65.5, 27.2],
            [64.0, 27.2],
            [64.0, 26.0]
        ]]
    );
    let mut moved = r.clone();
    moved.map_points(|p| [p[0] + 1.0, p[1]]);
    assert_eq!(moved.points(), vec![[65.0, 26.0], [66.5, 27.2]]);
}

fn parse(text: &str) -> Result<Project, ProjectError> {
    parse_project(text, Path::new("bad.atlas.json"), None)
}

#[test]
fn bad_annotations_in_a_file_name_the_field() {
    let mut v = serde_json::to_value(with_annotations()).expect("json");
    let layers = v["layers"].as_array_mut().expect("layers");
    let i = layers.len() - 1;
    layers[i]["annotations"][0]["shape"]["text"] = "".into();
    layers[i]["annotations"][5]["shape"]["radii_km"] = serde_json::json!([-5.0]);
    layers[i]["annotations"][1]["id"] = 3.into();
    let err = parse(&v.to_string()).expect_err("refused").to_string();
    assert!(
        err.contains(&format!("layers[{i}].annotations[0].shape.text")),
        "{err}"
    );
    assert!(
        err.contains(&format!("layers[{i}].annotations[5].shape.radii_km")),
        "{err}"
    );
    assert!(err.contains("not a positive number"), "{err}");
    assert!(err.contains("another annotation has this id"), "{err}");
    let mut v = serde_json::to_value(with_annotations()).expect("json");
    v["layers"][i]["annotations"][0]["style"]["color"] = "red".into();
    let err = parse(&v.to_string()).expect_err("refused").to_string();
    assert!(err.contains("\"red\" is not a colour"), "{err}");
    assert!(err.contains("style.color"), "{err}");
}

#[test]
fn a_version_2_file_still_loads_and_saves_as_the_current_version() {
    let mut v = serde_json::to_value(Project::default()).expect("json");
    v["version"] = 2.into();
    let p = parse(&v.to_string()).expect("a version-2 file loads");
    assert_eq!(p.version, atlas_core::project::PROJECT_VERSION);
    assert_eq!(p, Project::default());
}
