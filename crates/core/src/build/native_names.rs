//! Native-script names for towns: GeoNames' Arabic-script alternate names (Pashto, Dari,
//! Urdu, Arabic), joined to the towns by country, name and position.

use std::path::Path;

use crate::model::Town;
use crate::names::normalize;

/// Coordinates this close are the same GeoNames row, degrees.
const SAME_DEG: f64 = 1e-4;
/// How far a row of the same name may lie from the town it names, degrees.
const NEAR_DEG: f64 = 0.02;

#[derive(serde::Deserialize)]
struct Row {
    #[allow(dead_code)]
    geonameid: u64,
    name: String,
    lat: f64,
    lon: f64,
    cc: String,
    native: String,
}

/// Give each town the native names of its GeoNames row (same country and coordinates),
/// else of a row of its name within [`NEAR_DEG`]. Returns how many towns got names; rows that match no town are logged.
pub fn add_native_names(
    path: &Path,
    towns: &mut [Town],
    log: &mut Vec<String>,
) -> Result<usize, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut named = 0;
    let mut unmatched = 0;
    for (i, rec) in reader.deserialize::<Row>().enumerate() {
        let row = rec.map_err(|e| format!("{}: row {}: {e}", path.display(), i + 2))?;
        let country = match row.cc.as_str() {
            "AF" => "AFG",
            "PK" => "PAK",
            _ => continue,
        };
        // The same GeoNames row (its coordinates), else the same name nearby.
        let key = normalize(&row.name);
        let near = |t: &Town, d: f64| (t.lat - row.lat).abs() <= d && (t.lon - row.lon).abs() <= d;
        let i = towns
            .iter()
            .position(|t| t.country == country && near(t, SAME_DEG))
            .or_else(|| {
                towns.iter().position(|t| {
                    t.country == country && near(t, NEAR_DEG) && normalize(&t.name) == key
                })
            });
        let town = i.map(|i| &mut towns[i]);
        let Some(town) = town else {
            unmatched += 1;
            continue;
        };
        let names: Vec<String> = row
            .native
            .split(';')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        if town.native_names.is_empty() && !names.is_empty() {
            named += 1;
        }
        for n in names {
            if !town.native_names.contains(&n) {
                town.native_names.push(n);
            }
        }
    }
    let file = path
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    log.push(format!(
        "native names: {named} towns named; {unmatched} rows of {file} match no town"
    ));
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(name: &str, country: &str, lon: f64, lat: f64) -> Town {
        Town {
            id: format!("town:{name}"),
            name: name.into(),
            aliases: vec![],
            country: country.into(),
            lon,
            lat,
            population: None,
            rank: 5,
            province_id: None,
            district_id: None,
            native_names: vec![],
        }
    }

    #[test]
    fn rows_join_by_coordinates_else_by_name_nearby_and_the_rest_is_counted() {
        let dir = std::env::temp_dir().join(format!("atlas-native-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let csv = dir.join("names.csv");
        std::fs::write(
            &csv,
            "geonameid,name,lat,lon,cc,native\n\
             1,Kābul,34.52813,69.17233,AF,کابل;کابول\n\
             2,Peshawar,34.0100,71.5800,PK,پشاور\n\
             3,Peshawar,34.0100,71.5800,PK,پېښور;پشاور\n\
             4,Nowhere,10.0,10.0,PK,نیست\n\
             5,Elsewhere,10.0,10.0,IN,कहीं\n",
        )
        .expect("write");
        let mut towns = vec![
            town("Kabul", "AFG", 69.17233, 34.52813),
            town("Peshawar", "PAK", 71.5785, 34.0080),
            town("Quetta", "PAK", 67.0, 30.2),
        ];
        let mut log = Vec::new();
        let named = add_native_names(&csv, &mut towns, &mut log).expect("read");
        assert_eq!(named, 2);
        assert_eq!(towns[0].native_names, ["کابل", "کابول"]);
        assert_eq!(
            towns[1].native_names,
            ["پشاور", "پېښور"],
            "merged, no repeats"
        );
        assert!(towns[2].native_names.is_empty());
        assert_eq!(
            log,
            ["native names: 2 towns named; 1 rows of names.csv match no town"]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
