//! Reading and writing admin units as GeoJSON FeatureCollections (`data/admin/*.geojson`).

use std::path::Path;

use geo::MultiPolygon;
use geojson::{Feature, FeatureCollection, GeoJson, JsonObject};

use crate::diag::Diagnostic;
use crate::model::{AdminUnit, UnitKind};

/// Convert one unit to a GeoJSON feature with all its attributes as properties.
pub fn unit_to_feature(u: &AdminUnit) -> Feature {
    let mut p = JsonObject::new();
    p.insert("id".into(), u.id.clone().into());
    p.insert("name".into(), u.name.clone().into());
    p.insert("aliases".into(), u.aliases.clone().into());
    p.insert("kind".into(), u.kind.as_str().into());
    p.insert("country".into(), u.country.clone().into());
    p.insert(
        "admin_level".into(),
        u.kind.admin_level().map(u64::from).into(),
    );
    p.insert("iso_code".into(), u.iso_code.clone().into());
    p.insert("parent_id".into(), u.parent_id.clone().into());
    p.insert("parent_name".into(), u.parent_name.clone().into());
    p.insert("label".into(), u.label.to_vec().into());
    p.insert("bbox".into(), u.bbox.to_vec().into());
    Feature {
        geometry: Some(geojson::Geometry::from(&u.geometry)),
        properties: Some(p),
        ..Default::default()
    }
}

/// Write units as a FeatureCollection (compact JSON, one feature per line for readable diffs).
pub fn write_admin_file(path: &Path, units: &[AdminUnit]) -> std::io::Result<()> {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (i, u) in units.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&unit_to_feature(u).to_string());
    }
    out.push_str("\n]}\n");
    std::fs::write(path, out)
}

/// Read a units file. Features with missing attributes or non-polygon geometry are reported
/// (with their feature index) and skipped.
pub fn read_admin_file(path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<AdminUnit> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::new(
                path,
                None,
                format!("cannot read file: {e}"),
            ));
            return Vec::new();
        }
    };
    let fc = match serde_json::from_str::<GeoJson>(&text) {
        Ok(GeoJson::FeatureCollection(fc)) => fc,
        Ok(_) => {
            diags.push(Diagnostic::new(
                path,
                None,
                "not a GeoJSON FeatureCollection",
            ));
            return Vec::new();
        }
        Err(e) => {
            diags.push(Diagnostic::new(
                path,
                Some(e.line()),
                format!("invalid GeoJSON: {e}"),
            ));
            return Vec::new();
        }
    };
    features_to_units(path, fc, diags)
}

fn features_to_units(
    path: &Path,
    fc: FeatureCollection,
    diags: &mut Vec<Diagnostic>,
) -> Vec<AdminUnit> {
    let mut units = Vec::with_capacity(fc.features.len());
    for (i, f) in fc.features.into_iter().enumerate() {
        match feature_to_unit(f) {
            Ok(u) => units.push(u),
            Err(msg) => diags.push(Diagnostic::new(
                path,
                None,
                format!("feature #{}: {msg}", i + 1),
            )),
        }
    }
    units
}

fn feature_to_unit(f: Feature) -> Result<AdminUnit, String> {
    let p = f.properties.as_ref().ok_or("no properties")?;
    let s = |k: &str| p.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let id = s("id").ok_or("missing `id`")?;
    let name = s("name").ok_or_else(|| format!("{id}: missing `name`"))?;
    let kind = match s("kind").as_deref() {
        Some("country") => UnitKind::Country,
        Some("province") => UnitKind::Province,
        Some("district") => UnitKind::District,
        other => return Err(format!("{id}: bad `kind` {other:?}")),
    };
    let nums = |k: &str| -> Option<Vec<f64>> {
        p.get(k)?.as_array()?.iter().map(|v| v.as_f64()).collect()
    };
    let label = nums("label")
        .filter(|v| v.len() == 2)
        .ok_or_else(|| format!("{id}: bad `label`"))?;
    let geometry: MultiPolygon<f64> = match f.geometry.map(|g| super::geometry::to_geo(g.value)) {
        Some(Ok(geo::Geometry::Polygon(p))) => MultiPolygon(vec![p]),
        Some(Ok(geo::Geometry::MultiPolygon(mp))) => mp,
        Some(Ok(_)) => return Err(format!("{id}: geometry is not a polygon")),
        Some(Err(e)) => return Err(format!("{id}: bad geometry: {e}")),
        None => return Err(format!("{id}: no geometry")),
    };
    let aliases = p
        .get("aliases")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    Ok(AdminUnit {
        bbox: AdminUnit::bbox_of(&geometry),
        id,
        name,
        aliases,
        kind,
        country: s("country").unwrap_or_default(),
        iso_code: s("iso_code"),
        parent_id: s("parent_id"),
        parent_name: s("parent_name"),
        label: [label[0], label[1]],
        geometry,
    })
}
