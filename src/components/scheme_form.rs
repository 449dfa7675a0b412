//! The form that sets a council's RAG scheme (or the one for all councils). It reads what was
//! typed into a scheme with the same reader the data file uses, so the form and the file cannot
//! disagree on what a valid scheme is.

use gt_core::scheme::{Scheme, SchemeKind};
use gt_core::Tolerance;
use leptos::prelude::*;
use serde_json::{json, Value};

fn band_text(t: Option<Tolerance>) -> (String, &'static str) {
    match t {
        Some(Tolerance::Percent(x)) => (gt_core::fmt::trim_number(x), "percent"),
        Some(Tolerance::Absolute(x)) => (gt_core::fmt::trim_number(x), "absolute"),
        None => (String::new(), "percent"),
    }
}

/// A band as typed: a number and its unit; blank is none. Err names the problem.
fn band_json(text: &str, unit: &str, label: &str) -> Result<Option<Value>, String> {
    match gt_core::number::parse_number(text) {
        Ok(None) => Ok(None),
        Ok(Some(x)) if x >= 0.0 => Ok(Some(json!({ unit: x }))),
        Ok(Some(_)) => Err(format!("{label} must be 0 or more")),
        Err(_) => Err(format!("{label} must be a number, like 5 or 2.5")),
    }
}

/// `who`: the council's name, or "all councils". `initial`: the scheme it has now (the one it
/// follows when it has none of its own). `on_save` gets the new scheme as the file writes it.
#[component]
pub fn SchemeForm(
    who: String,
    initial: Scheme,
    #[prop(into)] on_save: Callback<Value>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let kind = RwSignal::new(initial.kind);
    let (g, gu) = band_text(initial.green_within);
    let (a, au) = band_text(initial.amber_within);
    let green = RwSignal::new(g);
    let green_unit = RwSignal::new(gu.to_string());
    let amber = RwSignal::new(a);
    let amber_unit = RwSignal::new(au.to_string());
    let blue = RwSignal::new(initial.blue);
    let errors = RwSignal::new(Vec::<String>::new());

    let build = move || -> Result<Value, Vec<String>> {
        let k = kind.get_untracked();
        let (has_g, has_a) = k.bands();
        let mut errs = Vec::new();
        let mut o = json!({ "kind": k.as_str() });
        if has_g {
            match band_json(
                &green.get_untracked(),
                &green_unit.get_untracked(),
                "Green band",
            ) {
                Ok(Some(v)) => o["green_within"] = v,
                Ok(None) => {}
                Err(e) => errs.push(e),
            }
        }
        if has_a {
            match band_json(
                &amber.get_untracked(),
                &amber_unit.get_untracked(),
                "Amber band",
            ) {
                Ok(Some(v)) => o["amber_within"] = v,
                Ok(None) => {}
                Err(e) => errs.push(e),
            }
        }
        if blue.get_untracked() {
            o["blue"] = json!(true);
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        gt_core::scheme::read(&o, "rag_scheme")
            .map(|_| o)
            .map_err(|e| e.into_iter().map(|(_, m)| field_words(&m)).collect())
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match build() {
            Ok(v) => {
                errors.set(vec![]);
                on_save.run(v);
            }
            Err(e) => {
                errors.set(e);
                if let Some(el) = document().get_element_by_id("scheme-errors") {
                    use wasm_bindgen::JsCast;
                    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
        }
    };
    let band = move |id: &'static str,
                     label: &'static str,
                     hint: &'static str,
                     value: RwSignal<String>,
                     unit: RwSignal<String>| {
        view! {
            <div class="gt-form-group">
                <label class="gt-label" for=format!("scheme-{id}")>{label}</label>
                <p class="gt-hint" id=format!("scheme-{id}-hint")>{hint}</p>
                <div class="gt-band">
                    <input class="gt-input gt-input--short" id=format!("scheme-{id}") data-testid=format!("scheme-{id}") inputmode="decimal"
                        aria-describedby=format!("scheme-{id}-hint")
                        prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value())/>
                    <label class="gt-visually-hidden" for=format!("scheme-{id}-unit")>{format!("{label}: unit")}</label>
                    <select class="gt-select gt-select--auto" id=format!("scheme-{id}-unit") data-testid=format!("scheme-{id}-unit")
                        on:change:target=move |ev| unit.set(ev.target().value())>
                        <option value="percent" prop:selected=move || unit.get() == "percent">"% of target"</option>
                        <option value="absolute" prop:selected=move || unit.get() == "absolute">"in the indicator's unit"</option>
                    </select>
                </div>
            </div>
        }
    };
    let title = format!("RAG scheme for {who}");
    view! {
        <form class="gt-edit-form" on:submit=save data-testid="scheme-form" novalidate>
            <h3 class="gt-heading-m">{title}</h3>
            {move || (!errors.get().is_empty()).then(|| view! {
                <div class="gt-error-summary" id="scheme-errors" tabindex="-1" role="alert" data-testid="scheme-errors">
                    <h4 class="gt-heading-s">"There is a problem"</h4>
                    <ul class="gt-error-summary__list">{errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            })}
            <fieldset class="gt-fieldset">
                <legend class="gt-fieldset__legend">"How are Red, Amber and Green decided?"</legend>
                <div class="gt-radios">
                    {SchemeKind::ALL.into_iter().map(|k| view! {
                        <div class="gt-radios__item">
                            <input class="gt-radios__input" type="radio" name="scheme-kind" id=format!("scheme-kind-{}", k.as_str())
                                data-testid=format!("scheme-kind-{}", k.as_str()) value=k.as_str()
                                prop:checked=move || kind.get() == k on:change=move |_| kind.set(k)/>
                            <label class="gt-radios__label" for=format!("scheme-kind-{}", k.as_str())>{k.label()}</label>
                        </div>
                    }).collect_view()}
                </div>
            </fieldset>
            {move || kind.get().bands().0.then(|| band("green", "Green band", "Still Green when the target is missed by no more than this. Leave blank for none.", green, green_unit))}
            {move || kind.get().bands().1.then(|| band("amber", "Amber band", "Amber when the target is missed by no more than this (beyond the Green band). Leave blank for the data's standard tolerance.", amber, amber_unit))}
            <div class="gt-checkbox">
                <input class="gt-checkbox__input" type="checkbox" id="scheme-blue" data-testid="scheme-blue"
                    prop:checked=move || blue.get() on:change:target=move |ev| blue.set(ev.target().checked())/>
                <label class="gt-checkbox__label" for="scheme-blue">"The council calls a figure with no target Blue"</label>
            </div>
            <div class="gt-edit-form__actions">
                <button type="submit" class="gt-button" data-testid="scheme-save">"Save scheme"</button>
                <button type="button" class="gt-button gt-button--secondary" data-testid="scheme-cancel" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// The reader's message in the form's words ("green_within" is the Green band).
fn field_words(m: &str) -> String {
    let m = m
        .replace("green_within", "the Green band")
        .replace("amber_within", "the Amber band");
    let mut c = m.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => m,
    }
}
