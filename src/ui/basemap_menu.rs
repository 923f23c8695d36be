//! The basemap chooser (View → Basemap source), the custom tile-server dialog, and the map's ONLINE
//! badge and basemap status line.

use atlas_core::project::{BasemapSpec, Project};
use atlas_core::tiles::{XYZ_PRESETS, check_template};
use egui::{Align2, Color32, Rect, vec2};

use crate::map::tiles::SourceStatus;
use crate::ui::menu::Action;

/// Badge colour: online tiles tell a server where the analyst looks.
const ONLINE_ORANGE: Color32 = Color32::from_rgb(200, 90, 0);

/// The Basemap submenu's items: built-in light / dark, a local tile file, the online presets
/// and a custom server. The current choice is ticked.
pub fn items(ui: &mut egui::Ui, project: &Project) -> Option<Action> {
    let current = &project.basemap;
    let mut out = None;
    for (dark, name) in [
        (false, "Built-in (light, offline)"),
        (true, "Built-in (dark, offline)"),
    ] {
        let spec = BasemapSpec::Builtin { dark };
        if ui.radio(*current == spec, name).clicked() {
            out = Some(Action::SetBasemap(spec));
        }
    }
    let file = matches!(
        current,
        BasemapSpec::Mbtiles { .. } | BasemapSpec::Pmtiles { .. }
    );
    if ui.radio(file, "Tile file (MBTiles / PMTiles)…").clicked() {
        out = Some(Action::PickBasemapFile);
    }
    ui.separator();
    ui.weak("Online: the tile server sees which areas you view");
    let mut preset_chosen = false;
    for p in XYZ_PRESETS {
        let on = matches!(current, BasemapSpec::Xyz { url, .. } if url == p.url);
        preset_chosen |= on;
        if ui.radio(on, p.name).clicked() {
            out = Some(Action::SetBasemap(
                atlas_core::project::BasemapSpec::from_tiles(&p.spec()),
            ));
        }
    }
    let custom = matches!(current, BasemapSpec::Xyz { .. }) && !preset_chosen;
    if ui.radio(custom, "Custom tile server…").clicked() {
        out = Some(Action::CustomBasemap);
    }
    ui.separator();
    // No size in the label: reading it walks the cache's index, too slow for every frame.
    if ui.button("Clear the online tile cache").clicked() {
        out = Some(Action::ClearTileCache);
    }
    if out.is_some() {
        ui.close();
    }
    out
}

/// The custom tile-server dialog's fields.
#[derive(Debug, Clone, Default)]
pub struct CustomServer {
    pub open: bool,
    pub url: String,
    pub attribution: String,
    pub max_zoom: u8,
    /// Why the last "Use" was refused.
    pub error: Option<String>,
}

/// The dialog; returns the spec once "Use" is pressed with a valid template.
pub fn custom_dialog(ctx: &egui::Context, s: &mut CustomServer) -> Option<BasemapSpec> {
    if !s.open {
        return None;
    }
    if s.max_zoom == 0 {
        s.max_zoom = 19;
    }
    let mut out = None;
    let mut open = true;
    egui::Window::new("Custom tile server")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("URL template (https://…/{z}/{x}/{y}.png):");
            ui.add(egui::TextEdit::singleline(&mut s.url).desired_width(380.0));
            ui.label("Attribution (shown on the map and in every export):");
            ui.add(egui::TextEdit::singleline(&mut s.attribution).desired_width(380.0));
            ui.add(egui::Slider::new(&mut s.max_zoom, 1..=22).text("maximum zoom"));
            if let Some(e) = &s.error {
                ui.colored_label(Color32::from_rgb(190, 25, 40), e);
            }
            if ui.button("Use").clicked() {
                match check_template(s.url.trim()) {
                    Ok(()) => {
                        out = Some(BasemapSpec::Xyz {
                            url: s.url.trim().to_owned(),
                            attribution: s.attribution.trim().to_owned(),
                            max_zoom: s.max_zoom,
                        });
                        s.error = None;
                        s.open = false;
                    }
                    Err(e) => s.error = Some(e.to_string()),
                }
            }
        });
    s.open &= open;
    out
}

/// The host an online spec sends requests to (`None` for offline basemaps).
pub fn online_host(spec: &BasemapSpec) -> Option<String> {
    match spec {
        BasemapSpec::Xyz { url, .. } => Some(atlas_core::tiles::url_host(url).to_owned()),
        _ => None,
    }
}

/// The ONLINE badge (top centre of the map) while tiles come from a server, and under it
/// the basemap's latest problem (a bad file, failed downloads: the built-in basemap shows).
pub fn badge(ui: &egui::Ui, map: Rect, status: Option<&SourceStatus>, error: Option<&str>) {
    let online = status.filter(|s| s.online);
    let problem = error.or(status.and_then(|s| s.last_error.as_deref()));
    if online.is_none() && problem.is_none() {
        return;
    }
    egui::Area::new(egui::Id::unique("basemap-badge"))
        .pivot(Align2::CENTER_TOP)
        .fixed_pos(map.center_top() + vec2(0.0, 8.0))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            ui.vertical_centered(|ui| {
                if let Some(s) = online {
                    egui::Frame::new()
                        .fill(ONLINE_ORANGE)
                        .corner_radius(4.0)
                        .inner_margin(vec2(8.0, 3.0))
                        .show(ui, |ui| {
                            ui.label(
                                egui::RichText::new(
                                    "ONLINE basemap: the tile server sees the areas viewed",
                                )
                                .color(Color32::WHITE)
                                .strong(),
                            );
                        });
                    if s.failed > 0 {
                        note(
                            ui,
                            &format!("{} tiles failed: built-in basemap shown there", s.failed),
                        );
                    }
                }
                if let Some(e) = problem {
                    note(ui, &format!("Basemap: {e}"));
                }
            });
        });
}

fn note(ui: &mut egui::Ui, text: &str) {
    egui::Frame::new()
        .fill(Color32::from_rgba_unmultiplied(255, 255, 255, 220))
        .corner_radius(3.0)
        .inner_margin(vec2(6.0, 2.0))
        .show(ui, |ui| {
            ui.label(egui::RichText::new(text).color(Color32::from_rgb(160, 40, 0)));
        });
}
