//! The default project (the bundled report, the synthetic demo, every reference layer) and
//! adding a source together with its layers in their places in the draw order.

use super::layer::{LayerDef, LayerKind};
use super::paths::FileRef;
use super::source::{IncidentFormat, SchemaDef, SourceDef, SourceKind};
use super::{DEMO_SOURCE, PROJECT_VERSION, Project, REPORT_SOURCE};

/// The bundled demo incidents under the data directory.
pub const DEMO_FILE: &str = "incidents/synthetic-demo-2024.csv";
/// The bundled findings under the data directory.
pub const FINDINGS_FILE: &str = "report/findings.json";

/// The app's start project; `demo` adds the synthetic incident demo and its layers.
pub(super) fn default_project(demo: bool) -> Project {
    let r = Some(REPORT_SOURCE);
    let mut p = Project {
        version: PROJECT_VERSION,
        sources: vec![SourceDef {
            id: REPORT_SOURCE.into(),
            name: Some("Report".into()),
            kind: SourceKind::Findings {
                file: FileRef::bundled(FINDINGS_FILE),
                report: None,
                groups: None,
            },
        }],
        layers: vec![
            LayerDef::new("basemap", LayerKind::Basemap, None),
            LayerDef::new("provinces", LayerKind::Provinces, None),
            LayerDef::new("districts", LayerKind::Districts, None),
            LayerDef::new("towns", LayerKind::Towns, None),
            LayerDef::new("report_places", LayerKind::ReportPlaces, r),
            LayerDef::new("group_presence", LayerKind::GroupPresence, r),
            LayerDef::new("training_camps", LayerKind::TrainingCamps, r),
            // The network is busy: off until asked for.
            LayerDef::new("group_network", LayerKind::GroupNetwork, r).hidden(),
        ],
        views: Vec::new(),
        layout: Default::default(),
        basemap: Default::default(),
    };
    if demo {
        let format = IncidentFormat {
            schema: SchemaDef::Acled,
            mapping: None,
        };
        p.add_incidents(
            DEMO_SOURCE,
            Some("Synthetic demo"),
            FileRef::bundled(DEMO_FILE),
            format,
        );
    }
    p
}

impl Project {
    /// Add an incident dataset with its choropleth (hidden), heatmap and incident-point
    /// (hidden) layers, each placed with the layers of its kind. Returns the source id.
    pub fn add_incidents(
        &mut self,
        base_id: &str,
        name: Option<&str>,
        file: FileRef,
        format: IncidentFormat,
    ) -> String {
        let id = self.fresh_source_id(base_id);
        self.sources.push(SourceDef {
            id: id.clone(),
            name: name.map(str::to_owned),
            kind: SourceKind::Incidents {
                file,
                format,
                border_km: 50.0,
            },
        });
        for kind in LayerKind::DENSITY {
            let lid = self.fresh_layer_id(&format!("{id}-{}", kind.key()));
            let mut layer = LayerDef::new(lid, kind, Some(&id));
            match kind {
                // The heatmap on; points / clusters and the choropleth (the same data by
                // area) on request.
                LayerKind::Heatmap => layer = layer.with_opacity(0.85),
                _ => layer = layer.hidden(),
            }
            let at = self.insert_index(kind);
            self.layers.insert(at, layer);
        }
        id
    }

    /// Add a camp-point file and its layer (above the training camps).
    pub fn add_camp_points(&mut self, file: FileRef) -> String {
        let id = self.fresh_source_id(&format!("camps-{}", stem(&file)));
        self.sources.push(SourceDef {
            id: id.clone(),
            name: None,
            kind: SourceKind::CampPoints { file },
        });
        let lid = self.fresh_layer_id(&id);
        let at = self.insert_index(LayerKind::CampPoints);
        self.layers
            .insert(at, LayerDef::new(lid, LayerKind::CampPoints, Some(&id)));
        id
    }

    /// Add a report text (file or pasted) and the layer outlining the places it names.
    pub fn add_report_text(&mut self, file: Option<FileRef>, text: Option<String>) -> String {
        let base = file
            .as_ref()
            .map(|f| format!("text-{}", stem(f)))
            .unwrap_or_else(|| "pasted-text".into());
        let id = self.fresh_source_id(&base);
        self.sources.push(SourceDef {
            id: id.clone(),
            name: None,
            kind: SourceKind::ReportText { file, text },
        });
        let lid = self.fresh_layer_id(&id);
        let at = self.insert_index(LayerKind::TextPlaces);
        self.layers
            .insert(at, LayerDef::new(lid, LayerKind::TextPlaces, Some(&id)));
        id
    }

    /// Remove a source and every layer drawing it (and those layers from the views).
    pub fn remove_source(&mut self, id: &str) {
        let gone: Vec<String> = self.layers_of_source(id).map(|l| l.id.clone()).collect();
        self.sources.retain(|s| s.id != id);
        self.layers.retain(|l| !gone.contains(&l.id));
        for v in &mut self.views {
            if let Some(ids) = &mut v.layers {
                ids.retain(|l| !gone.contains(l));
            }
        }
    }

    /// Show or hide `source`'s border band, adding its layer (above the choropleth) the first
    /// time. False when `source` is not an incident source or nothing changes.
    pub fn set_border_band(&mut self, source: &str, visible: bool) -> bool {
        if !self.incident_sources().any(|s| s.id == source) {
            return false;
        }
        let existing = self
            .layers
            .iter_mut()
            .find(|l| l.kind == LayerKind::BorderBand && l.source.as_deref() == Some(source));
        match existing {
            Some(l) => {
                let changed = l.style.visible != visible;
                l.style.visible = visible;
                changed
            }
            None if visible => {
                let id = self.fresh_layer_id(&format!("border_band-{source}"));
                let at = self.insert_index(LayerKind::BorderBand);
                self.layers
                    .insert(at, LayerDef::new(id, LayerKind::BorderBand, Some(source)));
                true
            }
            None => false,
        }
    }

    /// Where a new layer of `kind` goes: after the last layer of its kind, else after the
    /// layers it belongs above.
    fn insert_index(&self, kind: LayerKind) -> usize {
        let after_last = |k: LayerKind| self.layers.iter().rposition(|l| l.kind == k);
        let anchors: &[LayerKind] = match kind {
            LayerKind::Choropleth => &[LayerKind::Choropleth, LayerKind::Basemap],
            LayerKind::Heatmap => &[
                LayerKind::Heatmap,
                LayerKind::Districts,
                LayerKind::Provinces,
                LayerKind::Choropleth,
            ],
            // Points above the towns they are often located to (their tooltip wins there).
            LayerKind::Incidents => &[LayerKind::Incidents, LayerKind::Towns, LayerKind::Heatmap],
            LayerKind::CampPoints => &[LayerKind::CampPoints, LayerKind::TrainingCamps],
            LayerKind::BorderBand => &[
                LayerKind::BorderBand,
                LayerKind::Choropleth,
                LayerKind::Basemap,
            ],
            _ => &[],
        };
        anchors
            .iter()
            .find_map(|k| after_last(*k))
            .map_or(self.layers.len(), |i| i + 1)
    }
}

fn stem(f: &FileRef) -> String {
    let name = f.file_name();
    name.rsplit_once('.')
        .map(|(s, _)| s.to_owned())
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(p: &Project) -> Vec<&str> {
        p.layers.iter().map(|l| l.id.as_str()).collect()
    }

    #[test]
    fn default_project_layers_in_draw_order() {
        let p = Project::default();
        assert_eq!(
            order(&p),
            [
                "basemap",
                "demo-choropleth",
                "provinces",
                "districts",
                "demo-heatmap",
                "towns",
                "demo-incidents",
                "report_places",
                "group_presence",
                "training_camps",
                "group_network"
            ]
        );
        let shown: Vec<_> = p
            .layers
            .iter()
            .filter(|l| l.style.visible)
            .map(|l| l.id.as_str())
            .collect();
        assert!(!shown.contains(&"group_network") && !shown.contains(&"demo-incidents"));
        assert_eq!(p.layer("demo-heatmap").map(|l| l.style.opacity), Some(0.85));
    }

    #[test]
    fn a_second_dataset_goes_beside_the_first_and_removal_cleans_views() {
        let mut p = Project::default();
        let id = p.add_incidents("acled", None, FileRef::path("/x/a.csv"), Default::default());
        assert_eq!(id, "acled");
        let o = order(&p);
        let pos = |s: &str| o.iter().position(|x| *x == s).expect(s);
        assert_eq!(pos("acled-choropleth"), pos("demo-choropleth") + 1);
        assert_eq!(pos("acled-heatmap"), pos("demo-heatmap") + 1);
        assert_eq!(pos("acled-incidents"), pos("demo-incidents") + 1);
        p.views.push(super::super::SavedView {
            layers: Some(vec!["acled-heatmap".into(), "towns".into()]),
            ..super::super::SavedView::new("v", [70.0, 33.0], 7.0)
        });
        p.remove_source("acled");
        assert!(p.source("acled").is_none());
        assert!(p.layers_of_source("acled").next().is_none());
        assert_eq!(p.views[0].layers, Some(vec!["towns".to_string()]));
    }

    #[test]
    fn without_demo_has_no_incident_layers() {
        let p = Project::without_demo();
        assert!(p.incident_sources().next().is_none());
        assert!(p.layers.iter().all(|l| !l.kind.is_density()));
        let id = p.clone().add_camp_points(FileRef::path("/x/camps.csv"));
        assert_eq!(id, "camps-camps");
    }
}
