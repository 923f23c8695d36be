//! Panels and dialogs around the map: menu bar, search box, go to, layers, saved views,
//! legend, details, status bar, density panel and timeline, import, report reader, export,
//! help. They change the
//! project through edits and never draw maps of their own.

pub mod annotation_panel;
pub mod basemap_menu;
pub mod density_legend;
pub mod density_panel;
pub mod details;
pub mod dialog_place;
pub mod export_dialog;
pub mod findings;
pub mod fonts;
pub mod go_to;
pub mod help;
pub mod import_dialog;
mod import_mapping;
pub mod layers_panel;
pub mod legend;
pub mod legend_record;
pub mod menu;
pub mod report_reader;
pub mod search_box;
pub mod status_bar;
pub mod timeline;
pub mod views_panel;
