//! Basemap colours and zoom-dependent line widths: the `light()` and `dark()` presets.

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    pub const fn new(r: u8, g: u8, b: u8, a: u8) -> Self {
        Self { r, g, b, a }
    }

    pub const fn to_array(self) -> [u8; 4] {
        [self.r, self.g, self.b, self.a]
    }

    /// Largest per-channel difference of the colour channels (alpha ignored): a simple
    /// "how close is this pixel to that colour" measure for tests and pickers.
    pub fn max_channel_diff(self, rgba: [u8; 4]) -> u8 {
        let d = |a: u8, b: u8| a.abs_diff(b);
        d(self.r, rgba[0])
            .max(d(self.g, rgba[1]))
            .max(d(self.b, rgba[2]))
    }

    pub(crate) fn to_skia(self) -> tiny_skia::Color {
        tiny_skia::Color::from_rgba8(self.r, self.g, self.b, self.a)
    }
}

/// Colours (and a global line-width factor) for [`super::render_tile`].
///
/// All fields are public so the app can build its own variants and tests can check pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BasemapStyle {
    /// Painted where the bundled data has nothing (outside the clipped data extent).
    pub no_data: Rgba,
    /// Sea (and, inside the data extent, anything not covered by land).
    pub water: Rgba,
    pub land: Rgba,
    /// When set, land of countries other than [`FOCUS_COUNTRIES`] is painted in this colour
    /// (from the 50m country polygons, masked to the 10m land so coasts stay crisp).
    /// Off in both presets: the 50m outlines drift from the 10m border lines at high zoom.
    pub other_land: Option<Rgba>,
    /// Built-up areas (kept subtle).
    pub urban: Rgba,
    pub lake: Rgba,
    pub river: Rgba,
    /// Translucent tint over disputed areas.
    pub disputed_fill: Rgba,
    /// Diagonal hatch lines over disputed areas.
    pub disputed_hatch: Rgba,
    /// International borders: solid and prominent.
    pub border: Rgba,
    /// Soft translucent band drawn under borders so they read at a glance.
    pub border_halo: Rgba,
    /// Lines of control, disputed and indefinite boundaries: dashed.
    pub disputed_line: Rgba,
    /// Claim boundaries (from the disputed-areas line file): dashed, lighter.
    pub claim_line: Rgba,
    /// Multiplies every line width (1.0 = preset widths for 256 px tiles).
    pub line_scale: f32,
}

/// ISO 3166 alpha-3 codes (Natural Earth `ADM0_A3`) of the countries the atlas is about.
pub const FOCUS_COUNTRIES: [&str; 2] = ["AFG", "PAK"];

impl BasemapStyle {
    /// Muted light preset in the spirit of Carto Positron: warm off-white land, pale blue-grey
    /// sea, dark grey borders; red/orange/purple overlays stay readable on top.
    pub const fn light() -> Self {
        Self {
            no_data: Rgba::rgb(0xd9, 0xd9, 0xd9),
            water: Rgba::rgb(0xc4, 0xd3, 0xde),
            land: Rgba::rgb(0xf3, 0xf1, 0xec),
            other_land: None,
            urban: Rgba::rgb(0xe6, 0xe0, 0xd6),
            lake: Rgba::rgb(0xc4, 0xd3, 0xde),
            river: Rgba::rgb(0xa4, 0xbc, 0xcd),
            disputed_fill: Rgba::new(0x78, 0x78, 0x78, 18),
            disputed_hatch: Rgba::new(0x6e, 0x6e, 0x6e, 90),
            border: Rgba::rgb(0x5a, 0x5a, 0x5a),
            border_halo: Rgba::new(0x5a, 0x5a, 0x5a, 38),
            disputed_line: Rgba::rgb(0x8e, 0x8e, 0x8e),
            claim_line: Rgba::rgb(0xa8, 0xa8, 0xa8),
            line_scale: 1.0,
        }
    }

    /// Dark preset in the spirit of Carto Dark Matter: charcoal land, near-black sea,
    /// light grey borders.
    pub const fn dark() -> Self {
        Self {
            no_data: Rgba::rgb(0x44, 0x44, 0x44),
            water: Rgba::rgb(0x17, 0x19, 0x1d),
            land: Rgba::rgb(0x2c, 0x2d, 0x30),
            other_land: None,
            urban: Rgba::rgb(0x36, 0x37, 0x3a),
            lake: Rgba::rgb(0x17, 0x19, 0x1d),
            river: Rgba::rgb(0x33, 0x46, 0x59),
            disputed_fill: Rgba::new(0xc8, 0xc8, 0xc8, 10),
            disputed_hatch: Rgba::new(0xaa, 0xaa, 0xaa, 60),
            border: Rgba::rgb(0xa3, 0xa3, 0xa3),
            border_halo: Rgba::new(0xa3, 0xa3, 0xa3, 34),
            disputed_line: Rgba::rgb(0x78, 0x78, 0x78),
            claim_line: Rgba::rgb(0x62, 0x62, 0x62),
            line_scale: 1.0,
        }
    }

    /// The same style with [`Self::other_land`] set to a preset-appropriate tint
    /// (slightly darker than `land` on light, slightly darker on dark too).
    pub const fn with_country_tint(mut self) -> Self {
        let l = self.land;
        self.other_land = Some(Rgba::rgb(
            l.r.saturating_sub(10),
            l.g.saturating_sub(10),
            l.b.saturating_sub(8),
        ));
        self
    }
}

impl Default for BasemapStyle {
    fn default() -> Self {
        Self::light()
    }
}

/// Piecewise-linear interpolation over (zoom, value) stops, clamped at both ends.
pub(crate) fn interp(stops: &[(f32, f32)], z: f32) -> f32 {
    let Some(&(z0, v0)) = stops.first() else {
        return 0.0;
    };
    if z <= z0 {
        return v0;
    }
    for pair in stops.windows(2) {
        let ((za, va), (zb, vb)) = (pair[0], pair[1]);
        if z <= zb {
            let t = if zb > za { (z - za) / (zb - za) } else { 1.0 };
            return va + t * (vb - va);
        }
    }
    stops.last().map_or(v0, |s| s.1)
}

/// Width in px (256 px tiles) of an international border at zoom `z`.
pub(crate) fn border_width(z: f32) -> f32 {
    interp(&[(4.0, 1.1), (8.0, 1.8), (12.0, 2.8)], z)
}

/// Width in px (256 px tiles) of a river of Natural Earth `scalerank` at zoom `z`:
/// big rivers (low scalerank) are drawn wider.
pub(crate) fn river_width(z: f32, scalerank: f32) -> f32 {
    let base = interp(&[(4.0, 0.6), (8.0, 1.2), (12.0, 2.6)], z);
    let rank_factor = interp(&[(3.0, 1.5), (5.0, 1.2), (7.0, 0.9), (9.0, 0.7)], scalerank);
    base * rank_factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interp_clamps_and_interpolates() {
        let stops = [(4.0, 1.0), (8.0, 2.0), (12.0, 4.0)];
        assert_eq!(interp(&stops, 0.0), 1.0);
        assert_eq!(interp(&stops, 6.0), 1.5);
        assert_eq!(interp(&stops, 10.0), 3.0);
        assert_eq!(interp(&stops, 20.0), 4.0);
        assert_eq!(interp(&[], 5.0), 0.0);
    }

    #[test]
    fn widths_grow_with_zoom_and_rank() {
        assert!(border_width(4.0) < border_width(8.0) && border_width(8.0) < border_width(12.0));
        assert!(river_width(8.0, 3.0) > river_width(8.0, 8.0));
        assert!(river_width(12.0, 6.0) > river_width(6.0, 6.0));
    }

    #[test]
    fn presets_keep_key_colours_apart() {
        for s in [BasemapStyle::light(), BasemapStyle::dark()] {
            for (a, b) in [(s.land, s.water), (s.land, s.no_data), (s.water, s.no_data)] {
                assert!(a.max_channel_diff(b.to_array()) >= 20, "{a:?} vs {b:?}");
            }
            assert!(s.border.max_channel_diff(s.land.to_array()) >= 60);
            assert!(s.border.max_channel_diff(s.disputed_line.to_array()) >= 40);
        }
        assert_ne!(BasemapStyle::light(), BasemapStyle::dark());
        assert!(
            BasemapStyle::light()
                .with_country_tint()
                .other_land
                .is_some()
        );
    }
}
