//! Loading the Natural Earth GeoJSON layers of the basemap, pre-projected to Web Mercator.

use std::path::Path;

use geojson::{Feature, GeometryValue, JsonObject, Position};
use serde_json::Value;

use super::country_names::{COUNTRY_LABELS_FILE, CountryName, load_country_names};
use super::index::{Bbox, LineLayer, Polygon, PolygonLayer, WorldPt, bbox_union};
use super::mercator::lonlat_to_world;
use super::world::{WorldFiles, WorldTier, load_world};
use crate::diag::Diagnostic;

pub const LAND_FILE: &str = "ne_10m_land.geojson";
pub const OCEAN_FILE: &str = "ne_10m_ocean.geojson";
pub const LAKES_FILE: &str = "ne_10m_lakes.geojson";
pub const RIVERS_FILE: &str = "ne_10m_rivers_lake_centerlines.geojson";
pub const COUNTRIES_FILE: &str = "ne_50m_admin_0_countries.geojson";
pub const BORDERS_FILE: &str = "ne_10m_admin_0_boundary_lines_land.geojson";
pub const CLAIMS_FILE: &str = "ne_10m_admin_0_boundary_lines_disputed_areas.geojson";
pub const DISPUTED_AREAS_FILE: &str = "ne_10m_admin_0_disputed_areas.geojson";
pub const URBAN_FILE: &str = "ne_50m_urban_areas.geojson";

/// Every file [`BasemapData::load`] reads from its directory: the regional Natural Earth files
/// (names unchanged), then the built world layers and country label points.
pub const BASEMAP_FILES: [&str; 16] = [
    LAND_FILE,
    OCEAN_FILE,
    LAKES_FILE,
    RIVERS_FILE,
    COUNTRIES_FILE,
    BORDERS_FILE,
    CLAIMS_FILE,
    DISPUTED_AREAS_FILE,
    URBAN_FILE,
    WorldFiles::COARSE.land,
    WorldFiles::COARSE.lakes,
    WorldFiles::COARSE.borders,
    WorldFiles::DETAIL.land,
    WorldFiles::DETAIL.lakes,
    WorldFiles::DETAIL.borders,
    COUNTRY_LABELS_FILE,
];

/// Natural Earth's zoom hints for a feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoomHint {
    /// Smallest web-map zoom the feature is meant for (`min_zoom`, 0 when absent).
    pub min_zoom: f32,
    /// Natural Earth importance, lower = more important (`scalerank`, 10 when absent).
    pub scalerank: f32,
}

/// Kind of a land boundary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BorderKind {
    /// "International boundary": drawn solid.
    International,
    /// Line of control, disputed, indefinite or indeterminate frontier: drawn dashed.
    Disputed,
}

/// All basemap layers, in world coordinates, spatially indexed.
#[derive(Debug, Default)]
pub struct BasemapData {
    pub(crate) land: PolygonLayer<()>,
    pub(crate) ocean: PolygonLayer<()>,
    pub(crate) lakes: PolygonLayer<ZoomHint>,
    pub(crate) urban: PolygonLayer<ZoomHint>,
    /// Country polygons with their `ADM0_A3` code.
    pub(crate) countries: PolygonLayer<String>,
    pub(crate) disputed_areas: PolygonLayer<()>,
    pub(crate) rivers: LineLayer<ZoomHint>,
    pub(crate) borders: LineLayer<BorderKind>,
    pub(crate) claims: LineLayer<()>,
    /// World-coordinate box covered by the regional land and ocean layers: inside it the
    /// regional data is drawn over the world layers.
    pub(crate) extent: Option<Bbox>,
    /// World layers under the regional data, coarse (110m) then detail (50m).
    pub(crate) world: [WorldTier; 2],
    /// Country names with their label points (for [`super::country_labels`]).
    pub(crate) country_names: Vec<CountryName>,
}

impl BasemapData {
    /// Loads every file of [`BASEMAP_FILES`] from `dir`. A missing or broken file leaves its
    /// layer empty and yields a [`Diagnostic`] naming it; bad features are skipped the same way.
    pub fn load(dir: &Path) -> (Self, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut read = |name: &str| read_features(&dir.join(name), &mut diags);

        let land = polygons(read(LAND_FILE), |_| ());
        let ocean = polygons(read(OCEAN_FILE), |_| ());
        let lakes = polygons(read(LAKES_FILE), zoom_hint);
        let rivers = lines(read(RIVERS_FILE), zoom_hint);
        let countries = polygons(read(COUNTRIES_FILE), |p| {
            str_prop(p, &["ADM0_A3", "adm0_a3", "ISO_A3"]).unwrap_or_default()
        });
        let borders = lines(read(BORDERS_FILE), border_kind);
        let claims = lines(read(CLAIMS_FILE), |_| ());
        let disputed_areas = polygons(read(DISPUTED_AREAS_FILE), |_| ());
        let urban = polygons(read(URBAN_FILE), zoom_hint);

        let extent = bbox_union(land.extent(), ocean.extent());
        let world = load_world(dir, &mut diags);
        let country_names = load_country_names(&dir.join(COUNTRY_LABELS_FILE), &mut diags);
        let data = Self {
            land,
            ocean,
            lakes,
            urban,
            countries,
            disputed_areas,
            rivers,
            borders,
            claims,
            extent,
            world,
            country_names,
        };
        (data, diags)
    }

    /// True when no layer has any geometry.
    pub fn is_empty(&self) -> bool {
        self.land.items.is_empty()
            && self.ocean.items.is_empty()
            && self.lakes.items.is_empty()
            && self.urban.items.is_empty()
            && self.countries.items.is_empty()
            && self.disputed_areas.items.is_empty()
            && self.rivers.lines.is_empty()
            && self.borders.lines.is_empty()
            && self.claims.lines.is_empty()
            && self.world.iter().all(WorldTier::is_empty)
    }

    /// True when the world layers are loaded: then no tile shows `style.no_data`.
    pub fn has_world(&self) -> bool {
        self.world.iter().any(|t| t.extent.is_some())
    }

    /// Every country name with its label points, alphabetical.
    pub fn country_names(&self) -> &[CountryName] {
        &self.country_names
    }

    /// Lon/lat box `[west, south, east, north]` covered by the regional land and sea data.
    pub fn extent_lonlat(&self) -> Option<[f64; 4]> {
        let e = self.extent?;
        let (w, n) = super::mercator::world_to_lonlat([e[0], e[1]]);
        let (east, s) = super::mercator::world_to_lonlat([e[2], e[3]]);
        Some([w, s, east, n])
    }
}

/// A feature's geometry parts in world coordinates: polygons (rings) and polylines.
pub(super) struct Parts {
    polygons: Vec<Vec<Vec<WorldPt>>>,
    lines: Vec<Vec<WorldPt>>,
}

/// Reads a GeoJSON FeatureCollection, returning (geometry parts, properties) per feature.
pub(super) fn read_features(path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<(Parts, JsonObject)> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diags.push(Diagnostic::new(
                path,
                None,
                "basemap file missing; layer left empty",
            ));
            return Vec::new();
        }
        Err(e) => {
            diags.push(Diagnostic::new(
                path,
                None,
                format!("cannot read basemap file: {e}"),
            ));
            return Vec::new();
        }
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let line = (e.line() > 0).then_some(e.line());
            diags.push(Diagnostic::new(path, line, format!("invalid JSON: {e}")));
            return Vec::new();
        }
    };
    let features = match value {
        Value::Object(mut obj) => match obj.remove("features") {
            Some(Value::Array(f)) => f,
            _ => {
                let msg = "not a GeoJSON FeatureCollection (no \"features\" array)";
                diags.push(Diagnostic::new(path, None, msg));
                return Vec::new();
            }
        },
        _ => {
            diags.push(Diagnostic::new(path, None, "not a GeoJSON object"));
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(features.len());
    for (i, fv) in features.into_iter().enumerate() {
        let feature: Feature = match serde_json::from_value(fv) {
            Ok(f) => f,
            Err(e) => {
                let msg = format!(
                    "feature #{}: skipped, not a valid GeoJSON feature: {e}",
                    i + 1
                );
                diags.push(Diagnostic::new(path, None, msg));
                continue;
            }
        };
        let Some(geometry) = feature.geometry else {
            continue;
        };
        let mut parts = Parts {
            polygons: Vec::new(),
            lines: Vec::new(),
        };
        if let Err(msg) = collect_parts(&geometry.value, &mut parts) {
            let msg = format!("feature #{}: skipped: {msg}", i + 1);
            diags.push(Diagnostic::new(path, None, msg));
            continue;
        }
        out.push((parts, feature.properties.unwrap_or_default()));
    }
    out
}

fn project(pos: &Position) -> Result<WorldPt, String> {
    match pos.as_slice() {
        [lon, lat, ..] if lon.is_finite() && lat.is_finite() => Ok(lonlat_to_world(*lon, *lat)),
        other => Err(format!("bad coordinate {other:?}")),
    }
}

fn project_all(ring: &[Position]) -> Result<Vec<WorldPt>, String> {
    ring.iter().map(project).collect()
}

fn collect_parts(value: &GeometryValue, parts: &mut Parts) -> Result<(), String> {
    match value {
        GeometryValue::Point { .. } | GeometryValue::MultiPoint { .. } => {}
        GeometryValue::LineString { coordinates } => parts.lines.push(project_all(coordinates)?),
        GeometryValue::MultiLineString { coordinates } => {
            for line in coordinates {
                parts.lines.push(project_all(line)?);
            }
        }
        GeometryValue::Polygon { coordinates } => parts.polygons.push(project_rings(coordinates)?),
        GeometryValue::MultiPolygon { coordinates } => {
            for poly in coordinates {
                parts.polygons.push(project_rings(poly)?);
            }
        }
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries {
                collect_parts(&g.value, parts)?;
            }
        }
    }
    Ok(())
}

fn project_rings(rings: &[Vec<Position>]) -> Result<Vec<Vec<WorldPt>>, String> {
    rings.iter().map(|r| project_all(r)).collect()
}

/// Builds a polygon layer; line parts in a polygon file are ignored.
pub(super) fn polygons<A: Clone>(
    features: Vec<(Parts, JsonObject)>,
    attrs: impl Fn(&JsonObject) -> A,
) -> PolygonLayer<A> {
    let mut items = Vec::new();
    for (parts, props) in features {
        let a = attrs(&props);
        for rings in parts.polygons {
            if let Some(p) = Polygon::new(rings) {
                items.push((p, a.clone()));
            }
        }
    }
    PolygonLayer::new(items)
}

/// Builds a line layer; polygon parts in a line file are ignored.
pub(super) fn lines<A: Clone>(
    features: Vec<(Parts, JsonObject)>,
    attrs: impl Fn(&JsonObject) -> A,
) -> LineLayer<A> {
    let mut items = Vec::new();
    for (parts, props) in features {
        let a = attrs(&props);
        items.extend(parts.lines.into_iter().map(|l| (l, a.clone())));
    }
    LineLayer::new(items)
}

fn num_prop(props: &JsonObject, keys: &[&str]) -> Option<f64> {
    keys.iter()
        .find_map(|k| props.get(*k).and_then(Value::as_f64))
}

fn str_prop(props: &JsonObject, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| props.get(*k).and_then(Value::as_str))
        .map(str::to_owned)
}

fn zoom_hint(props: &JsonObject) -> ZoomHint {
    ZoomHint {
        min_zoom: num_prop(props, &["min_zoom", "MIN_ZOOM"]).unwrap_or(0.0) as f32,
        scalerank: num_prop(props, &["scalerank", "SCALERANK"]).unwrap_or(10.0) as f32,
    }
}

fn border_kind(props: &JsonObject) -> BorderKind {
    let cla = str_prop(props, &["featurecla", "FEATURECLA"]).unwrap_or_default();
    if cla.to_ascii_lowercase().starts_with("international") {
        BorderKind::International
    } else {
        BorderKind::Disputed
    }
}
