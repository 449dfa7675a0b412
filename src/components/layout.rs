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

/// Whether a title already names the organisation (so it need not be said twice).
pub fn names(title: &str, organisation: &str) -> bool {
    let org = organisation.trim().to_lowercase();
    org.is_empty() || title.to_lowercase().contains(&org)
}

const NAV: [(&str, &str, Route); 7] = [
    ("overview", "Overview", Route::Overview),
    ("priorities", "Priorities", Route::Priorities),
    ("improvement", "Improvement plan", Route::Improvement),
    ("indicators", "Indicators", Route::Indicators),
    ("compare", "Compare", Route::Compare),
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
    // The organisation only when the title does not already name it ("oneSource
    // performance" by "oneSource" says it once); the footer says who published it.
    let organisation = move || match state.data.get() {
        Load::Ready(ds) if !names(&ds.title, &ds.organisation) => Some(ds.organisation.clone()),
        _ => None,
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
                    {move || organisation().map(|o| view! { <span class="gt-header__org" data-testid="dataset-organisation">{o}</span> })}
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
                <li class="gt-nav__item gt-nav__item--edit">
                    <button type="button" class="gt-nav__edit" data-testid="edit-toggle"
                        aria-pressed=move || if state.editing.get() { "true" } else { "false" }
                        on:click=move |_| state.editing.update(|e| *e = !*e)>
                        // A toggle keeps its name; "Finish editing" is the edit bar's one button.
                        "Edit figures"
                    </button>
                </li>
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

/// Shown while editing: what is saved, undo and redo, the changes, and how to stop.
#[component]
pub fn EditBar() -> impl IntoView {
    use crate::state::Saving;
    let state = use_app();
    // What the user did: one per saved form.
    let count = move || state.changes_made();
    let saving = move || {
        match state.saving.get() {
        Saving::Idle => view! { <span class="gt-editbar__saved" data-testid="save-status">"No changes yet"</span> }.into_any(),
        Saving::Saved(t) => view! { <span class="gt-editbar__saved" data-testid="save-status">{format!("Saved in this browser at {t}")}</span> }.into_any(),
        Saving::Failed(why) => view! {
            <span class="gt-editbar__failed" role="alert" data-testid="save-status">
                {format!("Not saved: {why}. Your changes are kept while this page is open. ")}
                <a href=Route::Changes.href()>"Export your changes now"</a>
            </span>
        }.into_any(),
    }
    };
    let undo = move |_| {
        crate::edits::undo(&state);
    };
    let redo = move |_| {
        crate::edits::redo(&state);
    };
    move || {
        let show = state.editing.get() || matches!(state.saving.get(), Saving::Failed(_));
        show.then(|| view! {
            <section class="gt-editbar" aria-label="Editing" data-testid="edit-bar">
                <div class="gt-width-container gt-editbar__inner">
                    <p class="gt-editbar__title"><strong>{move || if state.editing.get() { "You are editing." } else { "Your changes are not saved." }}</strong>" "{saving}</p>
                    <div class="gt-editbar__actions">
                        <button type="button" class="gt-button gt-button--secondary" on:click=undo data-testid="undo"
                            disabled=move || !state.edits.with(|e| e.can_undo()) aria-keyshortcuts="Control+Z">"Undo"</button>
                        <button type="button" class="gt-button gt-button--secondary" on:click=redo data-testid="redo"
                            disabled=move || !state.edits.with(|e| e.can_redo()) aria-keyshortcuts="Control+Y">"Redo"</button>
                        <a class="gt-editbar__link" href=Route::Changes.href() data-testid="changes-link">{move || format!("Your changes ({})", count())}</a>
                        {move || state.editing.get().then(|| view! {
                            <button type="button" class="gt-button" on:click=move |_| state.editing.set(false) data-testid="finish-editing">"Finish editing"</button>
                        })}
                    </div>
                </div>
            </section>
        })
    }
}

/// App-wide messages: data changed under saved edits, another tab's changes, unreadable
/// storage kept aside.
#[component]
pub fn Notices() -> impl IntoView {
    use crate::state::NoticeKind;
    let state = use_app();
    move || {
        let notices = state.notices.get();
        (!notices.is_empty()).then(|| view! {
            <div class="gt-width-container gt-notices" data-testid="notices">
                {notices.into_iter().map(|n| {
                    let text = n.text.clone();
                    let dismiss = {
                        let text = text.clone();
                        move |_| state.notices.update(|v| v.retain(|x| x.text != text))
                    };
                    let kind = match n.kind { NoticeKind::Info => "info", _ => "warning" };
                    view! {
                        <div class=format!("gt-banner gt-banner--{kind}") role=if kind == "info" { "status" } else { "alert" } data-testid="notice">
                            <p class="gt-banner__text">{n.text.clone()}</p>
                            {(n.kind == NoticeKind::SourceChanged).then(|| {
                                let text = text.clone();
                                view! {
                                    <p class="gt-banner__actions">
                                        <button type="button" class="gt-button" data-testid="keep-edits"
                                            on:click={ let text = text.clone(); move |_| state.notices.update(|v| v.retain(|x| x.text != text)) }>"Keep my changes on top"</button>
                                        " "<a href=Route::Changes.href() data-testid="review-conflicts">"Review the changes and conflicts"</a>" "
                                        <button type="button" class="gt-button gt-button--warning" data-testid="discard-edits"
                                            on:click={ let text = text.clone(); move |_| { crate::edits::discard_all(&state); state.notices.update(|v| v.retain(|x| x.text != text)); } }>"Discard my changes"</button>
                                    </p>
                                }
                            })}
                            {(n.kind == NoticeKind::NewVersion).then(|| view! {
                                <button type="button" class="gt-button" data-testid="reload-new-version" on:click=|_| { let _ = window().location().reload(); }>"Reload to use it"</button>
                            })}
                            {(n.kind != NoticeKind::SourceChanged).then(|| view! {
                                <button type="button" class="gt-link-button" on:click=dismiss.clone()>"Dismiss"<span class="gt-visually-hidden">" this message"</span></button>
                            })}
                        </div>
                    }
                }).collect_view()}
            </div>
        })
    }
}
