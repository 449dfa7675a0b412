//! Filter choices shared by pages whose view is in the link: one checkbox per council.

use gt_core::Council;
use leptos::prelude::*;

/// A checkbox per council (ids `{prefix}-{council id}`, also the test ids), ticked when
/// `chosen` holds the council; ticking or unticking calls `toggle` with the council and whether
/// it is now ticked.
#[component]
pub fn CouncilChecks(
    councils: Vec<Council>,
    prefix: &'static str,
    #[prop(into)] chosen: Signal<Vec<String>>,
    toggle: Callback<(String, bool)>,
) -> impl IntoView {
    councils
        .into_iter()
        .map(|c| {
            let id = format!("{prefix}-{}", c.id);
            let council = c.id.clone();
            let ticked = c.id.clone();
            view! {
                <div class="gt-checkbox">
                    <input class="gt-checkbox__input" type="checkbox" id=id.clone() data-testid=id.clone()
                        prop:checked=move || chosen.with(|v| v.contains(&ticked))
                        on:change:target=move |ev| toggle.run((council.clone(), ev.target().checked()))/>
                    <label class="gt-checkbox__label" for=id>{c.name.clone()}</label>
                </div>
            }
        })
        .collect_view()
}
