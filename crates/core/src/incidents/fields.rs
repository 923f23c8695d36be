//! Field parsers shared by the importers: coordinates, counts, precision codes.

/// Latitude and longitude from their text; missing, non-numeric, out-of-range and (0, 0)
/// ("Null Island", a common placeholder for a missing position) are errors.
pub(crate) fn coords(lat: &str, lon: &str) -> Result<(f64, f64), String> {
    let lat = number("latitude", lat)?;
    check_coords(number("longitude", lon)?, lat)
}

/// Range checks of [`coords`] on numbers.
pub(crate) fn check_coords(lon: f64, lat: f64) -> Result<(f64, f64), String> {
    if !lat.is_finite() || !lon.is_finite() {
        return Err("coordinates are not finite numbers".into());
    }
    if !(-90.0..=90.0).contains(&lat) {
        return Err(format!("latitude {lat} out of range [-90, 90]"));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(format!("longitude {lon} out of range [-180, 180]"));
    }
    if lat == 0.0 && lon == 0.0 {
        return Err("coordinates 0, 0 (missing position)".into());
    }
    Ok((lon, lat))
}

fn number(name: &str, s: &str) -> Result<f64, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(format!("missing {name}"));
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("{name} {t:?} is not a number")),
    }
}

/// A count such as fatalities: blank → `None`; negative (codebooks' -9/-99 "unknown") →
/// `None`; a whole number, also written "12.0" → `Some`; anything else is an error.
pub(crate) fn count(name: &str, s: &str) -> Result<Option<u32>, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(v) = t.parse::<u32>() {
        return Ok(Some(v));
    }
    match t.parse::<f64>() {
        Ok(v) if v < 0.0 => Ok(None),
        Ok(v) if v.fract() == 0.0 && v <= u32::MAX as f64 - 1.0 => Ok(Some(v as u32)),
        _ => Err(format!("{name} {t:?} is not a whole number")),
    }
}

/// A small integer code (precision codes): blank → `None`, otherwise must be one of `allowed`.
pub(crate) fn code(
    name: &str,
    s: &str,
    allowed: std::ops::RangeInclusive<u8>,
) -> Result<Option<u8>, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v = t
        .parse::<f64>()
        .ok()
        .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= 255.0);
    match v.map(|v| v as u8) {
        Some(c) if allowed.contains(&c) => Ok(Some(c)),
        _ => Err(format!(
            "{name} {t:?} is not one of {}..={}",
            allowed.start(),
            allowed.end()
        )),
    }
}
