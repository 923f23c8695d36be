//! WGS84 geodesics for the measuring tools: leg lengths and bearings, path totals, polygon
//! areas and range rings, through geo's `Geodesic` (Karney's algorithms, the GeographicLib
//! port), accurate to well under 1 m; and the label text the window and exports share.

mod label;
mod measure;
mod ring;

pub use label::{area_label, bearing_label, distance_label, leg_label, ring_label, total_label};
pub use measure::{
    Leg, PathMeasure, distance_m, initial_bearing_deg, measure_path, polygon_area_m2,
    polygon_perimeter_m,
};
pub use ring::{
    RING_SEGMENTS, RingError, destination, geodesic_points, parse_radius_km, range_ring,
};
