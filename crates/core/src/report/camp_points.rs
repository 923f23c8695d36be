//! Point camps from the user's own data: GeoJSON points or a CSV with coordinates. Each point
//! keeps its file and line (or feature number) so it stays traceable; bad rows are reported.

use std::path::Path;

use crate::diag::Diagnostic;

/// A camp located by coordinates in an imported file.
#[derive(Debug, Clone, PartialEq)]
pub struct CampPoint {
    pub name: String,
    pub lon: f64,
    pub lat: f64,
    /// `file:line` (CSV) or `file#feature` (GeoJSON).
    pub source: String,
    pub note: String,
}

fn in_range(lon: f64, lat: f64) -> bool {
    (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

/// Read camp points from `.geojson`/`.json` (Point features; `name`, `note` properties) or
/// `.csv` (columns lon/longitude/x, lat/latitude/y, optional name and note).
pub fn read_camp_points(path: &Path) -> (Vec<CampPoint>, Vec<Diagnostic>) {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "geojson" || ext == "json" {
        read_geojson(path)
    } else {
        read_csv(path)
    }
}

fn read_geojson(path: &Path) -> (Vec<CampPoint>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return (
                Vec::new(),
                vec![Diagnostic::new(
                    path,
                    None,
                    format!("cannot read file: {e}"),
                )],
            );
        }
    };
    let fc: geojson::FeatureCollection = match serde_json::from_str(&text) {
        Ok(fc) => fc,
        Err(e) => {
            return (
                Vec::new(),
                vec![Diagnostic::new(
                    path,
                    Some(e.line()),
                    format!("invalid GeoJSON: {e}"),
                )],
            );
        }
    };
    let mut out = Vec::new();
    for (i, f) in fc.features.iter().enumerate() {
        let n = i + 1;
        let point = match f.geometry.as_ref().map(|g| &g.value) {
            Some(geojson::GeometryValue::Point { coordinates: c }) if c.len() >= 2 => (c[0], c[1]),
            _ => {
                diags.push(Diagnostic::new(
                    path,
                    None,
                    format!("feature #{n}: not a point"),
                ));
                continue;
            }
        };
        if !in_range(point.0, point.1) {
            diags.push(Diagnostic::new(
                path,
                None,
                format!("feature #{n}: coordinates out of range"),
            ));
            continue;
        }
        let prop = |k: &str| f.property(k).and_then(|v| v.as_str()).map(str::to_owned);
        out.push(CampPoint {
            name: prop("name").unwrap_or_else(|| format!("Camp #{n}")),
            lon: point.0,
            lat: point.1,
            source: format!("{}#{n}", path.display()),
            note: prop("note").unwrap_or_default(),
        });
    }
    (out, diags)
}

fn read_csv(path: &Path) -> (Vec<CampPoint>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut rdr = match csv::ReaderBuilder::new().flexible(true).from_path(path) {
        Ok(r) => r,
        Err(e) => {
            return (
                Vec::new(),
                vec![Diagnostic::new(
                    path,
                    None,
                    format!("cannot read file: {e}"),
                )],
            );
        }
    };
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            return (
                Vec::new(),
                vec![Diagnostic::new(path, Some(1), format!("bad header: {e}"))],
            );
        }
    };
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let (Some(lon_c), Some(lat_c)) = (
        col(&["lon", "longitude", "x", "lng"]),
        col(&["lat", "latitude", "y"]),
    ) else {
        return (
            Vec::new(),
            vec![Diagnostic::new(
                path,
                Some(1),
                "no lon/longitude and lat/latitude columns",
            )],
        );
    };
    let (name_c, note_c) = (
        col(&["name", "camp", "title"]),
        col(&["note", "notes", "description"]),
    );
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                diags.push(Diagnostic::new(
                    path,
                    e.position().map(|p| p.line() as usize),
                    format!("bad row: {e}"),
                ));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let num = |c: usize| rec.get(c).and_then(|v| v.trim().parse::<f64>().ok());
        match (num(lon_c), num(lat_c)) {
            (Some(lon), Some(lat)) if in_range(lon, lat) => out.push(CampPoint {
                name: name_c
                    .and_then(|c| rec.get(c))
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!("Camp at line {line}")),
                lon,
                lat,
                source: format!("{}:{line}", path.display()),
                note: note_c.and_then(|c| rec.get(c)).unwrap_or("").to_owned(),
            }),
            _ => diags.push(Diagnostic::new(
                path,
                Some(line),
                "missing or out-of-range coordinates",
            )),
        }
    }
    (out, diags)
}
