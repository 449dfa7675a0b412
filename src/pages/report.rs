//! The committee pack (printable quarterly appendix).

use crate::state::{reporting_period, use_app, use_dataset};
use leptos::prelude::*;

#[component]
pub fn ReportPage() -> impl IntoView {
    let ds = use_dataset();
    let loc = use_app().location.get_untracked();
    let period = reporting_period(&ds, &loc);
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Committee pack"</h1>
        <p class="gt-body-l">{format!("{}: performance report", ds.organisation)}</p>
        <p class="gt-body">{period.map(|p| p.label())}</p>
        <p class="gt-inset">"The printable committee pack (cover, key indicators, RAG summary, exception report, improvement plan and priorities) is being built."</p>
    }
}
