//! Named physical regions (mountain ranges, deserts) from Natural Earth, as label points.

use std::path::Path;

use atlas_core::basemap::lonlat_to_world;
use atlas_core::diag::Diagnostic;
use geo::{Area, InteriorPoint};

/// A region label: name in title case, world position, Natural Earth scalerank.
#[derive(Debug, Clone)]
pub struct RegionLabel {
    pub name: String,
    pub world: [f64; 2],
    pub scalerank: u8,
    pub class: String,
}

/// Regions near Afghanistan and Pakistan worth labelling.
const KEEP_CLASSES: &[&str] = &[
    "Range/mtn",
    "Desert",
    "Plateau",
    "Valley",
    "Basin",
    "Lowland",
];

pub fn load_regions(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<RegionLabel> {
    let path = dir.join("ne_10m_geography_regions_polys.geojson");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::new(
                &path,
                None,
                format!("cannot read file: {e}"),
            ));
            return Vec::new();
        }
    };
    let fc: geojson::FeatureCollection = match serde_json::from_str(&text) {
        Ok(fc) => fc,
        Err(e) => {
            diags.push(Diagnostic::new(
                &path,
                Some(e.line()),
                format!("invalid GeoJSON: {e}"),
            ));
            return Vec::new();
        }
    };
    fc.features
        .iter()
        .filter_map(|f| {
            let p = f.properties.as_ref()?;
            let class = p.get("featurecla")?.as_str()?;
            if !KEEP_CLASSES.contains(&class) {
                return None;
            }
            let name = title_case(p.get("name")?.as_str()?);
            let geom = geo::Geometry::<f64>::try_from(f.geometry.clone()?.value).ok()?;
            let pt = match geom {
                geo::Geometry::Polygon(p) => p.interior_point()?,
                geo::Geometry::MultiPolygon(mp) => {
                    mp.0.iter()
                        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?
                        .interior_point()?
                }
                _ => return None,
            };
            Some(RegionLabel {
                name,
                world: lonlat_to_world(pt.x(), pt.y()),
                scalerank: p.get("scalerank").and_then(|v| v.as_f64()).unwrap_or(9.0) as u8,
                class: class.to_owned(),
            })
        })
        .collect()
}

/// "HINDU KUSH" → "Hindu Kush"; mixed-case names are kept.
fn title_case(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_owned();
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_string() + &c.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
