//! Map colours and line widths, light and dark, chosen to read over the basemap.

use egui::Color32;

pub struct MapStyle {
    pub province: Color32,
    pub district: Color32,
    pub label: Color32,
    pub label_minor: Color32,
    pub halo: Color32,
    pub report: Color32,
    pub report_fill: Color32,
    pub context: Color32,
    pub selected: Color32,
    pub hover_fill: Color32,
    pub town: Color32,
    pub region: Color32,
}

pub fn map_style(dark: bool) -> MapStyle {
    if dark {
        MapStyle {
            province: Color32::from_rgb(170, 170, 185),
            district: Color32::from_rgba_unmultiplied(150, 150, 165, 150),
            label: Color32::from_rgb(235, 235, 240),
            label_minor: Color32::from_rgb(190, 190, 200),
            halo: Color32::from_rgba_unmultiplied(20, 20, 28, 220),
            report: Color32::from_rgb(255, 140, 60),
            report_fill: Color32::from_rgba_unmultiplied(255, 140, 60, 45),
            context: Color32::from_rgb(220, 160, 110),
            selected: Color32::from_rgb(90, 180, 255),
            hover_fill: Color32::from_rgba_unmultiplied(255, 255, 255, 40),
            town: Color32::from_rgb(220, 220, 220),
            region: Color32::from_rgb(190, 170, 140),
        }
    } else {
        MapStyle {
            province: Color32::from_rgb(95, 95, 110),
            district: Color32::from_rgba_unmultiplied(120, 120, 135, 150),
            label: Color32::from_rgb(40, 40, 48),
            label_minor: Color32::from_rgb(85, 85, 95),
            halo: Color32::from_rgba_unmultiplied(255, 255, 255, 215),
            report: Color32::from_rgb(200, 70, 0),
            report_fill: Color32::from_rgba_unmultiplied(230, 110, 20, 40),
            context: Color32::from_rgb(170, 110, 60),
            selected: Color32::from_rgb(0, 100, 200),
            hover_fill: Color32::from_rgba_unmultiplied(0, 60, 160, 35),
            town: Color32::from_rgb(50, 50, 55),
            region: Color32::from_rgb(130, 105, 75),
        }
    }
}

/// Multiply a colour's alpha by a layer opacity.
pub fn faded(c: Color32, opacity: f32) -> Color32 {
    c.gamma_multiply(opacity.clamp(0.0, 1.0))
}

fn scale_id() -> egui::Id {
    egui::Id::unique("frontier-atlas-text-scale")
}

/// Scale for map text (labels, attribution): 1 in the window; exports raise it so that text
/// stays legible on a projector.
pub fn text_scale(ctx: &egui::Context) -> f32 {
    ctx.data(|d| d.get_temp::<f32>(scale_id())).unwrap_or(1.0)
}

/// A font size of `size` points on this map: scaled for exports and then rounded to whole
/// points, so the slide's text is the same size at every pixel ratio (egui rounds font sizes
/// to whole pixels: 15.6 pt would be 16 px at 1080p but 31 px, 15.5 pt, at 4K).
pub fn font_size(ctx: &egui::Context, size: f32) -> f32 {
    let s = text_scale(ctx);
    if s == 1.0 { size } else { (size * s).round() }
}

pub fn set_text_scale(ctx: &egui::Context, scale: f32) {
    ctx.data_mut(|d| d.insert_temp(scale_id(), scale));
}
