//! Global Terrorism Database (GTD, START, University of Maryland) rows.

use super::ImportError;
use super::date::parse_ymd_unknown_zero;
use super::fields::{code, coords, count};
use super::model::{IncidentView, LocationPrecision};
use super::parser::{Record, RowParser};
use super::schema::{Columns, field};

/// GTD `specificity` → location precision. Codebook meaning:
/// * 1 — the attack happened in a city/village/town and the coordinates are that place's
///   → `Town`;
/// * 2 — it happened in a city/village/town whose coordinates could not be found, so the
///   coordinates are the centroid of the smallest admin region identified (normally the
///   district) → `District`;
/// * 3 — it did not happen in a city/village/town; centroid of the smallest admin region
///   identified (district) → `District`;
/// * 4 — no second-order region identified; centre of the first-order region → `Province`;
/// * 5 — no first-order region identified (position unknown) → `Country`.
///
/// A blank code is read as 1.
pub fn gtd_location_precision(specificity: Option<u8>) -> LocationPrecision {
    match specificity {
        Some(2) | Some(3) => LocationPrecision::District,
        Some(4) => LocationPrecision::Province,
        Some(5) => LocationPrecision::Country,
        _ => LocationPrecision::Town,
    }
}

#[derive(Clone)]
pub(crate) struct GtdRow {
    id: usize,
    year: usize,
    month: usize,
    day: usize,
    lat: usize,
    lon: usize,
    specificity: Option<usize>,
    gname: Option<usize>,
    gname2: Option<usize>,
    nkill: Option<usize>,
    attack_type: Option<usize>,
    target_type: Option<usize>,
    country: Option<usize>,
    provstate: Option<usize>,
    city: Option<usize>,
    summary: Option<usize>,
    dbsource: Option<usize>,
    source: String,
}

impl GtdRow {
    pub(crate) fn new(c: &Columns) -> Result<Self, ImportError> {
        Ok(GtdRow {
            id: c.required("eventid")?,
            year: c.required("iyear")?,
            month: c.required("imonth")?,
            day: c.required("iday")?,
            lat: c.required("latitude")?,
            lon: c.required("longitude")?,
            specificity: c.optional("specificity"),
            gname: c.optional("gname"),
            gname2: c.optional("gname2"),
            nkill: c.optional("nkill"),
            attack_type: c.optional("attacktype1_txt"),
            target_type: c.optional("targtype1_txt"),
            country: c.optional("country_txt"),
            provstate: c.optional("provstate"),
            city: c.optional("city"),
            summary: c.optional("summary"),
            dbsource: c.optional("dbsource"),
            source: String::new(),
        })
    }
}

impl RowParser for GtdRow {
    fn parse<'r, R: Record>(
        &'r mut self,
        rec: &'r R,
        _line: usize,
    ) -> Result<IncidentView<'r>, String> {
        let f = |c: Option<usize>| field(rec, c);
        let id = f(Some(self.id));
        if id.is_empty() {
            return Err("missing eventid".into());
        }
        let date =
            parse_ymd_unknown_zero(f(Some(self.year)), f(Some(self.month)), f(Some(self.day)))?;
        let (lon, lat) = coords(f(Some(self.lat)), f(Some(self.lon)))?;
        let spec = code("specificity", f(self.specificity), 1..=5)?;
        self.source.clear();
        self.source.push_str("GTD");
        if !f(self.dbsource).is_empty() {
            self.source.push_str(" (");
            self.source.push_str(f(self.dbsource));
            self.source.push(')');
        }
        Ok(IncidentView {
            id,
            date,
            lon,
            lat,
            location_precision: gtd_location_precision(spec),
            actor1: f(self.gname),
            actor2: f(self.gname2),
            event_type: f(self.attack_type),
            sub_event_type: f(self.target_type),
            fatalities: count("nkill", f(self.nkill))?,
            country: f(self.country),
            admin1: f(self.provstate),
            admin2: "",
            location: f(self.city),
            source: &self.source,
            notes: f(self.summary),
        })
    }
}
