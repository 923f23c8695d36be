//! Layer panel: a visibility toggle and an opacity slider per layer.

use crate::state::{LayerId, LayerSettings};

/// Draw the layer list; returns true when anything changed.
pub fn show(ui: &mut egui::Ui, layers: &mut LayerSettings) -> bool {
    let mut changed = false;
    ui.heading("Layers");
    for id in LayerId::ALL.iter().rev() {
        let style = layers.get_mut(*id);
        ui.horizontal(|ui| {
            changed |= ui.checkbox(&mut style.visible, id.label()).changed();
        });
        ui.add_enabled_ui(style.visible, |ui| {
            let slider = egui::Slider::new(&mut style.opacity, 0.0..=1.0)
                .show_value(false)
                .text(format!("{} opacity", id.label()));
            changed |= ui.add(slider).changed();
        });
    }
    changed
}
