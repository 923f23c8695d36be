//! App integration tests in one binary: linking the app once keeps the test build small.

mod common;
/// MBTiles/PMTiles fixtures and a loopback tile server, shared with the basemap tests.
#[path = "../tile_fixtures/mod.rs"]
mod tile_fixtures;

mod basemap_files;
mod basemap_online;
mod cli_coords;
mod cli_distance;
mod cli_resolve;
mod density_cli;
mod density_ui;
mod export;
mod export_cli;
mod export_dialog;
mod missing_data;
mod offline;
mod project_cli;
mod project_session;
mod project_ui;
mod report_ui;
mod tools_ui;
mod ui;
