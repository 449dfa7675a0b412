//! Summaries for dashboards and the committee pack: RAG counts, exceptions, action and
//! project progress, and priority status.

use crate::model::*;
use crate::period::Period;
use crate::rag::{status_at, variance, Variance};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// How many indicators are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RagCounts {
    pub green: usize,
    pub amber: usize,
    pub red: usize,
    pub no_data: usize,
    pub data_only: usize,
    pub not_due: usize,
}

impl RagCounts {
    pub fn add(&mut self, rag: Rag) {
        match rag {
            Rag::Green => self.green += 1,
            Rag::Amber => self.amber += 1,
            Rag::Red => self.red += 1,
            Rag::NoData => self.no_data += 1,
            Rag::DataOnly => self.data_only += 1,
            Rag::NotDue => self.not_due += 1,
        }
    }
    pub fn get(&self, rag: Rag) -> usize {
        match rag {
            Rag::Green => self.green,
            Rag::Amber => self.amber,
            Rag::Red => self.red,
            Rag::NoData => self.no_data,
            Rag::DataOnly => self.data_only,
            Rag::NotDue => self.not_due,
        }
    }
    pub fn total(&self) -> usize {
        self.green + self.amber + self.red + self.no_data + self.data_only + self.not_due
    }
    /// Those with a Red, Amber or Green rating.
    pub fn rated(&self) -> usize {
        self.green + self.amber + self.red
    }
}

/// RAG counts for a period over the given indicators.
pub fn rag_counts<'a>(
    ds: &Dataset,
    indicators: impl IntoIterator<Item = &'a Indicator>,
    period: &Period,
) -> RagCounts {
    let tol = ds.tolerance_default();
    let mut c = RagCounts::default();
    for i in indicators {
        c.add(status_at(i, period, tol).rag);
    }
    c
}

/// RAG counts by a key (council id, service id…), in key order.
pub fn rag_counts_by<'a, K: Ord>(
    ds: &'a Dataset,
    period: &Period,
    key: impl Fn(&'a Indicator) -> K,
) -> BTreeMap<K, RagCounts> {
    let tol = ds.tolerance_default();
    let mut m: BTreeMap<K, RagCounts> = BTreeMap::new();
    for i in &ds.indicators {
        m.entry(key(i))
            .or_default()
            .add(status_at(i, period, tol).rag);
    }
    m
}

/// One line of the exception report.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception<'a> {
    pub indicator: &'a Indicator,
    pub value: &'a IndicatorValue,
    pub rag: Rag,
    pub variance: Option<Variance>,
}

/// Amber and Red indicators for the period: Red first, then Amber, each by council then name.
pub fn exceptions<'a>(ds: &'a Dataset, period: &Period) -> Vec<Exception<'a>> {
    let tol = ds.tolerance_default();
    let mut v: Vec<Exception> = ds
        .indicators
        .iter()
        .filter_map(|i| {
            let s = status_at(i, period, tol);
            let value = s.value?;
            s.rag.is_exception().then(|| Exception {
                indicator: i,
                value,
                rag: s.rag,
                variance: variance(value),
            })
        })
        .collect();
    v.sort_by(|a, b| {
        (a.rag != Rag::Red)
            .cmp(&(b.rag != Rag::Red))
            .then_with(|| a.indicator.council.cmp(&b.indicator.council))
            .then_with(|| a.indicator.name.cmp(&b.indicator.name))
    });
    v
}

/// The latest update at or before a period (by period end).
pub fn latest_update<'a>(
    updates: &'a [StatusUpdate],
    period: Option<&Period>,
) -> Option<&'a StatusUpdate> {
    updates
        .iter()
        .rev()
        .find(|u| period.is_none_or(|p| u.period.end() <= p.end()))
}

/// Status of an action or project at a period: its latest update, else not started.
pub fn work_status(updates: &[StatusUpdate], period: Option<&Period>) -> WorkStatus {
    latest_update(updates, period)
        .map(|u| u.status)
        .unwrap_or(WorkStatus::NotStarted)
}

/// Overdue: the due date has passed by `on` and the work is not complete.
pub fn is_overdue(due: Option<NaiveDate>, status: WorkStatus, on: NaiveDate) -> bool {
    due.is_some_and(|d| d < on) && status != WorkStatus::Complete
}

/// Counts of actions (or projects) by status, and how many are overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkCounts {
    pub complete: usize,
    pub on_track: usize,
    pub at_risk: usize,
    pub off_track: usize,
    pub not_started: usize,
    pub overdue: usize,
}

impl WorkCounts {
    pub fn add(&mut self, status: WorkStatus, overdue: bool) {
        match status {
            WorkStatus::Complete => self.complete += 1,
            WorkStatus::Green => self.on_track += 1,
            WorkStatus::Amber => self.at_risk += 1,
            WorkStatus::Red => self.off_track += 1,
            WorkStatus::NotStarted => self.not_started += 1,
        }
        if overdue {
            self.overdue += 1;
        }
    }
    pub fn get(&self, status: WorkStatus) -> usize {
        match status {
            WorkStatus::Complete => self.complete,
            WorkStatus::Green => self.on_track,
            WorkStatus::Amber => self.at_risk,
            WorkStatus::Red => self.off_track,
            WorkStatus::NotStarted => self.not_started,
        }
    }
    pub fn total(&self) -> usize {
        self.complete + self.on_track + self.at_risk + self.off_track + self.not_started
    }
}

/// The date "now" is for a period: its last day, or the dataset's as-of date if earlier.
pub fn reference_date(ds: &Dataset, period: Option<&Period>) -> NaiveDate {
    match (period.map(|p| p.end()), ds.as_of) {
        (Some(e), Some(a)) => e.min(a),
        (Some(e), None) => e,
        (None, Some(a)) => a,
        (None, None) => NaiveDate::MAX,
    }
}

/// Counts of improvement actions by status at a period, with overdue.
pub fn action_counts<'a>(
    ds: &Dataset,
    actions: impl IntoIterator<Item = &'a Action>,
    period: Option<&Period>,
) -> WorkCounts {
    let on = reference_date(ds, period);
    let mut c = WorkCounts::default();
    for a in actions {
        let s = work_status(&a.updates, period);
        c.add(s, is_overdue(a.due, s, on));
    }
    c
}

/// The overall status of a priority from its projects' latest updates:
/// Red if any project is Red; else Amber if any is Amber; else Green if any is Green;
/// Complete when every project is complete; Not started when none has started.
pub fn priority_status(p: &Priority, period: Option<&Period>) -> WorkStatus {
    let statuses: Vec<WorkStatus> = p
        .projects
        .iter()
        .map(|x| work_status(&x.updates, period))
        .collect();
    if statuses.is_empty() {
        return WorkStatus::NotStarted;
    }
    for s in [WorkStatus::Red, WorkStatus::Amber, WorkStatus::Green] {
        if statuses.contains(&s) {
            return s;
        }
    }
    if statuses.iter().all(|s| *s == WorkStatus::Complete) {
        WorkStatus::Complete
    } else if statuses.contains(&WorkStatus::Complete) {
        // Some complete, the rest not started: work is under way.
        WorkStatus::Green
    } else {
        WorkStatus::NotStarted
    }
}

/// The latest period with any actual figure (the default reporting period): the latest
/// quarter when there is one, else the latest period of any kind.
pub fn latest_period_with_data(ds: &Dataset) -> Option<Period> {
    let with_actuals = || {
        ds.indicators.iter().flat_map(|i| {
            i.values
                .iter()
                .filter(|v| v.actual.is_some())
                .map(|v| v.period)
        })
    };
    with_actuals()
        .filter(|p| matches!(p, Period::Quarter { .. }))
        .max()
        .or_else(|| with_actuals().max())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ds() -> Dataset {
        crate::parse_dataset(
            &json!({
                "format": "golden-thread/1", "title": "t", "organisation": "o", "as_of": "2019-12-31",
                "councils": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
                "services": [ { "id": "s", "name": "S", "councils": ["a", "b"] } ],
                "priorities": [
                    { "id": "P1", "title": "p1", "projects": [
                        { "id": "x1", "title": "x", "updates": [ { "period": "2019-20-Q1", "status": "green" }, { "period": "2019-20-Q2", "status": "red" } ] },
                        { "id": "x2", "title": "x", "updates": [ { "period": "2019-20-Q2", "status": "amber" } ] } ] },
                    { "id": "P2", "title": "p2", "projects": [
                        { "id": "y1", "title": "y", "updates": [ { "period": "2019-20-Q1", "status": "complete" } ] },
                        { "id": "y2", "title": "y" } ] },
                    { "id": "P3", "title": "p3", "projects": [
                        { "id": "z1", "title": "z", "updates": [ { "period": "2019-20-Q1", "status": "complete" } ] } ] },
                    { "id": "P4", "title": "p4" }
                ],
                "themes": [ { "id": "T1", "title": "t", "areas": [ { "id": "A1", "title": "a", "actions": [
                    { "id": "a1", "title": "late", "due": "2019-09-30", "updates": [ { "period": "2019-20-Q2", "status": "amber" } ] },
                    { "id": "a2", "title": "done late", "due": "2019-09-30", "updates": [ { "period": "2019-20-Q2", "status": "complete" } ] },
                    { "id": "a3", "title": "not yet due", "due": "2020-03-31", "updates": [ { "period": "2019-20-Q1", "status": "green" } ] },
                    { "id": "a4", "title": "never started", "due": "2019-06-30" } ] } ] } ],
                "indicators": [
                    { "id": "i1", "name": "Zed", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 95, "reason": "r" } ] },
                    { "id": "i2", "name": "Alpha", "service": "s", "council": "b", "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 50 } ] },
                    { "id": "i3", "name": "Beta", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "lower",
                      "values": [ { "period": "2019-20-Q2", "target": 10, "actual": 9 } ] },
                    { "id": "i4", "name": "Gamma", "service": "s", "council": "a", "frequency": "annual", "polarity": "lower",
                      "values": [ { "period": "2018-19", "target": 10, "actual": 9 } ] }
                ]
            })
            .to_string(),
        )
        .unwrap()
    }

    fn q(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn rag_counts_by_council() {
        let d = ds();
        let by = rag_counts_by(&d, &q("2019-20-Q2"), |i| i.council.clone());
        let a = by["a"];
        assert_eq!(
            (a.green, a.amber, a.red, a.not_due, a.total()),
            (1, 1, 0, 1, 3)
        );
        assert_eq!(by["b"].red, 1);
        assert_eq!(rag_counts(&d, &d.indicators, &q("2019-20-Q2")).rated(), 3);
    }

    #[test]
    fn exceptions_red_first_with_variance() {
        let d = ds();
        let ex = exceptions(&d, &q("2019-20-Q2"));
        let ids: Vec<&str> = ex.iter().map(|e| e.indicator.id.as_str()).collect();
        assert_eq!(ids, ["i2", "i1"]);
        assert_eq!(ex[0].variance.unwrap().absolute, -50.0);
        assert_eq!(ex[1].value.reason.as_deref(), Some("r"));
    }

    #[test]
    fn action_counts_and_overdue() {
        let d = ds();
        let actions: Vec<_> = d.actions().map(|(_, _, a)| a).collect();
        let c = action_counts(&d, actions.iter().copied(), Some(&q("2019-20-Q2")));
        assert_eq!(
            (c.at_risk, c.complete, c.on_track, c.not_started),
            (1, 1, 1, 1)
        );
        // a1 (amber, due 30 Sep) is not overdue on 30 Sep itself; a4 (due June) is.
        assert_eq!(c.overdue, 1);
        let c3 = action_counts(&d, actions.iter().copied(), Some(&q("2019-20-Q3")));
        assert_eq!(c3.overdue, 2, "a1 and a4 past due by December, a2 complete");
        // At Q1 the Q2 updates have not happened: a1 and a2 are not started yet.
        let c1 = action_counts(&d, actions.iter().copied(), Some(&q("2019-20-Q1")));
        assert_eq!((c1.not_started, c1.on_track), (3, 1));
    }

    #[test]
    fn priority_status_rule() {
        let d = ds();
        let st: Vec<WorkStatus> = d
            .priorities
            .iter()
            .map(|p| priority_status(p, None))
            .collect();
        assert_eq!(
            st,
            [
                WorkStatus::Red,
                WorkStatus::Green,
                WorkStatus::Complete,
                WorkStatus::NotStarted
            ]
        );
        // At Q1, P1's only update is green.
        assert_eq!(
            priority_status(&d.priorities[0], Some(&q("2019-20-Q1"))),
            WorkStatus::Green
        );
    }

    #[test]
    fn latest_period_prefers_quarters() {
        assert_eq!(latest_period_with_data(&ds()), Some(q("2019-20-Q2")));
    }
}
