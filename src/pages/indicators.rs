//! The indicator list and an indicator's own page.

use crate::components::status::RagTag;
use crate::pages::status::NotInData;
use crate::state::{reporting_period, use_app, use_dataset};
use gt_core::rag::{status_at, value_status};
use gt_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let state = use_app();
    let ds = use_dataset();
    let rows = move || {
        let ds = ds.clone();
        let loc = state.location.get();
        let Some(p) = reporting_period(&ds, &loc) else {
            return view! { <p class="gt-body">"No figures yet."</p> }.into_any();
        };
        let council = loc.get("council").map(str::to_string);
        let tol = ds.tolerance_default();
        let shown: Vec<_> = ds
            .indicators
            .iter()
            .filter(|i| council.as_deref().is_none_or(|c| i.council == c))
            .collect();
        let total = ds.indicators.len();
        view! {
            <p class="gt-caption-l">{p.label()}</p>
            <p class="gt-body" role="status" data-testid="result-count">{format!("Showing {} of {} indicators", shown.len(), total)}</p>
            <table class="gt-table gt-table--indicators">
                <caption class="gt-table__caption gt-visually-hidden">{format!("Indicators, {}", p.short_label())}</caption>
                <thead><tr>
                    <th scope="col">"Indicator"</th><th scope="col">"Council"</th><th scope="col">"Service"</th>
                    <th scope="col" class="gt-num">"Actual"</th><th scope="col" class="gt-num">"Target"</th><th scope="col">"Status"</th>
                </tr></thead>
                <tbody>
                    {shown.into_iter().map(|i| {
                        let s = status_at(i, &p, tol);
                        let fmt = |x: Option<f64>| x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref())).unwrap_or_else(|| "–".into());
                        view! { <tr data-testid="indicator-row">
                            <td><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a><br/><span class="gt-secondary">{i.id.clone()}</span></td>
                            <td>{ds.council(&i.council).and_then(|c| c.short.clone()).unwrap_or_else(|| i.council.clone())}</td>
                            <td>{ds.service_name(&i.service).to_string()}</td>
                            <td class="gt-num">{fmt(s.value.and_then(|v| v.actual))}</td>
                            <td class="gt-num">{fmt(s.value.and_then(|v| v.target))}</td>
                            <td><RagTag rag=s.rag manual=s.manual/></td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
        }.into_any()
    };
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Indicators"</h1>
        {rows}
    }
}

#[component]
pub fn IndicatorPage(id: String) -> impl IntoView {
    let ds = use_dataset();
    let Some(ind) = ds.indicator(&id).cloned() else {
        return view! { <NotInData what="indicator" id=id back=Route::Indicators back_label="See all indicators"/> }.into_any();
    };
    let tol = ds.tolerance_default();
    let unit = ind.unit.clone();
    let fmt = move |x: Option<f64>| {
        x.map(|x| gt_core::fmt::value(x, ind.decimals, unit.as_deref()))
            .unwrap_or_else(|| "–".into())
    };
    view! {
        <p class="gt-caption-l">{format!("{} · {}", ds.service_name(&ind.service), ds.council_name(&ind.council))}</p>
        <h1 class="gt-heading-xl" data-testid="page-heading">{ind.name.clone()}</h1>
        <dl class="gt-summary-list gt-summary-list--dl">
            <div><dt>"Id"</dt><dd>{ind.id.clone()}</dd></div>
            <div><dt>"Which way is better"</dt><dd>{ind.polarity.label()}</dd></div>
            <div><dt>"How often"</dt><dd>{ind.frequency.label()}</dd></div>
            <div><dt>"Amber when"</dt><dd>{format!("missed, but {}", ind.tolerance_or(tol).describe(ind.unit.as_deref()))}</dd></div>
        </dl>
        <table class="gt-table">
            <caption class="gt-table__caption">"Figures by period"</caption>
            <thead><tr><th scope="col">"Period"</th><th scope="col" class="gt-num">"Actual"</th><th scope="col" class="gt-num">"Target"</th><th scope="col">"Status"</th><th scope="col">"Commentary"</th></tr></thead>
            <tbody>
                {ind.values.iter().rev().map(|v| {
                    let s = value_status(&ind, v, tol);
                    view! { <tr>
                        <th scope="row">{v.period.short_label()}</th>
                        <td class="gt-num">{fmt(v.actual)}</td>
                        <td class="gt-num">{fmt(v.target)}</td>
                        <td><RagTag rag=s.rag manual=s.manual/></td>
                        <td>{v.commentary.clone()}{v.reason.clone().map(|r| view! { <p><strong>"Reason: "</strong>{r}</p> })}{v.remedial_action.clone().map(|r| view! { <p><strong>"Remedial action: "</strong>{r}</p> })}</td>
                    </tr> }
                }).collect_view()}
            </tbody>
        </table>
        <p><a href=Route::Indicators.href()>"Back to all indicators"</a></p>
    }.into_any()
}
