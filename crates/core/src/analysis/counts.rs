//! Counting incidents per admin unit, respecting each incident's location precision: an
//! event located only to a province is counted for its province, never for an arbitrary
//! district; at district level it goes to that province's "not assigned to a district" bucket.

use crate::incidents::LocationPrecision;
use crate::model::{AdminUnit, UnitKind};

use super::join::AdminIndex;

/// Where one incident falls at one admin level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// In this unit of the level (index into the level's units).
    Unit(u32),
    /// Located too coarsely for the level, inside this unit of the parent level (index into
    /// the parent's units): counted in the parent's "not assigned" bucket.
    Unassigned(u32),
    /// In no unit of the level (or, if too coarse, of the parent level).
    Outside,
}

/// Events and fatalities of one unit (or one "not assigned" bucket).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCount {
    pub id: String,
    pub name: String,
    pub country: String,
    pub events: u64,
    pub fatalities: u64,
}

/// Counts at one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    /// One entry per unit of the level, in the level's order (zero counts included).
    pub units: Vec<UnitCount>,
    /// One entry per parent unit that has events too coarse for the level: id
    /// `"<parent id>#unassigned"`, name `"<parent name> (not assigned to a district)"`.
    pub unassigned: Vec<UnitCount>,
    /// Events in no unit (and not in any parent unit).
    pub outside_events: u64,
    pub outside_fatalities: u64,
}

/// The finest location precision a unit of this kind can take: an event counts for a unit
/// of kind K only if its precision is at least this fine.
pub fn precision_for_kind(kind: UnitKind) -> LocationPrecision {
    match kind {
        UnitKind::District | UnitKind::Town => LocationPrecision::District,
        UnitKind::Province => LocationPrecision::Province,
        UnitKind::Country => LocationPrecision::Country,
    }
}

/// Place incidents at the level of `level` (one kind of unit). Incidents coarser than the
/// level's kind are placed in `parent` (the next level up), if given and precise enough for
/// it, else they are `Outside`.
pub fn place_incidents(
    lons: &[f64],
    lats: &[f64],
    precisions: &[LocationPrecision],
    level: &AdminIndex<'_>,
    parent: Option<&AdminIndex<'_>>,
) -> Vec<Placement> {
    let n = lons.len().min(lats.len()).min(precisions.len());
    let level_prec = level
        .units()
        .first()
        .map_or(LocationPrecision::Country, |u| precision_for_kind(u.kind));
    let parent_prec = parent
        .and_then(|p| p.units().first())
        .map(|u| precision_for_kind(u.kind));
    // Split into the points precise enough for the level and those that go to the parent.
    let (mut fine, mut coarse) = (Vec::new(), Vec::new());
    for (i, &p) in precisions[..n].iter().enumerate() {
        if p <= level_prec {
            fine.push(i);
        } else if parent_prec.is_some_and(|pp| p <= pp) {
            coarse.push(i);
        }
    }
    let mut out = vec![Placement::Outside; n];
    let gather = |idx: &[usize], v: &[f64]| idx.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    let found = level.locate_all(&gather(&fine, lons), &gather(&fine, lats));
    for (&i, f) in fine.iter().zip(found) {
        out[i] = f.map_or(Placement::Outside, Placement::Unit);
    }
    if let Some(parent) = parent {
        let found = parent.locate_all(&gather(&coarse, lons), &gather(&coarse, lats));
        for (&i, f) in coarse.iter().zip(found) {
            out[i] = f.map_or(Placement::Outside, Placement::Unassigned);
        }
    }
    out
}

fn zero(u: &AdminUnit) -> UnitCount {
    UnitCount {
        id: u.id.clone(),
        name: u.name.clone(),
        country: u.country.clone(),
        events: 0,
        fatalities: 0,
    }
}

/// The rows of one level's [`CountTable`] before counting: one slot per unit of the level,
/// then one per parent unit (its "not assigned" bucket), then one for "outside". Shared by
/// [`count_by_unit`] and the time cube, so that both name and order the rows alike.
#[derive(Debug, Clone)]
pub(super) struct CountSlots {
    units: Vec<UnitCount>,
    parent: Vec<UnitCount>,
    level_name: &'static str,
}

impl CountSlots {
    pub(super) fn new(level: &[AdminUnit], parent: &[AdminUnit]) -> Self {
        CountSlots {
            units: level.iter().map(zero).collect(),
            parent: parent.iter().map(zero).collect(),
            level_name: level.first().map_or("unit", |u| u.kind.as_str()),
        }
    }

    /// Number of slots (units, parent buckets, outside).
    pub(super) fn len(&self) -> usize {
        self.units.len() + self.parent.len() + 1
    }

    /// The slot a placement counts in (indices past the unit lists count as outside).
    pub(super) fn slot(&self, p: Placement) -> usize {
        let (n, m) = (self.units.len(), self.parent.len());
        match p {
            Placement::Unit(u) if (u as usize) < n => u as usize,
            Placement::Unassigned(u) if (u as usize) < m => n + u as usize,
            _ => n + m,
        }
    }

    /// The table for per-slot sums `[events, fatalities]` (`sums(slot)`).
    pub(super) fn table(&self, sums: impl Fn(usize) -> [u64; 2]) -> CountTable {
        let n = self.units.len();
        let fill = |(k, c): (usize, &UnitCount)| {
            let [events, fatalities] = sums(k);
            UnitCount {
                events,
                fatalities,
                ..c.clone()
            }
        };
        let units = self.units.iter().enumerate().map(fill).collect();
        let unassigned = self
            .parent
            .iter()
            .enumerate()
            .map(|(k, c)| (n + k, c))
            .filter(|&(k, _)| sums(k)[0] > 0)
            .map(fill)
            .map(|mut c| {
                c.id = format!("{}#unassigned", c.id);
                c.name = format!("{} (not assigned to a {})", c.name, self.level_name);
                c
            })
            .collect();
        let [outside_events, outside_fatalities] = sums(self.len() - 1);
        CountTable {
            units,
            unassigned,
            outside_events,
            outside_fatalities,
        }
    }
}

/// Sum events and fatalities (`fatalities[i]`, 0 where unknown; missing entries count 0) per
/// placement. `level` and `parent` must be the unit slices the placements index into.
pub fn count_by_unit(
    placements: &[Placement],
    fatalities: &[u32],
    level: &[AdminUnit],
    parent: Option<&[AdminUnit]>,
) -> CountTable {
    let slots = CountSlots::new(level, parent.unwrap_or(&[]));
    let mut sums = vec![[0u64; 2]; slots.len()];
    for (i, &p) in placements.iter().enumerate() {
        let f = fatalities.get(i).copied().unwrap_or(0) as u64;
        let s = &mut sums[slots.slot(p)];
        s[0] += 1;
        s[1] += f;
    }
    slots.table(|k| sums[k])
}
