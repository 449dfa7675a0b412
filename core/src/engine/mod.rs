//! The reporting engine: the one place that answers "what is the status, direction, count or
//! overdue state of X as at reporting period P" for indicators, key indicators, exceptions,
//! council summaries, actions, projects, improvement areas and strategic priorities.
//!
//! Every page, the committee pack ([`crate::pack`]), the exports and the offline copy ask an
//! [`Engine`] built for the period in view, so they cannot disagree. The rules themselves are
//! in [`crate::rag`] (indicators) and [`work`] (actions and projects), written down for people
//! in docs/rag-rules.md.
//!
//! One calendar ([`periods`]) serves the whole app: every quarter or year that has an
//! indicator figure or a plan update, newest first.

pub mod changes;
pub mod compare;
pub mod forecast;
pub mod grouping;
pub mod spc;
pub mod trend;
pub mod work;

use crate::model::*;
use crate::period::Period;
use crate::rag::{self, Status, Travel};
use crate::summary::{RagCounts, WorkCounts};
use std::collections::BTreeMap;

pub use changes::Change;
pub use compare::{Comparison, CouncilFigure, Grid, GridCell, GridRow};
pub use forecast::{Forecast, Method};
pub use grouping::{ExceptionGroup, ExceptionGrouping};
pub use spc::{Assurance, Spc, Variation, Xmr};
pub use trend::{Trend, TREND_POINTS};
pub use work::{is_overdue, latest_update, rollup, RollupAt, WorkAt};

/// The heading for the short-term direction of travel, the same on every page, the pack and
/// the CSV export.
pub const SHORT_TERM: &str = "Since the previous figure";
/// The heading for the long-term direction of travel.
pub const LONG_TERM: &str = "Since a year earlier";

/// What a period in the calendar holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeriodHolds {
    /// Some indicator has an actual figure for a period inside it (or for it).
    pub figures: bool,
    /// Some action or project has an update for it.
    pub plan_updates: bool,
}

/// The reporting periods of a dataset, newest first: every quarter or financial year with an
/// indicator figure or target (a month counts for its quarter) or a plan update (actions and
/// projects).
pub fn periods(ds: &Dataset) -> Vec<Period> {
    calendar_map(ds).into_keys().rev().collect()
}

fn calendar_map(ds: &Dataset) -> BTreeMap<Period, PeriodHolds> {
    let mut map: BTreeMap<Period, PeriodHolds> = BTreeMap::new();
    for i in &ds.indicators {
        for v in &i.values {
            if v.actual.is_some() || v.target.is_some() {
                let h = map.entry(reporting_period_of(&v.period)).or_default();
                h.figures |= v.actual.is_some();
            }
        }
    }
    for u in plan_updates(ds) {
        map.entry(reporting_period_of(&u.period))
            .or_default()
            .plan_updates = true;
    }
    map
}

/// The period the app opens on when the link names none: the latest quarter with an indicator
/// figure (the figures are what a committee paper reports), else the latest period with any
/// figure, else the latest period with a plan update.
pub fn default_period(ds: &Dataset) -> Option<Period> {
    let with_actuals = || {
        ds.indicators.iter().flat_map(|i| {
            i.values
                .iter()
                .filter(|v| v.actual.is_some())
                .map(|v| reporting_period_of(&v.period))
        })
    };
    with_actuals()
        .filter(|p| matches!(p, Period::Quarter { .. }))
        .max()
        .or_else(|| with_actuals().max())
        .or_else(|| {
            plan_updates(ds)
                .map(|u| reporting_period_of(&u.period))
                .max()
        })
}

/// The calendar's period a value's or update's period is reported in: a month in its quarter;
/// quarters and years as they are.
pub fn reporting_period_of(p: &Period) -> Period {
    match p {
        Period::Month { .. } => p.quarter().unwrap_or(*p),
        _ => *p,
    }
}

fn plan_updates(ds: &Dataset) -> impl Iterator<Item = &StatusUpdate> {
    ds.projects()
        .flat_map(|(_, x)| x.updates.iter())
        .chain(ds.actions().flat_map(|(_, _, x)| x.updates.iter()))
}

/// The calendar of a dataset: its periods (newest first) and the default period. Worked out
/// once per dataset; choosing a period from a link is then cheap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    /// Newest first.
    pub periods: Vec<Period>,
    /// What each of `periods` holds.
    pub holds: Vec<PeriodHolds>,
    pub default: Option<Period>,
}

impl Calendar {
    pub fn of(ds: &Dataset) -> Calendar {
        let (periods, holds) = calendar_map(ds).into_iter().rev().unzip();
        Calendar {
            periods,
            holds,
            default: default_period(ds),
        }
    }

    /// A period as the period picker offers it: "Q3 2021/22 (plan updates only)".
    pub fn choice_label(&self, p: &Period) -> String {
        let holds = self
            .periods
            .iter()
            .position(|x| x == p)
            .map(|i| self.holds[i])
            .unwrap_or_default();
        match (holds.figures, holds.plan_updates) {
            (false, true) => format!("{} (plan updates only)", p.short_label()),
            (false, false) => format!("{} (targets only)", p.short_label()),
            _ => p.short_label(),
        }
    }

    /// The reporting period from a link's `?period=`: the period when it is one of the
    /// calendar's, else the default, with a note saying why the link's period was not used.
    pub fn choose(&self, param: Option<&str>) -> ChosenPeriod {
        let instead = || match self.default {
            Some(d) => format!("showing {} instead", d.short_label()),
            None => "there is no figure or update yet".to_string(),
        };
        let fallback = |note: String| ChosenPeriod {
            period: self.default,
            chosen: false,
            note: Some(note),
        };
        match param.map(str::trim) {
            None | Some("") => ChosenPeriod {
                period: self.default,
                chosen: false,
                note: None,
            },
            Some(v) => match Period::parse(v) {
                Ok(p) if self.periods.contains(&p) => ChosenPeriod {
                    period: Some(p),
                    chosen: true,
                    note: None,
                },
                Ok(p) => fallback(format!(
                    "period \"{v}\" ({}) has no figures or plan updates in this data; {}",
                    p.short_label(),
                    instead()
                )),
                Err(e) => fallback(format!("period: {e}; {}", instead())),
            },
        }
    }
}

/// The reporting period from a link's `?period=` (see [`Calendar::choose`]).
pub fn period_from_param(ds: &Dataset, param: Option<&str>) -> ChosenPeriod {
    Calendar::of(ds).choose(param)
}

/// The period a view is for, as read from its link.
#[derive(Clone, Debug, PartialEq)]
pub struct ChosenPeriod {
    /// The period (None only when the data has no figure and no update at all).
    pub period: Option<Period>,
    /// Whether the link chose it (else it is the default).
    pub chosen: bool,
    /// Why the link's period was not used.
    pub note: Option<String>,
}

/// An indicator as at a period.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorAt<'a> {
    pub indicator: &'a Indicator,
    /// The status for the period itself (Not due, No data yet, or the rating of the value that
    /// speaks for the period), with that value.
    pub status: Status<'a>,
    /// The latest value with an actual figure at or before the period, and its status: what
    /// "the latest figure" means on every page.
    pub latest: Option<(&'a IndicatorValue, Status<'a>)>,
    /// The period of the latest figure when it is older than the period shown.
    pub as_at: Option<Period>,
    /// Direction of travel of the latest figure against the previous figure.
    pub short_term: Option<Travel>,
    /// Direction of travel of the latest figure against the same period a year earlier.
    pub long_term: Option<Travel>,
}

impl IndicatorAt<'_> {
    /// The status for the period.
    pub fn rag(&self) -> Rag {
        self.status.rag
    }
}

/// An exception (Amber or Red) for the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception<'a> {
    pub indicator: &'a Indicator,
    pub value: &'a IndicatorValue,
    pub rag: Rag,
    pub manual: bool,
    /// Set by hand and different from the rules: the rules' answer.
    pub rules_give: Option<Rag>,
    pub variance: Option<rag::Variance>,
}

/// The engine for one dataset and one reporting period.
#[derive(Clone, Copy, Debug)]
pub struct Engine<'a> {
    pub ds: &'a Dataset,
    pub period: Period,
}

impl<'a> Engine<'a> {
    pub fn new(ds: &'a Dataset, period: Period) -> Engine<'a> {
        Engine { ds, period }
    }

    /// The engine for the default period, if the data has any period at all.
    pub fn at_default(ds: &'a Dataset) -> Option<Engine<'a>> {
        default_period(ds).map(|p| Engine::new(ds, p))
    }

    // ---------------------------------------------------------------------------------------
    // Indicators

    /// An indicator's status for the period.
    pub fn status(&self, i: &'a Indicator) -> Status<'a> {
        rag::status_at(i, &self.period, &self.rule(i))
    }

    /// The status of one of an indicator's values (a row of its figures table, a chart point).
    pub fn value_status(&self, i: &'a Indicator, v: &'a IndicatorValue) -> Status<'a> {
        rag::value_status(i, v, &self.rule(i))
    }

    /// The rule that rates an indicator (its scheme, its council's or the dataset's).
    pub fn rule(&self, i: &Indicator) -> crate::scheme::Rule {
        crate::scheme::rule_for(self.ds, i)
    }

    /// One figure of an indicator (a row of its figures table) as at the period: its status by
    /// the rules, except that a value for a period that ends after the period in view and has
    /// no actual yet is Not due (its period has not come), not No data yet.
    pub fn figure(&self, i: &'a Indicator, v: &'a IndicatorValue) -> Status<'a> {
        let s = self.value_status(i, v);
        if v.actual.is_none() && v.period.end() > self.period.end() {
            Status {
                rag: Rag::NotDue,
                manual: false,
                computed: Rag::NotDue,
                value: Some(v),
            }
        } else {
            s
        }
    }

    /// Everything the pages say about an indicator as at the period.
    pub fn indicator(&self, i: &'a Indicator) -> IndicatorAt<'a> {
        let status = self.status(i);
        let end = self.period.end();
        // The value that speaks for the period when it has a figure, else the latest figure
        // before it.
        let latest = status
            .value
            .filter(|v| v.actual.is_some())
            .or_else(|| {
                i.values
                    .iter()
                    .rev()
                    .find(|v| v.actual.is_some() && v.period.end() <= end)
            })
            .map(|v| (v, self.value_status(i, v)));
        let as_at = latest.map(|(v, _)| v.period).filter(|p| p.end() < end);
        let (short_term, long_term) = match latest {
            Some((v, _)) => (rag::short_term(i, &v.period), rag::long_term(i, &v.period)),
            None => (None, None),
        };
        IndicatorAt {
            indicator: i,
            status,
            latest,
            as_at,
            short_term,
            long_term,
        }
    }

    /// Counts by status for the period over the given indicators.
    pub fn counts(&self, inds: impl IntoIterator<Item = &'a Indicator>) -> RagCounts {
        let mut c = RagCounts::default();
        for i in inds {
            c.add(self.status(i).rag);
        }
        c
    }

    /// A council's own (operational) indicators, in data order: what its figures count.
    /// Shared-service indicators are in no council's (see [`Engine::shared_indicators`]).
    pub fn council_indicators(&self, council: &str) -> Vec<&'a Indicator> {
        let ds: &'a Dataset = self.ds;
        ds.indicators.iter().filter(|i| i.is_own(council)).collect()
    }

    /// The indicators shown in a council's view, in data order: its own and the
    /// shared-service indicators for it.
    pub fn indicators_for(&self, council: &str) -> Vec<&'a Indicator> {
        let ds: &'a Dataset = self.ds;
        ds.indicators.iter().filter(|i| i.serves(council)).collect()
    }

    /// The shared-service indicators (for every council or for some), in data order.
    pub fn shared_indicators(&self) -> Vec<&'a Indicator> {
        let ds: &'a Dataset = self.ds;
        ds.indicators.iter().filter(|i| i.is_shared()).collect()
    }

    /// Each council's counts over its own indicators, in the data's council order (all
    /// councils, even with none). Shared-service indicators are counted in none of them.
    pub fn council_counts(&self) -> Vec<(&'a Council, RagCounts)> {
        self.ds
            .councils
            .iter()
            .map(|c| (c, self.counts(self.council_indicators(&c.id))))
            .collect()
    }

    /// How a council's own indicators fit its rules as at the period: how many statuses set by
    /// hand differ from what the rules give, and how many indicators carry a tolerance or
    /// scheme of their own (what the "How statuses are worked out" page says under a scheme).
    pub fn scheme_fit(&self, council: &str) -> SchemeFit {
        let own = self.council_indicators(council);
        SchemeFit {
            differing: own
                .iter()
                .filter(|i| self.status(i).differs().is_some())
                .count(),
            own_rules: own
                .iter()
                .filter(|i| i.tolerance.is_some() || i.rag_scheme.is_some())
                .count(),
        }
    }

    /// Counts over the shared-service indicators, counted apart from every council's.
    pub fn shared_counts(&self) -> RagCounts {
        self.counts(self.shared_indicators())
    }

    /// The key strategic indicators (those marked `key`) among those `keep` accepts, in data
    /// order.
    pub fn key_indicators(&self, keep: impl Fn(&Indicator) -> bool) -> Vec<IndicatorAt<'a>> {
        self.ds
            .indicators
            .iter()
            .filter(|i| i.key && keep(i))
            .map(|i| self.indicator(i))
            .collect()
    }

    /// The exception report for the period: every Amber and Red indicator that `keep` accepts,
    /// Red first, then Amber, each by council (in the data's order, shared-service indicators
    /// after every council's) then name.
    pub fn exceptions(&self, keep: impl Fn(&Indicator) -> bool) -> Vec<Exception<'a>> {
        let n = self.ds.councils.len();
        let council_rank = |scope: &Scope| match scope {
            Scope::Council(id) => self
                .ds
                .councils
                .iter()
                .position(|c| &c.id == id)
                .unwrap_or(usize::MAX),
            _ => n,
        };
        let mut v: Vec<Exception> = self
            .ds
            .indicators
            .iter()
            .filter(|i| keep(i))
            .filter_map(|i| {
                let s = self.status(i);
                let value = s.value?;
                s.rag.is_exception().then(|| Exception {
                    indicator: i,
                    value,
                    rag: s.rag,
                    manual: s.manual,
                    rules_give: s.differs(),
                    variance: rag::variance(value),
                })
            })
            .collect();
        crate::order::sort_by(&mut v, &|a, b| {
            (a.rag != Rag::Red)
                .cmp(&(b.rag != Rag::Red))
                .then_with(|| {
                    council_rank(&a.indicator.scope).cmp(&council_rank(&b.indicator.scope))
                })
                .then_with(|| a.indicator.name.cmp(&b.indicator.name))
                .then_with(|| a.indicator.id.cmp(&b.indicator.id))
        });
        v
    }

    // ---------------------------------------------------------------------------------------
    // Actions, projects, areas, priorities

    /// A piece of work (its updates and due date) as at the period.
    pub fn work(&self, updates: &[StatusUpdate], due: Option<chrono::NaiveDate>) -> WorkAt {
        work::work_at(updates, due, &self.period)
    }

    pub fn action(&self, a: &Action) -> WorkAt {
        self.work(&a.updates, a.due)
    }

    pub fn project(&self, p: &Project) -> WorkAt {
        self.work(&p.updates, p.due)
    }

    /// A strategic priority: its projects rolled up.
    pub fn priority(&self, p: &Priority) -> RollupAt {
        work::rollup_at(
            p.projects.iter().map(|x| (x.updates.as_slice(), x.due)),
            &self.period,
        )
    }

    /// An improvement area: its actions rolled up.
    pub fn area(&self, a: &Area) -> RollupAt {
        work::rollup_at(
            a.actions.iter().map(|x| (x.updates.as_slice(), x.due)),
            &self.period,
        )
    }

    /// Actions counted by status (with overdue) among those `keep` accepts.
    pub fn action_counts(&self, keep: impl Fn(&Action) -> bool) -> WorkCounts {
        let mut c = WorkCounts::default();
        for (_, _, a) in self.ds.actions() {
            if keep(a) {
                let w = self.action(a);
                c.add(w.status, w.overdue);
            }
        }
        c
    }

    /// Whether any action or project had an update at or before the period (else a plan
    /// summary for the period says plainly that no update existed yet).
    pub fn any_update(&self, plan: PlanKind) -> bool {
        let end = self.period.end();
        plan_updates_of(self.ds, plan).any(|u| u.period.end() <= end)
    }

    /// The period of the newest update in a plan at or before the period, when it is older
    /// than the period: the plan's statuses are "as at" it (at Q3 2021/22 the improvement plan's
    /// last progress report is Q3 2019/20).
    pub fn plan_as_at(&self, plan: PlanKind) -> Option<Period> {
        let end = self.period.end();
        plan_updates_of(self.ds, plan)
            .filter(|u| u.period.end() <= end)
            .map(|u| u.period)
            .max()
            .filter(|p| p.end() < end)
    }

    /// "Overdue" in words for this period: "due before 31 December 2019 and not complete".
    pub fn overdue_rule(&self) -> String {
        format!(
            "due before {} (the end of {}) and not complete",
            crate::fmt::date(self.period.end()),
            self.period.short_label()
        )
    }
}

/// The status of one figure of an indicator (a row of its figures table, a point of its
/// chart), whatever the period in view.
pub fn figure_status<'a>(ds: &Dataset, i: &'a Indicator, v: &'a IndicatorValue) -> Status<'a> {
    rag::value_status(i, v, &crate::scheme::rule_for(ds, i))
}

/// The status figures would have if they were saved as a value of this indicator (the edit
/// form's preview, before anything is recorded): the same rule as every saved figure.
pub fn rate_figures(
    ds: &Dataset,
    i: &Indicator,
    period: &Period,
    target: Option<f64>,
    actual: Option<f64>,
) -> Rag {
    let year_earlier = i.value(&period.year_earlier()).and_then(|v| v.actual);
    crate::scheme::rate(
        &crate::scheme::rule_for(ds, i).scheme,
        crate::scheme::Figures {
            polarity: i.polarity,
            target,
            actual,
            decimals: i.decimals,
            year_earlier,
        },
    )
}

/// The two plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanKind {
    /// Strategic priorities and their projects.
    Strategy,
    /// Improvement themes, areas and actions.
    Improvement,
}

/// The first period with an update in a plan (to say when its reporting starts).
pub fn first_update(ds: &Dataset, plan: PlanKind) -> Option<Period> {
    plan_updates_of(ds, plan).map(|u| u.period).min()
}

/// Every update of one plan: the projects' (strategy) or the actions' (improvement plan).
pub fn plan_updates_of(
    ds: &Dataset,
    plan: PlanKind,
) -> Box<dyn Iterator<Item = &StatusUpdate> + '_> {
    match plan {
        PlanKind::Strategy => Box::new(ds.projects().flat_map(|(_, x)| x.updates.iter())),
        PlanKind::Improvement => Box::new(ds.actions().flat_map(|(_, _, x)| x.updates.iter())),
    }
}

/// "As at Q2 2021/22" when a status comes from an older period, for next to the status.
pub fn as_at_words(as_at: Option<Period>) -> Option<String> {
    as_at.map(|p| format!("as at {}", p.short_label()))
}

/// How a council's own indicators fit its RAG rules as at a period ([`Engine::scheme_fit`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SchemeFit {
    /// Statuses set by hand that differ from what the rules give.
    pub differing: usize,
    /// Indicators with a tolerance or a scheme of their own.
    pub own_rules: usize,
}
