//! The one reporting-period picker of the app, and the "as at" words shown next to a status
//! that comes from an older period than the one in view.

use crate::adapters::location;
use crate::state::use_app;
use gt_core::Period;
use leptos::prelude::*;

/// Chooses the app's reporting period (kept in the URL as `period=`, and carried to every page
/// the user moves to). Offers the data's whole calendar: periods with figures and periods with
/// plan updates, newest first, each saying what it holds when it is not both.
#[component]
pub fn ReportingPeriodPicker(
    id: &'static str,
    #[prop(optional)] label: &'static str,
) -> impl IntoView {
    let state = use_app();
    let label = if label.is_empty() {
        "Reporting period"
    } else {
        label
    };
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if Period::parse(&value).is_ok() {
            let loc = state.location.get_untracked().with("period", &value);
            location::navigate(state.location, loc, true);
            // A page drawn again for the new period puts a new picker in place of this one:
            // keep the keyboard user's place on it.
            set_timeout(
                move || {
                    use wasm_bindgen::JsCast;
                    if let Some(el) = document()
                        .get_element_by_id(id)
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        if document().active_element().as_ref() != Some(el.as_ref()) {
                            let _ = el.focus();
                        }
                    }
                },
                std::time::Duration::from_millis(0),
            );
        }
    };
    view! {
        <div class="gt-form-group gt-period-picker">
            <label class="gt-label" for=id>{label}</label>
            <select class="gt-select" id=id data-testid=id on:change=on_change>
                {move || state.calendar.with(|c| {
                    c.periods.iter().map(|p| {
                        let p = *p;
                        view! { <option value=p.id() prop:selected=move || state.period() == Some(p)>{c.choice_label(&p)}</option> }
                    }).collect_view()
                })}
            </select>
        </div>
    }
}

/// "as at Q2 2021/22" next to a status whose latest update or figure is older than the period
/// in view; nothing otherwise.
#[component]
pub fn AsAt(as_at: Option<Period>) -> impl IntoView {
    as_at.map(|p| {
        view! { <span class="gt-as-at" data-testid="as-at" data-period=p.id()>{format!("as at {}", p.short_label())}</span> }
    })
}

/// A note when the link's period could not be used (shown once, under the page heading).
#[component]
pub fn PeriodNote() -> impl IntoView {
    let state = use_app();
    move || {
        state.period.with(|c| c.note.clone()).map(|n| {
            view! {
                <div class="gt-notice" role="status" data-testid="period-note">
                    <p class="gt-notice__title">"The period in this link could not be used:"</p>
                    <p>{n}</p>
                </div>
            }
        })
    }
}
