//! File → Import incidents: a path (typed or dropped on the window), the schema detected from
//! the header (read on a worker) with a chance to change it or map the columns of a generic
//! CSV, progress with Cancel, and a summary of kept and dropped rows. An import adds a
//! dataset (with its layers) to the project, replacing the synthetic demo unless asked to
//! keep it.

use std::path::PathBuf;

use atlas_core::incidents::{ColumnMapping, CsvFormat, Schema};

use super::density_legend::WARNING_RED;
use crate::density::inspect::{Inspection, guess_mapping, inspect};
use crate::density::worker::Job;
use crate::density::{DensityState, ImportFormat, ImportOutcome};

/// What the user asked to import (the app adds it to the project).
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub path: PathBuf,
    pub format: ImportFormat,
    /// Remove the synthetic demo from the project.
    pub replace_demo: bool,
}

/// Dropped rows listed in the summary.
pub const SHOW_DROPPED: usize = 20;

/// How to read the file, as chosen in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadAs {
    Detected,
    Acled,
    Ucdp,
    Gtd,
    Generic,
}

/// What to do once the header has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    Show,
    /// `--import FILE`: import when the schema was recognised.
    ImportIfKnown,
    /// Import was asked for while the header was being read.
    Import,
}

/// Dialog state.
pub struct ImportDialog {
    pub open: bool,
    pub path: String,
    pub read_as: ReadAs,
    pub mapping: ColumnMapping,
    inspection: Option<Result<Inspection, String>>,
    /// The header being read, and what comes after.
    inspecting: Option<(Job<Result<Inspection, String>>, Then)>,
    /// Remove the synthetic demo when importing.
    pub replace_demo: bool,
    /// Asked for, not yet taken by the app.
    pub request: Option<ImportRequest>,
    /// The source the last import from here created (show its progress and summary).
    pub importing: Option<String>,
    /// "Browse…" was clicked (the app opens the file dialog).
    pub browse: bool,
}

impl Default for ImportDialog {
    fn default() -> Self {
        Self {
            open: false,
            path: String::new(),
            read_as: ReadAs::Detected,
            mapping: ColumnMapping::default(),
            inspection: None,
            inspecting: None,
            replace_demo: true,
            request: None,
            importing: None,
            browse: false,
        }
    }
}

impl ImportDialog {
    /// Open on `path` and read its header.
    pub fn open_path(&mut self, path: &std::path::Path) {
        self.open = true;
        self.path = path.display().to_string();
        self.inspect();
    }

    /// Read the header of the file in the path field (on a worker: a slow disk or a huge
    /// first line never stalls the window).
    pub fn inspect(&mut self) {
        let path = PathBuf::from(self.path.trim());
        self.inspection = None;
        self.importing = None;
        self.inspecting = Some((Job::spawn(None, move || inspect(&path)), Then::Show));
    }

    /// The header is being read.
    pub fn pending(&self) -> bool {
        self.inspecting.is_some()
    }

    /// Take the header once read (every frame, open or not).
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some((job, then)) = &self.inspecting else {
            return;
        };
        let then = *then;
        let result = match job.check() {
            None => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
                return;
            }
            Some(Ok(r)) => r,
            Some(Err(())) => Err(format!(
                "{}: the header could not be read",
                self.path.trim()
            )),
        };
        self.inspecting = None;
        if let Ok(i) = &result {
            self.read_as = if i.detected == Schema::Generic {
                ReadAs::Generic
            } else {
                ReadAs::Detected
            };
            self.mapping = guess_mapping(&i.headers);
        }
        let known = matches!(&result, Ok(i) if i.detected != Schema::Generic);
        self.inspection = Some(result);
        if then == Then::Import || (then == Then::ImportIfKnown && known) {
            self.start();
        }
    }

    /// The format to import with, if the inspection allows one.
    pub fn format(&self) -> Option<ImportFormat> {
        let i = self.inspection.as_ref()?.as_ref().ok()?;
        if i.detected == Schema::GeoJson {
            return Some(ImportFormat::GeoJson(Box::new(self.mapping.clone())));
        }
        let csv = match self.read_as {
            ReadAs::Detected if i.detected == Schema::Generic => return None,
            ReadAs::Detected => CsvFormat::Auto,
            ReadAs::Acled => CsvFormat::Acled,
            ReadAs::Ucdp => CsvFormat::UcdpGed,
            ReadAs::Gtd => CsvFormat::Gtd,
            ReadAs::Generic => CsvFormat::Generic(Box::new(self.mapping.clone())),
        };
        Some(ImportFormat::Csv(csv))
    }

    /// `--import FILE`: open on `path` and import at once when the schema was recognised; a
    /// generic CSV waits in the dialog for its column mapping to be confirmed.
    pub fn open_and_import(&mut self, path: &std::path::Path) {
        self.open_path(path);
        if let Some((_, then)) = &mut self.inspecting {
            *then = Then::ImportIfKnown;
        }
    }

    /// Ask the app to import the inspected file (once its header is read).
    pub fn start(&mut self) {
        if let Some((_, then)) = &mut self.inspecting {
            *then = Then::Import;
            return;
        }
        if let (Some(format), Some(Ok(i))) = (self.format(), &self.inspection) {
            self.request = Some(ImportRequest {
                path: i.path.clone(),
                format,
                replace_demo: self.replace_demo,
            });
        }
    }
}

/// The dialog window.
/// `importing` is the dataset this dialog's last import created (while it exists); `demo`
/// says the project has the synthetic demo.
pub fn show(
    ctx: &egui::Context,
    dlg: &mut ImportDialog,
    importing: Option<&mut DensityState>,
    demo: bool,
) {
    let mut open = dlg.open;
    egui::Window::new("Import incidents")
        .open(&mut open)
        .default_width(520.0)
        .default_pos(super::dialog_place::default_pos(
            ctx,
            super::dialog_place::Dialog::Import,
        ))
        .show(ctx, |ui| body(ui, dlg, importing, demo));
    dlg.open = open;
}

fn body(
    ui: &mut egui::Ui,
    dlg: &mut ImportDialog,
    mut importing: Option<&mut DensityState>,
    demo: bool,
) {
    ui.label("ACLED, UCDP GED or GTD export (CSV), any CSV with coordinates, or GeoJSON points. Drop a file on the window or type its path.");
    ui.horizontal(|ui| {
        let edit = egui::TextEdit::singleline(&mut dlg.path)
            .hint_text("/path/to/events.csv")
            .desired_width(360.0);
        ui.add(edit).labelled_by(ui.label("File path").id);
        if ui.button("Inspect").clicked() {
            dlg.inspect();
        }
        if ui.button("Browse…").clicked() {
            dlg.browse = true;
        }
    });
    if dlg.pending() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading the header…");
        });
    }
    match &dlg.inspection {
        None => {}
        Some(Err(e)) => {
            ui.colored_label(WARNING_RED, e);
        }
        Some(Ok(i)) => {
            let i = i.clone();
            schema_choice(ui, dlg, &i);
        }
    }
    ui.separator();
    if let Some(density) = importing.as_deref_mut()
        && let Some((fraction, reading)) = density.import_progress()
    {
        let text = if reading {
            format!("Reading… {:.0} %", 100.0 * fraction)
        } else {
            "Placing incidents in provinces and districts…".to_string()
        };
        ui.add(egui::ProgressBar::new(if reading { fraction } else { 1.0 }).text(text));
        if ui.button("Cancel").clicked() {
            density.cancel_import();
        }
        return;
    }
    if demo {
        ui.checkbox(&mut dlg.replace_demo, "Replace the synthetic demo");
    }
    let ready = dlg.format().is_some();
    if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
        dlg.start();
    }
    if let Some(density) = importing {
        summary(ui, density);
    }
}

fn schema_choice(ui: &mut egui::Ui, dlg: &mut ImportDialog, i: &Inspection) {
    let size = format!("{:.1} MB", i.bytes as f64 / 1e6);
    if i.detected == Schema::GeoJson {
        ui.label(format!("GeoJSON points ({size}). Property names:"));
        super::import_mapping::mapping_fields(ui, &mut dlg.mapping, None);
        return;
    }
    ui.label(format!(
        "{} columns ({size}); header looks like: {}",
        i.headers.len(),
        i.detected.name()
    ));
    let detected = format!("As detected ({})", i.detected.name());
    egui::ComboBox::from_label("Read as")
        .selected_text(match dlg.read_as {
            ReadAs::Detected => detected.clone(),
            ReadAs::Acled => "ACLED".into(),
            ReadAs::Ucdp => "UCDP GED".into(),
            ReadAs::Gtd => "GTD".into(),
            ReadAs::Generic => "Generic CSV (map the columns)".into(),
        })
        .show_ui(ui, |ui| {
            let r = &mut dlg.read_as;
            if i.detected != Schema::Generic {
                ui.selectable_value(r, ReadAs::Detected, detected);
            }
            ui.selectable_value(r, ReadAs::Acled, "ACLED");
            ui.selectable_value(r, ReadAs::Ucdp, "UCDP GED");
            ui.selectable_value(r, ReadAs::Gtd, "GTD");
            ui.selectable_value(r, ReadAs::Generic, "Generic CSV (map the columns)");
        });
    if dlg.read_as == ReadAs::Generic {
        super::import_mapping::mapping_fields(ui, &mut dlg.mapping, Some(&i.headers));
    }
}

fn summary(ui: &mut egui::Ui, density: &DensityState) {
    match &density.last_import {
        None => {}
        Some(ImportOutcome::Failed(e)) => {
            ui.colored_label(WARNING_RED, format!("Import failed: {e}"));
        }
        Some(ImportOutcome::Done(o)) => {
            let r = &o.report;
            ui.label(format!(
                "Imported {} of {} rows from {} ({}); {} dropped.",
                r.rows_kept,
                r.rows_read,
                o.name,
                o.schema.name(),
                r.rows_dropped.len()
            ));
            if !r.rows_dropped.is_empty() {
                let n = r.rows_dropped.len().min(SHOW_DROPPED);
                ui.label(format!("First {n} dropped rows:"));
                egui::ScrollArea::vertical()
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for (line, why) in r.rows_dropped.iter().take(SHOW_DROPPED) {
                            ui.label(format!("line {line}: {why}"));
                        }
                    });
            }
        }
    }
}
