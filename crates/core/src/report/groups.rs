//! The group dictionary: militant groups with their names, aliases, display colour index and
//! map anchor, read from `data/report/groups.json`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::jsonfile::{line_of_id, line_of_id_nth, parse_json};
use crate::REGION_BBOX;
use crate::diag::Diagnostic;

/// Number of colours in the palette the app maps `colour_index` to
/// ([`crate::palette::GROUP_COLOURS`], colour-blind safe, every pair ΔE ≥ 15).
pub const PALETTE_SIZE: u8 = crate::palette::GROUP_COLOURS.len() as u8;

/// One group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable ID used by findings (`ttp`, `isk`, …).
    pub id: String,
    /// Full name.
    pub name: String,
    /// Short name for labels (`TTP`).
    pub short: String,
    /// Other names and abbreviations matched in free text (the full and short names are
    /// matched too). An alias written without lowercase letters (`TTP`) only matches text
    /// written without lowercase letters.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Abbreviations that also mean other things (`MB`, `TIP`): matched only in a text that
    /// also names the group by an unambiguous name.
    #[serde(default)]
    pub ambiguous_aliases: Vec<String>,
    /// The group this one is a wing or branch of, if any.
    #[serde(default)]
    pub parent: Option<String>,
    /// Index into the app's palette, `0..PALETTE_SIZE`.
    pub colour_index: u8,
    /// `[lon, lat]` where the group's label / network node is drawn.
    pub anchor: [f64; 2],
    /// How the anchor was chosen.
    pub anchor_note: String,
}

impl Group {
    /// Every name this group is matched by, with whether it is ambiguous.
    pub fn match_names(&self) -> impl Iterator<Item = (&str, bool)> {
        [self.name.as_str(), self.short.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .map(|n| (n, false))
            .chain(self.ambiguous_aliases.iter().map(|n| (n.as_str(), true)))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    groups: Vec<Group>,
}

/// All groups, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupDictionary {
    pub groups: Vec<Group>,
}

impl GroupDictionary {
    /// Read and validate a groups file. Invalid groups are reported and left out.
    pub fn load(path: &Path) -> (Self, Vec<Diagnostic>) {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_json(&text, path),
            Err(e) => (
                Self::default(),
                vec![Diagnostic::new(path, None, format!("cannot read: {e}"))],
            ),
        }
    }

    /// Parse and validate groups JSON; `file` names it in diagnostics.
    pub fn from_json(text: &str, file: &Path) -> (Self, Vec<Diagnostic>) {
        let (parsed, mut diags) = parse_json::<GroupsFile, Group>(text, file, "groups");
        let groups = parsed.map(|f| f.groups).unwrap_or_default();
        let dict = GroupDictionary { groups };
        let (dict, more) = dict.validated(text, file);
        diags.extend(more);
        (dict, diags)
    }

    /// Check IDs, names, colours and anchors; returns the valid groups and the problems.
    fn validated(self, text: &str, file: &Path) -> (Self, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut keep = Vec::new();
        for g in &self.groups {
            let nth = *seen.get(g.id.as_str()).unwrap_or(&0);
            seen.insert(&g.id, nth + 1);
            let mut problems = Vec::new();
            if g.id.is_empty()
                || !g
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                problems.push("id must be lowercase ASCII letters, digits or `_`".to_owned());
            }
            if nth > 0 {
                problems.push("duplicate id".to_owned());
            }
            if g.name.trim().is_empty() || g.short.trim().is_empty() {
                problems.push("empty name or short name".to_owned());
            }
            if g.colour_index >= PALETTE_SIZE {
                problems.push(format!(
                    "colour_index {} is not below {PALETTE_SIZE}",
                    g.colour_index
                ));
            }
            let [lon, lat] = g.anchor;
            let [x0, y0, x1, y1] = REGION_BBOX;
            if !(lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1) {
                problems.push(format!(
                    "anchor [{lon}, {lat}] is outside the region {REGION_BBOX:?}"
                ));
            }
            if problems.is_empty() {
                keep.push(g.clone());
            }
            let line = line_of_id_nth(text, &g.id, nth);
            for m in problems {
                diags.push(Diagnostic::new(
                    file,
                    line,
                    format!("group `{}`: {m} (group left out)", g.id),
                ));
            }
        }
        let ids: HashSet<&str> = keep.iter().map(|g| g.id.as_str()).collect();
        for g in &keep {
            if let Some(p) = &g.parent
                && !ids.contains(p.as_str())
            {
                diags.push(Diagnostic::new(
                    file,
                    line_of_id(text, &g.id),
                    format!("group `{}`: parent `{p}` is not a known group", g.id),
                ));
            }
        }
        (GroupDictionary { groups: keep }, diags)
    }

    pub fn get(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The group a name or alias denotes (case- and punctuation-insensitive).
    pub fn find_by_name(&self, name: &str) -> Option<&Group> {
        let key = super::fold::fold_name(name);
        self.groups.iter().find(|g| {
            g.match_names()
                .any(|(n, _)| super::fold::fold_name(n) == key)
        })
    }
}
