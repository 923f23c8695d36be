//! The undo/redo history of project edits: whole-project snapshots, slider drags merged into
//! one step, and a revision counter for the unsaved mark.

use super::Project;
use super::edit::Edit;

/// Undo and redo stacks of whole-project snapshots (a project is a few kilobytes: datasets
/// are referenced, not embedded), and a revision counter for the unsaved mark.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<(Project, Option<String>)>,
    redo: Vec<Project>,
    revision: u64,
}

/// How many steps are kept.
const DEPTH: usize = 200;

impl History {
    /// Apply `edit` to `p`, remembering the previous state. Returns whether anything changed.
    pub fn apply(&mut self, p: &mut Project, edit: Edit) -> bool {
        let before = p.clone();
        if !edit.apply(p) || *p == before {
            return false;
        }
        let key = edit.merge_key();
        let merge = key.is_some()
            && self.undo.last().is_some_and(|(_, k)| *k == key)
            && self.redo.is_empty();
        if !merge {
            self.undo.push((before, key));
            if self.undo.len() > DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.revision += 1;
        true
    }

    /// Step back; false when there is nothing to undo.
    pub fn undo(&mut self, p: &mut Project) -> bool {
        let Some((prev, _)) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(p, prev));
        self.revision += 1;
        true
    }

    pub fn redo(&mut self, p: &mut Project) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        // A redone step never merges with the next edit.
        self.undo.push((std::mem::replace(p, next), None));
        self.revision += 1;
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Changes every time the project changes (compare with the revision at the last save).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Forget everything (a project was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::{DensityStyle, SavedView};

    #[test]
    fn undo_redo_and_slider_drags_merge() {
        let mut p = Project::default();
        let mut h = History::default();
        let start = p.clone();
        for o in [0.9, 0.5, 0.2] {
            assert!(h.apply(
                &mut p,
                Edit::SetOpacity {
                    layer: "towns".into(),
                    opacity: o
                }
            ));
        }
        assert!(h.apply(
            &mut p,
            Edit::SetVisible {
                layer: "towns".into(),
                visible: false
            }
        ));
        // Same value again: no step.
        assert!(!h.apply(
            &mut p,
            Edit::SetVisible {
                layer: "towns".into(),
                visible: false
            }
        ));
        assert!(!h.apply(
            &mut p,
            Edit::SetVisible {
                layer: "nope".into(),
                visible: false
            }
        ));
        assert!(h.undo(&mut p));
        assert_eq!(
            p.layer("towns").map(|l| (l.style.visible, l.style.opacity)),
            Some((true, 0.2))
        );
        assert!(h.undo(&mut p));
        assert_eq!(p, start);
        assert!(!h.undo(&mut p));
        assert!(h.redo(&mut p) && h.redo(&mut p));
        assert_eq!(
            p.layer("towns").map(|l| (l.style.visible, l.style.opacity)),
            Some((false, 0.2))
        );
        assert!(!h.redo(&mut p));
    }

    #[test]
    fn density_edits_reach_every_layer_of_the_source() {
        let mut p = Project::default();
        let style = DensityStyle {
            bandwidth_km: 40.0,
            ..Default::default()
        };
        assert!(
            Edit::SetDensityStyle {
                source: "demo".into(),
                style: style.clone()
            }
            .apply(&mut p)
        );
        assert!(
            p.layers_of_source("demo")
                .all(|l| l.style.density.as_ref() == Some(&style))
        );
        assert!(
            !Edit::SetFilter {
                source: "report".into(),
                filter: Default::default()
            }
            .apply(&mut p)
        );
    }

    #[test]
    fn views_rename_move_delete() {
        let mut p = Project::default();
        for n in ["a", "b", "c"] {
            Edit::AddView(SavedView::new(n, [70.0, 30.0], 6.0)).apply(&mut p);
        }
        assert!(
            Edit::MoveView {
                name: "c".into(),
                to: 0
            }
            .apply(&mut p)
        );
        assert!(
            Edit::RenameView {
                from: "a".into(),
                to: "A".into()
            }
            .apply(&mut p)
        );
        assert!(Edit::DeleteView { name: "b".into() }.apply(&mut p));
        let names: Vec<&str> = p.views.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["c", "A"]);
    }
}
