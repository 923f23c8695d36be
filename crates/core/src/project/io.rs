//! Reading and writing project files: version check, migration of older versions, errors that
//! name the file and the field, validation, relative paths, and atomic saves (temporary file,
//! fsync, rename).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::validate::{FieldError, validate_project};
use super::{PROJECT_VERSION, Project, migrate};

/// Why a project could not be opened or saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProjectError {
    #[error("{path}: cannot read: {message}")]
    Read { path: PathBuf, message: String },
    /// Not JSON (e.g. truncated): where the parser stopped.
    #[error("{path}: not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but a field has the wrong shape.
    #[error("{path}: field `{field}`: {message}")]
    Field {
        path: PathBuf,
        field: String,
        message: String,
    },
    #[error(
        "{path}: project version {found} is newer than this build understands ({PROJECT_VERSION}); update Frontier Atlas"
    )]
    Newer { path: PathBuf, found: u64 },
    /// Well-formed, but values out of range or inconsistent.
    #[error("{path}: {}", join(.errors))]
    Invalid {
        path: PathBuf,
        errors: Vec<FieldError>,
    },
    #[error("{path}: cannot save: {message}")]
    Write { path: PathBuf, message: String },
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Open a project file. Nothing else changes when it fails.
pub fn load_project(path: &Path) -> Result<Project, ProjectError> {
    let text = std::fs::read_to_string(path).map_err(|e| ProjectError::Read {
        path: path.into(),
        message: e.to_string(),
    })?;
    parse_project(&text, path, path.parent())
}

/// Parse project JSON read from `path` (named in errors); relative file paths resolve
/// against `dir` (the project file's folder).
pub fn parse_project(text: &str, path: &Path, dir: Option<&Path>) -> Result<Project, ProjectError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ProjectError::Syntax {
            path: path.into(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
    let field_err = |field: &str, message: String| ProjectError::Field {
        path: path.into(),
        field: field.to_owned(),
        message,
    };
    let version = match value.get("version") {
        Some(v) => v
            .as_u64()
            .ok_or_else(|| field_err("version", format!("expected a whole number, found {v}")))?,
        None if value.is_object() => {
            return Err(field_err(
                "version",
                "missing: not a Frontier Atlas project".into(),
            ));
        }
        None => {
            return Err(field_err(
                "(top level)",
                "expected an object: not a Frontier Atlas project".into(),
            ));
        }
    };
    if version > u64::from(PROJECT_VERSION) {
        return Err(ProjectError::Newer {
            path: path.into(),
            found: version,
        });
    }
    let typed = |r: Result<Project, (String, String)>| {
        r.map_err(|(field, message)| field_err(&field, message))
    };
    let mut project = match version {
        1 => typed(migrate::from_v1(value))?,
        // Version 3 added annotation layers; a version-2 file reads as it is.
        2 | 3 => typed(from_value(value))?,
        v => {
            return Err(field_err(
                "version",
                format!("{v} is not a project version (1 to {PROJECT_VERSION})"),
            ));
        }
    };
    project.version = PROJECT_VERSION;
    let errors = validate_project(&project);
    if !errors.is_empty() {
        return Err(ProjectError::Invalid {
            path: path.into(),
            errors,
        });
    }
    for s in &mut project.sources {
        for f in s.files_mut() {
            *f = f.after_loading(dir);
        }
    }
    project.map_basemap_file(|f| f.after_loading(dir));
    Ok(project)
}

/// Deserialize with the path of the failing field.
pub(super) fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        (field, strip_position(&e.into_inner().to_string()))
    })
}

/// serde_json appends " at line L column C"; on a value that position means nothing.
fn strip_position(m: &str) -> String {
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_owned(),
        None => m.to_owned(),
    }
}

/// Save atomically: write `path.tmp`, fsync, then rename over `path`. File paths are stored
/// relative to the project's folder (absolute as the fallback).
pub fn save_project(project: &Project, path: &Path) -> Result<(), ProjectError> {
    save_project_with(project, path, |_| Ok(()))
}

/// [`save_project`] with a hook run between writing the temporary file and the rename (tests
/// use it to simulate a crash there).
pub fn save_project_with(
    project: &Project,
    path: &Path,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), ProjectError> {
    let err = |message: String| ProjectError::Write {
        path: path.into(),
        message,
    };
    let errors = validate_project(project);
    if !errors.is_empty() {
        return Err(err(join(&errors)));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok());
    let mut saved = project.clone();
    for s in &mut saved.sources {
        for f in s.files_mut() {
            *f = f.for_saving(dir.as_deref());
        }
    }
    saved.map_basemap_file(|f| f.for_saving(dir.as_deref()));
    let mut json = serde_json::to_string_pretty(&saved).map_err(|e| err(e.to_string()))?;
    json.push('\n');
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
        if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::File::open(d).and_then(|d| d.sync_all());
        }
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(|e| err(e.to_string()))
}

impl Project {
    fn map_basemap_file(&mut self, f: impl Fn(&super::FileRef) -> super::FileRef) {
        use super::BasemapSpec::{Mbtiles, Pmtiles};
        if let Mbtiles { file } | Pmtiles { file } = &mut self.basemap {
            *file = f(file);
        }
    }
}
