//! The findings schema: the source report encoded as structured, human-editable findings
//! (`data/report/findings.json`), one verbatim quote each.

use serde::{Deserialize, Serialize};

use crate::model::UnitKind;

/// The findings file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingsFile {
    pub source: SourceMeta,
    pub findings: Vec<Finding>,
}

/// Where the findings come from. Fields the text does not give stay `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// The report text, relative to `data/report/`.
    pub file: String,
    pub title: Option<String>,
    /// ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as the text gives it.
    pub date: Option<String>,
    pub publisher: Option<String>,
    /// The document the text reports on, in the text's own words.
    pub refers_to: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What a finding says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    TrainingCentre,
    OperationalArea,
    SafeHaven,
    AttackActivity,
    Threat,
    Arrest,
    AtLarge,
    Counterterrorism,
    Formation,
    Takeover,
    FinancialSupport,
    Support,
    Association,
    Collaboration,
    Alliance,
    Ties,
    Influence,
    WingOf,
    Convergence,
    Rivalry,
    Risk,
    Recommendation,
}

impl FindingKind {
    /// Kinds that relate two groups (and carry a `relation`).
    pub fn is_relation(self) -> bool {
        use FindingKind::*;
        matches!(
            self,
            FinancialSupport
                | Support
                | Association
                | Collaboration
                | Alliance
                | Ties
                | Influence
                | WingOf
        )
    }
}

/// How exactly the finding's places locate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Country,
    Province,
    District,
    Town,
    Point,
}

impl Precision {
    /// Whether a gazetteer entry of `kind` has this precision (a town can stand for a point).
    pub fn fits(self, kind: UnitKind) -> bool {
        matches!(
            (self, kind),
            (Precision::Country, UnitKind::Country)
                | (Precision::Province, UnitKind::Province)
                | (Precision::District, UnitKind::District)
                | (Precision::Town | Precision::Point, UnitKind::Town)
        )
    }
}

/// A reference to a gazetteer entry by name, resolved at load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRef {
    pub name: String,
    pub kind: UnitKind,
    /// ISO3 country code.
    pub country: String,
    /// Gazetteer ID, only needed when name, kind and country are not unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A relationship between two groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub from: String,
    pub to: String,
    /// Short label in the text's terms ("financial and logistical support").
    pub label: String,
    /// `true` when it goes one way (support given, influence, wing of).
    pub directed: bool,
}

/// How a figure is qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exactly,
    Over,
    Under,
    Approximately,
    AtLeast,
    UpTo,
}

/// A number the text gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: f64,
    /// What is counted or the currency (`attacks`, `USD`).
    pub unit: String,
    /// Rate period (`month`) for amounts per period.
    #[serde(default)]
    pub per: Option<String>,
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// Year the figure refers to, when the text gives one.
    #[serde(default)]
    pub year: Option<i32>,
    /// The figure as written, verbatim from the quote (`over 600 attacks`).
    pub text: String,
}

/// A named person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    /// As the text gives it (`Afghan`, `Tajik`).
    #[serde(default)]
    pub nationality: Option<String>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    pub kind: FindingKind,
    /// Group IDs involved (named in the quote, or meant by it: see `note`).
    pub groups: Vec<String>,
    #[serde(default)]
    pub relation: Option<Relation>,
    #[serde(default)]
    pub places: Vec<PlaceRef>,
    /// Required when `places` is not empty; `null` otherwise.
    #[serde(default)]
    pub precision: Option<Precision>,
    /// Verbatim sentence from the report.
    pub quote: String,
    /// 1-based paragraph (non-empty line) of the report holding the quote.
    pub paragraph: usize,
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// When it happened, as the text gives it (`YYYY` or `YYYY-MM`).
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub people: Vec<Person>,
    /// Editor's note: what is implied rather than said, and why.
    #[serde(default)]
    pub note: Option<String>,
}
