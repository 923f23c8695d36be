//! What an annotation's values may be: positions on the map, text that fits on a slide,
//! positive radii, sizes within range. The window's dialogs and project files share it.

use super::annotation::{
    Annotation, LINE_WIDTHS, MAX_TEXT_CHARS, Point, Shape, TEXT_SIZES, lat_lon,
};
use crate::geodesy::parse_radius_km;

/// Most radii in one set of range rings.
pub const MAX_RADII: usize = 20;
/// Most points in a polygon or measured path.
pub const MAX_POINTS: usize = 10_000;

/// A position the map can show: finite, longitude −180 to 180, latitude −85 to 85.
pub fn check_point(p: Point) -> Result<(), String> {
    if lat_lon(p).is_none() || p[1].abs() > 85.0 {
        return Err(format!(
            "[{}, {}] is not a position on the map ([lon, lat], lon −180 to 180, lat −85 to 85)",
            p[0], p[1]
        ));
    }
    Ok(())
}

/// Annotation text: not blank, at most [`MAX_TEXT_CHARS`] characters.
pub fn check_text(t: &str) -> Result<(), String> {
    if t.trim().is_empty() {
        return Err("the text is empty".into());
    }
    let n = t.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(format!("{n} characters: at most {MAX_TEXT_CHARS}"));
    }
    Ok(())
}

/// Radii: one to [`MAX_RADII`], each a positive number of km below 20,000.
pub fn check_radii(radii: &[f64]) -> Result<(), String> {
    if radii.is_empty() || radii.len() > MAX_RADII {
        return Err(format!(
            "{} radii: give 1 to {MAX_RADII} positive distances in km",
            radii.len()
        ));
    }
    for r in radii {
        parse_radius_km(&r.to_string()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Radii typed as `10, 25, 50 km` (commas or spaces between them).
pub fn parse_radii(text: &str) -> Result<Vec<f64>, String> {
    let t = text.trim().trim_end_matches("km").trim_end_matches("KM");
    let radii = t
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.trim().is_empty())
        .map(|s| parse_radius_km(s).map_err(|e| e.to_string()))
        .collect::<Result<Vec<f64>, String>>()?;
    check_radii(&radii)?;
    Ok(radii)
}

/// Every problem with `a`, as (field, message).
pub fn check_annotation(a: &Annotation) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |field: &str, r: Result<(), String>| {
        if let Err(m) = r {
            out.push((field.to_owned(), m));
        }
    };
    let s = &a.style;
    if !TEXT_SIZES.contains(&s.text_size) {
        push(
            "style.text_size",
            Err(format!("{}: from 8 to 72 points", s.text_size)),
        );
    }
    if !LINE_WIDTHS.contains(&s.line_width) {
        push(
            "style.line_width",
            Err(format!("{}: from 0.5 to 12 points", s.line_width)),
        );
    }
    let points = a.shape.points();
    if points.len() > MAX_POINTS {
        push(
            "shape",
            Err(format!("{} points: at most {MAX_POINTS}", points.len())),
        );
    }
    for (i, p) in points.iter().enumerate().take(MAX_POINTS) {
        push(&format!("shape.points[{i}]"), check_point(*p));
    }
    match &a.shape {
        Shape::Text { text, .. } | Shape::Callout { text, .. } => {
            push("shape.text", check_text(text))
        }
        Shape::Polygon { points } if points.len() < 3 => push(
            "shape.points",
            Err(format!(
                "{} points: a polygon needs at least 3",
                points.len()
            )),
        ),
        Shape::Measure { points, .. } if points.len() < 2 => push(
            "shape.points",
            Err(format!(
                "{} points: a measurement needs at least 2",
                points.len()
            )),
        ),
        Shape::Ring {
            radii_km, label, ..
        } => {
            push("shape.radii_km", check_radii(radii_km));
            if let Some(l) = label {
                push("shape.label", check_text(l));
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::annotation::AnnotationStyle;

    fn ann(shape: Shape) -> Annotation {
        Annotation {
            id: 1,
            shape,
            style: AnnotationStyle::default(),
        }
    }

    #[test]
    fn positions_must_be_on_the_map() {
        assert!(check_point([69.0, 85.0]).is_ok(), "the map's edge");
        assert!(check_point([-180.0, -85.0]).is_ok());
        assert!(
            check_point([69.0, 88.0]).is_err(),
            "a latitude, but off the map"
        );
        assert!(check_point([200.0, 30.0]).is_err(), "no such longitude");
        assert!(check_point([f64::NAN, 30.0]).is_err());
        assert!(check_point([69.0, f64::INFINITY]).is_err());
    }

    #[test]
    fn text_is_counted_in_characters_up_to_500() {
        assert!(check_text(&"a".repeat(500)).is_ok());
        assert!(
            check_text(&"ک".repeat(500)).is_ok(),
            "characters, not bytes"
        );
        assert_eq!(
            check_text(&"a".repeat(501)),
            Err("501 characters: at most 500".into())
        );
        assert_eq!(check_text(" \n "), Err("the text is empty".into()));
    }

    #[test]
    fn radii_parse_and_refuse() {
        assert_eq!(parse_radii("10, 25 50km"), Ok(vec![10.0, 25.0, 50.0]));
        assert_eq!(parse_radii("100 km"), Ok(vec![100.0]));
        assert!(parse_radii("").unwrap_err().contains("0 radii"));
        assert!(
            parse_radii("10, -5")
                .unwrap_err()
                .contains("not a positive")
        );
        assert!(parse_radii("ten").unwrap_err().contains("not a number"));
        let twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        assert!(check_radii(&twenty).is_ok(), "20 rings");
        let more: Vec<f64> = (1..=21).map(f64::from).collect();
        assert!(check_radii(&more).unwrap_err().starts_with("21 radii"));
    }

    #[test]
    fn bad_annotations_name_their_field() {
        let good = ann(Shape::Text {
            at: [69.2, 34.5],
            text: "Camp".into(),
        });
        assert!(check_annotation(&good).is_empty());
        let blank = ann(Shape::Text {
            at: [69.2, 95.0],
            text: "  ".into(),
        });
        let fields: Vec<String> = check_annotation(&blank).into_iter().map(|e| e.0).collect();
        assert_eq!(fields, ["shape.points[0]", "shape.text"]);
        let mut big = good.clone();
        big.style.text_size = 1000.0;
        big.style.line_width = f32::NAN;
        let fields: Vec<String> = check_annotation(&big).into_iter().map(|e| e.0).collect();
        assert_eq!(fields, ["style.text_size", "style.line_width"]);
        let poly = ann(Shape::Polygon {
            points: vec![[69.0, 34.0], [70.0, 34.0]],
        });
        assert_eq!(check_annotation(&poly)[0].0, "shape.points");
        let one = ann(Shape::Measure {
            points: vec![[69.0, 34.0]],
            closed: false,
        });
        assert_eq!(
            check_annotation(&one)[0].1,
            "1 points: a measurement needs at least 2"
        );
        let two = ann(Shape::Measure {
            points: vec![[69.0, 34.0], [70.0, 34.0]],
            closed: false,
        });
        assert!(check_annotation(&two).is_empty());
        let line = |n: usize| {
            ann(Shape::Polygon {
                points: (0..n).map(|i| [60.0 + i as f64 * 1e-3, 30.0]).collect(),
            })
        };
        assert!(check_annotation(&line(MAX_POINTS)).is_empty());
        assert_eq!(check_annotation(&line(MAX_POINTS + 1))[0].0, "shape");
        let ring = ann(Shape::Ring {
            centre: [69.0, 34.0],
            radii_km: vec![0.0],
            label: None,
        });
        assert_eq!(check_annotation(&ring)[0].0, "shape.radii_km");
    }
}
