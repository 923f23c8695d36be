//! Highlights: places found in a report the user is reading, outlined on the map.

use atlas_core::model::EntryRef;
use egui::{Align2, Color32, Response, Shape, Stroke, Ui, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Label, LabelSink};
use super::transform::WorldToScreen;
use crate::scene::AtlasData;

/// Highlight colour (distinct from report places and selection).
pub const HIGHLIGHT: Color32 = Color32::from_rgb(120, 40, 170);

pub struct HighlightLayer<'a> {
    pub data: &'a AtlasData,
    pub ids: Vec<String>,
    pub labels: LabelSink,
    pub style: crate::state::LayerStyle,
}

impl Plugin for HighlightLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let colour = super::style::faded(HIGHLIGHT, self.style.opacity);
        let stroke = Stroke::new(2.5, colour);
        for id in &self.ids {
            let (world, name) = match self.data.gazetteer.get(id) {
                Some(EntryRef::Unit(i)) => {
                    let shape = &self.data.shapes[i];
                    for ring in shape.rings(t.zoom) {
                        let pts: Vec<_> = ring.iter().map(|w| t.to_screen(*w)).collect();
                        painter.extend(Shape::dashed_line(&pts, stroke, 10.0, 4.0));
                    }
                    (shape.label, self.data.gazetteer.units[i].name.clone())
                }
                Some(EntryRef::Town(i)) => {
                    let town = &self.data.gazetteer.towns[i];
                    let w = atlas_core::basemap::lonlat_to_world(town.lon, town.lat);
                    painter.circle_stroke(t.to_screen(w), 9.0, stroke);
                    (w, town.name.clone())
                }
                None => continue,
            };
            self.labels.push(Label {
                text: name,
                world,
                size: 13.0,
                color: colour,
                priority: 800,
                anchor: Align2::CENTER_BOTTOM,
                offset: vec2(0.0, -12.0),
                layer: "highlight",
                ..Default::default()
            });
        }
    }
}
