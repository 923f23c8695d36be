//! Annotating in the window: the drawing tools' clicks, selecting and dragging annotations,
//! the prompts and the editing panel. Every change goes to the project as an undoable edit;
//! what is being drawn or dragged is previewed through the map's own annotation layer.

use std::borrow::Cow;

use atlas_core::basemap::world_to_lonlat;
use atlas_core::project::{Annotation, AnnotationStyle, Edit, LayerDef, LayerKind, Point, Shape};
use egui::Pos2;
use walkers::{MercatorProjection, Projector};

use super::AtlasApp;
use crate::map::annotation_hit;
use crate::map::annotations_layer::world;
use crate::map::transform::WorldToScreen;
use crate::state::start_position;
use crate::ui::annotation_panel::{self as panel, NewText, PanelEdit, RingPrompt, Tool};

/// A click this near the polygon's first corner closes it, pixels.
pub(super) const CLOSE_PX: f32 = 10.0;

/// An annotation being dragged: where the press was and where the pointer is (world).
#[derive(Debug, Clone, Copy)]
struct Drag {
    id: u32,
    from: [f64; 2],
    to: [f64; 2],
}

/// The annotating state (window-only).
#[derive(Debug, Default)]
pub struct Annotate {
    /// The drawing tool in use.
    pub tool: Option<Tool>,
    /// Points clicked so far with it.
    pub points: Vec<Point>,
    pub new_text: Option<NewText>,
    pub ring: Option<RingPrompt>,
    drag: Option<Drag>,
    /// The edit panel's radii text, for the annotation it was made for.
    radii: Option<(u32, String)>,
}

impl Annotate {
    /// The layers to draw this frame: the project's, with a dragged annotation where the
    /// pointer has it and the shape being drawn on top.
    pub fn layers<'a>(
        &self,
        layers: &'a [LayerDef],
        cursor: Option<(f64, f64)>,
    ) -> Cow<'a, [LayerDef]> {
        let preview = self.preview(cursor);
        if self.drag.is_none() && preview.is_none() {
            return Cow::Borrowed(layers);
        }
        let mut out = layers.to_vec();
        if let Some(d) = self.drag
            && let Some(a) = out
                .iter_mut()
                .flat_map(|l| l.annotations.iter_mut())
                .find(|a| a.id == d.id)
        {
            *a = moved(a, d);
        }
        if let Some(a) = preview {
            let mut l = LayerDef::new("drawing", LayerKind::Annotations, None);
            l.annotations.push(a);
            out.push(l);
        }
        Cow::Owned(out)
    }
}

impl AtlasApp {
    /// Start drawing with `tool` (stops measuring; clears the selection).
    pub fn start_tool(&mut self, tool: Tool) {
        self.tools.measure.active = false;
        self.view.selected_annotation = None;
        let a = &mut self.annotate;
        a.tool = Some(tool);
        a.points.clear();
    }

    /// Open the range-ring prompt without a clicked centre.
    pub fn ring_dialog(&mut self) {
        self.annotate.tool = None;
        self.annotate.ring = Some(RingPrompt::new(None));
    }

    /// The map's transform as of the last frame.
    pub(super) fn last_transform(&self) -> Option<WorldToScreen> {
        let rect = self.map_rect?;
        let p = Projector::new(
            rect,
            &MercatorProjection,
            &self.view.memory,
            start_position(),
        );
        Some(WorldToScreen::new(&p))
    }

    /// The annotation under `pos` on the map, topmost first.
    pub fn annotation_at(&self, pos: Pos2) -> Option<u32> {
        let t = self.last_transform()?;
        let shown = self
            .doc
            .project
            .layers
            .iter()
            .filter(|l| l.kind == LayerKind::Annotations && l.style.shown());
        annotation_hit::hit(shown.flat_map(|l| l.annotations.iter()), &t, pos)
    }

    /// Before the map is drawn: a press on an annotation (no tool in use) selects it and
    /// starts dragging it, and the map does not pan this time.
    pub(super) fn annotate_before_map(&mut self, ctx: &egui::Context) {
        let idle = self.annotate.tool.is_none() && !self.tools.measure.active;
        let press = ctx.input(|i| {
            i.pointer
                .primary_pressed()
                .then(|| i.pointer.press_origin())
        });
        if let (true, Some(Some(pos)), None) = (idle, press, self.annotate.drag) {
            let on_map = self.map_rect.is_some_and(|r| r.contains(pos))
                && ctx
                    .layer_id_at(pos)
                    .is_none_or(|l| l.order == egui::Order::Background);
            if let Some(id) = on_map.then(|| self.annotation_at(pos)).flatten() {
                let w = self.last_transform().map(|t| t.to_world(pos));
                if let Some(w) = w {
                    self.view.selected_annotation = Some(id);
                    self.annotate.drag = Some(Drag { id, from: w, to: w });
                }
            }
        }
        self.view.pan_locked = self.annotate.drag.is_some();
    }

    /// After the map: the tools' clicks, the end of a drag, keys, prompts and the panel.
    /// `selected` is the unit selection before the map ran (annotation clicks keep it).
    pub(super) fn annotate_after_map(
        &mut self,
        ctx: &egui::Context,
        response: &egui::Response,
        selected: Option<String>,
    ) {
        self.finish_drag(ctx, response, &selected);
        if self.annotate.tool.is_some() {
            self.tool_click(ctx, response, selected);
        } else if response.clicked() && !self.tools.measure.active {
            let hit = response
                .interact_pointer_pos()
                .and_then(|p| self.annotation_at(p));
            if hit.is_some() {
                self.view.selected = selected;
            }
            self.view.selected_annotation = hit;
        }
        self.annotate_keys(ctx);
        self.annotate_prompts(ctx);
        self.annotation_panel(ctx, response.rect);
        self.tool_hint(ctx, response.rect);
        self.paint_selection(ctx, response.rect);
    }

    /// The selected annotation's handles (each point) and its outline box, over the map
    /// (window only: exports never show a selection).
    fn paint_selection(&self, ctx: &egui::Context, rect: egui::Rect) {
        let (Some(id), Some(t)) = (self.view.selected_annotation, self.last_transform()) else {
            return;
        };
        let Some((_, a)) = self.doc.project.annotation(id) else {
            return;
        };
        let a = match self.annotate.drag {
            Some(d) if d.id == id => moved(a, d),
            _ => a.clone(),
        };
        let pts: Vec<Pos2> = a
            .shape
            .points()
            .iter()
            .map(|p| t.to_screen(world(*p)))
            .collect();
        let painter = ctx
            .layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("annotation_selection"),
            ))
            .with_clip_rect(rect);
        let blue = egui::Color32::from_rgb(0, 120, 255);
        let bbox = egui::Rect::from_points(&pts).expand(10.0);
        painter.extend(egui::Shape::dashed_line(
            &[
                bbox.left_top(),
                bbox.right_top(),
                bbox.right_bottom(),
                bbox.left_bottom(),
                bbox.left_top(),
            ],
            egui::Stroke::new(1.5, blue),
            6.0,
            4.0,
        ));
        for p in pts {
            painter.circle(p, 5.0, egui::Color32::WHITE, egui::Stroke::new(2.0, blue));
        }
    }

    fn finish_drag(
        &mut self,
        ctx: &egui::Context,
        response: &egui::Response,
        sel: &Option<String>,
    ) {
        let Some(mut d) = self.annotate.drag else {
            return;
        };
        if let (Some(p), Some(t)) = (ctx.input(|i| i.pointer.latest_pos()), self.last_transform()) {
            d.to = t.to_world(p);
        }
        self.annotate.drag = Some(d);
        if ctx.input(|i| i.pointer.primary_down()) {
            ctx.request_repaint();
            return;
        }
        self.annotate.drag = None;
        let _ = response;
        self.view.selected = sel.clone();
        if d.from != d.to
            && let Some((_, a)) = self.doc.project.annotation(d.id)
        {
            let a = moved(a, d);
            self.apply(Edit::UpdateAnnotation(a));
        }
    }

    /// Add `shape` to the project (one undo step) and select it.
    pub fn add_annotation(&mut self, shape: Shape) {
        let id = self.doc.project.next_annotation_id();
        let a = Annotation {
            id,
            shape,
            style: AnnotationStyle::default(),
        };
        if self.apply(Edit::AddAnnotation(a)) {
            self.view.selected_annotation = Some(id);
        }
    }

    fn annotate_keys(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.annotate.tool = None;
            self.annotate.points.clear();
            self.view.selected_annotation = None;
        }
        let delete = ctx.input(|i| i.key_pressed(egui::Key::Delete));
        if let (true, Some(id)) = (delete, self.view.selected_annotation) {
            self.apply(Edit::DeleteAnnotation { id });
            self.view.selected_annotation = None;
        }
    }

    fn annotation_panel(&mut self, ctx: &egui::Context, map: egui::Rect) {
        let Some(id) = self.view.selected_annotation else {
            self.annotate.radii = None;
            return;
        };
        let Some(a) = self.doc.project.annotation(id).map(|(_, a)| a.clone()) else {
            self.view.selected_annotation = None;
            return;
        };
        let radii = match (&mut self.annotate.radii, &a.shape) {
            (Some((rid, text)), _) if *rid == id => text,
            (slot, shape) => {
                let text = match shape {
                    Shape::Ring { radii_km, .. } => radii_text(radii_km),
                    _ => String::new(),
                };
                &mut slot.insert((id, text)).1
            }
        };
        match panel::edit_panel(ctx, &a, radii, map.right_top() + egui::vec2(-12.0, 12.0)) {
            PanelEdit::None => {}
            PanelEdit::Update(next) => {
                self.apply(Edit::UpdateAnnotation(next));
            }
            PanelEdit::Delete => {
                self.apply(Edit::DeleteAnnotation { id });
                self.view.selected_annotation = None;
            }
            PanelEdit::Close => self.view.selected_annotation = None,
        }
    }
}

/// `25, 50, 100`.
fn radii_text(radii: &[f64]) -> String {
    radii
        .iter()
        .map(|r| format!("{r}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a` moved by the drag (in world coordinates, as the user sees it).
fn moved(a: &Annotation, d: Drag) -> Annotation {
    let (dx, dy) = (d.to[0] - d.from[0], d.to[1] - d.from[1]);
    let mut out = a.clone();
    out.shape.map_points(|p| {
        let w = world(p);
        let (lon, lat) = world_to_lonlat([w[0] + dx, w[1] + dy]);
        [lon.clamp(-180.0, 180.0), lat.clamp(-85.0, 85.0)]
    });
    out
}
