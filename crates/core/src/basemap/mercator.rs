//! Web Mercator and XYZ slippy-tile math (the OpenStreetMap / walkers tile scheme).
//!
//! "World" coordinates are normalised Web Mercator: `x` runs 0..1 west to east from lon -180
//! to +180, `y` runs 0..1 north to south from lat +85.0511 to -85.0511. At zoom `z` the world is
//! `2^z` by `2^z` tiles; tile (0, 0) is the top-left (north-west) one.

use std::f64::consts::PI;

/// The latitude limit of Web Mercator (the world is square at this latitude).
pub const MAX_LAT: f64 = 85.051_128_779_806_59;

/// Highest zoom accepted by the tile functions (beyond this `2^z` stops being meaningful).
pub const MAX_ZOOM: u8 = 30;

/// Longitude/latitude (degrees) to normalised world coordinates (0..1, y down).
/// Latitude is clamped to ±[`MAX_LAT`].
pub fn lonlat_to_world(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - lat.tan().asinh() / PI) / 2.0;
    [x, y]
}

/// Normalised world coordinates back to longitude/latitude (degrees).
pub fn world_to_lonlat(world: [f64; 2]) -> (f64, f64) {
    let lon = world[0] * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * world[1])).sinh().atan().to_degrees();
    (lon, lat)
}

/// Number of tiles along one side of the world at zoom `z` (as f64; `z` is capped at [`MAX_ZOOM`]).
pub fn tiles_per_side(z: u8) -> f64 {
    f64::from(1u32 << z.min(MAX_ZOOM))
}

/// The tile (x, y) containing a longitude/latitude at zoom `z`.
/// Points on the world's east/south edge map into the last tile.
pub fn lonlat_to_tile(lon: f64, lat: f64, z: u8) -> (u32, u32) {
    let n = tiles_per_side(z);
    let [wx, wy] = lonlat_to_world(lon, lat);
    let max = n - 1.0;
    let tx = (wx * n).floor().clamp(0.0, max);
    let ty = (wy * n).floor().clamp(0.0, max);
    // In range 0..2^30 after the clamp, so the casts are exact.
    (tx as u32, ty as u32)
}

/// Longitude/latitude (degrees) of the north-west corner of tile (x, y) at zoom `z`.
/// `tile_to_lonlat(x + 1, y + 1, z)` gives the south-east corner.
pub fn tile_to_lonlat(x: u32, y: u32, z: u8) -> (f64, f64) {
    let n = tiles_per_side(z);
    world_to_lonlat([f64::from(x) / n, f64::from(y) / n])
}

/// World-coordinate bounds `[min_x, min_y, max_x, max_y]` of tile (x, y) at zoom `z`.
pub fn tile_world_bounds(z: u8, x: u32, y: u32) -> [f64; 4] {
    let n = tiles_per_side(z);
    let (x, y) = (f64::from(x), f64::from(y));
    [x / n, y / n, (x + 1.0) / n, (y + 1.0) / n]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn origin_and_corners() {
        assert_eq!(lonlat_to_world(0.0, 0.0), [0.5, 0.5]);
        let [x, y] = lonlat_to_world(-180.0, MAX_LAT);
        assert!(close(x, 0.0, 1e-12) && close(y, 0.0, 1e-9));
        let [x, y] = lonlat_to_world(180.0, -MAX_LAT);
        assert!(close(x, 1.0, 1e-12) && close(y, 1.0, 1e-9));
        // Latitudes beyond the limit are clamped, not NaN.
        assert!(close(lonlat_to_world(0.0, 89.9)[1], 0.0, 1e-9));
        assert_eq!(lonlat_to_tile(0.0, 0.0, 1), (1, 1));
        assert_eq!(lonlat_to_tile(180.0, -90.0, 3), (7, 7));
        assert_eq!(lonlat_to_tile(-180.0, 90.0, 3), (0, 0));
    }

    #[test]
    fn hand_computed_tiles() {
        // Kabul 69.17E 34.53N at z=8: x = 249.17/360*256 = 177.19;
        // y = (1 - asinh(tan 34.53°)/π)/2*256 = (1 - 0.64297/π)/2*256 = 101.81.
        assert_eq!(lonlat_to_tile(69.17, 34.53, 8), (177, 101));
        // Torkham 71.1E 34.1N at z=8: x = 178.56, y = 102.18.
        assert_eq!(lonlat_to_tile(71.1, 34.1, 8), (178, 102));
        // Arabian Sea 63E 21.5N at z=7: x = 243/360*128 = 86.4, y = 56.17.
        assert_eq!(lonlat_to_tile(63.0, 21.5, 7), (86, 56));
        // Same Torkham point at z=10: x = 714.24, y = 408.71.
        assert_eq!(lonlat_to_tile(71.1, 34.1, 10), (714, 408));
    }

    #[test]
    fn tile_corners_back_to_lonlat() {
        // Tile (177, 101) at z=8: west edge 177/256*360-180 = 68.90625,
        // north edge atan(sinh(π(1 - 2*101/256))) = 35.46067°.
        let (lon, lat) = tile_to_lonlat(177, 101, 8);
        assert!(close(lon, 68.906_25, 1e-9), "{lon}");
        assert!(close(lat, 35.460_67, 1e-4), "{lat}");
        // South-east corner = NW corner of (178, 102): 70.3125E, 34.30714N.
        let (lon, lat) = tile_to_lonlat(178, 102, 8);
        assert!(close(lon, 70.3125, 1e-9) && close(lat, 34.307_14, 1e-4));
        let (lon, lat) = tile_to_lonlat(0, 0, 0);
        assert!(close(lon, -180.0, 1e-12) && close(lat, MAX_LAT, 1e-9));
        let (lon, lat) = tile_to_lonlat(1, 1, 1);
        assert!(close(lon, 0.0, 1e-12) && close(lat, 0.0, 1e-12));
    }

    #[test]
    fn world_round_trip() {
        for &(lon, lat) in &[(69.17, 34.53), (-120.5, -45.0), (55.0, 20.0), (82.0, 42.0)] {
            let (lon2, lat2) = world_to_lonlat(lonlat_to_world(lon, lat));
            assert!(close(lon, lon2, 1e-9) && close(lat, lat2, 1e-9));
        }
        assert_eq!(tile_world_bounds(1, 1, 0), [0.5, 0.0, 1.0, 0.5]);
    }
}
