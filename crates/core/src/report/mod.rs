//! The source report as structured findings, and place/group extraction from free text.
//!
//! - [`findings`]: the schema of `data/report/findings.json`; [`validate`] checks it against
//!   the report text and the group dictionary; [`resolve`] looks places up in the gazetteer.
//! - [`groups`]: the group dictionary (`data/report/groups.json`).
//! - [`network`]: relationships between groups as edges.
//! - [`extract`]: finding gazetteer places and groups in any text ([`Extractor`]).
//! - [`load_report`]: everything above from `data/report/`, with diagnostics.

pub mod camp_points;
mod context;
pub mod extract;
pub mod findings;
mod fold;
pub mod groups;
mod jsonfile;
mod load;
mod matcher;
pub mod network;
pub mod resolve;
mod resolve_rules;
pub mod sentences;
mod stoplist;
pub mod validate;

pub use camp_points::{CampPoint, read_camp_points};
pub use extract::{Extraction, Extractor, GroupMatch, Mention, PlaceMatch, extract};
pub use findings::{
    Figure, Finding, FindingKind, FindingsFile, Person, PlaceRef, Precision, Qualifier, Relation,
    SourceMeta,
};
pub use groups::{Group, GroupDictionary, PALETTE_SIZE};
pub use load::{
    FINDINGS_FILE, GROUPS_FILE, REPORT_FILE, Report, load_report, load_report_files, parse_findings,
};
pub use network::{Edge, Network, Node, NodeTag};
pub use resolve::{ResolvedFinding, resolve_findings, resolve_place};
pub use sentences::{SentenceSpan, split_sentences};
pub use stoplist::{COMMON_WORDS, NEVER_PLACES};
pub use validate::paragraphs;
