//! App integration tests in one binary: linking the app once keeps the test build small.

mod common;
mod tile_fixtures;

mod annotate_ui;
mod basemap_files;
mod basemap_online;
mod basemap_ui;
mod border_band;
mod cli_coords;
mod cli_distance;
mod cli_extract;
mod cli_resolve;
mod cli_stdout;
mod cli_values;
mod density_cli;
mod density_ui;
mod dialog_place;
mod export;
mod export_annotations;
mod export_cli;
mod export_dialog;
mod map_wheel;
mod missing_data;
mod offline;
mod project_cli;
mod project_session;
mod project_ui;
mod report_ui;
mod search_ui;
mod text_scripts;
mod time_playback;
mod timeline_ui;
mod tools_ui;
mod ui;
mod window_text;
