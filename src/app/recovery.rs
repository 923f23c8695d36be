//! Autosave for crash recovery: after changes, at most every 30 s, the unsaved project is
//! written to a recovery file in the app's data directory; a clean save or exit removes it;
//! the next start after a crash offers it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use atlas_core::project::{Project, load_project, save_project};
use serde::{Deserialize, Serialize};

use super::document::Document;

/// Least time between two recovery writes.
pub const EVERY: Duration = Duration::from_secs(30);
const FILE: &str = "recovery.json";
const META: &str = "recovery-meta.json";

/// Where the recovered project came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryMeta {
    /// The project file it was an unsaved version of (`None`: never saved).
    pub original: Option<PathBuf>,
    /// When it was written (UTC).
    pub written: String,
}

/// Writes the recovery file.
pub struct Recovery {
    dir: Option<PathBuf>,
    last: Option<Instant>,
    written_revision: Option<u64>,
}

impl Recovery {
    /// Recovery files under `dir` (`None`: no autosave, e.g. in tests).
    pub fn new(dir: Option<PathBuf>) -> Self {
        Recovery {
            dir,
            last: None,
            written_revision: None,
        }
    }

    /// Write the document if it has unsaved changes not written yet and the last write was
    /// at least [`EVERY`] ago. Returns whether it wrote.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> bool {
        let Some(dir) = &self.dir else { return false };
        if !doc.dirty() || self.written_revision == Some(doc.revision()) {
            return false;
        }
        if self.last.is_some_and(|t| now.duration_since(t) < EVERY) {
            return false;
        }
        self.last = Some(now);
        self.written_revision = Some(doc.revision());
        match write(dir, &doc.project, doc.path.clone()) {
            Ok(()) => true,
            Err(e) => {
                log::warn!("autosave: {e}");
                false
            }
        }
    }

    /// Remove the recovery file (saved, or closed without a crash).
    pub fn clear(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_file(dir.join(FILE));
            let _ = std::fs::remove_file(dir.join(META));
        }
        self.written_revision = None;
    }
}

fn write(dir: &Path, project: &Project, original: Option<PathBuf>) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    save_project(project, &dir.join(FILE)).map_err(|e| e.to_string())?;
    let meta = RecoveryMeta {
        original,
        written: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
    };
    let json = serde_json::to_string_pretty(&meta).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(META), json).map_err(|e| e.to_string())
}

/// A recovery file left by a session that did not end cleanly.
pub fn pending(dir: &Path) -> Option<(Project, RecoveryMeta)> {
    let project = load_project(&dir.join(FILE)).ok()?;
    let meta = std::fs::read_to_string(dir.join(META))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(RecoveryMeta {
            original: None,
            written: "unknown time".into(),
        });
    Some((project, meta))
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_core::project::Edit;

    #[test]
    fn writes_after_changes_at_most_every_30_s_and_clears() {
        let dir = std::env::temp_dir().join(format!("atlas-recovery-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut r = Recovery::new(Some(dir.clone()));
        let mut doc = Document::new(Project::default());
        let t0 = Instant::now();
        assert!(!r.tick(&doc, t0), "nothing to save yet");
        doc.apply(Edit::SetVisible {
            layer: "towns".into(),
            visible: false,
        });
        assert!(r.tick(&doc, t0));
        assert!(!r.tick(&doc, t0 + Duration::from_secs(40)), "no new change");
        doc.apply(Edit::SetVisible {
            layer: "towns".into(),
            visible: true,
        });
        assert!(!r.tick(&doc, t0 + Duration::from_secs(10)), "too soon");
        assert!(r.tick(&doc, t0 + Duration::from_secs(31)));
        let (p, meta) = pending(&dir).expect("recovery file");
        assert_eq!(p, doc.project);
        assert_eq!(meta.original, None);
        r.clear();
        assert!(pending(&dir).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
