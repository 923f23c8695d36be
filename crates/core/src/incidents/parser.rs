//! Row parsers behind one enum: a record abstraction both import paths feed them through.

use csv::StringRecord;

use super::ImportError;
use super::acled::AcledRow;
use super::generic::GenericRow;
use super::gtd::GtdRow;
use super::import::CsvFormat;
use super::model::IncidentView;
use super::schema::{Columns, Schema};
use super::ucdp::UcdpRow;

/// The fields of one CSV record, as text.
pub(crate) trait Record {
    fn get(&self, i: usize) -> Option<&str>;
}

impl Record for StringRecord {
    fn get(&self, i: usize) -> Option<&str> {
        StringRecord::get(self, i)
    }
}

/// A record's fields laid end to end in `text`, field `i` ending at `ends[i]` (the layout
/// csv-core writes). Every end is a char boundary of `text`.
pub(crate) struct Fields<'a> {
    pub(crate) text: &'a str,
    pub(crate) ends: &'a [usize],
}

impl Record for Fields<'_> {
    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }
}

/// Parses one record of a known schema into a view borrowing the record (and the parser's
/// scratch buffer for composed fields).
pub(crate) trait RowParser {
    fn parse<'r, R: Record>(
        &'r mut self,
        rec: &'r R,
        line: usize,
    ) -> Result<IncidentView<'r>, String>;

    /// Whether `parse` uses its `line` argument (else 0 is passed, to save the lookup).
    fn wants_line(&self) -> bool {
        false
    }
}

/// The row parser of one schema; cloned for each chunk a parallel import parses.
#[derive(Clone)]
pub(crate) enum Parser {
    Acled(AcledRow),
    Ucdp(UcdpRow),
    Gtd(GtdRow),
    Generic(GenericRow),
}

impl Parser {
    /// The parser for `schema` (as detected or as `format` says) over the header's columns.
    pub(crate) fn new(
        schema: Schema,
        format: &CsvFormat,
        cols: &Columns,
    ) -> Result<Parser, ImportError> {
        Ok(match (schema, format) {
            (Schema::Acled, _) => Parser::Acled(AcledRow::new(cols)?),
            (Schema::UcdpGed, _) => Parser::Ucdp(UcdpRow::new(cols)?),
            (Schema::Gtd, _) => Parser::Gtd(GtdRow::new(cols)?),
            (Schema::Generic, CsvFormat::Generic(map)) => {
                Parser::Generic(GenericRow::new(cols, map)?)
            }
            (Schema::Generic | Schema::GeoJson, _) => return Err(ImportError::UnknownSchema),
        })
    }
}

impl RowParser for Parser {
    fn parse<'r, R: Record>(
        &'r mut self,
        rec: &'r R,
        line: usize,
    ) -> Result<IncidentView<'r>, String> {
        match self {
            Parser::Acled(p) => p.parse(rec, line),
            Parser::Ucdp(p) => p.parse(rec, line),
            Parser::Gtd(p) => p.parse(rec, line),
            Parser::Generic(p) => p.parse(rec, line),
        }
    }

    fn wants_line(&self) -> bool {
        match self {
            Parser::Acled(p) => p.wants_line(),
            Parser::Ucdp(p) => p.wants_line(),
            Parser::Gtd(p) => p.wants_line(),
            Parser::Generic(p) => p.wants_line(),
        }
    }
}
