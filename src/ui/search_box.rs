//! The search box in the top bar: results drop down as you type (best first), Up/Down move
//! through them, Enter or a click picks one, Esc closes the list; Ctrl+F focuses it.

use atlas_core::search::{SearchHit, SearchIndex, result_label};
use egui::{Id, Key, Modifiers};

/// Results listed at most.
pub const MAX_RESULTS: usize = 10;

/// What the search box remembers between frames.
#[derive(Debug, Default)]
pub struct SearchBox {
    pub text: String,
    /// Results for `text`, best first.
    pub hits: Vec<SearchHit>,
    /// The highlighted result.
    pub cursor: usize,
    /// The result list is showing.
    pub open: bool,
    /// Where the list was drawn last frame (a press there keeps it open).
    list_rect: Option<egui::Rect>,
}

/// The text field's id (for focusing it).
pub fn field_id() -> Id {
    Id::unique("search_box")
}

/// Give the search box the keyboard (Ctrl+F).
pub fn focus(ctx: &egui::Context) {
    ctx.memory_mut(|m| m.request_focus(field_id()));
}

/// Draw the box and its result list; returns the result picked this frame.
pub fn show(ui: &mut egui::Ui, state: &mut SearchBox, index: &SearchIndex) -> Option<SearchHit> {
    let id = field_id();
    if ui.memory(|m| m.has_focus(id)) {
        move_cursor(ui, state);
    }
    let label = ui.label("Search");
    let edit = egui::TextEdit::singleline(&mut state.text)
        .id(id)
        .hint_text("place, group or finding (Ctrl+F)")
        .desired_width(220.0);
    let resp = ui.add(edit).labelled_by(label.id);
    if resp.changed() {
        state.hits = index.search(&state.text, MAX_RESULTS);
        state.cursor = 0;
        state.open = true;
    }
    if resp.gained_focus() && !state.hits.is_empty() {
        state.open = true;
    }
    let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    let mut picked = enter
        .then(|| state.hits.get(state.cursor).cloned())
        .flatten();
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let over_list = pointer.is_some_and(|p| state.list_rect.is_some_and(|r| r.contains(p)));
    let pressed_away = ui.input(|i| i.pointer.any_pressed()) && !over_list && !resp.hovered();
    if (resp.lost_focus() && !over_list) || pressed_away {
        state.open = false;
    }
    if state.open && !state.hits.is_empty() && picked.is_none() {
        picked = list(ui, state, resp.rect);
    } else {
        state.list_rect = None;
    }
    if let Some(hit) = &picked {
        state.open = false;
        state.text = hit.name.clone();
        state.hits.clear();
        ui.memory_mut(|m| m.surrender_focus(id));
    }
    picked
}

/// Up / Down move the highlight; Esc closes the list (keys consumed).
fn move_cursor(ui: &mut egui::Ui, state: &mut SearchBox) {
    let n = state.hits.len();
    if !state.open || n == 0 {
        return;
    }
    let (down, up, esc) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    if down {
        state.cursor = (state.cursor + 1) % n;
    }
    if up {
        state.cursor = (state.cursor + n - 1) % n;
    }
    if esc {
        state.open = false;
    }
}

/// The result list under the field; returns the result clicked.
fn list(ui: &egui::Ui, state: &mut SearchBox, field: egui::Rect) -> Option<SearchHit> {
    let mut picked = None;
    let area = egui::Area::new(field_id().with("results"))
        .order(egui::Order::Foreground)
        .fixed_pos(field.left_bottom())
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(field.width());
                for (i, hit) in state.hits.iter().enumerate() {
                    let r = ui.selectable_label(i == state.cursor, result_label(hit));
                    if r.clicked() {
                        picked = Some(hit.clone());
                    }
                }
            });
        });
    state.list_rect = Some(area.response.rect);
    picked
}
