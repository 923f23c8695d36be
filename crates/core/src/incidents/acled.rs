//! ACLED export rows (Armed Conflict Location & Event Data Project codebook).

use super::ImportError;
use super::date::parse_date;
use super::fields::{code, coords, count};
use super::model::{DatePrecision, IncidentView, LocationPrecision};
use super::parser::{Record, RowParser};
use super::schema::{Columns, field};

/// ACLED `geo_precision` → location precision. Codebook meaning:
/// * 1 — the source names a particular town/village and its coordinates are used → `Town`;
/// * 2 — the event happened in a small part of a region or near a town; coordinates of that
///   area / nearest town, good only to the district → `District`;
/// * 3 — only a larger region (province) is mentioned; its capital/centre is used → `Province`.
///
/// A blank code is read as 1.
pub fn acled_location_precision(geo_precision: Option<u8>) -> LocationPrecision {
    match geo_precision {
        Some(2) => LocationPrecision::District,
        Some(3) => LocationPrecision::Province,
        _ => LocationPrecision::Town,
    }
}

/// ACLED `time_precision` → date precision: 1 day known → `Day`; 2 week known and 3 month
/// known → `Month` (weeks are not representable; the month of the given date is used).
pub fn acled_date_precision(time_precision: Option<u8>) -> DatePrecision {
    match time_precision {
        Some(2) | Some(3) => DatePrecision::Month,
        _ => DatePrecision::Day,
    }
}

#[derive(Clone)]
pub(crate) struct AcledRow {
    id: usize,
    date: usize,
    lat: usize,
    lon: usize,
    time_precision: Option<usize>,
    geo_precision: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    actor1: Option<usize>,
    actor2: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    admin2: Option<usize>,
    location: Option<usize>,
    fatalities: Option<usize>,
    source: Option<usize>,
    notes: Option<usize>,
}

impl AcledRow {
    pub(crate) fn new(c: &Columns) -> Result<Self, ImportError> {
        Ok(AcledRow {
            id: c.required("event_id_cnty")?,
            date: c.required("event_date")?,
            lat: c.required("latitude")?,
            lon: c.required("longitude")?,
            time_precision: c.optional("time_precision"),
            geo_precision: c.optional("geo_precision"),
            event_type: c.optional("event_type"),
            sub_event_type: c.optional("sub_event_type"),
            actor1: c.optional("actor1"),
            actor2: c.optional("actor2"),
            country: c.optional("country"),
            admin1: c.optional("admin1"),
            admin2: c.optional("admin2"),
            location: c.optional("location"),
            fatalities: c.optional("fatalities"),
            source: c.optional("source"),
            notes: c.optional("notes"),
        })
    }
}

impl RowParser for AcledRow {
    fn parse<'r, R: Record>(
        &'r mut self,
        rec: &'r R,
        _line: usize,
    ) -> Result<IncidentView<'r>, String> {
        let f = |c: Option<usize>| field(rec, c);
        let id = f(Some(self.id));
        if id.is_empty() {
            return Err("missing event_id_cnty".into());
        }
        let mut date = parse_date(f(Some(self.date))).map_err(|e| format!("event_date: {e}"))?;
        let tp = code("time_precision", f(self.time_precision), 1..=3)?;
        if tp.is_some() && date.precision == DatePrecision::Day {
            date.precision = acled_date_precision(tp);
        }
        let (lon, lat) = coords(f(Some(self.lat)), f(Some(self.lon)))?;
        let gp = code("geo_precision", f(self.geo_precision), 1..=3)?;
        Ok(IncidentView {
            id,
            date,
            lon,
            lat,
            location_precision: acled_location_precision(gp),
            actor1: f(self.actor1),
            actor2: f(self.actor2),
            event_type: f(self.event_type),
            sub_event_type: f(self.sub_event_type),
            fatalities: count("fatalities", f(self.fatalities))?,
            country: f(self.country),
            admin1: f(self.admin1),
            admin2: f(self.admin2),
            location: f(self.location),
            source: f(self.source),
            notes: f(self.notes),
        })
    }
}
