//! Header, navigation, footer and the skip link.

use crate::state::{use_app, Load};
use gt_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a href="#main-content" class="gt-skip-link" on:click=|ev| {
        // The fragment is the app's router: move focus without changing it.
        ev.prevent_default();
        if let Some(el) = document().get_element_by_id("main-content") {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() { let _ = el.focus(); }
        }
    }>"Skip to main content"</a> }
}

const NAV: [(&str, &str, Route); 6] = [
    ("overview", "Overview", Route::Overview),
    ("priorities", "Priorities", Route::Priorities),
    ("improvement", "Improvement plan", Route::Improvement),
    ("indicators", "Indicators", Route::Indicators),
    ("report", "Committee pack", Route::Report),
    ("data", "Data", Route::Data),
];

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let title = move || match state.data.get() {
        Load::Ready(ds) => ds.title.clone(),
        _ => String::new(),
    };
    let organisation = move || match state.data.get() {
        Load::Ready(ds) => ds.organisation.clone(),
        _ => String::new(),
    };
    view! {
        <header class="gt-header" data-testid="header">
            <div class="gt-width-container gt-header__inner">
                <a href="#/" class="gt-header__logo">
                    <svg class="gt-header__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <path d="M4 25 C11 5, 20 27, 28 7" stroke="currentColor" stroke-width="4" fill="none" stroke-linecap="round"/>
                    </svg>
                    <span class="gt-header__product">"Golden Thread"</span>
                </a>
                <div class="gt-header__dataset">
                    <span class="gt-header__title" data-testid="dataset-title">{title}</span>
                    <span class="gt-header__org" data-testid="dataset-organisation">{organisation}</span>
                </div>
            </div>
        </header>
        <nav class="gt-nav" aria-label="Main">
            <ul class="gt-width-container gt-nav__list">
                {NAV.iter().map(|(key, label, route)| {
                    let key = *key;
                    let current = move || (state.route.get().section() == key).then_some("page");
                    view! {
                        <li class="gt-nav__item">
                            <a class="gt-nav__link" href=route.href() aria-current=current data-testid=format!("nav-{key}")>{*label}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let state = use_app();
    let as_of = move || match state.data.get() {
        Load::Ready(ds) => ds
            .as_of
            .map(|d| format!("Data as of {}.", gt_core::fmt::date(d))),
        _ => None,
    };
    let org = move || match state.data.get() {
        Load::Ready(ds) => Some(ds.organisation.clone()),
        _ => None,
    };
    view! {
        <footer class="gt-footer">
            <div class="gt-width-container gt-footer__inner">
                <p class="gt-footer__meta" data-testid="as-of">{as_of}" "{move || org().map(|o| format!("Published by {o}."))}</p>
                <ul class="gt-footer__links">
                    <li><a href=Route::Accessibility.href()>"Accessibility statement"</a></li>
                    <li><a href=Route::Data.href()>"About this data"</a></li>
                </ul>
                <p class="gt-footer__small">"Golden Thread: performance, priorities and improvement in one place. Works offline; nothing you enter leaves this browser unless you export it."</p>
            </div>
        </footer>
    }
}
