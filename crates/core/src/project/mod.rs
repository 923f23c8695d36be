//! Projects: the analyst's work as one versioned JSON document — data sources, an ordered
//! layer list (source + kind + style + filter), saved views, the export layout and the basemap.
//!
//! The project is what an analyst would email to a colleague: everything else (loaded data,
//! analysis caches, open dialogs, hover) is rebuilt from it. Format: `docs/project-format.md`.

mod annotation;
mod annotation_check;
mod basemap;
mod defaults;
mod edit;
mod history;
mod io;
mod layer;
mod layout;
mod migrate;
mod paths;
mod source;
mod validate;
mod view;

pub use annotation::{
    Annotation, AnnotationStyle, AnnotationText, LINE_WIDTHS, MAX_TEXT_CHARS, Point, Rgb, Shape,
    TEXT_SIZES, lat_lon, next_annotation_id,
};
pub use annotation_check::{
    MAX_POINTS, MAX_RADII, check_annotation, check_point, check_radii, check_text, parse_radii,
};
pub use basemap::BasemapSpec;
pub use defaults::{DEMO_FILE, FINDINGS_FILE};
pub use edit::Edit;
pub use history::History;
pub use io::{ProjectError, load_project, parse_project, save_project, save_project_with};
pub use layer::{ByDef, TimeBucketDef, WeightDef};
pub use layer::{ClassMethodDef, DensityStyle, LayerDef, LayerFilter, LayerKind, LayerStyle};
pub use layout::{Banner, BannerPreset, Corner, PageLayout};
pub use paths::{FileRef, resolve_file};
pub use source::{IncidentFormat, MappingDef, SchemaDef, SourceDef, SourceKind, precision_word};
pub use validate::{
    FieldError, MAX_BORDER_KM, MAX_HEIGHT, MAX_SIDE, MIN_SIDE, check_border_km, check_center,
    check_date_range, check_km, check_opacity, check_size, check_url_template, check_zoom,
    validate_project,
};
pub use view::SavedView;

use serde::{Deserialize, Serialize};

/// The project format version this build writes; it reads this and every older one.
pub const PROJECT_VERSION: u32 = 3;

/// Id of the bundled synthetic incident demo in the default project.
pub const DEMO_SOURCE: &str = "demo";
/// Id of the bundled report findings in the default project.
pub const REPORT_SOURCE: &str = "report";

/// A project document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub version: u32,
    /// Data the layers draw, each with a unique `id`.
    #[serde(default)]
    pub sources: Vec<SourceDef>,
    /// Layers in draw order, bottom first.
    #[serde(default)]
    pub layers: Vec<LayerDef>,
    /// Named views (bookmarks), in the order the user keeps them.
    #[serde(default)]
    pub views: Vec<SavedView>,
    /// What an export shows around the map.
    #[serde(default)]
    pub layout: PageLayout,
    #[serde(default)]
    pub basemap: BasemapSpec,
}

impl Default for Project {
    /// The project the app opens with: the bundled report, the synthetic demo and every
    /// reference layer (see [`defaults`]).
    fn default() -> Self {
        defaults::default_project(true)
    }
}

impl Project {
    /// A project without the synthetic demo (for `project new --import …`).
    pub fn without_demo() -> Self {
        defaults::default_project(false)
    }

    pub fn source(&self, id: &str) -> Option<&SourceDef> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn layer(&self, id: &str) -> Option<&LayerDef> {
        self.layers.iter().find(|l| l.id == id)
    }

    pub fn layer_mut(&mut self, id: &str) -> Option<&mut LayerDef> {
        self.layers.iter_mut().find(|l| l.id == id)
    }

    /// The first layer of `kind` (reference layers exist once).
    pub fn layer_of_kind(&self, kind: LayerKind) -> Option<&LayerDef> {
        self.layers.iter().find(|l| l.kind == kind)
    }

    pub fn layer_of_kind_mut(&mut self, kind: LayerKind) -> Option<&mut LayerDef> {
        self.layers.iter_mut().find(|l| l.kind == kind)
    }

    /// Layers drawing `source`, in draw order.
    pub fn layers_of_source<'a>(&'a self, source: &'a str) -> impl Iterator<Item = &'a LayerDef> {
        self.layers
            .iter()
            .filter(move |l| l.source.as_deref() == Some(source))
    }

    /// Incident datasets, in the order they were added.
    pub fn incident_sources(&self) -> impl Iterator<Item = &SourceDef> {
        self.sources
            .iter()
            .filter(|s| matches!(s.kind, SourceKind::Incidents { .. }))
    }

    pub fn view(&self, name: &str) -> Option<&SavedView> {
        self.views.iter().find(|v| v.name == name)
    }

    /// The layer list with a view's visibility applied (as a QGIS map theme): layers the view
    /// lists are shown, the others hidden; a view without a list keeps the project's.
    pub fn layers_for_view(&self, view: &SavedView) -> Vec<LayerDef> {
        let mut layers = self.layers.clone();
        if let Some(ids) = &view.layers {
            for l in &mut layers {
                l.style.visible = ids.iter().any(|id| id == &l.id);
            }
        }
        layers
    }

    /// A layer's name in the layer panel and legend: its own name, else its kind, with the
    /// source's name for data layers that are not the report ("Heatmap (acled.csv)").
    pub fn layer_label(&self, l: &LayerDef) -> String {
        if let Some(n) = &l.name {
            return n.clone();
        }
        match l.source.as_deref().and_then(|s| self.source(s)) {
            Some(s) if !l.kind.is_report() => format!("{} ({})", l.kind.label(), s.display_name()),
            _ => l.kind.label().to_owned(),
        }
    }

    /// Every annotation of every layer, in draw order.
    pub fn annotations(&self) -> impl Iterator<Item = &Annotation> {
        self.layers.iter().flat_map(|l| l.annotations.iter())
    }

    /// The annotation with `id`, and the id of its layer.
    pub fn annotation(&self, id: u32) -> Option<(&str, &Annotation)> {
        self.layers.iter().find_map(|l| {
            l.annotations
                .iter()
                .find(|a| a.id == id)
                .map(|a| (l.id.as_str(), a))
        })
    }

    /// An id no annotation has yet.
    pub fn next_annotation_id(&self) -> u32 {
        next_annotation_id(self.annotations())
    }

    /// A source id not used yet, from `base` ("acled", "acled-2", …).
    pub fn fresh_source_id(&self, base: &str) -> String {
        fresh_id(base, |id| self.source(id).is_some())
    }

    /// A layer id not used yet, from `base`.
    pub fn fresh_layer_id(&self, base: &str) -> String {
        fresh_id(base, |id| self.layer(id).is_some())
    }
}

/// `base`, or `base-2`, `base-3`, … whichever is free; `base` is reduced to `[a-z0-9_-]`.
fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let clean = clean.trim_matches('-');
    let base = if clean.is_empty() { "source" } else { clean };
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_skip_taken_ones_and_clean_names() {
        let p = Project::default();
        assert_eq!(p.fresh_source_id("demo"), "demo-2");
        assert_eq!(p.fresh_source_id("ACLED 2024.csv"), "acled-2024-csv");
        assert_eq!(p.fresh_source_id("کابل"), "source");
        assert_eq!(p.fresh_layer_id("provinces"), "provinces-2");
    }
}
