//! Drawing annotations in the window: each tool's clicks, the shape previewed to the
//! pointer, the text and range-ring prompts, and the hint of what to click next.

use atlas_core::project::{Annotation, AnnotationStyle, Shape};

use super::AtlasApp;
use super::annotate::{Annotate, CLOSE_PX};
use crate::map::annotations_layer::world;
use crate::ui::annotation_panel::{self as panel, Answer, NewText, RingPrompt, Tool};

impl Annotate {
    /// The shape being drawn, to the pointer.
    pub(super) fn preview(&self, cursor: Option<(f64, f64)>) -> Option<Annotation> {
        let tool = self.tool?;
        let mut pts = self.points.clone();
        if let Some((lon, lat)) = cursor {
            pts.push([lon, lat]);
        }
        let shape = match (tool, pts.as_slice()) {
            (Tool::Arrow, [a, b, ..]) => Shape::Arrow { from: *a, to: *b },
            (Tool::Callout, [t, a, ..]) => Shape::Callout {
                at: *a,
                target: *t,
                text: "…".into(),
            },
            (Tool::Rect, [a, b, ..]) => Shape::Rect { corners: [*a, *b] },
            (Tool::Polygon, p) if p.len() >= 2 => Shape::Measure {
                points: p.to_vec(),
                closed: false,
            },
            _ => return None,
        };
        let shape = match shape {
            // A polygon in progress is drawn as its outline, without measurements.
            Shape::Measure { points, .. } if points.len() >= 3 => Shape::Polygon { points },
            Shape::Measure { points, .. } => Shape::Arrow {
                from: points[0],
                to: points[1],
            },
            s => s,
        };
        Some(Annotation {
            id: 0,
            shape,
            style: AnnotationStyle::default(),
        })
    }
}

impl AtlasApp {
    pub(super) fn tool_click(
        &mut self,
        ctx: &egui::Context,
        response: &egui::Response,
        sel: Option<String>,
    ) {
        let Some(tool) = self.annotate.tool else {
            return;
        };
        if ctx.input(|i| i.key_pressed(egui::Key::Enter)) && tool == Tool::Polygon {
            self.finish_polygon();
            return;
        }
        if !response.clicked() {
            return;
        }
        let Some((lon, lat)) = self.view.cursor else {
            return;
        };
        self.view.selected = sel;
        let p = [lon, lat];
        if tool == Tool::Polygon && self.annotate.points.len() >= 3 {
            let first = self.annotate.points[0];
            let near = self.last_transform().zip(response.interact_pointer_pos());
            if near.is_some_and(|(t, pos)| t.to_screen(world(first)).distance(pos) <= CLOSE_PX) {
                self.finish_polygon();
                return;
            }
        }
        self.annotate.points.push(p);
        let pts = self.annotate.points.clone();
        let done = match (tool, pts.as_slice()) {
            (Tool::Text, [at]) => {
                self.annotate.new_text = Some(NewText::new(Shape::Text {
                    at: *at,
                    text: String::new(),
                }));
                None
            }
            (Tool::Callout, [target, at]) => {
                self.annotate.new_text = Some(NewText::new(Shape::Callout {
                    at: *at,
                    target: *target,
                    text: String::new(),
                }));
                None
            }
            (Tool::Ring, [c]) => {
                self.annotate.ring = Some(RingPrompt::new(Some(*c)));
                None
            }
            (Tool::Arrow, [a, b]) => Some(Shape::Arrow { from: *a, to: *b }),
            (Tool::Rect, [a, b]) => Some(Shape::Rect { corners: [*a, *b] }),
            _ => return,
        };
        self.annotate.tool = None;
        self.annotate.points.clear();
        if let Some(shape) = done {
            self.add_annotation(shape);
        }
    }

    fn finish_polygon(&mut self) {
        let points = std::mem::take(&mut self.annotate.points);
        self.annotate.tool = None;
        if points.len() >= 3 {
            self.add_annotation(Shape::Polygon { points });
        }
    }

    pub(super) fn annotate_prompts(&mut self, ctx: &egui::Context) {
        if let Some(p) = self.annotate.new_text.as_mut() {
            match panel::new_text(ctx, p) {
                Answer::Pending => {}
                Answer::Cancel => self.annotate.new_text = None,
                Answer::Done(shape) => {
                    self.annotate.new_text = None;
                    self.add_annotation(shape);
                }
            }
        }
        if self.annotate.ring.is_some() {
            let data = self.session.atlas().clone();
            let loaded = self.session.incident_stores();
            let stores: Vec<_> = loaded
                .iter()
                .map(|(i, d)| (i.as_str(), d.store()))
                .collect();
            let index = self.tools.index(&data, &stores);
            let Some(p) = self.annotate.ring.as_mut() else {
                return;
            };
            match panel::ring_prompt(ctx, p, index) {
                Answer::Pending => {}
                Answer::Cancel => self.annotate.ring = None,
                Answer::Done(shape) => {
                    self.annotate.ring = None;
                    self.add_annotation(shape);
                }
            }
        }
    }

    /// What the drawing tool in use wants next, top-left over the map.
    pub(super) fn tool_hint(&self, ctx: &egui::Context, rect: egui::Rect) {
        let Some(tool) = self.annotate.tool else {
            return;
        };
        egui::Area::new(egui::Id::unique("annotate_hint"))
            .fixed_pos(rect.left_top() + egui::vec2(10.0, 10.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.strong(format!("Annotate: {}", tool.label()));
                    ui.label(tool.hint(self.annotate.points.len()));
                    ui.weak("Esc cancels");
                });
            });
    }
}
