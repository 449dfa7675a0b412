//! One row of the indicator list (a card on a phone): the figures and statuses the engine
//! gives for the period, the sparkline of the trend and its direction in words.

use crate::components::chart::Sparkline;
use crate::components::draft::DraftFlag;
use crate::components::period::AsAt;
use crate::components::spc::SpcChip;
use crate::components::status::{DiffersMark, RagTag};
use crate::components::travel::TravelText;
use gt_core::engine::{Engine, LONG_TERM, SHORT_TERM};
use gt_core::filter::Row;
use gt_core::period::Period;
use gt_core::route::Route;
use gt_core::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

/// The row of `row.index`'s indicator for `period`; `changed` marks a figure edited here.
#[component]
pub fn IndicatorRow(
    ds: Arc<Dataset>,
    row: Row,
    period: Option<Period>,
    changed: bool,
) -> impl IntoView {
    let r = row;
    let ds = &*ds;
    let i = &ds.indicators[r.index];
    let fmt = |x: Option<f64>| {
        x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref()))
            .unwrap_or_else(|| "–".into())
    };
    // The council's code (or "Shared"), with its name (or "Shared service …").
    let council = ds.scope_short(&i.scope);
    let council_name = ds.scope_name(&i.scope);
    let at = period.map(|p| Engine::new(ds, p).indicator(i));
    let st = at.as_ref().and_then(|a| a.short_term);
    let lt = at.as_ref().and_then(|a| a.long_term);
    // Not due (or no figure yet) this period: the latest figure, as at its period.
    let latest = at
        .as_ref()
        .filter(|a| a.status.value.is_none_or(|v| v.actual.is_none()))
        .and_then(|a| a.latest.map(|(_, s)| (s, a.as_at)));
    // The trend up to the period: the sparkline and, in words, which way it went.
    let trend = period.map(|p| Engine::new(ds, p).trend(i));
    let spark = trend.as_ref().map(|t| t.values()).unwrap_or_default();
    let trend_words = trend
        .as_ref()
        .and_then(|t| t.describe())
        .unwrap_or_else(|| "No trend".into());
    view! {
        <tr data-testid="indicator-row" data-id=i.id.clone() data-status=r.rag.as_str() data-period=r.period.map(|p| p.id()).unwrap_or_default()>
            <td data-label="Indicator" class="gt-ind__name">
                <a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a>
                <span class="gt-ind__id">{i.id.clone()}{i.key.then_some(" · Key strategic indicator")}</span>
                {changed.then(|| view! { <DraftFlag what="row"/> })}
            </td>
            <td data-label="Council"><abbr title=council_name>{council}</abbr></td>
            <td data-label="Service">{ds.service_name(&i.service).to_string()}</td>
            <td data-label="Period" class="gt-nowrap">{r.period.map(|p| p.short_label()).unwrap_or_else(|| "–".into())}</td>
            <td data-label="Actual" class="gt-num">{fmt(r.actual)}</td>
            <td data-label="Target" class="gt-num">{fmt(r.target)}</td>
            <td data-label="Status"><RagTag rag=r.rag manual=r.manual/>{r.differs.map(|d| view! { <DiffersMark rules=d/> })}
                {latest.map(|(s, as_at)| view! { <p class="gt-small gt-latest" data-testid="row-latest">"Latest: "<RagTag rag=s.rag manual=s.manual/><AsAt as_at=as_at/></p> })}
                <SpcChip variation=r.spc/>
            </td>
            <td data-label=SHORT_TERM><TravelText travel=st short=true/></td>
            <td data-label=LONG_TERM><TravelText travel=lt short=true/></td>
            <td data-label="Trend" class="gt-ind__spark" data-testid="row-trend" data-trend=r.trend.map(|d| d.as_str()).unwrap_or("none")><Sparkline values=spark/><span class="gt-visually-hidden">{trend_words}</span></td>
        </tr>
    }
}
