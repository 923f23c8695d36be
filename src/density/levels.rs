//! What the density views need from the gazetteer and the basemap directory, prepared once:
//! each province's and district's index in the gazetteer (for its map shape) and the
//! Afghanistan–Pakistan border line.

use std::path::Path;

use atlas_core::analysis::{BorderLine, af_pk_border_from_file};
use atlas_core::diag::Diagnostic;
use atlas_core::model::{Gazetteer, UnitKind};

use super::model::By;

/// Gazetteer indices per level, and the border.
pub struct Levels {
    /// Gazetteer index of the i-th province (the order `DensityModel` counts in).
    pub province_gaz: Vec<usize>,
    /// Gazetteer index of the i-th district.
    pub district_gaz: Vec<usize>,
    /// The AF–PK border, if the boundary-lines file could be read.
    pub border: Option<BorderLine>,
    /// Why the border is missing, if it is.
    pub problems: Vec<Diagnostic>,
}

/// The Natural Earth file the border is taken from, under the basemap directory.
pub const BORDER_FILE: &str = "ne_10m_admin_0_boundary_lines_land.geojson";

impl Levels {
    /// From `gazetteer` and `basemap_dir`/[`BORDER_FILE`]; a missing or broken file leaves
    /// the border out and is reported in `problems`.
    pub fn new(gazetteer: &Gazetteer, basemap_dir: &Path) -> Self {
        let pick = |kind: UnitKind| -> Vec<usize> {
            let units = gazetteer.units.iter().enumerate();
            units
                .filter(|(_, u)| u.kind == kind)
                .map(|(i, _)| i)
                .collect()
        };
        let mut problems = Vec::new();
        let border = match af_pk_border_from_file(&basemap_dir.join(BORDER_FILE)) {
            Ok(line) => Some(BorderLine::new(&line)),
            Err(d) => {
                problems.push(d);
                None
            }
        };
        Levels {
            province_gaz: pick(UnitKind::Province),
            district_gaz: pick(UnitKind::District),
            border,
            problems,
        }
    }

    /// Gazetteer index of unit `k` of level `by`.
    pub fn gaz_index(&self, by: By, k: usize) -> Option<usize> {
        match by {
            By::Province => self.province_gaz.get(k).copied(),
            By::District => self.district_gaz.get(k).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_border_file_is_reported_not_fatal() {
        let g = Gazetteer::new(Vec::new(), Vec::new());
        let l = Levels::new(&g, Path::new("/nonexistent/basemap"));
        assert!(l.border.is_none());
        assert_eq!(l.problems.len(), 1);
        assert!(l.problems[0].file.ends_with(BORDER_FILE));
        assert_eq!(l.gaz_index(By::District, 0), None);
    }
}
