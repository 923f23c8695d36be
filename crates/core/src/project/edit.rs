//! Small commands that change a project. The window changes the project only through these
//! (see [`super::History`]), so every change can be undone and marks the project unsaved.

use std::collections::BTreeSet;

use super::layer::{DensityStyle, LayerFilter};
use super::{Annotation, BasemapSpec, LayerDef, LayerKind, PageLayout, Project, SavedView};

/// One change to a project.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetVisible {
        layer: String,
        visible: bool,
    },
    SetOpacity {
        layer: String,
        opacity: f32,
    },
    SetHiddenGroups {
        layer: String,
        groups: BTreeSet<String>,
    },
    /// Weighting, bandwidth, classes … of every incident layer of a source.
    SetDensityStyle {
        source: String,
        style: DensityStyle,
    },
    /// Date range, actors, event types of every incident layer of a source.
    SetFilter {
        source: String,
        filter: LayerFilter,
    },
    SetBorderKm {
        source: String,
        km: f64,
    },
    /// Move a layer to position `to` of the draw order.
    MoveLayer {
        layer: String,
        to: usize,
    },
    AddView(SavedView),
    RenameView {
        from: String,
        to: String,
    },
    DeleteView {
        name: String,
    },
    MoveView {
        name: String,
        to: usize,
    },
    /// Add an annotation to the topmost annotation layer (made, on top, if there is none;
    /// shown if hidden).
    AddAnnotation(Annotation),
    /// Replace the annotation with the same id.
    UpdateAnnotation(Annotation),
    DeleteAnnotation {
        id: u32,
    },
    /// Show or hide the border band of an incident source (made if there is none).
    SetBorderBand {
        source: String,
        visible: bool,
    },
    SetLayout(PageLayout),
    SetBasemap(BasemapSpec),
    /// Anything bigger (adding or removing a source with its layers): the new project.
    Replace(Box<Project>),
}

impl Edit {
    /// Edits that repeat while a slider is dragged merge into one undo step.
    pub(super) fn merge_key(&self) -> Option<String> {
        match self {
            Edit::SetOpacity { layer, .. } => Some(format!("opacity:{layer}")),
            Edit::SetDensityStyle { source, .. } => Some(format!("density:{source}")),
            Edit::SetFilter { source, .. } => Some(format!("filter:{source}")),
            Edit::SetBorderKm { source, .. } => Some(format!("border:{source}")),
            Edit::SetLayout(_) => Some("layout".into()),
            // Typing into an annotation's text or dragging its colour is one step.
            Edit::UpdateAnnotation(a) => Some(format!("annotation:{}", a.id)),
            _ => None,
        }
    }

    /// Apply to `p`. Returns false (and changes nothing) when the edit names nothing there.
    pub fn apply(&self, p: &mut Project) -> bool {
        match self {
            Edit::SetVisible { layer, visible } => p
                .layer_mut(layer)
                .map(|l| l.style.visible = *visible)
                .is_some(),
            Edit::SetOpacity { layer, opacity } => p
                .layer_mut(layer)
                .map(|l| l.style.opacity = opacity.clamp(0.0, 1.0))
                .is_some(),
            Edit::SetHiddenGroups { layer, groups } => p
                .layer_mut(layer)
                .map(|l| l.style.hidden_groups = groups.clone())
                .is_some(),
            Edit::SetDensityStyle { source, style } => each_density_layer(p, source, |l| {
                l.style.density = Some(style.clone());
            }),
            Edit::SetFilter { source, filter } => {
                each_density_layer(p, source, |l| l.filter = filter.clone())
            }
            Edit::SetBorderKm { source, km } => set_border(p, source, *km),
            Edit::MoveLayer { layer, to } => {
                let Some(i) = p.layers.iter().position(|l| &l.id == layer) else {
                    return false;
                };
                let l = p.layers.remove(i);
                p.layers.insert((*to).min(p.layers.len()), l);
                true
            }
            Edit::AddView(v) => {
                p.views.push(v.clone());
                true
            }
            Edit::RenameView { from, to } => p
                .views
                .iter_mut()
                .find(|v| &v.name == from)
                .map(|v| v.name = to.clone())
                .is_some(),
            Edit::DeleteView { name } => {
                let n = p.views.len();
                p.views.retain(|v| &v.name != name);
                p.views.len() != n
            }
            Edit::MoveView { name, to } => {
                let Some(i) = p.views.iter().position(|v| &v.name == name) else {
                    return false;
                };
                let v = p.views.remove(i);
                p.views.insert((*to).min(p.views.len()), v);
                true
            }
            Edit::AddAnnotation(a) => {
                add_annotation(p, a.clone());
                true
            }
            Edit::UpdateAnnotation(a) => update_annotation(p, a),
            Edit::DeleteAnnotation { id } => delete_annotation(p, *id),
            Edit::SetBorderBand { source, visible } => p.set_border_band(source, *visible),
            Edit::SetLayout(l) => {
                p.layout = l.clone();
                true
            }
            Edit::SetBasemap(b) => {
                p.basemap = b.clone();
                true
            }
            Edit::Replace(new) => {
                *p = (**new).clone();
                true
            }
        }
    }
}

fn each_density_layer(
    p: &mut Project,
    source: &str,
    mut f: impl FnMut(&mut super::LayerDef),
) -> bool {
    let mut any = false;
    for l in p
        .layers
        .iter_mut()
        .filter(|l| l.kind.is_density() && l.source.as_deref() == Some(source))
    {
        f(l);
        any = true;
    }
    any
}

fn update_annotation(p: &mut Project, a: &Annotation) -> bool {
    p.layers
        .iter_mut()
        .flat_map(|l| l.annotations.iter_mut())
        .find(|x| x.id == a.id)
        .map(|x| *x = a.clone())
        .is_some()
}

fn delete_annotation(p: &mut Project, id: u32) -> bool {
    p.layers.iter_mut().any(|l| {
        let n = l.annotations.len();
        l.annotations.retain(|a| a.id != id);
        l.annotations.len() != n
    })
}

fn add_annotation(p: &mut Project, a: Annotation) {
    let i = match p
        .layers
        .iter()
        .rposition(|l| l.kind == LayerKind::Annotations)
    {
        Some(i) => i,
        None => {
            let id = p.fresh_layer_id("annotations");
            p.layers
                .push(LayerDef::new(id, LayerKind::Annotations, None));
            p.layers.len() - 1
        }
    };
    let layer = &mut p.layers[i];
    layer.style.visible = true;
    if layer.style.opacity <= 0.0 {
        layer.style.opacity = 1.0;
    }
    layer.annotations.push(a);
}

fn set_border(p: &mut Project, source: &str, km: f64) -> bool {
    let Some(s) = p.sources.iter_mut().find(|s| s.id == source) else {
        return false;
    };
    match &mut s.kind {
        super::SourceKind::Incidents { border_km, .. } => {
            *border_km = km;
            true
        }
        _ => false,
    }
}
