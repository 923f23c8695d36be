//! The admin levels incidents are counted in (provinces, districts) and the Afghanistan–
//! Pakistan border line, prepared once from the gazetteer and the basemap directory.

use std::path::Path;

use atlas_core::analysis::{BorderLine, af_pk_border_from_file};
use atlas_core::basemap::lonlat_to_world;
use atlas_core::diag::Diagnostic;
use atlas_core::model::{AdminUnit, Gazetteer, UnitKind};

/// Provinces and districts as contiguous slices (what the core's join wants), with each
/// unit's index in the gazetteer (for its prepared map shape), and the border.
pub struct Levels {
    pub provinces: Vec<AdminUnit>,
    pub districts: Vec<AdminUnit>,
    /// Gazetteer index of `provinces[i]`.
    pub province_gaz: Vec<usize>,
    /// Gazetteer index of `districts[i]`.
    pub district_gaz: Vec<usize>,
    /// The AF–PK border, if the boundary-lines file could be read.
    pub border: Option<BorderLine>,
    /// The border's parts in world coordinates (for drawing).
    pub border_world: Vec<Vec<[f64; 2]>>,
    /// Why the border is missing, if it is.
    pub problems: Vec<Diagnostic>,
}

/// The Natural Earth file the border is taken from, under the basemap directory.
pub const BORDER_FILE: &str = "ne_10m_admin_0_boundary_lines_land.geojson";

impl Levels {
    /// Units of `gazetteer` and the border from `basemap_dir`/[`BORDER_FILE`]; a missing or
    /// broken file leaves the border out and is reported in `problems`.
    pub fn new(gazetteer: &Gazetteer, basemap_dir: &Path) -> Self {
        let pick = |kind: UnitKind| -> (Vec<AdminUnit>, Vec<usize>) {
            gazetteer
                .units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.kind == kind)
                .map(|(i, u)| (u.clone(), i))
                .unzip()
        };
        let (provinces, province_gaz) = pick(UnitKind::Province);
        let (districts, district_gaz) = pick(UnitKind::District);
        let mut problems = Vec::new();
        let (border, border_world) = match af_pk_border_from_file(&basemap_dir.join(BORDER_FILE))
        {
            Ok(line) => {
                let world = line
                    .0
                    .iter()
                    .map(|ls| ls.coords().map(|c| lonlat_to_world(c.x, c.y)).collect())
                    .collect();
                (Some(BorderLine::new(&line)), world)
            }
            Err(d) => {
                problems.push(d);
                (None, Vec::new())
            }
        };
        Levels {
            provinces,
            districts,
            province_gaz,
            district_gaz,
            border,
            border_world,
            problems,
        }
    }

    /// An empty set of levels (no gazetteer, no border): everything counts as outside.
    pub fn empty() -> Self {
        Levels {
            provinces: Vec::new(),
            districts: Vec::new(),
            province_gaz: Vec::new(),
            district_gaz: Vec::new(),
            border: None,
            border_world: Vec::new(),
            problems: Vec::new(),
        }
    }
}
