//! The reproducible data build: raw sources in data/sources -> app data in data/.
//!
//! Run it with `cargo run -p atlas-core --bin build-data`. The output is deterministic: the same
//! sources give byte-identical files, which a test checks.

mod admin;
mod aliases;
mod antimeridian;
mod country_labels;
mod geometry;
mod native_names;
mod sources;
mod topology;
mod towns;
mod world;

pub use aliases::{CORRECTIONS, VARIANTS};

use std::path::Path;

use crate::model::UnitKind;

/// Natural Earth files the basemap uses, copied as they are from `sources/basemap`.
pub const BASEMAP_FILES: &[&str] = &[
    "ne_10m_land.geojson",
    "ne_10m_ocean.geojson",
    "ne_10m_lakes.geojson",
    "ne_10m_rivers_lake_centerlines.geojson",
    "ne_50m_admin_0_countries.geojson",
    "ne_10m_admin_0_boundary_lines_land.geojson",
    "ne_10m_admin_0_boundary_lines_disputed_areas.geojson",
    "ne_10m_admin_0_disputed_areas.geojson",
    "ne_10m_geography_regions_polys.geojson",
    "ne_10m_geography_regions_elevation_points.geojson",
    "ne_50m_urban_areas.geojson",
];

/// Build all app data from `data_dir/sources` into `data_dir`. Returns the build log (one
/// line per notable event: repairs, joins that needed a decision, counts).
pub fn run(data_dir: &Path) -> Result<Vec<String>, String> {
    let src = data_dir.join("sources");
    let mut log = Vec::new();
    let mut units = admin::build_admin(&src.join("boundaries"), &mut log)?;
    let (mut towns, admin1) = towns::build_towns(
        &src.join("gazetteer/geonames_cities1000_region.csv"),
        &src.join("basemap/ne_10m_populated_places.geojson"),
        &units,
        &mut log,
    )?;
    native_names::add_native_names(
        &src.join("gazetteer/geonames_native_names_afpk.csv"),
        &mut towns,
        &mut log,
    )?;
    for u in &mut units {
        for alias in admin1.get(&u.id).into_iter().flatten() {
            if !u.aliases.contains(alias) {
                u.aliases.push(alias.clone());
            }
        }
    }

    let io = |e: std::io::Error| e.to_string();
    std::fs::create_dir_all(data_dir.join("admin")).map_err(io)?;
    std::fs::create_dir_all(data_dir.join("gazetteer")).map_err(io)?;
    std::fs::create_dir_all(data_dir.join("basemap")).map_err(io)?;
    for (kind, file) in [
        (UnitKind::Country, "countries.geojson"),
        (UnitKind::Province, "provinces.geojson"),
        (UnitKind::District, "districts.geojson"),
    ] {
        let of_kind: Vec<_> = units.iter().filter(|u| u.kind == kind).cloned().collect();
        log.push(format!("{file}: {} units", of_kind.len()));
        crate::data::write_admin_file(&data_dir.join("admin").join(file), &of_kind).map_err(io)?;
    }
    log.push(format!("towns.csv: {} towns", towns.len()));
    crate::data::write_towns_file(&data_dir.join("gazetteer/towns.csv"), &towns)
        .map_err(|e| e.to_string())?;
    for f in BASEMAP_FILES {
        std::fs::copy(
            src.join("basemap").join(f),
            data_dir.join("basemap").join(f),
        )
        .map_err(|e| format!("{f}: {e}"))?;
    }
    log.push(format!(
        "basemap: {} Natural Earth files copied",
        BASEMAP_FILES.len()
    ));
    world::build_world(
        &src.join("basemap/world"),
        &data_dir.join("basemap"),
        &mut log,
    )?;
    let mut text = log.join("\n");
    text.push('\n');
    std::fs::write(data_dir.join("BUILD_LOG.txt"), text).map_err(io)?;
    Ok(log)
}
