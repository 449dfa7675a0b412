//! Comparing councils as at a period: one shared definition's indicators side by side (each
//! rated by its own council's rules, through [`Engine::indicator`]) and over time, and the
//! service × council grid of status counts (through [`Engine::counts`], so a column's total is
//! the council's count on the overview).
//!
//! Nothing here rates a figure: every status is the engine's answer for that indicator, so a
//! council whose scheme calls a figure Amber and another whose scheme calls the same figure Red
//! are shown as their own councils would report them.

use super::{Engine, IndicatorAt};
use crate::model::*;
use crate::period::Period;
use crate::rag::Status;
use crate::summary::RagCounts;

/// One council's indicator for a shared definition, as at the period.
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilFigure<'a> {
    pub council: &'a Council,
    /// Its indicator as at the period: status by its own council's rules, figure, target,
    /// direction of travel.
    pub at: IndicatorAt<'a>,
    /// Its figures over time up to the period (values with an actual that end no later than
    /// it), in period order, each with its status by the same rules.
    pub series: Vec<(&'a IndicatorValue, Status<'a>)>,
}

impl<'a> CouncilFigure<'a> {
    /// The council's figure for a period of the series, with its status.
    pub fn at_period(&self, p: &Period) -> Option<&(&'a IndicatorValue, Status<'a>)> {
        self.series.iter().find(|(v, _)| v.period == *p)
    }
}

/// A shared definition across the councils in view, as at the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison<'a> {
    pub definition: &'a Definition,
    /// Each council in view that reports the definition, in the data's council order.
    pub councils: Vec<CouncilFigure<'a>>,
    /// The councils in view that do not report it.
    pub not_reported: Vec<&'a Council>,
    /// Every period any council has a figure for in the series, in order: the chart's axis and
    /// the rows of its table.
    pub periods: Vec<Period>,
}

/// A cell of the service × council grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridCell {
    /// The service is not provided to the council.
    NotProvided,
    /// The council's own indicators of the service, counted by status for the period (all
    /// zero when it has none).
    Counts(RagCounts),
}

/// One service's row of the grid.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow<'a> {
    pub service: &'a Service,
    /// One cell per column (`Grid::councils`).
    pub cells: Vec<GridCell>,
}

/// Services (rows) by councils (columns): each council's own indicators counted by status for
/// the period. Shared-service indicators are in no council's column, as on the overview.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid<'a> {
    pub councils: Vec<&'a Council>,
    pub rows: Vec<GridRow<'a>>,
    /// Each column's counts over the rows shown: with every service shown, the council's
    /// counts on the overview ([`Engine::council_counts`]).
    pub totals: Vec<RagCounts>,
}

impl<'a> Engine<'a> {
    /// A shared definition across the councils `keep` accepts; None when the data has no such
    /// definition.
    pub fn compare(
        &self,
        definition: &str,
        keep: impl Fn(&Council) -> bool,
    ) -> Option<Comparison<'a>> {
        let ds: &'a Dataset = self.ds;
        let definition = ds.definition(definition)?;
        let end = self.period.end();
        let mut councils = Vec::new();
        let mut not_reported = Vec::new();
        for c in ds.councils.iter().filter(|c| keep(c)) {
            let found = ds
                .indicators
                .iter()
                .find(|i| i.is_own(&c.id) && i.definition.as_deref() == Some(&definition.id));
            let Some(i) = found else {
                not_reported.push(c);
                continue;
            };
            let series = i
                .values
                .iter()
                .filter(|v| v.actual.is_some() && v.period.end() <= end)
                .map(|v| (v, self.value_status(i, v)))
                .collect();
            councils.push(CouncilFigure {
                council: c,
                at: self.indicator(i),
                series,
            });
        }
        let mut periods: Vec<Period> = councils
            .iter()
            .flat_map(|f| f.series.iter().map(|(v, _)| v.period))
            .collect();
        crate::order::sort(&mut periods);
        periods.dedup();
        Some(Comparison {
            definition,
            councils,
            not_reported,
            periods,
        })
    }

    /// The service × council grid for the councils and services the filters accept: a row
    /// for every service provided to a council in view, a column for every council in view.
    pub fn grid(
        &self,
        keep_council: impl Fn(&Council) -> bool,
        keep_service: impl Fn(&Service) -> bool,
    ) -> Grid<'a> {
        let ds: &'a Dataset = self.ds;
        let councils: Vec<&'a Council> = ds.councils.iter().filter(|c| keep_council(c)).collect();
        let provided = |s: &Service, c: &Council| s.councils.contains(&c.id);
        let rows: Vec<GridRow<'a>> = ds
            .services
            .iter()
            .filter(|s| keep_service(s) && councils.iter().any(|c| provided(s, c)))
            .map(|s| GridRow {
                service: s,
                cells: councils
                    .iter()
                    .map(|c| {
                        if provided(s, c) {
                            GridCell::Counts(self.counts(self.own_in(&c.id, |i| i.service == s.id)))
                        } else {
                            GridCell::NotProvided
                        }
                    })
                    .collect(),
            })
            .collect();
        let shown: Vec<&str> = rows.iter().map(|r| r.service.id.as_str()).collect();
        let totals = councils
            .iter()
            .map(|c| self.counts(self.own_in(&c.id, |i| shown.contains(&i.service.as_str()))))
            .collect();
        Grid {
            councils,
            rows,
            totals,
        }
    }

    /// A council's own indicators that `keep` accepts.
    fn own_in(&self, council: &str, keep: impl Fn(&Indicator) -> bool) -> Vec<&'a Indicator> {
        let mut v = self.council_indicators(council);
        v.retain(|i| keep(i));
        v
    }
}
