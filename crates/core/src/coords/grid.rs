//! MGRS text to and from positions, through the `mgrs-convert` crate, with messages that say
//! which part of a reference is wrong.

use mgrs_convert::{Error, Mgrs, ParseErrorKind, Precision};

use super::{CoordError, LatLon};

/// Whether `compact` (whitespace removed) is shaped like an MGRS reference: a UTM zone,
/// band and two square letters (`42SXB…`) or a polar zone letter and two square letters
/// with digits (`ZGC…`), then only letters and digits (so `34DEG31…` and `33.5N…` are not).
pub(crate) fn looks_like_mgrs(compact: &str) -> bool {
    let b = compact.as_bytes();
    let zone_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let letters = b[zone_digits..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let head = &compact[zone_digits..zone_digits + letters];
    let rest_alnum = b.iter().all(u8::is_ascii_alphanumeric);
    let shaped = match zone_digits {
        1 | 2 => letters == 3 && !head.eq_ignore_ascii_case("deg"),
        0 => {
            letters == 3
                && matches!(b[0].to_ascii_uppercase(), b'A' | b'B' | b'Y' | b'Z')
                && b.len() > 3
        }
        _ => false,
    };
    shaped && rest_alnum
}

/// Parse an MGRS reference, with or without spaces (`42SXB0006551861`,
/// `42S XB 00065 51861`), to the centre of the cell it names.
pub fn parse_mgrs(text: &str) -> Result<LatLon, CoordError> {
    let compact: String = text.split_whitespace().collect::<String>().to_uppercase();
    if compact.is_empty() {
        return Err(CoordError::Empty);
    }
    let cell: Mgrs = compact.parse().map_err(|e| explain(&compact, e))?;
    let c = cell.to_latlon();
    LatLon::new(c.lat(), c.lon())
}

/// Turn the crate's error into a message about the reference's parts.
fn explain(compact: &str, e: Error) -> CoordError {
    let zone_len = compact.bytes().take_while(u8::is_ascii_digit).count();
    let (zone, rest) = compact.split_at(zone_len);
    let band = rest.chars().next().unwrap_or('?');
    let square: String = rest.chars().skip(1).take(2).collect();
    let digits: String = rest.chars().skip(3).collect();
    match e {
        Error::Parse(kind) => match kind {
            ParseErrorKind::BadZoneNumber => CoordError::MgrsZone(zone.to_owned()),
            ParseErrorKind::BadBandLetter => CoordError::MgrsBand(band),
            ParseErrorKind::GridZoneOnly => CoordError::MgrsZoneOnly(compact.to_owned()),
            ParseErrorKind::BadSquareLetters
            | ParseErrorKind::SquareZoneMismatch
            | ParseErrorKind::SquareBandMismatch => CoordError::MgrsSquare {
                square,
                zone: format!("{zone}{band}"),
            },
            ParseErrorKind::OddDigitCount => CoordError::MgrsOddDigits(digits),
            ParseErrorKind::TooManyDigits => CoordError::MgrsTooManyDigits(digits),
            ParseErrorKind::TrailingInput => CoordError::MgrsTrailing(compact.to_owned()),
            other => CoordError::Mgrs {
                text: compact.to_owned(),
                reason: other.to_string(),
            },
        },
        other => CoordError::Mgrs {
            text: compact.to_owned(),
            reason: other.to_string(),
        },
    }
}

/// MGRS to 1 m, no spaces: `42SXB0006551861` (the 1 m cell containing the position).
pub fn format_mgrs(p: LatLon) -> String {
    match mgrs_convert::LatLon::new(p.lat(), p.lon()) {
        Ok(ll) => ll.to_mgrs(Precision::ONE_METER).to_string(),
        // A `LatLon` is always in range, so this cannot happen; say so rather than panic.
        Err(e) => format!("(no MGRS: {e})"),
    }
}

/// MGRS to 1 m with spaces between its parts, for display: `42S XB 00065 51861`.
pub fn format_mgrs_spaced(p: LatLon) -> String {
    let s = format_mgrs(p);
    let zone_len = s.bytes().take_while(u8::is_ascii_digit).count();
    let head = zone_len + 1;
    if s.len() != head + 2 + 10 {
        return s;
    }
    let (gzd, rest) = s.split_at(head);
    let (square, digits) = rest.split_at(2);
    let (e, n) = digits.split_at(5);
    format!("{gzd} {square} {e} {n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(looks_like_mgrs("42SXB0006551861"));
        assert!(looks_like_mgrs("4QFJ"));
        assert!(looks_like_mgrs("42SXB00065X51861"));
        assert!(!looks_like_mgrs("34DEG31MIN41SECN69DEG10MIN20SECE"));
        assert!(!looks_like_mgrs("34DEG31MIN41.2SECN,69DEG"));
        assert!(!looks_like_mgrs("42SX"));
        assert!(!looks_like_mgrs("33NORTH70EAST"));
        assert!(looks_like_mgrs("ZGC1234"));
        assert!(!looks_like_mgrs("ZGC"));
        assert!(!looks_like_mgrs("QGC12"));
        assert!(!looks_like_mgrs("33.00059N70.07117E"));
        assert!(!looks_like_mgrs("33N70E"));
        assert!(!looks_like_mgrs("123ABC"));
        assert!(!looks_like_mgrs(""));
    }

    #[test]
    fn spaced_and_compact() {
        let p = LatLon::new(33.00059, 70.07117).unwrap();
        assert_eq!(format_mgrs(p), "42SXB0006551861");
        assert_eq!(format_mgrs_spaced(p), "42S XB 00065 51861");
        let q = LatLon::new(84.5, 10.0).unwrap();
        assert_eq!(format_mgrs_spaced(q).split(' ').count(), 4);
    }

    #[test]
    fn messages_name_the_part() {
        let err = |s: &str| parse_mgrs(s).unwrap_err().to_string();
        assert_eq!(
            err("42SAB0006551861"),
            "MGRS square AB does not exist in zone 42S"
        );
        assert_eq!(
            err("61SXB0006551861"),
            "MGRS zone 61 out of range (1 to 60)"
        );
        assert!(err("42IXB0006551861").starts_with("MGRS latitude band I does not exist"));
        assert!(err("42SXB000655186").starts_with("MGRS digits `000655186` are odd"));
        assert!(err("42S").contains("grid zone only"), "{}", err("42S"));
        assert!(err("42SXB00065X51861").contains("unexpected character"));
        assert!(err(&format!("42SXB{}", "1".repeat(24))).contains("at most 11"));
        assert_eq!(parse_mgrs("  "), Err(CoordError::Empty));
    }
}
