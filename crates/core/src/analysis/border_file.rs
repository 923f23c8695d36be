//! Extracting a border line shared by two countries from Natural Earth's
//! `ne_10m_admin_0_boundary_lines_land.geojson` (features carry `adm0_a3_l` / `adm0_a3_r`).

use std::path::Path;

use geo::{Coord, LineString, MultiLineString};
use geojson::{GeoJson, GeometryValue, JsonValue, Position};

use crate::diag::Diagnostic;

fn line(coords: &[Position]) -> LineString<f64> {
    LineString::new(
        coords
            .iter()
            .filter_map(|p| {
                Some(Coord {
                    x: *p.as_slice().first()?,
                    y: *p.as_slice().get(1)?,
                })
            })
            .collect(),
    )
}

/// All line parts of features whose `adm0_a3_l`/`adm0_a3_r` pair is `{a, b}` (either way
/// round). Errors for text that is not a GeoJSON FeatureCollection or when no feature matches.
pub fn boundary_between(
    geojson_text: &str,
    a: &str,
    b: &str,
) -> Result<MultiLineString<f64>, String> {
    let fc = match geojson_text.parse::<GeoJson>() {
        Ok(GeoJson::FeatureCollection(fc)) => fc,
        Ok(_) => return Err("not a FeatureCollection".into()),
        Err(e) => return Err(format!("not GeoJSON: {e}")),
    };
    let code = |props: Option<&geojson::JsonObject>, key: &str| -> String {
        match props.and_then(|p| p.get(key)) {
            Some(JsonValue::String(s)) => s.clone(),
            _ => String::new(),
        }
    };
    let mut parts = Vec::new();
    for f in &fc.features {
        let (l, r) = (
            code(f.properties.as_ref(), "adm0_a3_l"),
            code(f.properties.as_ref(), "adm0_a3_r"),
        );
        if !((l == a && r == b) || (l == b && r == a)) {
            continue;
        }
        match f.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::LineString { coordinates }) => parts.push(line(coordinates)),
            Some(GeometryValue::MultiLineString { coordinates }) => {
                parts.extend(coordinates.iter().map(|c| line(c)))
            }
            _ => {}
        }
    }
    parts.retain(|l| l.0.len() >= 2);
    if parts.is_empty() {
        return Err(format!("no boundary line between {a} and {b}"));
    }
    Ok(MultiLineString::new(parts))
}

/// The Afghanistan–Pakistan border from a Natural Earth boundary-lines file.
pub fn af_pk_border_from_file(path: &Path) -> Result<MultiLineString<f64>, Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::new(path, None, format!("cannot read: {e}")))?;
    boundary_between(&text, "AFG", "PAK").map_err(|e| Diagnostic::new(path, None, e))
}
