//! Layer panel: the project's layers top first — a visibility toggle, an opacity slider and
//! move up/down per layer, and a toggle per group under group presence. It changes the
//! project only through [`Edit`]s.

use atlas_core::project::{Edit, LayerDef, LayerKind, Project};

/// Draw the layer list; returns the edits the user made. `groups` are the report's groups
/// (id, short name, colour) for the group-presence sub-layers.
pub fn show(
    ui: &mut egui::Ui,
    project: &Project,
    groups: &[(String, String, egui::Color32)],
    synthetic: &dyn Fn(&str) -> bool,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    ui.heading("Layers");
    let n = project.layers.len();
    for (i, l) in project.layers.iter().enumerate().rev() {
        ui.push_id(&l.id, |ui| {
            layer_row(ui, project, l, i, n, synthetic, &mut edits);
            if l.kind == LayerKind::GroupPresence && l.style.visible {
                group_toggles(ui, l, groups, &mut edits);
            }
        });
    }
    edits
}

fn layer_row(
    ui: &mut egui::Ui,
    project: &Project,
    l: &LayerDef,
    i: usize,
    n: usize,
    synthetic: &dyn Fn(&str) -> bool,
    edits: &mut Vec<Edit>,
) {
    let label = project.layer_label(l);
    ui.horizontal(|ui| {
        let mut visible = l.style.visible;
        if ui.checkbox(&mut visible, &label).changed() {
            edits.push(Edit::SetVisible {
                layer: l.id.clone(),
                visible,
            });
        }
        if l.source.as_deref().is_some_and(synthetic) {
            ui.label(
                egui::RichText::new("SYNTHETIC")
                    .small()
                    .color(super::density_legend::WARNING_RED),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(i > 0, egui::Button::new("⏷").small())
                .on_hover_text("Move down (drawn earlier)")
                .clicked()
            {
                edits.push(Edit::MoveLayer {
                    layer: l.id.clone(),
                    to: i - 1,
                });
            }
            if ui
                .add_enabled(i + 1 < n, egui::Button::new("⏶").small())
                .on_hover_text("Move up (drawn later, on top)")
                .clicked()
            {
                edits.push(Edit::MoveLayer {
                    layer: l.id.clone(),
                    to: i + 1,
                });
            }
        });
    });
    ui.add_enabled_ui(l.style.visible, |ui| {
        let mut opacity = l.style.opacity;
        let slider = egui::Slider::new(&mut opacity, 0.0..=1.0)
            .show_value(false)
            .text(format!("{label} opacity"));
        if ui.add(slider).changed() {
            edits.push(Edit::SetOpacity {
                layer: l.id.clone(),
                opacity,
            });
        }
    });
}

/// One toggle per group, indented under "Group presence".
fn group_toggles(
    ui: &mut egui::Ui,
    l: &LayerDef,
    groups: &[(String, String, egui::Color32)],
    edits: &mut Vec<Edit>,
) {
    ui.indent("groups", |ui| {
        for (id, short, colour) in groups {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(r, 2.0, *colour);
                let mut on = !l.style.hidden_groups.contains(id);
                if ui.checkbox(&mut on, short.as_str()).changed() {
                    let mut groups = l.style.hidden_groups.clone();
                    if on {
                        groups.remove(id);
                    } else {
                        groups.insert(id.clone());
                    }
                    edits.push(Edit::SetHiddenGroups {
                        layer: l.id.clone(),
                        groups,
                    });
                }
            });
        }
    });
}
