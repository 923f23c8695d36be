//! Colour-blind-safe group colours (Okabe & Ito, 2008), indexed by a group's `colour_index`.

use egui::Color32;

const OKABE_ITO: [Color32; 8] = [
    Color32::from_rgb(230, 159, 0),   // orange
    Color32::from_rgb(86, 180, 233),  // sky blue
    Color32::from_rgb(0, 158, 115),   // bluish green
    Color32::from_rgb(204, 121, 167), // reddish purple
    Color32::from_rgb(213, 94, 0),    // vermillion
    Color32::from_rgb(0, 114, 178),   // blue
    Color32::from_rgb(240, 228, 66),  // yellow
    Color32::from_rgb(110, 110, 110), // grey
];

/// The colour of palette entry `i` (wrapping).
pub fn group_colour(i: u8) -> Color32 {
    OKABE_ITO[usize::from(i) % OKABE_ITO.len()]
}
