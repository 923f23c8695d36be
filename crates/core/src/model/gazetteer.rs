//! The gazetteer: every admin unit and town, indexed by normalised name and alias.

use std::collections::HashMap;

use super::{AdminUnit, Town, UnitKind};
use crate::names::normalize;

/// Index into the gazetteer's units or towns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryRef {
    Unit(usize),
    Town(usize),
}

/// A resolved gazetteer entry, flattened for output.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub country: String,
    /// Name of the unit it lies in (province of a district, district of a town).
    pub parent: Option<String>,
    /// Province of a town (its district's parent), when known.
    pub province: Option<String>,
    pub aliases: Vec<String>,
    /// Names in Arabic script (towns, where GeoNames gives them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub native_names: Vec<String>,
    pub lon: f64,
    pub lat: f64,
    pub bbox: [f64; 4],
}

/// All admin units and towns, with a name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub units: Vec<AdminUnit>,
    pub towns: Vec<Town>,
    by_name: HashMap<String, Vec<EntryRef>>,
    by_id: HashMap<String, EntryRef>,
}

impl Gazetteer {
    pub fn new(units: Vec<AdminUnit>, towns: Vec<Town>) -> Self {
        let mut g = Gazetteer {
            units,
            towns,
            ..Default::default()
        };
        for (i, u) in g.units.iter().enumerate() {
            g.by_id.insert(u.id.clone(), EntryRef::Unit(i));
            for n in std::iter::once(&u.name).chain(&u.aliases) {
                push_unique(
                    g.by_name.entry(normalize(n)).or_default(),
                    EntryRef::Unit(i),
                );
            }
        }
        for (i, t) in g.towns.iter().enumerate() {
            g.by_id.insert(t.id.clone(), EntryRef::Town(i));
            for n in std::iter::once(&t.name).chain(&t.aliases) {
                push_unique(
                    g.by_name.entry(normalize(n)).or_default(),
                    EntryRef::Town(i),
                );
            }
        }
        g
    }

    /// Units of one kind (e.g. all provinces), in load order.
    pub fn units_of(&self, kind: UnitKind) -> impl Iterator<Item = &AdminUnit> {
        self.units.iter().filter(move |u| u.kind == kind)
    }

    pub fn unit(&self, id: &str) -> Option<&AdminUnit> {
        match self.by_id.get(id)? {
            EntryRef::Unit(i) => self.units.get(*i),
            EntryRef::Town(_) => None,
        }
    }

    pub fn town(&self, id: &str) -> Option<&Town> {
        match self.by_id.get(id)? {
            EntryRef::Town(i) => self.towns.get(*i),
            EntryRef::Unit(_) => None,
        }
    }

    pub fn get(&self, id: &str) -> Option<EntryRef> {
        self.by_id.get(id).copied()
    }

    /// Every normalised name key in the index (for text extraction).
    pub fn name_keys(&self) -> impl Iterator<Item = (&str, &[EntryRef])> {
        self.by_name.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Exact (normalised) lookup, AF/PK entries first, then by kind (country, province,
    /// district, town) and name.
    pub fn lookup(&self, name: &str) -> Vec<EntryRef> {
        let mut refs = self
            .by_name
            .get(&normalize(name))
            .cloned()
            .unwrap_or_default();
        refs.sort_by_key(|r| {
            let e = self.entry(*r);
            (!matches!(e.country.as_str(), "AFG" | "PAK"), e.kind, e.name)
        });
        refs
    }

    /// Resolve a name to flattened entries (see [`Gazetteer::lookup`] for the order).
    pub fn resolve(&self, name: &str) -> Vec<Entry> {
        self.lookup(name)
            .into_iter()
            .map(|r| self.entry(r))
            .collect()
    }

    /// Flatten one entry.
    pub fn entry(&self, r: EntryRef) -> Entry {
        match r {
            EntryRef::Unit(i) => {
                let u = &self.units[i];
                Entry {
                    id: u.id.clone(),
                    name: u.name.clone(),
                    kind: u.kind,
                    country: u.country.clone(),
                    parent: u.parent_name.clone(),
                    province: match u.kind {
                        UnitKind::District => u.parent_name.clone(),
                        _ => None,
                    },
                    aliases: u.aliases.clone(),
                    native_names: Vec::new(),
                    lon: u.label[0],
                    lat: u.label[1],
                    bbox: u.bbox,
                }
            }
            EntryRef::Town(i) => {
                let t = &self.towns[i];
                let district = t.district_id.as_deref().and_then(|id| self.unit(id));
                let province = t.province_id.as_deref().and_then(|id| self.unit(id));
                Entry {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    kind: UnitKind::Town,
                    country: t.country.clone(),
                    parent: district.or(province).map(|u| u.name.clone()),
                    province: province.map(|u| u.name.clone()),
                    aliases: t.aliases.clone(),
                    native_names: t.native_names.clone(),
                    lon: t.lon,
                    lat: t.lat,
                    bbox: [t.lon, t.lat, t.lon, t.lat],
                }
            }
        }
    }

    /// The smallest admin unit of `kind` containing (lon, lat).
    pub fn unit_at(&self, kind: UnitKind, lon: f64, lat: f64) -> Option<&AdminUnit> {
        self.units_of(kind).find(|u| u.contains(lon, lat))
    }
}

fn push_unique(v: &mut Vec<EntryRef>, r: EntryRef) {
    if !v.contains(&r) {
        v.push(r);
    }
}
