//! The status legend: the rule in words, shown wherever statuses are.

use crate::components::status::RagTag;
use gt_core::{Rag, Tolerance};
use leptos::prelude::*;

#[component]
pub fn RagLegend(tolerance: Tolerance) -> impl IntoView {
    let band = match tolerance {
        Tolerance::Percent(p) => format!("{}% of target", gt_core::fmt::trim_number(p)),
        Tolerance::Absolute(a) => {
            format!("{} in the indicator's unit", gt_core::fmt::trim_number(a))
        }
    };
    view! {
        <details class="gt-legend" data-testid="rag-legend">
            <summary class="gt-legend__summary">"How statuses are worked out"</summary>
            <dl class="gt-legend__list">
                <div><dt><RagTag rag=Rag::Green/></dt><dd>"Green: the target was met."</dd></div>
                <div><dt><RagTag rag=Rag::Amber/></dt><dd>{format!("Amber: missed the target by no more than {band}, unless the indicator sets its own tolerance.")}</dd></div>
                <div><dt><RagTag rag=Rag::Red/></dt><dd>"Red: missed the target by more than that."</dd></div>
                <div><dt><RagTag rag=Rag::NoData/></dt><dd>"The figure for the period has not been reported yet."</dd></div>
                <div><dt><RagTag rag=Rag::DataOnly/></dt><dd>"Reported for information: no target, so not rated."</dd></div>
                <div><dt><RagTag rag=Rag::NotDue/></dt><dd>"Not reported in this period (for example an annual indicator before the year end)."</dd></div>
            </dl>
            <p class="gt-legend__note">{format!("Direction of travel says whether the latest figure got better or worse, taking into account whether higher or lower is better: “{}” compares it with the figure before it, “{}” with the same period a year earlier.", gt_core::engine::SHORT_TERM, gt_core::engine::LONG_TERM)}</p>
        </details>
    }
}
