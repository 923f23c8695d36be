//! Compact column store of incidents: struct of arrays, repeated strings (actors, types,
//! places, sources) interned, IDs packed into one text buffer, notes compressed in blocks.

use chrono::NaiveDate;

use super::interner::{Interner, TextColumn};
use super::model::{DatePrecision, IncidentDate, IncidentView, LocationPrecision};
use super::notes::NoteColumn;

/// Sentinel for "no fatality count given".
const NO_FATALITIES: u32 = u32::MAX;

/// All incidents of one import, column by column. Index `i` is the same incident in every
/// column; [`IncidentStore::get`] assembles a view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentStore {
    ids: TextColumn,
    notes: NoteColumn,
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`).
    days: Vec<i32>,
    date_precision: Vec<u8>,
    lon: Vec<f64>,
    lat: Vec<f64>,
    location_precision: Vec<u8>,
    actor1: Vec<u32>,
    actor2: Vec<u32>,
    event_type: Vec<u32>,
    sub_event_type: Vec<u32>,
    fatalities: Vec<u32>,
    country: Vec<u32>,
    admin1: Vec<u32>,
    admin2: Vec<u32>,
    location: Vec<u32>,
    source: Vec<u32>,
    /// Shared by every interned column.
    strings: Interner,
}

impl IncidentStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store for one block of an import, whose rows are appended to the import's store:
    /// its notes are kept as plain text (they are compressed once, in the import's store).
    pub(crate) fn for_block() -> Self {
        IncidentStore {
            notes: NoteColumn::raw(),
            ..Self::default()
        }
    }

    pub fn len(&self) -> usize {
        self.days.len()
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    pub fn push(&mut self, v: &IncidentView<'_>) {
        use chrono::Datelike;
        self.ids.push(v.id);
        self.notes.push(v.notes);
        self.days.push(v.date.date.num_days_from_ce());
        self.date_precision.push(v.date.precision as u8);
        self.lon.push(v.lon);
        self.lat.push(v.lat);
        self.location_precision.push(v.location_precision as u8);
        let s = &mut self.strings;
        self.actor1.push(s.intern(v.actor1));
        self.actor2.push(s.intern(v.actor2));
        self.event_type.push(s.intern(v.event_type));
        self.sub_event_type.push(s.intern(v.sub_event_type));
        self.fatalities.push(
            v.fatalities
                .map_or(NO_FATALITIES, |f| f.min(NO_FATALITIES - 1)),
        );
        self.country.push(s.intern(v.country));
        self.admin1.push(s.intern(v.admin1));
        self.admin2.push(s.intern(v.admin2));
        self.location.push(s.intern(v.location));
        self.source.push(s.intern(v.source));
    }

    /// Remove every incident, keeping the columns' room (for a store reused per block).
    pub(crate) fn clear(&mut self) {
        self.ids.text.clear();
        self.ids.ends.clear();
        self.notes.clear();
        self.days.clear();
        self.date_precision.clear();
        self.lon.clear();
        self.lat.clear();
        self.location_precision.clear();
        for c in self.id_columns_mut() {
            c.clear();
        }
        self.strings.clear();
    }

    /// The interned columns and fatalities (the `u32` columns).
    fn id_columns_mut(&mut self) -> [&mut Vec<u32>; 10] {
        [
            &mut self.actor1,
            &mut self.actor2,
            &mut self.event_type,
            &mut self.sub_event_type,
            &mut self.fatalities,
            &mut self.country,
            &mut self.admin1,
            &mut self.admin2,
            &mut self.location,
            &mut self.source,
        ]
    }

    /// Append `other`'s incidents after this store's. Its strings are interned here in the
    /// order of its own IDs, which is the order it first met them in, so the store ends up
    /// exactly as if `other`'s incidents had been pushed here one by one (same string IDs).
    pub(crate) fn append(&mut self, other: &IncidentStore) {
        let ids: Vec<u32> = other
            .strings
            .strings()
            .map(|s| self.strings.intern(s))
            .collect();
        let map =
            |col: &mut Vec<u32>, from: &[u32]| col.extend(from.iter().map(|&i| ids[i as usize]));
        map(&mut self.actor1, &other.actor1);
        map(&mut self.actor2, &other.actor2);
        map(&mut self.event_type, &other.event_type);
        map(&mut self.sub_event_type, &other.sub_event_type);
        map(&mut self.country, &other.country);
        map(&mut self.admin1, &other.admin1);
        map(&mut self.admin2, &other.admin2);
        map(&mut self.location, &other.location);
        map(&mut self.source, &other.source);
        self.ids.append(&other.ids);
        self.notes.append(&other.notes);
        self.days.extend_from_slice(&other.days);
        self.date_precision.extend_from_slice(&other.date_precision);
        self.lon.extend_from_slice(&other.lon);
        self.lat.extend_from_slice(&other.lat);
        self.location_precision
            .extend_from_slice(&other.location_precision);
        self.fatalities.extend_from_slice(&other.fatalities);
    }

    /// The incident at `i`; `None` past the end. Its notes' block is decompressed on first
    /// access and kept, so that the view can borrow the text.
    pub fn get(&self, i: usize) -> Option<IncidentView<'_>> {
        let s = &self.strings;
        Some(IncidentView {
            id: self.ids.get(i),
            date: self.date(i)?,
            lon: *self.lon.get(i)?,
            lat: *self.lat.get(i)?,
            location_precision: self.location_precision(i)?,
            actor1: s.get(self.actor1[i]),
            actor2: s.get(self.actor2[i]),
            event_type: s.get(self.event_type[i]),
            sub_event_type: s.get(self.sub_event_type[i]),
            fatalities: self.fatalities(i),
            country: s.get(self.country[i]),
            admin1: s.get(self.admin1[i]),
            admin2: s.get(self.admin2[i]),
            location: s.get(self.location[i]),
            source: s.get(self.source[i]),
            notes: self.notes.get(i),
        })
    }

    /// Location, admin2, admin1 and country of incident `i`, without touching its notes.
    pub fn place_names(&self, i: usize) -> Option<[&str; 4]> {
        let s = &self.strings;
        let at = |col: &[u32]| col.get(i).map(|&id| s.get(id));
        Some([
            at(&self.location)?,
            at(&self.admin2)?,
            at(&self.admin1)?,
            at(&self.country)?,
        ])
    }

    /// Every incident in order. Reading the notes decompresses their blocks, which the store
    /// then keeps (see [`IncidentStore::get`]).
    pub fn iter(&self) -> impl Iterator<Item = IncidentView<'_>> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    pub fn date(&self, i: usize) -> Option<IncidentDate> {
        let date = NaiveDate::from_num_days_from_ce_opt(*self.days.get(i)?)?;
        Some(IncidentDate {
            date,
            precision: DatePrecision::from_u8(self.date_precision[i]),
        })
    }

    pub fn location_precision(&self, i: usize) -> Option<LocationPrecision> {
        self.location_precision
            .get(i)
            .map(|&p| LocationPrecision::from_u8(p))
    }

    pub fn fatalities(&self, i: usize) -> Option<u32> {
        self.fatalities
            .get(i)
            .copied()
            .filter(|&f| f != NO_FATALITIES)
    }

    /// Longitudes, one per incident (for the analysis functions).
    pub fn lons(&self) -> &[f64] {
        &self.lon
    }

    pub fn lats(&self) -> &[f64] {
        &self.lat
    }

    /// Location precisions, one per incident.
    pub fn location_precisions(&self) -> Vec<LocationPrecision> {
        self.location_precision
            .iter()
            .map(|&p| LocationPrecision::from_u8(p))
            .collect()
    }

    /// Days since 0001-01-01 of each incident's stated date.
    pub fn days(&self) -> &[i32] {
        &self.days
    }

    /// Raw date precision codes (`DatePrecision as u8`).
    pub fn date_precision_codes(&self) -> &[u8] {
        &self.date_precision
    }

    /// Fatalities per incident, 0 where not given (for weighting).
    pub fn fatality_weights(&self) -> Vec<f64> {
        self.fatalities
            .iter()
            .map(|&f| if f == NO_FATALITIES { 0.0 } else { f as f64 })
            .collect()
    }

    /// Fatalities per incident, 0 where not given (for [`crate::analysis::count_by_unit`]).
    pub fn fatality_counts(&self) -> Vec<u32> {
        self.fatalities
            .iter()
            .map(|&f| if f == NO_FATALITIES { 0 } else { f })
            .collect()
    }

    /// Interned actor1 IDs (compare with [`IncidentStore::string_id`]).
    pub fn actor1_ids(&self) -> &[u32] {
        &self.actor1
    }

    pub fn actor2_ids(&self) -> &[u32] {
        &self.actor2
    }

    pub fn event_type_ids(&self) -> &[u32] {
        &self.event_type
    }

    /// The interned ID of a string, if any incident uses it in an interned column.
    pub fn string_id(&self, s: &str) -> Option<u32> {
        self.strings.lookup(s)
    }

    pub fn string(&self, id: u32) -> &str {
        self.strings.get(id)
    }

    /// Distinct values of an interned column, sorted, without "".
    pub fn distinct(&self, column: &[u32]) -> Vec<&str> {
        let mut ids: Vec<u32> = column.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut out: Vec<&str> = ids
            .into_iter()
            .map(|id| self.strings.get(id))
            .filter(|s| !s.is_empty())
            .collect();
        out.sort_unstable();
        out
    }

    /// Approximate heap bytes held (for the compactness budget).
    pub fn heap_bytes(&self) -> usize {
        let n = self.days.capacity();
        self.ids.text.capacity()
            + 8 * self.ids.ends.capacity()
            + self.notes.heap_bytes()
            + n * (4 + 1 + 8 + 8 + 1 + 4 * 10)
            + self.strings.heap_bytes()
    }

    /// Shrink every column to its length (after an import).
    pub fn shrink_to_fit(&mut self) {
        self.ids.text.shrink_to_fit();
        self.ids.ends.shrink_to_fit();
        self.notes.shrink_to_fit();
        self.days.shrink_to_fit();
        self.date_precision.shrink_to_fit();
        self.lon.shrink_to_fit();
        self.lat.shrink_to_fit();
        self.location_precision.shrink_to_fit();
        for c in self.id_columns_mut() {
            c.shrink_to_fit();
        }
    }
}

impl<'a> FromIterator<IncidentView<'a>> for IncidentStore {
    fn from_iter<T: IntoIterator<Item = IncidentView<'a>>>(iter: T) -> Self {
        let mut s = IncidentStore::new();
        for v in iter {
            s.push(&v);
        }
        s
    }
}
