//! Parsing any accepted coordinate text: decimal degrees, degrees-minutes-seconds or MGRS.

use super::grid::{looks_like_mgrs, parse_mgrs};
use super::tokens::{Num, Token, Unit, tokenize};
use super::{CoordError, LatLon};

/// The form a coordinate was written in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum CoordFormat {
    /// Decimal degrees (the default display form).
    #[default]
    Decimal,
    Dms,
    Mgrs,
}

/// A parsed coordinate: the position (for MGRS, the centre of the cell) and its form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    pub at: LatLon,
    pub format: CoordFormat,
}

/// Parse a coordinate in any accepted form:
/// - decimal degrees, latitude first (`33.00059, 70.07117`, `33.00059 70.07117`), or in
///   either order with hemisphere letters (`33.00059N 70.07117E`, `E70.07117 N33.00059`);
/// - degrees, minutes, seconds with marks (`34°31'41.2"N 69°10'20.3"E`, unicode primes
///   `′ ″`), spelled units (`34d 31m 41.2s N`), or bare (`34 31 41.2 N 69 10 20.3 E`);
/// - MGRS with or without spaces (`42SXB0006551861`, `42S XB 00065 51861`).
///
/// ```
/// use atlas_core::coords::{parse, CoordFormat};
/// let p = parse("33.00059N 70.07117E").unwrap();
/// assert_eq!((p.at.lat(), p.at.lon(), p.format), (33.00059, 70.07117, CoordFormat::Decimal));
/// let err = parse("95, 70").unwrap_err().to_string();
/// assert!(err.starts_with("latitude 95 out of range (-90 to 90); write latitude first"));
/// ```
pub fn parse(text: &str) -> Result<Parsed, CoordError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CoordError::Empty);
    }
    let compact: String = text.split_whitespace().collect();
    if looks_like_mgrs(&compact) {
        let at = parse_mgrs(&compact)?;
        return Ok(Parsed {
            at,
            format: CoordFormat::Mgrs,
        });
    }
    let groups = split(tokenize(text)?)?;
    let [a, b] = groups.as_slice() else {
        return Err(CoordError::WrongCount(groups.len()));
    };
    let (va, vb) = (value(a)?, value(b)?);
    let at = assign_axes(va, vb)?;
    let format = if va.dms || vb.dms {
        CoordFormat::Dms
    } else {
        CoordFormat::Decimal
    };
    Ok(Parsed { at, format })
}

/// Split tokens into the two values: at a comma, at hemisphere letters, at a new degrees
/// value, or by counting bare numbers.
fn split(tokens: Vec<Token>) -> Result<Vec<Vec<Token>>, CoordError> {
    if tokens.is_empty() {
        return Err(CoordError::WrongCount(0));
    }
    let mut groups: Vec<Vec<Token>> = vec![Vec::new()];
    let has = |f: fn(&Token) -> bool| tokens.iter().any(f);
    if has(|t| matches!(t, Token::Sep)) {
        for t in tokens {
            match t {
                Token::Sep => groups.push(Vec::new()),
                t => {
                    if let Some(g) = groups.last_mut() {
                        g.push(t);
                    }
                }
            }
        }
        if groups.iter().any(Vec::is_empty) {
            return Err(CoordError::WrongCount(
                groups.iter().filter(|g| !g.is_empty()).count(),
            ));
        }
        return Ok(groups);
    }
    if has(|t| matches!(t, Token::Hemi(_))) {
        let prefix = matches!(tokens[0], Token::Hemi(_));
        for t in tokens {
            let hemi = matches!(t, Token::Hemi(_));
            if prefix && hemi && !groups.last().is_some_and(Vec::is_empty) {
                groups.push(Vec::new());
            }
            if let Some(g) = groups.last_mut() {
                g.push(t);
            }
            if !prefix && hemi {
                groups.push(Vec::new());
            }
        }
        groups.retain(|g| !g.is_empty());
        return Ok(groups);
    }
    let nums: Vec<Num> = tokens
        .into_iter()
        .filter_map(|t| match t {
            Token::Num(n) => Some(n),
            _ => None,
        })
        .collect();
    if nums.iter().any(|n| n.unit.is_some()) {
        return Ok(split_by_units(nums));
    }
    let half = match nums.len() {
        1 => return Err(CoordError::WrongCount(1)),
        2 | 4 | 6 => nums.len() / 2,
        n => return Err(CoordError::BareNumberCount(n)),
    };
    let mut first: Vec<Token> = nums.into_iter().map(Token::Num).collect();
    let second = first.split_off(half);
    Ok(vec![first, second])
}

/// Numbers with unit marks and no separator: a new value starts where the units stop
/// increasing (`34°31'41" 69°10'20"`).
fn split_by_units(nums: Vec<Num>) -> Vec<Vec<Token>> {
    let mut groups: Vec<Vec<Token>> = vec![Vec::new()];
    let mut last: Option<Unit> = None;
    for n in nums {
        let unit = n.unit.unwrap_or(next_unit(last));
        if last.is_some_and(|l| unit <= l) {
            groups.push(Vec::new());
            last = None;
        }
        last = Some(n.unit.unwrap_or(next_unit(last)));
        if let Some(g) = groups.last_mut() {
            g.push(Token::Num(n));
        }
    }
    groups
}

/// The unit a bare number stands for after `last` (degrees first); seconds stay seconds so
/// that a fourth number is reported as one too many.
fn next_unit(last: Option<Unit>) -> Unit {
    match last {
        None => Unit::Deg,
        Some(Unit::Deg) => Unit::Min,
        Some(_) => Unit::Sec,
    }
}

/// One value: signed degrees, its hemisphere letter if any, and whether it had minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Value {
    degrees: f64,
    hemi: Option<char>,
    dms: bool,
}

fn value(group: &[Token]) -> Result<Value, CoordError> {
    let text = describe(group);
    let mut hemi = None;
    let mut nums = Vec::new();
    for (i, t) in group.iter().enumerate() {
        match t {
            Token::Hemi(h) if hemi.is_none() && (i == 0 || i + 1 == group.len()) => hemi = Some(*h),
            Token::Hemi(h) => return Err(CoordError::MisplacedHemisphere(*h)),
            Token::Num(n) => nums.push(n),
            Token::Sep => {}
        }
    }
    if nums.is_empty() {
        return Err(CoordError::WrongCount(1));
    }
    if nums.len() > 3 {
        return Err(CoordError::TooManyParts(text));
    }
    let mut total = 0.0;
    let mut last: Option<Unit> = None;
    for (i, n) in nums.iter().enumerate() {
        let unit = n.unit.unwrap_or(next_unit(last));
        if last.is_some_and(|l| unit <= l) || (last.is_none() && unit != Unit::Deg) {
            return Err(CoordError::UnitOrder {
                unit: unit.as_str(),
                part: text,
            });
        }
        last = Some(unit);
        if n.fraction && i + 1 < nums.len() {
            return Err(CoordError::FractionNotLast(text));
        }
        if n.negative && i > 0 {
            return Err(CoordError::MisplacedSign(text));
        }
        total += match unit {
            Unit::Deg => n.value,
            Unit::Min if n.value >= 60.0 => return Err(CoordError::MinutesOutOfRange(n.value)),
            Unit::Min => n.value / 60.0,
            Unit::Sec if n.value >= 60.0 => return Err(CoordError::SecondsOutOfRange(n.value)),
            Unit::Sec => n.value / 3600.0,
        };
    }
    let negative = nums[0].negative;
    if negative && hemi.is_some() {
        return Err(CoordError::SignWithHemisphere(text));
    }
    if negative || matches!(hemi, Some('S' | 'W')) {
        total = -total;
    }
    Ok(Value {
        degrees: total,
        hemi,
        dms: nums.len() > 1,
    })
}

/// The value as written, for messages.
fn describe(group: &[Token]) -> String {
    group
        .iter()
        .map(|t| match t {
            Token::Num(n) => {
                let mark = match n.unit {
                    None => "",
                    Some(Unit::Deg) => "°",
                    Some(Unit::Min) => "'",
                    Some(Unit::Sec) => "\"",
                };
                format!("{}{mark}", n.text)
            }
            Token::Hemi(h) => h.to_string(),
            Token::Sep => ",".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which value is the latitude: the hemisphere letters say, else latitude comes first.
fn assign_axes(a: Value, b: Value) -> Result<LatLon, CoordError> {
    let is_lat = |h: char| matches!(h, 'N' | 'S');
    let (lat, lon) = match (a.hemi, b.hemi) {
        (Some(x), Some(y)) if is_lat(x) == is_lat(y) => {
            let axes = if is_lat(x) {
                "latitudes (N/S)"
            } else {
                "longitudes (E/W)"
            };
            return Err(CoordError::SameAxisTwice(axes));
        }
        (Some(x), _) if !is_lat(x) => (b.degrees, a.degrees),
        (None, Some(y)) if is_lat(y) => (b.degrees, a.degrees),
        (None, None) if a.degrees.abs() > 90.0 && b.degrees.abs() <= 90.0 => {
            return Err(CoordError::LatitudeFirst(a.degrees));
        }
        _ => (a.degrees, b.degrees),
    };
    LatLon::new(lat, lon)
}
