//! Applying the change log to the source data: one change, the whole log in order, and the
//! current value of a field (what a change replaces).

use super::*;

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
                    crate::order::sort_by_key(&mut ind.values, &|v| v.period);
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
                due: text("due").and_then(|d| crate::fmt::iso_date(&d)),
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
            crate::order::sort_by_key(updates, &|u| u.period);
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
