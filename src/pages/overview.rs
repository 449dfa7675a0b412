//! The overview: what a committee member sees first. What is Red, why, and what is being done.

use crate::adapters::location;
use crate::components::legend::RagLegend;
use crate::components::status::{RagTag, WorkTag};
use crate::components::travel::TravelText;
use crate::pages::indicators::period_choices;
use crate::state::{reporting_period, use_app, use_dataset};
use gt_core::rag::{short_term, value_status};
use gt_core::route::Route;
use gt_core::summary::{action_counts, exceptions, priority_status, rag_counts_by, RagCounts};
use gt_core::{Dataset, Period, Rag, WorkStatus};
use leptos::prelude::*;
use std::sync::Arc;

/// The link to the indicator list for a council, status and period.
fn list_href(council: Option<&str>, status: Option<Rag>, period: &Period) -> String {
    let mut q = vec![];
    if let Some(c) = council {
        q.push(format!("council={c}"));
    }
    if let Some(s) = status {
        q.push(format!("status={}", s.as_str()));
    }
    q.push(format!("period={}", period.id()));
    format!("{}?{}", Route::Indicators.href(), q.join("&"))
}

const BAR: [Rag; 4] = [Rag::Green, Rag::Amber, Rag::Red, Rag::NoData];

/// A council's status counts: a stacked bar (decorative) and the counts as links.
#[component]
fn CouncilSummary(name: String, id: String, counts: RagCounts, period: Period) -> impl IntoView {
    let rated_or_due = BAR.iter().map(|r| counts.get(*r)).sum::<usize>().max(1);
    view! {
        <li class="gt-council" data-council=id.clone() data-testid="council-summary">
            <h3 class="gt-heading-s"><a href=list_href(Some(&id), None, &period)>{name}</a>
                <span class="gt-council__total" data-testid="council-total">{format!("{} indicators", counts.total())}</span></h3>
            <div class="gt-bar" aria-hidden="true">
                {BAR.iter().filter(|r| counts.get(**r) > 0).map(|r| view! {
                    <span class=format!("gt-bar__seg gt-bar__seg--{}", r.as_str()) style=format!("flex-grow: {}", counts.get(*r) * 1000 / rated_or_due)></span>
                }).collect_view()}
            </div>
            <ul class="gt-council__counts">
                {[Rag::Red, Rag::Amber, Rag::Green, Rag::NoData, Rag::DataOnly, Rag::NotDue].into_iter().filter(|r| counts.get(*r) > 0 || matches!(r, Rag::Red | Rag::Amber | Rag::Green)).map(|r| {
                    let n = counts.get(r);
                    view! {
                        <li>
                            <a class="gt-count-link" href=list_href(Some(&id), Some(r), &period) data-testid=format!("count-{}", r.as_str())>
                                <RagTag rag=r/>
                                <span class="gt-count-link__n">{n}</span>
                                <span class="gt-visually-hidden">{format!(" indicators {} in this council", r.label().to_lowercase())}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

fn key_tiles(ds: &Dataset, period: &Period) -> impl IntoView {
    let tol = ds.tolerance_default();
    let tiles = ds
        .indicators
        .iter()
        .filter(|i| i.key)
        .map(|i| {
            // Annual figures: the latest outturn at or before the period.
            let latest = i
                .values
                .iter()
                .rev()
                .find(|v| v.actual.is_some() && v.period.end() <= period.end());
            let fmt = |x: f64| gt_core::fmt::value(x, i.decimals, i.unit.as_deref());
            let body = match latest {
                Some(v) => {
                    let s = value_status(i, v, tol);
                    let st = short_term(i, &v.period);
                    view! {
                        <p class="gt-tile__value">{fmt(v.actual.unwrap_or_default())}</p>
                        <p class="gt-tile__meta">{format!("{} outturn", v.period.short_label())}{v.target.map(|t| format!(" · target {}", fmt(t)))}</p>
                        <p class="gt-tile__status"><RagTag rag=s.rag manual=s.manual/></p>
                        <p class="gt-tile__travel"><TravelText travel=st/></p>
                    }
                    .into_any()
                }
                None => view! { <p class="gt-tile__meta">"No outturn reported yet."</p> }.into_any(),
            };
            let next = i.values.iter().find(|v| v.period.end() > period.end() && v.actual.is_none()).and_then(|v| {
                v.target.map(|t| format!("{} target: {}", v.period.short_label(), fmt(t)))
            });
            view! {
                <li class="gt-tile" data-testid="key-tile">
                    <h3 class="gt-heading-s"><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a></h3>
                    <p class="gt-tile__council">{ds.council_name(&i.council).to_string()}</p>
                    {body}
                    {next.map(|n| view! { <p class="gt-tile__meta">{n}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="gt-tiles">{tiles}</ul> }
}

fn exception_list(ds: &Dataset, period: &Period) -> impl IntoView {
    let ex = exceptions(ds, period);
    let reds = ex.iter().filter(|e| e.rag == Rag::Red).count();
    let ambers = ex.len() - reds;
    if ex.is_empty() {
        return view! { <p class="gt-body" data-testid="exceptions-none">"No indicator is Red or Amber for this period."</p> }.into_any();
    }
    let items = ex
        .iter()
        .map(|e| {
            let i = e.indicator;
            let fmt = |x: Option<f64>| x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref())).unwrap_or_else(|| "–".into());
            let var = e.variance.map(|v| gt_core::fmt::difference(v.absolute, i.decimals, i.unit.as_deref()));
            view! {
                <li class=format!("gt-exception gt-exception--{}", e.rag.as_str()) data-testid="exception" data-id=i.id.clone() data-status=e.rag.as_str()>
                    <div class="gt-exception__head">
                        <RagTag rag=e.rag/>
                        <h3 class="gt-heading-s gt-exception__title"><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a></h3>
                    </div>
                    <p class="gt-exception__meta">{format!("{} · {} · {}", ds.council_name(&i.council), ds.service_name(&i.service), e.value.period.short_label())}</p>
                    <p class="gt-exception__figures">{format!("Actual {} against a target of {}", fmt(e.value.actual), fmt(e.value.target))}{var.map(|v| format!(" ({v})"))}</p>
                    <dl class="gt-exception__detail">
                        <div><dt>"Reason"</dt><dd>{e.value.reason.clone().unwrap_or_else(|| "No reason given yet.".into())}</dd></div>
                        <div><dt>"Remedial action"</dt><dd>{e.value.remedial_action.clone().unwrap_or_else(|| "No remedial action given yet.".into())}</dd></div>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="gt-body" data-testid="exceptions-count">{format!("{reds} Red and {ambers} Amber. Red first.")}</p>
        <ol class="gt-exceptions">{items}</ol>
    }
    .into_any()
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = use_app();
    let ds = use_dataset();
    let period = {
        let ds = ds.clone();
        Memo::new(move |_| state.location.with(|l| reporting_period(&ds, l)))
    };
    let choices = period_choices(&ds);
    let title = ds.title.clone();
    let organisation = ds.organisation.clone();
    let tol = ds.tolerance_default();
    let body = {
        let ds: Arc<Dataset> = ds.clone();
        move || {
            let ds = ds.clone();
            let Some(p) = period.get() else {
                return view! { <p class="gt-body">"This data has no indicator figures yet."</p> }
                    .into_any();
            };
            let by_council = rag_counts_by(&ds, &p, |i| i.council.clone());
            let actions = action_counts(&ds, ds.actions().map(|(_, _, a)| a), Some(&p));
            let councils = ds
                .councils
                .iter()
                .map(|c| {
                    view! {
                        <CouncilSummary name=c.name.clone() id=c.id.clone() counts=by_council.get(&c.id).copied().unwrap_or_default() period=p/>
                    }
                })
                .collect_view();
            view! {
                <section aria-labelledby="key-heading">
                    <h2 class="gt-heading-l" id="key-heading">"Key strategic indicators"</h2>
                    <p class="gt-body">"Reported once a year, at the year end."</p>
                    {key_tiles(&ds, &p)}
                </section>
                <section aria-labelledby="councils-heading">
                    <h2 class="gt-heading-l" id="councils-heading">{format!("Indicators by council, {}", p.short_label())}</h2>
                    <ul class="gt-councils">{councils}</ul>
                    <RagLegend tolerance=tol/>
                </section>
                <section aria-labelledby="exceptions-heading">
                    <h2 class="gt-heading-l" id="exceptions-heading">"Exception report: what needs attention"</h2>
                    {exception_list(&ds, &p)}
                </section>
                <div class="gt-grid-row">
                    <section aria-labelledby="plan-heading">
                        <h2 class="gt-heading-l" id="plan-heading">"Improvement plan"</h2>
                        <ul class="gt-summary-list" data-testid="action-summary">
                            {[WorkStatus::Complete, WorkStatus::Green, WorkStatus::Amber, WorkStatus::Red, WorkStatus::NotStarted].into_iter().map(|s| view! {
                                <li><WorkTag status=s/><strong class="gt-summary-list__n">{actions.get(s)}</strong>" actions"</li>
                            }).collect_view()}
                            <li><span class="gt-overdue">"Overdue"</span><strong class="gt-summary-list__n" data-testid="overdue-count">{actions.overdue}</strong>" actions past their due date and not complete"</li>
                        </ul>
                        <p><a href=Route::Improvement.href()>"See the improvement plan"</a></p>
                    </section>
                    <section aria-labelledby="priorities-heading">
                        <h2 class="gt-heading-l" id="priorities-heading">"Strategic priorities"</h2>
                        <ul class="gt-summary-list" data-testid="priority-summary">
                            {ds.priorities.iter().map(|pr| view! {
                                <li><WorkTag status=priority_status(pr, None)/><a href=Route::Priority(pr.id.clone()).href()>{format!("{}: {}", pr.id, pr.title)}</a></li>
                            }).collect_view()}
                        </ul>
                        <p><a href=Route::Priorities.href()>"See the strategic priorities"</a></p>
                    </section>
                </div>
            }
            .into_any()
        }
    };
    let on_period = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(sel) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let loc = state.location.get_untracked().with("period", &sel.value());
        location::navigate(state.location, loc, true);
    };
    view! {
        <div class="gt-overview-head">
            <div>
                <p class="gt-caption-l">{organisation}</p>
                <h1 class="gt-heading-xl" data-testid="page-heading">{title}</h1>
                <p class="gt-body-l" data-testid="period-label">{move || period.get().map(|p| format!("Reporting period: {}", p.label()))}</p>
            </div>
            <div class="gt-form-group gt-overview-head__period">
                <label class="gt-label" for="overview-period">"Change period"</label>
                <select class="gt-select" id="overview-period" data-testid="overview-period" on:change=on_period>
                    {choices.into_iter().map(|c| view! { <option value=c.id() prop:selected=move || period.get() == Some(c)>{c.short_label()}</option> }).collect_view()}
                </select>
            </div>
        </div>
        {body}
    }
}
