//! Annotation dialogs: the drawing tools and their hints, the text prompt for a new text or
//! callout, the range-ring prompt (centre as a coordinate or place, radii in km), and the
//! panel that edits the selected annotation (text, colour, sizes, delete).

use atlas_core::goto::go_to;
use atlas_core::project::{
    Annotation, LINE_WIDTHS, Point, Rgb, Shape, TEXT_SIZES, check_text, parse_radii,
};
use atlas_core::search::SearchIndex;
use egui::{Color32, Key};

const ERROR: Color32 = Color32::from_rgb(200, 40, 30);

/// A drawing tool: what the next clicks on the map make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Text,
    Arrow,
    Callout,
    Rect,
    Polygon,
    Ring,
}

impl Tool {
    pub const ALL: [Tool; 6] = [
        Tool::Text,
        Tool::Arrow,
        Tool::Callout,
        Tool::Rect,
        Tool::Polygon,
        Tool::Ring,
    ];

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            Tool::Text => "Text",
            Tool::Arrow => "Arrow",
            Tool::Callout => "Callout",
            Tool::Rect => "Rectangle",
            Tool::Polygon => "Polygon",
            Tool::Ring => "Range rings",
        }
    }

    /// What to click next, given the points clicked so far.
    pub fn hint(self, clicked: usize) -> &'static str {
        match (self, clicked) {
            (Tool::Text, _) => "Click where the text goes",
            (Tool::Arrow, 0) => "Click where the arrow starts",
            (Tool::Arrow, _) => "Click where it points",
            (Tool::Callout, 0) => "Click the point the callout explains",
            (Tool::Callout, _) => "Click where its text goes",
            (Tool::Rect, 0) => "Click one corner",
            (Tool::Rect, _) => "Click the opposite corner",
            (Tool::Polygon, n) if n < 3 => "Click the polygon's corners",
            (Tool::Polygon, _) => "Click more corners; Enter or a click on the first one closes it",
            (Tool::Ring, _) => "Click the rings' centre",
        }
    }
}

/// The text prompt for a new text or callout.
#[derive(Debug)]
pub struct NewText {
    /// The shape waiting for its text.
    pub shape: Shape,
    pub text: String,
    focus: bool,
}

impl NewText {
    pub fn new(shape: Shape) -> Self {
        Self {
            shape,
            text: String::new(),
            focus: true,
        }
    }
}

/// What a prompt's user did this frame.
pub enum Answer<T> {
    Pending,
    Cancel,
    Done(T),
}

/// Draw the text prompt; `Done` carries the shape with its text.
pub fn new_text(ctx: &egui::Context, p: &mut NewText) -> Answer<Shape> {
    let mut answer = Answer::Pending;
    egui::Window::new(format!("New {}", p.shape.kind_label().to_lowercase()))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            let label = ui.label("Text (Shift+Enter for a new line)");
            let edit = egui::TextEdit::multiline(&mut p.text)
                .desired_rows(2)
                .desired_width(320.0)
                .return_key(Some(egui::KeyboardShortcut::new(
                    egui::Modifiers::SHIFT,
                    Key::Enter,
                )));
            let resp = ui.add(edit).labelled_by(label.id);
            if std::mem::take(&mut p.focus) {
                resp.request_focus();
            }
            let valid = check_text(&p.text);
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if let Err(e) = &valid
                && !p.text.is_empty()
            {
                ui.colored_label(ERROR, e);
            }
            ui.horizontal(|ui| {
                let ok = ui.add_enabled(valid.is_ok(), egui::Button::new("Add"));
                if (ok.clicked() || enter) && valid.is_ok() {
                    let mut shape = p.shape.clone();
                    shape.set_text(p.text.trim_end().to_owned());
                    answer = Answer::Done(shape);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    answer = Answer::Cancel;
                }
            });
        });
    answer
}

/// The range-ring prompt.
#[derive(Debug)]
pub struct RingPrompt {
    /// A coordinate in any accepted form or a place name.
    pub centre: String,
    pub radii: String,
    pub label: String,
    pub error: Option<String>,
    focus: bool,
}

impl RingPrompt {
    /// Around `centre` (a clicked point) or empty for the user to type one.
    pub fn new(centre: Option<Point>) -> Self {
        Self {
            centre: centre.map_or(String::new(), |c| format!("{:.5}, {:.5}", c[1], c[0])),
            radii: "25, 50, 100".into(),
            label: String::new(),
            error: None,
            focus: true,
        }
    }

    /// The rings these texts describe, or what is wrong with them.
    pub fn shape(&self, index: &SearchIndex) -> Result<Shape, String> {
        let target = go_to(&self.centre, index).map_err(|e| format!("Centre: {e}"))?;
        let radii = parse_radii(&self.radii).map_err(|e| format!("Radii: {e}"))?;
        let at = target.at();
        let label = match self.label.trim() {
            "" => match &target {
                atlas_core::goto::GoTo::Place { hit, .. } => Some(hit.name.clone()),
                _ => None,
            },
            l => Some(l.to_owned()),
        };
        Ok(Shape::Ring {
            centre: [at.lon(), at.lat()],
            radii_km: radii,
            label,
        })
    }
}

/// Draw the range-ring prompt; `Done` carries the rings.
pub fn ring_prompt(ctx: &egui::Context, p: &mut RingPrompt, index: &SearchIndex) -> Answer<Shape> {
    let mut answer = Answer::Pending;
    let mut add = false;
    egui::Window::new("Range rings")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            egui::Grid::new("ring_fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let l = ui.label("Centre");
                    let c = ui
                        .add(egui::TextEdit::singleline(&mut p.centre).desired_width(260.0))
                        .labelled_by(l.id);
                    // The first empty field gets the keyboard: the centre, else the radii.
                    if p.focus && p.centre.trim().is_empty() {
                        p.focus = false;
                        c.request_focus();
                    }
                    ui.end_row();
                    let l = ui.label("Radii, km");
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut p.radii).desired_width(260.0))
                        .labelled_by(l.id);
                    if std::mem::take(&mut p.focus) {
                        r.request_focus();
                    }
                    add |= r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.end_row();
                    let l = ui.label("Label");
                    ui.add(
                        egui::TextEdit::singleline(&mut p.label).hint_text("(the place's name)"),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
            ui.weak("Centre: a coordinate (33.0006, 70.0712, DMS or MGRS) or a place name");
            if let Some(e) = &p.error {
                ui.colored_label(ERROR, e);
            }
            ui.horizontal(|ui| {
                add |= ui.button("Add rings").clicked();
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    answer = Answer::Cancel;
                }
            });
        });
    if add {
        match p.shape(index) {
            Ok(shape) => answer = Answer::Done(shape),
            Err(e) => p.error = Some(e),
        }
    }
    answer
}

/// What the user did in the selected annotation's panel.
pub enum PanelEdit {
    None,
    Update(Annotation),
    Delete,
    Close,
}

/// The editing panel of the selected annotation. `radii` is the radii field's text (kept
/// while the user types an unfinished list).
/// It first opens with its top right at `at` (the map's top right corner).
pub fn edit_panel(
    ctx: &egui::Context,
    a: &Annotation,
    radii: &mut String,
    at: egui::Pos2,
) -> PanelEdit {
    let mut out = PanelEdit::None;
    let mut next = a.clone();
    let mut open = true;
    egui::Window::new("Annotation")
        .id(egui::Id::unique("annotation_panel"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(at)
        .show(ctx, |ui| {
            ui.strong(a.shape.kind_label());
            edit_text(ui, &mut next, radii);
            edit_style(ui, &mut next);
            ui.horizontal(|ui| {
                if ui.button("Delete").on_hover_text("Delete (Del)").clicked() {
                    out = PanelEdit::Delete;
                }
                ui.weak("Drag it on the map to move it");
            });
        });
    if !open {
        return PanelEdit::Close;
    }
    if matches!(out, PanelEdit::None) && next != *a {
        out = PanelEdit::Update(next);
    }
    out
}

fn edit_text(ui: &mut egui::Ui, a: &mut Annotation, radii: &mut String) {
    if let Shape::Ring { radii_km, .. } = &mut a.shape {
        let l = ui.label("Radii, km");
        let r = ui.text_edit_singleline(radii).labelled_by(l.id);
        match parse_radii(radii) {
            Ok(v) => {
                if r.changed() {
                    *radii_km = v;
                }
            }
            Err(e) => {
                ui.colored_label(ERROR, e);
            }
        }
    }
    let Some(current) = a.shape.text().map(str::to_owned) else {
        if matches!(a.shape, Shape::Ring { .. }) {
            let mut t = String::new();
            let l = ui.label("Label");
            if ui.text_edit_singleline(&mut t).labelled_by(l.id).changed() {
                a.shape.set_text(t);
            }
        }
        return;
    };
    let mut t = current.clone();
    let l = ui.label(if matches!(a.shape, Shape::Ring { .. }) {
        "Label"
    } else {
        "Text"
    });
    let resp = ui
        .add(
            egui::TextEdit::multiline(&mut t)
                .desired_rows(2)
                .desired_width(260.0),
        )
        .labelled_by(l.id);
    match check_text(&t) {
        Ok(()) if resp.changed() => a.shape.set_text(t),
        Err(e) if matches!(a.shape, Shape::Text { .. } | Shape::Callout { .. }) => {
            ui.colored_label(ERROR, format!("{e}: the last text is kept"));
        }
        // A ring's label may be cleared.
        Err(_) if resp.changed() => a.shape.set_text(t),
        _ => {}
    }
}

fn edit_style(ui: &mut egui::Ui, a: &mut Annotation) {
    ui.horizontal(|ui| {
        ui.label("Colour");
        let mut c = a.style.color.0;
        if ui.color_edit_button_srgb(&mut c).changed() {
            a.style.color = Rgb(c);
        }
        ui.weak(a.style.color.hex());
    });
    if a.shape.text().is_some() || matches!(a.shape, Shape::Text { .. } | Shape::Callout { .. }) {
        ui.add(
            egui::Slider::new(&mut a.style.text_size, TEXT_SIZES)
                .text("Text size")
                .suffix(" pt"),
        );
    }
    if !matches!(a.shape, Shape::Text { .. }) {
        ui.add(
            egui::Slider::new(&mut a.style.line_width, LINE_WIDTHS)
                .text("Line width")
                .suffix(" pt"),
        );
    }
}
