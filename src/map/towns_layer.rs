//! Towns and cities (by rank, denser as you zoom in) and named mountain ranges, as a plugin.

use egui::{Align2, Response, Stroke, Ui, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Fit, Label, LabelSink, name_key, symbol_box, symbol_gap};
use super::style::{faded, map_style};
use super::transform::WorldToScreen;
use crate::scene::AtlasData;
use crate::state::LayerStyle;

pub struct TownsLayer<'a> {
    pub data: &'a AtlasData,
    pub style: LayerStyle,
    pub labels: LabelSink,
    pub dark: bool,
}

/// Highest (least important) town rank shown at a zoom.
pub fn max_rank(zoom: f64) -> u8 {
    match zoom {
        z if z < 5.5 => 1,
        z if z < 6.5 => 2,
        z if z < 7.5 => 3,
        z if z < 8.5 => 4,
        _ => 5,
    }
}

impl Plugin for TownsLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let s = map_style(self.dark);
        let painter = ui.painter_at(t.clip);
        let view = t.view(0.0);
        let limit = max_rank(t.zoom);
        let color = faded(s.town, self.style.opacity);
        for town in &self.data.gazetteer.towns {
            if town.rank > limit {
                continue;
            }
            let w = atlas_core::basemap::lonlat_to_world(town.lon, town.lat);
            if w[0] < view[0] || w[0] > view[2] || w[1] < view[1] || w[1] > view[3] {
                continue;
            }
            let p = t.to_screen(w);
            let r = if town.rank <= 1 { 4.0 } else { 2.5 };
            painter.circle(
                p,
                r,
                faded(s.halo, self.style.opacity),
                Stroke::new(1.2, color),
            );
            self.labels.push(Label {
                text: town.name.clone(),
                world: w,
                size: if town.rank <= 2 { 13.0 } else { 11.5 },
                color,
                priority: if town.rank <= 1 {
                    60
                } else {
                    40 - i32::from(town.rank) * 5
                },
                anchor: Align2::LEFT_CENTER,
                offset: vec2(symbol_gap(r), 0.0),
                layer: "town",
                fit: Fit::Around,
                key: name_key(&town.name),
                ..Default::default()
            });
            self.labels.obstacle(symbol_box(p, r));
        }
        for region in self.data.regions.iter() {
            if region.class != "Range/mtn" && t.zoom < 6.0 {
                continue;
            }
            self.labels.push(Label {
                text: region.name.clone(),
                world: region.world,
                size: 13.0,
                color: faded(s.region, self.style.opacity),
                priority: 5 - i32::from(region.scalerank),
                layer: "region",
                fit: Fit::Slide,
                ..Default::default()
            });
        }
    }
}
