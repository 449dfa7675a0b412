//! "How statuses are worked out": the RAG scheme for all councils and each council's own, in
//! words; in edit mode, each can be changed (an edit like any other: saved in this browser,
//! undoable, listed on Your changes, exported with the data).

use crate::components::scheme_form::SchemeForm;
use crate::components::status::RagTag;
use crate::edits;
use crate::state::{use_app, use_data};
use gt_core::edit::Target;
use gt_core::engine::Engine;
use gt_core::route::Route;
use gt_core::scheme::{council_scheme, describe, SchemeSource};
use gt_core::Rag;
use leptos::prelude::*;
use serde_json::Value;

/// One scheme holder: `None` for all councils, else a council id.
fn key(council: &Option<String>) -> String {
    council.clone().unwrap_or_else(|| "all".into())
}

#[component]
pub fn StatusesPage() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let open = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let holders = move || {
        data.with(|ds| {
            std::iter::once(None)
                .chain(ds.councils.iter().map(|c| Some(c.id.clone())))
                .collect::<Vec<_>>()
        })
    };
    let card = move |council: Option<String>| {
        let k = key(&council);
        let c2 = council.clone();
        let body = move || {
            let ds = data.get();
            let (scheme, source) = council_scheme(&ds, c2.as_deref());
            let own = match (&c2, &source) {
                (None, SchemeSource::Dataset) => "Set in the data for every council that has no scheme of its own.".to_string(),
                (None, _) => format!("No scheme is set for all councils, so the standard rule applies: Amber within {} (the data's standard tolerance).", gt_core::scheme::band_words(Some(ds.tolerance_default()), None)),
                (Some(_), SchemeSource::Council(_)) => "This council's own scheme, for its own indicators.".to_string(),
                (Some(_), _) => "No scheme of its own: it follows the scheme for all councils.".to_string(),
            };
            // Hand-set statuses that differ from the rules, at the period in view.
            let differs = c2.as_ref().zip(state.period()).map(|(c, p)| {
                let fit = Engine::new(&ds, p).scheme_fit(c);
                (c.clone(), fit.differing, fit.own_rules, p)
            });
            view! {
                <p class="gt-body">{own}</p>
                <dl class="gt-legend__list" data-testid="scheme-lines">
                    {describe(&scheme, None).into_iter().map(|l| view! {
                        <div><dt><RagTag rag=l.rag/></dt><dd>{format!("{}: {}.", l.word, l.when)}</dd></div>
                    }).collect_view()}
                </dl>
                {differs.map(|(c, n, own_tol, p)| view! {
                    <p class="gt-body" data-testid="scheme-differs">
                        {match n {
                            0 => format!("No status set by hand differs from these rules in {}.", p.short_label()),
                            1 => format!("1 status set by hand differs from these rules in {}: ", p.short_label()),
                            n => format!("{n} statuses set by hand differ from these rules in {}: ", p.short_label()),
                        }}
                        {(n > 0).then(|| view! { <a href=format!("{}?council={c}&differs=1", Route::Indicators.href())>"see which"</a> })}
                    </p>
                    {(own_tol > 0).then(|| view! { <p class="gt-body gt-secondary">{format!("{own_tol} of its indicators set their own tolerance or scheme; each indicator's page says how it is rated.")}</p> })}
                })}
            }
        };
        let c4 = council.clone();
        let who = move || {
            data.with(|ds| match &c4 {
                None => "All councils".to_string(),
                Some(c) => ds.council_name(c).to_string(),
            })
        };
        let who2 = who.clone();
        let k2 = k.clone();
        let k3 = k.clone();
        let c3 = council.clone();
        let form = move || {
            (open.get().as_deref() == Some(k2.as_str())).then(|| {
                let ds = data.get_untracked();
                let (initial, _) = council_scheme(&ds, c3.as_deref());
                let target = Target::Scheme {
                    council: c3.clone(),
                };
                let old = gt_core::edit::current(&ds, &target, "rag_scheme");
                let k4 = k2.clone();
                let save = Callback::new(move |new: Value| {
                    edits::record(
                        &state,
                        target.clone(),
                        vec![("rag_scheme", old.clone(), new)],
                    );
                    open.set(None);
                    saved.set(Some(k4.clone()));
                    focus(&format!("scheme-change-{k4}"));
                });
                let k5 = k2.clone();
                let cancel = Callback::new(move |_| {
                    open.set(None);
                    focus(&format!("scheme-change-{k5}"));
                });
                view! { <SchemeForm who=who2() initial=initial on_save=save on_cancel=cancel/> }
            })
        };
        view! {
            <section class="gt-scheme" data-testid=format!("scheme-{k}") aria-labelledby=format!("scheme-h-{k}")>
                <h2 class="gt-heading-m" id=format!("scheme-h-{k}")>{who}</h2>
                {body}
                {move || state.editing.get().then(|| {
                    let k = k3.clone();
                    let k6 = k3.clone();
                    view! {
                        <p><button type="button" class="gt-button gt-button--secondary" id=format!("scheme-change-{k}") data-testid=format!("scheme-change-{k}")
                            aria-expanded=move || if open.get().as_deref() == Some(k.as_str()) { "true" } else { "false" }
                            on:click=move |_| { saved.set(None); open.set(Some(k6.clone())); focus("scheme-kind-tolerance"); }>"Change this scheme"</button></p>
                    }
                })}
                <p class="gt-confirm" role="status" data-testid=format!("scheme-saved-{k}")>
                    {let k = k.clone(); move || (saved.get().as_deref() == Some(k.as_str())).then(|| format!("Scheme saved {}. Statuses now follow it.", state.saved_where()))}
                </p>
                {form}
            </section>
        }
    };
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"How statuses are worked out"</h1>
        <p class="gt-body-l">"Councils do not all mean the same by Red, Amber and Green. Each council's own indicators are rated by its own scheme; shared-service indicators by the scheme for all councils. An indicator may set its own tolerance, or not be rated at all."</p>
        <p class="gt-body">"Figures are first rounded to the decimals shown, and rated exactly as shown. A band includes its edge: missing by exactly the band is inside it. A percentage band is a percentage of the target; otherwise it is in the indicator's unit. Where a status was set by hand and these rules give another, the indicator is flagged with the rules' answer."</p>
        {move || (!state.editing.get()).then(|| view! { <p class="gt-body gt-secondary">"To change a scheme, turn on Edit figures."</p> })}
        {move || holders().into_iter().map(card).collect_view()}
        <h2 class="gt-heading-m">"Neither red nor green"</h2>
        <dl class="gt-legend__list">
            <div><dt><RagTag rag=Rag::NoData/></dt><dd>"The figure for the period has not been reported yet."</dd></div>
            <div><dt><RagTag rag=Rag::DataOnly/></dt><dd>"Reported for information: no target, or not rated."</dd></div>
            <div><dt><RagTag rag=Rag::NotDue/></dt><dd>"Not reported in this period (for example an annual indicator before the year end)."</dd></div>
        </dl>
    }
}

fn focus(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    });
}
