//! The app shell: header, navigation, the page for the route, footer. Loading the data is in
//! `loading.rs`; the shell only starts it and shows where it is.

use crate::adapters::location;
use crate::components::draft::DataStatus;
use crate::components::layout::{EditBar, Footer, Header, Notices, SkipLink};
use crate::edits;
use crate::loading::start_loading;
use crate::pages;
use crate::state::{AppState, Load, Phase};
use gt_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(location::current());
    provide_context(state);
    location::follow(state.location);
    start_loading(state);
    edits::follow_other_tabs(state);
    edits::save_after_every_change(state);
    edits::keep_editing_mode(state);
    crate::offline_copy::follow(state);
    let importer = crate::importing::Importer {
        pending: RwSignal::new(crate::importing::Pending::Nothing),
    };
    provide_context(importer);
    crate::importing::accept_dropped_files(state, importer);

    // Undo and redo from the keyboard (outside text fields, which have their own).
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_field = document()
            .active_element()
            .map(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .unwrap_or(false);
        if in_field {
            return;
        }
        let key = ev.key().to_lowercase();
        let done = match (key.as_str(), ev.shift_key()) {
            ("z", false) => edits::undo(&state),
            ("z", true) | ("y", _) => edits::redo(&state),
            _ => return,
        };
        if done {
            ev.prevent_default();
        }
    });
    std::mem::forget(keys);

    // The service worker found a newer app or data file.
    let new_version = window_event_listener_untyped("golden-thread-new-version", move |_| {
        state.notify(
            crate::state::NoticeKind::NewVersion,
            "A new version of Golden Thread or its data is available.",
        );
    });
    std::mem::forget(new_version);

    // The window title names the page and the dataset.
    Effect::new(move |_| {
        let page = page_title(&state.route.get());
        let ds = match state.data.get() {
            Load::Ready(ds) => ds.title.clone(),
            Load::Loading => "Loading".into(),
            Load::Failed { .. } => "Data not loaded".into(),
        };
        document().set_title(&format!("{page} – {ds} – Golden Thread"));
    });

    // After following a link to another page, start at the top with focus on the page, as a
    // full page load would (screen reader users hear the new page).
    Effect::new(move |prev: Option<Route>| {
        let route = state.route.get();
        if prev.is_some_and(|p| p != route) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(el) = document().get_element_by_id("main-content") {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
        route
    });

    view! {
        <SkipLink/>
        <Header/>
        <DataStatus/>
        <EditBar/>
        <Notices/>
        <div class="gt-width-container">
            <main id="main-content" class="gt-main" tabindex="-1">
                {move || match state.phase.get() {
                    Phase::Loading => {
                        let heading = page_title(&state.route.get_untracked());
                        view! { <pages::status::Loading heading=heading/> }.into_any()
                    }
                    Phase::Failed { source, problems } => {
                        view! { <pages::status::LoadError source=source problems=problems/> }.into_any()
                    }
                    Phase::Ready => view! { <RoutePage/> }.into_any(),
                }}
            </main>
        </div>
        <Footer/>
    }
}

/// The page for the current route (rebuilt when the route changes, not on query changes).
#[component]
fn RoutePage() -> impl IntoView {
    let state = crate::state::use_app();
    move || match state.route.get() {
        Route::Overview => view! { <pages::overview::OverviewPage/> }.into_any(),
        Route::Priorities => view! { <pages::priorities::PrioritiesPage/> }.into_any(),
        Route::Priority(id) => view! { <pages::priorities::PriorityPage id=id/> }.into_any(),
        Route::Improvement => view! { <pages::improvement::ImprovementPage/> }.into_any(),
        Route::Area(id) => view! { <pages::area::AreaPage id=id/> }.into_any(),
        Route::Indicators => view! { <pages::indicators::IndicatorsPage/> }.into_any(),
        Route::Indicator(id) => view! { <pages::indicator::IndicatorPage id=id/> }.into_any(),
        Route::Compare => view! { <pages::compare::ComparePage/> }.into_any(),
        Route::Report => view! { <pages::report::ReportPage/> }.into_any(),
        Route::Data => view! { <pages::data::DataPage/> }.into_any(),
        Route::Accessibility => view! { <pages::accessibility::AccessibilityPage/> }.into_any(),
        Route::Changes => view! { <pages::changes::ChangesPage/> }.into_any(),
        Route::Statuses => view! { <pages::statuses::StatusesPage/> }.into_any(),
        Route::NotFound(path) => view! { <pages::status::NotFound path=path/> }.into_any(),
    }
}

fn page_title(route: &Route) -> String {
    match route {
        Route::Overview => "Overview".into(),
        Route::Priorities => "Strategic priorities".into(),
        Route::Priority(id) => format!("Priority {id}"),
        Route::Improvement => "Improvement plan".into(),
        Route::Area(id) => format!("Improvement area {id}"),
        Route::Indicators => "Indicators".into(),
        Route::Indicator(id) => format!("Indicator {id}"),
        Route::Compare => "Compare councils".into(),
        Route::Report => "Committee pack".into(),
        Route::Data => "Data".into(),
        Route::Accessibility => "Accessibility statement".into(),
        Route::Changes => "Your changes".into(),
        Route::Statuses => "How statuses are worked out".into(),
        Route::NotFound(_) => "Page not found".into(),
    }
}
