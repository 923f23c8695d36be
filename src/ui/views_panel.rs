//! Saved views panel: add the current view, go to one (double-click, or keys 1–9), rename,
//! delete, reorder. Changes go to the project as [`Edit`]s.

use atlas_core::project::{Edit, Project, SavedView};

/// What the panel asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewAction {
    Edit(Edit),
    /// Go to the view at this index.
    GoTo(usize),
    /// Save the current map position as a new view.
    AddCurrent,
}

/// Panel state: the view being renamed and its text.
#[derive(Default)]
pub struct ViewsPanel {
    renaming: Option<(String, String)>,
}

pub fn show(ui: &mut egui::Ui, panel: &mut ViewsPanel, project: &Project) -> Vec<ViewAction> {
    let mut out = Vec::new();
    ui.heading("Saved views");
    if ui.button("Add current view").clicked() {
        out.push(ViewAction::AddCurrent);
    }
    let n = project.views.len();
    for (i, v) in project.views.iter().enumerate() {
        ui.push_id(("view", i), |ui| view_row(ui, panel, v, i, n, &mut out));
    }
    if n == 0 {
        ui.weak("No saved views yet.");
    } else {
        ui.weak("Double-click or press 1–9 to go to a view.");
    }
    out
}

fn view_row(
    ui: &mut egui::Ui,
    panel: &mut ViewsPanel,
    v: &SavedView,
    i: usize,
    n: usize,
    out: &mut Vec<ViewAction>,
) {
    ui.horizontal(|ui| {
        if let Some((name, text)) = panel.renaming.as_mut().filter(|(n, _)| *n == v.name) {
            let r = ui.add(egui::TextEdit::singleline(text).desired_width(120.0));
            let done = r.lost_focus() || ui.button("OK").clicked();
            if done {
                let to = text.trim().to_owned();
                if !to.is_empty() && to != *name {
                    out.push(ViewAction::Edit(Edit::RenameView {
                        from: name.clone(),
                        to,
                    }));
                }
                panel.renaming = None;
            }
            return;
        }
        let key = if i < 9 {
            format!("{} ", i + 1)
        } else {
            String::new()
        };
        let r = ui.add(egui::Button::selectable(false, format!("{key}{}", v.name)));
        if r.double_clicked() || r.clicked() {
            out.push(ViewAction::GoTo(i));
        }
        if ui.small_button("Rename").clicked() {
            panel.renaming = Some((v.name.clone(), v.name.clone()));
        }
        if ui
            .add_enabled(i > 0, egui::Button::new("⏶").small())
            .clicked()
        {
            out.push(ViewAction::Edit(Edit::MoveView {
                name: v.name.clone(),
                to: i - 1,
            }));
        }
        if ui
            .add_enabled(i + 1 < n, egui::Button::new("⏷").small())
            .clicked()
        {
            out.push(ViewAction::Edit(Edit::MoveView {
                name: v.name.clone(),
                to: i + 1,
            }));
        }
        if ui.small_button("Delete").clicked() {
            out.push(ViewAction::Edit(Edit::DeleteView {
                name: v.name.clone(),
            }));
        }
    });
}

/// A name for a new view: "View 1", "View 2", … whichever is free.
pub fn fresh_view_name(project: &Project) -> String {
    (1..)
        .map(|n| format!("View {n}"))
        .find(|n| project.view(n).is_none())
        .unwrap_or_else(|| "View".into())
}
