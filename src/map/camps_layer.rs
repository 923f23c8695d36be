//! Training camps: the report's training-centre provinces as hatched areas with a camp icon at
//! the label point — province-level claims are areas, never pins.

use atlas_core::model::EntryRef;
use egui::{Align2, Color32, Response, Shape, Stroke, Ui, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::hatch::hatch_segments;
use super::labels::{Fit, Label, LabelSink, symbol_box, symbol_gap};
use super::style::faded;
use super::transform::WorldToScreen;
use crate::scene::AtlasData;
use crate::state::LayerStyle;

/// Camp symbol colour (dark red, distinct from the group palette).
pub const CAMP_COLOUR: Color32 = Color32::from_rgb(150, 20, 30);

/// The wording every province-level camp carries.
pub const CAMP_WORDING: &str = "province-level; exact sites not given";

pub struct CampsLayer<'a> {
    pub data: &'a AtlasData,
    pub style: LayerStyle,
    pub labels: LabelSink,
    /// Camps imported with coordinates: these, and only these, are drawn as points.
    pub points: &'a [atlas_core::report::CampPoint],
    /// Draw the findings' province-level training-centre areas (the training-camps layer;
    /// a camp-point layer draws only its points).
    pub areas: bool,
}

/// A small tent: triangle with a door, centred on `c`.
pub fn camp_icon(
    painter: &egui::Painter,
    c: egui::Pos2,
    size: f32,
    colour: Color32,
    halo: Color32,
) {
    let h = size;
    let tri = vec![
        c + vec2(0.0, -h),
        c + vec2(h, h * 0.7),
        c + vec2(-h, h * 0.7),
    ];
    painter.add(Shape::convex_polygon(tri, colour, Stroke::new(1.5, halo)));
    painter.line_segment(
        [c + vec2(0.0, -h * 0.1), c + vec2(0.0, h * 0.7)],
        Stroke::new(1.5, halo),
    );
}

impl Plugin for CampsLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let op = self.style.opacity;
        let colour = faded(CAMP_COLOUR, op);
        let areas = if self.areas {
            self.data.camps.as_slice()
        } else {
            &[]
        };
        for (entry, _finding) in areas {
            let EntryRef::Unit(i) = *entry else { continue };
            let shape = &self.data.shapes[i];
            if !shape.intersects(&t.view(0.0)) {
                continue;
            }
            let rings: Vec<Vec<_>> = shape
                .rings(t.zoom)
                .iter()
                .map(|r| r.iter().map(|w| t.to_screen(*w)).collect())
                .collect();
            let segs = hatch_segments(&rings, 7.0, 0.0, t.clip);
            painter.extend(
                segs.into_iter()
                    .map(|s| Shape::line_segment(s, Stroke::new(1.3, colour))),
            );
            for r in rings {
                painter.add(Shape::line(r, Stroke::new(2.0, colour)));
            }
            let c = t.to_screen(shape.label) + vec2(0.0, -24.0);
            camp_icon(&painter, c, 8.0, colour, faded(Color32::WHITE, op));
            self.labels.obstacle(symbol_box(c, 8.0));
            self.labels.push(Label {
                text: format!("TTP training centre\n{CAMP_WORDING}"),
                world: shape.label,
                size: 11.5,
                color: colour,
                priority: 950,
                anchor: Align2::CENTER_TOP,
                offset: vec2(0.0, 14.0),
                layer: "camp",
                ..Default::default()
            });
        }
        for camp in self.points {
            let w = atlas_core::basemap::lonlat_to_world(camp.lon, camp.lat);
            let p = t.to_screen(w);
            if !t.clip.contains(p) {
                continue;
            }
            camp_icon(&painter, p, 7.0, colour, faded(Color32::WHITE, op));
            self.labels.obstacle(symbol_box(p, 7.0));
            self.labels.push(Label {
                text: camp.name.clone(),
                world: w,
                size: 12.0,
                color: colour,
                priority: 940,
                anchor: Align2::LEFT_CENTER,
                offset: vec2(symbol_gap(7.0), 0.0),
                layer: "camp",
                fit: Fit::Around,
                ..Default::default()
            });
        }
    }
}
