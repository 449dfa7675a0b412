//! The improvement plan (themes → areas → actions) with filters in the URL, and an area's own
//! page: its actions in full, the priority it serves and the indicators that measure it.

use crate::adapters::{clipboard, location};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::period::{AsAt, PeriodNote, ReportingPeriodPicker};
use crate::components::plan::{
    LinkNotes, OverdueTag, Timeline, WorkBar, WorkCountList, WorkLegend,
};
use crate::components::status::WorkTag;
use crate::state::{use_app, use_data};
use gt_core::engine::Engine;
use gt_core::plan::{
    apply, area_indicators, area_services, counts, counts_by_service, counts_by_theme, group_rows,
    quarters_of_year, service_label, status_rank, timeline, ActionRow, AreaRows, PlanQuery,
    ThemeRows, CROSS_CUTTING, CROSS_CUTTING_LABEL, STATUS_ORDER,
};
use gt_core::route::{Location, Route};
use gt_core::summary::WorkCounts;
use gt_core::{Area, Dataset, Period, Theme, WorkStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The rule for an area's overall status, in words (the legend).
pub(crate) const AREA_RULE: &str = "An area's overall status comes from its actions in the same way as a strategic priority's: Off track if any action is off track; else At risk if any is at risk; else On track if any is on track (or some are complete and the rest not started); Complete when all are complete; Not started when none has started.";

/// The link to an area's page, keeping the plan's period when one was chosen.
pub fn area_href(id: &str, period: Option<Period>) -> String {
    let mut loc = Location::new(Route::Area(id.to_string()));
    if let Some(p) = period {
        loc = loc.with("period", &p.id());
    }
    loc.to_hash()
}

/// Councils as their short codes, each with its full name for assistive technology.
fn councils_view(ds: &Dataset, ids: &[String]) -> AnyView {
    if ids.is_empty() {
        return view! { <span class="gt-secondary">"Not stated"</span> }.into_any();
    }
    let n = ids.len();
    let list = ids
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let council = ds.council(c);
            let short = council
                .and_then(|x| x.short.clone())
                .unwrap_or_else(|| c.clone());
            let name = ds.council_name(c).to_string();
            view! { <abbr title=name>{short}</abbr>{(k + 1 < n).then_some(", ")} }
        })
        .collect_view();
    view! { <span>{list}</span> }.into_any()
}

fn due_view(due: Option<chrono::NaiveDate>, overdue: bool) -> impl IntoView {
    view! {
        <span class="gt-plan-due">
            <span class="gt-nowrap">{due.map(gt_core::fmt::date).unwrap_or_else(|| "No date".into())}</span>
            {overdue.then(|| view! { <span class="gt-plan-overdue"><OverdueTag/></span> })}
        </span>
    }
}

pub(crate) fn percent_text(p: Option<f64>) -> Option<String> {
    p.map(|p| format!("{}% complete", gt_core::fmt::trim_number(p.round())))
}

/// One action as a row of an area's table.
fn action_row(ds: &Dataset, row: &ActionRow, period: Option<Period>) -> impl IntoView {
    let (_, area, x) = row.get(ds);
    let s = &row.state;
    let latest = s.update(&x.updates);
    let steps = period
        .map(|p| timeline(&x.updates, &quarters_of_year(&p), Some(&p)))
        .unwrap_or_default();
    view! {
        <tr data-testid="action-row" data-id=x.id.clone() data-status=s.status.as_str() data-overdue=s.overdue.to_string()>
            <th scope="row" class="gt-action__main" data-label="Action">
                <a class="gt-action__title" href=area_href(&area.id, period)>
                    <span class="gt-action__id">{x.id.clone()}</span>" "{x.title.clone()}
                </a>
                {latest.and_then(|u| u.commentary.clone().map(|c| view! {
                    <p class="gt-action__comment"><span class="gt-action__comment-label">{format!("{}: ", u.period.short_label())}</span>{c}</p>
                }))}
            </th>
            <td data-label="Owner">{x.owner.clone().unwrap_or_else(|| "Not stated".into())}</td>
            <td data-label="Councils" class="gt-nowrap">{councils_view(ds, &x.councils)}</td>
            <td data-label="Due">{due_view(x.due, s.overdue)}</td>
            <td data-label="Progress by quarter"><Timeline steps=steps/></td>
            <td data-label="Status">
                <div class="gt-action__status">
                    <WorkTag status=s.status/><AsAt as_at=s.as_at/>
                    {percent_text(s.percent).map(|t| view! { <span class="gt-action__pct">{t}</span> })}
                </div>
            </td>
        </tr>
    }
}

fn action_table(
    ds: &Dataset,
    area: &Area,
    rows: Vec<ActionRow>,
    period: Option<Period>,
) -> impl IntoView {
    let caption = format!(
        "Actions in {} {}{}",
        area.id,
        area.title,
        period
            .map(|p| format!(", as at {}", p.short_label()))
            .unwrap_or_default()
    );
    view! {
        <table class="gt-table gt-table--actions">
            <caption class="gt-visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col" class="gt-action__col-main">"Action and latest update"</th>
                    <th scope="col">"Owner"</th>
                    <th scope="col">"Councils"</th>
                    <th scope="col">"Due"</th>
                    <th scope="col">"Progress by quarter"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>{rows.iter().map(|r| action_row(ds, r, period)).collect_view()}</tbody>
        </table>
    }
}

/// A table of counts by status, one row per group, with a total row.
fn counts_table(
    testid: &'static str,
    caption: String,
    first: &'static str,
    rows: Vec<(String, String, WorkCounts)>,
) -> impl IntoView {
    let mut total = WorkCounts::default();
    for (_, _, c) in &rows {
        total.complete += c.complete;
        total.on_track += c.on_track;
        total.at_risk += c.at_risk;
        total.off_track += c.off_track;
        total.not_started += c.not_started;
        total.overdue += c.overdue;
    }
    let many = rows.len() > 1;
    let cells = move |c: WorkCounts| {
        view! {
            <td class="gt-num" data-label="Actions">{c.total()}</td>
            {STATUS_ORDER.iter().map(|s| view! { <td class="gt-num" data-status=s.as_str() data-label=s.label()>{c.get(*s)}</td> }).collect_view()}
            <td class="gt-num" data-status="overdue" data-label="Overdue">{c.overdue}</td>
        }
    };
    view! {
        <div class="gt-table-wrap">
            <table class="gt-table gt-table--counts" data-testid=testid>
                <caption class="gt-table__caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col" class="gt-num">"Actions"</th>
                        {STATUS_ORDER.iter().map(|s| view! { <th scope="col" class="gt-num"><WorkTag status=*s/></th> }).collect_view()}
                        <th scope="col" class="gt-num"><OverdueTag/></th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(label, href, c)| view! {
                        <tr data-testid=format!("{testid}-row")>
                            <th scope="row"><a href=href>{label}</a></th>
                            {cells(c)}
                        </tr>
                    }).collect_view()}
                    {many.then(|| view! {
                        <tr class="gt-table__total"><th scope="row">"Total"</th>{cells(total)}</tr>
                    })}
                </tbody>
            </table>
        </div>
    }
}

/// The improvement plan. Its view state is all in the URL, so it is drawn again from the data
/// when the data changes and nothing is lost.
#[component]
pub fn ImprovementPage() -> impl IntoView {
    let data = use_data();
    move || view! { <ImprovementPlan ds=data.get()/> }
}

#[component]
fn ImprovementPlan(ds: Arc<Dataset>) -> impl IntoView {
    let state = use_app();
    let view_state = {
        let ds = ds.clone();
        Memo::new(move |_| state.location.with(|l| PlanQuery::from_location(l, &ds)))
    };
    // The filters as the link gives them (links and filter changes write these back, so a
    // period the link does not name is not added to it).
    let query = Memo::new(move |_| view_state.with(|v| v.0.clone()));
    // The filters at the app's reporting period (the same on every page).
    let at_period = move |q: PlanQuery| PlanQuery {
        period: state.period(),
        ..q
    };
    let plan = {
        let ds = ds.clone();
        Memo::new(move |_| apply(&ds, &at_period(query.get())))
    };
    // Filters rewrite the query; a data file given in the link (`data=`) stays.
    let set_query = move |q: PlanQuery| {
        let mut to = q.to_location();
        if let Some(d) = state
            .location
            .with_untracked(|l| l.get("data").map(str::to_string))
        {
            to = to.with("data", &d);
        }
        location::navigate(state.location, to, true)
    };
    let update = move |f: &dyn Fn(&mut PlanQuery)| {
        let mut q = query.get_untracked();
        f(&mut q);
        set_query(q);
    };
    let notes = Signal::derive(move || view_state.with(|v| v.1.clone()));
    let period = Signal::derive(move || plan.with(|p| p.period));
    let total = plan.with_untracked(|p| p.total);
    let n_areas: usize = ds.themes.iter().map(|t| t.areas.len()).sum();
    let n_themes = ds.themes.len();
    let copied = RwSignal::new(None::<Result<(), String>>);
    let copy_link = move |_| {
        let url = location::absolute_url(&state.location.get_untracked());
        spawn_local(async move {
            let ok = clipboard::copy(&url).await;
            copied.set(Some(if ok { Ok(()) } else { Err(url) }));
        });
    };

    let count_text = move || {
        let n = plan.with(|p| p.rows.len());
        format!(
            "Showing {n} of {total} action{}",
            if total == 1 { "" } else { "s" }
        )
    };
    let period_text = move || {
        period
            .get()
            .map(|p| format!("Progress at {}", p.label()))
            .unwrap_or_else(|| "No progress updates yet".into())
    };
    let on_text = {
        let ds = ds.clone();
        move || {
            plan.with(|p| p.period)
                .map(|p| Engine::new(&ds, p).overdue_rule())
                .unwrap_or_else(|| "past its due date and not complete".into())
        }
    };

    // Services with their own improvement areas: whole plan at the period, as links that
    // filter the list.
    let spotlight = {
        let ds = ds.clone();
        move || {
            let all = apply(&ds, &at_period(query.with(|q| q.cleared())));
            let chosen = query.with(|q| q.services.clone());
            let base = query.with(|q| q.cleared());
            area_services(&ds)
                .into_iter()
                .map(|s| {
                    let rows: Vec<ActionRow> = all
                        .rows
                        .iter()
                        .filter(|r| r.get(&ds).1.service.as_deref() == Some(s.id.as_str()))
                        .cloned()
                        .collect();
                    let areas = ds
                        .themes
                        .iter()
                        .flat_map(|t| &t.areas)
                        .filter(|a| a.service.as_deref() == Some(s.id.as_str()))
                        .count();
                    let c = counts(&rows);
                    let href = PlanQuery {
                        services: vec![s.id.clone()],
                        ..base.clone()
                    }
                    .href();
                    let current = chosen == [s.id.clone()];
                    let needs = c.off_track + c.at_risk;
                    view! {
                        <li class="gt-service-card" class:gt-service-card--current=current data-testid="service-card" data-service=s.id.clone()>
                            <h3 class="gt-heading-s gt-service-card__title">
                                <a href=href aria-current=current.then_some("true")>{s.name.clone()}</a>
                            </h3>
                            <p class="gt-service-card__meta">{format!("{areas} area{} · {} action{}", if areas == 1 { "" } else { "s" }, c.total(), if c.total() == 1 { "" } else { "s" })}</p>
                            <WorkBar counts=c/>
                            <p class="gt-service-card__done"><strong>{format!("{} of {}", c.complete, c.total())}</strong>" complete"</p>
                            <p class="gt-service-card__flags">
                                {if needs == 0 && c.overdue == 0 {
                                    view! { <span class="gt-secondary">"None at risk, off track or overdue"</span> }.into_any()
                                } else {
                                    view! {
                                        {(c.off_track > 0).then(|| view! { <span class="gt-service-card__flag">{format!("{} off track", c.off_track)}</span> })}
                                        {(c.at_risk > 0).then(|| view! { <span class="gt-service-card__flag">{format!("{} at risk", c.at_risk)}</span> })}
                                        {(c.overdue > 0).then(|| view! { <span class="gt-service-card__flag gt-service-card__flag--overdue">{format!("{} overdue", c.overdue)}</span> })}
                                    }.into_any()
                                }}
                            </p>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    // Summary of the actions shown: totals, by theme, by service.
    let summary = {
        let ds = ds.clone();
        move || {
            let (rows, p) = plan.with(|v| (v.rows.clone(), v.period));
            let q = query.get();
            let all = counts(&rows);
            let base = q.clone();
            let theme_rows = counts_by_theme(&ds, &rows)
                .into_iter()
                .map(|(ti, c)| {
                    let t = &ds.themes[ti];
                    let href = PlanQuery {
                        themes: vec![t.id.clone()],
                        ..base.clone()
                    }
                    .href();
                    (format!("{}: {}", t.id, t.title), href, c)
                })
                .collect::<Vec<_>>();
            let service_rows = counts_by_service(&ds, &rows)
                .into_iter()
                .map(|(s, c)| {
                    let id = s.unwrap_or_else(|| CROSS_CUTTING.to_string());
                    let href = PlanQuery {
                        services: vec![id.clone()],
                        ..base.clone()
                    }
                    .href();
                    (service_label(&ds, &id).to_string(), href, c)
                })
                .collect::<Vec<_>>();
            let at = p
                .map(|p| format!(", {}", p.short_label()))
                .unwrap_or_default();
            let scope = if q.is_filtered() {
                "shown"
            } else {
                "in the plan"
            };
            view! {
                <div class="gt-plan-totals" data-testid="plan-totals">
                    <WorkCountList counts=all all=true testid="total-counts"/>
                </div>
                <div class="gt-plan-summary">
                    {counts_table("summary-theme", format!("Actions {scope} by theme{at}"), "Theme", theme_rows)}
                    {counts_table("summary-service", format!("Actions {scope} by service{at}"), "Service", service_rows)}
                </div>
            }
        }
    };

    // The list: themes → areas → actions that match.
    let list = {
        let ds = ds.clone();
        move || {
            let (rows, p) = plan.with(|v| (v.rows.clone(), v.period));
            let keep_period = query.with(|q| q.period);
            if rows.is_empty() {
                return view! {
                    <p class="gt-empty" data-testid="no-results">"No actions match these filters. Try removing a filter, or clear them all."</p>
                }.into_any();
            }
            group_rows(&rows)
                .into_iter()
                .map(|ThemeRows { theme: ti, areas }| {
                    let t: &Theme = &ds.themes[ti];
                    view! {
                        <section class="gt-plan-theme" data-testid="theme-block" data-id=t.id.clone() aria-labelledby=format!("theme-{}", t.id)>
                            <h3 class="gt-heading-m gt-plan-theme__title" id=format!("theme-{}", t.id)>
                                <span class="gt-plan-theme__id">{format!("Theme {}", t.id)}</span>{t.title.clone()}
                            </h3>
                            {areas.into_iter().map(|AreaRows { area: ai, rows: rs }| {
                                let a = &t.areas[ai];
                                let priority = a.priority.as_ref().and_then(|p| ds.priority(p));
                                let n_ind = area_indicators(&ds, &a.id).len();
                                view! {
                                    <div class="gt-plan-area" data-testid="area-block" data-id=a.id.clone()>
                                        <h4 class="gt-heading-s gt-plan-area__title">
                                            <a href=area_href(&a.id, keep_period)>{format!("{} {}", a.id, a.title)}</a>
                                        </h4>
                                        <p class="gt-plan-area__meta">
                                            <span>{match &a.service {
                                                Some(s) => format!("Service: {}", ds.service_name(s)),
                                                None => CROSS_CUTTING_LABEL.to_string(),
                                            }}</span>
                                            {priority.map(|pr| view! {
                                                <span>"Priority: "<a href=Route::Priority(pr.id.clone()).href()>{format!("{} {}", pr.id, pr.title)}</a></span>
                                            })}
                                            <span>{match n_ind {
                                                0 => "No indicators linked".to_string(),
                                                1 => "1 indicator".to_string(),
                                                n => format!("{n} indicators"),
                                            }}</span>
                                        </p>
                                        {action_table(&ds, a, rs, p)}
                                    </div>
                                }
                            }).collect_view()}
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }
    };

    // Filter controls.
    let themes = ds.themes.clone();
    let service_choices: Vec<(String, String)> = {
        let mut v: Vec<(String, String)> = area_services(&ds)
            .into_iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect();
        if ds
            .themes
            .iter()
            .flat_map(|t| &t.areas)
            .any(|a| a.service.is_none())
        {
            v.push((CROSS_CUTTING.to_string(), CROSS_CUTTING_LABEL.to_string()));
        }
        v
    };
    let service_options = {
        let ds = ds.clone();
        move || {
            let mut v = service_choices.clone();
            // A service given in the link that has no areas is still shown as chosen.
            for s in query.with(|q| q.services.clone()) {
                if !v.iter().any(|(id, _)| *id == s) {
                    v.push((s.clone(), service_label(&ds, &s).to_string()));
                }
            }
            v.into_iter()
                .map(|(id, name)| {
                    let id2 = id.clone();
                    view! { <option value=id prop:selected=move || query.with(|q| q.services.first() == Some(&id2))>{name}</option> }
                })
                .collect_view()
        }
    };
    let council_boxes = ds
        .councils
        .iter()
        .map(|c| {
            let id = c.id.clone();
            let id2 = c.id.clone();
            view! {
                <div class="gt-checkbox">
                    <input class="gt-checkbox__input" type="checkbox" id=format!("plan-council-{}", c.id)
                        prop:checked=move || query.with(|q| q.councils.contains(&id))
                        data-testid=format!("filter-council-{}", c.id)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            let id = id2.clone();
                            update(&|q: &mut PlanQuery| {
                                q.councils.retain(|x| *x != id);
                                if on { q.councils.push(id.clone()); }
                            })
                        }/>
                    <label class="gt-checkbox__label" for=format!("plan-council-{}", c.id)>{c.name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let status_boxes = [
        WorkStatus::Red,
        WorkStatus::Amber,
        WorkStatus::Green,
        WorkStatus::NotStarted,
        WorkStatus::Complete,
    ]
    .into_iter()
    .map(|s| {
        view! {
            <div class="gt-checkbox">
                <input class="gt-checkbox__input" type="checkbox" id=format!("plan-status-{}", s.as_str())
                    prop:checked=move || query.with(|q| q.statuses.contains(&s))
                    data-testid=format!("filter-status-{}", s.as_str())
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        update(&|q: &mut PlanQuery| {
                            q.statuses.retain(|x| *x != s);
                            if on {
                                q.statuses.push(s);
                                gt_core::order::sort_by_key(&mut q.statuses, &|x| status_rank(*x));
                            }
                        })
                    }/>
                <label class="gt-checkbox__label" for=format!("plan-status-{}", s.as_str())><WorkTag status=s/></label>
            </div>
        }
    })
    .collect_view();

    view! {
        <Breadcrumbs items=vec![("Overview".to_string(), Route::Overview.href())]/>
        <div class="gt-plan-head">
            <div>
                <h1 class="gt-heading-xl" data-testid="page-heading">"Improvement plan"</h1>
                <p class="gt-body-l" data-testid="period-label">{period_text}</p>
            </div>
            <ReportingPeriodPicker id="filter-period" label="Change period"/>
        </div>
        <p class="gt-body gt-plan-intro">
            {format!("{total} actions in {n_areas} improvement areas under {n_themes} themes. ")}
            "Each action's status is its latest update at or before the period; an action is "
            <strong>"overdue"</strong>" when it is "{on_text}"."
        </p>
        <PeriodNote/>
        <LinkNotes notes=notes/>
        <WorkLegend rollup_of=AREA_RULE/>

        <h2 class="gt-heading-l">"Services with their own improvement areas"</h2>
        <ul class="gt-service-cards" data-testid="service-cards">{spotlight}</ul>

        <h2 class="gt-heading-l" id="plan-actions-heading">"Actions"</h2>
        <form class="gt-filters gt-plan-filters" role="search" aria-label="Filter actions" on:submit=|ev| ev.prevent_default()>
            <h3 class="gt-heading-m gt-filters__title">"Filter"</h3>
            <div class="gt-form-group gt-plan-filters__search">
                <label class="gt-label" for="plan-q">"Search"</label>
                <p class="gt-hint" id="plan-q-hint">"Action, area, owner or commentary"</p>
                <input class="gt-input" type="search" id="plan-q" aria-describedby="plan-q-hint" autocomplete="off"
                    data-testid="filter-q"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        update(&|q: &mut PlanQuery| q.text = text.clone())
                    }/>
            </div>
            <div class="gt-form-group">
                <label class="gt-label" for="plan-theme">"Theme"</label>
                <select class="gt-select" id="plan-theme" data-testid="filter-theme"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        update(&|q: &mut PlanQuery| q.themes = if v.is_empty() { vec![] } else { vec![v.clone()] })
                    }>
                    <option value="" prop:selected=move || query.with(|q| q.themes.is_empty())>"All themes"</option>
                    {themes.iter().map(|t| {
                        let id = t.id.clone();
                        view! { <option value=t.id.clone() prop:selected=move || query.with(|q| q.themes.first() == Some(&id))>{format!("{}: {}", t.id, t.title)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="gt-form-group">
                <label class="gt-label" for="plan-service">"Service"</label>
                <select class="gt-select" id="plan-service" data-testid="filter-service"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        update(&|q: &mut PlanQuery| q.services = if v.is_empty() { vec![] } else { vec![v.clone()] })
                    }>
                    <option value="" prop:selected=move || query.with(|q| q.services.is_empty())>"All services"</option>
                    {service_options}
                </select>
            </div>
            <fieldset class="gt-fieldset">
                <legend class="gt-fieldset__legend">"Council"</legend>
                {council_boxes}
            </fieldset>
            <fieldset class="gt-fieldset gt-fieldset--wide">
                <legend class="gt-fieldset__legend">"Status"</legend>
                {status_boxes}
            </fieldset>
            <div class="gt-filters__actions">
                <div class="gt-checkbox">
                    <input class="gt-checkbox__input" type="checkbox" id="plan-overdue" data-testid="filter-overdue"
                        prop:checked=move || query.with(|q| q.overdue)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            update(&|q: &mut PlanQuery| q.overdue = on)
                        }/>
                    <label class="gt-checkbox__label" for="plan-overdue">"Overdue only"</label>
                </div>
                <button type="button" class="gt-button gt-button--secondary" data-testid="clear-filters"
                    disabled=move || !query.with(|q| q.is_filtered())
                    on:click=move |_| set_query(query.get_untracked().cleared())>"Clear all filters"</button>
            </div>
        </form>
        <div class="gt-results__bar">
            <p class="gt-results__count" role="status" aria-live="polite" data-testid="result-count">{count_text}</p>
            <button type="button" class="gt-button gt-button--secondary" on:click=copy_link data-testid="copy-link">"Copy link to this view"</button>
        </div>
        {move || copied.get().map(|r| match r {
            Ok(()) => view! { <p class="gt-confirm" role="status" data-testid="copy-result">"Link copied. Anyone who opens it sees this view."</p> }.into_any(),
            Err(url) => view! {
                <div class="gt-form-group" role="status">
                    <label class="gt-label" for="plan-copy-fallback">"Your browser did not allow copying. Select and copy this link:"</label>
                    <input class="gt-input" id="plan-copy-fallback" readonly value=url data-testid="copy-result"/>
                </div>
            }.into_any(),
        })}
        <section class="gt-plan-section" aria-labelledby="plan-summary-heading">
            <h3 class="gt-heading-m" id="plan-summary-heading">"Summary"</h3>
            {summary}
        </section>
        <section class="gt-plan-section" aria-labelledby="plan-list-heading">
            <h3 class="gt-visually-hidden" id="plan-list-heading">"Actions by theme and area"</h3>
            <div class="gt-plan-list" data-testid="action-list">{list}</div>
        </section>
    }
}
