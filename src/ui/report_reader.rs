//! Reading a report: open a .txt/.md file, drop one on the window, or paste text; the places
//! and groups it names are listed with their sentences, highlighted on the map, zoomable.

use std::path::Path;
use std::sync::OnceLock;

use atlas_core::report::{Extraction, Extractor};

use crate::scene::AtlasData;
use crate::state::ViewState;

/// State of the report reader window.
#[derive(Default)]
pub struct ReportReader {
    pub open: bool,
    pub path: String,
    pub text: String,
    pub result: Option<Extraction>,
    pub error: Option<String>,
    /// Camp points file (CSV or GeoJSON with coordinates) and what loading it said.
    pub camps_path: String,
    pub camps_status: String,
    extractor: OnceLock<Extractor>,
}

impl ReportReader {
    /// Load a text file and extract from it.
    pub fn open_file(&mut self, data: &AtlasData, path: &Path) {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                self.path = path.display().to_string();
                self.text = text;
                self.error = None;
                self.extract(data);
            }
            Err(e) => self.error = Some(format!("{}: {e}", path.display())),
        }
        self.open = true;
    }

    /// Run extraction on the current text.
    pub fn extract(&mut self, data: &AtlasData) {
        let ex = self
            .extractor
            .get_or_init(|| Extractor::new(&data.gazetteer, &data.report.groups));
        self.result = Some(ex.extract(&self.text));
    }

    /// Gazetteer IDs of the extracted places (highlighted on the map).
    pub fn place_ids(&self) -> Vec<String> {
        self.result
            .iter()
            .flat_map(|r| r.places.iter().map(|p| p.id.clone()))
            .collect()
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

/// The reader window.
pub fn show(
    ctx: &egui::Context,
    reader: &mut ReportReader,
    data: &AtlasData,
    view: &mut ViewState,
) {
    let mut open = reader.open;
    egui::Window::new("Read a report")
        .open(&mut open)
        .default_size([460.0, 560.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("File:");
                ui.text_edit_singleline(&mut reader.path);
                if ui.button("Open").clicked() {
                    let path = std::path::PathBuf::from(reader.path.trim());
                    reader.open_file(data, &path);
                }
            });
            ui.small("…or drop a .txt/.md file on the window, or paste text below.");
            ui.horizontal(|ui| {
                ui.label("Camp points:");
                ui.text_edit_singleline(&mut reader.camps_path);
                if ui.button("Load camps").clicked() {
                    let path = std::path::PathBuf::from(reader.camps_path.trim());
                    let (camps, diags) = atlas_core::report::read_camp_points(&path);
                    reader.camps_status = format!(
                        "{} camp point(s) loaded, {} row(s) skipped",
                        camps.len(),
                        diags.len()
                    );
                    if let Some(d) = diags.first() {
                        reader.camps_status.push_str(&format!(" — first: {d}"));
                    }
                    view.imported_camps = camps;
                }
            });
            if !reader.camps_status.is_empty() {
                ui.small(&reader.camps_status);
            }
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
                reader.extract(data);
            }
            if let Some(e) = &reader.error {
                ui.colored_label(egui::Color32::from_rgb(200, 60, 0), e);
            }
            let Some(result) = &reader.result else { return };
            ui.separator();
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
                        mentions(ui, &reader.text, result, &p.mentions);
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
                        mentions(ui, &reader.text, result, &g.mentions);
                    }
                });
        });
    reader.open = open;
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
