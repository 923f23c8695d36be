//! What the user chose for the density views: weighting, bandwidth, classing, level, time
//! window, actor / event-type filters and the border distance. Plain data, no egui.

use std::collections::BTreeSet;

use atlas_core::analysis::{ClassMethod, IncidentFilter, TimeBucket};
use chrono::NaiveDate;

/// What each incident contributes to the heatmap and the choropleth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weighting {
    /// One per event.
    Events,
    /// The event's fatalities (0 when the source gives none).
    Fatalities,
}

impl Weighting {
    /// Plural noun for legends: "events" / "fatalities".
    pub fn noun(self) -> &'static str {
        match self {
            Weighting::Events => "events",
            Weighting::Fatalities => "fatalities",
        }
    }
}

/// Admin level of the choropleth and of the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Province,
    District,
}

impl Level {
    pub fn noun(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
        }
    }
}

/// Default heatmap bandwidth (Gaussian standard deviation), km.
pub const DEFAULT_BANDWIDTH_KM: f64 = 15.0;
/// Default border distance for the "share within N km" figure, km.
pub const DEFAULT_BORDER_KM: f64 = 50.0;
/// Choropleth classes.
pub const CLASSES: usize = 5;

/// Every setting of the density views.
#[derive(Debug, Clone, PartialEq)]
pub struct DensityParams {
    pub weighting: Weighting,
    pub bandwidth_km: f64,
    pub method: ClassMethod,
    pub level: Level,
    /// First day shown (None: from the first event).
    pub from: Option<NaiveDate>,
    /// Last day shown (None: to the last event).
    pub to: Option<NaiveDate>,
    /// Actors kept (empty: all).
    pub actors: BTreeSet<String>,
    /// Event types kept (empty: all).
    pub event_types: BTreeSet<String>,
    pub border_km: f64,
    /// Timeline bars and play step.
    pub bucket: TimeBucket,
}

impl Default for DensityParams {
    fn default() -> Self {
        Self {
            weighting: Weighting::Events,
            bandwidth_km: DEFAULT_BANDWIDTH_KM,
            method: ClassMethod::NaturalBreaks,
            level: Level::District,
            from: None,
            to: None,
            actors: BTreeSet::new(),
            event_types: BTreeSet::new(),
            border_km: DEFAULT_BORDER_KM,
            bucket: TimeBucket::Month,
        }
    }
}

impl DensityParams {
    /// The core filter for these settings; `with_dates` false leaves the date range open
    /// (the timeline shows every date of the actor / type selection).
    pub fn filter(&self, with_dates: bool) -> IncidentFilter {
        IncidentFilter {
            from: self.from.filter(|_| with_dates),
            to: self.to.filter(|_| with_dates),
            actors: self.actors.iter().cloned().collect(),
            event_types: self.event_types.iter().cloned().collect(),
        }
    }

    /// A key that changes whenever the heatmap's input changes.
    pub fn heat_key(&self) -> String {
        format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{}",
            self.from, self.to, self.actors, self.event_types, self.weighting, self.bandwidth_km
        )
    }
}

/// Display name of a classing method.
pub fn method_name(m: ClassMethod) -> &'static str {
    match m {
        ClassMethod::Quantile => "Quantiles",
        ClassMethod::NaturalBreaks => "Natural breaks (Jenks)",
        ClassMethod::EqualInterval => "Equal interval",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_without_dates_keeps_actor_and_type_choices() {
        let mut p = DensityParams {
            from: NaiveDate::from_ymd_opt(2024, 3, 1),
            to: NaiveDate::from_ymd_opt(2024, 3, 31),
            ..Default::default()
        };
        p.actors.insert("A".into());
        p.event_types.insert("Battles".into());
        let all = p.filter(false);
        assert_eq!((all.from, all.to), (None, None));
        assert_eq!(all.actors, vec!["A".to_string()]);
        assert_eq!(all.event_types, vec!["Battles".to_string()]);
        let dated = p.filter(true);
        assert_eq!(dated.from, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(dated.to, NaiveDate::from_ymd_opt(2024, 3, 31));
    }

    #[test]
    fn heat_key_ignores_classing_but_not_bandwidth() {
        let a = DensityParams::default();
        let mut b = a.clone();
        b.method = ClassMethod::Quantile;
        b.level = Level::Province;
        b.border_km = 80.0;
        assert_eq!(a.heat_key(), b.heat_key());
        b.bandwidth_km = 20.0;
        assert_ne!(a.heat_key(), b.heat_key());
    }
}
