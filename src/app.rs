//! The app shell: header, navigation, the page for the route, footer; and loading the data.

use crate::adapters::{fetch, location};
use crate::components::layout::{EditBar, Footer, Header, Notices, SkipLink};
use crate::edits;
use crate::pages;
use crate::state::Origin;
use crate::state::{AppState, Load, Phase, BUILT_IN_DATA};
use gt_core::route::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Parses a dataset's text into a `Load`, naming the file in any problem.
pub fn load_from_text(name: &str, text: &str) -> Load {
    match gt_core::parse_dataset(text) {
        Ok(ds) => Load::Ready(Arc::new(ds)),
        Err(problems) => Load::Failed {
            source: name.to_string(),
            problems: problems.iter().map(|p| p.to_string()).collect(),
        },
    }
}

/// Makes `text` the source data (with its fingerprint), then restores this dataset's saved
/// edits.
pub fn set_source(state: &AppState, load: Load, text: &str, origin: Origin) {
    state.source_hash.set(gt_core::edit::fingerprint(text));
    state.edits.update(|l| l.clear());
    state.saving.set(crate::state::Saving::Idle);
    let ready = matches!(load, Load::Ready(_));
    state.source.set(load);
    state.origin.set(origin);
    if ready {
        edits::restore(state);
    }
}

/// Loads the dataset from `url` into the state, with every problem reported on failure.
pub async fn load_dataset(url: String, state: AppState, origin: Origin) {
    match fetch::fetch_text(&url).await {
        Err(e) => state.source.set(Load::Failed {
            source: url,
            problems: vec![e],
        }),
        Ok(text) => {
            let load = load_from_text(&url, &text);
            set_source(&state, load, &text, origin);
        }
    }
}

/// Starts loading: a file named in the link, else data imported earlier in this browser, else
/// the built-in data.
pub fn start_loading(state: AppState) {
    // An offline copy carries its data inside the page.
    if let Some(el) = document().get_element_by_id(gt_core::bundle::DATA_ID) {
        let text = el.text_content().unwrap_or_default();
        let load = load_from_text("the data in this offline copy", &text);
        set_source(&state, load, &text, Origin::Bundle);
        return;
    }
    let url = data_url(&state.location.get_untracked());
    if url != BUILT_IN_DATA {
        spawn_local(load_dataset(url.clone(), state, Origin::Link(url)));
        return;
    }
    if let Some((text, origin)) = crate::importing::stored_import(&state) {
        let load = load_from_text("the data imported in this browser", &text);
        if matches!(load, Load::Ready(_)) {
            set_source(&state, load, &text, origin);
            return;
        }
    }
    spawn_local(load_dataset(url, state, Origin::BuiltIn));
}

/// The data file to load: `?data=URL` in the address (before or after the `#`), else the
/// built-in file.
pub fn data_url(loc: &gt_core::route::Location) -> String {
    let search = window().location().search().unwrap_or_default();
    let from_search = gt_core::route::Location::parse(&format!("#/{search}"))
        .get("data")
        .map(str::to_string);
    from_search
        .or_else(|| loc.get("data").map(str::to_string))
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| BUILT_IN_DATA.to_string())
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(location::current());
    provide_context(state);
    location::follow(state.location);
    start_loading(state);
    edits::follow_other_tabs(state);
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
        <EditBar/>
        <Notices/>
        <div class="gt-width-container">
            <main id="main-content" class="gt-main" tabindex="-1">
                {move || match state.phase.get() {
                    Phase::Loading => view! { <pages::status::Loading/> }.into_any(),
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
        Route::Area(id) => view! { <pages::improvement::AreaPage id=id/> }.into_any(),
        Route::Indicators => view! { <pages::indicators::IndicatorsPage/> }.into_any(),
        Route::Indicator(id) => view! { <pages::indicators::IndicatorPage id=id/> }.into_any(),
        Route::Report => view! { <pages::report::ReportPage/> }.into_any(),
        Route::Data => view! { <pages::data::DataPage/> }.into_any(),
        Route::Accessibility => view! { <pages::accessibility::AccessibilityPage/> }.into_any(),
        Route::Changes => view! { <pages::changes::ChangesPage/> }.into_any(),
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
        Route::Report => "Committee pack".into(),
        Route::Data => "Data".into(),
        Route::Accessibility => "Accessibility statement".into(),
        Route::Changes => "Your changes".into(),
        Route::NotFound(_) => "Page not found".into(),
    }
}
