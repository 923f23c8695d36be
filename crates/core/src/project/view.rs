//! Saved views (bookmarks): where the map looks, optionally which layers show (as QGIS map
//! themes) and the title an export of the view carries.

use serde::{Deserialize, Serialize};

/// A named view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedView {
    pub name: String,
    /// lon, lat
    pub center: [f64; 2],
    /// Zoom as framed for a 1200-point-wide map (exports of other widths show the same area).
    pub zoom: f64,
    /// Layer ids shown in this view; `None` keeps the project's visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layers: Option<Vec<String>>,
    /// Export title and subtitle for this view (default: the layout's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
}

impl SavedView {
    pub fn new(name: impl Into<String>, center: [f64; 2], zoom: f64) -> Self {
        SavedView {
            name: name.into(),
            center,
            zoom,
            layers: None,
            title: None,
            subtitle: None,
        }
    }
}
