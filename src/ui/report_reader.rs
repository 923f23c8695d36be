//! Reading a report: open a .txt/.md file, drop one on the window, or paste text; the text
//! becomes a source of the project and its places a layer (outlined on the map, exported),
//! extracted on a worker. The window lists the places and groups with their sentences.

use std::path::PathBuf;

use atlas_core::report::Extraction;

use crate::scene::AtlasData;
use crate::session::ReadText;
use crate::state::ViewState;

/// What the reader asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ReaderRequest {
    /// Read this file (a new report-text source).
    OpenFile(PathBuf),
    /// Read pasted text.
    Paste(String),
    /// Add a camp-point file (a new camp-points source).
    Camps(PathBuf),
    /// Pick a report file with the file dialog.
    Browse,
}

/// State of the report reader window.
#[derive(Default)]
pub struct ReportReader {
    pub open: bool,
    pub path: String,
    pub text: String,
    /// The report-text source shown.
    pub source: Option<String>,
    /// Camp points file (CSV or GeoJSON with coordinates).
    pub camps_path: String,
    pub request: Option<ReaderRequest>,
}

impl ReportReader {
    /// Read `path` (the app adds it to the project).
    pub fn open_file(&mut self, path: &std::path::Path) {
        self.path = path.display().to_string();
        self.request = Some(ReaderRequest::OpenFile(path.to_path_buf()));
        self.open = true;
    }
}

/// Zoom the map to a gazetteer entry's box (towns: zoom 9 around the point).
pub fn zoom_to(view: &mut ViewState, data: &AtlasData, id: &str) {
    let Some(r) = data.gazetteer.get(id) else {
        return;
    };
    let e = data.gazetteer.entry(r);
    view.memory.center_at(walkers::lon_lat(
        (e.bbox[0] + e.bbox[2]) / 2.0,
        (e.bbox[1] + e.bbox[3]) / 2.0,
    ));
    let span = (e.bbox[2] - e.bbox[0]).max(e.bbox[3] - e.bbox[1]).max(0.05);
    // A 700-point wide view covers `span` degrees: 700 = 256 * 2^z * span / 360.
    let zoom = (700.0 * 360.0 / (256.0 * span)).log2().clamp(4.0, 10.0);
    let _ = view.memory.set_zoom(zoom);
    view.selected = Some(id.to_owned());
}

/// The reader window: `read` is what was found in its source (once extracted), `error`
/// why the source could not be read.
pub fn show(
    ctx: &egui::Context,
    reader: &mut ReportReader,
    data: &AtlasData,
    view: &mut ViewState,
    read: Option<&ReadText>,
    error: Option<&str>,
) {
    let mut open = reader.open;
    egui::Window::new("Read a report")
        .open(&mut open)
        .default_size([460.0, 560.0])
        .default_pos(super::dialog_place::default_pos(
            ctx,
            super::dialog_place::Dialog::Reader,
        ))
        .show(ctx, |ui| {
            inputs(ui, reader);
            if let Some(e) = error {
                ui.colored_label(egui::Color32::from_rgb(200, 60, 0), e);
            }
            let Some(read) = read else {
                if reader.source.is_some() && error.is_none() {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Finding places and groups…");
                    });
                }
                return;
            };
            ui.separator();
            results(ui, data, view, read);
        });
    reader.open = open;
}

fn inputs(ui: &mut egui::Ui, reader: &mut ReportReader) {
    ui.horizontal(|ui| {
        ui.label("File:");
        ui.text_edit_singleline(&mut reader.path);
        if ui.button("Open").clicked() {
            let path = PathBuf::from(reader.path.trim());
            reader.request = Some(ReaderRequest::OpenFile(path));
        }
        if ui.button("Browse…").clicked() {
            reader.request = Some(ReaderRequest::Browse);
        }
    });
    ui.small("…or drop a .txt/.md file on the window, or paste text below.");
    ui.horizontal(|ui| {
        ui.label("Camp points:");
        ui.text_edit_singleline(&mut reader.camps_path);
        if ui.button("Load camps").clicked() {
            let path = PathBuf::from(reader.camps_path.trim());
            reader.request = Some(ReaderRequest::Camps(path));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("text")
        .max_height(140.0)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut reader.text)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            );
        });
    if ui.button("Find places and groups").clicked() {
        reader.request = Some(ReaderRequest::Paste(reader.text.clone()));
    }
}

fn results(ui: &mut egui::Ui, data: &AtlasData, view: &mut ViewState, read: &ReadText) {
    let result = &read.extraction;
    egui::ScrollArea::vertical()
        .id_salt("results")
        .show(ui, |ui| {
            ui.strong(format!("Places ({})", result.places.len()));
            for p in &result.places {
                ui.horizontal(|ui| {
                    if ui.small_button("Zoom").clicked() {
                        zoom_to(view, data, &p.id);
                    }
                    let low = if p.low_confidence {
                        " — low confidence"
                    } else {
                        ""
                    };
                    ui.label(format!(
                        "{} ({}, {}) ×{}{low}",
                        p.name,
                        p.kind.as_str(),
                        p.country,
                        p.mentions.len()
                    ));
                });
                mentions(ui, &read.text, result, &p.mentions);
            }
            ui.separator();
            ui.strong(format!("Groups ({})", result.groups.len()));
            for g in &result.groups {
                ui.label(format!(
                    "{} ×{} — as {}",
                    g.name,
                    g.mentions.len(),
                    g.matched.join(", ")
                ));
                mentions(ui, &read.text, result, &g.mentions);
            }
        });
}

/// The sentence a mention sits in (empty when the index is out of range).
pub fn sentence_of<'a>(
    text: &'a str,
    result: &Extraction,
    m: &atlas_core::report::Mention,
) -> &'a str {
    result
        .sentences
        .get(m.sentence)
        .and_then(|s| text.get(s.start..s.end))
        .unwrap_or("")
        .trim()
}

fn mentions(
    ui: &mut egui::Ui,
    text: &str,
    result: &Extraction,
    mentions: &[atlas_core::report::Mention],
) {
    ui.indent("m", |ui| {
        for m in mentions.iter().take(3) {
            ui.small(format!("“{}”", sentence_of(text, result, m)));
        }
        if mentions.len() > 3 {
            ui.small(format!("… and {} more", mentions.len() - 3));
        }
    });
}
