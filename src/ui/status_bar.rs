//! Status bar: cursor position (decimal degrees, DMS or MGRS), zoom and map scale.

use atlas_core::coords::{CoordFormat, LatLon, format_as};

use crate::scene::scale::{metres_per_point, nice_scale};
use crate::state::ViewState;

/// The DD / DMS / MGRS switch, then the cursor position written that way (the switch first,
/// so it stays put while the position's width changes).
pub fn show(ui: &mut egui::Ui, view: &ViewState, format: &mut CoordFormat, diagnostics: usize) {
    ui.horizontal(|ui| {
        for f in CoordFormat::ALL {
            ui.selectable_value(format, f, f.short_name())
                .on_hover_text("How the cursor position is written");
        }
        ui.monospace(cursor_text(view.cursor, *format));
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

/// The pointer's position (lon, lat) in `format`, or a dash off the map.
pub fn cursor_text(cursor: Option<(f64, f64)>, format: CoordFormat) -> String {
    cursor
        .and_then(|(lon, lat)| LatLon::new(lat, wrap_lon(lon)).ok())
        .map_or_else(|| "—".to_owned(), |p| format_as(p, format))
}

/// A longitude brought into [-180, 180) (the map repeats east and west).
pub fn wrap_lon(lon: f64) -> f64 {
    if (-180.0..180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}
