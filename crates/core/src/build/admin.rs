//! Building countries, provinces and districts from geoBoundaries, with parents by spatial join.

use std::path::Path;

use geo::{Area, MultiPolygon};

use super::aliases::{corrected, variants};
use super::geometry::{clean, label_point, overlap_area};
use super::sources::{SourceFeature, read_geojson_polygons, read_topojson_polygons};
use crate::model::{AdminUnit, UnitKind};
use crate::names::tidy;

/// Build every admin unit (countries, provinces, districts) from `data/sources/boundaries`.
pub fn build_admin(boundaries: &Path, log: &mut Vec<String>) -> Result<Vec<AdminUnit>, String> {
    let afg0 =
        read_geojson_polygons(&boundaries.join("geoBoundaries-AFG-ADM0_simplified.geojson"))?;
    let afg1 = read_geojson_polygons(&boundaries.join("geoBoundaries-AFG-ADM1.geojson"))?;
    let afg2 =
        read_geojson_polygons(&boundaries.join("geoBoundaries-AFG-ADM2_simplified.geojson"))?;
    let pak1 =
        read_topojson_polygons(&boundaries.join("geoBoundaries-PAK-ADM1_simplified.topojson"))?;
    let pak2 =
        read_topojson_polygons(&boundaries.join("geoBoundaries-PAK-ADM2_simplified.topojson"))?;

    let afg_geom = MultiPolygon(afg0.into_iter().flat_map(|f| f.geometry.0).collect());
    let pak_geom = geo::unary_union(pak1.iter().map(|f| &f.geometry));
    let countries = vec![
        country(
            "AFG",
            "Afghanistan",
            &[
                "Islamic Republic of Afghanistan",
                "Islamic Emirate of Afghanistan",
            ],
            &afg_geom,
            log,
        ),
        country(
            "PAK",
            "Pakistan",
            &["Islamic Republic of Pakistan"],
            &pak_geom,
            log,
        ),
    ];

    let mut provinces = Vec::new();
    for (feats, c) in [(&afg1, &countries[0]), (&pak1, &countries[1])] {
        for f in feats.iter() {
            provinces.push(unit_from_source(f, UnitKind::Province, c, log)?);
        }
    }
    let mut districts = Vec::new();
    for (feats, c) in [(&afg2, &countries[0]), (&pak2, &countries[1])] {
        for f in feats.iter() {
            let mut d = unit_from_source(f, UnitKind::District, c, log)?;
            assign_parent(&mut d, &provinces, log);
            districts.push(d);
        }
    }
    let mut units = countries;
    units.extend(provinces);
    units.extend(districts);
    Ok(units)
}

fn country(
    iso3: &str,
    name: &str,
    aliases: &[&str],
    geometry: &MultiPolygon<f64>,
    log: &mut Vec<String>,
) -> AdminUnit {
    let geometry = clean(geometry, name, log);
    AdminUnit {
        id: iso3.to_owned(),
        name: name.to_owned(),
        aliases: aliases.iter().map(|s| (*s).to_owned()).collect(),
        kind: UnitKind::Country,
        country: iso3.to_owned(),
        iso_code: Some(iso3.to_owned()),
        parent_id: None,
        parent_name: None,
        label: label_point(&geometry),
        bbox: AdminUnit::bbox_of(&geometry),
        geometry,
    }
}

fn unit_from_source(
    f: &SourceFeature,
    kind: UnitKind,
    country: &AdminUnit,
    log: &mut Vec<String>,
) -> Result<AdminUnit, String> {
    let source_name = f.prop("shapeName").ok_or("feature without shapeName")?;
    let id = f
        .prop("shapeID")
        .ok_or_else(|| format!("{source_name}: no shapeID"))?;
    let (name, typo) = corrected(&source_name);
    let mut aliases: Vec<String> = typo.into_iter().collect();
    aliases.extend(variants(&name));
    let geometry = clean(&f.geometry, &format!("{} {name}", kind.as_str()), log);
    let (parent_id, parent_name) = match kind {
        UnitKind::Province => (Some(country.id.clone()), Some(country.name.clone())),
        _ => (None, None),
    };
    Ok(AdminUnit {
        iso_code: f.prop("shapeISO").map(|iso| iso.replace('_', "-")),
        label: label_point(&geometry),
        bbox: AdminUnit::bbox_of(&geometry),
        id,
        name: tidy(&name),
        aliases,
        kind,
        country: country.id.clone(),
        parent_id,
        parent_name,
        geometry,
    })
}

/// Give a district the province of its own country that overlaps it most.
fn assign_parent(d: &mut AdminUnit, provinces: &[AdminUnit], log: &mut Vec<String>) {
    let own_area = d.geometry.unsigned_area();
    let best = provinces
        .iter()
        .filter(|p| p.country == d.country)
        .map(|p| (p, overlap_area(&d.geometry, &p.geometry)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((p, area)) if area > 0.0 => {
            let share = area / own_area.max(f64::MIN_POSITIVE);
            if share < 0.9 {
                log.push(format!(
                    "district {} ({}): only {:.0}% inside its province {}",
                    d.name,
                    d.id,
                    share * 100.0,
                    p.name
                ));
            }
            d.parent_id = Some(p.id.clone());
            d.parent_name = Some(p.name.clone());
        }
        _ => log.push(format!(
            "district {} ({}): ORPHAN, overlaps no province",
            d.name, d.id
        )),
    }
}
