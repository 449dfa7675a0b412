//! The rules that rate an indicator: Red/Amber/Green from target, actual, polarity and
//! tolerance; the states that are neither; direction of travel; variance from target.
//! Written down for people in docs/rag-rules.md: keep the two in step.

use crate::model::*;
use crate::period::Period;
use crate::scheme::Rule;

pub use crate::gap::{direction, round_to, Direction};

/// Red/Amber/Green for one target and actual.
///
/// - Green: the target is met (equal counts as met).
/// - Amber: missed, by no more than the tolerance (exactly at the tolerance counts as Amber).
/// - Red: missed by more than the tolerance.
///
/// `Percent` tolerance is a percentage of the target's size; `Absolute` is in the unit.
/// Both figures are first rounded to the indicator's decimals.
pub fn rate(
    polarity: Polarity,
    target: Option<f64>,
    actual: Option<f64>,
    tolerance: Tolerance,
    decimals: Option<u8>,
) -> Rag {
    crate::scheme::rate(
        &crate::scheme::Scheme::standard(tolerance),
        crate::scheme::Figures {
            polarity,
            target,
            actual,
            decimals,
            year_earlier: None,
        },
    )
}

/// An indicator's status for a reporting period, and the value it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Status<'a> {
    pub rag: Rag,
    /// The status was set by hand in the file (overriding the computed one).
    pub manual: bool,
    /// The computed status when `manual` (to show both).
    pub computed: Rag,
    pub value: Option<&'a IndicatorValue>,
}

impl Status<'_> {
    /// The status was set by hand and the rules give a different Red, Amber or Green: the
    /// rules' answer, to show beside it. None when they agree, or when the rules give no
    /// rating (no data yet, data only): there is nothing to disagree with.
    pub fn differs(&self) -> Option<Rag> {
        let rated = matches!(self.computed, Rag::Red | Rag::Amber | Rag::Green);
        (self.manual && rated && self.rag != self.computed).then_some(self.computed)
    }
}

/// The value of an indicator that reports for `period`: the same period for the indicator's
/// own frequency; for a monthly indicator, the latest month inside a quarter or year; for a
/// quarterly one, the latest quarter inside a year; for an annual one, the year when `period`
/// is its fourth quarter or the year itself.
pub fn value_for<'a>(ind: &'a Indicator, period: &Period) -> Option<&'a IndicatorValue> {
    if let Some(v) = ind.value(period) {
        return Some(v);
    }
    match (ind.frequency, period) {
        (Frequency::Monthly, Period::Quarter { .. } | Period::Year { .. })
        | (Frequency::Quarterly, Period::Year { .. }) => {
            ind.values.iter().rev().find(|v| period.contains(&v.period))
        }
        (Frequency::Annual | Frequency::Biennial, Period::Quarter { fy, q: 4 }) => {
            ind.value(&Period::Year { fy: *fy })
        }
        _ => None,
    }
}

/// Whether an indicator is expected to report in `period` at all.
pub fn is_due(ind: &Indicator, period: &Period) -> bool {
    match (ind.frequency, period) {
        (Frequency::Annual, Period::Quarter { q, .. }) => *q == 4,
        (Frequency::Annual, Period::Month { month, .. }) => *month == 3,
        (Frequency::Biennial, p) => {
            // Due in the years it has reported in, every other year.
            let fy = p.financial_year();
            let anchor = ind.values.first().map(|v| v.period.financial_year());
            let year_end = match p {
                Period::Quarter { q, .. } => *q == 4,
                Period::Month { month, .. } => *month == 3,
                Period::Year { .. } => true,
            };
            year_end && anchor.is_none_or(|a| (fy - a).rem_euclid(2) == 0)
        }
        _ => true,
    }
}

/// The status of one value (manual override if set, else computed by the indicator's rule).
pub fn value_status<'a>(ind: &'a Indicator, value: &'a IndicatorValue, rule: &Rule) -> Status<'a> {
    let computed = crate::scheme::rate(
        &rule.scheme,
        crate::scheme::Figures {
            polarity: ind.polarity,
            target: value.target,
            actual: value.actual,
            decimals: ind.decimals,
            year_earlier: ind
                .value(&value.period.year_earlier())
                .and_then(|v| v.actual),
        },
    );
    Status {
        rag: value.rag.unwrap_or(computed),
        manual: value.rag.is_some(),
        computed,
        value: Some(value),
    }
}

/// An indicator's status for a reporting period.
pub fn status_at<'a>(ind: &'a Indicator, period: &Period, rule: &Rule) -> Status<'a> {
    match value_for(ind, period) {
        Some(v) => value_status(ind, v, rule),
        None => {
            let rag = if is_due(ind, period) {
                Rag::NoData
            } else {
                Rag::NotDue
            };
            Status {
                rag,
                manual: false,
                computed: rag,
                value: None,
            }
        }
    }
}

/// A direction of travel and what it is measured against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Travel {
    pub direction: Direction,
    pub since: Period,
    pub previous: f64,
}

impl Travel {
    /// "Improved since Q1 2019/20".
    pub fn describe(&self) -> String {
        match self.direction {
            Direction::Unchanged => format!("No change since {}", self.since.short_label()),
            d => format!("{} since {}", d.label(), self.since.short_label()),
        }
    }
}

/// Short-term direction: against the latest earlier period that has an actual.
pub fn short_term(ind: &Indicator, period: &Period) -> Option<Travel> {
    let now = value_for(ind, period)?;
    let actual = now.actual?;
    let prev = ind
        .values
        .iter()
        .rev()
        .find(|v| v.period < now.period && v.actual.is_some())?;
    let previous = prev.actual?;
    Some(Travel {
        direction: direction(ind.polarity, previous, actual, ind.decimals)?,
        since: prev.period,
        previous,
    })
}

/// Long-term direction: against the same period a year earlier.
pub fn long_term(ind: &Indicator, period: &Period) -> Option<Travel> {
    let now = value_for(ind, period)?;
    let actual = now.actual?;
    let since = now.period.year_earlier();
    let previous = ind.value(&since)?.actual?;
    Some(Travel {
        direction: direction(ind.polarity, previous, actual, ind.decimals)?,
        since,
        previous,
    })
}

/// How far the actual is from target: signed (actual − target) and as a percentage of target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Variance {
    pub absolute: f64,
    pub percent: Option<f64>,
}

pub fn variance(value: &IndicatorValue) -> Option<Variance> {
    let (t, a) = (value.target?, value.actual?);
    let absolute = a - t;
    Some(Variance {
        absolute,
        percent: (t != 0.0).then(|| absolute / t.abs() * 100.0),
    })
}

#[cfg(test)]
#[allow(non_upper_case_globals)]
mod tests {
    use super::*;
    const Higher: Polarity = Polarity::Higher;
    const Lower: Polarity = Polarity::Lower;

    fn std_rule() -> Rule {
        Rule {
            scheme: crate::scheme::Scheme::standard(P10),
            source: crate::scheme::SchemeSource::Standard,
            own_tolerance: false,
        }
    }
    const P10: Tolerance = Tolerance::Percent(10.0);

    #[test]
    fn higher_is_better_boundaries() {
        // target 90, 10% tolerance: amber down to 81 inclusive.
        assert_eq!(rate(Higher, Some(90.0), Some(95.0), P10, None), Rag::Green);
        assert_eq!(rate(Higher, Some(90.0), Some(90.0), P10, None), Rag::Green);
        assert_eq!(rate(Higher, Some(90.0), Some(89.99), P10, None), Rag::Amber);
        assert_eq!(rate(Higher, Some(90.0), Some(81.0), P10, None), Rag::Amber);
        assert_eq!(rate(Higher, Some(90.0), Some(80.99), P10, None), Rag::Red);
    }

    #[test]
    fn lower_is_better_boundaries() {
        // target 20 days, 10%: amber up to 22 inclusive.
        assert_eq!(rate(Lower, Some(20.0), Some(18.0), P10, None), Rag::Green);
        assert_eq!(rate(Lower, Some(20.0), Some(20.0), P10, None), Rag::Green);
        assert_eq!(rate(Lower, Some(20.0), Some(22.0), P10, None), Rag::Amber);
        assert_eq!(rate(Lower, Some(20.0), Some(22.01), P10, None), Rag::Red);
    }

    #[test]
    fn absolute_tolerance_and_binary_fractions() {
        let abs2 = Tolerance::Absolute(2.0);
        assert_eq!(
            rate(Higher, Some(96.5), Some(94.5), abs2, Some(1)),
            Rag::Amber
        );
        assert_eq!(
            rate(Higher, Some(96.5), Some(94.4), abs2, Some(1)),
            Rag::Red
        );
        // 0.1 + 0.2 style noise does not tip a value over the boundary.
        assert_eq!(
            rate(
                Higher,
                Some(0.3),
                Some(0.1 + 0.2),
                Tolerance::Absolute(0.0),
                None
            ),
            Rag::Green
        );
        let abs01 = Tolerance::Absolute(0.1);
        assert_eq!(rate(Higher, Some(1.0), Some(0.9), abs01, None), Rag::Amber);
    }

    #[test]
    fn rounding_to_decimals_first() {
        // 89.96 shows as 90.0 with one decimal: the reader sees the target met.
        assert_eq!(
            rate(Higher, Some(90.0), Some(89.96), P10, Some(1)),
            Rag::Green
        );
        assert_eq!(
            rate(Higher, Some(90.0), Some(89.96), P10, Some(2)),
            Rag::Amber
        );
    }

    #[test]
    fn the_figure_shown_is_the_figure_rated() {
        use crate::fmt::number;
        // Target 93, actual 92.5, no decimals, higher is better: shown 93, on target.
        assert_eq!(number(92.5, Some(0)), "93");
        assert_eq!(round_to(92.5, Some(0)), 93.0);
        assert_eq!(
            rate(Higher, Some(93.0), Some(92.5), P10, Some(0)),
            Rag::Green
        );
        // Actual 92.4: shown 92, one short of 93, within 10% (9.3): Amber.
        assert_eq!(number(92.4, Some(0)), "92");
        assert_eq!(round_to(92.4, Some(0)), 92.0);
        assert_eq!(
            rate(Higher, Some(93.0), Some(92.4), P10, Some(0)),
            Rag::Amber
        );
        // 1.005 (binary 1.00499999…) at 2 decimals is shown and rated 1.01: target 1.01 met.
        assert_eq!(number(1.005, Some(2)), "1.01");
        assert_eq!(round_to(1.005, Some(2)), 1.01);
        let exact = Tolerance::Absolute(0.0);
        assert_eq!(
            rate(Higher, Some(1.01), Some(1.005), exact, Some(2)),
            Rag::Green
        );
        // Halves away from zero, below zero too.
        assert_eq!(number(-0.5, Some(0)), "-1");
        assert_eq!(round_to(-0.5, Some(0)), -1.0);
        assert_eq!(round_to(-2.5, Some(0)), -3.0);
        assert_eq!(round_to(0.125, Some(2)), 0.13);
        // 0.0049 at 2 decimals is shown 0.00 and rated as 0: a target of 0 (lower is better) met.
        assert_eq!(number(0.0049, Some(2)), "0.00");
        assert_eq!(round_to(0.0049, Some(2)), 0.0);
        assert_eq!(
            rate(Lower, Some(0.0), Some(0.0049), P10, Some(2)),
            Rag::Green
        );
        // No decimals given: shown, and so rated, at 2 decimals.
        assert_eq!(number(0.0049, None), "0");
        assert_eq!(round_to(0.0049, None), 0.0);
        assert_eq!(rate(Lower, Some(0.0), Some(0.0049), P10, None), Rag::Green);
        assert_eq!(rate(Lower, Some(0.0), Some(0.005), P10, None), Rag::Red);
        assert_eq!(number(89.996, None), "90");
        assert_eq!(
            rate(Higher, Some(90.0), Some(89.996), P10, None),
            Rag::Green
        );
        assert_eq!(
            rate(Higher, Some(90.0), Some(89.994), P10, None),
            Rag::Amber
        );
    }

    #[test]
    fn direction_compares_the_figures_shown() {
        // 92.4 → 92.5 with no decimals is shown 92 → 93: improved.
        assert_eq!(
            direction(Higher, 92.4, 92.5, Some(0)),
            Some(Direction::Improved)
        );
        // 92.5 → 93.4 is shown 93 → 93: no change.
        assert_eq!(
            direction(Higher, 92.5, 93.4, Some(0)),
            Some(Direction::Unchanged)
        );
        // No decimals given: 1.001 → 1.004 are both shown 1.
        assert_eq!(
            direction(Lower, 1.001, 1.004, None),
            Some(Direction::Unchanged)
        );
        assert_eq!(
            direction(Lower, 1.001, 1.006, None),
            Some(Direction::Worsened)
        );
    }

    #[test]
    fn zero_and_negative_targets() {
        // Target 0 complaints, lower better: any complaint misses; 10% of 0 is 0, so Red.
        assert_eq!(rate(Lower, Some(0.0), Some(0.0), P10, None), Rag::Green);
        assert_eq!(rate(Lower, Some(0.0), Some(1.0), P10, None), Rag::Red);
        // Budget variance target -100 (an underspend), higher is better.
        assert_eq!(
            rate(Higher, Some(-100.0), Some(-105.0), P10, None),
            Rag::Amber
        );
        assert_eq!(
            rate(Higher, Some(-100.0), Some(-111.0), P10, None),
            Rag::Red
        );
    }

    #[test]
    fn neither_red_nor_green() {
        assert_eq!(rate(Higher, Some(90.0), None, P10, None), Rag::NoData);
        assert_eq!(rate(Higher, None, Some(90.0), P10, None), Rag::DataOnly);
        assert_eq!(
            rate(Polarity::None, Some(90.0), Some(10.0), P10, None),
            Rag::DataOnly
        );
    }

    fn ind(
        freq: Frequency,
        pol: Polarity,
        values: &[(&str, Option<f64>, Option<f64>)],
    ) -> Indicator {
        Indicator {
            id: "X".into(),
            name: "X".into(),
            description: None,
            definition: None,
            service: "s".into(),
            scope: Scope::Council("c".into()),
            frequency: freq,
            polarity: pol,
            unit: Some("%".into()),
            decimals: Some(1),
            measure: None,
            tolerance: None,
            rag_scheme: None,
            key: false,
            priority: None,
            theme: None,
            area: None,
            owner: None,
            values: values
                .iter()
                .map(|(p, t, a)| IndicatorValue {
                    period: Period::parse(p).unwrap(),
                    target: *t,
                    actual: *a,
                    rag: None,
                    rag_justification: None,
                    commentary: None,
                    reason: None,
                    remedial_action: None,
                    extra: Default::default(),
                })
                .collect(),
            extra: Default::default(),
        }
    }

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn manual_override_wins_and_is_marked() {
        let mut i = ind(
            Frequency::Quarterly,
            Higher,
            &[("2019-20-Q2", Some(90.0), Some(70.0))],
        );
        i.values[0].rag = Some(Rag::Amber);
        let s = status_at(&i, &p("2019-20-Q2"), &std_rule());
        assert_eq!((s.rag, s.manual, s.computed), (Rag::Amber, true, Rag::Red));
    }

    #[test]
    fn not_due_no_data_and_annual_in_q4() {
        let a = ind(
            Frequency::Annual,
            Higher,
            &[("2018-19", Some(90.0), Some(91.0))],
        );
        assert_eq!(
            status_at(&a, &p("2019-20-Q2"), &std_rule()).rag,
            Rag::NotDue
        );
        assert_eq!(status_at(&a, &p("2018-19-Q4"), &std_rule()).rag, Rag::Green);
        assert_eq!(
            status_at(&a, &p("2019-20-Q4"), &std_rule()).rag,
            Rag::NoData
        );
        let q = ind(
            Frequency::Quarterly,
            Higher,
            &[("2019-20-Q1", Some(90.0), Some(91.0))],
        );
        assert_eq!(
            status_at(&q, &p("2019-20-Q2"), &std_rule()).rag,
            Rag::NoData
        );
        let m = ind(
            Frequency::Monthly,
            Higher,
            &[
                ("2019-07", Some(90.0), Some(91.0)),
                ("2019-08", Some(90.0), Some(70.0)),
            ],
        );
        // The latest month in the quarter speaks for it.
        assert_eq!(status_at(&m, &p("2019-20-Q2"), &std_rule()).rag, Rag::Red);
    }

    #[test]
    fn direction_of_travel_by_polarity() {
        let h = ind(
            Frequency::Quarterly,
            Higher,
            &[
                ("2018-19-Q2", Some(90.0), Some(92.0)),
                ("2019-20-Q1", Some(90.0), Some(88.0)),
                ("2019-20-Q2", Some(90.0), None),
                ("2019-20-Q3", Some(90.0), Some(89.0)),
            ],
        );
        // Short term skips a period with no actual.
        let st = short_term(&h, &p("2019-20-Q3")).unwrap();
        assert_eq!(st.direction, Direction::Improved);
        assert_eq!(st.since, p("2019-20-Q1"));
        assert_eq!(st.describe(), "Improved since Q1 2019/20");
        assert!(long_term(&h, &p("2019-20-Q3")).is_none());
        let mut l = h.clone();
        l.polarity = Lower;
        assert_eq!(
            short_term(&l, &p("2019-20-Q3")).unwrap().direction,
            Direction::Worsened
        );
        l.values[1].actual = Some(89.0);
        let st = short_term(&l, &p("2019-20-Q3")).unwrap();
        assert_eq!(st.describe(), "No change since Q1 2019/20");
        let mut y = h.clone();
        y.values[2].actual = Some(91.0);
        y.values.truncate(3);
        let lt = long_term(&y, &p("2019-20-Q2")).unwrap();
        assert_eq!(
            (lt.direction, lt.since),
            (Direction::Worsened, p("2018-19-Q2"))
        );
        let mut n = h.clone();
        n.polarity = Polarity::None;
        assert!(short_term(&n, &p("2019-20-Q3")).is_none());
    }

    #[test]
    fn variance_signed_and_percent() {
        let i = ind(
            Frequency::Quarterly,
            Higher,
            &[("2019-20-Q2", Some(80.0), Some(72.0))],
        );
        let v = variance(&i.values[0]).unwrap();
        assert_eq!(v.absolute, -8.0);
        assert_eq!(v.percent, Some(-10.0));
        let z = ind(
            Frequency::Quarterly,
            Lower,
            &[("2019-20-Q2", Some(0.0), Some(2.0))],
        );
        assert_eq!(variance(&z.values[0]).unwrap().percent, None);
    }
}
