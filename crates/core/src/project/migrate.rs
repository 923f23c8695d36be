//! Older project files into the current model. Version 1 (written by the first export
//! dialog) had a fixed set of eleven layers over the bundled data, a `dark` flag, views and
//! an `export` block; it becomes the default project with those settings applied.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::io::from_value;
use super::layout::{Banner, PageLayout};
use super::{BasemapSpec, DEMO_SOURCE, PROJECT_VERSION, Project, SavedView};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    #[allow(dead_code)]
    version: u32,
    layers: V1Layers,
    #[serde(default)]
    dark: bool,
    #[serde(default)]
    views: Vec<V1View>,
    #[serde(default)]
    export: Option<V1Export>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Layers {
    styles: Vec<(String, V1Style)>,
    #[serde(default)]
    hidden_groups: BTreeSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Style {
    visible: bool,
    opacity: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1View {
    name: String,
    center: [f64; 2],
    zoom: f64,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    layers: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct V1Export {
    size: [u32; 2],
    title: Option<String>,
    subtitle: Option<String>,
    banner: Option<Banner>,
    legend: bool,
    scale_bar: bool,
    north_arrow: bool,
    attribution: bool,
    timestamp: bool,
}

impl Default for V1Export {
    fn default() -> Self {
        let d = PageLayout::default();
        Self {
            size: d.size,
            title: None,
            subtitle: None,
            banner: None,
            legend: d.legend,
            scale_bar: d.scale_bar,
            north_arrow: d.north_arrow,
            attribution: d.attribution,
            timestamp: d.timestamp,
        }
    }
}

/// The version-2 id of a version-1 layer (the density layers drew the demo dataset).
fn layer_id(v1: &str) -> String {
    match v1 {
        "choropleth" | "heatmap" | "incidents" => format!("{DEMO_SOURCE}-{v1}"),
        other => other.to_owned(),
    }
}

/// A version-1 project as the current model.
pub(super) fn from_v1(value: serde_json::Value) -> Result<Project, (String, String)> {
    let v1: V1 = from_value(value)?;
    let mut p = Project {
        version: PROJECT_VERSION,
        ..Project::default()
    };
    for (i, (id, style)) in v1.layers.styles.iter().enumerate() {
        let Some(layer) = p.layer_mut(&layer_id(id)) else {
            return Err((
                format!("layers.styles[{i}][0]"),
                format!("unknown version-1 layer {id:?}"),
            ));
        };
        layer.style.visible = style.visible;
        layer.style.opacity = style.opacity;
    }
    if let Some(l) = p.layer_mut("group_presence") {
        l.style.hidden_groups = v1.layers.hidden_groups;
    }
    p.basemap = BasemapSpec::Builtin { dark: v1.dark };
    p.views = v1
        .views
        .into_iter()
        .map(|v| SavedView {
            layers: v
                .layers
                .map(|ids| ids.iter().map(|i| layer_id(i)).collect()),
            title: v.title,
            ..SavedView::new(v.name, v.center, v.zoom)
        })
        .collect();
    let e = v1.export.unwrap_or_default();
    p.layout = PageLayout {
        size: e.size,
        title: e.title,
        subtitle: e.subtitle,
        banner: e.banner,
        legend: e.legend,
        scale_bar: e.scale_bar,
        north_arrow: e.north_arrow,
        attribution: e.attribution,
        timestamp: e.timestamp,
        ..PageLayout::default()
    };
    Ok(p)
}
