//! The core data model: administrative units, towns and the gazetteer that indexes them.

mod admin;
mod gazetteer;
mod town;

pub use admin::{AdminUnit, UnitKind};
pub use gazetteer::{Entry, EntryRef, Gazetteer};
pub use town::Town;
