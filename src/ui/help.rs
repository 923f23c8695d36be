//! Help windows: keyboard shortcuts, and About with the data sources and their licences.

use crate::scene::AtlasData;

/// Data sources and licences shown in About.
pub const SOURCES: &[&str] = &[
    "Administrative boundaries: geoBoundaries (www.geoboundaries.org), CC BY 4.0 — Runfola et al. (2020), PLoS ONE 15(4): e0231866",
    "Place names: GeoNames (www.geonames.org), CC BY 4.0",
    "Basemap: Made with Natural Earth (public domain)",
    "Report: data/report/source-report.txt, encoded as findings in data/report/findings.json",
    "Incident demo: synthetic, generated from the report's figures (data/incidents/README.md) — not real events",
];

pub fn show(ctx: &egui::Context, shortcuts: &mut bool, about: &mut bool, data: &AtlasData) {
    egui::Window::new("Keyboard shortcuts")
        .open(shortcuts)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("keys").striped(true).show(ui, |ui| {
                for (k, what) in super::menu::SHORTCUTS {
                    ui.monospace(*k);
                    ui.label(*what);
                    ui.end_row();
                }
            });
        });
    egui::Window::new("About Frontier Atlas")
        .open(about)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "Frontier Atlas {} — an offline map of a security report on Afghanistan and Pakistan.",
                env!("CARGO_PKG_VERSION")
            ));
            ui.label("Nothing touches the network unless an online basemap is chosen.");
            ui.separator();
            ui.strong("Data sources");
            for s in SOURCES {
                ui.label(format!("• {s}"));
            }
            if let Some(src) = &data.report.source {
                ui.label(format!("• Report file: {}", src.file));
            }
        });
}
