//! The bundled fallback fonts (Noto: Latin/Greek/Cyrillic, Arabic script, symbols), added after
//! egui's own for proportional and monospace text, so no character of the app's data draws as
//! a box or (under a test harness) panics.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// Each bundled font's name and bytes, in fallback order (see `assets/fonts/README.md`).
pub const BUNDLED_FONTS: [(&str, &[u8]); 4] = [
    (
        "NotoSans-Regular",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSansArabicUI-Regular",
        include_bytes!("../../assets/fonts/NotoSansArabicUI-Regular.ttf"),
    ),
    (
        "NotoSansSymbols-Regular",
        include_bytes!("../../assets/fonts/NotoSansSymbols-Regular.ttf"),
    ),
    (
        "NotoSansSymbols2-Regular",
        include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    ),
];

/// Add the bundled fonts to `ctx` as fallbacks (after egui's defaults) of both families.
/// Call once where a context is made; calling again changes nothing. They take effect at
/// once if nothing has been laid out in this pass yet, else from the next pass.
pub fn install_fonts(ctx: &egui::Context) {
    for (name, bytes) in BUNDLED_FONTS {
        let families = [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect();
        ctx.add_font(FontInsert::new(
            name,
            FontData::from_static(bytes),
            families,
        ));
    }
}
