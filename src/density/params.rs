//! What the user chose for the density views: the [`DensityQuery`] (filters, level,
//! weighting, bandwidth, classing, border distance) plus the timeline's bucket. Plain data.

use atlas_core::analysis::{ClassMethod, IncidentFilter, TimeBucket};

use super::model::{By, DensityQuery, Weight};

/// Every setting of the density views.
#[derive(Debug, Clone, PartialEq)]
pub struct DensityParams {
    pub query: DensityQuery,
    /// Timeline bars and play step.
    pub bucket: TimeBucket,
    /// Scale each frame's heatmap to its own peak instead of one scale every frame of a
    /// playback shares.
    pub rescale_per_frame: bool,
}

impl Default for DensityParams {
    fn default() -> Self {
        Self {
            query: DensityQuery::default(),
            bucket: TimeBucket::Month,
            rescale_per_frame: false,
        }
    }
}

impl DensityParams {
    /// The query without its date range (the timeline shows every date of the actor and
    /// event-type selection).
    pub fn undated(&self) -> DensityQuery {
        DensityQuery {
            filter: IncidentFilter {
                from: None,
                to: None,
                ..self.query.filter.clone()
            },
            ..self.query.clone()
        }
    }

    /// A key that changes whenever the heatmap's input changes.
    pub fn heat_key(&self) -> String {
        let q = &self.query;
        format!(
            "{:?}|{:?}|{}|{}",
            q.filter, q.weight, q.bandwidth_km, self.rescale_per_frame
        )
    }
}

/// Plural noun of a weighting: "events" / "fatalities".
pub fn weight_noun(w: Weight) -> &'static str {
    match w {
        Weight::Events => "events",
        Weight::Fatalities => "fatalities",
    }
}

/// Noun of a level: "province" / "district".
pub fn by_noun(by: By) -> &'static str {
    match by {
        By::Province => "province",
        By::District => "district",
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
    use chrono::NaiveDate;

    #[test]
    fn undated_keeps_actor_and_type_choices() {
        let mut p = DensityParams::default();
        p.query.filter.from = NaiveDate::from_ymd_opt(2024, 3, 1);
        p.query.filter.to = NaiveDate::from_ymd_opt(2024, 3, 31);
        p.query.filter.actors = vec!["A".into()];
        p.query.filter.event_types = vec!["Battles".into()];
        let all = p.undated();
        assert_eq!((all.filter.from, all.filter.to), (None, None));
        assert_eq!(all.filter.actors, vec!["A".to_string()]);
        assert_eq!(all.filter.event_types, vec!["Battles".to_string()]);
        assert_eq!(all.by, p.query.by);
    }

    #[test]
    fn heat_key_ignores_classing_but_not_bandwidth() {
        let a = DensityParams::default();
        let mut b = a.clone();
        b.query.method = ClassMethod::Quantile;
        b.query.by = By::Province;
        b.query.border_km = 80.0;
        assert_eq!(a.heat_key(), b.heat_key());
        b.query.bandwidth_km += 5.0;
        assert_ne!(a.heat_key(), b.heat_key());
    }
}
