//! Local edits: a log of changes made in the browser on top of the loaded source data, with
//! undo and redo, the rules for applying them (and spotting conflicts when the source data has
//! changed underneath), and the "changes only" file format another officer can import.
//!
//! A change records the value it replaced, so that when a newer source file arrives the app can
//! tell which edits still sit on the value they were made against and which now conflict.

use crate::model::*;
use crate::period::Period;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

mod applying;
mod saved;
#[cfg(test)]
mod tests;

pub use applying::{apply, apply_one, current, holds_data, holds_nothing, Skipped};
pub use saved::{dataset_key, fingerprint, Saved};

/// The changes file format.
pub const CHANGES_FORMAT: &str = "golden-thread-changes/1";

/// What a change is made to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A field of an indicator's value for a period (created if absent).
    IndicatorValue { indicator: String, period: String },
    /// A field of an action's update for a period (created if absent).
    ActionUpdate { action: String, period: String },
    /// A field of a project's update for a period (created if absent).
    ProjectUpdate { project: String, period: String },
    /// A new action in an area; the field is "action" and the value the whole action.
    NewAction { area: String, action: String },
    /// The RAG scheme of one council, or of every council that has none (`council` null); the
    /// field is "rag_scheme" and the value the whole scheme (`null`: none).
    Scheme { council: Option<String> },
    /// A field of the covering report for a reporting period's pack (created if absent; see
    /// [`crate::covering::FIELDS`]).
    CoveringReport { period: String },
}

/// One edit: a field of a target set from `old` to `new` (JSON values; `null` = empty).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Unique id (time and a random part), so two tabs' changes can be merged.
    pub id: String,
    /// When, as an ISO 8601 timestamp.
    pub at: String,
    pub target: Target,
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// Fields an indicator value edit may set.
pub const VALUE_FIELDS: [&str; 7] = [
    "actual",
    "target",
    "commentary",
    "reason",
    "remedial_action",
    "rag",
    "rag_justification",
];
/// Fields an action or project update edit may set.
pub const UPDATE_FIELDS: [&str; 3] = ["status", "percent_complete", "commentary"];

/// The change log with undo and redo. Plain data: the UI wraps it in a signal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditLog {
    pub changes: Vec<Change>,
    #[serde(default, skip_serializing)]
    pub redo: Vec<Change>,
}

impl EditLog {
    /// Records a change (clearing what could be redone).
    pub fn push(&mut self, c: Change) {
        self.changes.push(c);
        self.redo.clear();
    }
    pub fn can_undo(&self) -> bool {
        !self.changes.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// Takes back the latest edit: every change saved together with the latest one (changes
    /// share a group when their ids share the part before the last '.').
    pub fn undo_group(&mut self) -> usize {
        let Some(last) = self.changes.last() else {
            return 0;
        };
        let g = group_of(&last.id).to_string();
        let mut n = 0;
        while self.changes.last().is_some_and(|c| group_of(&c.id) == g) {
            self.undo();
            n += 1;
        }
        n
    }
    /// Puts back the latest undone edit (a whole group).
    pub fn redo_group(&mut self) -> usize {
        let Some(last) = self.redo.last() else {
            return 0;
        };
        let g = group_of(&last.id).to_string();
        let mut n = 0;
        while self.redo.last().is_some_and(|c| group_of(&c.id) == g) {
            self.redo();
            n += 1;
        }
        n
    }
    /// Takes back the latest change.
    pub fn undo(&mut self) -> Option<Change> {
        let c = self.changes.pop()?;
        self.redo.push(c.clone());
        Some(c)
    }
    /// Puts back the latest undone change.
    pub fn redo(&mut self) -> Option<Change> {
        let c = self.redo.pop()?;
        self.changes.push(c.clone());
        Some(c)
    }
    /// Removes every change to one field of one target (reverting it to the source).
    pub fn revert(&mut self, target: &Target, field: &str) {
        self.changes
            .retain(|c| !(c.target == *target && c.field == field));
        self.redo.clear();
    }
    pub fn clear(&mut self) {
        self.changes.clear();
        self.redo.clear();
    }
    /// Adds the changes another tab (or file) has that this log lacks, keeping time order.
    /// Returns how many were added.
    pub fn merge(&mut self, other: &[Change]) -> usize {
        let mut added = 0;
        for c in other {
            if !self.changes.iter().any(|x| x.id == c.id) {
                self.changes.push(c.clone());
                added += 1;
            }
        }
        if added > 0 {
            crate::order::sort_by(&mut self.changes, &|a, b| {
                a.at.cmp(&b.at).then(a.id.cmp(&b.id))
            });
        }
        added
    }
}

/// What following another tab's log did to this one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Followed {
    /// Changes the other tab made that are now here too.
    pub added: usize,
    /// Changes the other tab took back (an undo, a revert, a discard) that are now taken back
    /// here too (and can be put back here with Redo).
    pub removed: usize,
}

impl EditLog {
    /// Follows another tab's log as it is now, removals included. `base` is what this tab last
    /// knew the shared storage to hold, `theirs` what it holds now (empty when the other tab
    /// removed it). What the other tab added since `base` is added here; what it took away
    /// since `base` is taken away here too and put on this tab's redo list; what only this tab
    /// has, which storage never held (a save that failed), is kept. Keeps time order.
    ///
    /// Following only the additions (as [`EditLog::merge`] does for a changes file) would bring
    /// back an undo made in the other tab with this tab's next save.
    pub fn follow(&mut self, base: &[Change], theirs: &[Change]) -> Followed {
        let has = |list: &[Change], id: &str| list.iter().any(|c| c.id == id);
        let mut out = Followed::default();
        let mut taken: Vec<Change> = Vec::new();
        self.changes.retain(|c| {
            let gone = has(base, &c.id) && !has(theirs, &c.id);
            if gone {
                taken.push(c.clone());
            }
            !gone
        });
        out.removed = taken.len();
        for c in theirs {
            if !has(&self.changes, &c.id) {
                self.changes.push(c.clone());
                out.added += 1;
            }
        }
        if out.added > 0 {
            crate::order::sort_by(&mut self.changes, &|a, b| {
                a.at.cmp(&b.at).then(a.id.cmp(&b.id))
            });
        }
        // What is back is no longer to redo; what was taken back can be redone, latest last.
        let now = self.changes.clone();
        self.redo.retain(|c| !has(&now, &c.id));
        crate::order::sort_by(&mut taken, &|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        self.redo.extend(taken);
        out
    }
}

/// The group part of a change id ("t123-ab.2" → "t123-ab").
pub fn group_of(id: &str) -> &str {
    id.rsplit_once('.').map(|(g, _)| g).unwrap_or(id)
}

/// The net effect of the log on one field: from the source value to the latest value.
#[derive(Clone, Debug, PartialEq)]
pub struct NetChange {
    pub target: Target,
    pub field: String,
    /// The value in the source data now.
    pub source: Value,
    /// The value the first edit replaced (differs from `source` when the source changed).
    pub edited_from: Value,
    pub new: Value,
    pub at: String,
    pub count: usize,
}

impl NetChange {
    /// The source data changed under this edit since it was made.
    pub fn conflicts(&self) -> bool {
        self.source != self.edited_from
    }
}

/// The net change per field, in the order first edited, against the source as it is now.
pub fn net_changes(source: &Dataset, log: &[Change]) -> Vec<NetChange> {
    let mut out: Vec<NetChange> = Vec::new();
    for c in log {
        match out
            .iter_mut()
            .find(|n| n.target == c.target && n.field == c.field)
        {
            Some(n) => {
                n.new = c.new.clone();
                n.at = c.at.clone();
                n.count += 1;
            }
            None => out.push(NetChange {
                target: c.target.clone(),
                field: c.field.clone(),
                source: current(source, &c.target, &c.field),
                edited_from: c.old.clone(),
                new: c.new.clone(),
                at: c.at.clone(),
                count: 1,
            }),
        }
    }
    // An edit that ends where the source is changes nothing.
    out.retain(|n| n.new != n.source || n.conflicts());
    out
}

/// How many things the user changed: one per saved form (a figure's period, an action's or a
/// project's update, a new action), however many of its fields it changed. This is what
/// "Your changes (N)" counts.
pub fn count_edits(net: &[NetChange]) -> usize {
    let mut targets: Vec<&Target> = Vec::new();
    for n in net {
        if !targets.contains(&&n.target) {
            targets.push(&n.target);
        }
    }
    targets.len()
}

/// A field's label for people.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "actual" => "Actual",
        "target" => "Target",
        "commentary" => "Commentary",
        "reason" => "Reason",
        "remedial_action" => "Remedial action",
        "rag" => "Status set by hand",
        "rag_justification" => "Why the status was set by hand",
        "status" => "Status",
        "percent_complete" => "Percent complete",
        "action" => "New action",
        "rag_scheme" => "RAG scheme",
        other => crate::covering::field_label(other).unwrap_or("Field"),
    }
}
