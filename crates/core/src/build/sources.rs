//! Reading raw source files (GeoJSON and TopoJSON) into attribute + polygon records.

use std::path::Path;

use geo::MultiPolygon;
use geojson::{GeoJson, JsonObject};

/// One source feature: its properties and its (multi)polygon.
pub struct SourceFeature {
    pub props: JsonObject,
    pub geometry: MultiPolygon<f64>,
}

impl SourceFeature {
    /// A string property, tidied (trimmed, inner whitespace collapsed); empty → None.
    pub fn prop(&self, key: &str) -> Option<String> {
        let v = crate::names::tidy(self.props.get(key)?.as_str()?);
        (!v.is_empty()).then_some(v)
    }
}

/// Read a polygon GeoJSON FeatureCollection.
pub fn read_geojson_polygons(path: &Path) -> Result<Vec<SourceFeature>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    polygons_from_geojson_text(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn polygons_from_geojson_text(text: &str) -> Result<Vec<SourceFeature>, String> {
    let gj: GeoJson = text.parse().map_err(|e| format!("invalid GeoJSON: {e}"))?;
    let GeoJson::FeatureCollection(fc) = gj else {
        return Err("not a FeatureCollection".into());
    };
    let mut out = Vec::new();
    for (i, f) in fc.features.into_iter().enumerate() {
        let geometry = match f.geometry.map(|g| crate::data::geometry::to_geo(g.value)) {
            Some(Ok(geo::Geometry::Polygon(p))) => MultiPolygon(vec![p]),
            Some(Ok(geo::Geometry::MultiPolygon(mp))) => mp,
            _ => return Err(format!("feature #{} is not a polygon", i + 1)),
        };
        out.push(SourceFeature {
            props: f.properties.unwrap_or_default(),
            geometry,
        });
    }
    Ok(out)
}

/// Read a TopoJSON file holding one polygon object; decode arcs (quantised, delta-encoded)
/// into polygons through the `topojson` crate.
pub fn read_topojson_polygons(path: &Path) -> Result<Vec<SourceFeature>, String> {
    let err = |e: String| format!("{}: {e}", path.display());
    let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
    let topo = match text
        .parse::<topojson::TopoJson>()
        .map_err(|e| err(e.to_string()))?
    {
        topojson::TopoJson::Topology(t) => t,
        topojson::TopoJson::Geometry(_) => return Err(err("not a Topology".into())),
    };
    let key = topo
        .list_names()
        .into_iter()
        .next()
        .ok_or_else(|| err("no objects".into()))?;
    let fc = topojson::to_geojson(&topo, &key).map_err(|e| err(e.to_string()))?;
    // The topojson crate speaks an older geojson; hand over through JSON text.
    polygons_from_geojson_text(&fc.to_string()).map_err(err)
}
