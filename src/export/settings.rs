//! What an export shows: size, view, and which layout elements, with their text.

use serde::{Deserialize, Serialize};

/// Width (points) of the map the interactive view is framed for: an export `w` points wide
/// shows the same area at zoom `zoom + log2(w / REFERENCE_WIDTH)`.
pub const REFERENCE_WIDTH: f64 = 1200.0;

/// The reference slide, in points: every export is this slide's layout (same map detail,
/// labels and furniture) drawn at [`ExportSettings::pixel_ratio`] pixels per point, its
/// shape following the image's aspect ratio.
pub const REFERENCE_SLIDE: [f64; 2] = [1920.0, 1080.0];

/// Named sizes: 1080p, 4K, 720p and A4 landscape at 300 dpi.
pub const SIZE_PRESETS: &[(&str, [u32; 2])] = &[
    ("1080p", [1920, 1080]),
    ("4k", [3840, 2160]),
    ("720p", [1280, 720]),
    ("a4-300dpi", [3508, 2480]),
];

pub use atlas_core::project::{Banner, BannerPreset};

/// Everything an export needs besides the data and the layers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportSettings {
    pub size: [u32; 2],
    /// Map centre (lon, lat) and zoom as framed for [`REFERENCE_WIDTH`].
    pub center: [f64; 2],
    pub zoom: f64,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub banner: Option<Banner>,
    pub legend: bool,
    pub scale_bar: bool,
    pub north_arrow: bool,
    pub attribution: bool,
    /// Export time stamp text (set by the caller, so that tests can fix it).
    pub timestamp: Option<String>,
    pub dark: bool,
    /// Key the basemap's own symbols (borders) in the legend too.
    pub legend_basemap: bool,
    /// Draw the locator inset (the region among its neighbours, with the view's extent).
    pub inset: bool,
    /// The corner the user put the legend in (`None`: the layout picks one).
    pub legend_corner: Option<atlas_core::project::Corner>,
}

impl Default for ExportSettings {
    fn default() -> Self {
        Self {
            size: [1920, 1080],
            center: [crate::state::START_CENTER.0, crate::state::START_CENTER.1],
            zoom: crate::state::START_ZOOM,
            title: None,
            subtitle: None,
            banner: None,
            legend: true,
            scale_bar: true,
            north_arrow: true,
            attribution: true,
            timestamp: None,
            dark: false,
            legend_basemap: false,
            inset: true,
            legend_corner: None,
        }
    }
}

impl ExportSettings {
    /// An export of a project's `layout` looking at `center` / `zoom`; `now` is printed when
    /// the layout has the time stamp on.
    pub fn from_layout(
        layout: &atlas_core::project::PageLayout,
        center: [f64; 2],
        zoom: f64,
        dark: bool,
        now: &str,
    ) -> Self {
        ExportSettings {
            size: layout.size,
            center,
            zoom,
            title: layout.title.clone(),
            subtitle: layout.subtitle.clone(),
            banner: layout.banner.clone(),
            legend: layout.legend,
            scale_bar: layout.scale_bar,
            north_arrow: layout.north_arrow,
            attribution: layout.attribution,
            timestamp: layout.timestamp.then(|| now.to_owned()),
            dark,
            legend_basemap: layout.legend_basemap,
            inset: layout.inset,
            legend_corner: layout.legend_corner,
        }
    }

    /// Pixels per point: the square root of the image's area over the reference slide's, so
    /// a 4K image is the 1080p slide at 2× and an A4 page at 300 dpi at 2.05×.
    pub fn pixel_ratio(&self) -> f32 {
        let [w, h] = self.size.map(|v| f64::from(v.max(1)));
        ((w * h) / (REFERENCE_SLIDE[0] * REFERENCE_SLIDE[1]))
            .sqrt()
            .clamp(0.25, 8.0) as f32
    }

    /// The image's size in points (its pixels over [`Self::pixel_ratio`]).
    pub fn logical_size(&self) -> [f32; 2] {
        let r = self.pixel_ratio();
        self.size.map(|v| v as f32 / r)
    }

    /// The map zoom at the export's width (in points) that shows the framed area.
    pub fn export_zoom(&self) -> f64 {
        self.zoom + (f64::from(self.logical_size()[0].max(1.0)) / REFERENCE_WIDTH).log2()
    }

    /// Centre on `bbox` (lon min, lat min, lon max, lat max) and pick the zoom that fits it
    /// into the image with a small margin.
    pub fn fit(&mut self, bbox: [f64; 4]) {
        use atlas_core::basemap::lonlat_to_world;
        let a = lonlat_to_world(bbox[0], bbox[3]);
        let b = lonlat_to_world(bbox[2], bbox[1]);
        let (cx, cy) = ((a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0);
        let (lon, lat) = atlas_core::basemap::world_to_lonlat([cx, cy]);
        self.center = [lon, lat];
        let [w, h] = self.logical_size().map(f64::from);
        let banners = if self.banner.is_some() {
            2.0 * f64::from(self.banner_height())
        } else {
            0.0
        };
        let fit_w = w / ((b[0] - a[0]) * 256.0);
        let fit_h = (h - banners) / ((b[1] - a[1]) * 256.0);
        let export_zoom = (fit_w.min(fit_h) * 0.92).log2();
        self.zoom = export_zoom - (w.max(1.0) / REFERENCE_WIDTH).log2();
    }

    /// Text scale of the slide (points): 1.25, so that no text (smallest map label 11.5 pt)
    /// is under 14 px on a 1080p slide; the pixel ratio scales it with the rest.
    pub fn text_scale(&self) -> f32 {
        1.25
    }

    /// Smallest text the layout draws, in points: 14 (14 px at 1080p, 28 px at 4K).
    pub fn min_text_px(&self) -> f32 {
        11.2 * self.text_scale()
    }

    /// Height of each classification banner, in points.
    pub fn banner_height(&self) -> f32 {
        34.0 * self.text_scale()
    }
}

/// Parse `WxH` or a preset name (`1080p`, `4k`, `720p`, `a4-300dpi`).
pub fn parse_size(s: &str) -> Result<[u32; 2], String> {
    if let Some((_, size)) = SIZE_PRESETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)) {
        return Ok(*size);
    }
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(|| {
        format!("bad size {s:?}: use WxH, e.g. 1920x1080, or one of 1080p, 4k, 720p, a4-300dpi")
    })?;
    let parse = |v: &str| v.trim().parse::<u32>().ok();
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => {
            atlas_core::project::check_size([w, h]).map_err(|e| format!("bad size {s:?}: {e}"))?;
            Ok([w, h])
        }
        _ => Err(format!(
            "bad size {s:?}: width and height must be whole numbers from 16 to 8192"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_bad_ones_are_rejected() {
        assert_eq!(parse_size("1920x1080"), Ok([1920, 1080]));
        assert_eq!(parse_size("4K"), Ok([3840, 2160]));
        assert_eq!(parse_size("a4-300dpi"), Ok([3508, 2480]));
        assert!(parse_size("0x100").is_err());
        assert!(parse_size("big").is_err());
        assert!(parse_size("100x99999").is_err());
    }

    #[test]
    fn every_16_by_9_size_is_the_same_slide_at_its_own_pixel_ratio() {
        let at = |size: [u32; 2]| ExportSettings {
            size,
            zoom: 6.0,
            ..Default::default()
        };
        for (size, ratio) in [
            ([1920, 1080], 1.0),
            ([3840, 2160], 2.0),
            ([2400, 1350], 1.25),
        ] {
            let s = at(size);
            assert!((s.pixel_ratio() - ratio).abs() < 1e-6, "{size:?}");
            assert_eq!(s.logical_size().map(f32::round), [1920.0, 1080.0]);
            // The 1080p slide's map: zoom 6 framed for 1200 points, shown 1920 wide.
            assert!((s.export_zoom() - (6.0 + (1.6f64).log2())).abs() < 1e-6);
        }
        // A4 at 300 dpi: about twice the pixels of 1080p, its own shape.
        let a4 = at([3508, 2480]);
        assert!((a4.pixel_ratio() - 2.048).abs() < 0.001);
        assert!((a4.logical_size()[1] / a4.logical_size()[0] - 2480.0 / 3508.0).abs() < 1e-4);
    }
}
