//! The time strip under the map: events per week or month (egui_plot bars, the selected
//! range highlighted; click a bar to show just that period), the date-range sliders, and
//! play / pause stepping through the weeks or months.

use atlas_core::analysis::{TimeBucket, TimeHistogram};
use atlas_core::text::count_noun;
use chrono::{Datelike, NaiveDate};
use egui_plot::{Bar, BarChart, Plot};

use crate::density::DensityState;
use crate::density::play::window_of;

/// Bar colours: inside and outside the selected range.
const IN_RANGE: egui::Color32 = egui::Color32::from_rgb(178, 24, 43);
const OUT_OF_RANGE: egui::Color32 = egui::Color32::from_rgb(170, 170, 175);

fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn from_day_number(n: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(n)
}

/// "3 Mar 2024".
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn parse_day(s: &str) -> Option<f64> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
    Some(day_number(d) as f64)
}

/// The timeline panel contents.
pub fn show(ui: &mut egui::Ui, density: &mut DensityState) {
    let Some(ds) = density.dataset().cloned() else {
        ui.label("Incidents: loading…");
        return;
    };
    let Some((first, last)) = ds.span else {
        ui.label("No dated incidents in the loaded data.");
        return;
    };
    let analysis = density.analysis().cloned();
    ui.horizontal_wrapped(|ui| {
        let playing = density.player.playing;
        let label = if playing { "Pause" } else { "Play" };
        if ui
            .button(label)
            .on_hover_text("Step through the data")
            .clicked()
        {
            let now = ui.input(|i| i.time);
            density.toggle_play(now);
        }
        ui.label("by");
        let b = &mut density.params.bucket;
        ui.selectable_value(b, TimeBucket::Week, "Week");
        ui.selectable_value(b, TimeBucket::Month, "Month");
        speed_box(ui, &mut density.player.speed);
        ui.separator();
        range_sliders(ui, density, first, last);
        if ui.button("All dates").clicked() {
            let f = &mut density.params.query.filter;
            f.from = None;
            f.to = None;
            density.player.playing = false;
        }
        if let Some(a) = &analysis {
            ui.separator();
            let n = a.shown.incidents;
            let mut text = format!("{} shown", count_noun(n, "incident", "incidents"));
            if a.shown.uncertain > 0 {
                text += &format!(
                    " ({} left out: dated only to a month or year overlapping the range)",
                    a.shown.uncertain
                );
            }
            ui.label(text);
        }
    });
    if let Some(a) = analysis {
        histogram(ui, density, &a.timeline, a.params.bucket);
    }
}

/// Playback speed: ¼× to 4×.
fn speed_box(ui: &mut egui::Ui, speed: &mut f64) {
    let name = |s: f64| format!("{s}× speed");
    egui::ComboBox::from_id_salt("play-speed")
        .selected_text(name(*speed))
        .show_ui(ui, |ui| {
            for s in crate::density::play::SPEEDS {
                ui.selectable_value(speed, s, name(s));
            }
        });
}

/// Width of each date slider: about a pixel a day over a year, so a day can be picked.
pub const DATE_SLIDER_WIDTH: f32 = 300.0;

fn range_sliders(ui: &mut egui::Ui, density: &mut DensityState, first: NaiveDate, last: NaiveDate) {
    ui.spacing_mut().slider_width = DATE_SLIDER_WIDTH;
    let f = &mut density.params.query.filter;
    let (lo, hi) = (day_number(first), day_number(last));
    let mut from = f.from.map_or(lo, day_number).clamp(lo, hi);
    let mut to = f.to.map_or(hi, day_number).clamp(lo, hi);
    let fmt = |v: f64, _: std::ops::RangeInclusive<usize>| {
        from_day_number(v.round() as i32).map_or_else(String::new, |d| d.to_string())
    };
    let slider = |ui: &mut egui::Ui, name: &str, v: &mut i32| {
        let label = ui.label(name);
        let s = egui::Slider::new(v, lo..=hi)
            .custom_formatter(fmt)
            .custom_parser(parse_day);
        ui.add(s).labelled_by(label.id).changed()
    };
    let from_changed = slider(ui, "From", &mut from);
    let to_changed = slider(ui, "to", &mut to);
    if from_changed || to_changed {
        if from > to {
            if from_changed {
                to = from;
            } else {
                from = to;
            }
        }
        f.from = from_day_number(from);
        f.to = from_day_number(to);
        density.player.playing = false;
    }
}

/// Date of an x-axis mark: day and month when the axis spans under four months.
fn axis_label(mark: egui_plot::GridMark, range: &std::ops::RangeInclusive<f64>) -> String {
    let short = range.end() - range.start() < 120.0;
    let fmt = if short { "%-d %b" } else { "%b %Y" };
    from_day_number(mark.value.round() as i32)
        .map_or_else(String::new, |d| d.format(fmt).to_string())
}

fn histogram(
    ui: &mut egui::Ui,
    density: &mut DensityState,
    hist: &TimeHistogram,
    bucket: TimeBucket,
) {
    let f = &density.params.query.filter;
    let (from, to) = (f.from, f.to);
    let bars: Vec<Bar> = hist
        .bins
        .iter()
        .map(|b| {
            let (start, end) = window_of(b.start, bucket);
            let len = (day_number(end) - day_number(start) + 1) as f64;
            let inside = from.is_none_or(|f| end >= f) && to.is_none_or(|t| start <= t);
            Bar::new(day_number(start) as f64 + len / 2.0, b.events as f64)
                .width(len * 0.85)
                .fill(if inside { IN_RANGE } else { OUT_OF_RANGE })
                .name(format!("{}: {} events", short_date(start), b.events))
        })
        .collect();
    let chart = BarChart::new("Incidents", bars).allow_hover(true);
    let response = Plot::new("density-timeline")
        .height(80.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .include_y(0.0)
        .y_axis_min_width(24.0)
        .x_axis_formatter(axis_label)
        .label_formatter(|_| None)
        .show(ui, |p| {
            p.bar_chart(chart);
            p.pointer_coordinate()
        });
    if response.response.clicked()
        && let Some(day) = response.inner.and_then(|c| from_day_number(c.x as i32))
    {
        let (s, e) = window_of(day, bucket);
        let f = &mut density.params.query.filter;
        f.from = Some(s);
        f.to = Some(e);
        density.player.playing = false;
    }
    if hist.too_coarse > 0 {
        ui.weak(format!(
            "{} incidents dated too coarsely for {} bars",
            hist.too_coarse,
            if bucket == TimeBucket::Week {
                "weekly"
            } else {
                "monthly"
            }
        ));
    }
}
