//! Splitting decimal-degree and DMS text into numbers, unit marks, hemisphere letters and
//! separators.

use super::CoordError;

/// A unit mark after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Deg,
    Min,
    Sec,
}

impl Unit {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Unit::Deg => "degrees",
            Unit::Min => "minutes",
            Unit::Sec => "seconds",
        }
    }
}

/// A number as written: value (without sign), sign, whether it had decimals, and its unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Num {
    pub value: f64,
    pub negative: bool,
    pub fraction: bool,
    pub unit: Option<Unit>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Num(Num),
    /// `N`, `S`, `E` or `W`.
    Hemi(char),
    /// `,` or `;`: between latitude and longitude.
    Sep,
}

/// Fold the many ways of writing degree, minute and second marks onto `°`, `'` and `"`.
fn fold_marks(text: &str) -> String {
    text.replace(['′', '’', '‘', 'ʹ', '`', '´'], "'")
        .replace("''", "\"")
        .replace(['″', '“', '”', 'ʺ', '〃'], "\"")
        .replace(['º', '˚', 'ᵒ'], "°")
        .replace('−', "-")
}

/// Tokenise a decimal or DMS coordinate.
pub(crate) fn tokenize(text: &str) -> Result<Vec<Token>, CoordError> {
    let folded = fold_marks(text);
    let chars: Vec<char> = folded.chars().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '/' {
            i += 1;
        } else if c == ',' || c == ';' {
            out.push(Token::Sep);
            i += 1;
        } else if c.is_ascii_digit() || c == '.' || c == '-' || c == '+' {
            let (num, next) = number(&chars, i)?;
            out.push(Token::Num(num));
            i = next;
        } else if matches!(c, '°' | '\'' | '"') {
            let unit = match c {
                '°' => Unit::Deg,
                '\'' => Unit::Min,
                _ => Unit::Sec,
            };
            attach(&mut out, unit, c, i)?;
            i += 1;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            word_token(&mut out, &word, c, start)?;
        } else {
            return Err(CoordError::UnexpectedChar(c, i + 1));
        }
    }
    Ok(out)
}

/// Read one number starting at `i`; returns it and the index after it.
fn number(chars: &[char], mut i: usize) -> Result<(Num, usize), CoordError> {
    let start = i;
    let negative = chars[i] == '-';
    if matches!(chars[i], '-' | '+') {
        i += 1;
    }
    let digits_start = i;
    let mut fraction = false;
    while i < chars.len() && (chars[i].is_ascii_digit() || (chars[i] == '.' && !fraction)) {
        fraction |= chars[i] == '.';
        i += 1;
    }
    let text: String = chars[start..i].iter().collect();
    let value: f64 = chars[digits_start..i]
        .iter()
        .collect::<String>()
        .parse()
        .map_err(|_| CoordError::UnexpectedChar(chars[start], start + 1))?;
    let num = Num {
        value,
        negative,
        fraction,
        unit: None,
        text,
    };
    Ok((num, i))
}

/// Attach a unit mark to the number just read.
fn attach(out: &mut [Token], unit: Unit, c: char, i: usize) -> Result<(), CoordError> {
    match out.last_mut() {
        Some(Token::Num(n)) if n.unit.is_none() => {
            n.unit = Some(unit);
            Ok(())
        }
        _ => Err(CoordError::UnexpectedChar(c, i + 1)),
    }
}

/// A word: a unit (`d`, `deg`, `m`, `min`, `s`, `sec`, …) or a hemisphere (`N`, `north`, …).
/// A lone `s` after minutes is seconds; otherwise it is south.
fn word_token(out: &mut Vec<Token>, word: &str, first: char, at: usize) -> Result<(), CoordError> {
    // `41.2sN`: a unit and a hemisphere run together.
    if word.len() >= 2
        && let Some(hemi) = word.chars().last()
        && matches!(hemi, 'n' | 's' | 'e' | 'w')
        && unit_word(&word[..word.len() - 1]).is_some()
    {
        word_token(out, &word[..word.len() - 1], first, at)?;
        return word_token(out, &hemi.to_string(), hemi, at + word.len() - 1);
    }
    let after_minutes = matches!(out.last(), Some(Token::Num(Num { unit: None, .. })))
        && out.iter().rev().nth(1).is_some_and(|t| {
            matches!(
                t,
                Token::Num(Num {
                    unit: Some(Unit::Min),
                    ..
                })
            )
        });
    let unit = match word {
        "s" => after_minutes.then_some(Unit::Sec),
        _ => unit_word(word),
    };
    if let Some(u) = unit {
        return attach(out, u, first, at);
    }
    let hemi = match word {
        "n" | "north" => 'N',
        "s" | "south" => 'S',
        "e" | "east" => 'E',
        "w" | "west" => 'W',
        _ => return Err(CoordError::UnexpectedChar(first, at + 1)),
    };
    out.push(Token::Hemi(hemi));
    Ok(())
}

/// The unit a word names (`s` alone is not here: it may be south).
fn unit_word(word: &str) -> Option<Unit> {
    match word {
        "d" | "deg" | "degs" | "degree" | "degrees" => Some(Unit::Deg),
        "m" | "min" | "mins" | "minute" | "minutes" => Some(Unit::Min),
        "s" | "sec" | "secs" | "second" | "seconds" => Some(Unit::Sec),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<String> {
        tokenize(text)
            .unwrap()
            .into_iter()
            .map(|t| match t {
                Token::Num(n) => format!("{}{:?}", n.text, n.unit),
                Token::Hemi(h) => h.to_string(),
                Token::Sep => ",".into(),
            })
            .collect()
    }

    #[test]
    fn marks_words_and_hemispheres() {
        assert_eq!(
            units("34°31′41.2″N"),
            ["34Some(Deg)", "31Some(Min)", "41.2Some(Sec)", "N"]
        );
        assert_eq!(
            units("34d 31m 41.2s S"),
            ["34Some(Deg)", "31Some(Min)", "41.2Some(Sec)", "S"]
        );
        assert_eq!(units("33.5S, -70"), ["33.5None", "S", ",", "-70None"]);
        assert_eq!(units("34 deg 31 min"), ["34Some(Deg)", "31Some(Min)"]);
        assert_eq!(units("10º30''"), ["10Some(Deg)", "30Some(Sec)"]);
        assert_eq!(units("north 33 / east 70"), ["N", "33None", "E", "70None"]);
        assert_eq!(
            units("34d31m41.2sN"),
            ["34Some(Deg)", "31Some(Min)", "41.2Some(Sec)", "N"]
        );
        assert_eq!(units("33 s"), ["33None", "S"]);
    }

    #[test]
    fn rejects_what_is_not_a_coordinate() {
        assert_eq!(tokenize("33 x 70"), Err(CoordError::UnexpectedChar('x', 4)));
        assert_eq!(tokenize("°33"), Err(CoordError::UnexpectedChar('°', 1)));
        assert_eq!(tokenize("33 # 70"), Err(CoordError::UnexpectedChar('#', 4)));
        assert_eq!(tokenize("33°° 70"), Err(CoordError::UnexpectedChar('°', 4)));
        assert!(tokenize("- 70").is_err());
        let n = match &tokenize("-33.5").unwrap()[0] {
            Token::Num(n) => n.clone(),
            t => panic!("{t:?}"),
        };
        assert!(n.negative && n.fraction && n.value == 33.5);
        assert_eq!(Unit::Sec.as_str(), "seconds");
    }
}
