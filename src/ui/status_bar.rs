//! Status bar: cursor position, zoom and map scale; plus a scale bar helper.

use crate::state::ViewState;

/// Metres per screen point at `lat` and `zoom` (Web Mercator, 256 px tiles).
pub fn metres_per_point(lat: f64, zoom: f64) -> f64 {
    const EARTH_CIRCUMFERENCE: f64 = 40_075_016.686;
    EARTH_CIRCUMFERENCE * lat.to_radians().cos() / (256.0 * 2f64.powf(zoom))
}

/// A "nice" scale bar length (1, 2 or 5 × 10^n km) that fits in `max_points`.
pub fn nice_scale(lat: f64, zoom: f64, max_points: f64) -> (f64, f64) {
    let mpp = metres_per_point(lat, zoom);
    let max_km = max_points * mpp / 1000.0;
    let mag = 10f64.powf(max_km.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .iter()
        .map(|f| f * mag)
        .find(|v| *v <= max_km)
        .unwrap_or(mag);
    (km, km * 1000.0 / mpp)
}

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
