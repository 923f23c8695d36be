//! Regular raster grids over a lon/lat box, in plain lon/lat or in Web-Mercator rows, with
//! the true (spherical) area and size of each cell.

/// Earth radius used for areas and kernel sizes, km (IUGG mean radius, as geo's haversine).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// How rows are spaced: equal steps of latitude, or equal steps of Web-Mercator y (so the grid
/// can be drawn directly as an image on a Web-Mercator map).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GridProjection {
    LonLat,
    WebMercator,
}

/// A `width` × `height` grid over `bbox` (lon min, lat min, lon max, lat max). Row 0 is the
/// northern edge (image order), column 0 the western edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridSpec {
    pub bbox: [f64; 4],
    pub width: usize,
    pub height: usize,
    pub projection: GridProjection,
}

fn merc_y(lat: f64) -> f64 {
    let phi = lat.clamp(-85.0511, 85.0511).to_radians();
    (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln()
}

fn merc_lat(y: f64) -> f64 {
    (2.0 * y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees()
}

impl GridSpec {
    /// A grid; width/height are at least 1 and the box is put in order.
    pub fn new(bbox: [f64; 4], width: usize, height: usize, projection: GridProjection) -> Self {
        let [a, b, c, d] = bbox;
        GridSpec {
            bbox: [a.min(c), b.min(d), a.max(c), b.max(d)],
            width: width.max(1),
            height: height.max(1),
            projection,
        }
    }

    fn y_of(&self, lat: f64) -> f64 {
        match self.projection {
            GridProjection::LonLat => lat,
            GridProjection::WebMercator => merc_y(lat),
        }
    }

    fn lat_of(&self, y: f64) -> f64 {
        match self.projection {
            GridProjection::LonLat => y,
            GridProjection::WebMercator => merc_lat(y),
        }
    }

    /// Latitude of the horizontal grid line `k` (0 = north edge, `height` = south edge).
    pub fn row_edge_lat(&self, k: usize) -> f64 {
        let (top, bottom) = (self.y_of(self.bbox[3]), self.y_of(self.bbox[1]));
        self.lat_of(top + (bottom - top) * k as f64 / self.height as f64)
    }

    /// Longitude of the vertical grid line `k` (0 = west edge, `width` = east edge).
    pub fn col_edge_lon(&self, k: usize) -> f64 {
        self.bbox[0] + (self.bbox[2] - self.bbox[0]) * k as f64 / self.width as f64
    }

    /// Centre of cell (col, row) as (lon, lat) (middle in projected y).
    pub fn cell_center(&self, col: usize, row: usize) -> (f64, f64) {
        let lon =
            self.bbox[0] + (self.bbox[2] - self.bbox[0]) * (col as f64 + 0.5) / self.width as f64;
        let (top, bottom) = (self.y_of(self.bbox[3]), self.y_of(self.bbox[1]));
        let y = top + (bottom - top) * (row as f64 + 0.5) / self.height as f64;
        (lon, self.lat_of(y))
    }

    /// Position of (lon, lat) in cell units, measured so that cell centres are at whole
    /// numbers: (0.0, 0.0) is the centre of the north-west cell.
    pub fn fractional(&self, lon: f64, lat: f64) -> (f64, f64) {
        let fx = (lon - self.bbox[0]) / (self.bbox[2] - self.bbox[0]) * self.width as f64 - 0.5;
        let (top, bottom) = (self.y_of(self.bbox[3]), self.y_of(self.bbox[1]));
        let fy = (self.y_of(lat) - top) / (bottom - top) * self.height as f64 - 0.5;
        (fx, fy)
    }

    /// The cell holding (lon, lat), if inside the box.
    pub fn cell_of(&self, lon: f64, lat: f64) -> Option<(usize, usize)> {
        let (fx, fy) = self.fractional(lon, lat);
        let (c, r) = ((fx + 0.5).floor(), (fy + 0.5).floor());
        (c >= 0.0 && r >= 0.0 && (c as usize) < self.width && (r as usize) < self.height)
            .then_some((c as usize, r as usize))
    }

    /// True area of a cell in `row` on the sphere, km²: R² · Δλ · (sin φ_north − sin φ_south).
    pub fn cell_area_km2(&self, row: usize) -> f64 {
        let (n, s) = (
            self.row_edge_lat(row).to_radians(),
            self.row_edge_lat(row + 1).to_radians(),
        );
        let dlon = ((self.bbox[2] - self.bbox[0]) / self.width as f64).to_radians();
        EARTH_RADIUS_KM * EARTH_RADIUS_KM * dlon * (n.sin() - s.sin()).abs()
    }

    /// East–west and north–south size of a cell in `row` at its middle, km.
    pub fn cell_size_km(&self, row: usize) -> (f64, f64) {
        let (n, s) = (self.row_edge_lat(row), self.row_edge_lat(row + 1));
        let mid = ((n + s) / 2.0).to_radians();
        let dlon = ((self.bbox[2] - self.bbox[0]) / self.width as f64).to_radians();
        (
            EARTH_RADIUS_KM * mid.cos() * dlon,
            EARTH_RADIUS_KM * (n - s).abs().to_radians(),
        )
    }
}
