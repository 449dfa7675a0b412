//! The status legend: the rules in words (the scheme of each council in view), shown wherever
//! statuses are.

use crate::components::status::RagTag;
use gt_core::route::Route;
use gt_core::{Rag, Scheme};
use leptos::prelude::*;

/// `schemes`: the schemes that apply to the view, each with whom it applies to (from
/// [`gt_core::scheme::in_view`]).
#[component]
pub fn RagLegend(#[prop(into)] schemes: Signal<Vec<(String, Scheme)>>) -> impl IntoView {
    let scheme_lists = move || {
        let list = schemes.get();
        let several = list.len() > 1;
        list.into_iter()
            .map(|(who, s)| {
                view! {
                    <div class="gt-legend__scheme" data-testid="legend-scheme">
                        {several.then(|| view! { <p class="gt-legend__who"><strong>{who.clone()}</strong></p> })}
                        <dl class="gt-legend__list">
                            {gt_core::scheme::describe(&s, None).into_iter().map(|l| view! {
                                <div><dt><RagTag rag=l.rag/></dt><dd>{format!("{}: {}.", l.word, l.when)}</dd></div>
                            }).collect_view()}
                        </dl>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <details class="gt-legend" data-testid="rag-legend">
            <summary class="gt-legend__summary">"How statuses are worked out"</summary>
            {scheme_lists}
            <dl class="gt-legend__list">
                <div><dt><RagTag rag=Rag::NoData/></dt><dd>"The figure for the period has not been reported yet."</dd></div>
                <div><dt><RagTag rag=Rag::DataOnly/></dt><dd>"Reported for information: no target, so not rated."</dd></div>
                <div><dt><RagTag rag=Rag::NotDue/></dt><dd>"Not reported in this period (for example an annual indicator before the year end)."</dd></div>
            </dl>
            <p class="gt-legend__note">"An indicator may set its own tolerance. A status set by hand is marked “set by hand”; where the rules give a different status, it is flagged with the rules' answer."</p>
            <p class="gt-legend__note">{format!("Direction of travel says whether the latest figure got better or worse, taking into account whether higher or lower is better: “{}” compares it with the figure before it, “{}” with the same period a year earlier.", gt_core::engine::SHORT_TERM, gt_core::engine::LONG_TERM)}</p>
            <p class="gt-legend__note"><a href=Route::Statuses.href() data-testid="legend-schemes-link">"Each council's scheme in full"</a></p>
        </details>
    }
}
