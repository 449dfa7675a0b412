//! "Your changes": every local change against the loaded data, each revertable, and exports.

use crate::adapters::download;
use crate::edits;
use crate::state::{use_app, use_source, Load};
use gt_core::edit::{count_edits, field_label, net_changes, NetChange, Saved, Target};
use gt_core::route::Route;
use gt_core::Dataset;
use leptos::prelude::*;
use serde_json::Value;

fn show(v: &Value) -> String {
    match v {
        Value::Null => "(empty)".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => o
            .get("title")
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// What a change is to, in words, with a link.
fn what(ds: &Dataset, t: &Target) -> (String, String) {
    let period = |p: &str| {
        gt_core::Period::parse(p)
            .map(|p| p.short_label())
            .unwrap_or_else(|_| p.to_string())
    };
    match t {
        Target::IndicatorValue {
            indicator,
            period: p,
        } => (
            format!(
                "{} ({}), {}",
                ds.indicator(indicator)
                    .map(|i| i.name.as_str())
                    .unwrap_or(indicator),
                indicator,
                period(p)
            ),
            Route::Indicator(indicator.clone()).href(),
        ),
        Target::ActionUpdate { action, period: p } => {
            let found = ds.actions().find(|(_, _, a)| a.id == *action);
            (
                format!(
                    "Action {action}: {}, {}",
                    found.map(|(_, _, a)| a.title.as_str()).unwrap_or(""),
                    period(p)
                ),
                found
                    .map(|(_, a, _)| Route::Area(a.id.clone()).href())
                    .unwrap_or_else(|| Route::Improvement.href()),
            )
        }
        Target::ProjectUpdate { project, period: p } => {
            let found = ds.projects().find(|(_, x)| x.id == *project);
            (
                format!(
                    "Project {project}: {}, {}",
                    found.map(|(_, x)| x.title.as_str()).unwrap_or(""),
                    period(p)
                ),
                found
                    .map(|(p, _)| Route::Priority(p.id.clone()).href())
                    .unwrap_or_else(|| Route::Priorities.href()),
            )
        }
        Target::NewAction { area, action } => (
            format!("New action {action} in area {area}"),
            Route::Area(area.clone()).href(),
        ),
        Target::Scheme { council } => (
            match council {
                Some(c) => format!("{}'s RAG scheme", ds.council_name(c)),
                None => "The RAG scheme for all councils".to_string(),
            },
            Route::Statuses.href(),
        ),
        Target::CoveringReport { period: p } => (
            format!("Covering report, {}", period(p)),
            gt_core::covering::report_href(p),
        ),
    }
}

fn today() -> String {
    edits::now_iso().get(..10).unwrap_or("").to_string()
}

#[component]
pub fn ChangesPage() -> impl IntoView {
    let state = use_app();
    let confirm_discard = RwSignal::new(false);
    let export_changes = move |_| {
        let src = use_source();
        let saved = Saved::new(
            gt_core::edit::dataset_key(&src),
            state.source_hash.get_untracked(),
            edits::now_iso(),
            state.edits.with_untracked(|e| e.changes.clone()),
        );
        let name = gt_core::export::file_name(&src, None, "changes", &today(), "json");
        let _ = download::save(&name, "application/json", &saved.to_json());
    };
    let rows = move || {
        let Load::Ready(src) = state.source.get() else {
            return view! { <p>"No data loaded."</p> }.into_any();
        };
        let log = state.edits.with(|e| e.changes.clone());
        let net: Vec<NetChange> = net_changes(&src, &log);
        let skipped = state.skipped.get();
        if net.is_empty() {
            return view! { <p class="gt-body" data-testid="no-changes">"You have no changes in this browser. Turn on "<strong>"Edit figures"</strong>" (at the end of the navigation) to enter this quarter's figures."</p> }.into_any();
        }
        let conflicts = net.iter().filter(|n| n.conflicts()).count();
        let edited = count_edits(&net);
        let fields = if net.len() == edited {
            String::new()
        } else {
            format!(" ({} fields)", net.len())
        };
        view! {
            <p class="gt-body" data-testid="changes-count">{format!("{edited} change{}{fields} against the data as loaded{}.", if edited == 1 { "" } else { "s" },
                if conflicts > 0 { format!("; {conflicts} of them conflict with newer data") } else { String::new() })}</p>
            {(!skipped.is_empty()).then(|| view! {
                <div class="gt-notice" role="status"><p class="gt-notice__title">{format!("{} could not be applied to the data now loaded:", gt_core::fmt::count(skipped.len(), "change", "changes"))}</p>
                <ul>{skipped.iter().map(|s| view! { <li>{s.why.clone()}</li> }).collect_view()}</ul></div>
            })}
            <div class="gt-table-wrap" role="region" aria-label="Your changes" tabindex="0">
            <table class="gt-table gt-changes-table" data-testid="changes-table">
                <caption class="gt-table__caption gt-visually-hidden">"Your changes"</caption>
                <thead><tr><th scope="col">"What"</th><th scope="col">"Field"</th><th scope="col">"Was"</th><th scope="col">"Now"</th><th scope="col">"When"</th><th scope="col"><span class="gt-visually-hidden">"Action"</span></th></tr></thead>
                <tbody>
                    {net.into_iter().map(|n| {
                        let (label, href) = what(&src, &n.target);
                        let target = n.target.clone();
                        let field = n.field.clone();
                        let when = edits::local_date_time(&n.at);
                        view! {
                            <tr data-testid="change-row">
                                <td data-label="What" class="gt-table__lead"><a href=href>{label}</a></td>
                                <td data-label="Field">{field_label(&n.field)}</td>
                                <td data-label="Was"><span class="gt-old">{show(&n.source)}</span>
                                    {n.conflicts().then(|| view! { <p class="gt-conflict" data-testid="conflict">{format!("Conflict: you changed this from {} when the data said that; the data now says {}.", show(&n.edited_from), show(&n.source))}</p> })}
                                </td>
                                <td data-label="Now"><strong>{show(&n.new)}</strong></td>
                                <td data-label="When" class="gt-nowrap">{when}</td>
                                <td class="gt-table__action"><button type="button" class="gt-button gt-button--secondary" data-testid="revert"
                                    on:click=move |_| edits::revert(&state, &target, &field)>"Revert"<span class="gt-visually-hidden">{format!(" {}", field_label(&n.field))}</span></button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <div class="gt-edit-form__actions">
                <button type="button" class="gt-button" on:click=export_changes data-testid="export-changes">"Export these changes as a file"</button>
                {move || if confirm_discard.get() {
                    view! {
                        <span role="alert">"Discard every change in this browser? This cannot be undone. "</span>
                        <button type="button" class="gt-button gt-button--warning" data-testid="confirm-discard" on:click=move |_| { edits::discard_all(&state); confirm_discard.set(false); }>"Yes, discard all"</button>
                        <button type="button" class="gt-button gt-button--secondary" on:click=move |_| confirm_discard.set(false)>"Keep them"</button>
                    }.into_any()
                } else {
                    view! { <button type="button" class="gt-button gt-button--warning" data-testid="discard-all" on:click=move |_| confirm_discard.set(true)>"Discard all changes"</button> }.into_any()
                }}
            </div>
        }.into_any()
    };
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Your changes"</h1>
        <p class="gt-body-l">"Changes you make are kept in this browser only, until you export them. Send the exported changes file to a colleague to import onto the same data, or export the whole data from the "<a href=Route::Data.href()>"Data page"</a>"."</p>
        {rows}
    }
}
