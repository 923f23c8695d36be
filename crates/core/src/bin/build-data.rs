//! `build-data`: rebuild the app data under data/ from the raw inputs in data/sources/.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(atlas_core::data::bundled_data_dir);
    match atlas_core::build::run(&dir) {
        Ok(log) => {
            for line in log {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build-data: {e}");
            ExitCode::FAILURE
        }
    }
}
