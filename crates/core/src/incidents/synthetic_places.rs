//! Places for the synthetic demo scenario: districts where public reporting puts TTP and BLA
//! activity in 2024, each with an APPROXIMATE centre — a point well inside the district's
//! geoBoundaries polygon (the interior point farthest from its border, found once by a grid
//! search and rounded to 0.01°) — and a spread small enough that jittered events stay inside
//! the district. Not survey data; the events generated around them are not real.

/// Which armed group the demo attributes events in a place to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemoGroup {
    /// Tehrik-i-Taliban Pakistan: Khyber Pakhtunkhwa (former tribal districts and the south).
    Ttp,
    /// Baloch Liberation Army: Balochistan.
    Bla,
}

/// One district of the demo scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SyntheticPlace {
    /// District (ACLED `admin2`).
    pub district: &'static str,
    /// Province (ACLED `admin1`).
    pub province: &'static str,
    /// District headquarters town (the name written to ACLED `location`).
    pub town: &'static str,
    /// Approximate district centre (lon, lat in degrees), see the module docs.
    pub lon: f64,
    pub lat: f64,
    /// Spread of town-precision events around the centre, degrees (σ; offsets are clamped to
    /// ±2.5 σ per axis, which stays within the district's inscribed circle).
    pub spread: f64,
    /// Relative share of the group's events.
    pub weight: u32,
    pub group: DemoGroup,
}

const KP: &str = "Khyber Pakhtunkhwa";
const BA: &str = "Balochistan";

#[allow(clippy::too_many_arguments)]
const fn place(
    district: &'static str,
    province: &'static str,
    town: &'static str,
    lon: f64,
    lat: f64,
    spread: f64,
    weight: u32,
    group: DemoGroup,
) -> SyntheticPlace {
    SyntheticPlace {
        district,
        province,
        town,
        lon,
        lat,
        spread,
        weight,
        group,
    }
}

use DemoGroup::{Bla, Ttp};

/// The demo's districts (approximate centres, see the module docs).
pub const SYNTHETIC_PLACES: &[SyntheticPlace] = &[
    // Khyber Pakhtunkhwa: former tribal districts.
    place("Bajaur", KP, "Khar", 71.45, 34.79, 0.03, 25, Ttp),
    place("Mohmand", KP, "Ghalanai", 71.36, 34.37, 0.04, 15, Ttp),
    place("Khyber", KP, "Landi Kotal", 71.19, 33.96, 0.03, 35, Ttp),
    place("Kurram", KP, "Parachinar", 70.39, 33.56, 0.05, 20, Ttp),
    place("Orakzai", KP, "Kalaya", 70.97, 33.62, 0.03, 10, Ttp),
    place(
        "North Waziristan",
        KP,
        "Miranshah",
        70.11,
        32.88,
        0.07,
        50,
        Ttp,
    ),
    place("South Waziristan", KP, "Wana", 69.81, 32.29, 0.07, 30, Ttp),
    // Khyber Pakhtunkhwa: southern districts and the capital.
    place("Bannu", KP, "Bannu", 70.72, 32.86, 0.02, 40, Ttp),
    place(
        "Lakki Marwat",
        KP,
        "Lakki Marwat",
        70.85,
        32.51,
        0.06,
        35,
        Ttp,
    ),
    place(
        "Dera Ismail Khan",
        KP,
        "Dera Ismail Khan",
        70.55,
        31.74,
        0.08,
        45,
        Ttp,
    ),
    place("Tank", KP, "Tank", 70.42, 32.16, 0.03, 20, Ttp),
    place("Peshawar", KP, "Peshawar", 71.55, 33.97, 0.03, 25, Ttp),
    // Balochistan: TTP presence in the north-east.
    place("Zhob", BA, "Zhob", 69.37, 31.40, 0.10, 10, Ttp),
    // Balochistan: BLA.
    place("Quetta", BA, "Quetta", 67.01, 30.20, 0.03, 30, Bla),
    place("Kech", BA, "Turbat", 62.77, 26.12, 0.13, 40, Bla),
    place("Gwadar", BA, "Gwadar", 61.87, 25.40, 0.06, 25, Bla),
    place("Panjgur", BA, "Panjgur", 63.93, 26.71, 0.10, 20, Bla),
    place("Awaran", BA, "Awaran", 65.54, 26.18, 0.14, 15, Bla),
    place("Kalat", BA, "Kalat", 66.62, 29.03, 0.09, 20, Bla),
    place("Mastung", BA, "Mastung", 66.92, 29.74, 0.06, 20, Bla),
    place("Chagai", BA, "Dalbandin", 63.05, 28.85, 0.15, 10, Bla),
    place("Nushki", BA, "Nushki", 65.87, 29.45, 0.08, 15, Bla),
    place("Kachhi", BA, "Dhadar", 67.96, 29.00, 0.07, 20, Bla),
    place("Kohlu", BA, "Kohlu", 68.76, 29.52, 0.08, 10, Bla),
    place("Dera Bugti", BA, "Dera Bugti", 69.06, 28.79, 0.09, 10, Bla),
    place("Khuzdar", BA, "Khuzdar", 66.43, 27.51, 0.12, 10, Bla),
    place("Sibi", BA, "Sibi", 67.85, 29.97, 0.08, 5, Bla),
];

/// Where province-precision events are placed: the provincial capitals' district centres.
pub(crate) fn province_seat(province: &str) -> (&'static str, f64, f64) {
    if province == BA {
        ("Quetta", 67.01, 30.20)
    } else {
        ("Peshawar", 71.55, 33.97)
    }
}
