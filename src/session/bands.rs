//! Border bands on workers: the band a layer shows is rebuilt when its source's border
//! distance changes, and the last one stays on the map until the new one is ready.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::density::Levels;
use crate::scene::band::BandShape;

use super::load::Load;

/// Bands by incident source id.
#[derive(Default)]
pub struct Bands {
    shown: BTreeMap<String, Arc<BandShape>>,
    loading: BTreeMap<String, Load<BandShape>>,
}

impl Bands {
    /// Keep the bands of `wanted` (source id, km, the levels holding the border) current.
    pub fn sync(&mut self, wanted: Vec<(String, f64, Arc<Levels>)>, ctx: Option<&egui::Context>) {
        self.shown.retain(|id, _| wanted.iter().any(|w| &w.0 == id));
        self.loading
            .retain(|id, _| wanted.iter().any(|w| &w.0 == id));
        for (id, km, levels) in wanted {
            let key = km.to_string();
            if self.shown.get(&id).is_some_and(|b| b.km == km) {
                self.loading.remove(&id);
                continue;
            }
            if self.loading.get(&id).is_some_and(|l| l.key == key) {
                continue;
            }
            let Some(_) = levels.border.as_ref() else {
                continue;
            };
            let load = Load::start(key, ctx, move || {
                let border = levels
                    .border
                    .as_ref()
                    .ok_or_else(|| "no border line".to_owned())?;
                Ok(BandShape::new(border, km))
            });
            self.loading.insert(id, load);
        }
        for (id, load) in &mut self.loading {
            load.poll();
            if let Some(v) = load.value() {
                self.shown.insert(id.clone(), v.clone());
            }
        }
        self.loading.retain(|_, l| l.pending());
    }

    pub fn get(&self, source: &str) -> Option<&Arc<BandShape>> {
        self.shown.get(source)
    }

    pub fn pending(&self) -> usize {
        self.loading.len()
    }
}
