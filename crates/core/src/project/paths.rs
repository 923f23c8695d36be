//! File references in a project: bundled data, or a user file stored relative to the project
//! file (with its absolute path as a fallback), so a project folder can be moved or emailed.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Where a source's file is. Exactly one of `bundled` and `path` is set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    /// A file of the app's bundled data directory, e.g. `incidents/synthetic-demo-2024.csv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundled: Option<String>,
    /// A user file. In memory: as given or as resolved at load (absolute where known); in
    /// the saved file: relative to the project file's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// The absolute path when saved: used when `path` does not resolve (project moved
    /// without its data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absolute: Option<PathBuf>,
}

impl FileRef {
    pub fn bundled(rel: &str) -> Self {
        Self {
            bundled: Some(rel.to_owned()),
            ..Default::default()
        }
    }

    pub fn path(p: impl Into<PathBuf>) -> Self {
        Self {
            path: Some(p.into()),
            ..Default::default()
        }
    }

    /// Short name for labels and the Sources line: the file name.
    pub fn file_name(&self) -> String {
        let p = self
            .path
            .as_deref()
            .or(self.absolute.as_deref())
            .map(Path::to_path_buf)
            .or_else(|| self.bundled.as_ref().map(PathBuf::from))
            .unwrap_or_default();
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    }

    /// As written into a project saved in `dir`: user paths made relative to `dir`, with the
    /// absolute path kept as the fallback.
    pub(super) fn for_saving(&self, dir: Option<&Path>) -> FileRef {
        let Some(p) = &self.path else {
            return self.clone();
        };
        let abs = absolute(p);
        let rel = dir
            .and_then(|d| pathdiff::diff_paths(&abs, absolute(d)))
            .unwrap_or_else(|| abs.clone());
        FileRef {
            bundled: None,
            path: Some(rel),
            absolute: Some(abs),
        }
    }

    /// As read from a project in `dir`: the relative path joined to `dir` when that file
    /// exists, else the saved absolute path when that exists, else the joined path (missing).
    pub(super) fn after_loading(&self, dir: Option<&Path>) -> FileRef {
        let Some(p) = &self.path else {
            return self.clone();
        };
        let joined = match dir {
            Some(d) if p.is_relative() => d.join(p),
            _ => p.clone(),
        };
        let path = if joined.exists() {
            joined
        } else {
            match &self.absolute {
                Some(a) if a.exists() => a.clone(),
                _ => joined,
            }
        };
        FileRef {
            bundled: None,
            path: Some(path),
            absolute: None,
        }
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The file a reference names: bundled files under `data_dir`, user files as they are.
pub fn resolve_file(f: &FileRef, data_dir: &Path) -> PathBuf {
    match (&f.bundled, &f.path, &f.absolute) {
        (Some(b), _, _) => data_dir.join(b),
        (None, Some(p), _) => p.clone(),
        (None, None, Some(a)) => a.clone(),
        (None, None, None) => PathBuf::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_paths_are_saved_relative_and_resolve_back() {
        let dir = std::env::temp_dir().join(format!("atlas-paths-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).expect("mkdir");
        let file = dir.join("data/events.csv");
        std::fs::write(&file, "x").expect("write");
        let saved = FileRef::path(&file).for_saving(Some(&dir));
        assert_eq!(saved.path.as_deref(), Some(Path::new("data/events.csv")));
        assert_eq!(saved.absolute.as_deref(), Some(file.as_path()));
        assert_eq!(saved.after_loading(Some(&dir)).path, Some(file.clone()));
        // Moved project, data left behind: the absolute path is the fallback.
        let elsewhere = dir.join("moved");
        assert_eq!(
            saved.after_loading(Some(&elsewhere)).path,
            Some(file.clone())
        );
        // Both gone: the relative path under the project's folder (reported missing later).
        std::fs::remove_file(&file).expect("rm");
        assert_eq!(
            saved.after_loading(Some(&elsewhere)).path,
            Some(elsewhere.join("data/events.csv"))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bundled_files_resolve_under_the_data_dir() {
        let f = FileRef::bundled("report/findings.json");
        assert_eq!(f.for_saving(Some(Path::new("/x"))), f);
        assert_eq!(
            resolve_file(&f, Path::new("/data")),
            PathBuf::from("/data/report/findings.json")
        );
        assert_eq!(f.file_name(), "findings.json");
    }
}
