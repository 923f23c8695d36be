//! The coordinate parse table: every accepted way of writing a position, and bad inputs
//! with the message each gets.

use atlas_core::coords::{CoordFormat, parse};

/// Miran Shah in decimal degrees.
const MS: (f64, f64) = (33.00059, 70.07117);
/// 34°31'41.2"N 69°10'20.3"E in decimal degrees.
const KABUL: (f64, f64) = (
    34.0 + 31.0 / 60.0 + 41.2 / 3600.0,
    69.0 + 10.0 / 60.0 + 20.3 / 3600.0,
);

/// (text, lat, lon, form).
const GOOD: &[(&str, f64, f64, CoordFormat)] = &[
    ("33.00059, 70.07117", MS.0, MS.1, CoordFormat::Decimal),
    ("33.00059 70.07117", MS.0, MS.1, CoordFormat::Decimal),
    ("  33.00059,70.07117  ", MS.0, MS.1, CoordFormat::Decimal),
    ("33.00059; 70.07117", MS.0, MS.1, CoordFormat::Decimal),
    ("33.00059N 70.07117E", MS.0, MS.1, CoordFormat::Decimal),
    ("33.00059 N, 70.07117 E", MS.0, MS.1, CoordFormat::Decimal),
    ("N33.00059 E70.07117", MS.0, MS.1, CoordFormat::Decimal),
    ("70.07117E 33.00059N", MS.0, MS.1, CoordFormat::Decimal),
    ("70.07117 E, 33.00059 N", MS.0, MS.1, CoordFormat::Decimal),
    ("E 70.07117 N 33.00059", MS.0, MS.1, CoordFormat::Decimal),
    ("70.07117E, 33.00059", MS.0, MS.1, CoordFormat::Decimal),
    ("33.00059, 70.07117E", MS.0, MS.1, CoordFormat::Decimal),
    ("33.00059°N 70.07117°E", MS.0, MS.1, CoordFormat::Decimal),
    ("-33.5, -70.25", -33.5, -70.25, CoordFormat::Decimal),
    ("−33.5, −70.25", -33.5, -70.25, CoordFormat::Decimal),
    ("33.5S 70.25W", -33.5, -70.25, CoordFormat::Decimal),
    ("+33.5 +70.25", 33.5, 70.25, CoordFormat::Decimal),
    ("33 70", 33.0, 70.0, CoordFormat::Decimal),
    ("north 33.5 east 70.25", 33.5, 70.25, CoordFormat::Decimal),
    (
        "34°31'41.2\"N 69°10'20.3\"E",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34°31′41.2″N 69°10′20.3″E",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34º31’41.2”N, 69º10’20.3”E",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34°31'41.2''N 69°10'20.3''E",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34d 31m 41.2s N 69d 10m 20.3s E",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34d31m41.2sN 69d10m20.3sE",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34 deg 31 min 41.2 sec N, 69 deg 10 min 20.3 sec E",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34 deg 31 min 41 sec N 69 deg 10 min 20 sec E",
        34.0 + 31.0 / 60.0 + 41.0 / 3600.0,
        69.0 + 10.0 / 60.0 + 20.0 / 3600.0,
        CoordFormat::Dms,
    ),
    (
        "34 31 41.2 N 69 10 20.3 E",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "N34 31 41.2 E69 10 20.3",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "69°10'20.3\"E 34°31'41.2\"N",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34°31'41.2\" 69°10'20.3\"",
        KABUL.0,
        KABUL.1,
        CoordFormat::Dms,
    ),
    ("34 31 41.2 69 10 20.3", KABUL.0, KABUL.1, CoordFormat::Dms),
    (
        "34 31.5 69 10.25",
        34.525,
        69.0 + 10.25 / 60.0,
        CoordFormat::Dms,
    ),
    (
        "34°31.5'N 69°10.25'E",
        34.525,
        69.0 + 10.25 / 60.0,
        CoordFormat::Dms,
    ),
    (
        "-34 31 41.2, -69 10 20.3",
        -KABUL.0,
        -KABUL.1,
        CoordFormat::Dms,
    ),
    (
        "34°31'41.2\"S 69°10'20.3\"W",
        -KABUL.0,
        -KABUL.1,
        CoordFormat::Dms,
    ),
    ("90, 180", 90.0, 180.0, CoordFormat::Decimal),
    ("-90 -180", -90.0, -180.0, CoordFormat::Decimal),
];

/// MGRS inputs that must give the same position as `42SXB0006551861`.
const MGRS_FORMS: &[&str] = &[
    "42SXB0006551861",
    "42S XB 00065 51861",
    "42sxb0006551861",
    " 42S XB 0006551861 ",
    "42SXB 00065 51861",
];

/// (text, the message). The MGRS squares rejected here are rejected by GeoConvert too.
const BAD: &[(&str, &str)] = &[
    ("", "empty coordinate"),
    ("   ", "empty coordinate"),
    (
        "95, 70",
        "latitude 95 out of range (-90 to 90); write latitude first, or mark the hemispheres (70.07E 33.00N)",
    ),
    ("95N 70E", "latitude 95 out of range (-90 to 90)"),
    ("33, 190", "longitude 190 out of range (-180 to 180)"),
    ("33N 190E", "longitude 190 out of range (-180 to 180)"),
    (
        "33N 70N",
        "both values are latitudes (N/S): give one latitude (N/S) and one longitude (E/W)",
    ),
    (
        "70E 33W",
        "both values are longitudes (E/W): give one latitude (N/S) and one longitude (E/W)",
    ),
    (
        "33.00059",
        "expected a latitude and a longitude, found 1 value(s): write e.g. `33.00059, 70.07117`, `34°31'41.2\"N 69°10'20.3\"E` or `42SXB0006551861`",
    ),
    (
        "33, 70, 12",
        "expected a latitude and a longitude, found 3 value(s): write e.g. `33.00059, 70.07117`, `34°31'41.2\"N 69°10'20.3\"E` or `42SXB0006551861`",
    ),
    (
        "33,",
        "expected a latitude and a longitude, found 1 value(s): write e.g. `33.00059, 70.07117`, `34°31'41.2\"N 69°10'20.3\"E` or `42SXB0006551861`",
    ),
    (
        "33 70 12",
        "3 numbers without units or hemispheres: expected 2 (decimal degrees), 4 (degrees minutes) or 6 (degrees minutes seconds)",
    ),
    (
        "34°61'00\"N 69°10'20\"E",
        "minutes 61 out of range (0 to less than 60)",
    ),
    (
        "34°31'60\"N 69°10'20\"E",
        "seconds 60 out of range (0 to less than 60)",
    ),
    (
        "34.5°31'N 69°10'E",
        "only the last part of a degrees-minutes-seconds value may have decimals: `34.5° 31' N`",
    ),
    (
        "-34°31'N 69°10'E",
        "a sign and a hemisphere letter together in `-34° 31' N`: use one",
    ),
    (
        "34°-31' 69°10'",
        "only degrees may carry a sign: `34° -31'`",
    ),
    (
        "34 31 41 12 N 69 E",
        "too many numbers in `34 31 41 12 N`: at most degrees, minutes and seconds",
    ),
    (
        "31' 69°",
        "unit `minutes` out of order in `31'`: write degrees, then minutes, then seconds",
    ),
    ("33 x 70", "unexpected `x` at character 4"),
    ("Kabul", "unexpected `K` at character 1"),
    (
        "33 N 3 S 70 E",
        "expected a latitude and a longitude, found 3 value(s): write e.g. `33.00059, 70.07117`, `34°31'41.2\"N 69°10'20.3\"E` or `42SXB0006551861`",
    ),
    (
        "42SAB0006551861",
        "MGRS square AB does not exist in zone 42S",
    ),
    (
        "42SXZ0006551861",
        "MGRS square XZ does not exist in zone 42S",
    ),
    // GeoConvert 2.1.2: "Block XL not in zone/band 42S" (rows A–K exist in 42S, column X).
    (
        "42S XL 00065 51861",
        "MGRS square XL does not exist in zone 42S",
    ),
    (
        "42SXV0006551861",
        "MGRS square XV does not exist in zone 42S",
    ),
    ("61SXB0006551861", "MGRS zone 61 out of range (1 to 60)"),
    (
        "42IXB0006551861",
        "MGRS latitude band I does not exist (C to X, without I and O)",
    ),
    (
        "42SXB000655186",
        "MGRS digits `000655186` are odd in number: easting and northing need the same count (e.g. 00065 51861)",
    ),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn accepted_forms() {
    for &(text, lat, lon, format) in GOOD {
        let p = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!(
            close(p.at.lat(), lat) && close(p.at.lon(), lon),
            "{text:?} → {:?}, want {lat} {lon}",
            p.at
        );
        assert_eq!(p.format, format, "{text:?}");
    }
}

#[test]
fn mgrs_with_or_without_spaces() {
    let want = parse(MGRS_FORMS[0]).expect("reference").at;
    for text in MGRS_FORMS {
        let p = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(p.format, CoordFormat::Mgrs, "{text:?}");
        assert_eq!(p.at, want, "{text:?}");
    }
    assert!((want.lat() - MS.0).abs() < 1e-5 && (want.lon() - MS.1).abs() < 1e-5);
}

#[test]
fn bad_inputs_say_what_is_wrong() {
    for &(text, msg) in BAD {
        match parse(text) {
            Ok(p) => panic!("{text:?} parsed as {p:?}"),
            Err(e) => assert_eq!(e.to_string(), msg, "{text:?}"),
        }
    }
}
