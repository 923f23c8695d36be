//! Country label points for the basemap's country names: for each Natural Earth 50m country,
//! its area and a label point inside its largest part, plus a second point inside the part
//! that lies in the region (so a country whose main point is far away, like China, can still
//! be named on a map of the region).

use std::path::Path;

use geo::{Area, BooleanOps, GeodesicArea, InteriorPoint, MultiPolygon, Polygon, Rect};
use serde_json::{Value, json};

use super::topology::Topo;
use crate::REGION_BBOX;
use crate::basemap::COUNTRY_LABELS_FILE;

/// Writes data/basemap/world_country_labels.json from the world-atlas 50m countries.
pub fn build_country_labels(src: &Path, out: &Path, log: &mut Vec<String>) -> Result<(), String> {
    let topo = Topo::read(src)?;
    let [x0, y0, x1, y1] = REGION_BBOX;
    let region = MultiPolygon(vec![Rect::new((x0, y0), (x1, y1)).to_polygon()]);
    let mut rows: Vec<(String, Value)> = Vec::new();
    for f in topo.polygons("countries")? {
        let name = f
            .props
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_owned();
        let Some(label) = largest_part_point(&f.geometry) else {
            continue;
        };
        // Off the Web Mercator map (Antarctica) or unnamed: no label.
        if name.is_empty() || label[1].abs() > 85.0 {
            continue;
        }
        let area = area_km2(&f.geometry);
        let mut row = json!({
            "name": name,
            "id": f.id.clone().unwrap_or_default(),
            "area_km2": area.round(),
            "label": label,
        });
        let inside = f.geometry.intersection(&region);
        let inside_area = area_km2(&inside);
        if inside_area > 1.0
            && let Some(p) = largest_part_point(&inside)
        {
            row["region_label"] = json!(p);
            row["region_area_km2"] = json!(inside_area.round());
        }
        rows.push((name, row));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    log.push(format!("{COUNTRY_LABELS_FILE}: {} countries", rows.len()));
    let body: Vec<String> = rows.iter().map(|(_, r)| r.to_string()).collect();
    let text = format!("{{\"countries\":[\n{}\n]}}\n", body.join(",\n"));
    let path = out.join(COUNTRY_LABELS_FILE);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Surface of the WGS84 ellipsoid, km².
const EARTH_KM2: f64 = 510_065_621.7;

/// Geodesic area in km², part by part. A part wound the wrong way round (those cut at the
/// antimeridian: Russia, Fiji) measures as the rest of the Earth; it is taken as its
/// complement, since no country part covers half the globe.
fn area_km2(mp: &MultiPolygon<f64>) -> f64 {
    mp.0.iter()
        .map(|p| {
            let a = p.geodesic_area_unsigned() / 1e6;
            if a > EARTH_KM2 / 2.0 {
                (EARTH_KM2 - a).abs()
            } else {
                a
            }
        })
        .sum()
}

/// Interior point of the largest part (by area), rounded to 0.01°.
fn largest_part_point(mp: &MultiPolygon<f64>) -> Option<[f64; 2]> {
    let largest: &Polygon<f64> =
        mp.0.iter()
            .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let p = largest.interior_point()?;
    let r = |v: f64| (v * 100.0).round() / 100.0;
    Some([r(p.x()), r(p.y())])
}
