//! Go to: a text that is a coordinate in any accepted form, or else a place name resolved
//! as `resolve` does (for Ctrl+G and the `distance` command).

use crate::coords::{CoordError, LatLon, Parsed, format_decimal, parse};
use crate::search::{MatchKind, SearchHit, SearchIndex};

/// Where a go-to text points.
#[derive(Debug, Clone, PartialEq)]
pub enum GoTo {
    Coordinate(Parsed),
    /// A place and its point (a unit's label point, a town's point).
    Place { hit: Box<SearchHit>, at: LatLon },
}

impl GoTo {
    /// The position to go to.
    pub fn at(&self) -> LatLon {
        match self {
            GoTo::Coordinate(p) => p.at,
            GoTo::Place { at, .. } => *at,
        }
    }

    /// A short name for it: the place's name, or the coordinate in decimal degrees.
    pub fn label(&self) -> String {
        match self {
            GoTo::Coordinate(p) => format_decimal(p.at),
            GoTo::Place { hit, .. } => hit.name.clone(),
        }
    }
}

/// Why a go-to text points nowhere.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GoToError {
    #[error("nothing to go to: type a coordinate or a place name")]
    Empty,
    #[error("not a coordinate: {0}")]
    Coordinate(CoordError),
    #[error("no place called \"{0}\" in the gazetteer, and not a coordinate")]
    UnknownPlace(String),
}

/// Read `text` as a coordinate (decimal, DMS or MGRS) or else a place name. A text with
/// digits that does not parse as a coordinate gets the coordinate's error unless it is
/// exactly a place's name or alias.
pub fn go_to(text: &str, index: &SearchIndex) -> Result<GoTo, GoToError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(GoToError::Empty);
    }
    let coord_err = match parse(text) {
        Ok(p) => return Ok(GoTo::Coordinate(p)),
        Err(e) => e,
    };
    let best = index
        .resolve(text)
        .into_iter()
        .find_map(|h| LatLon::new(h.lat, h.lon).ok().map(|at| (h, at)));
    let numeric = text.chars().any(|c| c.is_ascii_digit());
    match best {
        Some((hit, at)) if !numeric || hit.matched <= MatchKind::Alias => Ok(GoTo::Place {
            hit: Box::new(hit),
            at,
        }),
        _ if numeric => Err(GoToError::Coordinate(coord_err)),
        _ => Err(GoToError::UnknownPlace(text.to_owned())),
    }
}
