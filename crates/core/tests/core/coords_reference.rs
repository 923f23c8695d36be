//! MGRS, DMS and decimal formatting and parsing against published reference values.
//!
//! Source of every reference value: GeographicLib 2.1.2 `GeoConvert` (Debian bookworm package
//! `geographiclib-tools`), run as
//! - `GeoConvert -m -p 0` (lat lon → MGRS to 1 m) for `FORWARD`,
//! - `GeoConvert -g -p 3` (MGRS → lat lon of the cell centre, 8 decimals) for `REVERSE`,
//! - `GeoConvert -d -p 1` (lat lon → DMS to 0.01″) for `DMS`.
//!
//! `40.748333 -73.985278 → 18TWL8566411315` is also the worked example of the mgrs-convert
//! crate's documentation; `33.00059 70.07117 → 42SXB0006551861` is the example in the issue.
//! The points cover the equator (both sides), 180° (both sides), UTM zone edges (41/42),
//! band edges (R/S, V/W, W/X, C, X/UPS at 84°), the Norway exception (zone 32V for
//! 56–64°N, 3–12°E) and the Svalbard exceptions (31X, 33X, 35X, 37X for 72–84°N), and the
//! polar caps (UPS).

use atlas_core::coords::{
    CoordFormat, LatLon, format_dms, format_mgrs, format_mgrs_spaced, parse, parse_mgrs,
};
use atlas_core::geodesy::distance_m;

/// (lat, lon, MGRS to 1 m), from `GeoConvert -m -p 0`.
const FORWARD: &[(f64, f64, &str)] = &[
    (33.00059, 70.07117, "42SXB0006551861"), // Miran Shah
    (34.52811, 69.17231, "42SWD1581320727"), // Kabul
    (24.8607, 67.0011, "42RTN9803851004"),   // Karachi
    (30.1798, 66.975, "42RUU0502640441"),    // Quetta
    (34.008, 71.57849, "42SYC3812566041"),   // Peshawar
    (0.0, 0.0, "31NAA6602100000"),           // equator, prime meridian
    (-0.000001, 30.0, "36MSE6602199999"),    // just south of the equator
    (0.0, 180.0, "01NAA6602100000"),         // 180° is zone 1
    (0.0, -180.0, "01NAA6602100000"),
    (10.0, -179.99999, "01PAM7107206908"),
    (-10.0, 179.99999, "60LZP2892793091"),
    (30.0, 65.99999, "41RQP8940822575"), // zone 41 / 42 edge
    (30.0, 66.0, "42RTU1059022575"),
    (31.99999, 70.0, "42RWA9445740871"), // band R / S edge
    (32.0, 70.0, "42SWA9445740872"),
    (55.99999, 3.5, "31UEC3118306191"), // below the Norway exception
    (56.0, 3.5, "32VJH5717419738"),     // Norway: zone 32V
    (60.0, 3.0, "32VJM6564066593"),
    (63.99999, 8.0, "32VMR5108997396"), // band V / W edge
    (64.0, 8.0, "32WMR5108997397"),
    (71.99999, 8.0, "32WME6551089217"), // band W / X edge
    (72.0, 8.0, "31XFV7227596086"),     // Svalbard: 31X up to 9°E
    (75.0, 8.99999, "31XFD7306732368"),
    (75.0, 9.0, "33XUD2693132368"), // Svalbard: 33X from 9°E
    (78.0, 20.99999, "33XXG3902665496"),
    (78.0, 21.0, "35XLG6097365496"), // Svalbard: 35X from 21°E
    (78.0, 33.0, "37XCG6097365496"), // Svalbard: 37X from 33°E
    (80.0, 41.99999, "37XEJ5813283084"),
    (83.99999, 0.0, "31XDP6500529004"), // last of band X
    (84.0, 0.0, "ZAA0000033272"),       // UPS north
    (-80.0, 10.0, "32CNS1938418247"),   // band C, the southernmost
    (-80.00001, 10.0, "BBY9326196041"), // UPS south
    (-33.8688, 151.2093, "56HLH3436850948"),
    (40.748333, -73.985278, "18TWL8566411315"),
    (90.0, 0.0, "ZAH0000000000"),
    (-90.0, 0.0, "BAN0000000000"),
];

/// (MGRS, lat, lon of the cell centre), from `GeoConvert -g -p 3`.
const REVERSE: &[(&str, f64, f64)] = &[
    ("42SXB0006551861", 33.00058693, 70.07116501),
    ("42SWD1581320727", 34.52810757, 69.17231202),
    ("31NAA6602100000", 0.00000452, 0.00000051),
    ("36MSE6602199999", -0.00000452, 30.00000051),
    ("01NAA6602100000", 0.00000452, -179.99999949),
    ("32VJM6564066593", 59.99999949, 3.00000311),
    ("31XFV7227596086", 71.99999587, 8.00001194),
    ("33XUD2693132368", 74.99999575, 8.99999352),
    ("37XEJ5813283084", 79.99999579, 42.00001346),
    ("ZAA0000033272", 84.00000183, 0.00004297),
    ("BBY9326196041", -80.00001308, 9.99999045),
    ("56HLH3436850948", -33.86879859, 151.20929858),
    ("18TWL8566411315", 40.74833366, -73.98527351),
    ("42SXB", 32.97807253, 70.60524028),          // 100 km square
    ("42SXB00", 32.57748104, 70.11867470),        // 10 km
    ("42SXB0051", 32.99728665, 70.07577590),      // 1 km
    ("4QFJ12345678", 21.30947809, -157.91681891), // one-digit zone, 10 m
    ("33XVG74594359", 77.86550838, 13.91731047),
];

/// (lat, lon, DMS) from `GeoConvert -d -p 1`, with its `d` written `°` and leading zeros of
/// the degrees dropped.
const DMS: &[(f64, f64, &str)] = &[
    (33.00059, 70.07117, "33°00'02.12\"N 70°04'16.21\"E"),
    (34.52811, 69.17231, "34°31'41.20\"N 69°10'20.32\"E"),
    (10.0, -179.99999, "10°00'00.00\"N 179°59'59.96\"W"),
    (-10.0, 179.99999, "10°00'00.00\"S 179°59'59.96\"E"),
    (-80.00001, 10.0, "80°00'00.04\"S 10°00'00.00\"E"),
    (-33.8688, 151.2093, "33°52'07.68\"S 151°12'33.48\"E"),
    (40.748333, -73.985278, "40°44'54.00\"N 73°59'07.00\"W"),
    (24.8607, 67.0011, "24°51'38.52\"N 67°00'03.96\"E"),
    (34.008, 71.57849, "34°00'28.80\"N 71°34'42.56\"E"),
    (0.0, -180.0, "0°00'00.00\"N 180°00'00.00\"W"),
];

fn ll(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).expect("valid reference point")
}

#[test]
fn forward_mgrs_matches_geoconvert() {
    assert!(FORWARD.len() >= 20);
    for &(lat, lon, want) in FORWARD {
        assert_eq!(format_mgrs(ll(lat, lon)), want, "{lat} {lon}");
    }
}

#[test]
fn reverse_mgrs_matches_geoconvert_to_a_millimetre() {
    for &(mgrs, lat, lon) in REVERSE {
        let got = parse_mgrs(mgrs).unwrap_or_else(|e| panic!("{mgrs}: {e}"));
        let d = distance_m(got, ll(lat, lon));
        // GeoConvert's 8 decimals are ~1 mm; the converters agree to nanometres.
        assert!(d < 0.002, "{mgrs}: {got:?} is {d} m from {lat} {lon}");
        let parsed = parse(mgrs).expect("parse");
        assert_eq!(parsed.format, CoordFormat::Mgrs);
        assert_eq!(parsed.at, got);
    }
}

#[test]
fn mgrs_round_trips_within_the_1m_cell() {
    for &(lat, lon, mgrs) in FORWARD {
        let back = parse_mgrs(mgrs).expect("parse own output");
        // The 1 m cell's centre is at most √2/2 m from any point in it.
        let d = distance_m(back, ll(lat, lon));
        assert!(d <= 0.72, "{mgrs}: {d} m");
        // The centre formats as its own cell, except that a cell straddling a band edge
        // takes the band (and zone) of its centre: 42SWA9445740872 (from 32.0 70.0) has its
        // centre at 31.99999971 (GeoConvert -g), which GeoConvert -m formats as
        // 42RWA9445740872; likewise 64.0 8.0 (32W → 32V), 72.0 8.0 (31X → 32W) and the
        // Svalbard zone edges 75.0 9.0 (33X → 31X) and 78.0 20.99999 (33X → 35X: 0.2 m from
        // 21°E, the centre is past it).
        let again = format_mgrs(back);
        if again != mgrs {
            let other = parse_mgrs(&again).expect("parse");
            assert!(distance_m(other, back) < 1.5, "{mgrs} → {again}");
            let near = |x: f64, step: f64| ((x / step).round() * step - x).abs() < 1e-4;
            let edge = near(lat, 8.0) || near(lon, 3.0);
            assert!(edge, "only on a band or zone edge: {lat} {lon} {again}");
        }
    }
}

#[test]
fn spaced_mgrs_parses_the_same() {
    for &(lat, lon, _) in FORWARD.iter().filter(|p| p.0.abs() < 84.0) {
        let p = ll(lat, lon);
        let spaced = format_mgrs_spaced(p);
        assert_eq!(spaced.split(' ').count(), 4, "{spaced}");
        let a = parse_mgrs(&spaced).expect("spaced");
        assert_eq!(a, parse_mgrs(&format_mgrs(p)).expect("compact"));
        assert_eq!(parse(&spaced.to_lowercase()).expect("lowercase").at, a);
    }
}

#[test]
fn dms_matches_geoconvert() {
    for &(lat, lon, want) in DMS {
        assert_eq!(format_dms(ll(lat, lon)), want, "{lat} {lon}");
        // And it parses back to within 0.005″ (15 cm).
        let back = parse(want).expect("parse own DMS");
        assert_eq!(back.format, CoordFormat::Dms);
        assert!(distance_m(back.at, ll(lat, lon)) < 0.16, "{want}");
    }
}
