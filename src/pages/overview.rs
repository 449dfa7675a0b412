//! The overview: what a committee member sees first.

use crate::components::status::{RagTag, WorkTag};
use crate::state::{reporting_period, use_app, use_dataset};
use gt_core::rag::status_at;
use gt_core::route::Route;
use gt_core::summary::{action_counts, priority_status, rag_counts_by};
use gt_core::{Rag, WorkStatus};
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = use_app();
    let ds = use_dataset();
    let ds2 = ds.clone();
    let period = Memo::new(move |_| state.location.with(|l| reporting_period(&ds2, l)));
    let body = move || {
        let ds = ds.clone();
        let Some(p) = period.get() else {
            return view! { <p class="gt-body">"This data has no indicator figures yet."</p> }
                .into_any();
        };
        let tol = ds.tolerance_default();
        let by_council = rag_counts_by(&ds, &p, |i| i.council.clone());
        let key: Vec<_> = ds.indicators.iter().filter(|i| i.key).collect();
        let actions = action_counts(&ds, ds.actions().map(|(_, _, a)| a), Some(&p));
        view! {
            <p class="gt-caption-l" data-testid="period-label">{p.label()}</p>
            <h2 class="gt-heading-l">"Indicators by council"</h2>
            <table class="gt-table" data-testid="council-summary">
                <caption class="gt-table__caption">{format!("Indicator status by council, {}", p.short_label())}</caption>
                <thead><tr>
                    <th scope="col">"Council"</th>
                    {[Rag::Green, Rag::Amber, Rag::Red, Rag::NoData, Rag::NotDue].into_iter().map(|r| view! { <th scope="col" class="gt-num"><RagTag rag=r/></th> }).collect_view()}
                    <th scope="col" class="gt-num">"Total"</th>
                </tr></thead>
                <tbody>
                    {ds.councils.iter().map(|c| {
                        let counts = by_council.get(&c.id).copied().unwrap_or_default();
                        let href = Route::Indicators.href() + "?council=" + &c.id;
                        view! { <tr data-council=c.id.clone()>
                            <th scope="row"><a href=href>{c.name.clone()}</a></th>
                            {[Rag::Green, Rag::Amber, Rag::Red, Rag::NoData, Rag::NotDue].into_iter().map(|r| view! { <td class="gt-num">{counts.get(r)}</td> }).collect_view()}
                            <td class="gt-num" data-testid="council-total">{counts.total()}</td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
            <h2 class="gt-heading-l">"Key strategic indicators"</h2>
            <ul class="gt-tiles">
                {key.into_iter().map(|i| {
                    let s = status_at(i, &p, tol);
                    let latest = i.values.iter().rev().find(|v| v.actual.is_some());
                    view! { <li class="gt-tile">
                        <h3 class="gt-heading-s"><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a></h3>
                        <p class="gt-tile__council">{ds.council_name(&i.council).to_string()}</p>
                        {latest.map(|v| view! {
                            <p class="gt-tile__value">{gt_core::fmt::value(v.actual.unwrap_or_default(), i.decimals, i.unit.as_deref())}</p>
                            <p class="gt-tile__meta">{format!("{} outturn", v.period.short_label())}
                                {v.target.map(|t| format!(", target {}", gt_core::fmt::value(t, i.decimals, i.unit.as_deref())))}</p>
                        })}
                        <RagTag rag=s.rag manual=s.manual/>
                    </li> }
                }).collect_view()}
            </ul>
            <div class="gt-grid-row">
                <div class="gt-grid-half">
                    <h2 class="gt-heading-l">"Improvement plan"</h2>
                    <ul class="gt-summary-list" data-testid="action-summary">
                        {[WorkStatus::Complete, WorkStatus::Green, WorkStatus::Amber, WorkStatus::Red, WorkStatus::NotStarted].into_iter().map(|s| view! {
                            <li><WorkTag status=s/>" "<strong>{actions.get(s)}</strong></li>
                        }).collect_view()}
                        <li>"Overdue: "<strong>{actions.overdue}</strong></li>
                    </ul>
                    <p><a href=Route::Improvement.href()>"See the improvement plan"</a></p>
                </div>
                <div class="gt-grid-half">
                    <h2 class="gt-heading-l">"Strategic priorities"</h2>
                    <ul class="gt-summary-list">
                        {ds.priorities.iter().map(|pr| view! {
                            <li><a href=Route::Priority(pr.id.clone()).href()>{format!("{}: {}", pr.id, pr.title)}</a>" "<WorkTag status=priority_status(pr, None)/></li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        }.into_any()
    };
    let title = use_dataset().title.clone();
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">{title}</h1>
        {body}
    }
}
