//! Annotations: what an analyst draws on the map for a slide — text, arrows, callouts,
//! rectangle and polygon highlights, range rings and saved measurements. They live in the
//! project's annotation layers and are drawn by the window and exports alike.

use serde::{Deserialize, Serialize};

use crate::coords::LatLon;
use crate::geodesy::{
    RING_SEGMENTS, area_label, leg_label, measure_path, polygon_area_m2, range_ring, ring_label,
    total_label,
};

/// A position: `[lon, lat]` in degrees (GeoJSON order).
pub type Point = [f64; 2];

/// One annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Unique within the project (selection and edits refer to it).
    pub id: u32,
    pub shape: Shape,
    #[serde(default)]
    pub style: AnnotationStyle,
}

/// What an annotation draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Shape {
    /// Text centred on a point.
    Text { at: Point, text: String },
    /// A line with an arrowhead at `to`.
    Arrow { from: Point, to: Point },
    /// Text at `at` with a leader line to `target`.
    Callout {
        at: Point,
        target: Point,
        text: String,
    },
    /// A highlight between two opposite corners.
    Rect { corners: [Point; 2] },
    /// A highlight polygon (at least three points; closed implicitly).
    Polygon { points: Vec<Point> },
    /// Geodesic circles around a centre, one per radius, each labelled with its radius.
    Ring {
        centre: Point,
        radii_km: Vec<f64>,
        /// What the centre is ("Miran Shah"); drawn beside it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// A measured path (legs labelled with length and bearing); closed, an area.
    Measure {
        points: Vec<Point>,
        #[serde(default)]
        closed: bool,
    },
}

/// How an annotation looks. Sizes are points on the reference (1080p) slide.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnnotationStyle {
    pub color: Rgb,
    /// Text size, points (8 to 72).
    pub text_size: f32,
    /// Line width, points (0.5 to 12).
    pub line_width: f32,
}

impl Default for AnnotationStyle {
    fn default() -> Self {
        Self {
            color: Rgb([215, 38, 61]),
            text_size: 16.0,
            line_width: 2.5,
        }
    }
}

/// Allowed text sizes, points.
pub const TEXT_SIZES: std::ops::RangeInclusive<f32> = 8.0..=72.0;
/// Allowed line widths, points.
pub const LINE_WIDTHS: std::ops::RangeInclusive<f32> = 0.5..=12.0;
/// Longest annotation text, characters.
pub const MAX_TEXT_CHARS: usize = 500;

/// An sRGB colour written `"#rrggbb"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// `#rrggbb` (or `rrggbb`), case-insensitive.
    pub fn parse(text: &str) -> Result<Rgb, String> {
        let t = text.trim();
        let hex = t.strip_prefix('#').unwrap_or(t);
        let bad = || format!("{t:?} is not a colour: write it as #rrggbb, e.g. #d7263d");
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(bad());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Rgb {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rgb::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A label an annotation places on the map: text at a point.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationText {
    pub at: Point,
    pub text: String,
    /// The annotation's own text (drawn in its colour and size); otherwise a measurement's.
    pub main: bool,
}

impl Shape {
    /// Name in menus and the details panel.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Shape::Text { .. } => "Text",
            Shape::Arrow { .. } => "Arrow",
            Shape::Callout { .. } => "Callout",
            Shape::Rect { .. } => "Rectangle",
            Shape::Polygon { .. } => "Polygon",
            Shape::Ring { .. } => "Range rings",
            Shape::Measure { .. } => "Measurement",
        }
    }

    /// The text the user typed (text, callout, a ring's label).
    pub fn text(&self) -> Option<&str> {
        match self {
            Shape::Text { text, .. } | Shape::Callout { text, .. } => Some(text),
            Shape::Ring { label, .. } => label.as_deref(),
            _ => None,
        }
    }

    /// Replace the typed text (no-op for shapes without one).
    pub fn set_text(&mut self, new: String) {
        match self {
            Shape::Text { text, .. } | Shape::Callout { text, .. } => *text = new,
            Shape::Ring { label, .. } => *label = (!new.trim().is_empty()).then_some(new),
            _ => {}
        }
    }

    /// Every position of the shape, in order.
    pub fn points(&self) -> Vec<Point> {
        match self {
            Shape::Text { at, .. } => vec![*at],
            Shape::Arrow { from, to } => vec![*from, *to],
            Shape::Callout { at, target, .. } => vec![*at, *target],
            Shape::Rect { corners } => corners.to_vec(),
            Shape::Polygon { points } | Shape::Measure { points, .. } => points.clone(),
            Shape::Ring { centre, .. } => vec![*centre],
        }
    }

    /// Move every position through `f` (dragging moves the whole shape).
    pub fn map_points(&mut self, mut f: impl FnMut(Point) -> Point) {
        match self {
            Shape::Text { at, .. } => *at = f(*at),
            Shape::Arrow { from, to } => {
                *from = f(*from);
                *to = f(*to);
            }
            Shape::Callout { at, target, .. } => {
                *at = f(*at);
                *target = f(*target);
            }
            Shape::Rect { corners } => corners.iter_mut().for_each(|p| *p = f(*p)),
            Shape::Polygon { points } | Shape::Measure { points, .. } => {
                points.iter_mut().for_each(|p| *p = f(*p))
            }
            Shape::Ring { centre, .. } => *centre = f(*centre),
        }
    }

    /// The outlines to stroke, in lon/lat: a ring's circles, a rectangle's four sides, a
    /// polygon; closed outlines repeat their first point.
    pub fn outlines(&self) -> Vec<Vec<Point>> {
        match self {
            Shape::Rect { corners: [a, b] } => {
                vec![vec![*a, [b[0], a[1]], *b, [a[0], b[1]], *a]]
            }
            Shape::Polygon { points } => vec![closed(points)],
            Shape::Ring {
                centre, radii_km, ..
            } => {
                let Some(c) = lat_lon(*centre) else {
                    return Vec::new();
                };
                radii_km
                    .iter()
                    .filter_map(|r| range_ring(c, *r, RING_SEGMENTS).ok())
                    .map(|p| p.exterior().coords().map(|c| [c.x, c.y]).collect())
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// The labels the shape places besides its own text: each ring's radius (at its
    /// northernmost point), each measured leg (at its middle) and the total or the area.
    pub fn texts(&self) -> Vec<AnnotationText> {
        let own = |at: Point, text: &str| AnnotationText {
            at,
            text: text.to_owned(),
            main: true,
        };
        match self {
            Shape::Text { at, text } | Shape::Callout { at, text, .. } => vec![own(*at, text)],
            Shape::Ring {
                centre,
                radii_km,
                label,
            } => {
                let mut out: Vec<AnnotationText> = label.iter().map(|l| own(*centre, l)).collect();
                for (outline, r) in self.outlines().iter().zip(radii_km) {
                    if let Some(top) = outline.first() {
                        out.push(AnnotationText {
                            at: *top,
                            text: ring_label(*r),
                            main: false,
                        });
                    }
                }
                out
            }
            Shape::Measure { points, closed } => measure_texts(points, *closed),
            _ => Vec::new(),
        }
    }
}

/// Leg labels at each leg's middle and the total at the last point; closed, the area at the
/// centroid of the points.
fn measure_texts(points: &[Point], closed: bool) -> Vec<AnnotationText> {
    let pts: Vec<LatLon> = points.iter().filter_map(|p| lat_lon(*p)).collect();
    let path = if closed && pts.len() >= 3 {
        let mut p = pts.clone();
        p.push(pts[0]);
        p
    } else {
        pts.clone()
    };
    let m = measure_path(&path);
    let mut out: Vec<AnnotationText> = m
        .legs
        .iter()
        .map(|l| AnnotationText {
            at: [
                (l.from.lon() + l.to.lon()) / 2.0,
                (l.from.lat() + l.to.lat()) / 2.0,
            ],
            text: leg_label(l.metres, l.bearing_deg),
            main: false,
        })
        .collect();
    if closed && pts.len() >= 3 {
        let n = pts.len() as f64;
        let c = [
            pts.iter().map(|p| p.lon()).sum::<f64>() / n,
            pts.iter().map(|p| p.lat()).sum::<f64>() / n,
        ];
        out.push(AnnotationText {
            at: c,
            text: format!(
                "{}, {}",
                area_label(polygon_area_m2(&pts)),
                total_label(m.total_m)
            ),
            main: true,
        });
    } else if let Some(last) = path.last().filter(|_| !m.legs.is_empty()) {
        out.push(AnnotationText {
            at: [last.lon(), last.lat()],
            text: total_label(m.total_m),
            main: true,
        });
    }
    out
}

fn closed(points: &[Point]) -> Vec<Point> {
    let mut v = points.to_vec();
    if let Some(first) = points.first() {
        v.push(*first);
    }
    v
}

/// `[lon, lat]` as a checked coordinate.
pub fn lat_lon(p: Point) -> Option<LatLon> {
    LatLon::new(p[1], p[0]).ok()
}

/// The first id not used by any annotation of `layers`.
pub fn next_annotation_id<'a>(annotations: impl Iterator<Item = &'a Annotation>) -> u32 {
    annotations
        .map(|a| a.id)
        .max()
        .map_or(1, |m| m.saturating_add(1))
}
