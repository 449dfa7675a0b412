//! The form for entering or changing one period's figures of an indicator. Checks as you type,
//! shows the status the figures will give, and saves through `crate::edits::record`.

use crate::components::status::RagTag;
use crate::edits;
use crate::state::use_app;
use gt_core::csv::parse_number;
use gt_core::edit::{current, Target};
use gt_core::{Dataset, Indicator, Period, Rag};
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

/// A number field's check: None when fine (blank is fine), else the message.
fn number_problem(s: &str, label: &str) -> Option<String> {
    match parse_number(s) {
        Ok(_) => None,
        Err(_) => Some(format!(
            "{label} must be a number, like 95.2 (you typed \"{}\")",
            s.trim()
        )),
    }
}

#[component]
pub fn EditValueForm(
    ds: Arc<Dataset>,
    indicator: Indicator,
    period: Period,
    /// Called with `true` after a save, `false` on cancel.
    #[prop(into)]
    on_close: Callback<bool>,
) -> impl IntoView {
    let state = use_app();
    // Focus moves into the form when it opens (its heading), so keyboard and screen reader
    // users land where it is.
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let target = Target::IndicatorValue {
        indicator: indicator.id.clone(),
        period: period.id(),
    };
    let initial = |f: &str| text_of(&current(&ds, &target, f));
    let actual = RwSignal::new(initial("actual"));
    let target_v = RwSignal::new(initial("target"));
    let commentary = RwSignal::new(initial("commentary"));
    let reason = RwSignal::new(initial("reason"));
    let remedial = RwSignal::new(initial("remedial_action"));
    let rag = RwSignal::new(initial("rag"));
    let justification = RwSignal::new(initial("rag_justification"));
    let tried = RwSignal::new(false);

    let actual_err = move || number_problem(&actual.get(), "Actual");
    let target_err = move || number_problem(&target_v.get(), "Target");
    let just_err = move || {
        (!rag.get().is_empty() && justification.get().trim().is_empty()).then(|| {
            "Say why the status is set by hand (for example, what the committee agreed)".to_string()
        })
    };
    let both_blank = move || {
        actual.get().trim().is_empty() && target_v.get().trim().is_empty() && rag.get().is_empty()
    };
    let preview = {
        let ds = ds.clone();
        let indicator = indicator.clone();
        Signal::derive(move || {
            let a = parse_number(&actual.get()).ok().flatten();
            let t = parse_number(&target_v.get()).ok().flatten();
            let computed = gt_core::engine::rate_figures(&ds, &indicator, &period, t, a);
            let manual = Rag::from_word(&rag.get());
            (manual.unwrap_or(computed), manual.is_some(), computed)
        })
    };
    let unit = indicator.unit.clone().unwrap_or_default();
    let fid = |f: &str| format!("edit-{f}");
    let title = format!("Figures for {}", period.label());
    let ds2 = ds.clone();
    let target2 = target.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if actual_err().is_some() || target_err().is_some() || just_err().is_some() || both_blank()
        {
            // Move focus to the first problem.
            if let Some(el) = document()
                .query_selector(".gt-edit-form .gt-field-error")
                .ok()
                .flatten()
            {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            return;
        }
        let num = |s: String| {
            parse_number(&s)
                .ok()
                .flatten()
                .map(|x| json!(x))
                .unwrap_or(Value::Null)
        };
        let txt = |s: String| {
            if s.trim().is_empty() {
                Value::Null
            } else {
                json!(s)
            }
        };
        let old = |f: &str| current(&ds2, &target2, f);
        let norm = |v: Value| match v {
            Value::Number(n) => n.as_f64().map(|x| json!(x)).unwrap_or(Value::Null),
            other => other,
        };
        let fields = vec![
            ("actual", norm(old("actual")), num(actual.get_untracked())),
            ("target", norm(old("target")), num(target_v.get_untracked())),
            (
                "commentary",
                old("commentary"),
                txt(commentary.get_untracked()),
            ),
            ("reason", old("reason"), txt(reason.get_untracked())),
            (
                "remedial_action",
                old("remedial_action"),
                txt(remedial.get_untracked()),
            ),
            ("rag", old("rag"), txt(rag.get_untracked())),
            (
                "rag_justification",
                old("rag_justification"),
                if rag.get_untracked().is_empty() {
                    Value::Null
                } else {
                    txt(justification.get_untracked())
                },
            ),
        ];
        edits::record(&state, target2.clone(), fields);
        on_close.run(true);
    };
    let field_error = move |msg: Option<String>, id: String| {
        msg.map(|m| view! { <p class="gt-field-error" id=id tabindex="-1">{m}</p> })
    };
    view! {
        <form class="gt-edit-form" on:submit=save data-testid="edit-form" novalidate>
            <h3 class="gt-heading-m" tabindex="-1" node_ref=heading data-testid="edit-form-heading">{title}</h3>
            {move || (tried.get() && both_blank()).then(|| view! { <p class="gt-field-error" tabindex="-1">"Enter an actual, a target, or a status set by hand."</p> })}
            <div class="gt-edit-form__grid">
                <div class=move || if actual_err().is_some() { "gt-form-group gt-form-group--error" } else { "gt-form-group" }>
                    <label class="gt-label" for=fid("actual")>{format!("Actual{}", if unit.is_empty() { String::new() } else { format!(" ({unit})") })}</label>
                    {move || field_error(actual_err(), "edit-actual-error".into())}
                    <input class=move || if actual_err().is_some() { "gt-input gt-input--short gt-input--error" } else { "gt-input gt-input--short" } id=fid("actual") inputmode="decimal" autocomplete="off"
                        data-testid="edit-actual" aria-describedby=move || actual_err().map(|_| "edit-actual-error")
                        prop:value=move || actual.get() on:input:target=move |ev| actual.set(ev.target().value())/>
                </div>
                <div class=move || if target_err().is_some() { "gt-form-group gt-form-group--error" } else { "gt-form-group" }>
                    <label class="gt-label" for=fid("target")>"Target"</label>
                    {move || field_error(target_err(), "edit-target-error".into())}
                    <input class=move || if target_err().is_some() { "gt-input gt-input--short gt-input--error" } else { "gt-input gt-input--short" } id=fid("target") inputmode="decimal" autocomplete="off"
                        data-testid="edit-target" aria-describedby=move || target_err().map(|_| "edit-target-error")
                        prop:value=move || target_v.get() on:input:target=move |ev| target_v.set(ev.target().value())/>
                </div>
                <div class="gt-form-group">
                    <p class="gt-label">"Status these figures give"</p>
                    <p class="gt-preview" role="status" data-testid="edit-preview">{move || { let (r, m, _) = preview.get(); view! { <RagTag rag=r manual=m/> } }}</p>
                </div>
            </div>
            <div class="gt-form-group">
                <label class="gt-label" for=fid("commentary")>"Commentary"</label>
                <textarea class="gt-textarea" id=fid("commentary") data-testid="edit-commentary" prop:value=move || commentary.get() on:input:target=move |ev| commentary.set(ev.target().value())></textarea>
            </div>
            <div class="gt-edit-form__grid">
                <div class="gt-form-group">
                    <label class="gt-label" for=fid("reason")>"Reason for the level of performance"</label>
                    <p class="gt-hint">"Needed in the exception report when Amber or Red"</p>
                    <textarea class="gt-textarea" id=fid("reason") data-testid="edit-reason" prop:value=move || reason.get() on:input:target=move |ev| reason.set(ev.target().value())></textarea>
                </div>
                <div class="gt-form-group">
                    <label class="gt-label" for=fid("remedial")>"Remedial action"</label>
                    <p class="gt-hint">"What is being done about it"</p>
                    <textarea class="gt-textarea" id=fid("remedial") data-testid="edit-remedial" prop:value=move || remedial.get() on:input:target=move |ev| remedial.set(ev.target().value())></textarea>
                </div>
            </div>
            <div class="gt-edit-form__grid">
                <div class="gt-form-group">
                    <label class="gt-label" for=fid("rag")>"Status"</label>
                    <select class="gt-select" id=fid("rag") data-testid="edit-rag" on:change:target=move |ev| rag.set(ev.target().value())>
                        <option value="" prop:selected=move || rag.get().is_empty()>{move || format!("Worked out by the rules ({})", preview.get().2.label())}</option>
                        {[Rag::Green, Rag::Amber, Rag::Red, Rag::NoData, Rag::DataOnly, Rag::NotDue].into_iter().map(|r| view! {
                            <option value=r.as_str() prop:selected=move || rag.get() == r.as_str()>{format!("Set by hand: {} ({})", r.label(), r.colour_word())}</option>
                        }).collect_view()}
                    </select>
                </div>
                {move || (!rag.get().is_empty()).then(|| view! {
                    <div class=move || if just_err().is_some() && tried.get() { "gt-form-group gt-form-group--error" } else { "gt-form-group" }>
                        <label class="gt-label" for=fid("justification")>"Why is the status set by hand?"</label>
                        {move || field_error(just_err().filter(|_| tried.get()), "edit-justification-error".into())}
                        <textarea class="gt-textarea" id=fid("justification") data-testid="edit-justification" prop:value=move || justification.get() on:input:target=move |ev| justification.set(ev.target().value())></textarea>
                    </div>
                })}
            </div>
            <div class="gt-edit-form__actions">
                <button type="submit" class="gt-button" data-testid="edit-save">"Save figures"</button>
                <button type="button" class="gt-button gt-button--secondary" data-testid="edit-cancel" on:click=move |_| on_close.run(false)>"Cancel"</button>
            </div>
        </form>
    }
}
