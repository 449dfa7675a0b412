//! Chart axes as people read them: round ticks ("nice numbers": steps of 1, 2, 2.5 or 5 times a
//! power of ten), percentage axes kept within 0–100, and period labels thinned so that none
//! overlap at the chart's width.

/// A value axis: from `lo` to `hi` in steps of `step`, with the ticks to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub ticks: Vec<f64>,
    /// Decimals a tick needs to be written exactly (0 for a step of 5, 1 for 0.5 or 2.5 is 1).
    pub decimals: u8,
}

/// The round step nearest above `raw`: 1, 2, 2.5 or 5 times a power of ten.
fn nice_step(raw: f64) -> f64 {
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let n = if f <= 1.0 + 1e-9 {
        1.0
    } else if f <= 2.0 + 1e-9 {
        2.0
    } else if f <= 2.5 + 1e-9 {
        2.5
    } else if f <= 5.0 + 1e-9 {
        5.0
    } else {
        10.0
    };
    n * mag
}

fn decimals_of(step: f64) -> u8 {
    let mut d = 0u8;
    let mut s = step;
    while d < 6 && (s - s.round()).abs() > 1e-6 {
        s *= 10.0;
        d += 1;
    }
    d
}

/// An axis covering every value from `min` to `max` with about `max_ticks` round ticks (at
/// most `max_ticks`, at least two). With `percent`, the axis never goes below 0 or above 100.
pub fn nice_axis(min: f64, max: f64, max_ticks: usize, percent: bool) -> Axis {
    let (mut min, mut max) = if min <= max { (min, max) } else { (max, min) };
    if !min.is_finite() || !max.is_finite() {
        (min, max) = (0.0, 1.0);
    }
    if (max - min).abs() < 1e-9 {
        // One value: a band around it.
        let pad = if max == 0.0 { 1.0 } else { max.abs() * 0.1 };
        min -= pad;
        max += pad;
    }
    if percent {
        min = min.max(0.0);
        max = max.min(100.0);
        if max <= min {
            (min, max) = (0.0, 100.0);
        }
    }
    let intervals = max_ticks.max(2) - 1;
    let mut step = nice_step((max - min) / intervals as f64);
    let (mut lo, mut hi);
    loop {
        lo = (min / step).floor() * step;
        hi = (max / step).ceil() * step;
        if ((hi - lo) / step).round() as usize <= intervals {
            break;
        }
        step = nice_step(step * 1.01);
    }
    if percent {
        lo = lo.max(0.0);
        hi = hi.min(100.0);
    }
    let n = ((hi - lo) / step).round() as usize;
    let ticks = (0..=n)
        .map(|k| {
            let t = lo + step * k as f64;
            // Clean binary noise: 0.30000000000000004 -> 0.3.
            let d = decimals_of(step) as i32 + 1;
            let f = 10f64.powi(d);
            (t * f).round() / f
        })
        .filter(|t| *t <= hi + step * 1e-6)
        .collect();
    Axis {
        lo,
        hi,
        step,
        ticks,
        decimals: decimals_of(step),
    }
}

/// Which of `n` period labels to draw on an axis `width` units wide when each label needs
/// `label_width` units (with room between): every k-th from the first, and the last when it does
/// not crowd the one before it. Returns the indexes to label, in order.
pub fn thin_labels(n: usize, width: f64, label_width: f64) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![0];
    }
    let gap = width / (n - 1) as f64;
    let every = ((label_width / gap).ceil() as usize).max(1);
    let mut out: Vec<usize> = (0..n).step_by(every).collect();
    let last = n - 1;
    if *out.last().expect("at least one") != last {
        // The last period is the one readers look for: it replaces the label before it when
        // the two would touch.
        if (last - out.last().copied().unwrap_or(0)) < every {
            out.pop();
        }
        out.push(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_ticks() {
        // 98.3 to 99.9 in at most 5 ticks: steps of 0.5 from 98 to 100.
        let a = nice_axis(98.3, 99.9, 5, false);
        assert_eq!(a.ticks, vec![98.0, 98.5, 99.0, 99.5, 100.0]);
        assert_eq!((a.step, a.decimals), (0.5, 1));
        // 0 to 37 in at most 5 ticks: steps of 10 (37/4 = 9.25 -> 10).
        let a = nice_axis(0.0, 37.0, 5, false);
        assert_eq!(a.ticks, vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(a.decimals, 0);
        // 1,250 to 3,800: 2,550 / 4 = 637.5 -> 1,000: 1,000 to 4,000.
        let a = nice_axis(1250.0, 3800.0, 5, false);
        assert_eq!(a.ticks, vec![1000.0, 2000.0, 3000.0, 4000.0]);
        // 2.5 steps: 0 to 9 with 5 ticks: 9/4 = 2.25 -> 2.5: 0, 2.5, 5, 7.5, 10.
        let a = nice_axis(0.0, 9.0, 5, false);
        assert_eq!(a.ticks, vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        // Negative values: -12 to 7 -> steps of 5 from -15 to 10 (19/4 = 4.75 -> 5).
        let a = nice_axis(-12.0, 7.0, 6, false);
        assert_eq!(a.ticks, vec![-15.0, -10.0, -5.0, 0.0, 5.0, 10.0]);
        // One value: a band around it.
        let a = nice_axis(50.0, 50.0, 5, false);
        assert!(a.lo < 50.0 && a.hi > 50.0);
    }

    #[test]
    fn percentages_stay_within_0_and_100() {
        // Availability 99.2 to 100, with a band up to 100.4: never above 100.
        let a = nice_axis(99.2, 100.4, 5, true);
        assert_eq!(a.hi, 100.0);
        assert!(a.ticks.iter().all(|t| (0.0..=100.0).contains(t)));
        assert_eq!(a.ticks.last(), Some(&100.0));
        // A band below 0 is cut at 0.
        let a = nice_axis(-3.0, 40.0, 5, true);
        assert_eq!(a.lo, 0.0);
        assert_eq!(a.ticks.first(), Some(&0.0));
    }

    #[test]
    fn labels_do_not_overlap() {
        // 12 monthly labels of 110 units on 650 units: 59 units apart, so every 2nd; the last
        // (index 11) replaces index 10, which would touch it.
        assert_eq!(thin_labels(12, 650.0, 110.0), vec![0, 2, 4, 6, 8, 11]);
        // Room for all.
        assert_eq!(thin_labels(4, 650.0, 110.0), vec![0, 1, 2, 3]);
        assert_eq!(thin_labels(1, 650.0, 110.0), vec![0]);
        assert!(thin_labels(0, 650.0, 110.0).is_empty());
        // Every label drawn is at least a label's width from the next.
        for n in 2..60 {
            let l = thin_labels(n, 650.0, 110.0);
            let gap = 650.0 / (n - 1) as f64;
            for w in l.windows(2) {
                assert!((w[1] - w[0]) as f64 * gap >= 110.0 - 1e-9, "{n}: {l:?}");
            }
            assert_eq!(l.last(), Some(&(n - 1)));
        }
    }
}
