//! "What changed since last quarter": the indicators whose status for the period differs from
//! their status for the period before (docs/analysis.md).
//!
//! The period before is the previous period of the same kind (Q2 before Q3, Q4 of last year
//! before Q1, last year before a year). Only changes between two ratings count (Red, Amber,
//! Green): an annual indicator going from Not due to Green, or a figure not yet in (No data
//! yet), is not a change of performance. Worst new status first (Red, then Amber, then Green);
//! within one, worsened before improved, then the newest latest figure first, then data order.

use super::Engine;
use crate::model::{Indicator, Rag};
use crate::period::Period;

/// One indicator whose status changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change<'a> {
    pub indicator: &'a Indicator,
    pub before: Rag,
    pub now: Rag,
    /// The period of the figure the new status comes from.
    pub figure_period: Option<Period>,
}

impl Change<'_> {
    /// Whether the new status is worse than the old.
    pub fn worsened(&self) -> bool {
        rank(self.now) < rank(self.before)
    }

    /// "Green → Red", in words: "On target to Off target".
    pub fn describe(&self) -> String {
        format!(
            "{} ({}) to {} ({})",
            self.before.colour_word(),
            self.before.label(),
            self.now.colour_word(),
            self.now.label()
        )
    }
}

fn rank(r: Rag) -> u8 {
    match r {
        Rag::Red => 0,
        Rag::Amber => 1,
        _ => 2,
    }
}

fn rated(r: Rag) -> bool {
    matches!(r, Rag::Red | Rag::Amber | Rag::Green)
}

impl<'a> Engine<'a> {
    /// The period the changes are counted from.
    pub fn previous_period(&self) -> Period {
        self.period.previous()
    }

    /// The indicators `keep` accepts whose status changed since the previous period.
    pub fn changes(&self, keep: impl Fn(&Indicator) -> bool) -> Vec<Change<'a>> {
        let before = Engine::new(self.ds, self.previous_period());
        let ds: &'a crate::model::Dataset = self.ds;
        let mut out: Vec<(usize, Change<'a>)> = ds
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| keep(i))
            .filter_map(|(k, i)| {
                let now = self.status(i);
                let was = before.status(i).rag;
                (rated(now.rag) && rated(was) && now.rag != was).then(|| {
                    (
                        k,
                        Change {
                            indicator: i,
                            before: was,
                            now: now.rag,
                            figure_period: now.value.map(|v| v.period),
                        },
                    )
                })
            })
            .collect();
        crate::order::sort_by(&mut out, &|(ka, a), (kb, b)| {
            rank(a.now)
                .cmp(&rank(b.now))
                .then_with(|| b.worsened().cmp(&a.worsened()))
                .then_with(|| b.figure_period.cmp(&a.figure_period))
                .then_with(|| ka.cmp(kb))
        });
        out.into_iter().map(|(_, c)| c).collect()
    }
}

/// A change as plain text and statuses, for the overview and the committee pack.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub id: String,
    pub name: String,
    /// The council's name, or "Shared service …".
    pub council: String,
    pub service: String,
    pub before: Rag,
    pub now: Rag,
    pub worsened: bool,
    /// The period of the figure the new status comes from: "Q3 2019/20", "November 2019".
    pub figure: Option<String>,
}

impl Change<'_> {
    pub fn row(&self, ds: &crate::model::Dataset) -> ChangeRow {
        let i = self.indicator;
        ChangeRow {
            id: i.id.clone(),
            name: i.name.clone(),
            council: ds.scope_name(&i.scope),
            service: ds.service_name(&i.service).to_string(),
            before: self.before,
            now: self.now,
            worsened: self.worsened(),
            figure: self.figure_period.map(|p| p.short_label()),
        }
    }
}

impl Engine<'_> {
    /// The changes `keep` accepts as rows, and a sentence saying what they are (or that there
    /// are none).
    pub fn change_rows(&self, keep: impl Fn(&Indicator) -> bool) -> (Vec<ChangeRow>, String) {
        let rows: Vec<ChangeRow> = self.changes(keep).iter().map(|c| c.row(self.ds)).collect();
        let (from, to) = (
            self.previous_period().short_label(),
            self.period.short_label(),
        );
        let words = if rows.is_empty() {
            format!("No indicator's rating changed between {from} and {to}.")
        } else {
            let worse = rows.iter().filter(|r| r.worsened).count();
            format!(
                "{} changed rating between {from} and {to} ({worse} worse, {} better): the worst new status first.",
                crate::fmt::count(rows.len(), "indicator", "indicators"),
                rows.len() - worse
            )
        };
        (rows, words)
    }
}
