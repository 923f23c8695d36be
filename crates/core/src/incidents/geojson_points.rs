//! GeoJSON point features as incidents: position from the geometry, fields from properties
//! named by a [`ColumnMapping`] (with common alternative names as fallbacks).

use std::ops::ControlFlow;
use std::path::Path;

use geojson::{Feature, GeoJson, GeometryValue, JsonObject, JsonValue};

use super::date::parse_date;
use super::fields::{check_coords, count};
use super::generic::{ColumnMapping, precision_or};
use super::import::{ImportError, ImportReport, Imported};
use super::model::IncidentView;
use super::schema::Schema;
use super::store::IncidentStore;

/// Fallback property names tried after the mapping's own name.
const DATE_NAMES: &[&str] = &["date", "event_date", "date_start"];
const ACTOR_NAMES: &[&str] = &["actor", "actor1", "side_a", "gname"];

/// Import a GeoJSON file of point features.
pub fn import_geojson_file(
    path: &Path,
    mapping: &ColumnMapping,
    on_progress: impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Imported, ImportError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ImportError::Io(format!("{}: {e}", path.display())))?;
    import_geojson(&text, mapping, on_progress)
}

/// Import GeoJSON text (a FeatureCollection or a single Feature). A feature that is not a
/// point, or whose properties fail to parse, is dropped and reported by its 1-based feature
/// number. `on_progress(features_done, features_total)` is called every 4096 features.
pub fn import_geojson(
    text: &str,
    mapping: &ColumnMapping,
    mut on_progress: impl FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<Imported, ImportError> {
    let features = match text.parse::<GeoJson>() {
        Ok(GeoJson::FeatureCollection(fc)) => fc.features,
        Ok(GeoJson::Feature(f)) => vec![f],
        Ok(GeoJson::Geometry(_)) => {
            return Err(ImportError::GeoJson("a bare geometry, not features".into()));
        }
        Err(e) => return Err(ImportError::GeoJson(e.to_string())),
    };
    let total = features.len() as u64;
    let mut store = IncidentStore::new();
    let mut report = ImportReport::default();
    for (i, feature) in features.iter().enumerate() {
        report.rows_read += 1;
        if let Err(why) = push_feature(&mut store, feature, i + 1, mapping) {
            report.rows_dropped.push((i + 1, why));
        }
        if (i + 1) % 4096 == 0 && on_progress(i as u64 + 1, total).is_break() {
            return Err(ImportError::Cancelled);
        }
    }
    if on_progress(total, total).is_break() {
        return Err(ImportError::Cancelled);
    }
    report.rows_kept = store.len();
    Ok(Imported {
        schema: Schema::GeoJson,
        incidents: store,
        report,
    })
}

/// Property text, case-insensitive name; numbers as written, null/absent as "".
fn prop(props: &JsonObject, name: &str) -> Option<String> {
    let v = props.get(name).or_else(|| {
        props
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })?;
    Some(match v {
        JsonValue::Null => String::new(),
        JsonValue::String(s) => s.trim().to_string(),
        other => other.to_string(),
    })
}

fn prop_opt(props: &JsonObject, name: &Option<String>) -> String {
    name.as_deref()
        .and_then(|n| prop(props, n))
        .unwrap_or_default()
}

fn prop_with_fallbacks(props: &JsonObject, name: &str, fallbacks: &[&str]) -> Option<String> {
    prop(props, name).or_else(|| fallbacks.iter().find_map(|n| prop(props, n)))
}

fn push_feature(
    store: &mut IncidentStore,
    f: &Feature,
    number: usize,
    m: &ColumnMapping,
) -> Result<(), String> {
    let pos = match f.geometry.as_ref().map(|g| &g.value) {
        Some(GeometryValue::Point { coordinates }) => coordinates.as_slice().to_vec(),
        Some(GeometryValue::MultiPoint { coordinates }) if coordinates.len() == 1 => {
            coordinates[0].as_slice().to_vec()
        }
        Some(other) => return Err(format!("geometry is {}, not a Point", other.type_name())),
        None => return Err("feature has no geometry".into()),
    };
    let (Some(&x), Some(&y)) = (pos.first(), pos.get(1)) else {
        return Err("point has fewer than 2 coordinates".into());
    };
    let (lon, lat) = check_coords(x, y)?;
    let empty = JsonObject::new();
    let props = f.properties.as_ref().unwrap_or(&empty);
    let date_text = prop_with_fallbacks(props, &m.date, DATE_NAMES)
        .ok_or_else(|| format!("no {:?} property", m.date))?;
    let date = parse_date(&date_text)?;
    let actor1 = prop_with_fallbacks(props, &m.actor, ACTOR_NAMES).unwrap_or_default();
    let location_precision = precision_or(&prop_opt(props, &m.precision), m.default_precision)?;
    let fatalities = count("fatalities", &prop_opt(props, &m.fatalities))?;
    let mut id = prop_opt(props, &m.id);
    if id.is_empty() {
        id = match &f.id {
            Some(geojson::feature::Id::String(s)) => s.clone(),
            Some(geojson::feature::Id::Number(n)) => n.to_string(),
            None => format!("feature {number}"),
        };
    }
    let (actor2, event_type) = (prop_opt(props, &m.actor2), prop_opt(props, &m.event_type));
    let (location, source, notes) = (
        prop_opt(props, &m.location),
        prop_opt(props, &m.source),
        prop_opt(props, &m.notes),
    );
    store.push(&IncidentView {
        id: &id,
        date,
        lon,
        lat,
        location_precision,
        actor1: &actor1,
        actor2: &actor2,
        event_type: &event_type,
        sub_event_type: "",
        fatalities,
        country: "",
        admin1: "",
        admin2: "",
        location: &location,
        source: &source,
        notes: &notes,
    });
    Ok(())
}
