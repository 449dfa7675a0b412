//! Forms for the plans: a progress update on an action or a project (status, percent
//! complete, commentary), and a new action in an improvement area. Saved through
//! `crate::edits::record`, so they are undoable and listed on the Changes page.

use crate::edits;
use crate::state::use_app;
use gt_core::csv::parse_number;
use gt_core::edit::{current, Target};
use gt_core::{Dataset, Period, WorkStatus};
use leptos::prelude::*;
use serde_json::{json, Value};
use std::sync::Arc;

fn text_of(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Percent complete: blank, or a number from 0 to 100.
fn percent_problem(s: &str) -> Option<String> {
    match parse_number(s) {
        Ok(None) => None,
        Ok(Some(x)) if (0.0..=100.0).contains(&x) => None,
        Ok(Some(x)) => Some(format!(
            "Percent complete must be from 0 to 100 (you typed {x})"
        )),
        Err(_) => Some(format!(
            "Percent complete must be a number from 0 to 100 (you typed \"{}\")",
            s.trim()
        )),
    }
}

/// A progress update for an action (`target` is `ActionUpdate`) or a project (`ProjectUpdate`).
#[component]
pub fn EditUpdateForm(
    ds: Arc<Dataset>,
    target: Target,
    period: Period,
    /// What is being updated, for the heading: "Action A01-1: …".
    #[prop(into)]
    what: String,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    // Start from the latest update at or before the period.
    let start = |f: &str| {
        let v = current(&ds, &target, f);
        if v.is_null() {
            let prev = match &target {
                Target::ActionUpdate { action, .. } => ds
                    .actions()
                    .find(|(_, _, a)| a.id == *action)
                    .and_then(|(_, _, a)| {
                        gt_core::engine::latest_update(&a.updates, &period).map(|(_, u)| u.clone())
                    }),
                Target::ProjectUpdate { project, .. } => ds
                    .projects()
                    .find(|(_, x)| x.id == *project)
                    .and_then(|(_, x)| {
                        gt_core::engine::latest_update(&x.updates, &period).map(|(_, u)| u.clone())
                    }),
                _ => None,
            };
            match (f, prev) {
                ("status", Some(u)) => u.status.as_str().to_string(),
                ("percent_complete", Some(u)) => u
                    .percent_complete
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                ("status", None) => "not_started".into(),
                _ => String::new(),
            }
        } else {
            text_of(&v)
        }
    };
    let status = RwSignal::new(start("status"));
    let percent = RwSignal::new(start("percent_complete"));
    let commentary = RwSignal::new(text_of(&current(&ds, &target, "commentary")));
    let percent_err = move || percent_problem(&percent.get());
    let ds2 = ds.clone();
    let target2 = target.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if percent_err().is_some() {
            return;
        }
        let old = |f: &str| current(&ds2, &target2, f);
        let pct = parse_number(&percent.get_untracked())
            .ok()
            .flatten()
            .map(|x| json!(x))
            .unwrap_or(Value::Null);
        let norm = |v: Value| match v {
            Value::Number(n) => n.as_f64().map(|x| json!(x)).unwrap_or(Value::Null),
            other => other,
        };
        let c = commentary.get_untracked();
        edits::record(
            &state,
            target2.clone(),
            vec![
                ("status", old("status"), json!(status.get_untracked())),
                ("percent_complete", norm(old("percent_complete")), pct),
                (
                    "commentary",
                    old("commentary"),
                    if c.trim().is_empty() {
                        Value::Null
                    } else {
                        json!(c)
                    },
                ),
            ],
        );
        // Progress saved for another quarter than the one in view (the next one): show that
        // quarter, so the officer sees the update they made, and it stays so on reload.
        if state.period() != Some(period) {
            let loc = state.location.get_untracked().with("period", &period.id());
            crate::adapters::location::navigate(state.location, loc, true);
        }
        on_close.run(());
    };
    view! {
        <form class="gt-edit-form" on:submit=save data-testid="update-form" novalidate>
            <h3 class="gt-heading-m">{format!("{what}: progress for {}", period.label())}</h3>
            <div class="gt-edit-form__grid">
                <div class="gt-form-group">
                    <label class="gt-label" for="update-status">"Status"</label>
                    <select class="gt-select" id="update-status" data-testid="update-status" on:change:target=move |ev| status.set(ev.target().value())>
                        {WorkStatus::ALL.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.as_str() prop:selected=move || status.get() == s.as_str()>{s.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class=move || if percent_err().is_some() { "gt-form-group gt-form-group--error" } else { "gt-form-group" }>
                    <label class="gt-label" for="update-percent">"Percent complete"</label>
                    {move || percent_err().map(|m| view! { <p class="gt-field-error" id="update-percent-error">{m}</p> })}
                    <input class="gt-input gt-input--short" id="update-percent" inputmode="decimal" autocomplete="off" data-testid="update-percent"
                        aria-describedby=move || percent_err().map(|_| "update-percent-error")
                        prop:value=move || percent.get() on:input:target=move |ev| percent.set(ev.target().value())/>
                </div>
            </div>
            <div class="gt-form-group">
                <label class="gt-label" for="update-commentary">"Commentary"</label>
                <textarea class="gt-textarea" id="update-commentary" data-testid="update-commentary" prop:value=move || commentary.get() on:input:target=move |ev| commentary.set(ev.target().value())></textarea>
            </div>
            <div class="gt-edit-form__actions">
                <button type="submit" class="gt-button" data-testid="update-save">"Save progress"</button>
                <button type="button" class="gt-button gt-button--secondary" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// Adds an action to an improvement area.
#[component]
pub fn NewActionForm(
    ds: Arc<Dataset>,
    area: String,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let councils = RwSignal::new(Vec::<String>::new());
    let tried = RwSignal::new(false);
    let title_err = move || {
        title
            .get()
            .trim()
            .is_empty()
            .then_some("Give the action a title")
    };
    let due_err = move || {
        let d = due.get();
        (!d.trim().is_empty() && gt_core::fmt::iso_date(d.trim()).is_none())
            .then_some("Due date must be a date like 2020-03-31")
    };
    // The next free id: A01-1, A01-2, …
    let next_id = {
        let existing: Vec<String> = ds.actions().map(|(_, _, a)| a.id.clone()).collect();
        let area = area.clone();
        move || {
            (1..)
                .map(|n| format!("{area}-{n}"))
                .find(|id| !existing.contains(id))
                .unwrap_or_default()
        }
    };
    let area2 = area.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if title_err().is_some() || due_err().is_some() {
            return;
        }
        let id = next_id();
        let mut o =
            json!({ "title": title.get_untracked().trim(), "councils": councils.get_untracked() });
        if !owner.get_untracked().trim().is_empty() {
            o["owner"] = json!(owner.get_untracked().trim());
        }
        if !due.get_untracked().trim().is_empty() {
            o["due"] = json!(due.get_untracked().trim());
        }
        edits::record(
            &state,
            Target::NewAction {
                area: area2.clone(),
                action: id,
            },
            vec![("action", Value::Null, o)],
        );
        on_close.run(());
    };
    view! {
        <form class="gt-edit-form" on:submit=save data-testid="new-action-form" novalidate>
            <h3 class="gt-heading-m">{format!("Add an action to area {area}")}</h3>
            <div class=move || if tried.get() && title_err().is_some() { "gt-form-group gt-form-group--error" } else { "gt-form-group" }>
                <label class="gt-label" for="new-action-title">"What will be done"</label>
                {move || title_err().filter(|_| tried.get()).map(|m| view! { <p class="gt-field-error">{m}</p> })}
                <input class="gt-input" id="new-action-title" data-testid="new-action-title" prop:value=move || title.get() on:input:target=move |ev| title.set(ev.target().value())/>
            </div>
            <div class="gt-edit-form__grid">
                <div class="gt-form-group">
                    <label class="gt-label" for="new-action-owner">"Owner"</label>
                    <input class="gt-input" id="new-action-owner" data-testid="new-action-owner" prop:value=move || owner.get() on:input:target=move |ev| owner.set(ev.target().value())/>
                </div>
                <div class=move || if due_err().is_some() { "gt-form-group gt-form-group--error" } else { "gt-form-group" }>
                    <label class="gt-label" for="new-action-due">"Due date"</label>
                    {move || due_err().map(|m| view! { <p class="gt-field-error">{m}</p> })}
                    <input class="gt-input gt-input--short" id="new-action-due" type="date" data-testid="new-action-due" prop:value=move || due.get() on:input:target=move |ev| due.set(ev.target().value())/>
                </div>
            </div>
            <fieldset class="gt-fieldset">
                <legend class="gt-fieldset__legend">"Councils"</legend>
                {ds.councils.iter().map(|c| {
                    let id = c.id.clone();
                    let id2 = c.id.clone();
                    view! {
                        <div class="gt-checkbox">
                            <input class="gt-checkbox__input" type="checkbox" id=format!("new-action-council-{}", c.id)
                                prop:checked=move || councils.with(|v| v.contains(&id))
                                on:change:target=move |ev| { let on = ev.target().checked(); let id = id2.clone(); councils.update(|v| { v.retain(|x| *x != id); if on { v.push(id); } }); }/>
                            <label class="gt-checkbox__label" for=format!("new-action-council-{}", c.id)>{c.name.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="gt-edit-form__actions">
                <button type="submit" class="gt-button" data-testid="new-action-save">"Add action"</button>
                <button type="button" class="gt-button gt-button--secondary" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// What the plan editing tools act on: actions of an area, or projects of a priority.
#[derive(Clone, Copy, PartialEq)]
pub enum PlanItems {
    Actions,
    Projects,
}

/// Shown on area and priority pages while editing: update an item's progress for the current
/// or next quarter, and (on an area) add an action.
#[component]
pub fn PlanEditTools(
    ds: Arc<Dataset>,
    kind: PlanItems,
    /// (id, title) of the actions or projects on the page.
    items: Vec<(String, String)>,
    /// The quarter the page shows (progress is entered for it or the next one).
    #[prop(into)]
    period: Signal<Option<Period>>,
    /// The area to add actions to (areas only).
    #[prop(optional)]
    area: Option<String>,
) -> impl IntoView {
    let state = use_app();
    let chosen = RwSignal::new(None::<(String, String, Period)>);
    let adding = RwSignal::new(false);
    let next = RwSignal::new(false);
    let noun = if kind == PlanItems::Actions {
        "action"
    } else {
        "project"
    };
    let ds2 = ds.clone();
    let ds3 = ds.clone();
    let area2 = area.clone();
    move || {
        let ds2 = ds2.clone();
        let ds3 = ds3.clone();
        let area2 = area2.clone();
        let items = items.clone();
        state.editing.get().then(move || {
            let p = period.get();
            let target_period = move || period.get().map(|p| if next.get() { p.next() } else { p });
            view! {
                <section class="gt-edit-tools" data-testid="plan-edit-tools" aria-labelledby="plan-edit-heading">
                    <h2 class="gt-heading-m" id="plan-edit-heading">{format!("Enter progress ({noun}s)")}</h2>
                    {p.map(|p| view! {
                        <div class="gt-form-group">
                            <label class="gt-label" for="plan-edit-period">"Progress for"</label>
                            <select class="gt-select gt-input--short" id="plan-edit-period" data-testid="plan-edit-period"
                                on:change:target=move |ev| next.set(ev.target().value() == "next")>
                                <option value="this" prop:selected=move || !next.get()>{p.short_label()}</option>
                                <option value="next" prop:selected=move || next.get()>{format!("{} (next quarter)", p.next().short_label())}</option>
                            </select>
                        </div>
                    })}
                    <ul class="gt-list">
                        {items.into_iter().map(|(id, title)| {
                            let id2 = id.clone();
                            let title2 = title.clone();
                            view! {
                                <li><button type="button" class="gt-link-button" data-testid=format!("update-{id}")
                                    on:click=move |_| if let Some(tp) = target_period() { chosen.set(Some((id2.clone(), title2.clone(), tp))); }>
                                    {format!("Update {id}: {title}")}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                    {area2.clone().map(|_| view! {
                        <button type="button" class="gt-button gt-button--secondary" data-testid="add-action" on:click=move |_| adding.set(true)>"Add an action to this area"</button>
                    })}
                </section>
                {move || chosen.get().map(|(id, title, tp)| {
                    let target = match kind {
                        PlanItems::Actions => Target::ActionUpdate { action: id.clone(), period: tp.id() },
                        PlanItems::Projects => Target::ProjectUpdate { project: id.clone(), period: tp.id() },
                    };
                    view! { <EditUpdateForm ds=ds2.clone() target=target period=tp what=format!("{} {id}: {title}", if kind == PlanItems::Actions { "Action" } else { "Project" }) on_close=move |_| chosen.set(None)/> }
                })}
                {
                    let ds3 = ds3.clone();
                    let area2 = area2.clone();
                    move || (adding.get()).then(|| area2.clone().map(|a| view! { <NewActionForm ds=ds3.clone() area=a on_close=move |_| adding.set(false)/> }))
                }
            }
        })
    }
}
