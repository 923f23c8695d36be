//! Parsing the date formats the incident sources use ("2024-03-15", "15 March 2024",
//! "2024-03", "2024", GTD's year/month/day columns with 0 for unknown).

use chrono::NaiveDate;

use super::model::{DatePrecision, IncidentDate};

/// Parse a date as ACLED and generic files give it: ISO `2024-03-15` (a time part after `T` or
/// a space is ignored), `15 March 2024` / `15-March-2024` / `15 Mar 2024`, `2024/03/15`,
/// `March 15, 2024`; ISO month `2024-03` or `March 2024` (month precision); a bare year
/// `2024` (year precision).
pub fn parse_date(s: &str) -> Result<IncidentDate, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("empty date".into());
    }
    if let Some(d) = parse_iso_day(s).or_else(|| parse_day_month_year(s)) {
        return Ok(IncidentDate::day(d));
    }
    if let Some(d) = parse_month(s) {
        return Ok(IncidentDate {
            date: d,
            precision: DatePrecision::Month,
        });
    }
    for fmt in ["%Y/%m/%d", "%B %d, %Y", "%B %d %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Ok(IncidentDate::day(d));
        }
    }
    if s.len() == 4
        && let Ok(y) = s.parse::<i32>()
        && let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1)
    {
        return Ok(IncidentDate {
            date: d,
            precision: DatePrecision::Year,
        });
    }
    Err(format!("unrecognised date {s:?}"))
}

/// `YYYY-MM-DD`, optionally followed by `T...` or ` ...` (a time).
fn parse_iso_day(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| head.get(r)?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number from its English name or 3-letter abbreviation, any case.
fn month_number(name: &str) -> Option<u32> {
    let hit = |n: &&str| {
        n.eq_ignore_ascii_case(name) || (name.len() == 3 && n[..3].eq_ignore_ascii_case(name))
    };
    MONTHS.iter().position(hit).map(|i| i as u32 + 1)
}

/// ACLED's long form `15 March 2024` (also `15-March-2024`, `15 Mar 2024`), without going
/// through a format-string parser (this is the hot path of large ACLED imports).
fn parse_day_month_year(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split([' ', '-']).filter(|p| !p.is_empty());
    let d = parts.next()?.parse::<u32>().ok()?;
    let m = month_number(parts.next()?)?;
    let y = parts.next()?.parse::<i32>().ok()?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `YYYY-MM` or `March 2024` / `Mar 2024`.
fn parse_month(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() == 7 && b[4] == b'-' {
        let y = s.get(..4)?.parse::<i32>().ok()?;
        let m = s.get(5..)?.parse::<u32>().ok()?;
        return NaiveDate::from_ymd_opt(y, m, 1);
    }
    let mut parts = s.split_whitespace();
    let m = month_number(parts.next()?)?;
    let y = parts.next().filter(|y| y.len() == 4)?.parse::<i32>().ok()?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// A GTD-style date from year, month, day columns where month and/or day 0 means unknown:
/// day 0 gives month precision (first of the month), month 0 gives year precision.
pub fn parse_ymd_unknown_zero(year: &str, month: &str, day: &str) -> Result<IncidentDate, String> {
    let field = |name: &str, v: &str| -> Result<u32, String> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(0);
        }
        t.parse::<u32>()
            .map_err(|_| format!("{name} {v:?} is not a whole number"))
    };
    let y = year
        .trim()
        .parse::<i32>()
        .map_err(|_| format!("year {year:?} is not a whole number"))?;
    let m = field("month", month)?;
    let d = field("day", day)?;
    let bad = || format!("no such date {y}-{m:02}-{d:02}");
    match (m, d) {
        (0, _) => NaiveDate::from_ymd_opt(y, 1, 1)
            .map(|date| IncidentDate {
                date,
                precision: DatePrecision::Year,
            })
            .ok_or_else(bad),
        (m, 0) => NaiveDate::from_ymd_opt(y, m, 1)
            .map(|date| IncidentDate {
                date,
                precision: DatePrecision::Month,
            })
            .ok_or_else(bad),
        (m, d) => NaiveDate::from_ymd_opt(y, m, d)
            .map(IncidentDate::day)
            .ok_or_else(bad),
    }
}

/// A date range as UCDP gives it (start and end day): day precision when both are the same
/// day, month precision when both fall in one month, year precision otherwise. The stored
/// date is the start day.
pub fn from_range(start: NaiveDate, end: NaiveDate) -> IncidentDate {
    use chrono::Datelike;
    let precision = if start == end {
        DatePrecision::Day
    } else if (start.year(), start.month()) == (end.year(), end.month()) {
        DatePrecision::Month
    } else {
        DatePrecision::Year
    };
    IncidentDate {
        date: start,
        precision,
    }
}
