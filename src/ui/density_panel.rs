//! The attack-density controls: dataset, weighting, heatmap bandwidth, choropleth level and
//! classing, actor and event-type filters, and the distance to the AF–PK border (share of
//! the selection within N km, distance histogram).

use atlas_core::analysis::ClassMethod;
use egui_plot::{Bar, BarChart, Plot};

use super::density_legend::WARNING_RED;
use crate::density::analysis::{BORDER_BIN_KM, BorderStats};
use crate::density::params::method_name;
use crate::density::{By, DensityState, Weight};

/// What the panel asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelAction {
    None,
    OpenImport,
    /// Show this dataset's settings.
    Activate(String),
    /// Remove this dataset (and its layers) from the project.
    Remove(String),
    /// Show (true) or hide the dataset's border band on the map.
    ShowBand(bool),
}

/// The panel (in the right-hand side bar) for the active dataset; `datasets` lists every
/// incident source (id, name) to switch between.
/// `band` says whether the dataset's border band is on the map.
pub fn show(
    ui: &mut egui::Ui,
    density: &mut DensityState,
    datasets: &[(String, String)],
    band: bool,
) -> PanelAction {
    let mut action = PanelAction::None;
    egui::CollapsingHeader::new("Attack density")
        .default_open(true)
        .show(ui, |ui| {
            action = dataset_row(ui, density, datasets);
            ui.separator();
            settings(ui, density);
            filters(ui, density);
            ui.separator();
            border(ui, density);
            let mut shown = band;
            if ui
                .checkbox(&mut shown, "Show the band on the map")
                .on_hover_text("The area within this distance of the AF–PK border, as a layer")
                .changed()
            {
                action = PanelAction::ShowBand(shown);
            }
            if density.pending() > 0 {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Computing…");
                });
            }
        });
    action
}

fn dataset_row(
    ui: &mut egui::Ui,
    density: &mut DensityState,
    datasets: &[(String, String)],
) -> PanelAction {
    let mut action = PanelAction::None;
    if datasets.len() > 1 {
        let current = datasets
            .iter()
            .find(|(id, _)| *id == density.source_id)
            .map_or(String::new(), |(_, n)| n.clone());
        egui::ComboBox::from_label("Dataset")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (id, name) in datasets {
                    if ui
                        .selectable_label(*id == density.source_id, name)
                        .clicked()
                    {
                        action = PanelAction::Activate(id.clone());
                    }
                }
            });
    }
    match density.dataset().cloned() {
        Some(ds) => {
            ui.label(format!(
                "Data: {} ({}, {} incidents)",
                ds.origin.name,
                ds.origin.schema.name(),
                ds.len()
            ));
            if ds.synthetic() {
                ui.colored_label(WARNING_RED, crate::density::SYNTHETIC_WARNING);
            }
        }
        None if density.import_progress().is_some() => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Loading incidents…");
            });
        }
        None => {
            ui.colored_label(
                WARNING_RED,
                "This dataset could not be loaded (see Sources).",
            );
        }
    }
    ui.horizontal(|ui| {
        if ui.button("Import a file…").clicked() {
            action = PanelAction::OpenImport;
        }
        if ui.button("Remove dataset").clicked() {
            action = PanelAction::Remove(density.source_id.clone());
        }
    });
    action
}

fn settings(ui: &mut egui::Ui, density: &mut DensityState) {
    let q = &mut density.params.query;
    ui.horizontal(|ui| {
        ui.label("Weight:");
        ui.radio_value(&mut q.weight, Weight::Events, "Events");
        ui.radio_value(&mut q.weight, Weight::Fatalities, "Fatalities");
    });
    ui.add(
        egui::Slider::new(&mut q.bandwidth_km, 2.0..=100.0)
            .logarithmic(true)
            .fixed_decimals(0)
            .suffix(" km")
            .text("Heatmap bandwidth"),
    );
    let mut same = !density.params.rescale_per_frame;
    if ui
        .checkbox(&mut same, "One colour scale for every frame")
        .on_hover_text(
            "Playing through time, every frame's heatmap uses the highest density any frame \
             of that length reaches, so frames compare; off, each frame is scaled to its own \
             peak",
        )
        .changed()
    {
        density.params.rescale_per_frame = !same;
    }
    let q = &mut density.params.query;
    ui.horizontal(|ui| {
        ui.label("Choropleth by:");
        ui.radio_value(&mut q.by, By::Province, "Province");
        ui.radio_value(&mut q.by, By::District, "District");
    });
    egui::ComboBox::from_label("Classes")
        .selected_text(method_name(q.method))
        .show_ui(ui, |ui| {
            for m in [
                ClassMethod::NaturalBreaks,
                ClassMethod::Quantile,
                ClassMethod::EqualInterval,
            ] {
                ui.selectable_value(&mut q.method, m, method_name(m));
            }
        });
}

/// A name no incident has: "none of them".
const NOTHING: &str = "\u{1}(none)";

/// Checkbox list over `all` (name, count): an empty `chosen` means "all". With a `hidden`
/// list (actors, of which an incident has two), unticking from "all" hides the name there,
/// so every incident naming it goes, whoever the other actor is.
fn choice_list(
    ui: &mut egui::Ui,
    id: &str,
    all: &[(String, usize)],
    chosen: &mut Vec<String>,
    mut hidden: Option<&mut Vec<String>>,
) {
    let search_id = ui.scope_id().with((id, "search"));
    let mut search: String = ui.data(|d| d.get_temp(search_id)).unwrap_or_default();
    if all.len() > 12 {
        ui.add(egui::TextEdit::singleline(&mut search).hint_text("Search"));
        ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    }
    ui.horizontal(|ui| {
        if ui.small_button("All").clicked() {
            chosen.clear();
            hidden.iter_mut().for_each(|h| h.clear());
        }
        if ui.small_button("None").clicked() {
            // Nothing chosen would mean "all": keep one impossible name instead.
            *chosen = vec![NOTHING.to_string()];
            hidden.iter_mut().for_each(|h| h.clear());
        }
    });
    let needle = search.to_lowercase();
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(160.0)
        .show(ui, |ui| {
            for (name, n) in all
                .iter()
                .filter(|(name, _)| needle.is_empty() || name.to_lowercase().contains(&needle))
                .take(300)
            {
                let hiding = chosen.is_empty() && hidden.is_some();
                let mut on = match &hidden {
                    Some(h) if hiding => !h.contains(name),
                    _ => chosen.is_empty() || chosen.contains(name),
                };
                if !ui.checkbox(&mut on, format!("{name} ({n})")).changed() {
                    continue;
                }
                if let Some(h) = hidden.as_deref_mut().filter(|_| hiding) {
                    h.retain(|c| c != name);
                    if !on {
                        h.push(name.clone());
                    }
                } else {
                    if chosen.is_empty() {
                        *chosen = all.iter().map(|(a, _)| a.clone()).collect();
                    }
                    chosen.retain(|c| c != name && c != NOTHING);
                    if on {
                        chosen.push(name.clone());
                    }
                    if all.iter().all(|(a, _)| chosen.contains(a)) {
                        chosen.clear();
                    }
                }
            }
        });
}

fn filters(ui: &mut egui::Ui, density: &mut DensityState) {
    let Some(ds) = density.dataset().cloned() else {
        return;
    };
    let f = &mut density.params.query.filter;
    let count = |chosen: &Vec<String>, all: usize| {
        if chosen.is_empty() {
            "all".to_string()
        } else {
            format!(
                "{} of {all}",
                chosen.iter().filter(|c| *c != NOTHING).count()
            )
        }
    };
    let actors = if f.actors.is_empty() && !f.hidden_actors.is_empty() {
        let n = ds.actors.len();
        format!("{} of {n}", n.saturating_sub(f.hidden_actors.len()))
    } else {
        count(&f.actors, ds.actors.len())
    };
    egui::CollapsingHeader::new(format!("Actors ({actors})"))
        .id_salt("density-actors")
        .show(ui, |ui| {
            choice_list(
                ui,
                "actors",
                &ds.actors,
                &mut f.actors,
                Some(&mut f.hidden_actors),
            )
        });
    egui::CollapsingHeader::new(format!(
        "Event types ({})",
        count(&f.event_types, ds.event_types.len())
    ))
    .id_salt("density-types")
    .show(ui, |ui| {
        choice_list(ui, "types", &ds.event_types, &mut f.event_types, None)
    });
}

fn border(ui: &mut egui::Ui, density: &mut DensityState) {
    ui.add(
        egui::Slider::new(&mut density.params.query.border_km, 5.0..=300.0)
            .fixed_decimals(0)
            .suffix(" km")
            .text("Distance to AF–PK border"),
    );
    let Some(a) = density.analysis().cloned() else {
        return;
    };
    if a.from_cube && a.border.is_some() {
        ui.weak("Updating for the new dates…");
    }
    match &a.border {
        Some(b) => {
            ui.label(format!(
                "{:.0} % of the selection within {:.0} km of the border ({} of {})",
                100.0 * b.share,
                b.km,
                b.within,
                b.measured
            ));
            distance_histogram(ui, b);
        }
        None => {
            ui.weak("The AF–PK border line could not be read:");
            for p in density
                .levels()
                .map(|l| l.problems.clone())
                .unwrap_or_default()
            {
                ui.weak(p.to_string());
            }
        }
    }
}

fn distance_histogram(ui: &mut egui::Ui, b: &BorderStats) {
    let last = b.histogram.len().saturating_sub(1);
    let bars: Vec<Bar> = b
        .histogram
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let lo = i as f64 * BORDER_BIN_KM;
            let near = lo < b.km;
            let name = if i == last {
                format!("{lo:.0} km and more: {n}")
            } else {
                format!("{lo:.0}–{:.0} km: {n}", lo + BORDER_BIN_KM)
            };
            Bar::new(lo + BORDER_BIN_KM / 2.0, n as f64)
                .width(BORDER_BIN_KM * 0.85)
                .fill(if near {
                    egui::Color32::from_rgb(178, 24, 43)
                } else {
                    egui::Color32::from_rgb(170, 170, 175)
                })
                .name(name)
        })
        .collect();
    Plot::new("density-border-histogram")
        .height(90.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .include_y(0.0)
        .x_axis_label("km to the border")
        .label_formatter(|_| None)
        .show(ui, |p| {
            p.bar_chart(BarChart::new("Distance", bars).allow_hover(true))
        });
}
