//! Towns and cities from the gazetteer (GeoNames, Natural Earth).

use serde::{Deserialize, Serialize};

/// A populated place, a point, with the admin units it lies in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Town {
    /// Stable ID, `town:` + ISO2 + normalised name + rounded coordinates.
    pub id: String,
    pub name: String,
    /// `;`-separated in the CSV; alternative spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO3 country code.
    pub country: String,
    pub lon: f64,
    pub lat: f64,
    pub population: Option<u64>,
    /// 1 (capital/major city) .. 5 (small town): drives label visibility by zoom.
    pub rank: u8,
    pub province_id: Option<String>,
    pub district_id: Option<String>,
    /// Names in Arabic script (Pashto, Dari, Urdu, Arabic) from GeoNames; `;`-separated in
    /// the CSV.
    #[serde(default)]
    pub native_names: Vec<String>,
}
