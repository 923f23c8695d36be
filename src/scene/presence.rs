//! Where the report places each group: (group, place) pairs derived from the findings, at the
//! precision the text gives. Pure data, no egui.

use atlas_core::model::{EntryRef, Gazetteer, UnitKind};
use atlas_core::report::{FindingKind, Report};

/// One group placed at one gazetteer entry by one or more findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Presence {
    pub group: String,
    pub entry: EntryRef,
    pub kind: UnitKind,
    /// IDs of the findings that place the group here.
    pub findings: Vec<String>,
}

/// Finding kinds that say a group is (or acts) somewhere. Risks, threats and recommendations
/// name places without placing a group there.
fn places_group(kind: FindingKind) -> bool {
    use FindingKind::*;
    matches!(
        kind,
        TrainingCentre
            | OperationalArea
            | SafeHaven
            | AttackActivity
            | Arrest
            | AtLarge
            | Takeover
            | Convergence
    )
}

/// Every (group, place) pair, in findings order, merged per pair.
pub fn group_presence(report: &Report, gazetteer: &Gazetteer) -> Vec<Presence> {
    let mut out: Vec<Presence> = Vec::new();
    for rf in &report.findings {
        let f = &rf.finding;
        if !places_group(f.kind) {
            continue;
        }
        for entry in &rf.resolved {
            let Some(r) = gazetteer.get(&entry.id) else {
                continue;
            };
            for g in &f.groups {
                if let Some(p) = out.iter_mut().find(|p| &p.group == g && p.entry == r) {
                    if !p.findings.contains(&f.id) {
                        p.findings.push(f.id.clone());
                    }
                } else {
                    out.push(Presence {
                        group: g.clone(),
                        entry: r,
                        kind: entry.kind,
                        findings: vec![f.id.clone()],
                    });
                }
            }
        }
    }
    out
}

/// The training-centre findings' places (areas at province precision in the source report).
pub fn training_centres(report: &Report, gazetteer: &Gazetteer) -> Vec<(EntryRef, String)> {
    report
        .findings
        .iter()
        .filter(|rf| rf.finding.kind == FindingKind::TrainingCentre)
        .flat_map(|rf| {
            rf.resolved
                .iter()
                .filter_map(|e| Some((gazetteer.get(&e.id)?, rf.finding.id.clone())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_report_places_groups_at_their_honest_precision() {
        let dir = crate::scene::AtlasData::default_dir();
        let (g, _) = atlas_core::data::load_gazetteer(&dir);
        let (report, diags) = atlas_core::report::load_report(&dir, &g);
        assert!(diags.is_empty(), "{diags:?}");
        let p = group_presence(&report, &g);
        let at = |group: &str, kind: UnitKind| -> Vec<String> {
            let mut v: Vec<String> = p
                .iter()
                .filter(|p| p.group == group && p.kind == kind)
                .map(|p| g.entry(p.entry).name)
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            at("ttp", UnitKind::Province),
            ["Khost", "Kunar", "Nangarhar", "Paktika"]
        );
        assert_eq!(at("bla", UnitKind::District), ["Awaran", "Panjgur"]);
        assert_eq!(at("bla", UnitKind::Town), ["Dalbandin"]);
        assert!(at("ttp", UnitKind::Country).contains(&"Pakistan".to_owned()));
        // No pins for province-level claims: training centres are provinces, never towns.
        let camps = training_centres(&report, &g);
        assert_eq!(camps.len(), 4);
        assert!(
            camps
                .iter()
                .all(|(r, _)| g.entry(*r).kind == UnitKind::Province)
        );
    }
}
