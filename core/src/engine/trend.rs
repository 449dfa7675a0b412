//! An indicator's trend as at a period: the figures its sparkline draws and the direction
//! across them, so the list can sort by the Trend column and say in words what the line shows.

use super::Engine;
use crate::model::Indicator;
use crate::period::Period;
use crate::rag::{self, Direction};

/// How many of the latest periods a trend covers.
pub const TREND_POINTS: usize = 12;

/// The figures of an indicator up to a period, and which way they went.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// The latest [`TREND_POINTS`] values up to the period (ending no later than it), in
    /// period order: each period with its actual (None where no actual was reported).
    pub points: Vec<(Period, Option<f64>)>,
    /// From the first actual among the points to the last, judged by the indicator's
    /// polarity (better or worse, never up or down). None with fewer than two actuals or no
    /// polarity.
    pub direction: Option<Direction>,
}

impl Trend {
    /// The actuals alone, for the sparkline.
    pub fn values(&self) -> Vec<Option<f64>> {
        self.points.iter().map(|(_, v)| *v).collect()
    }

    /// In words for a screen reader and the CSV: "Improved from Q1 2017/18 to Q3 2019/20".
    pub fn describe(&self) -> Option<String> {
        let d = self.direction?;
        let mut with = self.points.iter().filter(|(_, v)| v.is_some());
        let first = with.next()?.0;
        let last = with.next_back()?.0;
        Some(format!(
            "{} from {} to {}",
            d.label(),
            first.short_label(),
            last.short_label()
        ))
    }
}

impl<'a> Engine<'a> {
    /// The indicator's trend as at the period in view.
    pub fn trend(&self, i: &'a Indicator) -> Trend {
        let end = self.period.end();
        let upto: Vec<(Period, Option<f64>)> = i
            .values
            .iter()
            .filter(|v| v.period.end() <= end)
            .map(|v| (v.period, v.actual))
            .collect();
        let points = upto[upto.len().saturating_sub(TREND_POINTS)..].to_vec();
        let mut actuals = points.iter().filter_map(|(_, v)| *v);
        let direction = match (actuals.next(), actuals.next_back()) {
            (Some(first), Some(last)) => rag::direction(i.polarity, first, last, i.decimals),
            _ => None,
        };
        Trend { points, direction }
    }
}
