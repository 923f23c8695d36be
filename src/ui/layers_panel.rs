//! Layer panel: a visibility toggle and an opacity slider per layer.

use crate::state::{LayerId, LayerSettings};

/// Draw the layer list; returns true when anything changed. `groups` are the report's groups
/// (id, short name, colour) for the group-presence sub-layers; `incidents` names the loaded
/// incident data (and whether it is synthetic) beside the density layers.
pub fn show(
    ui: &mut egui::Ui,
    layers: &mut LayerSettings,
    groups: &[(String, String, egui::Color32)],
    incidents: Option<(&str, bool)>,
) -> bool {
    let mut changed = false;
    ui.heading("Layers");
    for id in LayerId::ALL.iter().rev() {
        let style = layers.get_mut(*id);
        ui.horizontal(|ui| {
            changed |= ui.checkbox(&mut style.visible, id.label()).changed();
            if let Some((name, synthetic)) =
                incidents.filter(|_| crate::density::DENSITY_LAYERS.contains(id))
            {
                let text = egui::RichText::new(format!("({name})")).small();
                if synthetic {
                    ui.label(text.color(super::density_legend::WARNING_RED));
                } else {
                    ui.label(text.weak());
                }
            }
        });
        ui.add_enabled_ui(style.visible, |ui| {
            let slider = egui::Slider::new(&mut style.opacity, 0.0..=1.0)
                .show_value(false)
                .text(format!("{} opacity", id.label()));
            changed |= ui.add(slider).changed();
        });
        if *id == LayerId::GroupPresence && style.visible {
            changed |= group_toggles(ui, &mut layers.hidden_groups, groups);
        }
    }
    changed
}

/// One toggle per group, indented under "Group presence".
fn group_toggles(
    ui: &mut egui::Ui,
    hidden: &mut std::collections::BTreeSet<String>,
    groups: &[(String, String, egui::Color32)],
) -> bool {
    let mut changed = false;
    ui.indent("groups", |ui| {
        for (id, short, colour) in groups {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(r, 2.0, *colour);
                let mut on = !hidden.contains(id);
                if ui.checkbox(&mut on, short.as_str()).changed() {
                    changed = true;
                    if on {
                        hidden.remove(id);
                    } else {
                        hidden.insert(id.clone());
                    }
                }
            });
        }
    });
    changed
}
