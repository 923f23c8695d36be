//! Map scale at a latitude and zoom (Web Mercator): metres per point and round scale-bar lengths.

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
