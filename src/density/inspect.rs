//! Looking at a file before importing it: its header row and the schema it suggests, and a
//! first guess of the column mapping for generic CSV files.

use std::path::{Path, PathBuf};

use atlas_core::incidents::{ColumnMapping, Schema, detect_schema};

use super::jobs::is_geojson;

/// What the import dialog shows about a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Inspection {
    pub path: PathBuf,
    /// Column names (empty for GeoJSON).
    pub headers: Vec<String>,
    pub detected: Schema,
    pub bytes: u64,
}

/// Read the header row (or recognise GeoJSON by the file name). Errors name the file.
pub fn inspect(path: &Path) -> Result<Inspection, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("{}: not a file", path.display()));
    }
    if is_geojson(path) {
        return Ok(Inspection {
            path: path.to_path_buf(),
            headers: Vec::new(),
            detected: Schema::GeoJson,
            bytes: meta.len(),
        });
    }
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| format!("{}:1: cannot read the header row: {e}", path.display()))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err(format!("{}:1: no header row", path.display()));
    }
    Ok(Inspection {
        path: path.to_path_buf(),
        detected: detect_schema(headers.iter()),
        headers,
        bytes: meta.len(),
    })
}

/// The first header matching one of `names` (case-insensitive), else `None`.
fn find(headers: &[String], names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| headers.iter().find(|h| h.eq_ignore_ascii_case(n)).cloned())
}

/// A column mapping guessed from common column names; required fields with no match keep
/// the default names (the dialog asks the user to pick).
pub fn guess_mapping(headers: &[String]) -> ColumnMapping {
    let d = ColumnMapping::default();
    let req = |names: &[&str], default: &str| find(headers, names).unwrap_or(default.into());
    let opt = |names: &[&str]| find(headers, names);
    ColumnMapping {
        lon: req(&["longitude", "lon", "lng", "long", "x"], &d.lon),
        lat: req(&["latitude", "lat", "y"], &d.lat),
        date: req(&["date", "event_date", "date_start", "day"], &d.date),
        actor: req(
            &["actor", "actor1", "side_a", "gname", "group", "perpetrator"],
            &d.actor,
        ),
        fatalities: opt(&["fatalities", "deaths", "killed", "best", "nkill"]),
        event_type: opt(&["event_type", "type", "attacktype1_txt", "category"]),
        id: opt(&["id", "event_id", "eventid", "event_id_cnty"]),
        actor2: opt(&["actor2", "side_b", "target", "gname2"]),
        location: opt(&["location", "place", "city", "where_coordinates"]),
        source: opt(&["source", "sources", "source_article"]),
        notes: opt(&["notes", "summary", "description"]),
        precision: opt(&["precision", "geo_precision", "where_prec", "specificity"]),
        default_precision: d.default_precision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guess_picks_common_names_and_leaves_missing_optional_fields_out() {
        let h: Vec<String> = ["ID", "Lat", "Lng", "When", "Group", "Killed"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = guess_mapping(&h);
        assert_eq!(m.lat, "Lat");
        assert_eq!(m.lon, "Lng");
        assert_eq!(m.actor, "Group");
        assert_eq!(m.fatalities.as_deref(), Some("Killed"));
        assert_eq!(m.id.as_deref(), Some("ID"));
        // No date-like column: the default name stays for the user to change.
        assert_eq!(m.date, "date");
        assert_eq!(m.event_type, None);
    }

    #[test]
    fn inspect_reports_missing_files_by_name() {
        let e = inspect(Path::new("/nonexistent/x.csv")).expect_err("missing");
        assert!(e.contains("/nonexistent/x.csv"), "{e}");
    }
}
