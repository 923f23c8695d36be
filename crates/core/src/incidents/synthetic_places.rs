//! Places for the synthetic demo scenario: approximate district centres (the district
//! headquarters towns, rounded to ~0.01°) where public reporting puts TTP and BLA activity
//! in 2024. These coordinates are APPROXIMATE, typed in by hand for a demo; they are not
//! survey data and the events generated around them are not real.

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
    /// District headquarters town (ACLED `location`).
    pub town: &'static str,
    /// Approximate centre: the headquarters town (lon, lat in degrees).
    pub lon: f64,
    pub lat: f64,
    /// Spread of town-precision events around the centre, degrees (≈ 1 σ).
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
    SyntheticPlace { district, province, town, lon, lat, spread, weight, group }
}

use DemoGroup::{Bla, Ttp};

/// The demo's districts (approximate centres, see the module docs).
pub const SYNTHETIC_PLACES: &[SyntheticPlace] = &[
    // Khyber Pakhtunkhwa: former tribal districts.
    place("Bajaur", KP, "Khar", 71.52, 34.73, 0.06, 25, Ttp),
    place("Mohmand", KP, "Ghalanai", 71.38, 34.35, 0.06, 15, Ttp),
    place("Khyber", KP, "Landi Kotal", 71.14, 34.10, 0.07, 35, Ttp),
    place("Kurram", KP, "Parachinar", 70.09, 33.90, 0.07, 20, Ttp),
    place("Orakzai", KP, "Kalaya", 71.06, 33.62, 0.05, 10, Ttp),
    place("North Waziristan", KP, "Miranshah", 70.07, 33.00, 0.08, 50, Ttp),
    place("South Waziristan", KP, "Wana", 69.57, 32.30, 0.08, 30, Ttp),
    // Khyber Pakhtunkhwa: southern districts and the capital.
    place("Bannu", KP, "Bannu", 70.60, 32.99, 0.06, 40, Ttp),
    place("Lakki Marwat", KP, "Lakki Marwat", 70.91, 32.61, 0.07, 35, Ttp),
    place("Dera Ismail Khan", KP, "Dera Ismail Khan", 70.90, 31.83, 0.09, 45, Ttp),
    place("Tank", KP, "Tank", 70.38, 32.22, 0.05, 20, Ttp),
    place("Peshawar", KP, "Peshawar", 71.58, 34.01, 0.05, 25, Ttp),
    // Balochistan: TTP presence in the north-east.
    place("Zhob", BA, "Zhob", 69.45, 31.34, 0.08, 10, Ttp),
    // Balochistan: BLA.
    place("Quetta", BA, "Quetta", 67.01, 30.19, 0.05, 30, Bla),
    place("Kech", BA, "Turbat", 63.05, 26.00, 0.15, 40, Bla),
    place("Gwadar", BA, "Gwadar", 62.33, 25.13, 0.10, 25, Bla),
    place("Panjgur", BA, "Panjgur", 64.10, 26.97, 0.12, 20, Bla),
    place("Awaran", BA, "Awaran", 65.23, 26.46, 0.12, 15, Bla),
    place("Kalat", BA, "Kalat", 66.58, 29.03, 0.10, 20, Bla),
    place("Mastung", BA, "Mastung", 66.85, 29.80, 0.07, 20, Bla),
    place("Chagai", BA, "Dalbandin", 64.41, 28.89, 0.15, 10, Bla),
    place("Noshki", BA, "Noshki", 66.02, 29.55, 0.08, 15, Bla),
    place("Kachhi", BA, "Dhadar", 67.65, 29.48, 0.08, 20, Bla),
    place("Kohlu", BA, "Kohlu", 69.25, 29.90, 0.08, 10, Bla),
    place("Dera Bugti", BA, "Dera Bugti", 69.15, 29.03, 0.10, 10, Bla),
    place("Khuzdar", BA, "Khuzdar", 66.61, 27.81, 0.12, 10, Bla),
    place("Sibi", BA, "Sibi", 67.88, 29.54, 0.07, 5, Bla),
];

/// Where province-precision events are placed (the provincial capitals, approximate).
pub(crate) fn province_seat(province: &str) -> (&'static str, f64, f64) {
    if province == BA { ("Quetta", 67.01, 30.19) } else { ("Peshawar", 71.58, 34.01) }
}
