//! The incident model: one dated, located event with its precision codes, as an owned record
//! and as a borrowed view into the compact store.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How precisely a source gives an event's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day = 0,
    Month = 1,
    Year = 2,
}

/// How precisely a source places an event, finest first (as the source codes it; see the
/// importers for each codebook's mapping).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationPrecision {
    /// The exact spot (or within a few km of it).
    Point = 0,
    /// A named town or village: the coordinates are the settlement's.
    Town = 1,
    /// Only the district (second-order admin unit) is known: coordinates are its centre.
    District = 2,
    /// Only the province (first-order admin unit) is known: coordinates are its centre/capital.
    Province = 3,
    /// Only the country (or an area larger than a province) is known.
    Country = 4,
}

impl LocationPrecision {
    pub const ALL: [LocationPrecision; 5] = [
        LocationPrecision::Point,
        LocationPrecision::Town,
        LocationPrecision::District,
        LocationPrecision::Province,
        LocationPrecision::Country,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LocationPrecision::Point => "point",
            LocationPrecision::Town => "town",
            LocationPrecision::District => "district",
            LocationPrecision::Province => "province",
            LocationPrecision::Country => "country",
        }
    }

    pub(crate) fn from_u8(v: u8) -> LocationPrecision {
        Self::ALL
            .get(v as usize)
            .copied()
            .unwrap_or(LocationPrecision::Country)
    }
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }

    pub(crate) fn from_u8(v: u8) -> DatePrecision {
        match v {
            0 => DatePrecision::Day,
            1 => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }
}

/// A date as the source gives it: the day (or, for month/year precision, a day inside the
/// period, normally its first day) and the precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IncidentDate {
    pub date: NaiveDate,
    pub precision: DatePrecision,
}

impl IncidentDate {
    pub fn day(date: NaiveDate) -> Self {
        Self {
            date,
            precision: DatePrecision::Day,
        }
    }

    /// First day of the period the date stands for (the day, its month, or its year).
    pub fn start(&self) -> NaiveDate {
        let d = self.date;
        match self.precision {
            DatePrecision::Day => d,
            DatePrecision::Month => d.with_day(1).unwrap_or(d),
            DatePrecision::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
        }
    }

    /// Last day of the period the date stands for.
    pub fn end(&self) -> NaiveDate {
        let d = self.date;
        match self.precision {
            DatePrecision::Day => d,
            DatePrecision::Month => {
                let (y, m) = if d.month() == 12 {
                    (d.year() + 1, 1)
                } else {
                    (d.year(), d.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
                    .and_then(|n| n.pred_opt())
                    .unwrap_or(d)
            }
            DatePrecision::Year => NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d),
        }
    }
}

/// An owned incident record (what generators build and what the store can hand out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// The source's event ID (ACLED `event_id_cnty`, UCDP `id`, GTD `eventid`, ...).
    pub id: String,
    pub date: IncidentDate,
    pub lon: f64,
    pub lat: f64,
    pub location_precision: LocationPrecision,
    /// Main actor (ACLED actor1, UCDP side_a, GTD gname).
    pub actor1: String,
    /// Other actor, where given (ACLED actor2, UCDP side_b, GTD gname2 — a second perpetrator).
    pub actor2: Option<String>,
    pub event_type: String,
    pub sub_event_type: Option<String>,
    /// Deaths, where the source gives a number.
    pub fatalities: Option<u32>,
    pub country: String,
    /// First-order admin unit name as the source spells it.
    pub admin1: String,
    /// Second-order admin unit name as the source spells it.
    pub admin2: String,
    /// Place name as the source spells it.
    pub location: String,
    pub source: String,
    pub notes: String,
}

/// A borrowed incident: what importers push into the store and what the store returns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IncidentView<'a> {
    pub id: &'a str,
    pub date: IncidentDate,
    pub lon: f64,
    pub lat: f64,
    pub location_precision: LocationPrecision,
    pub actor1: &'a str,
    /// Empty when not given.
    pub actor2: &'a str,
    pub event_type: &'a str,
    /// Empty when not given.
    pub sub_event_type: &'a str,
    pub fatalities: Option<u32>,
    pub country: &'a str,
    pub admin1: &'a str,
    pub admin2: &'a str,
    pub location: &'a str,
    pub source: &'a str,
    pub notes: &'a str,
}

impl Incident {
    pub fn view(&self) -> IncidentView<'_> {
        IncidentView {
            id: &self.id,
            date: self.date,
            lon: self.lon,
            lat: self.lat,
            location_precision: self.location_precision,
            actor1: &self.actor1,
            actor2: self.actor2.as_deref().unwrap_or(""),
            event_type: &self.event_type,
            sub_event_type: self.sub_event_type.as_deref().unwrap_or(""),
            fatalities: self.fatalities,
            country: &self.country,
            admin1: &self.admin1,
            admin2: &self.admin2,
            location: &self.location,
            source: &self.source,
            notes: &self.notes,
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl IncidentView<'_> {
    pub fn to_owned(&self) -> Incident {
        Incident {
            id: self.id.to_string(),
            date: self.date,
            lon: self.lon,
            lat: self.lat,
            location_precision: self.location_precision,
            actor1: self.actor1.to_string(),
            actor2: non_empty(self.actor2),
            event_type: self.event_type.to_string(),
            sub_event_type: non_empty(self.sub_event_type),
            fatalities: self.fatalities,
            country: self.country.to_string(),
            admin1: self.admin1.to_string(),
            admin2: self.admin2.to_string(),
            location: self.location.to_string(),
            source: self.source.to_string(),
            notes: self.notes.to_string(),
        }
    }
}
