//! Panels around the map: layers, legend, details, status bar.

pub mod density_legend;
pub mod density_panel;
pub mod details;
pub mod export_dialog;
pub mod findings;
pub mod import_dialog;
pub mod layers_panel;
pub mod legend;
pub mod report_reader;
pub mod status_bar;
pub mod timeline;
