//! Go to: a text that is a coordinate in any accepted form, or else a place name resolved
//! as `resolve` does (for Ctrl+G and the `distance` command).

use crate::coords::{CoordError, LatLon, Parsed, format_decimal, parse};
use crate::search::{MatchKind, SearchHit, SearchIndex};

/// Where a go-to text points.
#[derive(Debug, Clone, PartialEq)]
pub enum GoTo {
    Coordinate(Parsed),
    /// A place and its point (a unit's label point, a town's point).
    Place {
        hit: Box<SearchHit>,
        at: LatLon,
    },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::CoordFormat;
    use crate::model::{Gazetteer, Town};

    fn index() -> SearchIndex {
        let town = |name: &str, lat: f64, lon: f64| Town {
            id: format!("town:pk:{name}"),
            name: name.to_owned(),
            aliases: vec![],
            country: "PAK".into(),
            lon,
            lat,
            population: None,
            rank: 5,
            province_id: None,
            district_id: None,
            native_names: vec![],
        };
        let g = Gazetteer::new(
            vec![],
            vec![
                town("Miran Shah", 33.00059, 70.07117),
                town("Chak 5", 31.0, 72.0),
            ],
        );
        let mut ix = SearchIndex::new();
        ix.add_gazetteer(&g);
        ix
    }

    #[test]
    fn coordinates_first_then_places() {
        let ix = index();
        let c = go_to("42SXB0006551861", &ix).unwrap();
        assert!(matches!(c, GoTo::Coordinate(p) if p.format == CoordFormat::Mgrs));
        assert_eq!(c.label(), "33.00059, 70.07117");
        let p = go_to("  Miramshah ", &ix).unwrap();
        assert_eq!(p.label(), "Miran Shah");
        assert_eq!((p.at().lat(), p.at().lon()), (33.00059, 70.07117));
        // A name with digits is found when it is exact.
        assert_eq!(go_to("Chak 5", &ix).unwrap().label(), "Chak 5");
    }

    #[test]
    fn errors_say_which_reading_failed() {
        let ix = index();
        assert_eq!(go_to("  ", &ix), Err(GoToError::Empty));
        assert_eq!(
            go_to("Atlantis", &ix).unwrap_err().to_string(),
            "no place called \"Atlantis\" in the gazetteer, and not a coordinate"
        );
        assert_eq!(
            go_to("42SXL0006551861", &ix).unwrap_err().to_string(),
            "not a coordinate: MGRS square XL does not exist in zone 42S"
        );
        // Digits and a near-miss name: the coordinate's error, not a guess.
        assert!(matches!(
            go_to("Chak 6", &ix),
            Err(GoToError::Coordinate(_))
        ));
    }
}
