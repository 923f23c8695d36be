//! Native file dialogs behind a seam: the window asks a [`FilePicker`] on a worker (so a
//! dialog never blocks a frame); tests give a scripted picker that answers at once.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::density::worker::Job;

/// What a file is being picked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    OpenProject,
    /// Save the project (suggested file name).
    SaveProject(String),
    ImportIncidents,
    CampPoints,
    Report,
    /// Find a source's missing file again (source id).
    Locate(String),
    /// Where to save an exported PNG (suggested file name).
    SaveImage(String),
    /// A tile file for the basemap.
    BasemapFile,
}

impl Pick {
    fn filters(&self) -> (&'static str, &'static [&'static str]) {
        match self {
            Pick::OpenProject | Pick::SaveProject(_) => ("Frontier Atlas project", &["json"]),
            Pick::ImportIncidents => ("Incidents (CSV, GeoJSON)", &["csv", "geojson", "json"]),
            Pick::CampPoints => ("Camp points (CSV, GeoJSON)", &["csv", "geojson", "json"]),
            Pick::Report => ("Report text", &["txt", "md"]),
            Pick::Locate(_) => ("Data file", &["csv", "geojson", "json", "txt", "md"]),
            Pick::SaveImage(_) => ("PNG image", &["png"]),
            Pick::BasemapFile => ("Tile file (MBTiles, PMTiles)", &["mbtiles", "pmtiles"]),
        }
    }
}

/// Answers file requests (on a worker thread).
pub trait FilePicker: Send + Sync {
    fn pick(&self, what: &Pick) -> Option<PathBuf>;
}

/// The platform's dialogs (`rfd`: the XDG desktop portal on Linux).
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&self, what: &Pick) -> Option<PathBuf> {
        let (name, ext) = what.filters();
        let d = rfd::FileDialog::new().add_filter(name, ext);
        match what {
            Pick::SaveProject(s) | Pick::SaveImage(s) => d.set_file_name(s).save_file(),
            _ => d.pick_file(),
        }
    }
}

/// Answers from a list, in order, then nothing (tests).
#[derive(Default, Clone)]
pub struct ScriptedPicker {
    pub answers: Arc<Mutex<Vec<PathBuf>>>,
    /// Every request seen.
    pub asked: Arc<Mutex<Vec<Pick>>>,
}

impl ScriptedPicker {
    /// Answer the next request with `path`.
    pub fn answer(&self, path: impl Into<PathBuf>) {
        if let Ok(mut a) = self.answers.lock() {
            a.push(path.into());
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn pick(&self, what: &Pick) -> Option<PathBuf> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(what.clone());
        }
        let mut a = self.answers.lock().ok()?;
        (!a.is_empty()).then(|| a.remove(0))
    }
}

/// A request being answered.
pub struct Picking {
    pub what: Pick,
    job: Job<Option<PathBuf>>,
}

impl Picking {
    pub fn start(picker: Arc<dyn FilePicker>, what: Pick, ctx: &egui::Context) -> Self {
        let w = what.clone();
        Picking {
            what,
            job: Job::spawn(Some(ctx.clone()), move || picker.pick(&w)),
        }
    }

    /// `Some(answer)` once the dialog closed (`Some(None)`: cancelled).
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        self.job.check().map(|r| r.unwrap_or(None))
    }
}
