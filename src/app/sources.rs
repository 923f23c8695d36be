//! Adding and fixing the project's sources from the window: imported incidents (with their
//! layers), camp-point files, report texts, and a missing file located again.

use std::path::PathBuf;

use atlas_core::project::{
    DEMO_SOURCE, Edit, FileRef, IncidentFormat, MappingDef, SchemaDef, SourceKind,
};

use super::AtlasApp;
use super::files::Pick;
use crate::density::ImportFormat;
use crate::ui::import_dialog::ImportRequest;
use crate::ui::report_reader::ReaderRequest;

/// The saved form of an importer format.
pub fn saved_format(f: &ImportFormat) -> IncidentFormat {
    match f {
        ImportFormat::Csv(c) => IncidentFormat::from_csv(c),
        ImportFormat::GeoJson(m) => IncidentFormat {
            schema: SchemaDef::Geojson,
            mapping: Some(MappingDef::from(m.as_ref())),
        },
    }
}

impl AtlasApp {
    /// Add an imported dataset (its layers beside the others), replacing the demo if asked.
    pub(super) fn add_incidents(&mut self, req: ImportRequest) {
        let mut p = self.doc.project.clone();
        if req.replace_demo {
            p.remove_source(DEMO_SOURCE);
        }
        let stem = req
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "incidents".into());
        let id = p.add_incidents(
            &stem,
            None,
            FileRef::path(&req.path),
            saved_format(&req.format),
        );
        self.apply(Edit::Replace(Box::new(p)));
        self.import.importing = Some(id.clone());
        self.active_dataset = Some(id);
    }

    pub(super) fn add_camp_points(&mut self, path: PathBuf) {
        let mut p = self.doc.project.clone();
        p.add_camp_points(FileRef::path(path));
        self.apply(Edit::Replace(Box::new(p)));
    }

    pub(super) fn reader_request(&mut self, ctx: &egui::Context, req: ReaderRequest) {
        let mut p = self.doc.project.clone();
        // A new text replaces the reader's previous one in the project.
        if let Some(old) = self.reader.source.take() {
            p.remove_source(&old);
        }
        let id = match req {
            ReaderRequest::OpenFile(path) => p.add_report_text(Some(FileRef::path(path)), None),
            ReaderRequest::Paste(text) => p.add_report_text(None, Some(text)),
            ReaderRequest::Camps(path) => {
                self.add_camp_points(path);
                return;
            }
            ReaderRequest::Browse => {
                self.pick(ctx, Pick::Report);
                return;
            }
        };
        self.apply(Edit::Replace(Box::new(p)));
        self.reader.source = Some(id);
        self.reader.open = true;
    }

    /// Point a source whose file is missing at `path`.
    pub(super) fn locate(&mut self, source: &str, path: PathBuf) {
        let mut p = self.doc.project.clone();
        let Some(s) = p.sources.iter_mut().find(|s| s.id == source) else {
            return;
        };
        if let Some(f) = s.file_mut() {
            *f = FileRef::path(path);
        } else if let SourceKind::ReportText { file, .. } = &mut s.kind {
            *file = Some(FileRef::path(path));
        }
        self.apply(Edit::Replace(Box::new(p)));
    }
}
