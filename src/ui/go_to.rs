//! The Go to prompt (Ctrl+G): a coordinate in any accepted form or a place name; a text
//! that points nowhere shows why and changes nothing.

use atlas_core::goto::{GoTo, go_to};
use atlas_core::search::SearchIndex;
use egui::{Color32, Key};

/// What the prompt remembers between frames.
#[derive(Debug, Default)]
pub struct GoToPrompt {
    pub open: bool,
    pub text: String,
    /// Why the last text pointed nowhere.
    pub error: Option<String>,
    /// Give the field the keyboard next frame.
    focus: bool,
}

impl GoToPrompt {
    /// Open the prompt, empty, with its field focused.
    pub fn open(&mut self) {
        self.open = true;
        self.text.clear();
        self.focus = true;
        self.error = None;
    }
}

/// Draw the prompt if open; returns where to go when the user confirmed a text that points
/// somewhere (the prompt closes then).
pub fn show(ctx: &egui::Context, state: &mut GoToPrompt, index: &SearchIndex) -> Option<GoTo> {
    if !state.open {
        return None;
    }
    let mut open = true;
    let mut go = false;
    egui::Window::new("Go to")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            ui.label("A coordinate (33.0006, 70.0712 · 33°00'02\"N 70°04'16\"E · 42SXB0006551861) or a place name");
            let label = ui.label("Go to");
            let edit = egui::TextEdit::singleline(&mut state.text).desired_width(340.0);
            let resp = ui.add(edit).labelled_by(label.id);
            if std::mem::take(&mut state.focus) {
                resp.request_focus();
            }
            if resp.changed() {
                state.error = None;
            }
            go = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if let Some(e) = &state.error {
                ui.colored_label(Color32::from_rgb(200, 40, 30), e);
            }
            ui.horizontal(|ui| {
                go |= ui.button("Go").clicked();
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    state.open = false;
                }
            });
        });
    if !open {
        state.open = false;
    }
    if !go || !state.open {
        return None;
    }
    match go_to(&state.text, index) {
        Ok(target) => {
            state.open = false;
            state.error = None;
            Some(target)
        }
        Err(e) => {
            // Shown from the next frame: ask for it now, not at the next input.
            state.error = Some(e.to_string());
            state.focus = true;
            ctx.request_repaint();
            None
        }
    }
}
