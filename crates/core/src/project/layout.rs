//! The export layout a project keeps: image size and which furniture an export shows (title,
//! legend, scale bar, north arrow, inset, sources, time stamp, classification banners).

use serde::{Deserialize, Serialize};

/// Classification banner colour presets (common marking conventions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BannerPreset {
    #[default]
    Unclassified,
    Restricted,
    Confidential,
    Secret,
}

impl BannerPreset {
    pub const ALL: [BannerPreset; 4] = [
        Self::Unclassified,
        Self::Restricted,
        Self::Confidential,
        Self::Secret,
    ];

    /// Background and text colours (RGB).
    pub fn colours(self) -> ([u8; 3], [u8; 3]) {
        match self {
            Self::Unclassified => ([0, 122, 51], [255, 255, 255]),
            Self::Restricted => ([255, 221, 0], [0, 0, 0]),
            Self::Confidential => ([0, 51, 160], [255, 255, 255]),
            Self::Secret => ([200, 16, 46], [255, 255, 255]),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Unclassified => "green (unclassified)",
            Self::Restricted => "yellow",
            Self::Confidential => "blue",
            Self::Secret => "red",
        }
    }

    /// The name the CLI and the project file use.
    pub fn key(self) -> &'static str {
        match self {
            Self::Unclassified => "unclassified",
            Self::Restricted => "restricted",
            Self::Confidential => "confidential",
            Self::Secret => "secret",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(s.trim()))
    }
}

/// A corner of the map, where the user puts the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

impl Corner {
    pub const ALL: [Corner; 4] = [
        Corner::TopLeft,
        Corner::TopRight,
        Corner::BottomLeft,
        Corner::BottomRight,
    ];

    /// The name in files and on the command line (`top_left` …).
    pub fn key(self) -> &'static str {
        match self {
            Corner::TopLeft => "top_left",
            Corner::TopRight => "top_right",
            Corner::BottomLeft => "bottom_left",
            Corner::BottomRight => "bottom_right",
        }
    }

    /// `top_left`, `top-left` or `Top left` …; `None` for anything else.
    pub fn parse(s: &str) -> Option<Corner> {
        let k = s.trim().to_lowercase().replace(['-', ' '], "_");
        Corner::ALL.into_iter().find(|c| c.key() == k)
    }
}

/// A banner drawn at the top and bottom of the image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Banner {
    pub text: String,
    #[serde(default)]
    pub preset: BannerPreset,
}

/// What an export shows around the map. Where the map looks comes from the view; the time
/// stamp is the time of each export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PageLayout {
    /// Width and height in pixels.
    pub size: [u32; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banner: Option<Banner>,
    pub legend: bool,
    pub scale_bar: bool,
    pub north_arrow: bool,
    /// The "Sources:" line.
    pub attribution: bool,
    /// Print the export date and time.
    pub timestamp: bool,
    /// Locator inset (the region among its neighbours, with the view's extent).
    pub inset: bool,
    /// Key the basemap's own symbols (international and disputed borders) in the legend.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub legend_basemap: bool,
    /// Where the legend goes; `None`: the corner where it covers no report place and the
    /// fewest labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legend_corner: Option<Corner>,
}

impl Default for PageLayout {
    fn default() -> Self {
        Self {
            size: [1920, 1080],
            title: None,
            subtitle: None,
            banner: None,
            legend: true,
            scale_bar: true,
            north_arrow: true,
            attribution: true,
            timestamp: true,
            inset: true,
            legend_basemap: false,
            legend_corner: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_parse_by_key_and_in_other_spellings() {
        for c in Corner::ALL {
            assert_eq!(Corner::parse(c.key()), Some(c));
        }
        assert_eq!(Corner::parse("Bottom-Right"), Some(Corner::BottomRight));
        assert_eq!(Corner::parse("top left"), Some(Corner::TopLeft));
        assert_eq!(Corner::parse("middle"), None);
    }

    #[test]
    fn presets_parse_by_key() {
        for p in BannerPreset::ALL {
            assert_eq!(BannerPreset::parse(p.key()), Some(p));
        }
        assert_eq!(BannerPreset::parse(" SECRET "), Some(BannerPreset::Secret));
        assert_eq!(BannerPreset::parse("top-secret"), None);
    }
}
