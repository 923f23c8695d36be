//! Questions the window asks before doing something: save unsaved changes first (new, open,
//! quit), recover a project left by a crash, or an error to acknowledge.

use std::path::PathBuf;

use atlas_core::project::{BasemapSpec, Edit, Project};

use super::AtlasApp;
use crate::ui::menu::Action;

/// A question waiting for an answer.
#[derive(Debug, Clone)]
pub enum Prompt {
    /// Unsaved changes: save before doing `then`?
    Unsaved { then: Action },
    /// A recovery file from a session that did not end cleanly.
    Recover {
        project: Box<Project>,
        original: Option<PathBuf>,
        written: String,
    },
    /// Something failed; say so.
    Error(String),
    /// Use an online basemap? (the server learns which areas are viewed)
    OnlineConsent(atlas_core::project::BasemapSpec),
}

impl AtlasApp {
    pub(super) fn show_prompt(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        let mut answer: Option<&str> = None;
        egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
            ui.set_width(380.0);
            match &prompt {
                Prompt::Unsaved { .. } => {
                    ui.heading("Unsaved changes");
                    ui.label(format!("Save the changes to “{}” first?", self.doc.name()));
                    ui.horizontal(|ui| {
                        for a in ["Save", "Don't save", "Cancel"] {
                            if ui.button(a).clicked() {
                                answer = Some(a);
                            }
                        }
                    });
                }
                Prompt::Recover { original, written, .. } => {
                    ui.heading("Recover unsaved work?");
                    let what = original
                        .as_ref()
                        .map_or("an unsaved project".to_owned(), |p| p.display().to_string());
                    ui.label(format!(
                        "Frontier Atlas did not close cleanly. Changes to {what} were kept at {written}."
                    ));
                    ui.horizontal(|ui| {
                        for a in ["Recover", "Discard"] {
                            if ui.button(a).clicked() {
                                answer = Some(a);
                            }
                        }
                    });
                }
                Prompt::OnlineConsent(spec) => {
                    let host = crate::ui::basemap_menu::online_host(spec).unwrap_or_default();
                    ui.heading("Use an online basemap?");
                    ui.label(format!(
                        "Tiles will be downloaded from {host}. The tile server learns which areas \
                         you view (and your IP address). Until now nothing has left this machine. \
                         Tiles are cached on disk; the built-in basemap stays underneath."
                    ));
                    ui.horizontal(|ui| {
                        for a in ["Use online tiles", "Stay offline"] {
                            if ui.button(a).clicked() {
                                answer = Some(a);
                            }
                        }
                    });
                }
                Prompt::Error(e) => {
                    ui.heading("Something went wrong");
                    ui.label(e);
                    if ui.button("OK").clicked() {
                        answer = Some("OK");
                    }
                }
            }
        });
        let Some(answer) = answer else { return };
        self.prompt = None;
        self.answer(ctx, prompt, answer);
    }

    fn answer(&mut self, ctx: &egui::Context, prompt: Prompt, answer: &str) {
        match (prompt, answer) {
            // A failed save keeps the unsaved mark and does nothing else.
            (Prompt::Unsaved { then }, "Save") if self.save(ctx, false) => {
                self.perform_unchecked(ctx, then);
            }
            (Prompt::Unsaved { then }, "Don't save") => self.perform_unchecked(ctx, then),
            (
                Prompt::Recover {
                    project, original, ..
                },
                "Recover",
            ) => {
                let mut doc = super::Document::new(*project);
                // Recovered work is unsaved until saved again, where it was.
                doc.path = original;
                doc.mark_unsaved();
                self.set_document(doc);
            }
            (Prompt::Recover { .. }, "Discard") => self.recovery.clear(),
            (Prompt::OnlineConsent(spec), "Use online tiles") => {
                if let Some(h) = crate::ui::basemap_menu::online_host(&spec) {
                    self.online_consent.insert(h);
                }
                self.choose_basemap(spec);
            }
            // A project that came with an online basemap falls back to the built-in one.
            (Prompt::OnlineConsent(_), "Stay offline")
                if crate::ui::basemap_menu::online_host(&self.doc.project.basemap).is_some() =>
            {
                self.apply(Edit::SetBasemap(BasemapSpec::default()));
            }
            _ => {}
        }
    }
}
