//! The border band as a plugin: the area within the density panel's distance of the AF–PK
//! border, a light fill under a dashed outline, labelled with its width.

use egui::{Align2, Color32, Response, Stroke, Ui, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Label, LabelSink};
use super::report_layer::fill_mesh;
use super::style::faded;
use super::transform::WorldToScreen;
use crate::scene::band::BandShape;
use crate::state::LayerStyle;

/// The band's colour (a blue apart from the report's oranges and the heat ramp).
pub const BAND_COLOUR: Color32 = Color32::from_rgb(40, 110, 200);
/// Opacity of the fill relative to the outline.
pub const BAND_FILL: f32 = 0.12;

/// The legend's words for a band of `km`.
pub fn band_words(km: f64) -> String {
    format!("Within {km:.0} km of the AF–PK border (the density panel's band)")
}

pub struct BorderBandLayer<'a> {
    pub band: &'a BandShape,
    pub style: LayerStyle,
    pub labels: LabelSink,
}

impl Plugin for BorderBandLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let painter = ui.painter_at(t.clip);
        let c = faded(BAND_COLOUR, self.style.opacity);
        painter.add(fill_mesh(&self.band.tris, &t, c.gamma_multiply(BAND_FILL)));
        let scale = super::style::text_scale(ui.ctx());
        for outline in &self.band.outlines {
            let pts: Vec<egui::Pos2> = outline.iter().map(|w| t.to_screen(*w)).collect();
            painter.extend(egui::Shape::dashed_line(
                &pts,
                Stroke::new(1.5 * scale, c),
                8.0 * scale,
                4.0 * scale,
            ));
        }
        // The width, at the outline's northernmost point (the band's top, clear of the
        // border's busiest stretch).
        if let Some(top) = self
            .band
            .outlines
            .iter()
            .flatten()
            .min_by(|a, b| a[1].total_cmp(&b[1]))
        {
            self.labels.push(Label {
                text: format!("{:.0} km band", self.band.km),
                world: *top,
                size: 11.5,
                color: c,
                priority: 70,
                anchor: Align2::CENTER_BOTTOM,
                offset: vec2(0.0, -3.0),
                layer: "border_band",
                ..Default::default()
            });
        }
    }
}
