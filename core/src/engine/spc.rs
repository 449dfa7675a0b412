//! Statistical process control (SPC): an XmR chart of an indicator's figures as at a period, and
//! the special-cause rules of the NHS "Making Data Count" programme, in words for members
//! (docs/analysis.md).
//!
//! The chart:
//! - the **points** are the indicator's actual figures for every period that ends on or before the
//!   period in view, in period order (periods without an actual are left out);
//! - the **mean** is their average; a **moving range** is the difference (ignoring its sign)
//!   between a point and the one before it, and the **average moving range** their average;
//! - the **process limits** are the mean ± 2.66 × the average moving range (2.66 is 3 ÷ 1.128:
//!   three "sigma", where one sigma is the average moving range ÷ 1.128).
//!
//! The special-cause rules, each exactly:
//! 1. **Outside the limits**: a point above the upper limit or below the lower limit (a point
//!    exactly on a limit is inside).
//! 2. **Shift**: 7 or more points in a row above the mean, or 7 or more below it. A point
//!    exactly on the mean belongs to neither side and ends a run.
//! 3. **Trend**: 7 or more points in a row each higher than the one before (6 rises), or each
//!    lower. A point equal to the one before ends a run.
//! 4. **Two of three near a limit**: among 3 points in a row, at least 2 are more than 2 sigma
//!    from the mean on the same side (in the outer third of the band between the mean and that
//!    limit, or beyond the limit). The points so placed are marked.
//!
//! The verdict is about the **latest point**: when a special cause includes it, the variation is
//! "Special cause: improvement" (the side or direction the indicator's polarity calls better) or
//! "Special cause: concern" (worse); when both apply, concern; for an indicator with no better
//! or worse, "Special cause: neither improvement nor concern". Otherwise "Common cause".
//! The assurance compares the limits with the latest point's target: both limits on the passing
//! side of it "Consistently passing the target", both on the failing side "Consistently failing
//! the target", else (the target on or between the limits) "Target within the limits: hit and
//! miss".
//!
//! Fewer than [`MIN_POINTS`] points give no chart, only "too few points"; a cumulative
//! (year-to-date) indicator gives none either: its figures restart every April.

use super::Engine;
use crate::model::{Indicator, Measure, Polarity};
use crate::period::Period;

/// The fewest points a chart is drawn from.
pub const MIN_POINTS: usize = 12;
/// The length of a run (shift or trend) that makes a special cause.
pub const RUN: usize = 7;
/// Limits are the mean ± this many average moving ranges.
pub const LIMIT_FACTOR: f64 = 2.66;
/// The average moving range ÷ this is one sigma.
pub const D2: f64 = 1.128;

/// Equal within a hair (binary fractions): for "on the mean" and "the same as before".
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Which side of the mean, or which way, a special cause points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Above the mean, or rising.
    High,
    /// Below the mean, or falling.
    Low,
}

/// The special-cause rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpcRule {
    OutsideLimits,
    Shift,
    Trend,
    TwoOfThree,
}

impl SpcRule {
    /// The rule in words, for a side: "Above the upper limit", "7 or more in a row below the mean".
    pub fn describe(&self, side: Side) -> &'static str {
        match (self, side) {
            (SpcRule::OutsideLimits, Side::High) => "Above the upper limit",
            (SpcRule::OutsideLimits, Side::Low) => "Below the lower limit",
            (SpcRule::Shift, Side::High) => "7 or more in a row above the mean",
            (SpcRule::Shift, Side::Low) => "7 or more in a row below the mean",
            (SpcRule::Trend, Side::High) => "7 or more in a row rising",
            (SpcRule::Trend, Side::Low) => "7 or more in a row falling",
            (SpcRule::TwoOfThree, Side::High) => "2 of 3 near the upper limit",
            (SpcRule::TwoOfThree, Side::Low) => "2 of 3 near the lower limit",
        }
    }
}

/// One special cause found: the rule, its side and the points (indexes into the chart's points).
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    pub rule: SpcRule,
    pub side: Side,
    pub points: Vec<usize>,
}

/// The variation verdict for the latest point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variation {
    Improvement,
    Concern,
    Neither,
    CommonCause,
}

impl Variation {
    pub fn label(&self) -> &'static str {
        match self {
            Variation::Improvement => "Special cause: improvement",
            Variation::Concern => "Special cause: concern",
            Variation::Neither => "Special cause: neither improvement nor concern",
            Variation::CommonCause => "Common cause",
        }
    }

    /// What it means, for members.
    pub fn meaning(&self) -> &'static str {
        match self {
            Variation::Improvement => "The latest figure is part of a real change for the better, not the usual ups and downs.",
            Variation::Concern => "The latest figure is part of a real change for the worse, not the usual ups and downs: worth looking into.",
            Variation::Neither => "The latest figure is part of a real change; this indicator has no better or worse.",
            Variation::CommonCause => "The latest figure is within the usual ups and downs: no sign of real change.",
        }
    }

    /// The word in links and data attributes: `improvement`, `concern`, `neither`, `common`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Variation::Improvement => "improvement",
            Variation::Concern => "concern",
            Variation::Neither => "neither",
            Variation::CommonCause => "common",
        }
    }
}

/// Whether the process meets its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assurance {
    HitAndMiss,
    Passing,
    Failing,
}

impl Assurance {
    pub fn label(&self) -> &'static str {
        match self {
            Assurance::HitAndMiss => "Target within the limits: hit and miss",
            Assurance::Passing => "Consistently passing the target",
            Assurance::Failing => "Consistently failing the target",
        }
    }

    pub fn meaning(&self) -> &'static str {
        match self {
            Assurance::HitAndMiss => "The target lies between the limits: if nothing changes, some periods will meet it and some will not.",
            Assurance::Passing => "Both limits are on the right side of the target: if nothing changes, it will be met every period.",
            Assurance::Failing => "Both limits are on the wrong side of the target: it will not be met without a change in how the service works.",
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Assurance::HitAndMiss => "hit_and_miss",
            Assurance::Passing => "passing",
            Assurance::Failing => "failing",
        }
    }
}

/// An XmR chart with its special causes and verdicts.
#[derive(Clone, Debug, PartialEq)]
pub struct Xmr {
    /// Each period with its actual, in period order.
    pub points: Vec<(Period, f64)>,
    pub mean: f64,
    pub mean_moving_range: f64,
    pub upper: f64,
    pub lower: f64,
    /// One sigma: the average moving range ÷ 1.128.
    pub sigma: f64,
    pub signals: Vec<Signal>,
    pub variation: Variation,
    /// The latest point's target, when it has one.
    pub target: Option<f64>,
    /// None without a target or with no better or worse.
    pub assurance: Option<Assurance>,
    pub polarity: Polarity,
}

impl Xmr {
    /// What point `k` shows: common cause when no special cause includes it; else improvement
    /// or concern by the indicator's polarity (concern when both), or neither without one.
    pub fn point(&self, k: usize) -> Variation {
        let better = |side: Side| match self.polarity {
            Polarity::Higher => side == Side::High,
            Polarity::Lower => side == Side::Low,
            Polarity::None => false,
        };
        let mut here = self.signals_at(k).peekable();
        if here.peek().is_none() {
            Variation::CommonCause
        } else if self.polarity == Polarity::None {
            Variation::Neither
        } else if here.any(|s| !better(s.side)) {
            Variation::Concern
        } else {
            Variation::Improvement
        }
    }

    /// The special causes at point `k` in words: "7 or more in a row rising; 2 of 3 near the
    /// upper limit".
    pub fn point_words(&self, k: usize) -> Option<String> {
        let words: Vec<&str> = self
            .signals_at(k)
            .map(|s| s.rule.describe(s.side))
            .collect();
        (!words.is_empty()).then(|| words.join("; "))
    }

    /// The special causes that include point `k`.
    pub fn signals_at(&self, k: usize) -> impl Iterator<Item = &Signal> {
        self.signals.iter().filter(move |s| s.points.contains(&k))
    }
}

/// An indicator's SPC view as at a period.
#[derive(Clone, Debug, PartialEq)]
pub enum Spc {
    Chart(Xmr),
    /// Fewer than [`MIN_POINTS`] actual figures.
    TooFew {
        points: usize,
    },
    /// A cumulative (year-to-date) indicator.
    Cumulative,
}

impl Spc {
    /// The plain answer when there is no chart.
    pub fn message(&self) -> Option<String> {
        match self {
            Spc::Chart(_) => None,
            Spc::TooFew { points } => Some(format!(
                "Too few points for a reliable view ({points} of {MIN_POINTS}): a chart of real change needs at least {MIN_POINTS} figures."
            )),
            Spc::Cumulative => Some("No chart of real change: the figures are cumulative (year to date) and start again every April, so they are not compared with each other this way.".to_string()),
        }
    }

    /// The variation verdict, when there is a chart.
    pub fn variation(&self) -> Option<Variation> {
        match self {
            Spc::Chart(x) => Some(x.variation),
            _ => None,
        }
    }
}

/// The special causes in a series, given its mean, limits and sigma.
pub fn signals(values: &[f64], mean: f64, upper: f64, lower: f64, sigma: f64) -> Vec<Signal> {
    let mut out = Vec::new();
    // 1. Outside the limits.
    for (k, &x) in values.iter().enumerate() {
        if x > upper && !same(x, upper) {
            out.push(Signal {
                rule: SpcRule::OutsideLimits,
                side: Side::High,
                points: vec![k],
            });
        } else if x < lower && !same(x, lower) {
            out.push(Signal {
                rule: SpcRule::OutsideLimits,
                side: Side::Low,
                points: vec![k],
            });
        }
    }
    // 2. Shift: runs on one side of the mean.
    let side_of = |x: f64| {
        if same(x, mean) {
            None
        } else if x > mean {
            Some(Side::High)
        } else {
            Some(Side::Low)
        }
    };
    runs(
        values.len(),
        RUN,
        |k| side_of(values[k]),
        SpcRule::Shift,
        &mut out,
    );
    // 3. Trend: each point against the one before; a run of 6 steps is 7 points.
    let step = |k: usize| {
        if k == 0 || same(values[k], values[k - 1]) {
            None
        } else if values[k] > values[k - 1] {
            Some(Side::High)
        } else {
            Some(Side::Low)
        }
    };
    // Runs of steps: a run of `RUN - 1` steps starting at step k covers points k-1..=end.
    let mut steps = Vec::new();
    runs(values.len(), RUN - 1, step, SpcRule::Trend, &mut steps);
    for mut s in steps {
        let first = s.points[0] - 1;
        s.points.insert(0, first);
        out.push(s);
    }
    // 4. Two of three beyond 2 sigma on the same side.
    let near = |x: f64, side: Side| match side {
        Side::High => x > mean + 2.0 * sigma && !same(x, mean + 2.0 * sigma),
        Side::Low => x < mean - 2.0 * sigma && !same(x, mean - 2.0 * sigma),
    };
    for side in [Side::High, Side::Low] {
        let mut marked: Vec<usize> = Vec::new();
        for w in 0..values.len().saturating_sub(2) {
            let hits: Vec<usize> = (w..w + 3).filter(|&k| near(values[k], side)).collect();
            if hits.len() >= 2 {
                for k in hits {
                    if !marked.contains(&k) {
                        marked.push(k);
                    }
                }
            }
        }
        if !marked.is_empty() {
            crate::order::sort(&mut marked);
            out.push(Signal {
                rule: SpcRule::TwoOfThree,
                side,
                points: marked,
            });
        }
    }
    out
}

/// Runs of at least `min` consecutive indexes with the same `Some(side)`.
fn runs(
    n: usize,
    min: usize,
    side: impl Fn(usize) -> Option<Side>,
    rule: SpcRule,
    out: &mut Vec<Signal>,
) {
    let mut k = 0;
    while k < n {
        match side(k) {
            None => k += 1,
            Some(s) => {
                let mut end = k;
                while end + 1 < n && side(end + 1) == Some(s) {
                    end += 1;
                }
                if end + 1 - k >= min {
                    out.push(Signal {
                        rule,
                        side: s,
                        points: (k..=end).collect(),
                    });
                }
                k = end + 1;
            }
        }
    }
}

/// The XmR chart of a series (at least two points), its special causes and verdicts.
pub fn xmr(points: Vec<(Period, f64)>, polarity: Polarity, target: Option<f64>) -> Xmr {
    let values: Vec<f64> = points.iter().map(|(_, x)| *x).collect();
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let ranges: Vec<f64> = values.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let mean_moving_range = if ranges.is_empty() {
        0.0
    } else {
        ranges.iter().sum::<f64>() / ranges.len() as f64
    };
    let upper = mean + LIMIT_FACTOR * mean_moving_range;
    let lower = mean - LIMIT_FACTOR * mean_moving_range;
    let sigma = mean_moving_range / D2;
    let signals = signals(&values, mean, upper, lower, sigma);
    let assurance = target.and_then(|t| {
        let (pass, fail) = match polarity {
            Polarity::Higher => (lower > t, upper < t),
            Polarity::Lower => (upper < t, lower > t),
            Polarity::None => return None,
        };
        Some(if pass {
            Assurance::Passing
        } else if fail {
            Assurance::Failing
        } else {
            Assurance::HitAndMiss
        })
    });
    let mut x = Xmr {
        points,
        mean,
        mean_moving_range,
        upper,
        lower,
        sigma,
        signals,
        variation: Variation::CommonCause,
        target,
        assurance,
        polarity,
    };
    x.variation = x.point(values.len().saturating_sub(1));
    x
}

impl<'a> Engine<'a> {
    /// The indicator's SPC view as at the period: every actual up to the period's end.
    pub fn spc(&self, i: &Indicator) -> Spc {
        if i.measure == Some(Measure::Cumulative) {
            return Spc::Cumulative;
        }
        let end = self.period.end();
        let with: Vec<&crate::model::IndicatorValue> = i
            .values
            .iter()
            .filter(|v| v.actual.is_some() && v.period.end() <= end)
            .collect();
        if with.len() < MIN_POINTS {
            return Spc::TooFew { points: with.len() };
        }
        let target = with.last().and_then(|v| v.target);
        let points = with
            .iter()
            .filter_map(|v| v.actual.map(|a| (v.period, a)))
            .collect();
        Spc::Chart(xmr(points, i.polarity, target))
    }

    /// Every indicator's variation verdict as at the period (None where there is no chart), in
    /// data order: worked out once per dataset and period for the indicator list.
    pub fn variations(&self) -> Vec<Option<Variation>> {
        self.ds
            .indicators
            .iter()
            .map(|i| self.spc(i).variation())
            .collect()
    }
}
