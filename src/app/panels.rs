//! The window's panels around the map: status bar, timeline, layers / views / legend on the
//! left, density and details on the right; and the dialogs. Edits go to the project.

use atlas_core::project::{Edit, LayerFilter, LayerKind, SourceKind};

use super::AtlasApp;
use crate::map::{MapFrame, show_map};
use crate::session::{Scene, panel_params};
use crate::state::LayerSet;
use crate::ui;
use crate::ui::menu::Action;
use crate::ui::views_panel::ViewAction;

impl AtlasApp {
    /// Keep the active dataset one of the project's incident sources.
    pub(super) fn ensure_active_dataset(&mut self) {
        let ids: Vec<String> = self
            .doc
            .project
            .incident_sources()
            .map(|s| s.id.clone())
            .collect();
        if self
            .active_dataset
            .as_ref()
            .is_none_or(|a| !ids.contains(a))
        {
            self.active_dataset = ids.last().cloned();
        }
    }

    pub(super) fn side_panels(&mut self, ui: &mut egui::Ui, scene: &Scene) {
        let data = scene.atlas.clone();
        let problems = data.diagnostics.len() + self.session.problems(&self.doc.project).len();
        egui::Panel::bottom("status").show(ui, |ui| {
            ui::status_bar::show(ui, &self.view, &mut self.tools.coord_format, problems);
        });
        let layers = LayerSet(&self.doc.project.layers);
        if layers.any_density()
            && let Some(d) = self
                .active_dataset
                .as_ref()
                .and_then(|a| self.session.datasets.get_mut(a))
        {
            egui::Panel::bottom("timeline").show(ui, |ui| ui::timeline::show(ui, d));
        }
        egui::Panel::left("layers")
            .default_size(260.0)
            .max_size(360.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.left_panel(ui, scene));
            });
        egui::Panel::right("details")
            .default_size(300.0)
            .max_size(420.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.right_panel(ui, scene));
            });
    }

    fn left_panel(&mut self, ui: &mut egui::Ui, scene: &Scene) {
        let groups: Vec<_> = scene
            .atlas
            .report
            .groups
            .groups
            .iter()
            .map(|g| {
                (
                    g.id.clone(),
                    g.short.clone(),
                    crate::map::palette::group_colour(g.colour_index),
                )
            })
            .collect();
        let synthetic = |s: &str| scene.datasets.get(s).is_some_and(|d| d.synthetic());
        let edits = ui::layers_panel::show(ui, &self.doc.project, &groups, &synthetic);
        for e in edits {
            self.apply(e);
        }
        ui.separator();
        let actions = ui::views_panel::show(ui, &mut self.views_panel, &self.doc.project);
        let ctx = ui.ctx().clone();
        for a in actions {
            match a {
                ViewAction::Edit(e) => {
                    self.apply(e);
                }
                ViewAction::GoTo(i) => self.perform(&ctx, Action::GoToView(i)),
                ViewAction::AddCurrent => self.perform(&ctx, Action::AddView),
            }
        }
        ui.separator();
        let frame = MapFrame {
            project: &self.doc.project,
            layers: LayerSet(&self.doc.project.layers),
            scene,
            heat: &self.textures,
        };
        ui::legend::show(ui, &frame, false, true);
    }

    fn right_panel(&mut self, ui: &mut egui::Ui, scene: &Scene) {
        let datasets: Vec<(String, String)> = self
            .doc
            .project
            .incident_sources()
            .map(|s| (s.id.clone(), s.display_name()))
            .collect();
        let active = self.active_dataset.clone();
        let band = active.as_ref().is_some_and(|a| {
            self.doc.project.layers.iter().any(|l| {
                l.kind == LayerKind::BorderBand && l.source.as_ref() == Some(a) && l.style.visible
            })
        });
        if let Some(d) = active
            .as_ref()
            .and_then(|a| self.session.datasets.get_mut(a))
        {
            match ui::density_panel::show(ui, d, &datasets, band) {
                ui::density_panel::PanelAction::None => {}
                ui::density_panel::PanelAction::OpenImport => self.import.open = true,
                ui::density_panel::PanelAction::Activate(id) => self.active_dataset = Some(id),
                ui::density_panel::PanelAction::ShowBand(visible) => {
                    let source = d.source_id.clone();
                    self.apply(Edit::SetBorderBand { source, visible });
                }
                ui::density_panel::PanelAction::Remove(id) => {
                    let mut p = self.doc.project.clone();
                    p.remove_source(&id);
                    self.apply(Edit::Replace(Box::new(p)));
                }
            }
        } else if ui.button("Import incidents…").clicked() {
            self.import.open = true;
        }
        ui.separator();
        let data = &scene.atlas;
        ui::details::show(
            ui,
            data,
            self.view.selected.as_deref(),
            self.view.selected_edge,
        );
        ui::details::diagnostics(ui, data);
        let problems = self.session.problems(&self.doc.project);
        if let Some(id) = ui::details::source_problems(ui, &problems) {
            let ctx = ui.ctx().clone();
            self.perform(&ctx, Action::Locate(id));
        }
    }

    pub(super) fn central(&mut self, ui: &mut egui::Ui, scene: &Scene) {
        let ctx = ui.ctx().clone();
        self.annotate_before_map(&ctx);
        let Some(tiles) = self.tiles.as_mut() else {
            return;
        };
        let layers = self
            .annotate
            .layers(&self.doc.project.layers, self.view.cursor);
        let frame = MapFrame {
            project: &self.doc.project,
            layers: LayerSet(&layers),
            scene,
            heat: &self.textures,
        };
        let selected = self.view.selected.clone();
        let response = egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let mut shown = show_map(ui, &frame, &mut self.view, tiles, true);
                let response = shown.response.clone();
                let status = tiles.source_status();
                ui::basemap_menu::badge(
                    ui,
                    response.rect,
                    status.as_ref(),
                    self.basemap_error.as_deref(),
                );
                let mut over = Vec::new();
                if let Some(d) = self
                    .active_dataset
                    .as_ref()
                    .and_then(|a| self.session.datasets.get(a))
                {
                    over.extend(ui::density_legend::overlay(ui, response.rect, d, &frame));
                }
                self.view.placed_labels = shown.finish_labels(&over);
                self.view.furniture = shown.furniture.iter().chain(&over).copied().collect();
                response
            })
            .inner;
        self.map_rect = Some(response.rect);
        ui::dialog_place::remember_map_rect(ui.ctx(), response.rect);
        drop(layers);
        self.map_tools(ui, &response, selected.clone());
        self.annotate_after_map(&ctx, &response, selected);
    }

    pub(super) fn dialogs(&mut self, ctx: &egui::Context, scene: &Scene) {
        self.show_reader(ctx, scene);
        if self.import.open {
            let demo = self
                .doc
                .project
                .source(atlas_core::project::DEMO_SOURCE)
                .is_some();
            let importing = self
                .import
                .importing
                .as_ref()
                .and_then(|id| self.session.datasets.get_mut(id));
            ui::import_dialog::show(ctx, &mut self.import, importing, demo);
        }
        self.import.poll(ctx);
        if let Some(req) = self.import.request.take() {
            self.add_incidents(req);
        }
        if let Some(spec) = ui::basemap_menu::custom_dialog(ctx, &mut self.custom_server) {
            self.choose_basemap(spec);
        }
        if std::mem::take(&mut self.import.browse) {
            self.pick(ctx, super::files::Pick::ImportIncidents);
        }
        if std::mem::take(&mut self.export.browse) {
            let name = std::path::Path::new(&self.export.path)
                .file_name()
                .map_or("export.png".into(), |n| n.to_string_lossy().into_owned());
            self.pick(ctx, super::files::Pick::SaveImage(name));
        }
        if self.export.open
            && let Some(tiles) = self.tiles.as_mut()
        {
            let frame = MapFrame {
                project: &self.doc.project,
                layers: LayerSet(&self.doc.project.layers),
                scene,
                heat: &self.textures,
            };
            if let Some(e) =
                ui::export_dialog::show(ctx, &mut self.export, &frame, &self.view, tiles)
            {
                self.apply(e);
            }
        }
        self.go_to_dialog(ctx);
        self.show_prompt(ctx);
        ui::help::show(
            ctx,
            &mut self.show_shortcuts,
            &mut self.show_about,
            &scene.atlas,
        );
    }

    fn show_reader(&mut self, ctx: &egui::Context, scene: &Scene) {
        if self.reader.open {
            let read = self
                .reader
                .source
                .as_ref()
                .and_then(|s| scene.texts.get(s))
                .cloned();
            let error = self.reader.source.as_ref().and_then(|s| {
                self.session
                    .problems(&self.doc.project)
                    .into_iter()
                    .find(|p| &p.source == s)
                    .map(|p| p.message)
            });
            ui::report_reader::show(
                ctx,
                &mut self.reader,
                &scene.atlas,
                &mut self.view,
                read.as_deref(),
                error.as_deref(),
            );
        }
        if let Some(req) = self.reader.request.take() {
            self.reader_request(ctx, req);
        }
    }

    /// Write the density panel's and timeline's changes into the project.
    pub(super) fn store_panel_params(&mut self) {
        let Some(id) = self.active_dataset.clone() else {
            return;
        };
        let Some(d) = self.session.datasets.get(&id) else {
            return;
        };
        let Some(before) = panel_params(&self.doc.project, &id) else {
            return;
        };
        let now = d.params.clone();
        if now == before {
            return;
        }
        let q = &now.query;
        if q.filter != before.query.filter {
            let filter = LayerFilter::from_incident_filter(&q.filter);
            self.apply(Edit::SetFilter {
                source: id.clone(),
                filter,
            });
        }
        if q.border_km != before.query.border_km
            && matches!(
                self.doc.project.source(&id).map(|s| &s.kind),
                Some(SourceKind::Incidents { .. })
            )
        {
            self.apply(Edit::SetBorderKm {
                source: id.clone(),
                km: q.border_km,
            });
        }
        let style = density_style(&now);
        if style != density_style(&before) {
            self.apply(Edit::SetDensityStyle { source: id, style });
        }
    }
}

/// The saved style of a panel's settings.
fn density_style(p: &crate::density::DensityParams) -> atlas_core::project::DensityStyle {
    use atlas_core::project::{ByDef, DensityStyle, WeightDef};
    let q = &p.query;
    DensityStyle {
        weight: match q.weight {
            crate::density::Weight::Events => WeightDef::Events,
            crate::density::Weight::Fatalities => WeightDef::Fatalities,
        },
        bandwidth_km: q.bandwidth_km,
        by: match q.by {
            crate::density::By::Province => ByDef::Province,
            crate::density::By::District => ByDef::District,
        },
        method: q.method.into(),
        classes: q.classes,
        bucket: p.bucket.into(),
        rescale_per_frame: p.rescale_per_frame,
    }
}
