//! Country names for the map, in the basemap's style (spaced capitals sized by the country's
//! area on screen), as label candidates for the label engine.

use std::path::Path;

use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::labels::{LabelCandidate, Placement};

/// Built by the data build from the Natural Earth 50m countries (data/basemap/).
pub const COUNTRY_LABELS_FILE: &str = "world_country_labels.json";

/// Layer name of country labels in the label engine's output.
pub const COUNTRY_LAYER: &str = "country";

/// A country's name and label points, as built into [`COUNTRY_LABELS_FILE`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CountryName {
    /// Natural Earth `NAME` ("Afghanistan", "Dem. Rep. Congo").
    pub name: String,
    /// ISO 3166-1 numeric code as given by world-atlas ("004"), empty when it has none.
    #[serde(default)]
    pub id: String,
    pub area_km2: f64,
    /// `[lon, lat]` inside the country's largest part.
    pub label: [f64; 2],
    /// `[lon, lat]` inside the largest part of the country within the region box, if any.
    #[serde(default)]
    pub region_label: Option<[f64; 2]>,
    #[serde(default)]
    pub region_area_km2: Option<f64>,
}

#[derive(Deserialize)]
struct File {
    countries: Vec<CountryName>,
}

/// Reads [`COUNTRY_LABELS_FILE`]; a missing or broken file gives no names and a diagnostic.
pub(crate) fn load_country_names(path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<CountryName> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let msg = if e.kind() == std::io::ErrorKind::NotFound {
                "basemap file missing; layer left empty".to_owned()
            } else {
                format!("cannot read basemap file: {e}")
            };
            diags.push(Diagnostic::new(path, None, msg));
            return Vec::new();
        }
    };
    match serde_json::from_str::<File>(&text) {
        Ok(f) => f.countries,
        Err(e) => {
            let line = (e.line() > 0).then_some(e.line());
            diags.push(Diagnostic::new(
                path,
                line,
                format!("invalid country labels: {e}"),
            ));
            Vec::new()
        }
    }
}

/// One country name to draw: what, where, how big. Sizes are in reference pixels (the
/// pixels of `zoom`; a renderer at pixel ratio `r` multiplies them by `r`).
#[derive(Debug, Clone, PartialEq)]
pub struct CountryLabel {
    /// The name in capitals ("AFGHANISTAN").
    pub text: String,
    pub name: String,
    /// `[lon, lat]` of the label's centre.
    pub lonlat: [f64; 2],
    /// Font size, px.
    pub font_px: f32,
    /// Extra space between letters, as a fraction of the font size ("spaced caps").
    pub tracking_em: f32,
    /// Bigger on screen = higher (log10 of the on-screen area in px²).
    pub priority: f32,
}

/// Smallest on-screen area (px²) of a country that gets a name.
pub const MIN_LABEL_AREA_PX: f64 = 3000.0;
/// Font size range of country names, px.
pub const COUNTRY_FONT_PX: [f32; 2] = [10.0, 22.0];
/// Letter spacing of country names, em.
pub const COUNTRY_TRACKING_EM: f32 = 0.18;

/// The country names to draw on a view of lon/lat box `view` (`[west, south, east, north]`)
/// at web-map zoom `zoom`. A country is named at its main label point when that is in view,
/// else at its region label point when that is; it is left out when neither is in view or
/// when it covers under [`MIN_LABEL_AREA_PX`] on screen. Font size grows with the logarithm
/// of the on-screen area: `9 + 1.6 · log2(area / 3000 px²)`, clamped to [`COUNTRY_FONT_PX`].
/// Sorted by descending priority, then name (deterministic).
pub fn country_labels(names: &[CountryName], view: [f64; 4], zoom: f64) -> Vec<CountryLabel> {
    let in_view =
        |p: &[f64; 2]| p[0] >= view[0] && p[0] <= view[2] && p[1] >= view[1] && p[1] <= view[3];
    let mut out: Vec<CountryLabel> = names
        .iter()
        .filter_map(|c| {
            let (lonlat, area) = if in_view(&c.label) {
                (c.label, c.area_km2)
            } else {
                let p = c.region_label.filter(|p| in_view(p))?;
                (p, c.region_area_km2.unwrap_or(c.area_km2))
            };
            let area_px = area / km_per_px(lonlat[1], zoom).powi(2);
            if !area_px.is_finite() || area_px < MIN_LABEL_AREA_PX {
                return None;
            }
            let size = 9.0 + 1.6 * (area_px / MIN_LABEL_AREA_PX).log2();
            Some(CountryLabel {
                text: c.name.to_uppercase(),
                name: c.name.clone(),
                lonlat,
                font_px: (size as f32).clamp(COUNTRY_FONT_PX[0], COUNTRY_FONT_PX[1]),
                tracking_em: COUNTRY_TRACKING_EM,
                priority: area_px.log10() as f32,
            })
        })
        .collect();
    out.sort_by(|a, b| b.priority.total_cmp(&a.priority).then(a.name.cmp(&b.name)));
    out
}

/// Ground kilometres per pixel (256 px tiles) at latitude `lat` and zoom `zoom`.
pub fn km_per_px(lat: f64, zoom: f64) -> f64 {
    40_075.016_686 * lat.to_radians().cos() / (256.0 * zoom.exp2())
}

impl CountryLabel {
    /// The label engine's candidate for this name: centred on its point (`anchor_px`, image
    /// pixels), with the box size the caller measured for the tracked text, sliding up or
    /// down by one line when the centre is taken.
    pub fn candidate(&self, anchor_px: [f32; 2], size_px: [f32; 2]) -> LabelCandidate {
        LabelCandidate {
            text: self.text.clone(),
            layer: COUNTRY_LAYER.to_owned(),
            anchor: anchor_px,
            size: size_px,
            placement: Placement::Centred { slide: size_px[1] },
            priority: self.priority,
            never_drop: false,
            key: Some(format!("country:{}", self.name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(name: &str, area: f64, label: [f64; 2], region: Option<[f64; 2]>) -> CountryName {
        CountryName {
            name: name.into(),
            id: String::new(),
            area_km2: area,
            label,
            region_label: region,
            region_area_km2: region.map(|_| area / 4.0),
        }
    }

    #[test]
    fn names_are_caps_sized_by_area_and_filtered_by_view() {
        let names = vec![
            country("Afghanistan", 642_000.0, [66.0, 33.8], Some([66.0, 33.8])),
            country("Tajikistan", 141_000.0, [71.0, 38.6], Some([71.0, 38.6])),
            country("China", 9_300_000.0, [103.0, 36.0], Some([79.0, 35.0])),
            country("Bahrain", 700.0, [50.5, 26.0], None),
            country("Brazil", 8_500_000.0, [-53.0, -10.0], None),
        ];
        let view = [55.0, 20.0, 82.0, 42.0];
        let l = country_labels(&names, view, 6.0);
        let texts: Vec<&str> = l.iter().map(|c| c.text.as_str()).collect();
        // China is named at its region point (its main one is off-screen); Bahrain is too
        // small and out of view; Brazil is out of view.
        assert_eq!(texts, ["CHINA", "AFGHANISTAN", "TAJIKISTAN"]);
        assert_eq!(l[0].lonlat, [79.0, 35.0]);
        // Afghanistan at z6: 2.033 km/px at 33.8N -> 155,400 px² -> 9 + 1.6·log2(51.8) = 18.1.
        assert!((l[1].font_px - 18.11).abs() < 0.01, "{}", l[1].font_px);
        assert!(l[1].font_px > l[2].font_px);
        // Zoomed far out, Tajikistan is under the area limit.
        let far = country_labels(&names, [-180.0, -85.0, 180.0, 85.0], 2.0);
        assert!(!far.iter().any(|c| c.name == "Tajikistan"));
        assert!(
            far.iter()
                .all(|c| c.font_px >= COUNTRY_FONT_PX[0] && c.font_px <= COUNTRY_FONT_PX[1])
        );
        let c = l[1].candidate([100.0, 50.0], [150.0, 20.0]);
        assert_eq!(c.layer, COUNTRY_LAYER);
        assert_eq!(c.placement, Placement::Centred { slide: 20.0 });
    }

    #[test]
    fn km_per_px_matches_the_web_mercator_scale() {
        // Equator, z0: 40075 km over 256 px.
        assert!((km_per_px(0.0, 0.0) - 156.543).abs() < 1e-3);
        assert!((km_per_px(60.0, 1.0) - 39.136).abs() < 1e-3);
    }
}
