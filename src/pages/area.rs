//! An improvement area's page: its actions as cards, with their updates and the area's
//! status worked out by the engine.

use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::edit_update::{PlanEditTools, PlanItems};
use crate::components::period::{AsAt, PeriodNote, ReportingPeriodPicker};
use crate::components::plan::{OverdueTag, Timeline, WorkBar, WorkLegend};
use crate::components::status::{RagTag, WorkTag};
use crate::pages::improvement::{area_href, percent_text, AREA_RULE};
use crate::pages::status::NotInData;
use crate::state::{use_app, use_data};
use gt_core::engine::Engine;
use gt_core::plan::{
    area_indicators, describe_counts, quarters_of_year, timeline, PlanQuery, CROSS_CUTTING,
    CROSS_CUTTING_LABEL,
};
use gt_core::route::Route;
use gt_core::{Action, Dataset, Period};
use leptos::prelude::*;
use std::sync::Arc;

/// One action in full on its area's page.
fn action_card(ds: &Dataset, x: &Action, period: Option<Period>) -> impl IntoView {
    let s = period
        .map(|p| Engine::new(ds, p).action(x))
        .unwrap_or_default();
    let steps = period
        .map(|p| timeline(&x.updates, &quarters_of_year(&p), Some(&p)))
        .unwrap_or_default();
    let shown: Vec<_> = x
        .updates
        .iter()
        .filter(|u| period.is_none_or(|p| u.period.end() <= p.end()))
        .rev()
        .collect();
    let table_caption = format!("Updates on {}, newest first", x.id);
    view! {
        <section class="gt-card gt-action-card" data-testid="area-action" data-id=x.id.clone() data-status=s.status.as_str() data-overdue=s.overdue.to_string() aria-labelledby=format!("action-{}", x.id)>
            <h3 class="gt-heading-m gt-action-card__title" id=format!("action-{}", x.id)>
                <span class="gt-action__id">{x.id.clone()}</span>" "{x.title.clone()}
            </h3>
            <div class="gt-action-card__status">
                <WorkTag status=s.status/><AsAt as_at=s.as_at/>
                {percent_text(s.percent).map(|t| view! { <span class="gt-action__pct">{t}</span> })}
                {s.overdue.then(|| view! { <OverdueTag/> })}
            </div>
            <dl class="gt-summary-list gt-summary-list--dl gt-action-card__facts">
                <div><dt>"Owner"</dt><dd>{x.owner.clone().unwrap_or_else(|| "Not stated".into())}</dd></div>
                <div><dt>"Councils"</dt><dd>{if x.councils.is_empty() { "Not stated".to_string() } else { x.councils.iter().map(|c| ds.council_name(c).to_string()).collect::<Vec<_>>().join(", ") }}</dd></div>
                <div><dt>"Due date"</dt><dd>{x.due.map(gt_core::fmt::date).unwrap_or_else(|| "No date".into())}</dd></div>
                <div><dt>"Progress by quarter"</dt><dd><Timeline steps=steps/></dd></div>
            </dl>
            {if shown.is_empty() {
                view! { <p class="gt-secondary">"No progress updates yet."</p> }.into_any()
            } else {
                view! {
                    <div class="gt-table-wrap">
                    <table class="gt-table gt-table--updates">
                        <caption class="gt-table__caption gt-table__caption--s">{table_caption}</caption>
                        <thead><tr>
                            <th scope="col">"Quarter"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col" class="gt-num">"Complete"</th>
                            <th scope="col">"Commentary"</th>
                        </tr></thead>
                        <tbody>
                            {shown.into_iter().map(|u| view! {
                                <tr data-testid="action-update" data-period=u.period.id()>
                                    <th scope="row" class="gt-nowrap" data-label="Quarter">{u.period.short_label()}</th>
                                    <td data-label="Status"><WorkTag status=u.status/></td>
                                    <td data-label="Complete" class="gt-num">{u.percent_complete.map(|p| format!("{}%", gt_core::fmt::trim_number(p))).unwrap_or_else(|| "–".into())}</td>
                                    <td data-label="Commentary">{u.commentary.clone().unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// An improvement area's page, drawn from the data (again when it changes) at the app's period.
#[component]
pub fn AreaPage(id: String) -> impl IntoView {
    let data = use_data();
    move || view! { <AreaDetail ds=data.get() id=id.clone()/> }
}

#[component]
fn AreaDetail(ds: Arc<Dataset>, id: String) -> impl IntoView {
    let state = use_app();
    let Some((theme, area)) = ds.area(&id).map(|(t, a)| (t.clone(), a.clone())) else {
        return view! { <NotInData what="improvement area" id=id back=Route::Improvement back_label="See the improvement plan"/> }.into_any();
    };
    let area = Arc::new(area);
    let period = Signal::derive(move || state.period());
    let keep = move || state.chosen_period();
    let plan_href = move |q: PlanQuery| {
        PlanQuery {
            period: keep(),
            ..q
        }
        .href()
    };

    let priority = area.priority.as_ref().and_then(|p| ds.priority(p)).cloned();
    let service = area
        .service
        .as_ref()
        .map(|s| (s.clone(), ds.service_name(s).to_string()));
    let inds = area_indicators(&ds, &area.id);
    let theme_link = {
        let id = theme.id.clone();
        move || {
            plan_href(PlanQuery {
                themes: vec![id.clone()],
                ..Default::default()
            })
        }
    };
    let crumbs = vec![
        ("Overview".to_string(), Route::Overview.href()),
        ("Improvement plan".to_string(), Route::Improvement.href()),
        (
            format!("Theme {}: {}", theme.id, theme.title),
            plan_href(PlanQuery {
                themes: vec![theme.id.clone()],
                ..Default::default()
            }),
        ),
    ];

    let head = {
        let ds = ds.clone();
        let area = area.clone();
        move || {
            let p = period.get();
            let s = p
                .map(|p| Engine::new(&ds, p).area(&area))
                .unwrap_or_default();
            view! {
                <div class="gt-plan-status" data-testid="area-status" data-status=s.status.as_str()>
                    <p class="gt-plan-status__label">{p.map(|p| format!("Overall status at {}", p.short_label())).unwrap_or_else(|| "Overall status".into())}</p>
                    <WorkTag status=s.status/><AsAt as_at=s.as_at/>
                    <p class="gt-plan-status__counts">{describe_counts(&s.counts, "action")}</p>
                    <WorkBar counts=s.counts/>
                </div>
            }
        }
    };
    let actions = {
        let ds = ds.clone();
        let area = area.clone();
        move || {
            let p = period.get();
            area.actions
                .iter()
                .map(|x| action_card(&ds, x, p))
                .collect_view()
        }
    };
    let priority_view = {
        let ds = ds.clone();
        priority.clone().map(|pr| {
            move || {
                let sp = period.get();
                let s = sp.map(|p| Engine::new(&ds, p).priority(&pr)).unwrap_or_default();
                view! {
                    <a href=Route::Priority(pr.id.clone()).href() data-testid="area-priority">{format!("{}: {}", pr.id, pr.title)}</a>
                    <span class="gt-thread-inline">
                        <WorkTag status=s.status/><AsAt as_at=s.as_at/>
                        <span class="gt-secondary">{sp.map(|p| format!(" at {}", p.short_label())).unwrap_or_default()}</span>
                    </span>
                }
            }
        })
    };
    let indicators_view = if inds.is_empty() {
        let svc_link = match &service {
            Some((id, name)) => view! {
                <a href=format!("{}?service={}", Route::Indicators.href(), id)>{format!("See every indicator for {name}")}</a>
            }.into_any(),
            None => view! { <a href=Route::Indicators.href()>"See all indicators"</a> }.into_any(),
        };
        view! {
            <p class="gt-body" data-testid="area-no-indicators">"No indicator is linked to this area yet. "{svc_link}"."</p>
        }
        .into_any()
    } else {
        let rows = inds
            .iter()
            .map(|i| {
                let at = period.get_untracked().map(|p| Engine::new(&ds, p).indicator(i));
                let (rag, v, as_at) = match at.as_ref().and_then(|a| a.latest.map(|(v, s)| (s.rag, Some(v), a.as_at))) {
                    Some(x) => x,
                    None => (gt_core::Rag::NoData, None, None),
                };
                let fmt = |x: Option<f64>| {
                    x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref()))
                        .unwrap_or_else(|| "–".into())
                };
                // The council's code, or "Shared" for a shared-service indicator.
                let short = match i.scope.council() {
                    Some(c) => ds.council(c).and_then(|x| x.short.clone()).unwrap_or_else(|| c.to_string()),
                    None => ds.scope_short(&i.scope),
                };
                view! {
                    <tr data-testid="area-indicator" data-id=i.id.clone() data-status=rag.as_str()>
                        <th scope="row" data-label="Indicator" class="gt-ind__name">
                            <a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a>
                            <span class="gt-ind__id">{i.id.clone()}</span>
                        </th>
                        <td data-label="Council"><abbr title=ds.scope_name(&i.scope)>{short}</abbr></td>
                        <td data-label="Latest period" class="gt-nowrap">{v.map(|v| v.period.short_label()).unwrap_or_else(|| "–".into())}</td>
                        <td data-label="Actual" class="gt-num">{fmt(v.and_then(|v| v.actual))}</td>
                        <td data-label="Target" class="gt-num">{fmt(v.and_then(|v| v.target))}</td>
                        <td data-label="Status"><RagTag rag=rag/><AsAt as_at=as_at/></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="gt-table-wrap">
                <table class="gt-table gt-table--area-indicators" data-testid="area-indicators">
                    <caption class="gt-visually-hidden">{format!("Indicators that measure {} {}, latest figures", area.id, area.title)}</caption>
                    <thead><tr>
                        <th scope="col">"Indicator"</th>
                        <th scope="col">"Council"</th>
                        <th scope="col">"Latest period"</th>
                        <th scope="col" class="gt-num">"Actual"</th>
                        <th scope="col" class="gt-num">"Target"</th>
                        <th scope="col">"Status"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    // Neighbouring areas in the theme, so the reader can walk the plan.
    let pos = theme
        .areas
        .iter()
        .position(|a| a.id == area.id)
        .unwrap_or(0);
    let prev = pos
        .checked_sub(1)
        .and_then(|i| theme.areas.get(i))
        .map(|a| (a.id.clone(), a.title.clone()));
    let next = theme
        .areas
        .get(pos + 1)
        .map(|a| (a.id.clone(), a.title.clone()));

    view! {
        <Breadcrumbs items=crumbs/>
        <p class="gt-caption-l">{format!("Improvement area {} · Theme {}", area.id, theme.id)}</p>
        <h1 class="gt-heading-xl" data-testid="page-heading">{area.title.clone()}</h1>
        <PeriodNote/>
        {area.description.clone().map(|d| view! { <p class="gt-body-l">{d}</p> })}
        <div class="gt-plan-head gt-plan-head--detail">
            {head}
            <ReportingPeriodPicker id="area-period" label="Change period"/>
        </div>
        <dl class="gt-summary-list gt-summary-list--dl" data-testid="area-facts">
            <div><dt>"Theme"</dt><dd><a href=theme_link>{format!("{}: {}", theme.id, theme.title)}</a></dd></div>
            <div><dt>"Service"</dt><dd>{match service.clone() {
                Some((id, name)) => view! { <a href=plan_href(PlanQuery { services: vec![id], ..Default::default() })>{name}</a> }.into_any(),
                None => view! { <a href=plan_href(PlanQuery { services: vec![CROSS_CUTTING.to_string()], ..Default::default() })>{CROSS_CUTTING_LABEL}</a> }.into_any(),
            }}</dd></div>
            <div><dt>"Strategic priority"</dt><dd>{match priority_view {
                Some(v) => v.into_any(),
                None => view! { "Not linked to a priority" }.into_any(),
            }}</dd></div>
            <div><dt>"Indicators"</dt><dd>{match inds.len() {
                0 => "None linked yet".to_string(),
                1 => "1 indicator measures this area".to_string(),
                n => format!("{n} indicators measure this area"),
            }}</dd></div>
        </dl>
        <WorkLegend rollup_of=AREA_RULE/>
        <h2 class="gt-heading-l">"Actions"</h2>
        <PlanEditTools ds=ds.clone() kind=PlanItems::Actions items={area.actions.iter().map(|a| (a.id.clone(), a.title.clone())).collect::<Vec<_>>()} period=period area={area.id.clone()}/>
        <div class="gt-action-cards">{actions}</div>
        <h2 class="gt-heading-l" id="area-indicators-heading">"Indicators that measure this area"</h2>
        {indicators_view}
        <nav class="gt-pager" aria-label="Other areas in this theme">
            <ul class="gt-pager__list">
                {prev.map(|(id, title)| view! {
                    <li class="gt-pager__item gt-pager__item--prev"><a href=area_href(&id, keep())><span class="gt-pager__dir">"Previous area"</span><span class="gt-pager__label">{format!("{id} {title}")}</span></a></li>
                })}
                {next.map(|(id, title)| view! {
                    <li class="gt-pager__item gt-pager__item--next"><a href=area_href(&id, keep())><span class="gt-pager__dir">"Next area"</span><span class="gt-pager__label">{format!("{id} {title}")}</span></a></li>
                })}
            </ul>
        </nav>
        <p><a href=plan_href(PlanQuery::default())>"Back to the improvement plan"</a></p>
    }
    .into_any()
}
