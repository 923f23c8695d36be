//! Writing incidents as an ACLED-like CSV (the shape the ACLED importer reads back).

use std::io::Write;

use super::model::{DatePrecision, Incident, LocationPrecision};

/// Columns of the ACLED-like CSV, in order.
pub const ACLED_LIKE_HEADER: [&str; 18] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
];

/// Write incidents as ACLED-like CSV: ISO dates, coordinates with 4 decimals, ACLED precision
/// codes (town/point → 1, district → 2, province/country → 3; day → time_precision 1,
/// month/year → 3). Output is deterministic (byte-identical for equal input).
pub fn write_acled_like_csv<W: Write>(incidents: &[Incident], out: W) -> Result<(), csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(ACLED_LIKE_HEADER)?;
    for i in incidents {
        let geo = match i.location_precision {
            LocationPrecision::Point | LocationPrecision::Town => "1",
            LocationPrecision::District => "2",
            LocationPrecision::Province | LocationPrecision::Country => "3",
        };
        let time = match i.date.precision {
            DatePrecision::Day => "1",
            DatePrecision::Month | DatePrecision::Year => "3",
        };
        let date = i.date.date.format("%Y-%m-%d").to_string();
        let year = i.date.date.format("%Y").to_string();
        let lat = format!("{:.4}", i.lat);
        let lon = format!("{:.4}", i.lon);
        let fatalities = i.fatalities.map(|f| f.to_string()).unwrap_or_default();
        w.write_record([
            i.id.as_str(),
            &date,
            &year,
            time,
            &i.event_type,
            i.sub_event_type.as_deref().unwrap_or(""),
            &i.actor1,
            i.actor2.as_deref().unwrap_or(""),
            &i.country,
            &i.admin1,
            &i.admin2,
            &i.location,
            &lat,
            &lon,
            geo,
            &i.source,
            &i.notes,
            &fatalities,
        ])?;
    }
    w.flush()?;
    Ok(())
}
