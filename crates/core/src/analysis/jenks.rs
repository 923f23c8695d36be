//! Jenks natural breaks by Fisher's exact dynamic programme (minimum total within-class sum
//! of squared deviations). Large inputs are first reduced to an evenly spaced sample of the
//! sorted values.

/// Largest number of values the O(k·n²) programme runs on.
const MAX_VALUES: usize = 3000;

/// Breaks (min, upper bound of each class) for sorted, finite values and k ≥ 1 classes.
pub(crate) fn jenks_breaks(sorted: &[f64], k: usize) -> Vec<f64> {
    let sample: Vec<f64> = if sorted.len() > MAX_VALUES {
        let n = sorted.len();
        // Evenly spaced ranks, always keeping the first and last value.
        (0..MAX_VALUES)
            .map(|i| sorted[i * (n - 1) / (MAX_VALUES - 1)])
            .collect()
    } else {
        sorted.to_vec()
    };
    let n = sample.len();
    let k = k.min(n).max(1);
    // Prefix sums for O(1) squared deviation of any run.
    let mut s1 = vec![0.0; n + 1];
    let mut s2 = vec![0.0; n + 1];
    for (i, &x) in sample.iter().enumerate() {
        s1[i + 1] = s1[i] + x;
        s2[i + 1] = s2[i] + x * x;
    }
    let ssd = |a: usize, b: usize| {
        // values a..b (exclusive b)
        let m = (b - a) as f64;
        let s = s1[b] - s1[a];
        (s2[b] - s2[a] - s * s / m).max(0.0)
    };
    // cost[c][j]: best cost of the first j values in c+1 classes; from[c][j]: start of the last class.
    let mut cost = vec![vec![f64::INFINITY; n + 1]; k];
    let mut from = vec![vec![0usize; n + 1]; k];
    for (j, c) in cost[0].iter_mut().enumerate().skip(1) {
        *c = ssd(0, j);
    }
    for c in 1..k {
        for j in (c + 1)..=n {
            let mut best = (f64::INFINITY, c);
            for (i, &prev) in cost[c - 1].iter().enumerate().take(j).skip(c) {
                let v = prev + ssd(i, j);
                if v < best.0 {
                    best = (v, i);
                }
            }
            cost[c][j] = best.0;
            from[c][j] = best.1;
        }
    }
    // Walk back the class starts.
    let mut uppers = vec![sample[n - 1]];
    let mut j = n;
    for c in (1..k).rev() {
        let i = from[c][j];
        uppers.push(sample[i - 1]);
        j = i;
    }
    uppers.push(sample[0]);
    uppers.reverse();
    uppers
}
