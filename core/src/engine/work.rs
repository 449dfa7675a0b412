//! The rules for pieces of work (improvement actions and strategic projects) as at a
//! reporting period: status from the latest update, overdue, and the roll-up of several pieces
//! into one status (a strategic priority, an improvement area). Written down for people in
//! docs/rag-rules.md ("Actions and projects"): keep the two in step.

use crate::model::*;
use crate::period::Period;
use crate::summary::WorkCounts;
use chrono::NaiveDate;

/// The latest update at or before `period` (by period end), with its index in `updates`.
pub fn latest_update<'a>(
    updates: &'a [StatusUpdate],
    period: &Period,
) -> Option<(usize, &'a StatusUpdate)> {
    let end = period.end();
    updates
        .iter()
        .enumerate()
        .filter(|(_, u)| u.period.end() <= end)
        .max_by_key(|(i, u)| (u.period, *i))
}

/// Overdue: due before the end of the reporting period and not complete. Due on the period's
/// last day is not overdue yet; work with no due date is never overdue.
pub fn is_overdue(due: Option<NaiveDate>, status: WorkStatus, period: &Period) -> bool {
    status != WorkStatus::Complete && due.is_some_and(|d| d < period.end())
}

/// A piece of work as at a period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkAt {
    /// From the latest update at or before the period; Not started when there is none.
    pub status: WorkStatus,
    pub overdue: bool,
    /// Index in the item's updates of the latest update at or before the period.
    pub index: Option<usize>,
    /// The latest percent complete reported at or before the period.
    pub percent: Option<f64>,
    /// The period of the update the status comes from, when it is older than the period
    /// shown ("At risk, as at Q2 2021/22").
    pub as_at: Option<Period>,
}

/// The state of work with these updates and due date as at `period`.
pub fn work_at(updates: &[StatusUpdate], due: Option<NaiveDate>, period: &Period) -> WorkAt {
    let latest = latest_update(updates, period);
    let status = latest.map_or(WorkStatus::NotStarted, |(_, u)| u.status);
    let end = period.end();
    let percent = updates
        .iter()
        .enumerate()
        .filter(|(_, x)| x.period.end() <= end)
        .filter_map(|(i, x)| Some((x.period, i, x.percent_complete?)))
        .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|(_, _, pc)| pc);
    WorkAt {
        status,
        overdue: is_overdue(due, status, period),
        index: latest.map(|(i, _)| i),
        percent,
        as_at: latest
            .map(|(_, u)| u.period)
            .filter(|p| p.end() < period.end()),
    }
}

/// The overall status of a set of projects or actions (the rule for a strategic priority and
/// an improvement area): Off track if any is off track; else At risk if any is at risk; else On
/// track if any is on track, or some are complete and the rest not started; Complete when all
/// are complete; Not started when none has started or there are none.
pub fn rollup(statuses: impl IntoIterator<Item = WorkStatus>) -> WorkStatus {
    let (mut red, mut amber, mut green, mut complete, mut not_started) =
        (false, false, false, false, false);
    for s in statuses {
        match s {
            WorkStatus::Red => red = true,
            WorkStatus::Amber => amber = true,
            WorkStatus::Green => green = true,
            WorkStatus::Complete => complete = true,
            WorkStatus::NotStarted => not_started = true,
        }
    }
    if red {
        WorkStatus::Red
    } else if amber {
        WorkStatus::Amber
    } else if green || (complete && not_started) {
        WorkStatus::Green
    } else if complete {
        WorkStatus::Complete
    } else {
        WorkStatus::NotStarted
    }
}

impl Default for WorkAt {
    /// Not started, with no update.
    fn default() -> WorkAt {
        WorkAt {
            status: WorkStatus::NotStarted,
            overdue: false,
            index: None,
            percent: None,
            as_at: None,
        }
    }
}

impl WorkAt {
    /// The update the status comes from.
    pub fn update<'a>(&self, updates: &'a [StatusUpdate]) -> Option<&'a StatusUpdate> {
        self.index.and_then(|i| updates.get(i))
    }
}

/// Several pieces of work as at a period: their overall status, their counts by status (with
/// overdue), and the period of the newest update among them when that is older than the
/// period shown.
#[derive(Clone, Debug, PartialEq)]
pub struct RollupAt {
    pub status: WorkStatus,
    pub counts: WorkCounts,
    pub as_at: Option<Period>,
}

impl Default for RollupAt {
    /// Nothing to roll up: Not started.
    fn default() -> RollupAt {
        RollupAt {
            status: WorkStatus::NotStarted,
            counts: WorkCounts::default(),
            as_at: None,
        }
    }
}

/// Rolls up pieces of work (their updates and due dates) as at a period.
pub fn rollup_at<'a>(
    items: impl IntoIterator<Item = (&'a [StatusUpdate], Option<NaiveDate>)>,
    period: &Period,
) -> RollupAt {
    let mut counts = WorkCounts::default();
    let mut statuses = Vec::new();
    let mut newest: Option<Period> = None;
    for (updates, due) in items {
        let w = work_at(updates, due, period);
        counts.add(w.status, w.overdue);
        statuses.push(w.status);
        if let Some(u) = w.index.map(|i| &updates[i]) {
            newest = Some(newest.map_or(u.period, |n| n.max(u.period)));
        }
    }
    RollupAt {
        status: rollup(statuses),
        counts,
        as_at: newest.filter(|p| p.end() < period.end()),
    }
}
