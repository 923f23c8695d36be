//! Country names over the basemap (AFGHANISTAN, PAKISTAN, IRAN …) in spaced capitals, sized by
//! the country's area on screen, placed by the label engine above province names.

use egui::{Color32, Response, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Fit, Label, LabelSink};
use super::transform::WorldToScreen;
use atlas_core::basemap::{BasemapData, country_labels, lonlat_to_world, world_to_lonlat};

/// Country names for the frame's view, submitted as labels.
pub struct CountryNamesLayer<'a> {
    pub data: &'a BasemapData,
    pub labels: LabelSink,
    pub dark: bool,
    pub opacity: f32,
}

/// Colour of country names: quiet, so they read as the basemap's.
fn ink(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(165, 165, 180)
    } else {
        Color32::from_rgb(105, 100, 95)
    }
}

impl Plugin for CountryNamesLayer<'_> {
    fn run(self: Box<Self>, _: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let v = t.view(0.0);
        let (west, north) = world_to_lonlat([v[0], v[1]]);
        let (east, south) = world_to_lonlat([v[2], v[3]]);
        let colour = super::style::faded(ink(self.dark), self.opacity);
        for c in country_labels(
            self.data.country_names(),
            [west, south, east, north],
            t.zoom,
        ) {
            self.labels.push(Label {
                world: lonlat_to_world(c.lonlat[0], c.lonlat[1]),
                size: c.font_px,
                color: colour,
                // Above province names (50), under the major towns (60) and everything the
                // report names; bigger countries first (`priority` is log10 of the area in
                // px², about 4 to 6).
                priority: 45 + (c.priority * 2.0).round() as i32,
                layer: atlas_core::basemap::COUNTRY_LAYER,
                fit: Fit::Slide,
                tracking: c.tracking_em,
                text: c.text,
                ..Default::default()
            });
        }
    }
}
