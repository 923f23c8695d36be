//! The open project as a document: the project, where it is saved, its undo history and
//! whether it has unsaved changes.

use std::path::{Path, PathBuf};

use atlas_core::project::{Edit, History, Project, ProjectError, load_project, save_project};

/// The project the window edits.
pub struct Document {
    pub project: Project,
    /// Where it was opened from or last saved to (`None`: never saved).
    pub path: Option<PathBuf>,
    history: History,
    saved_revision: u64,
}

impl Document {
    pub fn new(project: Project) -> Self {
        Document {
            project,
            path: None,
            history: History::default(),
            saved_revision: 0,
        }
    }

    /// Open a project file; on failure nothing changes (the caller keeps its document).
    pub fn open(path: &Path) -> Result<Self, ProjectError> {
        let project = load_project(path)?;
        Ok(Document {
            project,
            path: Some(path.to_path_buf()),
            history: History::default(),
            saved_revision: 0,
        })
    }

    /// Change the project (one undo step; merges slider drags).
    pub fn apply(&mut self, edit: Edit) -> bool {
        self.history.apply(&mut self.project, edit)
    }

    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.project)
    }

    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.project)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Changed since opened or last saved.
    pub fn dirty(&self) -> bool {
        self.history.revision() != self.saved_revision
    }

    /// Count the document as changed (recovered work).
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = u64::MAX;
    }

    /// Changes every time the project changes.
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    /// Save to `path` (atomic); on success it becomes the document's path and the unsaved
    /// mark goes; on failure both stay.
    pub fn save_to(&mut self, path: &Path) -> Result<(), ProjectError> {
        save_project(&self.project, path)?;
        self.path = Some(path.to_path_buf());
        self.saved_revision = self.history.revision();
        Ok(())
    }

    /// The project's name: its file name without `.json`, or "Untitled".
    pub fn name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| {
                let n = n.to_string_lossy();
                n.strip_suffix(".json").unwrap_or(&n).to_owned()
            })
            .unwrap_or_else(|| "Untitled".into())
    }

    /// The window title: name, unsaved mark, app name.
    pub fn title(&self) -> String {
        let mark = if self.dirty() { "● " } else { "" };
        format!("{mark}{} — Frontier Atlas", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_mark_unsaved_and_saving_clears_it() {
        let mut d = Document::new(Project::default());
        assert!(!d.dirty());
        assert_eq!(d.title(), "Untitled — Frontier Atlas");
        assert!(d.apply(Edit::SetVisible {
            layer: "towns".into(),
            visible: false
        }));
        assert!(d.dirty());
        assert_eq!(d.title(), "● Untitled — Frontier Atlas");
        let dir = std::env::temp_dir().join(format!("atlas-doc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let path = dir.join("weekly.json");
        d.save_to(&path).expect("save");
        assert!(!d.dirty());
        assert_eq!(d.title(), "weekly — Frontier Atlas");
        // Undo after a save is a change again.
        assert!(d.undo());
        assert!(d.dirty());
        // A failed save keeps the mark and the path.
        let bad = dir.join("missing-dir/x.json");
        assert!(d.save_to(&bad).is_err());
        assert!(d.dirty());
        assert_eq!(d.path.as_deref(), Some(path.as_path()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
