//! Building the towns gazetteer from GeoNames (names, places) and Natural Earth (rank, population).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::aliases::variants;
use crate::model::{AdminUnit, Town, UnitKind};
use crate::names::normalize;

/// ISO 3166 alpha-2 → alpha-3 for the countries in the region box.
const ISO2_TO_3: &[(&str, &str)] = &[
    ("AF", "AFG"),
    ("PK", "PAK"),
    ("IN", "IND"),
    ("IR", "IRN"),
    ("CN", "CHN"),
    ("TJ", "TJK"),
    ("TM", "TKM"),
    ("UZ", "UZB"),
    ("KG", "KGZ"),
    ("KZ", "KAZ"),
    ("NP", "NPL"),
    ("OM", "OMN"),
    ("AE", "ARE"),
];

#[derive(serde::Deserialize)]
struct GeoNamesRow {
    lat: f64,
    lon: f64,
    name: String,
    admin1: String,
    #[allow(dead_code)]
    admin2: String,
    cc: String,
}

/// A Natural Earth populated place, used to rank GeoNames towns.
struct NePlace {
    key: String,
    lon: f64,
    lat: f64,
    pop: Option<u64>,
    rank: u8,
}

/// Extra aliases per admin unit ID.
pub type AliasesById = BTreeMap<String, Vec<String>>;

/// Build towns; AF/PK towns get their province and district by point-in-polygon. Also
/// returns GeoNames' admin1 spellings per province ID (majority vote) to keep as aliases.
pub fn build_towns(
    gazetteer_csv: &Path,
    ne_places: &Path,
    units: &[AdminUnit],
    log: &mut Vec<String>,
) -> Result<(Vec<Town>, AliasesById), String> {
    let ne = read_ne_places(ne_places)?;
    let mut reader = csv::Reader::from_path(gazetteer_csv)
        .map_err(|e| format!("{}: {e}", gazetteer_csv.display()))?;
    let mut towns = Vec::new();
    let mut admin1_votes: HashMap<(String, String), usize> = HashMap::new();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for (i, row) in reader.deserialize::<GeoNamesRow>().enumerate() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                log.push(format!("{}: row {}: {e}", gazetteer_csv.display(), i + 2));
                continue;
            }
        };
        let Some(country) = ISO2_TO_3
            .iter()
            .find(|(a, _)| *a == row.cc)
            .map(|(_, b)| (*b).to_owned())
        else {
            log.push(format!(
                "{}: unknown country code {}",
                gazetteer_csv.display(),
                row.cc
            ));
            continue;
        };
        let local = matches!(country.as_str(), "AFG" | "PAK");
        let province = local
            .then(|| find_unit(units, UnitKind::Province, &country, row.lon, row.lat))
            .flatten();
        let district = local
            .then(|| find_unit(units, UnitKind::District, &country, row.lon, row.lat))
            .flatten();
        if let Some(p) = province {
            *admin1_votes
                .entry((row.admin1.clone(), p.id.clone()))
                .or_default() += 1;
        }
        let key = normalize(&row.name);
        let nearest = ne
            .iter()
            .filter(|p| {
                p.key == key && (p.lon - row.lon).abs() < 0.3 && (p.lat - row.lat).abs() < 0.3
            })
            .min_by_key(|p| p.rank);
        let base_id = format!("town:{}:{}", row.cc.to_lowercase(), key.replace(' ', "-"));
        let n = used_ids.entry(base_id.clone()).or_default();
        *n += 1;
        let id = if *n == 1 {
            base_id
        } else {
            format!("{base_id}-{n}")
        };
        towns.push(Town {
            id,
            aliases: variants(&row.name),
            name: row.name,
            country,
            lon: row.lon,
            lat: row.lat,
            population: nearest.and_then(|p| p.pop),
            rank: nearest.map(|p| p.rank).unwrap_or(5),
            province_id: province.map(|u| u.id.clone()),
            district_id: district.map(|u| u.id.clone()),
            native_names: Vec::new(),
        });
    }
    Ok((towns, admin1_aliases(admin1_votes, units)))
}

/// For each GeoNames admin1 name, the province holding most of its towns; names that differ
/// from the province's own become its aliases.
fn admin1_aliases(votes: HashMap<(String, String), usize>, units: &[AdminUnit]) -> AliasesById {
    let mut best: HashMap<String, (String, usize)> = HashMap::new();
    for ((admin1, pid), n) in votes {
        let e = best.entry(admin1).or_insert((pid.clone(), 0));
        if n > e.1 || (n == e.1 && pid < e.0) {
            *e = (pid, n);
        }
    }
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (admin1, (pid, _)) in best {
        let same = units
            .iter()
            .any(|u| u.id == pid && normalize(&u.name) == normalize(&admin1));
        if !same && !admin1.is_empty() {
            out.entry(pid).or_default().push(admin1);
        }
    }
    for v in out.values_mut() {
        v.sort();
    }
    out
}

fn find_unit<'a>(
    units: &'a [AdminUnit],
    kind: UnitKind,
    country: &str,
    lon: f64,
    lat: f64,
) -> Option<&'a AdminUnit> {
    units
        .iter()
        .find(|u| u.kind == kind && u.country == country && u.contains(lon, lat))
}

fn read_ne_places(path: &Path) -> Result<Vec<NePlace>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let gj: geojson::FeatureCollection = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(gj
        .features
        .iter()
        .filter_map(|f| {
            let p = f.properties.as_ref()?;
            let name = p.get("NAMEASCII").or(p.get("NAME"))?.as_str()?;
            let scalerank = p.get("SCALERANK")?.as_f64()?;
            let capital = p.get("ADM0CAP").and_then(|v| v.as_f64()).unwrap_or(0.0) > 0.0;
            Some(NePlace {
                key: normalize(name),
                lon: p.get("LONGITUDE")?.as_f64()?,
                lat: p.get("LATITUDE")?.as_f64()?,
                pop: p.get("POP_MAX").and_then(|v| v.as_f64()).map(|v| v as u64),
                rank: if capital {
                    1
                } else {
                    (1 + (scalerank as u8) / 3).clamp(1, 4)
                },
            })
        })
        .collect())
}
