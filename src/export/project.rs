//! Projects: versioned JSON holding layers, styles, filters, named views and export layout.
//! Saving is atomic (temporary file, fsync, rename); a corrupt or newer file is refused.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::settings::ExportSettings;
use crate::state::{LayerId, LayerSettings};

/// The project format version this build writes and reads.
pub const PROJECT_VERSION: u32 = 1;

/// A named view (bookmark).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub name: String,
    /// lon, lat
    pub center: [f64; 2],
    pub zoom: f64,
    #[serde(default)]
    pub title: Option<String>,
    /// Layers shown in this view; `None` keeps the project's layer settings.
    #[serde(default)]
    pub layers: Option<Vec<LayerId>>,
}

/// A saved project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub version: u32,
    pub layers: LayerSettings,
    #[serde(default)]
    pub dark: bool,
    #[serde(default)]
    pub views: Vec<SavedView>,
    pub export: ExportSettings,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            version: PROJECT_VERSION,
            layers: LayerSettings::default(),
            dark: false,
            views: Vec::new(),
            export: ExportSettings::default(),
        }
    }
}

/// Why a project could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("{path}: cannot read: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}:{line}: not a valid project: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(
        "{path}: project version {found} is newer than this build understands ({PROJECT_VERSION}); update Frontier Atlas"
    )]
    Newer { path: PathBuf, found: u32 },
    #[error("{path}: cannot save: {message}")]
    Write { path: PathBuf, message: String },
}

impl Project {
    /// Layer settings for a named view (the view's layer list applied to the project's styles).
    pub fn layers_for(&self, view: &SavedView) -> LayerSettings {
        let mut layers = self.layers.clone();
        if let Some(ids) = &view.layers {
            for id in LayerId::ALL {
                layers.get_mut(id).visible = ids.contains(&id);
            }
        }
        layers
    }

    /// Open a project; nothing is changed when it fails.
    pub fn load(path: &Path) -> Result<Project, ProjectError> {
        let text = std::fs::read_to_string(path).map_err(|e| ProjectError::Read {
            path: path.into(),
            message: e.to_string(),
        })?;
        // Check the version before the schema, so that a newer file says so.
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| ProjectError::Parse {
                path: path.into(),
                line: e.line(),
                message: e.to_string(),
            })?;
        let found = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
        if found > PROJECT_VERSION {
            return Err(ProjectError::Newer {
                path: path.into(),
                found,
            });
        }
        serde_json::from_str(&text).map_err(|e| ProjectError::Parse {
            path: path.into(),
            line: e.line(),
            message: e.to_string(),
        })
    }

    /// Save atomically: write `path.tmp`, fsync, then rename over `path`.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        self.save_with(path, |_| Ok(()))
    }

    /// [`Project::save`] with a hook run between writing the temporary file and the rename
    /// (tests use it to simulate a crash there).
    pub fn save_with(
        &self,
        path: &Path,
        before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<(), ProjectError> {
        let err = |e: std::io::Error| ProjectError::Write {
            path: path.into(),
            message: e.to_string(),
        };
        let json = serde_json::to_string_pretty(self).map_err(|e| err(std::io::Error::other(e)))?;
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        {
            let mut f = std::fs::File::create(&tmp).map_err(err)?;
            f.write_all(json.as_bytes()).map_err(err)?;
            f.sync_all().map_err(err)?;
        }
        if let Err(e) = before_rename(&tmp) {
            let _ = std::fs::remove_file(&tmp);
            return Err(err(e));
        }
        std::fs::rename(&tmp, path).map_err(err)
    }
}
