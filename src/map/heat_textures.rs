//! Heat rasters uploaded as textures, one per analysis heat and basemap shade, per egui
//! context (the window and each offscreen exporter keep their own). Unused ones are freed.

use std::collections::HashMap;
use std::sync::Arc;

use crate::density::heat::{Heat, heat_pixels};
use crate::session::Scene;

struct Entry {
    heat: Arc<Heat>,
    handle: egui::TextureHandle,
}

/// Textures of the heat rasters a scene shows.
#[derive(Default)]
pub struct HeatTextures {
    by_heat: HashMap<(usize, bool), Entry>,
}

fn key(h: &Arc<Heat>, dark: bool) -> (usize, bool) {
    (Arc::as_ptr(h) as usize, dark)
}

impl HeatTextures {
    /// Upload the heat rasters of `scene` not uploaded yet; free the others.
    pub fn update(&mut self, ctx: &egui::Context, scene: &Scene, dark: bool) {
        let wanted: Vec<Arc<Heat>> = scene
            .analyses
            .values()
            .filter_map(|a| a.heat.clone())
            .collect();
        self.by_heat
            .retain(|_, e| wanted.iter().any(|h| Arc::ptr_eq(h, &e.heat)));
        for heat in wanted {
            let k = key(&heat, dark);
            if self.by_heat.contains_key(&k) {
                continue;
            }
            let pixels = heat_pixels(&heat, dark)
                .into_iter()
                .map(|[r, g, b, a]| egui::Color32::from_rgba_unmultiplied(r, g, b, a))
                .collect();
            let image = egui::ColorImage::new([heat.width, heat.height], pixels);
            let handle = ctx.load_texture("density-heatmap", image, egui::TextureOptions::LINEAR);
            self.by_heat.insert(k, Entry { heat, handle });
        }
    }

    /// The texture of `heat` in the `dark` or light ramp, once uploaded.
    pub fn get(&self, heat: &Arc<Heat>, dark: bool) -> Option<egui::TextureId> {
        self.by_heat.get(&key(heat, dark)).map(|e| e.handle.id())
    }
}
