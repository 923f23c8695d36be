//! Panels around the map: layers, legend, details, status bar.

pub mod details;
pub mod layers_panel;
pub mod legend;
pub mod status_bar;
