//! What a search returns: the kind of thing found, where it is, and why it matched.

use serde::Serialize;

use crate::model::{EntryRef, UnitKind};

/// The kind of thing a search result is, in the order kinds are ranked on a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Country,
    Province,
    District,
    Town,
    Group,
    /// A place named in imported incidents (their location / admin names).
    IncidentPlace,
    /// A finding of the report whose text contains the query's words.
    Finding,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Country => "country",
            HitKind::Province => "province",
            HitKind::District => "district",
            HitKind::Town => "town",
            HitKind::Group => "group",
            HitKind::IncidentPlace => "incident place",
            HitKind::Finding => "finding",
        }
    }

    /// The gazetteer kinds (what `resolve` lists).
    pub fn is_place(self) -> bool {
        self.unit_kind().is_some()
    }

    pub fn unit_kind(self) -> Option<UnitKind> {
        match self {
            HitKind::Country => Some(UnitKind::Country),
            HitKind::Province => Some(UnitKind::Province),
            HitKind::District => Some(UnitKind::District),
            HitKind::Town => Some(UnitKind::Town),
            _ => None,
        }
    }

    pub fn from_unit_kind(k: UnitKind) -> HitKind {
        match k {
            UnitKind::Country => HitKind::Country,
            UnitKind::Province => HitKind::Province,
            UnitKind::District => HitKind::District,
            UnitKind::Town => HitKind::Town,
        }
    }
}

/// What a result refers to, for selecting it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitRef {
    /// A gazetteer unit or town (its ID is `SearchHit::id`).
    #[serde(skip)]
    Gazetteer(EntryRef),
    /// A group, by its ID in the group dictionary.
    Group(String),
    /// A finding, by its ID.
    Finding(String),
    /// Incidents at one named location: the first one's index in the store and how many.
    IncidentPlace { first: usize, events: usize },
}

/// How the query matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The name itself (ignoring case, diacritics, punctuation and spacing).
    Exact,
    /// An alias or transliteration listed for the entry.
    Alias,
    /// The same once common transliteration differences are folded (q/k, e/i, o/u, w/v,
    /// y/i, doubled letters: `Parachinaar`, `Qandahar`).
    Variant,
    /// The start of a name, or of a word in it (as you type).
    Prefix,
    /// Within a few typing errors (edit distance, via `strsim`).
    Fuzzy,
    /// Words of a finding's text.
    Text,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Alias => "alias",
            MatchKind::Variant => "variant",
            MatchKind::Prefix => "prefix",
            MatchKind::Fuzzy => "fuzzy",
            MatchKind::Text => "text",
        }
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub kind: HitKind,
    /// Display name (a finding's is the start of its quote).
    pub name: String,
    /// Gazetteer ID, group ID, finding ID, or the incident location's text.
    pub id: String,
    /// What it lies in or belongs to (district of a town, province of a district, parent
    /// group of a wing, admin unit of an incident place).
    pub parent: Option<String>,
    /// ISO3 code for gazetteer entries; as the source gives it for incident places.
    pub country: Option<String>,
    pub entry: HitRef,
    /// Higher is better: 1.0 exact, 0.95 alias, 0.9 variant, 0.8 prefix (0.75 of a later
    /// word), fuzzy 0.7 − 0.05 per edit (0.62 for one edit in an unfinished name), 0.4
    /// text; +0.01 inside Afghanistan/Pakistan.
    pub score: f32,
    pub matched: MatchKind,
    /// The name or alias that matched.
    pub matched_name: String,
    /// Why it matched, in words (`alias "Khowst"`, `2 typing errors from "Miran Shah"`).
    pub why: String,
    /// Where to zoom: a point (label point of a unit) and its extent.
    pub lon: f64,
    pub lat: f64,
    pub bbox: [f64; 4],
}
