//! Strategic priorities, and a priority's own page: its projects with their status history,
//! and the golden thread from the priority through its improvement areas and actions to the
//! indicators that measure them.

use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::edit_update::{PlanEditTools, PlanItems};
use crate::components::period::{AsAt, PeriodNote, ReportingPeriodPicker};
use crate::components::plan::{OverdueTag, Timeline, WorkBar, WorkCountList, WorkLegend};
use crate::components::status::{RagTag, WorkTag};
use crate::pages::improvement::area_href;
use crate::pages::status::NotInData;
use crate::state::{use_app, use_data};
use gt_core::engine::{first_update, Engine, PlanKind};
use gt_core::plan::{
    area_indicators, describe_counts, direct_indicators, group_by_name, priority_areas,
    priority_indicators, strategy_quarters, timeline,
};
use gt_core::route::{Location, Route};
use gt_core::{Dataset, Indicator, Period, Priority};
use leptos::prelude::*;
use std::sync::Arc;

/// The rule for a priority's overall status, in words (docs/rag-rules.md).
const PRIORITY_RULE: &str = "A priority's overall status comes from its projects' latest updates: Off track if any project is off track; else At risk if any is at risk; else On track if any is on track (or some are complete and the rest not started); Complete when every project is complete; Not started when none has started.";

fn priority_href(id: &str, period: Option<Period>) -> String {
    let mut loc = Location::new(Route::Priority(id.to_string()));
    if let Some(p) = period {
        loc = loc.with("period", &p.id());
    }
    loc.to_hash()
}

/// The app's reporting period, for the strategy pages.
fn app_period() -> Signal<Option<Period>> {
    let state = use_app();
    Signal::derive(move || state.period())
}

/// The strategic priorities, drawn from the data (again when it changes) at the app's period.
#[component]
pub fn PrioritiesPage() -> impl IntoView {
    let data = use_data();
    let period = app_period();
    let on_text = move || {
        period
            .get()
            .map(|p| Engine::new(&data.get(), p).overdue_rule())
            .unwrap_or_else(|| "past its due date and not complete".into())
    };
    let not_started = move || {
        let ds = data.get();
        let p = period.get()?;
        (!Engine::new(&ds, p).any_update(PlanKind::Strategy)).then(|| {
            view! {
                <p class="gt-inset" data-testid="priorities-not-started">{format!(
                    "No project had an update by the end of {}{}.",
                    p.short_label(),
                    first_update(&ds, PlanKind::Strategy)
                        .map(|f| format!(": the strategy's progress reports start in {}", f.short_label()))
                        .unwrap_or_default()
                )}</p>
            }
        })
    };
    let cards = {
        move || {
            let ds = data.get();
            let p = period.get();
            let keep = use_app().chosen_period();
            ds.priorities
                .iter()
                .map(|pr| {
                    let s = match p {
                        Some(p) => Engine::new(&ds, p).priority(pr),
                        None => gt_core::engine::RollupAt::default(),
                    };
                    let n_areas = priority_areas(&ds, &pr.id).len();
                    let n_inds = priority_indicators(&ds, &pr.id).len();
                    view! {
                        <li class="gt-card gt-priority-card" data-testid="priority-card" data-id=pr.id.clone() data-status=s.status.as_str()>
                            <p class="gt-priority-card__id">{format!("Priority {}", pr.id)}</p>
                            <h2 class="gt-heading-m gt-priority-card__title">
                                <a href=priority_href(&pr.id, keep)>{pr.title.clone()}</a>
                            </h2>
                            <div class="gt-priority-card__status" data-testid="priority-status"><WorkTag status=s.status/><AsAt as_at=s.as_at/></div>
                            <p class="gt-priority-card__projects">{format!("{} project{}", s.counts.total(), if s.counts.total() == 1 { "" } else { "s" })}
                                {(s.counts.overdue > 0).then(|| view! { " · " <span class="gt-priority-card__overdue">{format!("{} overdue", s.counts.overdue)}</span> })}
                            </p>
                            <WorkBar counts=s.counts/>
                            <WorkCountList counts=s.counts testid="project-counts"/>
                            <p class="gt-priority-card__links">
                                {format!("{n_areas} improvement area{} · {n_inds} indicator{}", if n_areas == 1 { "" } else { "s" }, if n_inds == 1 { "" } else { "s" })}
                            </p>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <Breadcrumbs items=vec![("Overview".to_string(), Route::Overview.href())]/>
        <div class="gt-plan-head">
            <div>
                <h1 class="gt-heading-xl" data-testid="page-heading">"Strategic priorities"</h1>
                <p class="gt-body-l" data-testid="period-label">{move || period.get().map(|p| format!("Progress at {}", p.label())).unwrap_or_else(|| "No progress updates yet".into())}</p>
            </div>
            <ReportingPeriodPicker id="priorities-period" label="Change period"/>
        </div>
        <p class="gt-body gt-plan-intro">
            "The strategy's priorities, each delivered by projects and key activities, and by the improvement areas that serve it. "
            "A project is "<strong>"overdue"</strong>" when it is "{on_text}"."
        </p>
        <PeriodNote/>
        {not_started}
        <WorkLegend rollup_of=PRIORITY_RULE/>
        <ul class="gt-cards gt-priority-cards" data-testid="priority-cards">{cards}</ul>
    }
}

/// A list of indicators in the thread, grouped by measure, each council's figure a link.
fn indicator_nodes(ds: &Dataset, e: Option<&Engine>, inds: &[&Indicator]) -> impl IntoView {
    group_by_name(inds)
        .into_iter()
        .map(|(name, group)| {
            view! {
                <li class="gt-tree__node gt-tree__node--indicator">
                    <span class="gt-tree__kind">"Indicator"</span>
                    <div class="gt-tree__body">
                    <span class="gt-tree__name">{name.clone()}</span>
                    <ul class="gt-tree__councils">
                        {group.into_iter().map(|i| {
                            let at = e.map(|e| e.indicator(i));
                            let (rag, v, as_at) = match at.as_ref().and_then(|a| a.latest.map(|(v, s)| (s.rag, Some(v), a.as_at))) {
                                Some(x) => x,
                                None => (gt_core::Rag::NoData, None, None),
                            };
                            // The council (or "Shared service"), and its code.
                            let label = ds.scope_name(&i.scope);
                            let short = match i.scope.council() {
                                Some(c) => ds.council(c).and_then(|x| x.short.clone()).unwrap_or_else(|| c.to_string()),
                                None => ds.scope_short(&i.scope),
                            };
                            view! {
                                <li data-testid="thread-indicator" data-id=i.id.clone() data-status=rag.as_str()>
                                    <a href=Route::Indicator(i.id.clone()).href()>
                                        <span class="gt-visually-hidden">{format!("{name}, ")}</span>
                                        <abbr title=label>{short}</abbr>
                                    </a>
                                    <RagTag rag=rag/>
                                    {v.map(|v| view! { <span class="gt-tree__when">{v.period.short_label()}</span> })}
                                    <span class="gt-visually-hidden"><AsAt as_at=as_at/></span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    </div>
                </li>
            }
        })
        .collect_view()
}

/// The golden thread for one priority: priority → areas → actions and indicators; and the
/// indicators linked to the priority directly.
fn thread(ds: &Arc<Dataset>, pr: &Priority, period: Option<Period>) -> impl IntoView {
    let engine = period.map(|p| Engine::new(ds, p));
    let e = engine.as_ref();
    let s = e.map(|e| e.priority(pr)).unwrap_or_default();
    let areas = priority_areas(ds, &pr.id);
    let direct = direct_indicators(ds, &pr.id);
    view! {
        <p class="gt-body gt-thread__intro">
            "How this priority is delivered and measured: the improvement areas that serve it, their actions, and the indicators that measure them. "
            {period.map(|p| format!(
                "Projects, improvement actions and areas as at {0}; indicators at their latest figure up to {0}.",
                p.short_label(),
            ))}
        </p>
        <div class="gt-thread" data-testid="thread">
            <ul class="gt-tree">
                <li class="gt-tree__node gt-tree__node--priority">
                    <span class="gt-tree__kind">{format!("Priority {}", pr.id)}</span>
                    <span class="gt-tree__body">
                        <span class="gt-tree__name gt-tree__name--priority">{pr.title.clone()}</span>
                        <WorkTag status=s.status/><AsAt as_at=s.as_at/>
                    </span>
                    <ul class="gt-tree__children">
                        {areas.iter().map(|(t, a)| {
                            let sa = e.map(|e| e.area(a)).unwrap_or_default();
                            let inds = area_indicators(ds, &a.id);
                            view! {
                                <li class="gt-tree__node gt-tree__node--area" data-testid="thread-area" data-id=a.id.clone() data-status=sa.status.as_str()>
                                    <span class="gt-tree__kind">{format!("Area {}", a.id)}</span>
                                    <span class="gt-tree__body">
                                        <a class="gt-tree__name" href=area_href(&a.id, None)>{a.title.clone()}</a>
                                        <WorkTag status=sa.status/><AsAt as_at=sa.as_at/>
                                        <span class="gt-tree__meta">{format!(
                                            "Theme {}{}",
                                            t.id,
                                            a.service.as_ref().map(|s| format!(" · {}", ds.service_name(s))).unwrap_or_default()
                                        )}</span>
                                    </span>
                                    <ul class="gt-tree__children">
                                        {a.actions.iter().map(|x| {
                                            let st = e.map(|e| e.action(x)).unwrap_or_default();
                                            view! {
                                                <li class="gt-tree__node gt-tree__node--action" data-testid="thread-action" data-id=x.id.clone() data-status=st.status.as_str()>
                                                    <span class="gt-tree__kind">{format!("Action {}", x.id)}</span>
                                                    <span class="gt-tree__body">
                                                        <a class="gt-tree__name gt-tree__name--action" href=area_href(&a.id, None)>{x.title.clone()}</a>
                                                        <WorkTag status=st.status/><AsAt as_at=st.as_at/>
                                                        {st.overdue.then(|| view! { <OverdueTag/> })}
                                                    </span>
                                                </li>
                                            }
                                        }).collect_view()}
                                        {if inds.is_empty() {
                                            view! { <li class="gt-tree__node gt-tree__node--none"><span class="gt-tree__kind">"Indicator"</span><span class="gt-tree__body">"No indicator measures this area yet."</span></li> }.into_any()
                                        } else {
                                            indicator_nodes(ds, e, &inds).into_any()
                                        }}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                        {(!direct.is_empty()).then(|| view! {
                            <li class="gt-tree__node gt-tree__node--group" data-testid="thread-direct">
                                <span class="gt-tree__kind">"Indicators"</span>
                                <span class="gt-tree__body"><span class="gt-tree__name">"Linked to the priority directly"</span></span>
                                <ul class="gt-tree__children">{indicator_nodes(ds, e, &direct)}</ul>
                            </li>
                        })}
                    </ul>
                </li>
            </ul>
        </div>
    }
}

/// A priority's page, drawn from the data (again when it changes) at the app's period.
#[component]
pub fn PriorityPage(id: String) -> impl IntoView {
    let data = use_data();
    move || view! { <PriorityDetail ds=data.get() id=id.clone()/> }
}

#[component]
fn PriorityDetail(ds: Arc<Dataset>, id: String) -> impl IntoView {
    let Some(pr) = ds.priority(&id).cloned() else {
        return view! { <NotInData what="priority" id=id back=Route::Priorities back_label="See all priorities"/> }.into_any();
    };
    let pr = Arc::new(pr);
    let period = app_period();
    let n_areas = priority_areas(&ds, &pr.id).len();
    let n_inds = priority_indicators(&ds, &pr.id).len();
    let pos = ds
        .priorities
        .iter()
        .position(|p| p.id == pr.id)
        .unwrap_or(0);
    let prev = pos
        .checked_sub(1)
        .and_then(|i| ds.priorities.get(i))
        .map(|p| (p.id.clone(), p.title.clone()));
    let next = ds
        .priorities
        .get(pos + 1)
        .map(|p| (p.id.clone(), p.title.clone()));
    let state = use_app();
    let keep = move || state.chosen_period();

    let head = {
        let ds = ds.clone();
        let pr = pr.clone();
        move || {
            let p = period.get();
            let s = p
                .map(|p| Engine::new(&ds, p).priority(&pr))
                .unwrap_or_default();
            view! {
                <div class="gt-plan-status" data-testid="priority-status" data-status=s.status.as_str()>
                    <p class="gt-plan-status__label">{p.map(|p| format!("Overall status at {}", p.short_label())).unwrap_or_else(|| "Overall status".into())}</p>
                    <WorkTag status=s.status/><AsAt as_at=s.as_at/>
                    <p class="gt-plan-status__counts">{describe_counts(&s.counts, "project")}</p>
                    <WorkBar counts=s.counts/>
                </div>
            }
        }
    };

    let projects = {
        let ds = ds.clone();
        let pr = pr.clone();
        move || {
            let p = period.get();
            let engine = p.map(|p| Engine::new(&ds, p));
            let quarters = strategy_quarters(&ds, p.as_ref());
            pr.projects
                .iter()
                .map(|x| {
                    let s = engine.as_ref().map(|e| e.project(x)).unwrap_or_default();
                    let latest = s.update(&x.updates).cloned();
                    let steps = timeline(&x.updates, &quarters, p.as_ref());
                    let service = x.service.as_ref().map(|sv| (sv.clone(), ds.service_name(sv).to_string()));
                    let councils = if x.councils.is_empty() {
                        "Not stated".to_string()
                    } else {
                        x.councils.iter().map(|c| ds.council_name(c).to_string()).collect::<Vec<_>>().join(", ")
                    };
                    view! {
                        <section class="gt-card gt-project" data-testid="project" data-id=x.id.clone() data-status=s.status.as_str() data-overdue=s.overdue.to_string() aria-labelledby=format!("project-{}", x.id)>
                            <h3 class="gt-heading-m gt-project__title" id=format!("project-{}", x.id)>
                                <span class="gt-action__id">{x.id.clone()}</span>" "{x.title.clone()}
                            </h3>
                            <div class="gt-action-card__status">
                                <WorkTag status=s.status/><AsAt as_at=s.as_at/>
                                {s.percent.map(|p| view! { <span class="gt-action__pct">{format!("{}% complete", gt_core::fmt::trim_number(p.round()))}</span> })}
                                {s.overdue.then(|| view! { <OverdueTag/> })}
                            </div>
                            {x.description.clone().map(|d| view! { <p class="gt-body">{d}</p> })}
                            <dl class="gt-summary-list gt-summary-list--dl gt-project__facts">
                                <div><dt>"Owner"</dt><dd>{x.owner.clone().unwrap_or_else(|| "Not stated".into())}</dd></div>
                                <div><dt>"Service"</dt><dd>{match service {
                                    Some((id, name)) => view! { <a href=format!("{}?service={}", Route::Indicators.href(), id)>{name}</a> }.into_any(),
                                    None => view! { "Not stated" }.into_any(),
                                }}</dd></div>
                                <div><dt>"Councils"</dt><dd>{councils}</dd></div>
                                <div><dt>"Due date"</dt><dd>{x.due.map(gt_core::fmt::date).unwrap_or_else(|| "No date".into())}</dd></div>
                                <div><dt>"Status by quarter"</dt><dd><Timeline steps=steps years=true label="Status by quarter".to_string()/></dd></div>
                                <div><dt>"Latest update"</dt><dd data-testid="project-commentary">{match latest {
                                    Some(u) => view! {
                                        <p class="gt-project__when">{u.period.label()}</p>
                                        <p class="gt-project__comment">{u.commentary.clone().unwrap_or_else(|| "No commentary given.".into())}</p>
                                    }.into_any(),
                                    None => view! { <p>"No update yet."</p> }.into_any(),
                                }}</dd></div>
                            </dl>
                        </section>
                    }
                })
                .collect_view()
        }
    };

    let thread_view = {
        let ds = ds.clone();
        let pr = pr.clone();
        move || thread(&ds, &pr, period.get())
    };

    view! {
        <Breadcrumbs items=vec![
            ("Overview".to_string(), Route::Overview.href()),
            ("Strategic priorities".to_string(), Route::Priorities.href()),
        ]/>
        <p class="gt-caption-l">{format!("Strategic priority {}", pr.id)}</p>
        <h1 class="gt-heading-xl" data-testid="page-heading">{pr.title.clone()}</h1>
        <PeriodNote/>
        {pr.description.clone().map(|d| view! { <p class="gt-body-l">{d}</p> })}
        <div class="gt-plan-head gt-plan-head--detail">
            {head}
            <ReportingPeriodPicker id="priority-period" label="Change period"/>
        </div>
        <p class="gt-body gt-priority-scope" data-testid="priority-scope">{format!(
            "Delivered by {} project{} and {n_areas} improvement area{}; measured by {n_inds} indicator{}.",
            pr.projects.len(), if pr.projects.len() == 1 { "" } else { "s" },
            if n_areas == 1 { "" } else { "s" }, if n_inds == 1 { "" } else { "s" }
        )}</p>
        <WorkLegend rollup_of=PRIORITY_RULE/>
        <h2 class="gt-heading-l" id="priority-projects">"Projects and key activities"</h2>
        <PlanEditTools ds=ds.clone() kind=PlanItems::Projects items={pr.projects.iter().map(|x| (x.id.clone(), x.title.clone())).collect::<Vec<_>>()} period=period/>
        <div class="gt-projects">{projects}</div>
        <h2 class="gt-heading-l" id="priority-thread">"The golden thread"</h2>
        {thread_view}
        <nav class="gt-pager" aria-label="Other priorities">
            <ul class="gt-pager__list">
                {prev.map(|(id, title)| view! {
                    <li class="gt-pager__item gt-pager__item--prev"><a href=priority_href(&id, keep())><span class="gt-pager__dir">"Previous priority"</span><span class="gt-pager__label">{format!("{id}: {title}")}</span></a></li>
                })}
                {next.map(|(id, title)| view! {
                    <li class="gt-pager__item gt-pager__item--next"><a href=priority_href(&id, keep())><span class="gt-pager__dir">"Next priority"</span><span class="gt-pager__label">{format!("{id}: {title}")}</span></a></li>
                })}
            </ul>
        </nav>
        <p><a href=Route::Priorities.href()>"Back to all priorities"</a></p>
    }
    .into_any()
}
