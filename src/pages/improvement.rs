//! The improvement plan and an area's own page.

use crate::components::status::WorkTag;
use crate::pages::status::NotInData;
use crate::state::use_dataset;
use gt_core::route::Route;
use gt_core::summary::work_status;
use leptos::prelude::*;

#[component]
pub fn ImprovementPage() -> impl IntoView {
    let ds = use_dataset();
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Improvement plan"</h1>
        {ds.themes.iter().map(|t| view! {
            <h2 class="gt-heading-l">{format!("{}: {}", t.id, t.title)}</h2>
            <ul class="gt-list">
                {t.areas.iter().map(|a| view! {
                    <li><a href=Route::Area(a.id.clone()).href()>{format!("{} {}", a.id, a.title)}</a>
                        <span class="gt-secondary">{format!(" · {} actions", a.actions.len())}</span></li>
                }).collect_view()}
            </ul>
        }).collect_view()}
    }
}

#[component]
pub fn AreaPage(id: String) -> impl IntoView {
    let ds = use_dataset();
    let Some((theme, area)) = ds.area(&id).map(|(t, a)| (t.clone(), a.clone())) else {
        return view! { <NotInData what="improvement area" id=id back=Route::Improvement back_label="See the improvement plan"/> }.into_any();
    };
    view! {
        <p class="gt-caption-l">{theme.title.clone()}</p>
        <h1 class="gt-heading-xl" data-testid="page-heading">{format!("{} {}", area.id, area.title)}</h1>
        <ul class="gt-cards">
            {area.actions.iter().map(|x| view! {
                <li class="gt-card"><h2 class="gt-heading-s">{x.title.clone()}</h2><WorkTag status=work_status(&x.updates, None)/></li>
            }).collect_view()}
        </ul>
        <p><a href=Route::Improvement.href()>"Back to the improvement plan"</a></p>
    }.into_any()
}
