//! The label engine: no overlaps, priority order, never-drop, furniture avoidance, keys,
//! determinism.

use atlas_core::labels::{
    LabelCandidate, LabelLayout, LabelOptions, POINT_POSITIONS, Placement, Rect, place_labels,
};
use proptest::prelude::*;

fn point(text: &str, x: f32, y: f32, priority: f32) -> LabelCandidate {
    LabelCandidate::point(text, "town", [x, y], [40.0, 12.0], 3.0).with_priority(priority)
}

fn texts(layout: &LabelLayout) -> Vec<&str> {
    let mut t: Vec<&str> = layout.placed.iter().map(|p| p.text.as_str()).collect();
    t.sort_unstable();
    t
}

fn assert_no_overlaps(layout: &LabelLayout, obstacles: &[Rect]) {
    for (i, a) in layout.placed.iter().enumerate() {
        for b in &layout.placed[i + 1..] {
            assert!(!a.rect().overlaps(&b.rect()), "{a:?} overlaps {b:?}");
        }
        for o in obstacles {
            assert!(!a.rect().overlaps(o), "{a:?} overlaps obstacle {o:?}");
        }
    }
}

#[test]
fn first_free_position_is_east_of_the_point() {
    let layout = place_labels(
        &[point("Khost", 100.0, 50.0, 1.0)],
        &[],
        &LabelOptions::default(),
    );
    assert_eq!(layout.placed.len(), 1);
    let p = &layout.placed[0];
    assert_eq!((p.x, p.y, p.w, p.h), (103.0, 44.0, 40.0, 12.0));
    assert_eq!(POINT_POSITIONS[p.position], "E");
    assert!(!p.forced);
    assert!(layout.dropped.is_empty());
}

#[test]
fn a_blocked_label_moves_round_its_point() {
    // The east box of the second point is taken by the first label: it goes north-east.
    let a = point("Alpha", 100.0, 50.0, 2.0);
    let b = point("Beta", 100.0, 60.0, 1.0);
    let layout = place_labels(&[a, b], &[], &LabelOptions::default());
    assert_eq!(layout.placed.len(), 2);
    assert_eq!(POINT_POSITIONS[layout.placed[1].position], "SE");
    assert_no_overlaps(&layout, &[]);
}

#[test]
fn higher_priority_wins_and_the_loser_is_dropped() {
    // Two centred labels on the same spot, with no room to slide.
    let low =
        LabelCandidate::area("Low", "district", [50.0, 50.0], [60.0, 14.0]).with_priority(1.0);
    let high = LabelCandidate {
        placement: Placement::Centred { slide: 0.0 },
        ..LabelCandidate::area("High", "province", [52.0, 50.0], [60.0, 14.0]).with_priority(5.0)
    };
    let low = LabelCandidate {
        placement: Placement::Centred { slide: 0.0 },
        ..low
    };
    let layout = place_labels(&[low, high], &[], &LabelOptions::default());
    assert_eq!(texts(&layout), ["High"]);
    assert_eq!(layout.dropped, vec![0]);
    assert_eq!(layout.placed[0].index, 1);
}

#[test]
fn ties_keep_input_order() {
    let a = LabelCandidate {
        placement: Placement::Centred { slide: 0.0 },
        ..LabelCandidate::area("First", "x", [50.0, 50.0], [60.0, 14.0])
    };
    let b = LabelCandidate {
        text: "Second".into(),
        ..a.clone()
    };
    let layout = place_labels(&[a, b], &[], &LabelOptions::default());
    assert_eq!(texts(&layout), ["First"]);
}

#[test]
fn never_drop_labels_make_others_give_way() {
    // A high-priority province label sits where the report place must go.
    let province = LabelCandidate {
        placement: Placement::Centred { slide: 0.0 },
        ..LabelCandidate::area(
            "Chagai (district)",
            "district",
            [100.0, 100.0],
            [120.0, 16.0],
        )
        .with_priority(100.0)
    };
    let place = LabelCandidate {
        placement: Placement::Centred { slide: 0.0 },
        ..LabelCandidate::area("Dalbandin", "report_place", [100.0, 100.0], [70.0, 16.0])
            .with_priority(0.0)
            .never_dropped()
    };
    let layout = place_labels(&[province, place], &[], &LabelOptions::default());
    assert_eq!(texts(&layout), ["Dalbandin"]);
    assert_eq!(layout.dropped, vec![0]);
}

#[test]
fn never_drop_labels_are_kept_even_when_boxed_in() {
    // Every position of the report place is under the legend: it is still placed (forced),
    // and an ordinary label in the same spot is dropped.
    let legend = Rect::new(0.0, 0.0, 400.0, 300.0);
    let place = point("Panjgur", 200.0, 150.0, 0.0).never_dropped();
    let town = point("Town", 200.0, 150.0, 9.0);
    let layout = place_labels(&[town, place], &[legend], &LabelOptions::default());
    assert_eq!(texts(&layout), ["Panjgur"]);
    assert!(layout.placed[0].forced);
    assert_eq!(layout.dropped, vec![0]);
}

#[test]
fn labels_avoid_furniture_and_stay_in_bounds() {
    let bounds = Rect::new(0.0, 0.0, 200.0, 100.0);
    let scale_bar = Rect::new(100.0, 40.0, 100.0, 60.0);
    // East and the east corners fall on the scale bar; west is free.
    let a = point("Kunar", 98.0, 60.0, 1.0);
    // Right at the top edge: only the southern positions are inside the bounds.
    let b = point("Edge", 20.0, 2.0, 1.0);
    // Outside the map entirely: dropped.
    let c = point("Gone", 500.0, 50.0, 1.0);
    let opts = LabelOptions {
        bounds: Some(bounds),
        padding: 0.0,
    };
    let layout = place_labels(&[a, b, c], &[scale_bar], &opts);
    assert_eq!(texts(&layout), ["Edge", "Kunar"]);
    assert_eq!(layout.dropped, vec![2]);
    let pos = |t: &str| {
        let p = layout.placed.iter().find(|p| p.text == t).unwrap();
        POINT_POSITIONS[p.position]
    };
    assert_eq!(pos("Kunar"), "W");
    assert_eq!(pos("Edge"), "SE");
    assert_no_overlaps(&layout, &[scale_bar]);
    for p in &layout.placed {
        assert!(bounds.contains(&p.rect()));
    }
}

#[test]
fn padding_keeps_a_gap() {
    let a = LabelCandidate::area("A", "x", [50.0, 50.0], [20.0, 10.0]).with_priority(2.0);
    let b = LabelCandidate {
        placement: Placement::Centred { slide: 0.0 },
        ..LabelCandidate::area("B", "x", [72.0, 50.0], [20.0, 10.0])
    };
    let loose = place_labels(&[a.clone(), b.clone()], &[], &LabelOptions::default());
    assert_eq!(loose.placed.len(), 2, "2 px apart without padding");
    let opts = LabelOptions {
        bounds: None,
        padding: 4.0,
    };
    let tight = place_labels(&[a, b], &[], &opts);
    assert_eq!(texts(&tight), ["A"]);
}

#[test]
fn a_key_is_labelled_once() {
    let district = LabelCandidate::area("Bannu", "district", [100.0, 100.0], [50.0, 14.0])
        .with_priority(3.0)
        .with_key("bannu");
    let town = point("Bannu", 300.0, 300.0, 5.0).with_key("bannu");
    let other = point("Karak", 500.0, 100.0, 1.0).with_key("karak");
    let layout = place_labels(&[district, town, other], &[], &LabelOptions::default());
    assert_eq!(texts(&layout), ["Bannu", "Karak"]);
    assert_eq!(
        layout.placed[0].layer, "town",
        "the higher-priority one is kept"
    );
    assert_eq!(layout.dropped, vec![0]);
}

#[test]
fn broken_candidates_are_dropped_not_placed() {
    let nan = point("NaN", f32::NAN, 10.0, 1.0);
    let neg = LabelCandidate {
        size: [-5.0, 10.0],
        ..point("Neg", 10.0, 10.0, 1.0)
    };
    let none = LabelCandidate {
        placement: Placement::Offsets(vec![]),
        ..point("None", 10.0, 10.0, 1.0).never_dropped()
    };
    let ok = point("Ok", 10.0, 10.0, f32::NAN);
    let layout = place_labels(&[nan, neg, none, ok], &[], &LabelOptions::default());
    assert_eq!(texts(&layout), ["Ok"]);
    assert_eq!(layout.dropped, vec![0, 1, 2]);
    assert!(
        place_labels(&[], &[], &LabelOptions::default())
            .placed
            .is_empty()
    );
}

/// Random candidates in a 1920 x 1080 image, some never-drop, some with keys.
fn candidates() -> impl Strategy<Value = Vec<LabelCandidate>> {
    let one = (
        0.0f32..1920.0,
        0.0f32..1080.0,
        4.0f32..200.0,
        6.0f32..30.0,
        0u8..3,
        -5.0f32..5.0,
        0u8..40,
        0u8..20,
    )
        .prop_map(|(x, y, w, h, kind, priority, nd, key)| LabelCandidate {
            text: format!("{x:.0},{y:.0}"),
            layer: format!("layer{kind}"),
            anchor: [x, y],
            size: [w, h],
            placement: match kind {
                0 => Placement::Around { gap: 4.0 },
                1 => Placement::Centred { slide: h },
                _ => Placement::Offsets(vec![[0.0, 0.0], [-w, -h]]),
            },
            priority,
            never_drop: nd == 0,
            key: (key < 5).then(|| format!("k{key}")),
        });
    prop::collection::vec(one, 0..300)
}

fn furniture() -> impl Strategy<Value = Vec<Rect>> {
    let r = (
        0.0f32..1800.0,
        0.0f32..1000.0,
        10.0f32..400.0,
        10.0f32..200.0,
    )
        .prop_map(|(x, y, w, h)| Rect::new(x, y, w, h));
    prop::collection::vec(r, 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn placed_labels_never_overlap(cands in candidates(), obstacles in furniture(), pad in 0.0f32..4.0) {
        let opts = LabelOptions { bounds: Some(Rect::new(0.0, 0.0, 1920.0, 1080.0)), padding: pad };
        let layout = place_labels(&cands, &obstacles, &opts);
        // Every candidate is either placed or dropped, exactly once.
        let mut seen: Vec<usize> = layout.placed.iter().map(|p| p.index).chain(layout.dropped.iter().copied()).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..cands.len()).collect::<Vec<_>>());
        // Never-drop labels are all placed, unless their key is already on the map.
        for (i, c) in cands.iter().enumerate() {
            let key_taken = c.key.as_ref().is_some_and(|k| {
                layout.placed.iter().any(|p| p.index != i && cands[p.index].key.as_ref() == Some(k))
            });
            if c.never_drop && !key_taken {
                prop_assert!(layout.placed.iter().any(|p| p.index == i), "never-drop {} dropped", i);
            }
        }
        for (i, a) in layout.placed.iter().enumerate() {
            let ra = a.rect();
            if !a.forced {
                prop_assert!(opts.bounds.unwrap().contains(&ra));
                for o in &obstacles {
                    prop_assert!(!ra.inflate(pad / 2.0).overlaps(&o.inflate(pad / 2.0)));
                }
            }
            for b in &layout.placed[i + 1..] {
                // Only a forced never-drop label may overlap another never-drop label; an
                // ordinary label never overlaps anything.
                let exempt = (a.forced && cands[b.index].never_drop)
                    || (b.forced && cands[a.index].never_drop);
                if !exempt {
                    prop_assert!(!ra.inflate(pad / 2.0).overlaps(&b.rect().inflate(pad / 2.0)), "{:?} / {:?}", a, b);
                }
            }
        }
        // At most one label per key.
        let mut keys: Vec<&str> = layout.placed.iter().filter_map(|p| cands[p.index].key.as_deref()).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        prop_assert_eq!(keys.len(), n);
    }

    #[test]
    fn placement_is_deterministic(cands in candidates(), obstacles in furniture()) {
        let opts = LabelOptions { bounds: Some(Rect::new(0.0, 0.0, 1920.0, 1080.0)), padding: 1.0 };
        let a = place_labels(&cands, &obstacles, &opts);
        let b = place_labels(&cands, &obstacles, &opts);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_dropped_label_had_no_free_position(cands in candidates()) {
        // Greedy check: every dropped label collides, in each of its positions, with a label
        // that comes before it in the order (never-drop, then priority, then input), or
        // leaves the bounds, or shares a key with a placed label.
        let bounds = Rect::new(0.0, 0.0, 1920.0, 1080.0);
        let opts = LabelOptions { bounds: Some(bounds), padding: 0.0 };
        let layout = place_labels(&cands, &[], &opts);
        for &d in &layout.dropped {
            let c = &cands[d];
            if c.key.as_ref().is_some_and(|k| layout.placed.iter().any(|p| cands[p.index].key.as_ref() == Some(k))) {
                continue;
            }
            for r in c.placement.boxes(c.anchor, c.size[0], c.size[1]) {
                let earlier = |i: usize| {
                    let o = &cands[i];
                    (o.never_drop, o.priority, std::cmp::Reverse(i)) > (c.never_drop, c.priority, std::cmp::Reverse(d))
                };
                let blocked = !bounds.contains(&r)
                    || layout.placed.iter().any(|p| earlier(p.index) && p.rect().overlaps(&r));
                prop_assert!(blocked, "dropped {} had a free box {:?}", d, r);
            }
        }
    }
}
