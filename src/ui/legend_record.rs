//! What a legend drew, key by key: the layer each key belongs to and its text — the layout
//! model an export reports and tests compare with the visible layers.

use atlas_core::project::LayerKind;

/// One key of a drawn legend.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LegendKey {
    pub layer: LayerKind,
    pub text: String,
}

fn id() -> egui::Id {
    egui::Id::unique("frontier-atlas-legend-record")
}

/// Start recording the keys drawn in `ctx` (an export's legend does, the window's not).
pub fn start(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp::<Option<Vec<LegendKey>>>(id(), Some(Vec::new())));
}

/// Note a key, when recording.
pub fn record(ctx: &egui::Context, layer: LayerKind, text: &str) {
    ctx.data_mut(|d| {
        if let Some(keys) = d
            .get_temp_mut_or_default::<Option<Vec<LegendKey>>>(id())
            .as_mut()
        {
            keys.push(LegendKey {
                layer,
                text: text.to_owned(),
            });
        }
    });
}

/// Stop recording; the keys drawn since [`start`].
pub fn take(ctx: &egui::Context) -> Vec<LegendKey> {
    ctx.data_mut(|d| d.remove_temp::<Option<Vec<LegendKey>>>(id()))
        .flatten()
        .unwrap_or_default()
}
