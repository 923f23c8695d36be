//! The prepared incident dataset and the queries the UI, the CLI and the export ask of it.

use std::path::Path;

use atlas_core::analysis::{
    AdminIndex, BorderLine, ClassMethod, Classes, CountTable, DensityGrid, Filtered,
    GridProjection, GridSpec, IncidentFilter, Placement, classify, count_by_unit, filter_incidents,
    kernel_density, place_incidents, share_within,
};
use atlas_core::incidents::{CsvFormat, ImportReport, IncidentStore, SYNTHETIC_SOURCE};
use atlas_core::model::{AdminUnit, Gazetteer, UnitKind};

/// Count by province or by district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    Province,
    District,
}

/// Weight of each event: 1, or its fatalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    Events,
    Fatalities,
}

/// What the user asks: filters, grouping, weighting, heatmap bandwidth, classes, border band.
#[derive(Debug, Clone, PartialEq)]
pub struct DensityQuery {
    pub filter: IncidentFilter,
    pub by: By,
    pub weight: Weight,
    pub bandwidth_km: f64,
    pub method: ClassMethod,
    pub classes: usize,
    pub border_km: f64,
}

impl Default for DensityQuery {
    fn default() -> Self {
        Self {
            filter: IncidentFilter::default(),
            by: By::District,
            weight: Weight::Events,
            bandwidth_km: 25.0,
            method: ClassMethod::NaturalBreaks,
            classes: 5,
            border_km: 50.0,
        }
    }
}

/// An incident dataset joined to the admin units and the AF–PK border, ready to query.
pub struct DensityModel {
    pub name: String,
    pub store: IncidentStore,
    pub report: ImportReport,
    /// The bundled synthetic scenario (says so in legend, tooltips and exports).
    pub synthetic: bool,
    provinces: Vec<AdminUnit>,
    districts: Vec<AdminUnit>,
    by_province: Vec<Placement>,
    by_district: Vec<Placement>,
    /// km to the AF–PK border per incident (NaN without a border line).
    pub border_km: Vec<f64>,
}

impl DensityModel {
    /// Import a file (schema from its header) and prepare it.
    pub fn import(
        path: &Path,
        format: &CsvFormat,
        g: &Gazetteer,
        border: Option<&BorderLine>,
    ) -> Result<Self, String> {
        let imported = atlas_core::incidents::import_csv_file(path, format, |_, _| {
            std::ops::ControlFlow::Continue(())
        })
        .map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Self::prepare(
            name,
            imported.incidents,
            imported.report,
            g,
            border,
        ))
    }

    /// Join to provinces and districts and measure border distances.
    pub fn prepare(
        name: String,
        store: IncidentStore,
        report: ImportReport,
        g: &Gazetteer,
        border: Option<&BorderLine>,
    ) -> Self {
        let provinces: Vec<AdminUnit> = g.units_of(UnitKind::Province).cloned().collect();
        let districts: Vec<AdminUnit> = g.units_of(UnitKind::District).cloned().collect();
        let (pi, di) = (AdminIndex::new(&provinces), AdminIndex::new(&districts));
        let precisions = store.location_precisions();
        let by_province = place_incidents(store.lons(), store.lats(), &precisions, &pi, None);
        let by_district = place_incidents(store.lons(), store.lats(), &precisions, &di, Some(&pi));
        let border_km = match border {
            Some(b) => b.distances_km(store.lons(), store.lats()),
            None => vec![f64::NAN; store.len()],
        };
        let synthetic = store
            .iter()
            .next()
            .is_some_and(|v| v.source.contains(SYNTHETIC_SOURCE));
        drop((pi, di));
        Self {
            name,
            store,
            report,
            synthetic,
            provinces,
            districts,
            by_province,
            by_district,
            border_km,
        }
    }

    pub fn filtered(&self, q: &DensityQuery) -> Filtered {
        filter_incidents(&self.store, &q.filter)
    }

    /// Events and fatalities per unit for the filtered incidents.
    pub fn counts(&self, q: &DensityQuery, f: &Filtered) -> CountTable {
        let (placements, level, parent) = match q.by {
            By::Province => (&self.by_province, &self.provinces, None),
            By::District => (
                &self.by_district,
                &self.districts,
                Some(self.provinces.as_slice()),
            ),
        };
        let fat = self.store.fatality_counts();
        let keep: Vec<Placement> = f.indices.iter().map(|&i| placements[i as usize]).collect();
        let fat: Vec<u32> = f.indices.iter().map(|&i| fat[i as usize]).collect();
        count_by_unit(&keep, &fat, level, parent)
    }

    /// Class breaks of the per-unit values (units with no events left out).
    pub fn classes(&self, q: &DensityQuery, table: &CountTable) -> Classes {
        let values: Vec<f64> = table
            .units
            .iter()
            .map(|u| {
                if q.weight == Weight::Events {
                    u.events as f64
                } else {
                    u.fatalities as f64
                }
            })
            .filter(|v| *v > 0.0)
            .collect();
        classify(&values, q.method, q.classes)
    }

    /// Share of the filtered events within `q.border_km` of the AF–PK border.
    pub fn share_within_border(&self, q: &DensityQuery, f: &Filtered) -> f64 {
        let d: Vec<f64> = f
            .indices
            .iter()
            .map(|&i| self.border_km[i as usize])
            .filter(|v| v.is_finite())
            .collect();
        share_within(&d, q.border_km)
    }

    /// Kernel density of the filtered incidents on a grid over `bbox` (lon/lat), in events
    /// (or fatalities) per 100 km².
    pub fn density(
        &self,
        q: &DensityQuery,
        f: &Filtered,
        bbox: [f64; 4],
        size: usize,
    ) -> DensityGrid {
        let lons: Vec<f64> = f
            .indices
            .iter()
            .map(|&i| self.store.lons()[i as usize])
            .collect();
        let lats: Vec<f64> = f
            .indices
            .iter()
            .map(|&i| self.store.lats()[i as usize])
            .collect();
        let weights: Option<Vec<f64>> = (q.weight == Weight::Fatalities).then(|| {
            let w = self.store.fatality_weights();
            f.indices.iter().map(|&i| w[i as usize]).collect()
        });
        let spec = GridSpec::new(bbox, size, size, GridProjection::WebMercator);
        kernel_density(&lons, &lats, weights.as_deref(), &spec, q.bandwidth_km)
    }

    /// Units of the level counted by `q.by`.
    pub fn level_units(&self, by: By) -> &[AdminUnit] {
        match by {
            By::Province => &self.provinces,
            By::District => &self.districts,
        }
    }

    /// Where each incident falls at level `by` (indices into [`Self::level_units`], and for
    /// districts into the provinces for the "not assigned" buckets).
    pub fn placements(&self, by: By) -> &[Placement] {
        match by {
            By::Province => &self.by_province,
            By::District => &self.by_district,
        }
    }

    /// The level above `by` that its "not assigned" buckets belong to.
    pub fn parent_units(&self, by: By) -> Option<&[AdminUnit]> {
        match by {
            By::Province => None,
            By::District => Some(&self.provinces),
        }
    }
}
