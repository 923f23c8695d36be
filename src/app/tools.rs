//! The analyst tools in the window: place search in the top bar, the cursor's coordinate
//! form, copying a point's coordinates, Go to with its marker, and measuring a path. None of
//! it is part of the project.

use std::sync::Arc;

use atlas_core::coords::{CoordFormat, LatLon, format_as};
use atlas_core::goto::GoTo;
use atlas_core::incidents::IncidentStore;
use atlas_core::search::{SearchHit, SearchIndex, zoom_for};

use crate::scene::AtlasData;

use super::AtlasApp;
use crate::map::tools_overlay::{self, Overlay};
use crate::ui;
use crate::ui::status_bar::wrap_lon;

/// Zoom a go-to coordinate is shown at, at least.
const COORD_ZOOM: f64 = 10.0;

/// A point dropped by Go to.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub at: LatLon,
    /// The place's name, or the coordinate in decimal degrees.
    pub label: String,
}

/// The path being measured.
#[derive(Debug, Default)]
pub struct Measure {
    /// Clicks on the map add points.
    pub active: bool,
    pub points: Vec<LatLon>,
    /// Closed by a click on the first point: a polygon with an area.
    pub closed: bool,
}

impl Measure {
    /// The measured path: the points, and the first again when closed.
    pub fn path(&self) -> Vec<LatLon> {
        let mut p = self.points.clone();
        if self.closed && self.points.len() >= 3 {
            p.push(self.points[0]);
        }
        p
    }
}

/// What a search index was built from: the data (by identity) and each incident
/// dataset's id and row count.
#[derive(Debug, PartialEq)]
struct IndexKey {
    data: usize,
    stores: Vec<(String, usize)>,
}

/// The tools' state (window-only; the coordinate form is remembered by the window).
#[derive(Default)]
pub struct Tools {
    pub search: ui::search_box::SearchBox,
    pub go_to: ui::go_to::GoToPrompt,
    /// How the status bar writes the cursor position.
    pub coord_format: CoordFormat,
    pub marker: Option<Marker>,
    pub measure: Measure,
    /// The search index and what it was built from.
    index: Option<(IndexKey, SearchIndex)>,
    /// Where the map's context menu was opened.
    context_at: Option<LatLon>,
}

impl Tools {
    /// The search index of `data` (places, groups, findings) and of the incident places of
    /// `stores`, built the first time and again only when the data or a dataset changes
    /// (never per keystroke).
    pub fn index(
        &mut self,
        data: &Arc<AtlasData>,
        stores: &[(&str, &IncidentStore)],
    ) -> &SearchIndex {
        let key = IndexKey {
            data: Arc::as_ptr(data) as usize,
            stores: stores
                .iter()
                .map(|(id, s)| ((*id).to_owned(), s.len()))
                .collect(),
        };
        if self.index.as_ref().is_none_or(|(k, _)| *k != key) {
            let r = &data.report;
            let mut ix = SearchIndex::build(&data.gazetteer, &r.groups, &r.findings);
            for (_, s) in stores {
                ix.add_incident_places(s);
            }
            self.index = Some((key, ix));
        }
        &self.index.as_ref().expect("index built above").1
    }

    /// Start a new measurement, or stop the one running.
    pub fn toggle_measure(&mut self) {
        let m = &mut self.measure;
        m.active = !m.active;
        if m.active {
            m.points.clear();
            m.closed = false;
        }
    }

    /// The search box and the Measure toggle, after the menus in the top bar; returns the
    /// search result picked this frame.
    pub fn bar(
        &mut self,
        ui: &mut egui::Ui,
        data: &Arc<AtlasData>,
        stores: &[(&str, &IncidentStore)],
    ) -> Option<SearchHit> {
        self.index(data, stores);
        let index = &self.index.as_ref().expect("index built").1;
        let picked = ui::search_box::show(ui, &mut self.search, index);
        ui.separator();
        if ui
            .selectable_label(self.measure.active, "Measure")
            .on_hover_text("Click points on the map to measure a path (M; Esc ends)")
            .clicked()
        {
            self.toggle_measure();
        }
        picked
    }
}

impl AtlasApp {
    /// The Go to prompt; a confirmed target centres the map and drops the marker there.
    pub(super) fn go_to_dialog(&mut self, ctx: &egui::Context) {
        let data = self.session.atlas().clone();
        let stores = self.session.incident_stores();
        let stores: Vec<(&str, &IncidentStore)> = stores
            .iter()
            .map(|(i, d)| (i.as_str(), d.store()))
            .collect();
        self.tools.index(&data, &stores);
        let index = &self.tools.index.as_ref().expect("index built").1;
        let Some(target) = ui::go_to::show(ctx, &mut self.tools.go_to, index) else {
            return;
        };
        let at = target.at();
        let zoom = match &target {
            GoTo::Coordinate(_) => self.view.memory.zoom().max(COORD_ZOOM),
            GoTo::Place { hit, .. } => zoom_for(hit.kind),
        };
        self.view
            .memory
            .center_at(walkers::lon_lat(at.lon(), at.lat()));
        let _ = self.view.memory.set_zoom(zoom);
        self.tools.marker = Some(Marker {
            at,
            label: target.label(),
        });
    }

    /// After the map is drawn: measuring clicks, the context menu, the overlay. `selected`
    /// is the selection before the map ran (a measuring click does not select).
    pub(super) fn map_tools(
        &mut self,
        ui: &mut egui::Ui,
        response: &egui::Response,
        selected: Option<String>,
    ) {
        let cursor = self
            .view
            .cursor
            .and_then(|(lon, lat)| LatLon::new(lat, wrap_lon(lon)).ok());
        let m = &mut self.tools.measure;
        if m.active {
            if response.clicked()
                && let Some(p) = cursor
            {
                let first = m.points.first().map(|f| {
                    let t = walkers::Projector::new(
                        response.rect,
                        &walkers::MercatorProjection,
                        &self.view.memory,
                        crate::state::start_position(),
                    );
                    t.project(walkers::lon_lat(f.lon(), f.lat())).to_pos2()
                });
                let near_first = first
                    .zip(response.interact_pointer_pos())
                    .is_some_and(|(f, at)| f.distance(at) <= 10.0);
                if near_first && m.points.len() >= 3 {
                    m.closed = true;
                    m.active = false;
                } else {
                    m.points.push(p);
                }
                self.view.selected = selected;
            }
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                m.active = false;
            }
        } else if ui.input(|i| i.key_pressed(egui::Key::Escape)) && !m.points.is_empty() {
            m.points.clear();
            m.closed = false;
        }
        if response.secondary_clicked() {
            self.tools.context_at = cursor;
        }
        if let Some(at) = self.tools.context_at {
            response.context_menu(|ui| copy_menu(ui, at));
        }
        let path = self.tools.measure.path();
        let overlay = Overlay {
            marker: self.tools.marker.as_ref().map(|m| (m.at, m.label.as_str())),
            path: &path,
            dark: self.doc.project.basemap.is_dark(),
        };
        tools_overlay::paint(ui, response.rect, &self.view.memory, &overlay);
        self.measure_readout(ui, response.rect);
    }

    /// The measurement in words, top-left over the map (what the labels on the map say),
    /// with Copy and Save on map.
    fn measure_readout(&mut self, ui: &egui::Ui, rect: egui::Rect) {
        let m = &self.tools.measure;
        if !m.active && m.points.is_empty() {
            return;
        }
        let text = measure_text(m);
        let mut save = false;
        egui::Area::new(egui::Id::unique("measure_readout"))
            .fixed_pos(rect.left_top() + egui::vec2(10.0, 10.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.strong("Measure");
                    if m.points.len() < 2 {
                        ui.label("Click points on the map; Esc ends");
                    } else if m.active && m.points.len() >= 3 {
                        ui.weak("Click the first point to close it (area)");
                    }
                    for line in text.lines() {
                        ui.label(line);
                    }
                    if m.points.len() >= 2 {
                        ui.horizontal(|ui| {
                            if ui.button("Copy").clicked() {
                                ui.ctx().copy_text(text.clone());
                            }
                            save = ui
                                .button("Save on map")
                                .on_hover_text("Keep it in the project as an annotation")
                                .clicked();
                        });
                    }
                });
            });
        if save {
            let m = std::mem::take(&mut self.tools.measure);
            let points = m.points.iter().map(|p| [p.lon(), p.lat()]).collect();
            self.add_annotation(atlas_core::project::Shape::Measure {
                points,
                closed: m.closed,
            });
        }
    }
}

/// The readout's lines: `leg 1: 12.3 km, 045°` …, the total, and the area when closed.
pub fn measure_text(m: &Measure) -> String {
    let (legs, total) = tools_overlay::measure_labels(&m.path());
    let mut out: Vec<String> = legs
        .iter()
        .enumerate()
        .map(|(i, leg)| format!("leg {}: {leg}", i + 1))
        .collect();
    out.extend(total);
    if m.closed {
        let area = atlas_core::geodesy::polygon_area_m2(&m.points);
        out.push(format!("area {}", atlas_core::geodesy::area_label(area)));
    }
    out.join("\n")
}

/// The map's context menu: copy the point's coordinates in each form.
fn copy_menu(ui: &mut egui::Ui, at: LatLon) {
    ui.weak(format_as(at, CoordFormat::Decimal));
    for f in CoordFormat::ALL {
        let text = format_as(at, f);
        let b = ui
            .button(format!("Copy coordinates ({})", f.short_name()))
            .on_hover_text(&text);
        if b.clicked() {
            ui.ctx().copy_text(text);
            ui.close();
        }
    }
}
