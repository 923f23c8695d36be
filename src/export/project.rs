//! Projects: versioned JSON holding layers, styles, named views and the export layout.
//! Saving is atomic (temporary file, fsync, rename); a corrupt or newer file is refused.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::settings::{Banner, ExportSettings};
use crate::state::{LayerId, LayerSettings};

/// The project format version this build writes and reads.
pub const PROJECT_VERSION: u32 = 1;

/// A named view (bookmark).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub name: String,
    /// lon, lat
    pub center: [f64; 2],
    /// Zoom as framed for a [`super::REFERENCE_WIDTH`]-wide map.
    pub zoom: f64,
    #[serde(default)]
    pub title: Option<String>,
    /// Layers shown in this view; `None` keeps the project's layer settings.
    #[serde(default)]
    pub layers: Option<Vec<LayerId>>,
}

/// The export layout saved with a project: which elements an export shows, and their text.
/// Where the map looks comes from the view; the time stamp is the time of each export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectExport {
    pub size: [u32; 2],
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub banner: Option<Banner>,
    pub legend: bool,
    pub scale_bar: bool,
    pub north_arrow: bool,
    pub attribution: bool,
    /// Print the export date and time.
    pub timestamp: bool,
}

impl Default for ProjectExport {
    fn default() -> Self {
        let s = ExportSettings::default();
        Self {
            size: s.size,
            title: None,
            subtitle: None,
            banner: None,
            legend: s.legend,
            scale_bar: s.scale_bar,
            north_arrow: s.north_arrow,
            attribution: s.attribution,
            timestamp: true,
        }
    }
}

impl ProjectExport {
    /// Export settings for a map at `center`/`zoom`; `now` is printed if the time stamp is on.
    pub fn settings(&self, center: [f64; 2], zoom: f64, dark: bool, now: &str) -> ExportSettings {
        ExportSettings {
            size: self.size,
            center,
            zoom,
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            banner: self.banner.clone(),
            legend: self.legend,
            scale_bar: self.scale_bar,
            north_arrow: self.north_arrow,
            attribution: self.attribution,
            timestamp: self.timestamp.then(|| now.to_owned()),
            dark,
        }
    }
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
    #[serde(default)]
    pub export: ProjectExport,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            version: PROJECT_VERSION,
            layers: LayerSettings::default(),
            dark: false,
            views: Vec::new(),
            export: ProjectExport::default(),
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
    Newer { path: PathBuf, found: u64 },
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
        let parse = |e: serde_json::Error| ProjectError::Parse {
            path: path.into(),
            line: e.line(),
            message: e.to_string(),
        };
        // Check the version before the schema, so that a newer file says so.
        let value: serde_json::Value = serde_json::from_str(&text).map_err(parse)?;
        match value.get("version").map(serde_json::Value::as_u64) {
            Some(Some(found)) if found > u64::from(PROJECT_VERSION) => {
                return Err(ProjectError::Newer {
                    path: path.into(),
                    found,
                });
            }
            Some(Some(_)) => {}
            _ => {
                return Err(ProjectError::Parse {
                    path: path.into(),
                    line: 1,
                    message: "no \"version\" number: not a Frontier Atlas project".into(),
                });
            }
        }
        serde_json::from_str(&text).map_err(parse)
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
        let written = (|| -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(json.as_bytes())?;
            f.sync_all()?;
            before_rename(&tmp)?;
            std::fs::rename(&tmp, path)?;
            // Make the rename itself durable (best effort: not every file system allows it).
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
            }
            Ok(())
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map_err(err)
    }
}
