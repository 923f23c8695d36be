//! Degrees, minutes and seconds text of a position.

use super::LatLon;

/// Degrees, minutes and seconds to 0.01″ (≤ 0.3 m), hemisphere letters after each value:
/// `33°00'02.12"N 70°04'16.21"E`.
pub fn format_dms(p: LatLon) -> String {
    format!(
        "{} {}",
        dms_part(p.lat(), 'N', 'S'),
        dms_part(p.lon(), 'E', 'W')
    )
}

/// `d°mm'ss.ss"H` of one value, rounded to hundredths of a second (so 59.999″ carries into
/// the next minute); a value that rounds to zero takes the positive letter.
fn dms_part(degrees: f64, positive: char, negative: char) -> String {
    let hundredths = (degrees.abs() * 360_000.0).round() as u64;
    let hemi = if degrees < 0.0 && hundredths > 0 {
        negative
    } else {
        positive
    };
    let d = hundredths / 360_000;
    let m = hundredths / 6_000 % 60;
    let s = hundredths % 6_000;
    format!("{d}°{m:02}'{:02}.{:02}\"{hemi}", s / 100, s % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dms(lat: f64, lon: f64) -> String {
        format_dms(LatLon::new(lat, lon).unwrap())
    }

    #[test]
    fn formats_with_hemispheres_and_carries() {
        assert_eq!(dms(33.00059, 70.07117), "33°00'02.12\"N 70°04'16.21\"E");
        assert_eq!(dms(-33.5, -70.25), "33°30'00.00\"S 70°15'00.00\"W");
        assert_eq!(dms(0.0, 180.0), "0°00'00.00\"N 180°00'00.00\"E");
        // 10°59'59.999" rounds to 11°00'00.00".
        assert_eq!(
            dms(10.0 + 59.0 / 60.0 + 59.999 / 3600.0, 0.0),
            "11°00'00.00\"N 0°00'00.00\"E"
        );
        assert_eq!(dms(-0.000_001, 5.000_002_8), "0°00'00.00\"N 5°00'00.01\"E");
    }
}
