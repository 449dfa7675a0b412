//! Strategic priorities and a priority's own page.

use crate::components::status::WorkTag;
use crate::pages::status::NotInData;
use crate::state::use_dataset;
use gt_core::route::Route;
use gt_core::summary::{priority_status, work_status};
use leptos::prelude::*;

#[component]
pub fn PrioritiesPage() -> impl IntoView {
    let ds = use_dataset();
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Strategic priorities"</h1>
        <ul class="gt-cards">
            {ds.priorities.iter().map(|p| view! {
                <li class="gt-card" data-testid="priority-card">
                    <h2 class="gt-heading-m"><a href=Route::Priority(p.id.clone()).href()>{format!("{}: {}", p.id, p.title)}</a></h2>
                    <WorkTag status=priority_status(p, None)/>
                    <p class="gt-secondary">{format!("{} projects", p.projects.len())}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn PriorityPage(id: String) -> impl IntoView {
    let ds = use_dataset();
    let Some(p) = ds.priority(&id).cloned() else {
        return view! { <NotInData what="priority" id=id back=Route::Priorities back_label="See all priorities"/> }.into_any();
    };
    view! {
        <p class="gt-caption-l">{format!("Strategic priority {}", p.id)}</p>
        <h1 class="gt-heading-xl" data-testid="page-heading">{p.title.clone()}</h1>
        {p.description.clone().map(|d| view! { <p class="gt-body-l">{d}</p> })}
        <h2 class="gt-heading-l">"Projects"</h2>
        <ul class="gt-cards">
            {p.projects.iter().map(|x| view! {
                <li class="gt-card"><h3 class="gt-heading-s">{x.title.clone()}</h3><WorkTag status=work_status(&x.updates, None)/></li>
            }).collect_view()}
        </ul>
        <p><a href=Route::Priorities.href()>"Back to all priorities"</a></p>
    }.into_any()
}
