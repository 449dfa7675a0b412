//! The form for writing the covering report of a period's pack (in edit mode, on the pack
//! page): one labelled field per part of a committee report (`gt_core::covering::FIELDS`),
//! saved as one edit through `crate::edits::record` (undone together), with the confirmation
//! next to the Save button.

use crate::edits;
use crate::state::{use_app, use_data};
use gt_core::covering::{Kind, FIELDS};
use gt_core::edit::{current, Target};
use gt_core::Period;
use leptos::prelude::*;
use serde_json::{json, Value};

/// What a field holds, as the form shows it: text, a date as YYYY-MM-DD, a list one per line.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

/// What the form's text means for the field, as the edit log holds it.
fn value_of(kind: Kind, s: &str) -> Value {
    match kind {
        Kind::List => {
            let items: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            if items.is_empty() {
                Value::Null
            } else {
                json!(items)
            }
        }
        _ if s.trim().is_empty() => Value::Null,
        Kind::Date => json!(s.trim()),
        Kind::Text => json!(s),
    }
}

/// A hint under a field's label, where one helps.
fn hint(field: &str) -> Option<&'static str> {
    Some(match field {
        "committee" => "For example, oneSource Joint Committee",
        "subject" => "For example, oneSource Performance Indicators, Q2 report",
        "author" => "Name and job title",
        "contact" => "Telephone, extension or email address",
        "financial_summary" => "Write “Not applicable” if there is none",
        "summary" => "Leave a blank line between paragraphs",
        "recommendations" => "One recommendation per line, for example “To note the oneSource Performance Indicators Q2 report attached at Appendix 1.”",
        "background" => "Printed as numbered paragraphs (1.1, 1.2…): leave a blank line between paragraphs",
        "detail_heading" => "For example, Performance Indicators",
        "detail" => "The report's detail under that heading, numbered in the same way",
        "appendices" => "One per line. Left empty, the pack's appendix is listed",
        "background_papers" => "Write “None” if there are none",
        _ => return None,
    })
}

#[component]
pub fn CoveringForm(
    period: Period,
    /// Called when the officer closes the form.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let target = Target::CoveringReport {
        period: period.id(),
    };
    // The stored values: the form follows them when they change (an undo, another tab).
    let stored = {
        let target = target.clone();
        Memo::new(move |_| {
            data.with(|ds| {
                FIELDS
                    .iter()
                    .map(|(f, _, _)| shown(&current(ds, &target, f)))
                    .collect::<Vec<String>>()
            })
        })
    };
    let values: Vec<RwSignal<String>> = stored
        .get_untracked()
        .into_iter()
        .map(RwSignal::new)
        .collect();
    {
        let values = values.clone();
        Effect::new(move |_| {
            let now = stored.get();
            for (sig, v) in values.iter().zip(now) {
                if sig.get_untracked() != v {
                    sig.set(v);
                }
            }
        });
    }
    let tried = RwSignal::new(false);
    let saved = RwSignal::new(None::<String>);
    let subject_at = FIELDS.iter().position(|f| f.0 == "subject").unwrap_or(0);
    let subject = values[subject_at];
    let subject_err = move || {
        (tried.get() && subject.get().trim().is_empty())
            .then(|| "Enter the subject heading of the report".to_string())
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let save = {
        let values = values.clone();
        let target = target.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            tried.set(true);
            if subject.get_untracked().trim().is_empty() {
                saved.set(None);
                if let Some(el) = document().get_element_by_id("covering-subject") {
                    use wasm_bindgen::JsCast;
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
                return;
            }
            let ds = data.get_untracked();
            let fields: Vec<(&str, Value, Value)> = FIELDS
                .iter()
                .zip(values.iter())
                .map(|((f, _, kind), sig)| {
                    (
                        *f,
                        current(&ds, &target, f),
                        value_of(*kind, &sig.get_untracked()),
                    )
                })
                .collect();
            let n = edits::record(&state, target.clone(), fields);
            saved.set(Some(if n == 0 {
                "Nothing to save: the covering report is as you left it.".into()
            } else {
                format!(
                    "Covering report saved at {}. It prints as the first pages of the pack, followed by the contents.",
                    edits::now_clock()
                )
            }));
        }
    };
    let fields = FIELDS
        .iter()
        .zip(values.iter().copied())
        .map(|((f, label, kind), sig)| {
            let id = format!("covering-{f}");
            let hint_id = format!("{id}-hint");
            let testid = format!("covering-field-{f}");
            let hint = hint(f);
            let described = hint.map(|_| hint_id.clone());
            let is_subject = *f == "subject";
            let input = match kind {
                Kind::Text if matches!(*f, "committee" | "subject" | "author" | "contact" | "detail_heading") => view! {
                    <input class="gt-input" type="text" id=id.clone() data-testid=testid autocomplete="off"
                        aria-describedby=described aria-invalid=move || (is_subject && subject_err().is_some()).then_some("true")
                        prop:value=move || sig.get() on:input:target=move |ev| sig.set(ev.target().value())/>
                }.into_any(),
                Kind::Date => view! {
                    <input class="gt-input gt-input--date" type="date" id=id.clone() data-testid=testid
                        aria-describedby=described
                        prop:value=move || sig.get() on:input:target=move |ev| sig.set(ev.target().value())
                        on:change:target=move |ev| sig.set(ev.target().value())/>
                }.into_any(),
                _ => view! {
                    <textarea class="gt-textarea" id=id.clone() data-testid=testid aria-describedby=described
                        rows=if matches!(*f, "summary" | "background" | "detail") { "6" } else { "3" }
                        prop:value=move || sig.get() on:input:target=move |ev| sig.set(ev.target().value())></textarea>
                }.into_any(),
            };
            view! {
                <div class=move || if is_subject && subject_err().is_some() { "gt-form-group gt-form-group--error" } else { "gt-form-group" }>
                    <label class="gt-label" for=id.clone()>{*label}</label>
                    {hint.map(|h| view! { <p class="gt-hint" id=hint_id.clone()>{h}</p> })}
                    {move || is_subject.then(subject_err).flatten().map(|m| view! { <p class="gt-field-error" id="covering-subject-error">{m}</p> })}
                    {input}
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="gt-edit-form gt-covering-form" on:submit=save data-testid="covering-form" novalidate
            aria-labelledby="covering-form-title">
            <h2 class="gt-heading-m" id="covering-form-title" tabindex="-1" node_ref=heading>
                {format!("Covering report for {}", period.label())}
            </h2>
            <p class="gt-body">"The committee report that goes in front of the performance appendix. It prints as the pack's first pages, then a contents page with the page of every part. What you leave empty prints as “Not given.”"</p>
            {fields}
            <div class="gt-edit-form__actions gt-covering-form__actions">
                <button type="submit" class="gt-button" data-testid="covering-save">"Save covering report"</button>
                <button type="button" class="gt-button gt-button--secondary" data-testid="covering-close" on:click=move |_| on_close.run(())>"Close"</button>
                <p class="gt-confirm gt-covering-form__saved" role="status" data-testid="covering-saved"
                    class:gt-covering-form__saved--empty=move || saved.with(Option::is_none)>
                    {move || saved.get()}
                </p>
            </div>
        </form>
    }
}
