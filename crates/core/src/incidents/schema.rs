//! Telling the incident file formats apart by their header row, and finding columns by name.

use std::collections::HashMap;

use csv::StringRecord;

use super::parser::Record;

/// The incident file formats the importers understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Schema {
    /// ACLED export (`event_id_cnty`, `event_date`, `geo_precision`, ...).
    Acled,
    /// UCDP Georeferenced Event Dataset (`date_start`, `where_prec`, `best`, ...).
    UcdpGed,
    /// Global Terrorism Database (`eventid`, `iyear`, `imonth`, `iday`, `specificity`, ...).
    Gtd,
    /// None of the above: needs a caller-given [`super::ColumnMapping`].
    Generic,
    /// GeoJSON points (never detected from a CSV header).
    GeoJson,
}

impl Schema {
    pub fn name(self) -> &'static str {
        match self {
            Schema::Acled => "ACLED",
            Schema::UcdpGed => "UCDP GED",
            Schema::Gtd => "GTD",
            Schema::Generic => "generic CSV",
            Schema::GeoJson => "GeoJSON",
        }
    }
}

/// Detect the schema from the header names (case-insensitive, surrounding spaces and a UTF-8
/// byte-order mark ignored). Each known schema is recognised by columns only it has.
pub fn detect_schema<I, S>(headers: I) -> Schema
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let names: Vec<String> = headers.into_iter().map(|h| clean(h.as_ref())).collect();
    let has = |n: &str| names.iter().any(|h| h == n);
    if has("event_id_cnty") && has("event_date") {
        Schema::Acled
    } else if has("date_start") && has("where_prec") {
        Schema::UcdpGed
    } else if has("eventid") && has("iyear") && has("imonth") {
        Schema::Gtd
    } else {
        Schema::Generic
    }
}

fn clean(h: &str) -> String {
    h.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// Header name → column index (case-insensitive).
pub(crate) struct Columns {
    index: HashMap<String, usize>,
    pub(crate) len: usize,
}

impl Columns {
    pub(crate) fn new(headers: &StringRecord) -> Self {
        let mut index = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            index.entry(clean(h)).or_insert(i);
        }
        Columns {
            index,
            len: headers.len(),
        }
    }

    pub(crate) fn optional(&self, name: &str) -> Option<usize> {
        self.index.get(&clean(name)).copied()
    }

    pub(crate) fn required(&self, name: &str) -> Result<usize, super::ImportError> {
        self.optional(name)
            .ok_or_else(|| super::ImportError::MissingColumn(name.to_string()))
    }
}

/// A trimmed field, "" when the column is absent.
pub(crate) fn field<R: Record>(rec: &R, col: Option<usize>) -> &str {
    col.and_then(|c| rec.get(c)).map_or("", trim)
}

/// `str::trim`, without its Unicode scan when both ends are plainly not white space (ASCII
/// other than tab, line feed, vertical tab, form feed, carriage return and space).
fn trim(s: &str) -> &str {
    let solid = |b: u8| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ');
    match s.as_bytes() {
        [] => s,
        [first, .., last] if solid(*first) && solid(*last) => s,
        [only] if solid(*only) => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::trim;

    #[test]
    fn trim_is_str_trim() {
        let mut probes: Vec<String> = vec![String::new()];
        let chars = (0..0x3100u32).filter_map(char::from_u32);
        for c in chars.chain(['\u{feff}', '\u{205f}', '\u{3000}']) {
            for s in [
                format!("{c}"),
                format!("{c}a"),
                format!("a{c}"),
                format!("{c}ab{c}"),
                format!("a{c}b"),
            ] {
                probes.push(s);
            }
        }
        for s in &probes {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }
}
