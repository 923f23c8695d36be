//! Class breaks on known data: quantiles, equal intervals, Jenks natural breaks; class lookup
//! and legend labels.

use atlas_core::analysis::{ClassMethod, classify};

#[test]
fn quantile_breaks() {
    let v: Vec<f64> = (1..=10).map(f64::from).collect();
    let c = classify(&v, ClassMethod::Quantile, 5);
    assert_eq!(c.breaks, vec![1.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    assert_eq!(c.len(), 5);
    assert_eq!(
        [1.0, 2.0, 2.5, 10.0].map(|x| c.class_of(x)),
        [Some(0), Some(0), Some(1), Some(4)]
    );
    // Many ties: nearest ranks 2, 4, 6, 8 give uppers 0, 0, 0, 5 → classes [0, 0] and (0, 5].
    let c = classify(
        &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 5.0],
        ClassMethod::Quantile,
        4,
    );
    assert_eq!(c.breaks, vec![0.0, 0.0, 5.0]);
    assert_eq!([0.0, 1.0].map(|x| c.class_of(x)), [Some(0), Some(1)]);
}

#[test]
fn equal_interval_breaks() {
    let c = classify(
        &[3.0, 0.0, 10.0, f64::NAN, 7.5],
        ClassMethod::EqualInterval,
        4,
    );
    assert_eq!(c.breaks, vec![0.0, 2.5, 5.0, 7.5, 10.0]);
    assert_eq!(
        c.labels(1),
        vec!["0.0 – 2.5", "2.5 – 5.0", "5.0 – 7.5", "7.5 – 10.0"]
    );
    assert_eq!(
        [0.0, 2.5, 2.6, 11.0, -1.0].map(|x| c.class_of(x)),
        [Some(0), Some(0), Some(1), Some(3), Some(0)]
    );
    assert_eq!(c.class_of(f64::NAN), None);
}

#[test]
fn natural_breaks_find_the_gaps() {
    let v = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 20.0, 21.0, 22.0];
    assert_eq!(
        classify(&v, ClassMethod::NaturalBreaks, 3).breaks,
        vec![1.0, 3.0, 12.0, 22.0]
    );
    // Unsorted input with an outlier: the outlier gets its own class.
    let v = [4.0, 100.0, 5.0, 6.0, 4.5, 5.5];
    assert_eq!(
        classify(&v, ClassMethod::NaturalBreaks, 2).breaks,
        vec![4.0, 6.0, 100.0]
    );
    // Large input goes through the sampling path and still finds the two groups.
    let big: Vec<f64> = (0..10_000)
        .map(|i| {
            if i % 2 == 0 {
                (i % 100) as f64 / 100.0
            } else {
                50.0 + (i % 100) as f64 / 100.0
            }
        })
        .collect();
    let c = classify(&big, ClassMethod::NaturalBreaks, 2);
    assert_eq!(c.breaks.len(), 3);
    assert!(c.breaks[1] < 1.0 && c.breaks[2] > 50.0, "{:?}", c.breaks);
}

#[test]
fn degenerate_inputs() {
    assert!(classify(&[], ClassMethod::Quantile, 5).is_empty());
    assert!(classify(&[f64::NAN], ClassMethod::NaturalBreaks, 5).is_empty());
    let c = classify(&[2.0, 2.0, 2.0], ClassMethod::EqualInterval, 5);
    assert_eq!(
        (c.breaks.clone(), c.class_of(2.0)),
        (vec![2.0, 2.0], Some(0))
    );
    let c = classify(&[1.0, 2.0], ClassMethod::NaturalBreaks, 5);
    // More classes than values: one class per value.
    assert_eq!(c.breaks, vec![1.0, 1.0, 2.0]);
    assert_eq!([1.0, 2.0].map(|x| c.class_of(x)), [Some(0), Some(1)]);
}
