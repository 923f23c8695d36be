//! Panels around the map: layers, legend, details, status bar.

pub mod details;
pub mod export_dialog;
pub mod findings;
pub mod layers_panel;
pub mod legend;
pub mod report_reader;
pub mod status_bar;
