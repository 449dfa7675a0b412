//! The year-end forecast: where an indicator will end the financial year, from its figures so
//! far, with a range, the method in words and the forecast's status against the annual target
//! by the indicator's own rule (docs/analysis.md).
//!
//! Which indicators: quarterly and monthly ones (a year of 4 quarters or 12 months), as at a
//! period before the year's last (at the year's end the outturn is known, not forecast), with at
//! least one actual in the year so far.
//!
//! - **Cumulative (year to date)**: the latest year-to-date figure, after `p` of the year's `n`
//!   periods. Without a known season: **straight line**, figure × n ÷ p; range: the remaining
//!   periods each adding as little / as much as the least / most any period has added so far this
//!   year. With a known season (a full previous year): **last year's profile**, figure × (last
//!   year's outturn ÷ last year's figure at the same point); range: last year's remaining growth
//!   scaled by the lowest / highest ratio of a period's growth this year to the same period's
//!   growth last year.
//!   The annual target is the target given for the year's last period; without one there is no
//!   forecast status.
//! - **Rates** (snapshot, average, or no measure given): the year's figure is taken as the
//!   average of its periods. Without a known season: **average so far**. With a known season:
//!   the figures so far with **the same period last year** for each period still to come. Range:
//!   every remaining period at the lowest, and at the highest, figure so far this year (and the
//!   seasonal forecast, when it lies outside that). The annual target is the target given for the
//!   year's last period, else the latest target so far this year (a rate's target stands for the
//!   year); only an indicator with an annual target gets a forecast.
//!
//! **A known season** means the previous financial year has an actual for every one of its
//! periods. The forecast status rates the forecast against the annual target by the
//! indicator's rule, with last year's outturn as the "year earlier" figure.

use super::Engine;
use crate::model::{Frequency, Indicator, Measure, Rag};
use crate::period::Period;

/// How the forecast was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    StraightLine,
    LastYearsProfile,
    AverageSoFar,
    SameQuarterLastYear,
}

impl Method {
    pub fn as_str(&self) -> &'static str {
        match self {
            Method::StraightLine => "straight_line",
            Method::LastYearsProfile => "last_years_profile",
            Method::AverageSoFar => "average_so_far",
            Method::SameQuarterLastYear => "same_period_last_year",
        }
    }
}

/// A year-end forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// The financial year forecast (its start year).
    pub fy: i32,
    /// The latest period with a figure this year.
    pub latest: Period,
    /// Periods of the year so far (to the latest figure) and in the year.
    pub so_far: usize,
    pub in_year: usize,
    pub outturn: f64,
    pub low: f64,
    pub high: f64,
    pub method: Method,
    /// The method in words, for members.
    pub method_words: String,
    /// How the range was worked out, in words.
    pub range_words: String,
    pub annual_target: Option<f64>,
    /// The forecast rated against the annual target (Data only without one).
    pub status: Rag,
}

/// The position of a period in its financial year, and how many such periods the year has.
fn position(p: &Period) -> Option<(usize, usize)> {
    match *p {
        Period::Quarter { q, .. } => Some((q as usize, 4)),
        Period::Month { month, .. } => Some((((month as usize + 8) % 12) + 1, 12)),
        Period::Year { .. } => None,
    }
}

/// The year's figures by position (1-based), from a list of (period, actual).
fn by_position(i: &Indicator, fy: i32, upto: chrono::NaiveDate) -> Vec<(usize, f64)> {
    i.values
        .iter()
        .filter(|v| v.period.financial_year() == fy && v.period.end() <= upto)
        .filter_map(|v| Some((position(&v.period)?.0, v.actual?)))
        .collect()
}

fn fmt_periods(n: usize, freq: Frequency) -> String {
    let (one, many) = match freq {
        Frequency::Monthly => ("month", "months"),
        _ => ("quarter", "quarters"),
    };
    crate::fmt::count(n, one, many)
}

impl<'a> Engine<'a> {
    /// The indicator's year-end forecast as at the period, when it has one.
    pub fn forecast(&self, i: &Indicator) -> Option<Forecast> {
        if !matches!(i.frequency, Frequency::Quarterly | Frequency::Monthly) {
            return None;
        }
        let fy = self.period.financial_year();
        let this = by_position(i, fy, self.period.end());
        let &(p, latest_value) = this.iter().max_by_key(|(k, _)| *k)?;
        let n = if i.frequency == Frequency::Monthly {
            12
        } else {
            4
        };
        if p >= n {
            return None;
        }
        let latest = i
            .values
            .iter()
            .filter(|v| v.period.financial_year() == fy && v.actual.is_some())
            .map(|v| v.period)
            .rfind(|q| position(q).map(|x| x.0) == Some(p))?;
        let last_year = by_position(i, fy - 1, Period::Year { fy: fy - 1 }.end());
        let ly = |k: usize| last_year.iter().find(|(x, _)| *x == k).map(|(_, v)| *v);
        let season = (1..=n).all(|k| ly(k).is_some());
        let year_values = || {
            i.values
                .iter()
                .filter(move |v| v.period.financial_year() == fy && position(&v.period).is_some())
        };
        let final_target = year_values()
            .find(|v| position(&v.period).map(|x| x.0) == Some(n))
            .and_then(|v| v.target);
        let so_far = fmt_periods(p, i.frequency);
        let remaining = (n - p) as f64;
        let cumulative = i.measure == Some(Measure::Cumulative);
        let (outturn, low, high, method, method_words, range_words, annual_target, year_earlier) =
            if cumulative {
                // Growth in each period so far this year (the first period's is its figure).
                let growth = |pos: usize, of: &dyn Fn(usize) -> Option<f64>| -> Option<f64> {
                    let now = of(pos)?;
                    if pos == 1 {
                        Some(now)
                    } else {
                        Some(now - of(pos - 1)?)
                    }
                };
                let cur = |k: usize| this.iter().find(|(x, _)| *x == k).map(|(_, v)| *v);
                let ly_final = ly(n);
                let ly_here = ly(p).filter(|x| *x != 0.0);
                match (season, ly_final, ly_here) {
                    (true, Some(fin), Some(here)) => {
                        let outturn = latest_value * fin / here;
                        let ratios: Vec<f64> = (1..=p)
                            .filter_map(|k| {
                                let g = growth(k, &cur)?;
                                let lg = growth(k, &ly)?;
                                (lg > 0.0).then_some(g / lg)
                            })
                            .collect();
                        let rest = fin - here;
                        let (lo, hi) = spread(&ratios)
                            .map(|(a, b)| (latest_value + rest * a, latest_value + rest * b))
                            .unwrap_or((outturn, outturn));
                        (
                            outturn,
                            lo.min(outturn),
                            hi.max(outturn),
                            Method::LastYearsProfile,
                            format!("Last year's profile: the year-to-date figure after {so_far}, grown as much as last year's grew from the same point to the year end."),
                            "The rest of the year growing as last year's did, at the lowest and the highest rate this year's growth has run against last year's so far.".to_string(),
                            final_target,
                            Some(fin),
                        )
                    }
                    _ => {
                        let outturn = latest_value * n as f64 / p as f64;
                        let grown: Vec<f64> = (1..=p).filter_map(|k| growth(k, &cur)).collect();
                        let (lo, hi) = spread(&grown)
                            .map(|(a, b)| {
                                (latest_value + remaining * a, latest_value + remaining * b)
                            })
                            .unwrap_or((outturn, outturn));
                        (
                            outturn,
                            lo.min(outturn),
                            hi.max(outturn),
                            Method::StraightLine,
                            format!("Straight line from the year to date: the figure after {so_far}, continued at the same pace to the year end."),
                            format!("Each {} still to come adding as little, or as much, as the least and the most any has added so far this year.", if n == 12 { "month" } else { "quarter" }),
                            final_target,
                            ly_final,
                        )
                    }
                }
            } else {
                let annual_target = final_target.or_else(|| {
                    year_values()
                        .filter(|v| v.period.end() <= self.period.end())
                        .filter_map(|v| v.target)
                        .next_back()
                })?;
                let figures: Vec<f64> = this.iter().map(|(_, v)| *v).collect();
                let sum: f64 = figures.iter().sum();
                let missing = n - figures.len();
                let (min, max) = spread(&figures)?;
                let low = (sum + missing as f64 * min) / n as f64;
                let high = (sum + missing as f64 * max) / n as f64;
                let average = sum / figures.len() as f64;
                let last_outturn = season.then(|| (1..=n).filter_map(ly).sum::<f64>() / n as f64);
                if season {
                    let have: Vec<usize> = this.iter().map(|(k, _)| *k).collect();
                    let rest: f64 = (1..=n).filter(|k| !have.contains(k)).filter_map(ly).sum();
                    let outturn = (sum + rest) / n as f64;
                    (
                        outturn,
                        low.min(outturn),
                        high.max(outturn),
                        Method::SameQuarterLastYear,
                        format!("The {so_far} so far this year, with the same {} last year for each still to come, averaged over the year (the season is known from a full year of figures last year).", if n == 12 { "month" } else { "quarter" }),
                        "Every period still to come at the lowest, and at the highest, figure so far this year (widened to take in the forecast).".to_string(),
                        Some(annual_target),
                        last_outturn,
                    )
                } else {
                    (
                        average,
                        low,
                        high,
                        Method::AverageSoFar,
                        format!("The average of the {so_far} so far this year, taken as the year's figure."),
                        "Every period still to come at the lowest, and at the highest, figure so far this year.".to_string(),
                        Some(annual_target),
                        None,
                    )
                }
            };
        let status = crate::scheme::rate(
            &self.rule(i).scheme,
            crate::scheme::Figures {
                polarity: i.polarity,
                target: annual_target,
                actual: Some(outturn),
                decimals: i.decimals,
                year_earlier,
            },
        );
        Some(Forecast {
            fy,
            latest,
            so_far: p,
            in_year: n,
            outturn,
            low,
            high,
            method,
            method_words,
            range_words,
            annual_target,
            status,
        })
    }
}

/// The lowest and highest of some figures.
fn spread(xs: &[f64]) -> Option<(f64, f64)> {
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (!xs.is_empty()).then_some((lo, hi))
}

impl Forecast {
    /// A figure in the indicator's unit and decimals.
    pub fn figure(i: &Indicator, x: f64) -> String {
        crate::fmt::value(x, i.decimals, i.unit.as_deref())
    }

    /// "Forecast outturn for 2019/20: 120.0% (range 115.0% to 125.0%)".
    pub fn headline(&self, i: &Indicator) -> String {
        format!(
            "Forecast outturn for {}: {} (range {} to {})",
            Period::fy_label(self.fy),
            Forecast::figure(i, self.outturn),
            Forecast::figure(i, self.low),
            Forecast::figure(i, self.high)
        )
    }

    /// The status against the annual target in words: "Near target against the annual target
    /// of 120.0%", or "No annual target to rate it against".
    pub fn status_words(&self, i: &Indicator) -> String {
        match self.annual_target {
            Some(t) if self.status != Rag::DataOnly => format!(
                "{} against the annual target of {}",
                self.status.label(),
                Forecast::figure(i, t)
            ),
            Some(t) => format!("Annual target {} (not rated)", Forecast::figure(i, t)),
            None => "No annual target given (the target for the year's last period), so the forecast is not rated".to_string(),
        }
    }

    /// Everything in one paragraph, for the committee pack.
    pub fn sentence(&self, i: &Indicator) -> String {
        format!(
            "{}. {}. Method: {} Based on figures to {}.",
            self.headline(i),
            self.status_words(i),
            self.method_words,
            self.latest.short_label()
        )
    }
}
