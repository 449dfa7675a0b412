//! "Changed since last quarter": the indicators whose rating changed since the previous
//! period, as a table (the overview and the committee pack). The list and its order come from
//! [`gt_core::engine::changes`].

use crate::components::status::RagTag;
use gt_core::engine::changes::ChangeRow;
use gt_core::route::Route;
use leptos::prelude::*;

/// A table of changes; `caption` names it. `links`: each name links to the indicator's page;
/// `pack`: styled as the committee pack's tables.
#[component]
pub fn ChangesTable(
    rows: Vec<ChangeRow>,
    #[prop(into)] caption: String,
    #[prop(optional)] links: bool,
    #[prop(optional)] pack: bool,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            let name = if links {
                view! { <a href=Route::Indicator(r.id.clone()).href()>{r.name.clone()}</a> }.into_any()
            } else {
                view! { {r.name.clone()} }.into_any()
            };
            view! {
                <tr data-testid="status-change-row" data-id=r.id.clone() data-before=r.before.as_str() data-now=r.now.as_str()>
                    <td data-label="Indicator">{name}<span class="gt-ind__id">{format!("{} · {}", r.id, r.service)}</span></td>
                    <td data-label="Council">{r.council.clone()}</td>
                    <td data-label="Was"><RagTag rag=r.before/></td>
                    <td data-label="Now"><RagTag rag=r.now/>
                        <p class="gt-small gt-secondary gt-change-note">{if r.worsened { "Worse" } else { "Better" }}{r.figure.map(|f| format!(", figure for {f}"))}</p></td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <table class=if pack { "gt-pack-table" } else { "gt-table" } data-testid="status-changes-table">
            <caption class=if pack { "" } else { "gt-table__caption" }>{caption}</caption>
            <thead><tr>
                <th scope="col">"Indicator"</th>
                <th scope="col">"Council"</th>
                <th scope="col">"Was"</th>
                <th scope="col">"Now"</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    };
    // In the pack the table is printed as it is (a scrolling box would not break across pages).
    if pack {
        table.into_any()
    } else {
        view! { <div class="gt-table-wrap">{table}</div> }.into_any()
    }
}

/// The same changes as a short list, one line each (the overview, where room is short).
#[component]
pub fn ChangesList(rows: Vec<ChangeRow>) -> impl IntoView {
    view! {
        <ul class="gt-change-list" data-testid="status-changes-list">
            {rows.into_iter().map(|r| view! {
                <li data-testid="status-change-row" data-id=r.id.clone() data-before=r.before.as_str() data-now=r.now.as_str()>
                    <a href=Route::Indicator(r.id.clone()).href()>{r.name.clone()}</a>
                    <span class="gt-secondary">{format!(" · {} · ", r.council)}</span>
                    <RagTag rag=r.before/><span aria-hidden="true">" → "</span><span class="gt-visually-hidden">" to "</span><RagTag rag=r.now/>
                    <span class="gt-secondary">{if r.worsened { " worse" } else { " better" }}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
