//! Scale bar: a round length in km whose on-screen length is right for the map's latitude.

use crate::scene::scale::nice_scale;

/// A scale bar for a map at `zoom` around latitude `lat`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleBar {
    pub km: f64,
    /// Length in points.
    pub points: f64,
}

impl ScaleBar {
    /// The longest round length (1, 2, 5 × 10ⁿ km) that fits in `max_points`.
    pub fn new(lat: f64, zoom: f64, max_points: f64) -> Self {
        let (km, points) = nice_scale(lat, zoom, max_points);
        Self { km, points }
    }

    pub fn label(&self) -> String {
        if self.km >= 1.0 {
            format!("{} km", self.km)
        } else {
            format!("{} m", self.km * 1000.0)
        }
    }
}
