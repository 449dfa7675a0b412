//! Summary statistics for the benchmark (`src/bin/bench-ui/`): median, 95th percentile and
//! worst of a list of timings.

/// Median, 95th percentile and worst of some timings, in the timings' unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    pub p95: f64,
    pub worst: f64,
}

/// The summary of `values`, or None when there are none. The median of an even count is the
/// mean of the middle two; the 95th percentile is the nearest rank: the smallest value with at
/// least 95% of the values at or below it.
pub fn summary(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    // ceil(n × 95 / 100) in whole numbers (no rounding error at n = 20).
    let rank = (n * 95).div_ceil(100);
    Some(Summary {
        n,
        median,
        p95: v[rank.clamp(1, n) - 1],
        worst: v[n - 1],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_count() {
        // Sorted: 1 2 3 4 100. Median: the 3rd, 3. 95th: rank ceil(5 × 0.95) = ceil(4.75) = 5,
        // the 5th value, 100. Worst: 100.
        let s = summary(&[4.0, 100.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!((s.n, s.median, s.p95, s.worst), (5, 3.0, 100.0, 100.0));
    }

    #[test]
    fn even_count_and_twenty_values() {
        // Sorted: 1 2 3 10. Median: (2 + 3) / 2 = 2.5. 95th: rank ceil(3.8) = 4 → 10.
        let s = summary(&[10.0, 2.0, 3.0, 1.0]).unwrap();
        assert_eq!((s.median, s.p95, s.worst), (2.5, 10.0, 10.0));
        // 1..=20: median (10 + 11) / 2 = 10.5; 95th: rank ceil(20 × 0.95) = 19 → 19; worst 20.
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        let s = summary(&v).unwrap();
        assert_eq!((s.median, s.p95, s.worst), (10.5, 19.0, 20.0));
    }

    #[test]
    fn one_value_and_none() {
        let s = summary(&[7.5]).unwrap();
        assert_eq!((s.median, s.p95, s.worst), (7.5, 7.5, 7.5));
        assert_eq!(summary(&[]), None);
    }
}
