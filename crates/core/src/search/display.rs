//! How the window lists and frames a search result: a one-line label and the zoom to view
//! it at.

use super::{HitKind, SearchHit};

/// The map zoom to show a result of `kind` at: a country whole (5), a province (7), a
/// district (8.5), a town and its surroundings (10).
pub fn zoom_for(kind: HitKind) -> f64 {
    match kind {
        HitKind::Country => 5.0,
        HitKind::Province => 7.0,
        HitKind::District => 8.5,
        HitKind::Town | HitKind::IncidentPlace => 10.0,
        HitKind::Group | HitKind::Finding => 7.0,
    }
}

/// A result in one line: name, kind, parent and country, the parts that are known joined by
/// ` · ` (`Chaman · town · Qila Abdullah · PAK`).
pub fn result_label(h: &SearchHit) -> String {
    let mut parts = vec![h.name.as_str(), h.kind.as_str()];
    parts.extend(h.parent.as_deref().filter(|p| !p.is_empty()));
    parts.extend(h.country.as_deref().filter(|c| !c.is_empty()));
    parts.join(" · ")
}
