//! About the data: what is loaded, and how to load your own.

use crate::state::use_dataset;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let ds = use_dataset();
    let actions = ds.actions().count();
    let projects = ds.projects().count();
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Data"</h1>
        <p class="gt-body-l">{ds.description.clone()}</p>
        <dl class="gt-summary-list gt-summary-list--dl" data-testid="data-summary">
            <div><dt>"Title"</dt><dd>{ds.title.clone()}</dd></div>
            <div><dt>"Published by"</dt><dd>{ds.organisation.clone()}</dd></div>
            <div><dt>"Figures as of"</dt><dd>{ds.as_of.map(gt_core::fmt::date)}</dd></div>
            <div><dt>"Councils"</dt><dd>{ds.councils.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", ")}</dd></div>
            <div><dt>"Services"</dt><dd>{ds.services.len()}</dd></div>
            <div><dt>"Indicators"</dt><dd data-testid="indicator-count">{ds.indicators.len()}</dd></div>
            <div><dt>"Strategic priorities"</dt><dd>{format!("{} ({} projects)", ds.priorities.len(), projects)}</dd></div>
            <div><dt>"Improvement plan"</dt><dd>{format!("{} themes, {} areas, {} actions", ds.themes.len(), ds.themes.iter().map(|t| t.areas.len()).sum::<usize>(), actions)}</dd></div>
            <div><dt>"File format"</dt><dd>{ds.format.clone()}</dd></div>
        </dl>
    }
}
