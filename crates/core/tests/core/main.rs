//! Core integration tests in one binary (one link instead of one per file).

mod common;

mod bad_input;
mod basemap;
mod basemap_pictures;
mod border_fast;
mod border_lines;
mod camp_points;
mod coords_parse;
mod coords_reference;
mod data_integrity;
mod fuzz_loaders;
mod geodesy_reference;
mod incidents_border;
mod incidents_classify;
mod incidents_demo_join;
mod incidents_import;
mod incidents_import_generic;
mod incidents_import_robust;
mod incidents_join;
mod incidents_kde;
mod incidents_synthetic;
mod incidents_time;
mod join_fast;
mod labels;
mod project_file;
mod report_extract;
mod report_findings;
mod report_fixtures;
mod report_groups;
mod report_source;
mod search_ranking;
mod tile_files;
mod time_cube;
mod tools_display;
