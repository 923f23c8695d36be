//! Classing values for choropleth maps: quantiles, natural breaks (Jenks) and equal
//! intervals; class lookup and legend labels.

use super::jenks::jenks_breaks;

/// How to choose class breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClassMethod {
    /// Equal numbers of values per class.
    Quantile,
    /// Jenks natural breaks (minimum within-class variance, Fisher's exact method).
    NaturalBreaks,
    /// Classes of equal width between min and max.
    EqualInterval,
}

/// Class breaks: `breaks[0]` is the minimum, `breaks[i + 1]` the upper bound of class `i`
/// (inclusive). Class 0 is `[breaks[0], breaks[1]]`, class i > 0 is `(breaks[i], breaks[i+1]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    pub breaks: Vec<f64>,
}

/// Breaks for `values` (non-finite values ignored) into at most `k` classes. Repeated upper
/// bounds are merged, so heavily tied data (e.g. many zeros) can give fewer classes; the first
/// class may be just `[min, min]`. No finite values gives no classes.
pub fn classify(values: &[f64], method: ClassMethod, k: usize) -> Classes {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() || k == 0 {
        return Classes { breaks: Vec::new() };
    }
    v.sort_by(f64::total_cmp);
    let (min, max) = (v[0], v[v.len() - 1]);
    let mut breaks = match method {
        ClassMethod::EqualInterval => (0..=k)
            .map(|i| {
                if i == k {
                    max
                } else {
                    min + (max - min) * i as f64 / k as f64
                }
            })
            .collect(),
        ClassMethod::Quantile => quantile_breaks(&v, k),
        ClassMethod::NaturalBreaks => jenks_breaks(&v, k),
    };
    // Merge repeated upper bounds (the minimum stays, so a first class [min, min] survives).
    let mut uppers = breaks.split_off(1);
    uppers.dedup();
    breaks.extend(uppers);
    Classes { breaks }
}

/// Upper bound of class i = the value of nearest rank ⌈i·n/k⌉ (sorted input).
fn quantile_breaks(sorted: &[f64], k: usize) -> Vec<f64> {
    let n = sorted.len();
    let mut b = vec![sorted[0]];
    for i in 1..=k {
        let rank = (i * n).div_ceil(k).max(1);
        b.push(sorted[rank - 1]);
    }
    b
}

impl Classes {
    /// Number of classes.
    pub fn len(&self) -> usize {
        self.breaks.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Class of a value; values below the minimum go to class 0, above the maximum to the
    /// last class; `None` for non-finite values or no classes.
    pub fn class_of(&self, v: f64) -> Option<usize> {
        if !v.is_finite() || self.is_empty() {
            return None;
        }
        let uppers = &self.breaks[1..];
        Some(uppers.partition_point(|&u| u < v).min(self.len() - 1))
    }

    /// Legend labels "lo – hi" with `decimals` decimals, one per class.
    pub fn labels(&self, decimals: usize) -> Vec<String> {
        self.breaks
            .windows(2)
            .map(|w| format!("{:.*} – {:.*}", decimals, w[0], decimals, w[1]))
            .collect()
    }
}
