//! Loading a project's data headless for the commands: the bundled data (a missing data
//! directory is an error), every source loaded and analysed, and each source that failed
//! named with its file.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use atlas_core::project::Project;

use crate::scene::AtlasData;
use crate::session::{Scene, Session};

/// How long the commands wait for a project's data.
const LOAD_TIMEOUT: Duration = Duration::from_secs(600);

/// `dir` is a Frontier Atlas data directory, or an error naming it.
pub fn check_data_dir(dir: &Path) -> Result<(), String> {
    let hint = "give --data DIR or set FRONTIER_ATLAS_DATA";
    if !dir.is_dir() {
        return Err(format!(
            "data directory {} does not exist; {hint}",
            dir.display()
        ));
    }
    if !dir.join("admin").is_dir() {
        return Err(format!(
            "{}: not a Frontier Atlas data directory (no admin/ folder); {hint}",
            dir.display()
        ));
    }
    Ok(())
}

/// The bundled data under `dir`, or why not.
pub fn load_data(dir: &Path) -> Result<AtlasData, String> {
    check_data_dir(dir)?;
    let data = AtlasData::load(dir);
    for d in &data.diagnostics {
        eprintln!("warning: {d}");
    }
    Ok(data)
}

/// Load every source of `project` and the analyses its layers need; a source that cannot
/// be loaded is an error naming its file.
pub fn load_session(dir: &Path, project: &Project) -> Result<Scene, String> {
    let data = Arc::new(load_data(dir)?);
    let mut session = Session::new(data, dir.to_path_buf());
    session.wait(project, LOAD_TIMEOUT)?;
    let problems = session.problems(project);
    if !problems.is_empty() {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("source {:?}: {}", p.source, p.message))
            .collect();
        return Err(format!(
            "the project's data could not be loaded:\n  {}",
            lines.join("\n  ")
        ));
    }
    Ok(session.scene(project))
}

/// The time stamp exports print.
pub fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string()
}
