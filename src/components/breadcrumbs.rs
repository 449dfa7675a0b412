//! Breadcrumbs: where a page sits in the golden thread, each step a link.

use leptos::prelude::*;

/// `items` are (label, href) pairs from the top down; the current page is not included.
#[component]
pub fn Breadcrumbs(items: Vec<(String, String)>) -> impl IntoView {
    view! {
        <nav class="gt-breadcrumbs" aria-label="Breadcrumb">
            <ol class="gt-breadcrumbs__list">
                {items.into_iter().map(|(label, href)| view! {
                    <li class="gt-breadcrumbs__item"><a class="gt-breadcrumbs__link" href=href>{label}</a></li>
                }).collect_view()}
            </ol>
        </nav>
    }
}
