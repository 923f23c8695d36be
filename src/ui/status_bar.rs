//! Status bar: cursor position, zoom and map scale.

use crate::scene::scale::{metres_per_point, nice_scale};
use crate::state::ViewState;

pub fn show(ui: &mut egui::Ui, view: &ViewState, diagnostics: usize) {
    ui.horizontal(|ui| {
        match view.cursor {
            Some((lon, lat)) => ui.monospace(format!(
                "{:>8.4}°{}, {:>8.4}°{}",
                lat.abs(),
                if lat >= 0.0 { 'N' } else { 'S' },
                lon.abs(),
                if lon >= 0.0 { 'E' } else { 'W' }
            )),
            None => ui.monospace("—"),
        };
        ui.separator();
        let zoom = view.memory.zoom();
        ui.label(format!("zoom {zoom:.1}"));
        ui.separator();
        let lat = view
            .memory
            .detached()
            .map(|p| p.y())
            .unwrap_or(crate::state::START_CENTER.1);
        let (km, _) = nice_scale(lat, zoom, 120.0);
        ui.label(format!(
            "scale ≈ 1:{:.0}  ({} km bar)",
            metres_per_point(lat, zoom) / 0.000_264_6,
            km
        ));
        if diagnostics > 0 {
            ui.separator();
            ui.colored_label(
                egui::Color32::from_rgb(200, 80, 0),
                format!("{diagnostics} data problem(s): see Details"),
            );
        }
    });
}
