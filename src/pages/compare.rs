//! Compare councils (`#/compare`): one shared measure side by side for the period and over
//! time, and the service × council grid of status counts, each count a link to the indicator
//! list. The choices are in the link (`gt_core::compare_query`); every status and count is the
//! engine's (`gt_core::engine::compare`).

use crate::adapters::location;
use crate::components::choices::CouncilChecks;
use crate::components::compare_chart::{lines, style_of, CompareChart};
use crate::components::legend::RagLegend;
use crate::components::period::{AsAt, PeriodNote, ReportingPeriodPicker};
use crate::components::plan::LinkNotes;
use crate::components::status::RagTag;
use crate::components::travel::TravelText;
use crate::state::{use_app, use_data};
use gt_core::compare_query::{list_link, CompareQuery};
use gt_core::engine::{Comparison, Engine, Grid, GridCell, SHORT_TERM};
use gt_core::route::Route;
use gt_core::{Dataset, Period, Rag};
use leptos::prelude::*;
use std::sync::Arc;

/// The statuses a grid cell counts, most in need of attention first.
const ORDER: [Rag; 6] = [
    Rag::Red,
    Rag::Amber,
    Rag::Green,
    Rag::NoData,
    Rag::DataOnly,
    Rag::NotDue,
];

#[component]
pub fn ComparePage() -> impl IntoView {
    let data = use_data();
    move || view! { <Compare ds=data.get()/> }
}

#[component]
fn Compare(ds: Arc<Dataset>) -> impl IntoView {
    let state = use_app();
    let view_state = {
        let ds = ds.clone();
        Memo::new(move |_| state.location.with(|l| CompareQuery::from_location(l, &ds)))
    };
    let query = Memo::new(move |_| view_state.with(|v| v.0.clone()));
    let update = move |f: &dyn Fn(&mut CompareQuery)| {
        let mut q = query.get_untracked();
        f(&mut q);
        location::replace_view(state.location, q.to_location());
    };
    let period_label = move || {
        state
            .period()
            .map(|p| p.label())
            .unwrap_or_else(|| "No period has figures yet".into())
    };
    let notes = move || view_state.with(|v| v.1.clone());

    // The measures offered change only with the councils and services chosen, so choosing a
    // measure does not draw the select again (the keyboard user stays on it).
    let offered = {
        let ds = ds.clone();
        Memo::new(move |_| {
            query.with(|q| {
                q.offered(&ds)
                    .iter()
                    .map(|d| {
                        (
                            d.id.clone(),
                            format!("{} ({} councils)", d.name, ds.indicators_of(&d.id).len()),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let chosen = {
        let ds = ds.clone();
        Memo::new(move |_| query.with(|q| q.chosen(&ds).map(|d| d.id.clone())))
    };
    let measure_choice = move || {
        let offered = offered.get();
        if offered.is_empty() {
            return view! { <p class="gt-body" data-testid="no-definitions">"No measure is declared the same for several councils among the councils and services chosen. A data file declares them in its \"definitions\" list."</p> }.into_any();
        }
        view! {
            <div class="gt-form-group">
                <label class="gt-label" for="compare-definition">"Measure"</label>
                <select class="gt-select gt-compare__measure" id="compare-definition" data-testid="compare-definition"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        update(&|q: &mut CompareQuery| q.definition = Some(v.clone()))
                    }>
                    {offered.into_iter().map(|(id, label)| {
                        let is = id.clone();
                        view! { <option value=id prop:selected=move || chosen.with(|c| c.as_deref() == Some(is.as_str()))>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any()
    };

    let council_boxes = view! {
        <CouncilChecks councils=ds.councils.clone() prefix="compare-council"
            chosen=Signal::derive(move || query.with(|q| q.councils.clone()))
            toggle=Callback::new(move |(id, on): (String, bool)| update(&|q: &mut CompareQuery| {
                q.councils.retain(|x| *x != id);
                if on { q.councils.push(id.clone()); }
            }))/>
    };
    let services = ds.services.clone();
    let service_choice = view! {
        <div class="gt-form-group">
            <label class="gt-label" for="compare-service">"Service"</label>
            <select class="gt-select" id="compare-service" data-testid="compare-service"
                on:change:target=move |ev| {
                    let v = ev.target().value();
                    update(&|q: &mut CompareQuery| q.services = if v.is_empty() { vec![] } else { vec![v.clone()] })
                }>
                <option value="" prop:selected=move || query.with(|q| q.services.is_empty())>"All services"</option>
                {services.iter().map(|s| {
                    let id = s.id.clone();
                    view! { <option value=s.id.clone() prop:selected=move || query.with(|q| q.services.first() == Some(&id))>{s.name.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    };

    let measure = {
        let ds = ds.clone();
        move || {
            let period = state.period()?;
            let q = query.get();
            let def = q.chosen(&ds)?.id.clone();
            let e = Engine::new(&ds, period);
            let c = e.compare(&def, |c| q.shows_council(c))?;
            Some(measure_view(&ds, &c, period))
        }
    };
    let grid = {
        let ds = ds.clone();
        move || {
            let period = state.period()?;
            let q = query.get();
            let g = Engine::new(&ds, period).grid(|c| q.shows_council(c), |s| q.shows_service(s));
            Some(grid_view(&ds, &g, period))
        }
    };
    let schemes = {
        let ds = ds.clone();
        Signal::derive(move || gt_core::scheme::in_view(&ds, &query.with(|q| q.councils.clone())))
    };

    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Compare councils"</h1>
        <p class="gt-caption-l" data-testid="period-label">{period_label}</p>
        <PeriodNote/>
        <LinkNotes notes=Signal::derive(notes)/>
        <p class="gt-body gt-compare__lead">"The same measure for each council, each rated by its own council's rules, and how many of each council's indicators are on or off target in each service."</p>
        <form class="gt-compare__choices" aria-label="What to compare" on:submit=|ev| ev.prevent_default()>
            {measure_choice}
            <ReportingPeriodPicker id="compare-period" label="Period"/>
            <fieldset class="gt-fieldset gt-compare__councils">
                <legend class="gt-fieldset__legend">"Councils (none ticked: all)"</legend>
                {council_boxes}
            </fieldset>
            {service_choice}
        </form>
        {measure}
        {grid}
        <RagLegend schemes=schemes/>
        <section class="gt-compare__method" id="compare-method" aria-labelledby="compare-method-heading">
            <h2 class="gt-heading-m" id="compare-method-heading">"How to read this page"</h2>
            <ul class="gt-list gt-list--bullet">
                <li>"A measure is compared only when the data says the councils' indicators are the same measure (a shared definition); nothing is matched by its name."</li>
                <li>"Each council's status is worked out by its own council's rules, so the same figure can be Green for one council and Amber for another. "<a href=Route::Statuses.href()>"Each council's rules"</a></li>
                <li>"Targets are each council's own. A council with a harder target can be Red with a better figure."</li>
                <li>"The grid counts each council's own indicators, as the overview does; shared-service indicators are in no council's column. A council's list also shows the shared-service indicators for it, and says how many of them there are."</li>
            </ul>
        </section>
    }
}

/// A figure with the indicator's decimals and unit, or a dash.
fn figure(i: &gt_core::Indicator, x: Option<f64>) -> String {
    x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref()))
        .unwrap_or_else(|| "–".into())
}

fn measure_view(ds: &Dataset, c: &Comparison, period: Period) -> AnyView {
    let rows = c
        .councils
        .iter()
        .map(|f| {
            let i = f.at.indicator;
            let v = f.at.status.value;
            // No figure for the period: the latest one, as at its own period.
            let latest = f
                .at
                .latest
                .filter(|_| v.is_none_or(|v| v.actual.is_none()))
                .map(|(lv, s)| (figure(i, lv.actual), s, f.at.as_at));
            view! {
                <tr data-testid="compare-row" data-council=f.council.id.clone() data-status=f.at.rag().as_str()>
                    <th scope="row"><a href=Route::Indicator(i.id.clone()).href()>{f.council.name.clone()}</a></th>
                    <td data-label="Figure" class="gt-num" data-testid="compare-figure">{figure(i, v.and_then(|v| v.actual))}
                        {latest.map(|(x, s, as_at)| view! { <p class="gt-small gt-latest">"Latest: "{x}" "<RagTag rag=s.rag manual=s.manual/><AsAt as_at=as_at/></p> })}
                    </td>
                    <td data-label="Target" class="gt-num">{figure(i, v.and_then(|v| v.target))}</td>
                    <td data-label="Status"><RagTag rag=f.at.rag() manual=f.at.status.manual/></td>
                    <td data-label=SHORT_TERM><TravelText travel=f.at.short_term/></td>
                </tr>
            }
        })
        .collect_view();
    let first = c.councils.first().map(|f| f.at.indicator);
    let unit = first.and_then(|i| i.unit.clone());
    let polarity = first.map(|i| i.polarity.label());
    let missing = (!c.not_reported.is_empty()).then(|| {
        let names: Vec<&str> = c.not_reported.iter().map(|x| x.name.as_str()).collect();
        view! { <p class="gt-body" data-testid="not-reported">{format!("Not reported by {}.", gt_core::and_list(&names))}</p> }
    });
    let name = c.definition.name.clone();
    let chart_table = chart_table(c);
    view! {
        <section class="gt-compare__measure-section" aria-labelledby="compare-measure-heading" data-testid="compare-measure" data-definition=c.definition.id.clone()>
            <h2 class="gt-heading-l" id="compare-measure-heading">{name.clone()}</h2>
            {c.definition.description.clone().map(|d| view! { <p class="gt-body">{d}</p> })}
            {polarity.map(|p| view! { <p class="gt-hint">{p}{unit.clone().map(|u| format!(". Unit: {u}"))}</p> })}
            {missing}
            <div class="gt-table-wrap">
                <table class="gt-table gt-compare-table" data-testid="compare-table">
                    <caption class="gt-table__caption">{format!("{name}, {}", period.short_label())}</caption>
                    <thead><tr>
                        <th scope="col">"Council"</th>
                        <th scope="col" class="gt-num">"Figure"</th>
                        <th scope="col" class="gt-num">"Target"</th>
                        <th scope="col">"Status (its own council's rules)"</th>
                        <th scope="col">{SHORT_TERM}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3 class="gt-heading-m">"Over time"</h3>
            <CompareChart lines=lines(ds, c) periods=c.periods.clone() title=name unit=unit described_by="compare-chart-table-caption"/>
            {chart_table}
        </section>
    }
    .into_any()
}

/// The chart's figures as a table: a row per period, a column per council (figure and status).
fn chart_table(c: &Comparison) -> AnyView {
    if c.periods.is_empty() {
        return ().into_any();
    }
    let head = c
        .councils
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let (_, _, shape) = style_of(k);
            view! { <th scope="col">{f.council.name.clone()}<span class="gt-visually-hidden">{format!(" ({shape} on the chart)")}</span></th> }
        })
        .collect_view();
    let rows = c
        .periods
        .iter()
        .rev()
        .map(|p| {
            let cells = c
                .councils
                .iter()
                .map(|f| {
                    let i = f.at.indicator;
                    match f.at_period(p) {
                        Some((v, s)) => view! {
                            <td data-label=f.council.name.clone()>
                                <span class="gt-compare__fig">{figure(i, v.actual)}</span>" "
                                <span class="gt-hint gt-compare__tgt">{format!("target {}", figure(i, v.target))}</span>" "
                                <RagTag rag=s.rag manual=s.manual/>
                            </td>
                        }
                        .into_any(),
                        None => view! { <td data-label=f.council.name.clone()>"No figure"</td> }.into_any(),
                    }
                })
                .collect_view();
            view! { <tr data-testid="compare-chart-row"><th scope="row">{p.short_label()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <details class="gt-details gt-compare__chart-table" open>
            <summary class="gt-details__summary">"The chart's figures as a table"</summary>
            <div class="gt-table-wrap">
                <table class="gt-table" data-testid="compare-chart-table">
                    <caption class="gt-table__caption" id="compare-chart-table-caption">{format!("{}, each council's figure, target and status by period, newest first", c.definition.name)}</caption>
                    <thead><tr><th scope="col">"Period"</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
    .into_any()
}

fn grid_view(ds: &Dataset, g: &Grid, period: Period) -> AnyView {
    let head = g
        .councils
        .iter()
        .map(|c| view! { <th scope="col">{c.name.clone()}</th> })
        .collect_view();
    let cell = |council: &str, service: Option<&str>, counts: &gt_core::summary::RagCounts| {
        if counts.total() == 0 {
            return view! { <span class="gt-hint">"No indicators"</span> }.into_any();
        }
        view! {
            <ul class="gt-compare-counts">
                {ORDER.iter().filter(|r| counts.get(**r) > 0).map(|r| {
                    let n = counts.get(*r);
                    let inner = view! { <strong class="gt-compare-counts__n">{n}</strong>" "<RagTag rag=*r/> };
                    match service {
                        Some(s) => view! {
                            <li><a class="gt-compare-counts__link" href=list_link(council, s, *r, period) data-testid="grid-link"
                                data-council=council.to_string() data-service=s.to_string() data-status=r.as_str() data-count=n.to_string()>{inner}</a></li>
                        }.into_any(),
                        None => view! { <li data-testid="grid-total" data-council=council.to_string() data-status=r.as_str() data-count=n.to_string()>{inner}</li> }.into_any(),
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let rows = g
        .rows
        .iter()
        .map(|r| {
            let cells = r
                .cells
                .iter()
                .zip(&g.councils)
                .map(|(x, c)| match x {
                    GridCell::NotProvided => view! { <td data-label=c.name.clone() class="gt-compare-grid__none">"Not provided"</td> }.into_any(),
                    GridCell::Counts(n) => view! { <td data-label=c.name.clone()>{cell(&c.id, Some(&r.service.id), n)}</td> }.into_any(),
                })
                .collect_view();
            view! { <tr data-testid="grid-row" data-service=r.service.id.clone()><th scope="row">{r.service.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let totals = g
        .totals
        .iter()
        .zip(&g.councils)
        .map(|(n, c)| view! { <td data-label=c.name.clone()>{cell(&c.id, None, n)}</td> })
        .collect_view();
    let shared = Engine::new(ds, period).shared_counts().total();
    view! {
        <section class="gt-compare__grid-section" aria-labelledby="compare-grid-heading">
            <h2 class="gt-heading-l" id="compare-grid-heading">"Every indicator by service and council"</h2>
            <p class="gt-body">{format!("Each council's own indicators, counted by status for {}. Each count opens the list of those indicators.", period.short_label())}
                {(shared > 0).then(|| format!(" The {shared} shared-service indicators are counted in no council's column, as on the overview."))}</p>
            <div class="gt-table-wrap">
                <table class="gt-table gt-compare-grid" data-testid="compare-grid">
                    <caption class="gt-table__caption gt-visually-hidden">{format!("Indicators by service and council, counted by status, {}", period.short_label())}</caption>
                    <thead><tr><th scope="col">"Service"</th>{head}</tr></thead>
                    <tbody>
                        {rows}
                        <tr class="gt-compare-grid__total" data-testid="grid-totals"><th scope="row">"All services shown"</th>{totals}</tr>
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
