//! Administrative units (countries, provinces, districts) with their geometry.

use geo::{BoundingRect, Contains, MultiPolygon, Point};
use serde::{Deserialize, Serialize};

/// Level of an administrative unit or gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Country,
    Province,
    District,
    Town,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Country => "country",
            UnitKind::Province => "province",
            UnitKind::District => "district",
            UnitKind::Town => "town",
        }
    }

    /// geoBoundaries admin level (ADM0/1/2); towns have none.
    pub fn admin_level(self) -> Option<u8> {
        match self {
            UnitKind::Country => Some(0),
            UnitKind::Province => Some(1),
            UnitKind::District => Some(2),
            UnitKind::Town => None,
        }
    }
}

/// A country, province or district polygon with its identity and hierarchy.
#[derive(Debug, Clone)]
pub struct AdminUnit {
    /// Stable ID: geoBoundaries `shapeID` for provinces/districts, ISO3 for countries.
    pub id: String,
    pub name: String,
    /// Other spellings (source spellings, GeoNames admin names, transliterations).
    pub aliases: Vec<String>,
    pub kind: UnitKind,
    /// ISO 3166-1 alpha-3 country code.
    pub country: String,
    /// ISO 3166-2 code where the source gives one (provinces).
    pub iso_code: Option<String>,
    /// Parent unit ID (province of a district, country of a province).
    pub parent_id: Option<String>,
    pub parent_name: Option<String>,
    /// Point for the label and for "zoom to": inside the polygon.
    pub label: [f64; 2],
    /// lon min, lat min, lon max, lat max.
    pub bbox: [f64; 4],
    pub geometry: MultiPolygon<f64>,
}

impl AdminUnit {
    /// Whether the unit's polygon contains the point (lon, lat); bbox tested first.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let [x0, y0, x1, y1] = self.bbox;
        lon >= x0
            && lon <= x1
            && lat >= y0
            && lat <= y1
            && self.geometry.contains(&Point::new(lon, lat))
    }

    /// Bounding box of a geometry as `[lon min, lat min, lon max, lat max]`.
    pub fn bbox_of(geometry: &MultiPolygon<f64>) -> [f64; 4] {
        geometry
            .bounding_rect()
            .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y])
            .unwrap_or([0.0; 4])
    }
}
