//! Generic CSV rows: the caller names the columns ([`ColumnMapping`]); also used for GeoJSON
//! properties.

use super::ImportError;
use super::date::parse_date;
use super::fields::{coords, count};
use super::model::{IncidentView, LocationPrecision};
use super::parser::{Record, RowParser};
use super::schema::{Columns, field};

/// Which columns (or GeoJSON properties) hold what. Names match case-insensitively.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMapping {
    /// Ignored for GeoJSON (the point geometry gives the position).
    pub lon: String,
    pub lat: String,
    /// Any format [`super::parse_date`] understands.
    pub date: String,
    pub actor: String,
    pub fatalities: Option<String>,
    pub event_type: Option<String>,
    /// Event ID; when `None` (or blank) the row's line / feature number is used.
    pub id: Option<String>,
    pub actor2: Option<String>,
    pub location: Option<String>,
    pub source: Option<String>,
    pub notes: Option<String>,
    /// Column holding a precision word (point, town, district, province, country; also
    /// village/city → town, adm2 → district, adm1/region/state → province).
    pub precision: Option<String>,
    /// Precision used when there is no precision column or it is blank.
    pub default_precision: LocationPrecision,
}

impl Default for ColumnMapping {
    /// `longitude`, `latitude`, `date`, `actor`, and the optional columns under their
    /// obvious names (`fatalities`, `event_type`, `id`, `actor2`, `location`, `source`, `notes`,
    /// `precision`), point precision by default.
    fn default() -> Self {
        let s = |n: &str| Some(n.to_string());
        ColumnMapping {
            lon: "longitude".into(),
            lat: "latitude".into(),
            date: "date".into(),
            actor: "actor".into(),
            fatalities: s("fatalities"),
            event_type: s("event_type"),
            id: s("id"),
            actor2: s("actor2"),
            location: s("location"),
            source: s("source"),
            notes: s("notes"),
            precision: s("precision"),
            default_precision: LocationPrecision::Point,
        }
    }
}

/// A precision word → precision (case-insensitive); `None` if not recognised.
pub fn parse_precision_word(s: &str) -> Option<LocationPrecision> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "point" | "exact" => LocationPrecision::Point,
        "town" | "village" | "city" | "settlement" => LocationPrecision::Town,
        "district" | "adm2" | "admin2" => LocationPrecision::District,
        "province" | "adm1" | "admin1" | "region" | "state" => LocationPrecision::Province,
        "country" | "adm0" => LocationPrecision::Country,
        _ => return None,
    })
}

#[derive(Clone)]
pub(crate) struct GenericRow {
    lon: usize,
    lat: usize,
    date: usize,
    actor: usize,
    fatalities: Option<usize>,
    event_type: Option<usize>,
    id: Option<usize>,
    actor2: Option<usize>,
    location: Option<usize>,
    source: Option<usize>,
    notes: Option<usize>,
    precision: Option<usize>,
    default_precision: LocationPrecision,
    id_buf: String,
}

impl GenericRow {
    /// Required columns (lon, lat, date, actor) must exist; optional ones may be absent.
    pub(crate) fn new(c: &Columns, m: &ColumnMapping) -> Result<Self, ImportError> {
        let opt = |n: &Option<String>| n.as_deref().and_then(|n| c.optional(n));
        Ok(GenericRow {
            lon: c.required(&m.lon)?,
            lat: c.required(&m.lat)?,
            date: c.required(&m.date)?,
            actor: c.required(&m.actor)?,
            fatalities: opt(&m.fatalities),
            event_type: opt(&m.event_type),
            id: opt(&m.id),
            actor2: opt(&m.actor2),
            location: opt(&m.location),
            source: opt(&m.source),
            notes: opt(&m.notes),
            precision: opt(&m.precision),
            default_precision: m.default_precision,
            id_buf: String::new(),
        })
    }
}

/// Precision from a precision field's text, or the default when blank.
pub(crate) fn precision_or(
    s: &str,
    default: LocationPrecision,
) -> Result<LocationPrecision, String> {
    if s.trim().is_empty() {
        return Ok(default);
    }
    parse_precision_word(s)
        .ok_or_else(|| format!("precision {s:?} is not point/town/district/province/country"))
}

impl RowParser for GenericRow {
    fn wants_line(&self) -> bool {
        true
    }

    fn parse<'r, R: Record>(
        &'r mut self,
        rec: &'r R,
        line: usize,
    ) -> Result<IncidentView<'r>, String> {
        let f = |c: Option<usize>| field(rec, c);
        let date = parse_date(f(Some(self.date)))?;
        let (lon, lat) = coords(f(Some(self.lat)), f(Some(self.lon)))?;
        let location_precision = precision_or(f(self.precision), self.default_precision)?;
        let id = match f(self.id) {
            "" => {
                use std::fmt::Write;
                self.id_buf.clear();
                let _ = write!(self.id_buf, "line {line}");
                self.id_buf.as_str()
            }
            id => id,
        };
        Ok(IncidentView {
            id,
            date,
            lon,
            lat,
            location_precision,
            actor1: f(Some(self.actor)),
            actor2: f(self.actor2),
            event_type: f(self.event_type),
            sub_event_type: "",
            fatalities: count("fatalities", f(self.fatalities))?,
            country: "",
            admin1: "",
            admin2: "",
            location: f(self.location),
            source: f(self.source),
            notes: f(self.notes),
        })
    }
}
