//! Where the data is from, and drafts, on every page: the source line under the navigation
//! ("Illustrative figures", "Data from host — file.json", "Imported from … on …"), the draft
//! banner when what is shown includes changes not in the published data, and the "Draft" flag
//! on each changed figure. What differs is worked out in `gt_core::draft` (held in
//! `AppState.draft`); these only render it.

use crate::state::use_app;
use gt_core::draft::{Draft, Provenance};
use gt_core::route::Route;
use leptos::prelude::*;

/// Under the navigation on every page: where the data is from, then the draft banner when
/// there is a draft.
#[component]
pub fn DataStatus() -> impl IntoView {
    let state = use_app();
    let source = move || {
        state.provenance.get().map(|p| {
            let kind = if p.illustrative {
                "illustrative"
            } else {
                "other"
            };
            view! {
                // A landmark of its own, so that nothing on the page is outside one.
                <section class=format!("gt-source gt-source--{kind}") data-testid="data-source" aria-label="Where the data is from">
                    <p class="gt-width-container gt-source__inner">
                        <strong class="gt-source__tag">{p.label()}</strong>
                        <span class="gt-source__text" data-testid="data-source-text">{p.detail()}</span>
                        " "<a class="gt-source__link" href=Route::Data.href()>"About this data"</a>
                    </p>
                </section>
            }
        })
    };
    let draft = move || {
        let d = state.draft.get();
        (!d.is_empty()).then(|| draft_banner(&d, state.provenance.get().as_ref()))
    };
    view! {
        {source}
        {draft}
    }
}

/// The draft banner: how many changes, the published file and its date, the changes, and
/// what to do about them.
fn draft_banner(d: &Draft, p: Option<&Provenance>) -> impl IntoView {
    let n = d.count();
    let published = p
        .map(|p| p.published())
        .unwrap_or_else(|| "the data as loaded".into());
    let copy = p.is_some_and(|p| p.copy_made.is_some());
    let open = n <= 3;
    let items = d
        .changes
        .iter()
        .map(|c| view! { <li><a href=c.href.clone()>{c.line()}</a></li> })
        .collect_view();
    view! {
        <section class="gt-draft" aria-labelledby="gt-draft-title" data-testid="draft-banner">
            <div class="gt-width-container">
                <div class="gt-draft__box">
                    <p class="gt-draft__label" aria-hidden="true">"Draft"</p>
                    <div class="gt-draft__body">
                        <h2 class="gt-draft__title" id="gt-draft-title" data-testid="draft-title">{d.headline()}</h2>
                        <p class="gt-draft__text" data-testid="draft-source">
                            {format!("The published data is {published}. ")}
                            {if copy {
                                "This offline copy was made with changes that are not in it: figures marked Draft differ from it."
                            } else {
                                "Changes made in this browser are not in it: figures marked Draft differ from it."
                            }}
                        </p>
                        <details class="gt-draft__details" open=open data-testid="draft-changes">
                            <summary class="gt-draft__summary">{if n == 1 { "The change".to_string() } else { format!("The {n} changes") }}</summary>
                            <ol class="gt-draft__list">{items}</ol>
                        </details>
                        <p class="gt-draft__text gt-draft__actions">
                            <a href=Route::Changes.href() data-testid="draft-review">"Review, undo or discard your changes"</a>
                            " · To make them the published figures, "
                            <a href=Route::Data.href()>"download the data"</a>
                            " and open that file: it shows no draft."
                        </p>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// "Draft" on a changed figure or row, in words, with what it means for screen readers.
#[component]
pub fn DraftFlag(
    /// What is marked: "figure", "row", "status".
    #[prop(default = "figure")]
    what: &'static str,
) -> impl IntoView {
    view! {
        <strong class="gt-draft-flag" data-testid="draft-flag">"Draft"<span class="gt-visually-hidden">{format!(": this {what} includes a change not in the published data")}</span></strong>
    }
}
