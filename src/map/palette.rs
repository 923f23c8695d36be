//! Group colours for egui: the core's colour-blind-safe palette
//! ([`atlas_core::palette::GROUP_COLOURS`]), indexed by a group's `colour_index`.

use egui::Color32;

/// The colour of palette entry `i` (wrapping).
pub fn group_colour(i: u8) -> Color32 {
    let [r, g, b] = atlas_core::palette::group_rgb(i);
    Color32::from_rgb(r, g, b)
}
