//! Layers: what a project draws, in order. Each layer is a kind, the source it draws (for
//! data layers), a style and a filter. Layer kinds are data: adding a dataset adds layers.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::annotation::Annotation;
use crate::analysis::{ClassMethod, IncidentFilter, TimeBucket};

/// One layer of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerDef {
    /// Unique within the project; views list layer ids.
    pub id: String,
    pub kind: LayerKind,
    /// The source drawn (incident, camp-point, findings or report-text layers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Display name (default: from the kind and the source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub style: LayerStyle,
    /// Which rows of the source are drawn (incident layers).
    #[serde(default, skip_serializing_if = "LayerFilter::is_empty")]
    pub filter: LayerFilter,
    /// What an annotation layer draws, bottom first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
}

/// What a layer draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerKind {
    /// The basemap (which one: the project's `basemap`).
    Basemap,
    Provinces,
    Districts,
    Towns,
    /// The places the findings name below country level, emphasised.
    ReportPlaces,
    /// The findings' training centres (province-level areas).
    TrainingCamps,
    /// Where the findings place each group.
    GroupPresence,
    /// Relationships between groups the findings state.
    GroupNetwork,
    /// Incidents per province or district, classed.
    Choropleth,
    /// Kernel density of incidents.
    Heatmap,
    /// Incidents as points, clustered at far zooms.
    Incidents,
    /// Camps with coordinates from a camp-point file.
    CampPoints,
    /// Places a report text names (the report reader).
    TextPlaces,
    /// What the analyst drew: text, arrows, callouts, highlights, range rings, measurements.
    Annotations,
    /// The band within the source's border distance of the AF–PK border (the density
    /// panel's band).
    BorderBand,
}

impl LayerKind {
    /// Kinds that draw an incident dataset.
    pub const DENSITY: [LayerKind; 3] = [
        LayerKind::Choropleth,
        LayerKind::Heatmap,
        LayerKind::Incidents,
    ];

    pub fn is_density(self) -> bool {
        Self::DENSITY.contains(&self)
    }

    /// Kinds drawing the findings source.
    pub fn is_report(self) -> bool {
        matches!(
            self,
            LayerKind::ReportPlaces
                | LayerKind::TrainingCamps
                | LayerKind::GroupPresence
                | LayerKind::GroupNetwork
        )
    }

    /// Name in the layer panel (data layers add their source's name).
    pub fn label(self) -> &'static str {
        match self {
            LayerKind::Basemap => "Basemap",
            LayerKind::Provinces => "Provinces",
            LayerKind::Districts => "Districts",
            LayerKind::Towns => "Towns",
            LayerKind::ReportPlaces => "Report places",
            LayerKind::TrainingCamps => "Training camps",
            LayerKind::GroupPresence => "Group presence",
            LayerKind::GroupNetwork => "Group network",
            LayerKind::Choropleth => "Choropleth",
            LayerKind::Heatmap => "Heatmap",
            LayerKind::Incidents => "Incidents",
            LayerKind::CampPoints => "Camp points",
            LayerKind::TextPlaces => "Places in text",
            LayerKind::Annotations => "Annotations",
            LayerKind::BorderBand => "Border band",
        }
    }

    /// The id and JSON name (`snake_case`).
    pub fn key(self) -> &'static str {
        match self {
            LayerKind::Basemap => "basemap",
            LayerKind::Provinces => "provinces",
            LayerKind::Districts => "districts",
            LayerKind::Towns => "towns",
            LayerKind::ReportPlaces => "report_places",
            LayerKind::TrainingCamps => "training_camps",
            LayerKind::GroupPresence => "group_presence",
            LayerKind::GroupNetwork => "group_network",
            LayerKind::Choropleth => "choropleth",
            LayerKind::Heatmap => "heatmap",
            LayerKind::Incidents => "incidents",
            LayerKind::CampPoints => "camp_points",
            LayerKind::TextPlaces => "text_places",
            LayerKind::Annotations => "annotations",
            LayerKind::BorderBand => "border_band",
        }
    }
}

/// How a layer looks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LayerStyle {
    pub visible: bool,
    /// 0 (transparent) to 1.
    pub opacity: f32,
    /// Group presence: groups switched off (group ids).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub hidden_groups: BTreeSet<String>,
    /// Incident layers: weighting, bandwidth, classes, ramp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub density: Option<DensityStyle>,
}

impl Default for LayerStyle {
    fn default() -> Self {
        Self {
            visible: true,
            opacity: 1.0,
            hidden_groups: BTreeSet::new(),
            density: None,
        }
    }
}

impl LayerStyle {
    /// Visible with a non-zero opacity.
    pub fn shown(&self) -> bool {
        self.visible && self.opacity > 0.0
    }
}

/// Weight of each event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightDef {
    #[default]
    Events,
    Fatalities,
}

/// Level a choropleth counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ByDef {
    Province,
    #[default]
    District,
}

/// Class-break method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassMethodDef {
    Quantile,
    #[default]
    NaturalBreaks,
    EqualInterval,
}

impl From<ClassMethodDef> for ClassMethod {
    fn from(m: ClassMethodDef) -> Self {
        match m {
            ClassMethodDef::Quantile => ClassMethod::Quantile,
            ClassMethodDef::NaturalBreaks => ClassMethod::NaturalBreaks,
            ClassMethodDef::EqualInterval => ClassMethod::EqualInterval,
        }
    }
}

impl From<ClassMethod> for ClassMethodDef {
    fn from(m: ClassMethod) -> Self {
        match m {
            ClassMethod::Quantile => ClassMethodDef::Quantile,
            ClassMethod::NaturalBreaks => ClassMethodDef::NaturalBreaks,
            ClassMethod::EqualInterval => ClassMethodDef::EqualInterval,
        }
    }
}

/// Timeline bucket and play step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBucketDef {
    Week,
    #[default]
    Month,
}

impl From<TimeBucketDef> for TimeBucket {
    fn from(b: TimeBucketDef) -> Self {
        match b {
            TimeBucketDef::Week => TimeBucket::Week,
            TimeBucketDef::Month => TimeBucket::Month,
        }
    }
}

impl From<TimeBucket> for TimeBucketDef {
    fn from(b: TimeBucket) -> Self {
        match b {
            TimeBucket::Week => TimeBucketDef::Week,
            TimeBucket::Month => TimeBucketDef::Month,
        }
    }
}

/// Analysis style of an incident layer. Every layer of one dataset carries the same values
/// unless the user sets them apart, so they share one analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DensityStyle {
    pub weight: WeightDef,
    /// Heatmap kernel bandwidth, km.
    pub bandwidth_km: f64,
    /// Choropleth level.
    pub by: ByDef,
    pub method: ClassMethodDef,
    /// Number of choropleth classes.
    pub classes: usize,
    /// Timeline bars and play step.
    pub bucket: TimeBucketDef,
    /// Scale each frame's heatmap to its own peak instead of one colour scale every frame
    /// of a playback shares (comparable frames, the default).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rescale_per_frame: bool,
}

impl Default for DensityStyle {
    fn default() -> Self {
        Self {
            weight: WeightDef::Events,
            bandwidth_km: 25.0,
            by: ByDef::District,
            method: ClassMethodDef::NaturalBreaks,
            classes: 5,
            bucket: TimeBucketDef::Month,
            rescale_per_frame: false,
        }
    }
}

/// Which rows of an incident source a layer draws.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LayerFilter {
    /// First day included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Only incidents naming one of these actors (actor1 or actor2); empty: all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// Leave out incidents naming one of these actors (actor1 or actor2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden_actors: Vec<String>,
    /// Only these event types; empty: all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub event_types: Vec<String>,
}

impl LayerFilter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The analysis filter.
    pub fn to_incident_filter(&self) -> IncidentFilter {
        IncidentFilter {
            from: self.from,
            to: self.to,
            actors: self.actors.clone(),
            hidden_actors: self.hidden_actors.clone(),
            event_types: self.event_types.clone(),
        }
    }

    pub fn from_incident_filter(f: &IncidentFilter) -> Self {
        Self {
            from: f.from,
            to: f.to,
            actors: f.actors.clone(),
            hidden_actors: f.hidden_actors.clone(),
            event_types: f.event_types.clone(),
        }
    }
}

impl LayerDef {
    /// A layer of `kind` with the default style, and the density style for incident kinds.
    pub fn new(id: impl Into<String>, kind: LayerKind, source: Option<&str>) -> Self {
        LayerDef {
            id: id.into(),
            kind,
            source: source.map(str::to_owned),
            name: None,
            style: LayerStyle {
                density: kind.is_density().then(DensityStyle::default),
                ..Default::default()
            },
            filter: LayerFilter::default(),
            annotations: Vec::new(),
        }
    }

    pub fn hidden(mut self) -> Self {
        self.style.visible = false;
        self
    }

    pub fn with_opacity(mut self, opacity: f32) -> Self {
        self.style.opacity = opacity;
        self
    }
}
