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
            self.changes
                .sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
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
            self.changes
                .sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
        }
        // What is back is no longer to redo; what was taken back can be redone, latest last.
        let now = self.changes.clone();
        self.redo.retain(|c| !has(&now, &c.id));
        taken.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
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

fn fnum(v: Option<f64>) -> Value {
    v.map(|x| json!(x)).unwrap_or(Value::Null)
}
fn ftext(v: &Option<String>) -> Value {
    v.as_ref().map(|s| json!(s)).unwrap_or(Value::Null)
}

fn value_field(v: Option<&IndicatorValue>, field: &str) -> Value {
    let Some(v) = v else { return Value::Null };
    match field {
        "actual" => fnum(v.actual),
        "target" => fnum(v.target),
        "commentary" => ftext(&v.commentary),
        "reason" => ftext(&v.reason),
        "remedial_action" => ftext(&v.remedial_action),
        "rag" => v.rag.map(|r| json!(r.as_str())).unwrap_or(Value::Null),
        "rag_justification" => ftext(&v.rag_justification),
        _ => Value::Null,
    }
}

fn update_field(u: Option<&StatusUpdate>, field: &str) -> Value {
    let Some(u) = u else { return Value::Null };
    match field {
        "status" => json!(u.status.as_str()),
        "percent_complete" => fnum(u.percent_complete),
        "commentary" => ftext(&u.commentary),
        _ => Value::Null,
    }
}

fn find_action_mut<'a>(ds: &'a mut Dataset, id: &str) -> Option<&'a mut Action> {
    ds.themes
        .iter_mut()
        .flat_map(|t| t.areas.iter_mut())
        .flat_map(|a| a.actions.iter_mut())
        .find(|a| a.id == id)
}

fn find_project_mut<'a>(ds: &'a mut Dataset, id: &str) -> Option<&'a mut Project> {
    ds.priorities
        .iter_mut()
        .flat_map(|p| p.projects.iter_mut())
        .find(|p| p.id == id)
}

/// The current value of a target's field in a dataset (`null` when absent).
pub fn current(ds: &Dataset, target: &Target, field: &str) -> Value {
    match target {
        Target::IndicatorValue { indicator, period } => {
            let p = Period::parse(period).ok();
            let v = ds
                .indicator(indicator)
                .and_then(|i| p.and_then(|p| i.value(&p)));
            value_field(v, field)
        }
        Target::ActionUpdate { action, period } => {
            let p = Period::parse(period).ok();
            let u = ds
                .actions()
                .find(|(_, _, a)| a.id == *action)
                .and_then(|(_, _, a)| a.updates.iter().find(|u| Some(u.period) == p));
            update_field(u, field)
        }
        Target::ProjectUpdate { project, period } => {
            let p = Period::parse(period).ok();
            let u = ds
                .projects()
                .find(|(_, x)| x.id == *project)
                .and_then(|(_, x)| x.updates.iter().find(|u| Some(u.period) == p));
            update_field(u, field)
        }
        Target::NewAction { action, .. } => {
            if ds.actions().any(|(_, _, a)| a.id == *action) {
                json!(true)
            } else {
                Value::Null
            }
        }
        Target::Scheme { council } => crate::scheme::current_json(ds, council.as_deref()),
        Target::CoveringReport { period } => crate::covering::current(ds, period, field),
    }
}

/// Why a change could not be applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub change_id: String,
    pub why: String,
}

fn as_num(v: &Value) -> Result<Option<f64>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => n.as_f64().map(Some).ok_or_else(|| "not a number".into()),
        other => Err(format!("{other} is not a number")),
    }
}
fn as_text(v: &Value) -> Result<Option<String>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        other => Err(format!("{other} is not text")),
    }
}

/// Applies one change to a dataset.
pub fn apply_one(ds: &mut Dataset, c: &Change) -> Result<(), String> {
    match &c.target {
        Target::IndicatorValue { indicator, period } => {
            let p = Period::parse(period).map_err(|e| e.to_string())?;
            let ind = ds
                .indicators
                .iter_mut()
                .find(|i| i.id == *indicator)
                .ok_or_else(|| format!("indicator {indicator} is no longer in the data"))?;
            let kind_ok = matches!(
                (ind.frequency, p),
                (Frequency::Monthly, Period::Month { .. })
                    | (Frequency::Quarterly, Period::Quarter { .. })
                    | (Frequency::Annual | Frequency::Biennial, Period::Year { .. })
            );
            if !kind_ok {
                return Err(format!(
                    "{p} is not a period a {} indicator reports in",
                    ind.frequency
                ));
            }
            // Check the new value before touching anything.
            match c.field.as_str() {
                "actual" | "target" => {
                    as_num(&c.new)?;
                }
                "rag" => {
                    if let Some(s) = as_text(&c.new)? {
                        Rag::from_word(&s).ok_or_else(|| format!("\"{s}\" is not a status"))?;
                    }
                }
                f if VALUE_FIELDS.contains(&f) => {
                    as_text(&c.new)?;
                }
                f => return Err(format!("\"{f}\" is not a field of an indicator value")),
            }
            let pos = match ind.values.iter().position(|v| v.period == p) {
                Some(i) => i,
                None => {
                    ind.values.push(IndicatorValue::new(p));
                    ind.values.sort_by_key(|v| v.period);
                    ind.values
                        .iter()
                        .position(|v| v.period == p)
                        .expect("just added")
                }
            };
            let v = &mut ind.values[pos];
            match c.field.as_str() {
                "actual" => v.actual = as_num(&c.new)?,
                "target" => v.target = as_num(&c.new)?,
                "commentary" => v.commentary = as_text(&c.new)?,
                "reason" => v.reason = as_text(&c.new)?,
                "remedial_action" => v.remedial_action = as_text(&c.new)?,
                "rag_justification" => v.rag_justification = as_text(&c.new)?,
                "rag" => {
                    v.rag = match as_text(&c.new)? {
                        None => None,
                        Some(s) => Some(
                            Rag::from_word(&s).ok_or_else(|| format!("\"{s}\" is not a status"))?,
                        ),
                    }
                }
                f => return Err(format!("\"{f}\" is not a field of an indicator value")),
            }
            // A value emptied of everything (words included) is removed; one that still holds
            // a reason or any other text is kept, for the changes that follow.
            if holds_nothing(v) {
                ind.values.remove(pos);
            }
            Ok(())
        }
        Target::ActionUpdate { action, period } => {
            let p = Period::parse(period).map_err(|e| e.to_string())?;
            let a = find_action_mut(ds, action)
                .ok_or_else(|| format!("action {action} is no longer in the data"))?;
            set_update(&mut a.updates, p, &c.field, &c.new)
        }
        Target::ProjectUpdate { project, period } => {
            let p = Period::parse(period).map_err(|e| e.to_string())?;
            let x = find_project_mut(ds, project)
                .ok_or_else(|| format!("project {project} is no longer in the data"))?;
            set_update(&mut x.updates, p, &c.field, &c.new)
        }
        Target::NewAction { area, action } => {
            if ds.actions().any(|(_, _, a)| a.id == *action) {
                return Err(format!("an action {action} is already in the data"));
            }
            let o = c.new.as_object().ok_or("the new action is not an object")?;
            let text = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let new = Action {
                id: action.clone(),
                title: text("title")
                    .filter(|t| !t.trim().is_empty())
                    .ok_or("the new action has no title")?,
                owner: text("owner"),
                councils: o
                    .get("councils")
                    .and_then(|v| v.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default(),
                due: text("due")
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                updates: vec![],
                extra: Default::default(),
            };
            let a = ds
                .themes
                .iter_mut()
                .flat_map(|t| t.areas.iter_mut())
                .find(|a| a.id == *area)
                .ok_or_else(|| format!("area {area} is no longer in the data"))?;
            a.actions.push(new);
            Ok(())
        }
        Target::Scheme { council } => {
            if c.field != "rag_scheme" {
                return Err(format!("\"{}\" is not a field of a RAG scheme", c.field));
            }
            crate::scheme::apply_edit(ds, council.as_deref(), &c.new)
        }
        Target::CoveringReport { period } => crate::covering::set(ds, period, &c.field, &c.new),
    }
}

fn set_update(
    updates: &mut Vec<StatusUpdate>,
    p: Period,
    field: &str,
    new: &Value,
) -> Result<(), String> {
    // Check the new value before touching anything.
    match field {
        "status" => {
            let s = as_text(new)?.ok_or("a status is needed")?;
            WorkStatus::from_word(&s).ok_or_else(|| format!("\"{s}\" is not a status"))?;
        }
        "percent_complete" => {
            if let Some(x) = as_num(new)? {
                if !(0.0..=100.0).contains(&x) {
                    return Err(format!("{x} is outside 0–100"));
                }
            }
        }
        "commentary" => {
            as_text(new)?;
        }
        f => return Err(format!("\"{f}\" is not a field of a progress update")),
    }
    let pos = match updates.iter().position(|u| u.period == p) {
        Some(i) => i,
        None => {
            updates.push(StatusUpdate {
                period: p,
                status: WorkStatus::NotStarted,
                percent_complete: None,
                commentary: None,
                extra: Default::default(),
            });
            updates.sort_by_key(|u| u.period);
            updates
                .iter()
                .position(|u| u.period == p)
                .expect("just added")
        }
    };
    let u = &mut updates[pos];
    match field {
        "status" => {
            let s = as_text(new)?.ok_or("a status is needed")?;
            u.status =
                WorkStatus::from_word(&s).ok_or_else(|| format!("\"{s}\" is not a status"))?;
        }
        "percent_complete" => {
            let n = as_num(new)?;
            if let Some(x) = n {
                if !(0.0..=100.0).contains(&x) {
                    return Err(format!("{x} is outside 0–100"));
                }
            }
            u.percent_complete = n;
        }
        "commentary" => u.commentary = as_text(new)?,
        f => return Err(format!("\"{f}\" is not a field of a progress update")),
    }
    Ok(())
}

/// Whether an indicator value holds nothing at all: no figure, no status, no words (commentary,
/// reason, remedial action, why a status was set by hand) and nothing unknown kept from the file.
pub fn holds_nothing(v: &IndicatorValue) -> bool {
    !holds_data(v)
        && v.commentary.is_none()
        && v.reason.is_none()
        && v.remedial_action.is_none()
        && v.rag_justification.is_none()
        && v.extra.is_empty()
}

/// Whether an indicator value holds a target, an actual or a status set by hand: what the data
/// format asks of every value (words alone are not a value; see `read::validate`).
pub fn holds_data(v: &IndicatorValue) -> bool {
    v.target.is_some() || v.actual.is_some() || v.rag.is_some()
}

/// The source with every change applied in order. Changes that cannot apply (their target is
/// gone) are skipped and reported; the result always validates, or the changes that broke it
/// are reported and left out.
///
/// A figure's period left with words but no target, actual or status (a figure reverted
/// under its reason, say) is not a value the data format takes: every change to that period
/// is left out and reported, so the period shows what the source has, the words stay in the
/// log, and they come back when a figure is entered again. Nothing is deleted.
pub fn apply(source: &Dataset, log: &[Change]) -> (Dataset, Vec<Skipped>) {
    let (ds, skipped) = apply_in_order(source, log);
    let bare: Vec<&Target> = bare_values(&ds, log);
    if bare.is_empty() {
        return (ds, skipped);
    }
    let kept: Vec<Change> = log
        .iter()
        .filter(|c| !bare.contains(&&c.target))
        .cloned()
        .collect();
    let (ds, mut skipped) = apply_in_order(source, &kept);
    for c in log.iter().filter(|c| bare.contains(&&c.target)) {
        let Target::IndicatorValue { indicator, period } = &c.target else {
            continue;
        };
        let when = Period::parse(period)
            .map(|p| p.short_label())
            .unwrap_or_else(|_| period.clone());
        skipped.push(Skipped {
            change_id: c.id.clone(),
            why: format!(
                "The {} for {indicator} in {when} is waiting for a figure: a period needs a target, an actual or a status set by hand. Enter one, or revert this change.",
                field_label(&c.field).to_lowercase()
            ),
        });
    }
    (ds, skipped)
}

/// The indicator values the log touched that end with no target, actual or status.
fn bare_values<'a>(ds: &Dataset, log: &'a [Change]) -> Vec<&'a Target> {
    let mut out: Vec<&Target> = Vec::new();
    for c in log {
        let Target::IndicatorValue { indicator, period } = &c.target else {
            continue;
        };
        if out.contains(&&c.target) {
            continue;
        }
        let bare = Period::parse(period).ok().is_some_and(|p| {
            ds.indicator(indicator)
                .and_then(|i| i.value(&p))
                .is_some_and(|v| !holds_data(v))
        });
        if bare {
            out.push(&c.target);
        }
    }
    out
}

/// Every change applied in order, each checked on its own.
fn apply_in_order(source: &Dataset, log: &[Change]) -> (Dataset, Vec<Skipped>) {
    let mut ds = source.clone();
    let mut skipped = Vec::new();
    for c in log {
        // Every change checks its value before it touches the data, so a refused change
        // leaves nothing behind; a new action is tried on a copy and validated.
        let result = if matches!(c.target, Target::NewAction { .. }) {
            let mut trial = ds.clone();
            apply_one(&mut trial, c).and_then(|()| match crate::read::validate(&trial).first() {
                Some(p) => Err(p.to_string()),
                None => {
                    ds = trial;
                    Ok(())
                }
            })
        } else {
            apply_one(&mut ds, c)
        };
        if let Err(why) = result {
            skipped.push(Skipped {
                change_id: c.id.clone(),
                why,
            });
        }
    }
    (ds, skipped)
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

/// A short identity for a dataset (for storage keys and file names): a slug of organisation
/// and title.
pub fn dataset_key(ds: &Dataset) -> String {
    let raw = format!("{} {}", ds.organisation, ds.title);
    let mut s = String::new();
    for ch in raw.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            s.push(ch);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "dataset".into()
    } else {
        s
    }
}

/// FNV-1a hash of a text, as 16 hex digits: tells whether a source file changed.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// What is kept in the browser (and in a changes file) for one dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub format: String,
    /// `dataset_key` of the dataset the changes belong to.
    pub dataset: String,
    /// `fingerprint` of the source file the changes were made on.
    pub source: String,
    pub saved_at: String,
    pub changes: Vec<Change>,
}

impl Saved {
    pub fn new(ds_key: String, source: String, saved_at: String, changes: Vec<Change>) -> Saved {
        Saved {
            format: CHANGES_FORMAT.into(),
            dataset: ds_key,
            source,
            saved_at,
            changes,
        }
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("serialisable")
    }
    /// Reads saved changes or a changes file; the error says what is wrong in plain words.
    pub fn parse(text: &str) -> Result<Saved, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let v: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e})"))?;
        match v.get("format").and_then(|f| f.as_str()) {
            Some(CHANGES_FORMAT) => {}
            Some(other) => {
                return Err(format!(
                    "format \"{other}\" is not a changes file (expected \"{CHANGES_FORMAT}\")"
                ))
            }
            None => return Err(format!("missing \"format\": \"{CHANGES_FORMAT}\"")),
        }
        serde_json::from_value(v)
            .map_err(|e| format!("the changes are not in the expected form ({e})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        crate::parse_dataset(
            &json!({
                "format": "golden-thread/1", "title": "Perf", "organisation": "One Org",
                "councils": [ { "id": "a", "name": "A" } ],
                "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
                "themes": [ { "id": "T1", "title": "t", "areas": [ { "id": "A1", "title": "a", "actions": [
                    { "id": "A1-1", "title": "x", "updates": [ { "period": "2019-20-Q1", "status": "green", "percent_complete": 10 } ] } ] } ] } ],
                "priorities": [ { "id": "P1", "title": "p", "projects": [ { "id": "P1-1", "title": "x" } ] } ],
                "indicators": [ { "id": "I1", "name": "n", "service": "s", "council": "a", "frequency": "quarterly",
                    "polarity": "higher", "values": [ { "period": "2019-20-Q1", "target": 90, "actual": 80 } ] } ]
            })
            .to_string(),
        )
        .unwrap()
    }

    fn change(n: u32, target: Target, field: &str, old: Value, new: Value) -> Change {
        Change {
            id: format!("c{n}"),
            at: format!("2026-11-23T10:00:{n:02}Z"),
            target,
            field: field.into(),
            old,
            new,
        }
    }

    fn iv(p: &str) -> Target {
        Target::IndicatorValue {
            indicator: "I1".into(),
            period: p.into(),
        }
    }

    #[test]
    fn apply_sets_fields_and_adds_the_next_period() {
        let src = ds();
        let log = vec![
            change(1, iv("2019-20-Q1"), "actual", json!(80.0), json!(85.5)),
            change(2, iv("2019-20-Q2"), "target", Value::Null, json!(90)),
            change(3, iv("2019-20-Q2"), "actual", Value::Null, json!(91)),
            change(
                4,
                iv("2019-20-Q2"),
                "commentary",
                Value::Null,
                json!("<b>Good</b> quarter"),
            ),
        ];
        let (out, skipped) = apply(&src, &log);
        assert!(skipped.is_empty(), "{skipped:?}");
        let i = out.indicator("I1").unwrap();
        assert_eq!(i.values.len(), 2);
        assert_eq!(i.values[0].actual, Some(85.5));
        assert_eq!(i.values[1].actual, Some(91.0));
        assert_eq!(
            i.values[1].commentary.as_deref(),
            Some("<b>Good</b> quarter")
        );
        assert!(crate::read::validate(&out).is_empty());
        // The source itself is untouched.
        assert_eq!(src.indicator("I1").unwrap().values.len(), 1);
    }

    #[test]
    fn actions_projects_and_new_actions() {
        let src = ds();
        let a = Target::ActionUpdate {
            action: "A1-1".into(),
            period: "2019-20-Q2".into(),
        };
        let p = Target::ProjectUpdate {
            project: "P1-1".into(),
            period: "2021-22-Q1".into(),
        };
        let log = vec![
            change(1, a.clone(), "status", Value::Null, json!("amber")),
            change(2, a.clone(), "percent_complete", Value::Null, json!(35)),
            change(3, p.clone(), "status", Value::Null, json!("complete")),
            change(
                4,
                Target::NewAction {
                    area: "A1".into(),
                    action: "A1-2".into(),
                },
                "action",
                Value::Null,
                json!({ "title": "Review the rota", "owner": "Head of ICT", "councils": ["a"], "due": "2020-03-31" }),
            ),
            change(5, a.clone(), "percent_complete", json!(35), json!(140)),
        ];
        let (out, skipped) = apply(&src, &log);
        assert_eq!(skipped.len(), 1, "140% is refused: {skipped:?}");
        assert!(skipped[0].why.contains("outside 0–100"));
        let (_, _, act) = out.actions().find(|(_, _, a)| a.id == "A1-1").unwrap();
        assert_eq!(act.updates.len(), 2);
        assert_eq!(act.updates[1].status, WorkStatus::Amber);
        assert_eq!(act.updates[1].percent_complete, Some(35.0));
        assert!(out
            .actions()
            .any(|(_, _, a)| a.id == "A1-2" && a.title == "Review the rota"));
        assert_eq!(
            out.projects()
                .find(|(_, x)| x.id == "P1-1")
                .unwrap()
                .1
                .updates[0]
                .status,
            WorkStatus::Complete
        );
    }

    #[test]
    fn changes_whose_target_is_gone_are_skipped_not_fatal() {
        let src = ds();
        let log = vec![
            change(
                1,
                Target::IndicatorValue {
                    indicator: "GONE".into(),
                    period: "2019-20-Q1".into(),
                },
                "actual",
                Value::Null,
                json!(1),
            ),
            change(2, iv("2019-20"), "actual", Value::Null, json!(1)),
            change(3, iv("2019-20-Q1"), "actual", json!(80.0), json!(81)),
        ];
        let (out, skipped) = apply(&src, &log);
        assert_eq!(skipped.len(), 2);
        assert_eq!(out.indicator("I1").unwrap().values[0].actual, Some(81.0));
    }

    #[test]
    fn undo_redo_revert_and_merge() {
        let mut log = EditLog::default();
        log.push(change(
            1,
            iv("2019-20-Q1"),
            "actual",
            json!(80.0),
            json!(81),
        ));
        log.push(change(2, iv("2019-20-Q1"), "actual", json!(81), json!(82)));
        assert_eq!(log.undo().unwrap().id, "c2");
        assert!(log.can_redo());
        assert_eq!(log.redo().unwrap().id, "c2");
        log.undo();
        log.push(change(
            3,
            iv("2019-20-Q1"),
            "commentary",
            Value::Null,
            json!("x"),
        ));
        assert!(!log.can_redo(), "a new edit clears redo");
        log.revert(&iv("2019-20-Q1"), "actual");
        assert_eq!(log.changes.len(), 1);
        // Grouped edits undo and redo together.
        let mut g = EditLog::default();
        g.push(change(
            1,
            iv("2019-20-Q1"),
            "actual",
            json!(80.0),
            json!(81),
        ));
        let mut a = change(2, iv("2019-20-Q1"), "target", json!(90.0), json!(91));
        a.id = "g.0".into();
        let mut b = change(3, iv("2019-20-Q1"), "commentary", Value::Null, json!("c"));
        b.id = "g.1".into();
        g.push(a);
        g.push(b);
        assert_eq!(g.undo_group(), 2);
        assert_eq!(g.changes.len(), 1);
        assert_eq!(g.redo_group(), 2);
        assert_eq!(g.changes.len(), 3);
        // Merging another tab's log adds only what is new, in time order.
        let other = vec![
            log.changes[0].clone(),
            change(0, iv("2019-20-Q1"), "target", json!(90.0), json!(95)),
        ];
        assert_eq!(log.merge(&other), 1);
        assert_eq!(log.changes[0].id, "c0");
    }

    #[test]
    fn net_changes_and_conflicts_with_a_new_source() {
        let src = ds();
        let log = vec![
            change(1, iv("2019-20-Q1"), "actual", json!(80.0), json!(81)),
            change(2, iv("2019-20-Q1"), "actual", json!(81), json!(82)),
            change(3, iv("2019-20-Q1"), "target", json!(90.0), json!(95)),
            change(4, iv("2019-20-Q1"), "target", json!(95), json!(90.0)),
        ];
        let net = net_changes(&src, &log);
        assert_eq!(
            net.len(),
            1,
            "a field edited back to the source value is no change: {net:?}"
        );
        assert_eq!((net[0].new.clone(), net[0].count), (json!(82), 2));
        assert!(!net[0].conflicts());
        // A newer source file changed the same figure: the edit conflicts.
        let mut newer = src.clone();
        newer.indicators[0].values[0].actual = Some(79.0);
        let net = net_changes(&newer, &log);
        assert!(net[0].conflicts());
        assert_eq!(net[0].source, json!(79.0));
    }

    #[test]
    fn one_saved_form_is_one_change_however_many_fields() {
        let src = ds();
        let log = vec![
            // One save of the Q1 form: actual and commentary.
            change(1, iv("2019-20-Q1"), "actual", json!(80.0), json!(81)),
            change(
                2,
                iv("2019-20-Q1"),
                "commentary",
                Value::Null,
                json!("Better"),
            ),
            // One save of the Q2 form: target and actual.
            change(3, iv("2019-20-Q2"), "target", Value::Null, json!(90)),
            change(4, iv("2019-20-Q2"), "actual", Value::Null, json!(91)),
        ];
        let net = net_changes(&src, &log);
        assert_eq!(net.len(), 4, "four fields");
        assert_eq!(count_edits(&net), 2, "two saved forms");
        // Saving the Q1 form again is still one thing changed there.
        let mut log2 = log.clone();
        log2.push(change(5, iv("2019-20-Q1"), "actual", json!(81), json!(83)));
        assert_eq!(count_edits(&net_changes(&src, &log2)), 2);
        // Reverting every field of Q2 leaves one.
        assert_eq!(count_edits(&net_changes(&src, &log[..2])), 1);
        assert_eq!(count_edits(&[]), 0);
    }

    #[test]
    fn saved_round_trip_and_bad_files() {
        let s = Saved::new(
            dataset_key(&ds()),
            fingerprint("abc"),
            "2026-11-23T10:00:00Z".into(),
            vec![change(
                1,
                iv("2019-20-Q1"),
                "actual",
                json!(80.0),
                json!(81),
            )],
        );
        assert_eq!(s.dataset, "one-org-perf");
        assert_eq!(Saved::parse(&s.to_json()).unwrap(), s);
        assert!(Saved::parse("{").unwrap_err().starts_with("not valid JSON"));
        assert!(Saved::parse("{\"format\":\"golden-thread/1\"}")
            .unwrap_err()
            .contains("is not a changes file"));
        assert!(Saved::parse("{\"format\":\"golden-thread-changes/1\",\"changes\":3}").is_err());
        assert_ne!(fingerprint("a"), fingerprint("b"));
    }
}
