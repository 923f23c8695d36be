//! Label text for measurements and range rings, shared by the window and exports:
//! `12.3 km, 045°`, `total 37.5 km`, `12,309 km²`, `50 km`.

/// A length: metres below 1 km (`850 m`), then km with 2, 1 or 0 decimals as it grows
/// (`2.35 km`, `12.3 km`, `1,234 km`).
pub fn distance_label(metres: f64) -> String {
    let m = metres.max(0.0);
    if m.round() < 1000.0 {
        return format!("{} m", m.round());
    }
    let km = m / 1000.0;
    if km < 9.995 {
        format!("{km:.2} km")
    } else if km < 99.95 {
        format!("{km:.1} km")
    } else {
        format!("{} km", thousands(km.round() as u64))
    }
}

/// A bearing in whole degrees, three digits: `045°` (359.6° is `000°`).
pub fn bearing_label(deg: f64) -> String {
    let d = (deg.rem_euclid(360.0).round() as u32) % 360;
    format!("{d:03}°")
}

/// One leg: `12.3 km, 045°`.
pub fn leg_label(metres: f64, bearing_deg: f64) -> String {
    format!("{}, {}", distance_label(metres), bearing_label(bearing_deg))
}

/// The whole path: `total 37.5 km`.
pub fn total_label(metres: f64) -> String {
    format!("total {}", distance_label(metres))
}

/// An area in km²: `0.45 km²`, `3.21 km²`, `45.6 km²`, `12,309 km²`.
pub fn area_label(m2: f64) -> String {
    let km2 = m2.max(0.0) / 1e6;
    if km2 < 9.995 {
        format!("{km2:.2} km²")
    } else if km2 < 99.95 {
        format!("{km2:.1} km²")
    } else {
        format!("{} km²", thousands(km2.round() as u64))
    }
}

/// A ring's radius as given, without trailing zeros: `50 km`, `12.5 km`, `0.25 km`.
pub fn ring_label(radius_km: f64) -> String {
    let s = format!("{:.3}", radius_km.max(0.0));
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s} km")
}

/// `12309` → `12,309`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance_label(0.0), "0 m");
        assert_eq!(distance_label(-3.0), "0 m");
        assert_eq!(distance_label(849.6), "850 m");
        assert_eq!(distance_label(999.4), "999 m");
        assert_eq!(distance_label(999.6), "1.00 km");
        assert_eq!(distance_label(2_345.0), "2.35 km");
        assert_eq!(distance_label(9_994.0), "9.99 km");
        assert_eq!(distance_label(9_996.0), "10.0 km");
        assert_eq!(distance_label(12_345.0), "12.3 km");
        assert_eq!(distance_label(99_940.0), "99.9 km");
        assert_eq!(distance_label(99_960.0), "100 km");
        assert_eq!(distance_label(1_234_400.0), "1,234 km");
        assert_eq!(distance_label(12_345_678.0), "12,346 km");
    }

    #[test]
    fn bearings_and_legs() {
        assert_eq!(bearing_label(45.0), "045°");
        assert_eq!(bearing_label(44.5), "045°");
        assert_eq!(bearing_label(44.4), "044°");
        assert_eq!(bearing_label(359.6), "000°");
        assert_eq!(bearing_label(-90.0), "270°");
        assert_eq!(bearing_label(180.0), "180°");
        assert_eq!(leg_label(12_300.0, 45.2), "12.3 km, 045°");
        assert_eq!(total_label(37_520.0), "total 37.5 km");
    }

    #[test]
    fn areas_and_rings() {
        assert_eq!(area_label(450_000.0), "0.45 km²");
        assert_eq!(area_label(9_996_000.0), "10.0 km²");
        assert_eq!(area_label(45_640_000.0), "45.6 km²");
        assert_eq!(area_label(12_308_778_361.0), "12,309 km²");
        assert_eq!(area_label(-1.0), "0.00 km²");
        assert_eq!(ring_label(50.0), "50 km");
        assert_eq!(ring_label(12.5), "12.5 km");
        assert_eq!(ring_label(0.25), "0.25 km");
        assert_eq!(ring_label(100.0), "100 km");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
