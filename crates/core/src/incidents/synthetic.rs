//! The synthetic demo scenario: ~600 made-up TTP and BLA attacks in Pakistan in 2024,
//! generated deterministically (ChaCha8, seed [`SYNTHETIC_SEED`]) around the approximate
//! district centres of [`SYNTHETIC_PLACES`]. NOT REAL EVENTS: every record says so.

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::model::{Incident, IncidentDate, LocationPrecision};
use super::synthetic_places::{DemoGroup, SYNTHETIC_PLACES, SyntheticPlace, province_seat};

/// Seed of the demo generator (ChaCha8Rng::seed_from_u64). Changing it, the places or the
/// generator changes `data/incidents/synthetic-demo-2024.csv`, which must be regenerated.
pub const SYNTHETIC_SEED: u64 = 20_240_101;

/// The `source` of every synthetic record (and the start of its notes).
pub const SYNTHETIC_SOURCE: &str = "SYNTHETIC DEMO — not real events";

/// Events per month, January..December (600 in all): a rise through the year with a peak in
/// August, loosely following the shape of public 2024 reporting.
const PER_MONTH: [u32; 12] = [42, 40, 46, 44, 48, 46, 52, 68, 50, 54, 58, 52];

/// Share of TTP events, percent (the rest are BLA).
const TTP_PERCENT: u32 = 60;

const TTP: &str = "Tehrik-i-Taliban Pakistan (TTP)";
const BLA: &str = "Baloch Liberation Army (BLA)";
const MILITARY: &str = "Military Forces of Pakistan (2018-)";
const POLICE: &str = "Police Forces of Pakistan (2018-)";
const CIVILIANS: &str = "Civilians (Pakistan)";

const BATTLES: &str = "Battles";
const EXPLOSIONS: &str = "Explosions/Remote violence";
const VAC: &str = "Violence against civilians";

/// (percent, event type, sub-event type, fatalities table) per group; tables are sampled
/// uniformly, so repeated values weight them.
type Kind = (u32, &'static str, &'static str, &'static [u32]);
const TTP_KINDS: &[Kind] = &[
    (35, BATTLES, "Armed clash", &[0, 0, 1, 1, 1, 2, 2, 3, 4, 6]),
    (
        25,
        EXPLOSIONS,
        "Remote explosive/landmine/IED",
        &[0, 0, 0, 1, 1, 2, 2, 3, 5],
    ),
    (5, EXPLOSIONS, "Suicide bomb", &[2, 4, 6, 9, 12, 18]),
    (5, EXPLOSIONS, "Grenade", &[0, 0, 1, 1, 2]),
    (20, VAC, "Attack", &[0, 1, 1, 1, 2, 3]),
    (10, VAC, "Abduction/forced disappearance", &[0]),
];
const BLA_KINDS: &[Kind] = &[
    (30, BATTLES, "Armed clash", &[0, 0, 1, 1, 2, 2, 3, 5, 7]),
    (
        35,
        EXPLOSIONS,
        "Remote explosive/landmine/IED",
        &[0, 0, 1, 1, 1, 2, 3, 4],
    ),
    (3, EXPLOSIONS, "Suicide bomb", &[3, 8, 14, 25]),
    (25, VAC, "Attack", &[0, 1, 1, 2, 2, 4, 7]),
    (7, VAC, "Abduction/forced disappearance", &[0]),
];

/// Generate the demo scenario: 600 incidents sorted by date, IDs `SYN2024-0001`...
/// Location precision mix: ~80 % town (jittered around the district centre), ~15 % district
/// (the centre itself), ~5 % province (the provincial capital).
pub fn synthetic_demo_2024() -> Vec<Incident> {
    let mut rng = ChaCha8Rng::seed_from_u64(SYNTHETIC_SEED);
    let mut out = Vec::new();
    for (m, &n) in PER_MONTH.iter().enumerate() {
        let month = m as u32 + 1;
        for _ in 0..n {
            out.push(one_event(&mut rng, month));
        }
    }
    // Stable: same-day events keep generation order.
    out.sort_by_key(|i| i.date.date);
    for (k, inc) in out.iter_mut().enumerate() {
        inc.id = format!("SYN2024-{:04}", k + 1);
    }
    out
}

fn days_in_month(month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(2025, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(2024, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt())
        .map_or(28, |d| chrono::Datelike::day(&d))
}

/// An approximately normal deviate (mean 0, sd 1) as the centred sum of 12 uniforms: plain
/// arithmetic, so the output is bit-identical on every platform.
fn normalish(rng: &mut ChaCha8Rng) -> f64 {
    (0..12).map(|_| rng.random::<f64>()).sum::<f64>() - 6.0
}

fn pick_place(rng: &mut ChaCha8Rng, group: DemoGroup) -> &'static SyntheticPlace {
    let places: Vec<&'static SyntheticPlace> = SYNTHETIC_PLACES
        .iter()
        .filter(|p| p.group == group)
        .collect();
    let total: u32 = places.iter().map(|p| p.weight).sum();
    let mut r = rng.random_range(0..total.max(1));
    for p in &places {
        if r < p.weight {
            return p;
        }
        r -= p.weight;
    }
    places.last().copied().unwrap_or(&SYNTHETIC_PLACES[0])
}

fn pick_kind(rng: &mut ChaCha8Rng, kinds: &'static [Kind]) -> &'static Kind {
    let mut r = rng.random_range(0..100u32);
    for k in kinds {
        if r < k.0 {
            return k;
        }
        r -= k.0;
    }
    &kinds[0]
}

fn one_event(rng: &mut ChaCha8Rng, month: u32) -> Incident {
    let group = if rng.random_range(0..100) < TTP_PERCENT {
        DemoGroup::Ttp
    } else {
        DemoGroup::Bla
    };
    let place = pick_place(rng, group);
    let day = rng.random_range(1..=days_in_month(month));
    let date = NaiveDate::from_ymd_opt(2024, month, day).unwrap_or_default();
    let roll = rng.random_range(0..100);
    let (precision, lon, lat, location, admin2) = if roll < 80 {
        // ±2.5 σ per axis at most: inside the district (see `SyntheticPlace::spread`).
        let dx = normalish(rng).clamp(-2.5, 2.5) * place.spread;
        let dy = normalish(rng).clamp(-2.5, 2.5) * place.spread;
        (
            LocationPrecision::Town,
            place.lon + dx,
            place.lat + dy,
            place.town,
            place.district,
        )
    } else if roll < 95 {
        (
            LocationPrecision::District,
            place.lon,
            place.lat,
            place.district,
            place.district,
        )
    } else {
        let (seat, lon, lat) = province_seat(place.province);
        (LocationPrecision::Province, lon, lat, seat, "")
    };
    let (actor1, kinds) = match group {
        DemoGroup::Ttp => (TTP, TTP_KINDS),
        DemoGroup::Bla => (BLA, BLA_KINDS),
    };
    let (_, event_type, sub_event_type, deaths) = pick_kind(rng, kinds);
    let fatalities = deaths[rng.random_range(0..deaths.len())];
    let actor2 = match (*event_type, rng.random_range(0..2)) {
        (VAC, _) => CIVILIANS,
        (_, 0) => MILITARY,
        _ => POLICE,
    };
    let place_text = if admin2.is_empty() {
        place.province.to_string()
    } else {
        format!("{location}, {admin2}")
    };
    Incident {
        id: String::new(),
        date: IncidentDate::day(date),
        // Four decimals (~10 m), as written to the CSV.
        lon: (lon * 1e4).round() / 1e4,
        lat: (lat * 1e4).round() / 1e4,
        location_precision: precision,
        actor1: actor1.to_string(),
        actor2: Some(actor2.to_string()),
        event_type: event_type.to_string(),
        sub_event_type: Some(sub_event_type.to_string()),
        fatalities: Some(fatalities),
        country: "Pakistan".to_string(),
        admin1: place.province.to_string(),
        admin2: admin2.to_string(),
        location: location.to_string(),
        source: SYNTHETIC_SOURCE.to_string(),
        notes: format!(
            "{SYNTHETIC_SOURCE}. Simulated {} attributed to {actor1} ({}); location precision: {}.",
            sub_event_type.to_lowercase(),
            place_text,
            precision.as_str()
        ),
    }
}
