//! Reading and writing the towns gazetteer CSV (`data/gazetteer/towns.csv`).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::model::Town;

/// One CSV row; aliases are `;`-separated in a single column.
#[derive(Debug, Serialize, Deserialize)]
struct Row {
    id: String,
    name: String,
    aliases: String,
    country: String,
    lon: f64,
    lat: f64,
    population: Option<u64>,
    rank: u8,
    province_id: Option<String>,
    district_id: Option<String>,
    /// `;`-separated; absent in files written before native names.
    #[serde(default)]
    native_names: String,
}

/// Write towns as CSV with a header row.
pub fn write_towns_file(path: &Path, towns: &[Town]) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_path(path)?;
    for t in towns {
        w.serialize(Row {
            id: t.id.clone(),
            name: t.name.clone(),
            aliases: t.aliases.join(";"),
            country: t.country.clone(),
            lon: t.lon,
            lat: t.lat,
            population: t.population,
            rank: t.rank,
            province_id: t.province_id.clone(),
            district_id: t.district_id.clone(),
            native_names: t.native_names.join(";"),
        })?;
    }
    w.flush()?;
    Ok(())
}

/// Read the towns CSV. Broken rows are reported with their line number and skipped.
pub fn read_towns_file(path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Town> {
    let mut reader = match csv::Reader::from_path(path) {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::new(
                path,
                None,
                format!("cannot read file: {e}"),
            ));
            return Vec::new();
        }
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(Diagnostic::new(path, Some(1), format!("bad header: {e}")));
            return Vec::new();
        }
    };
    let mut towns = Vec::new();
    for record in reader.records() {
        let (line, row) = match record {
            Ok(rec) => {
                let line = rec.position().map(|p| p.line() as usize);
                (line, rec.deserialize::<Row>(Some(&headers)))
            }
            Err(e) => (e.position().map(|p| p.line() as usize), Err(e)),
        };
        match row {
            Ok(r) if (-180.0..=180.0).contains(&r.lon) && (-90.0..=90.0).contains(&r.lat) => {
                towns.push(row_to_town(r))
            }
            Ok(r) => diags.push(Diagnostic::new(
                path,
                line,
                format!("{}: coordinates out of range", r.id),
            )),
            Err(e) => diags.push(Diagnostic::new(path, line, format!("bad row: {e}"))),
        }
    }
    towns
}

fn row_to_town(r: Row) -> Town {
    Town {
        id: r.id,
        name: r.name,
        aliases: split_list(&r.aliases),
        country: r.country,
        lon: r.lon,
        lat: r.lat,
        population: r.population,
        rank: r.rank,
        province_id: r.province_id,
        district_id: r.district_id,
        native_names: split_list(&r.native_names),
    }
}

/// A `;`-separated list column (empty entries dropped).
fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}
