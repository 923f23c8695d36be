//! Sources that could not be loaded: which file, and why — shown in the window with a
//! "Locate…" action and printed by the command line.

use std::path::PathBuf;

use atlas_core::project::{Project, SourceKind, resolve_file};

use super::Session;

/// One source that failed to load.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceProblem {
    pub source: String,
    /// The file it reads (where it has one).
    pub path: Option<PathBuf>,
    /// The file does not exist (the window offers "Locate…").
    pub missing: bool,
    pub message: String,
}

pub(super) fn collect(s: &Session, project: &Project) -> Vec<SourceProblem> {
    let mut out = Vec::new();
    for def in &project.sources {
        let path = def.file().map(|f| resolve_file(f, &s.data_dir));
        let demo =
            matches!(&def.kind, SourceKind::Incidents { file, .. } if file.bundled.is_some());
        let missing = !demo && path.as_ref().is_some_and(|p| !p.exists());
        let error = s.load_error(def);
        if missing || error.is_some() {
            let message = if missing {
                format!(
                    "{}: file not found",
                    path.as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                )
            } else {
                error.unwrap_or_default()
            };
            out.push(SourceProblem {
                source: def.id.clone(),
                path,
                missing,
                message,
            });
        }
    }
    out.sort_by_key(|p| !p.missing);
    out
}
