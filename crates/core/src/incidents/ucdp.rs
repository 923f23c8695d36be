//! UCDP Georeferenced Event Dataset (GED) rows (Uppsala Conflict Data Program codebook).

use super::ImportError;
use super::date::{from_range, parse_date};
use super::fields::{code, coords, count};
use super::model::{IncidentView, LocationPrecision};
use super::parser::{Record, RowParser};
use super::schema::{Columns, field};
use chrono::NaiveDate;

/// UCDP `where_prec` → location precision. Codebook meaning:
/// * 1 — exact location of the event known → `Point`;
/// * 2 — within a ~25 km radius of a known point (village/town) → `Town`;
/// * 3 — only the second-order admin division (district) known → `District`;
/// * 4 — only the first-order admin division (province) known → `Province`;
/// * 5 — only a linear feature (road, river) or an area spanning several provinces known,
///   6 — only the country known, 7 — international waters/airspace → `Country`.
///
/// A blank code is read as 1.
pub fn ucdp_location_precision(where_prec: Option<u8>) -> LocationPrecision {
    match where_prec {
        Some(2) => LocationPrecision::Town,
        Some(3) => LocationPrecision::District,
        Some(4) => LocationPrecision::Province,
        Some(5..) => LocationPrecision::Country,
        _ => LocationPrecision::Point,
    }
}

/// UCDP `type_of_violence` → event type text.
pub fn ucdp_violence_type(code: u8) -> &'static str {
    match code {
        1 => "State-based conflict",
        2 => "Non-state conflict",
        _ => "One-sided violence",
    }
}

#[derive(Clone)]
pub(crate) struct UcdpRow {
    id: usize,
    date_start: usize,
    date_end: Option<usize>,
    lat: usize,
    lon: usize,
    where_prec: Option<usize>,
    side_a: Option<usize>,
    side_b: Option<usize>,
    dyad_name: Option<usize>,
    violence: Option<usize>,
    best: Option<usize>,
    country: Option<usize>,
    adm_1: Option<usize>,
    adm_2: Option<usize>,
    place: Option<usize>,
    where_description: Option<usize>,
    source_office: Option<usize>,
    headline: Option<usize>,
    notes: String,
}

impl UcdpRow {
    pub(crate) fn new(c: &Columns) -> Result<Self, ImportError> {
        Ok(UcdpRow {
            id: c.required("id")?,
            date_start: c.required("date_start")?,
            date_end: c.optional("date_end"),
            lat: c.required("latitude")?,
            lon: c.required("longitude")?,
            where_prec: c.optional("where_prec"),
            side_a: c.optional("side_a"),
            side_b: c.optional("side_b"),
            dyad_name: c.optional("dyad_name"),
            violence: c.optional("type_of_violence"),
            best: c.optional("best"),
            country: c.optional("country"),
            adm_1: c.optional("adm_1"),
            adm_2: c.optional("adm_2"),
            place: c.optional("where_coordinates"),
            where_description: c.optional("where_description"),
            source_office: c.optional("source_office"),
            headline: c.optional("source_headline"),
            notes: String::new(),
        })
    }
}

/// A UCDP date: `2024-03-15` or with a time part (`2024-03-15 00:00:00.000`).
fn day(name: &str, s: &str) -> Result<NaiveDate, String> {
    match parse_date(s) {
        Ok(d) if d.precision == super::model::DatePrecision::Day => Ok(d.date),
        Ok(_) => Err(format!("{name} {s:?} is not a full date")),
        Err(e) => Err(format!("{name}: {e}")),
    }
}

impl RowParser for UcdpRow {
    fn parse<'r, R: Record>(
        &'r mut self,
        rec: &'r R,
        _line: usize,
    ) -> Result<IncidentView<'r>, String> {
        let f = |c: Option<usize>| field(rec, c);
        let id = f(Some(self.id));
        if id.is_empty() {
            return Err("missing id".into());
        }
        let start = day("date_start", f(Some(self.date_start)))?;
        let end = match f(self.date_end) {
            "" => start,
            s => day("date_end", s)?,
        };
        if end < start {
            return Err(format!("date_end {end} before date_start {start}"));
        }
        let (lon, lat) = coords(f(Some(self.lat)), f(Some(self.lon)))?;
        let prec = code("where_prec", f(self.where_prec), 1..=7)?;
        let violence = code("type_of_violence", f(self.violence), 1..=3)?;
        let actor1 = match f(self.side_a) {
            "" => f(self.dyad_name),
            a => a,
        };
        self.notes.clear();
        for part in [f(self.where_description), f(self.headline)] {
            if !part.is_empty() {
                if !self.notes.is_empty() {
                    self.notes.push_str(" | ");
                }
                self.notes.push_str(part);
            }
        }
        let source = match f(self.source_office) {
            "" => "UCDP GED",
            s => s,
        };
        Ok(IncidentView {
            id,
            date: from_range(start, end),
            lon,
            lat,
            location_precision: ucdp_location_precision(prec),
            actor1,
            actor2: f(self.side_b),
            event_type: violence.map_or("", ucdp_violence_type),
            sub_event_type: "",
            fatalities: count("best", f(self.best))?,
            country: f(self.country),
            admin1: f(self.adm_1),
            admin2: f(self.adm_2),
            location: f(self.place),
            source,
            notes: &self.notes,
        })
    }
}
