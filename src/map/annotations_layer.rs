//! An annotation layer as a plugin: highlights, arrows, leader lines, range rings and
//! measured paths painted here; their text handed to the label engine, which places it
//! before every other label and never drops the analyst's own text.

use atlas_core::basemap::lonlat_to_world;
use atlas_core::geodesy::geodesic_points;
use atlas_core::project::{Annotation, Point, Shape, lat_lon};
use egui::{Align2, Color32, Pos2, Response, Stroke, Ui, Vec2, vec2};
use geo::TriangulateEarcut;
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{ANNOTATION_PRIORITY, Label, LabelBody, LabelSink, boxed};
use super::report_layer::fill_mesh;
use super::style::{faded, map_style, text_scale};
use super::transform::WorldToScreen;
use crate::state::LayerStyle;

/// Geodesic lines (arrows, measured legs) are drawn through a point every 5 km.
const CURVE_STEP_M: f64 = 5_000.0;
/// Opacity of a highlight's fill relative to its outline.
const FILL_ALPHA: f32 = 0.18;

pub struct AnnotationsLayer<'a> {
    pub annotations: &'a [Annotation],
    pub style: LayerStyle,
    pub labels: LabelSink,
    pub dark: bool,
}

/// One annotation's colour with the layer's opacity.
pub fn colour(a: &Annotation, opacity: f32) -> Color32 {
    let [r, g, b] = a.style.color.0;
    faded(Color32::from_rgb(r, g, b), opacity)
}

impl Plugin for AnnotationsLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let scale = text_scale(ui.ctx());
        for a in self.annotations {
            let c = colour(a, self.style.opacity);
            let stroke = Stroke::new(a.style.line_width * scale, c);
            paint_shape(&painter, &t, a, stroke, scale);
            self.label(a, c);
        }
    }
}

/// How one text of an annotation is set: size, colour, box, anchor and offset.
struct TextLook {
    size: f32,
    color: Color32,
    boxed: Option<Color32>,
    anchor: Align2,
    offset: Vec2,
}

impl AnnotationsLayer<'_> {
    /// The annotation's texts as label candidates: its own text (never dropped), then a
    /// measurement's or ring's values (dropped where they would collide).
    fn label(&self, a: &Annotation, c: Color32) {
        let minor = faded(map_style(self.dark).label, self.style.opacity);
        for text in a.shape.texts() {
            let look = |size, color, boxed, anchor, offset| TextLook {
                size,
                color,
                boxed,
                anchor,
                offset,
            };
            let l = match (&a.shape, text.main) {
                (Shape::Callout { .. }, _) => look(
                    a.style.text_size,
                    c,
                    Some(c),
                    Align2::CENTER_CENTER,
                    Vec2::ZERO,
                ),
                (Shape::Text { .. }, _) => look(
                    a.style.text_size,
                    c,
                    None,
                    Align2::CENTER_CENTER,
                    Vec2::ZERO,
                ),
                (Shape::Ring { .. }, true) => {
                    look(13.0, c, None, Align2::LEFT_CENTER, vec2(8.0, 0.0))
                }
                (Shape::Ring { .. }, false) => {
                    look(12.0, c, None, Align2::CENTER_BOTTOM, vec2(0.0, -3.0))
                }
                (_, true) => look(13.0, c, Some(c), Align2::LEFT_TOP, vec2(8.0, 8.0)),
                (_, false) => look(12.0, minor, None, Align2::CENTER_BOTTOM, vec2(0.0, -4.0)),
            };
            self.labels.push(Label {
                text: text.text,
                world: world(text.at),
                size: l.size,
                color: l.color,
                priority: if text.main {
                    ANNOTATION_PRIORITY
                } else {
                    ANNOTATION_PRIORITY - 1
                },
                anchor: l.anchor,
                offset: l.offset,
                body: match l.boxed {
                    Some(b) => boxed(map_style(self.dark).halo, b),
                    None => LabelBody::Halo,
                },
                layer: "annotation",
                never_drop: text.main,
                ..Default::default()
            });
        }
    }
}

/// `[lon, lat]` in world coordinates.
pub fn world(p: Point) -> [f64; 2] {
    lonlat_to_world(p[0], p[1])
}

fn screen_line(t: &WorldToScreen, pts: &[Point]) -> Vec<Pos2> {
    pts.iter().map(|p| t.to_screen(world(*p))).collect()
}

/// The geodesic from `a` to `b` on screen.
fn geodesic(t: &WorldToScreen, a: Point, b: Point) -> Vec<Pos2> {
    match (lat_lon(a), lat_lon(b)) {
        (Some(x), Some(y)) => geodesic_points(x, y, CURVE_STEP_M)
            .into_iter()
            .map(|p| t.to_screen(lonlat_to_world(p.lon(), p.lat())))
            .collect(),
        _ => screen_line(t, &[a, b]),
    }
}

fn paint_shape(
    painter: &egui::Painter,
    t: &WorldToScreen,
    a: &Annotation,
    stroke: Stroke,
    scale: f32,
) {
    let text_size = a.style.text_size;
    match &a.shape {
        Shape::Text { .. } => {}
        Shape::Arrow { from, to } => {
            let line = geodesic(t, *from, *to);
            arrow_head(painter, &line, stroke);
            painter.add(egui::Shape::line(line, stroke));
        }
        Shape::Callout { at, target, text } => {
            let line = screen_line(t, &[*at, *target]);
            let size = callout_box(
                painter,
                text,
                super::style::font_size(painter.ctx(), text_size),
            );
            let start = leave_box(line[0], line[1], size);
            painter.line_segment([start, line[1]], stroke);
            painter.circle_filled(line[1], 2.0 * stroke.width.max(1.5), stroke.color);
        }
        shape @ (Shape::Rect { .. } | Shape::Polygon { .. }) => {
            for outline in shape.outlines() {
                fill(
                    painter,
                    t,
                    &outline,
                    stroke.color.gamma_multiply(FILL_ALPHA),
                );
                painter.add(egui::Shape::line(screen_line(t, &outline), stroke));
            }
        }
        shape @ Shape::Ring { centre, .. } => {
            for outline in shape.outlines() {
                painter.extend(egui::Shape::dashed_line(
                    &screen_line(t, &outline),
                    stroke,
                    10.0 * scale,
                    5.0 * scale,
                ));
            }
            let c = t.to_screen(world(*centre));
            painter.circle(c, 3.5 * scale, Color32::WHITE, stroke);
        }
        Shape::Measure { points, closed } => {
            let mut path = points.clone();
            if *closed && points.len() >= 3 {
                path.push(points[0]);
                fill(painter, t, &path, stroke.color.gamma_multiply(FILL_ALPHA));
            }
            for w in path.windows(2) {
                painter.add(egui::Shape::line(geodesic(t, w[0], w[1]), stroke));
            }
            for p in screen_line(t, points) {
                painter.circle(p, 3.5 * scale, Color32::WHITE, stroke);
            }
        }
    }
}

/// The size of a callout's box as the label engine draws it (text plus its margin).
fn callout_box(painter: &egui::Painter, text: &str, px: f32) -> Vec2 {
    let galley = painter.layout_no_wrap(
        atlas_core::text::display_text(text).into_owned(),
        egui::FontId::proportional(px),
        Color32::WHITE,
    );
    galley.size() + vec2(8.0, 4.0)
}

/// Where the segment from `centre` (of a box of `size`) to `to` leaves the box.
fn leave_box(centre: Pos2, to: Pos2, size: Vec2) -> Pos2 {
    let d = to - centre;
    let half = size / 2.0;
    let tx = if d.x.abs() > 0.0 {
        half.x / d.x.abs()
    } else {
        f32::INFINITY
    };
    let ty = if d.y.abs() > 0.0 {
        half.y / d.y.abs()
    } else {
        f32::INFINITY
    };
    let s = tx.min(ty);
    if s >= 1.0 { to } else { centre + d * s }
}

/// Fill a closed outline (any simple polygon: triangulated).
fn fill(painter: &egui::Painter, t: &WorldToScreen, outline: &[Point], color: Color32) {
    let ring: geo::LineString<f64> = outline
        .iter()
        .map(|p| {
            let w = world(*p);
            (w[0], w[1])
        })
        .collect();
    let poly = geo::Polygon::new(ring, Vec::new());
    let tris: Vec<[f64; 2]> = poly
        .earcut_triangles_iter()
        .flat_map(|tri| tri.to_array().map(|c| [c.x, c.y]))
        .collect();
    painter.add(fill_mesh(&tris, t, color));
}

/// A filled arrowhead at the end of `line`, pointing along its last stretch.
fn arrow_head(painter: &egui::Painter, line: &[Pos2], stroke: Stroke) {
    let n = line.len();
    if n < 2 {
        return;
    }
    let tip = line[n - 1];
    // Direction from a point some way back (the geodesic's last piece may be tiny).
    let back = line[..n - 1]
        .iter()
        .rev()
        .find(|p| p.distance(tip) > 4.0)
        .copied()
        .unwrap_or(line[0]);
    let dir = (tip - back).normalized();
    if !dir.x.is_finite() {
        return;
    }
    let len = 6.0 * stroke.width.max(1.5);
    let base = tip - dir * len;
    let side = vec2(-dir.y, dir.x) * len * 0.5;
    painter.add(egui::Shape::convex_polygon(
        vec![tip, base + side, base - side],
        stroke.color,
        Stroke::NONE,
    ));
}
