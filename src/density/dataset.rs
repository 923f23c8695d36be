//! A loaded incident dataset: the [`DensityModel`] (joins to provinces and districts, border
//! distances) plus what the map and the panels need and that does not depend on the filters:
//! world positions, which incidents are precise enough to map, the actors and event types
//! present, the date span. Built once, on the import worker.

use std::path::PathBuf;

use atlas_core::basemap::lonlat_to_world;
use atlas_core::incidents::{ImportReport, IncidentStore, LocationPrecision, Schema};
use atlas_core::model::Gazetteer;
use chrono::NaiveDate;

use super::levels::Levels;
use super::model::DensityModel;

/// Name shown for the bundled demo (layer names, legend, status).
pub const DEMO_NAME: &str = "Synthetic demo";
/// What every view of synthetic data says.
pub const SYNTHETIC_WARNING: &str = "SYNTHETIC DEMO — not real events";
/// Coarsest precision drawn as a point and put in the heatmap: a province- or country-level
/// position is only the unit's centre, which would make a false hotspot.
pub const MAPPABLE: LocationPrecision = LocationPrecision::District;

/// Where a dataset came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// Short name for layer labels: "Synthetic demo" or the file name.
    pub name: String,
    pub path: Option<PathBuf>,
    pub schema: Schema,
    pub report: ImportReport,
}

/// One loaded dataset, ready for filtering.
pub struct Dataset {
    pub origin: Origin,
    pub model: DensityModel,
    /// Normalised Web-Mercator position of each incident.
    pub world: Vec<[f64; 2]>,
    /// Precise enough to draw as a point and to put in the heatmap.
    pub mappable: Vec<bool>,
    /// Fatalities per incident, 0 where not given.
    pub fatalities: Vec<u32>,
    /// Distinct actors (actor1 and actor2) with the number of rows naming each, commonest first.
    pub actors: Vec<(String, usize)>,
    /// Distinct event types with their counts, commonest first.
    pub event_types: Vec<(String, usize)>,
    /// First and last day covered by any incident's date period.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Border distances were measured (the border file was read).
    pub has_border: bool,
}

/// Distinct values of one or two interned columns with the number of rows naming each
/// (a row naming the same value in both columns counts once), commonest first.
fn tally(store: &IncidentStore, first: &[u32], second: Option<&[u32]>) -> Vec<(String, usize)> {
    let mut counts: Vec<usize> = Vec::new();
    let mut bump = |id: u32| {
        let id = id as usize;
        if id >= counts.len() {
            counts.resize(id + 1, 0);
        }
        counts[id] += 1;
    };
    for (i, &a) in first.iter().enumerate() {
        bump(a);
        if let Some(&b) = second.and_then(|s| s.get(i)).filter(|&&b| b != a) {
            bump(b);
        }
    }
    let mut out: Vec<(String, usize)> = counts
        .iter()
        .enumerate()
        .filter(|&(id, &n)| n > 0 && !store.string(id as u32).is_empty())
        .map(|(id, &n)| (store.string(id as u32).to_string(), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

impl Dataset {
    /// Prepare an imported store against the gazetteer and the border of `levels`.
    pub fn new(origin: Origin, store: IncidentStore, g: &Gazetteer, levels: &Levels) -> Self {
        let s = &store;
        let world = s
            .lons()
            .iter()
            .zip(s.lats())
            .map(|(&lon, &lat)| lonlat_to_world(lon, lat))
            .collect();
        let mappable = s
            .location_precisions()
            .iter()
            .map(|&p| p <= MAPPABLE)
            .collect();
        let actors = tally(s, s.actor1_ids(), Some(s.actor2_ids()));
        let event_types = tally(s, s.event_type_ids(), None);
        let span = (0..s.len()).filter_map(|i| s.date(i)).fold(None, |acc, d| {
            Some(match acc {
                None => (d.start(), d.end()),
                Some((a, b)) => (d.start().min(a), d.end().max(b)),
            })
        });
        let fatalities = s.fatality_counts();
        let model = DensityModel::prepare(
            origin.name.clone(),
            store,
            origin.report.clone(),
            g,
            levels.border.as_ref(),
        );
        Dataset {
            origin,
            model,
            world,
            mappable,
            fatalities,
            actors,
            event_types,
            span,
            has_border: levels.border.is_some(),
        }
    }

    pub fn store(&self) -> &IncidentStore {
        &self.model.store
    }

    /// The dataset says it is the synthetic demo: legends, tooltips and exports say so.
    pub fn synthetic(&self) -> bool {
        self.model.synthetic
    }

    pub fn len(&self) -> usize {
        self.model.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.model.store.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_core::incidents::{IncidentDate, IncidentView};

    fn view<'a>(a1: &'a str, a2: &'a str, t: &'a str) -> IncidentView<'a> {
        IncidentView {
            id: "x",
            date: IncidentDate::day(NaiveDate::from_ymd_opt(2024, 1, 1).expect("date")),
            lon: 70.0,
            lat: 30.0,
            location_precision: LocationPrecision::Town,
            actor1: a1,
            actor2: a2,
            event_type: t,
            sub_event_type: "",
            fatalities: None,
            country: "",
            admin1: "",
            admin2: "",
            location: "",
            source: "",
            notes: "",
        }
    }

    #[test]
    fn tally_counts_rows_once_per_value_commonest_first() {
        let store: IncidentStore = [
            view("A", "B", "Battles"),
            view("A", "A", "Battles"),
            view("C", "", "Riots"),
        ]
        .into_iter()
        .collect();
        let actors = tally(&store, store.actor1_ids(), Some(store.actor2_ids()));
        assert_eq!(
            actors,
            vec![("A".into(), 2), ("B".into(), 1), ("C".into(), 1)]
        );
        let types = tally(&store, store.event_type_ids(), None);
        assert_eq!(types, vec![("Battles".into(), 2), ("Riots".into(), 1)]);
    }
}
