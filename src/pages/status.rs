//! Loading, load error and not found.

use gt_core::route::Route;
use leptos::prelude::*;

/// The page's heading while the data loads, and a status line saying how far a data file has
/// got ("Reading the data file: 6.1 of 13.5 MB"), from `AppState.progress`.
#[component]
pub fn Loading(heading: String) -> impl IntoView {
    let state = crate::state::use_app();
    let words = move || match state.progress.get() {
        Some(p) => p.words(),
        None => "Loading the data…".to_string(),
    };
    view! {
        <div data-testid="loading">
            <h1 class="gt-heading-xl">{heading}</h1>
            <p class="gt-loading" role="status" aria-live="polite" data-testid="loading-status">
                <span class="gt-spinner" aria-hidden="true"></span>
                {words}
            </p>
        </div>
    }
}

#[component]
pub fn LoadError(source: String, problems: Vec<String>) -> impl IntoView {
    let count = problems.len();
    view! {
        <div class="gt-error-summary" role="alert" tabindex="-1" data-testid="load-error">
            <h1 class="gt-heading-l">"The data could not be loaded"</h1>
            <p>"Golden Thread could not open the data file "<code>{source}</code>"."
                {if count == 1 { " This is what is wrong:".to_string() } else { format!(" {count} problems were found:") }}</p>
            <ul class="gt-error-summary__list" data-testid="load-problems">
                {problems.into_iter().take(200).map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            {(count > 200).then(|| view! { <p>{format!("… and {} more.", count - 200)}</p> })}
            <h2 class="gt-heading-m">"What you can do"</h2>
            <ul class="gt-list gt-list--bullet">
                <li>"If you published this file, correct it and publish it again; the messages above say where each problem is."</li>
                <li>"If you opened a shared link, ask the person who sent it for a working file."</li>
                <li><a href="#/" on:click=|_| { let _ = window().location().reload(); }>"Try again"</a></li>
            </ul>
        </div>
    }
}

#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Page not found"</h1>
        <p class="gt-body">"There is no page at "<code>{path}</code>"."</p>
        <p class="gt-body">"If you typed the address, check it is correct. If you followed a link, it may be out of date."</p>
        <ul class="gt-list gt-list--bullet">
            <li><a href=Route::Overview.href()>"Go to the overview"</a></li>
            <li><a href=Route::Indicators.href()>"See all indicators"</a></li>
        </ul>
    }
}

/// A record (indicator, area, priority) that is not in the data.
#[component]
pub fn NotInData(
    what: &'static str,
    id: String,
    back: Route,
    back_label: &'static str,
) -> impl IntoView {
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">{format!("{} not found", capitalise(what))}</h1>
        <p class="gt-body">"There is no "{what}" with the id "<code>{id}</code>" in this data."</p>
        <p class="gt-body"><a href=back.href()>{back_label}</a></p>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
