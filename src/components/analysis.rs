//! The analysis on an indicator's page: the chart of real change (statistical process
//! control) and the year-end forecast, both as at the period in view, from the engine.

use crate::components::forecast::ForecastBox;
use crate::components::spc::SpcView;
use gt_core::engine::Engine;
use gt_core::{Dataset, Indicator, Period};
use leptos::prelude::*;

#[component]
pub fn IndicatorAnalysis(
    ds: std::sync::Arc<Dataset>,
    indicator: Indicator,
    period: Option<Period>,
) -> impl IntoView {
    let Some(p) = period else {
        return ().into_any();
    };
    let e = Engine::new(&ds, p);
    let spc = e.spc(&indicator);
    let forecast = e.forecast(&indicator);
    view! {
        <section class="gt-analysis" aria-labelledby="spc-heading" data-testid="spc-section">
            <h2 class="gt-heading-l" id="spc-heading">"Real change or the usual ups and downs?"</h2>
            <p class="gt-body">{format!("A chart of real change (statistical process control) of every figure up to {}: the mean, the limits the figures usually fall between, and the points that show a real change by the rules of the NHS \"Making Data Count\" programme.", p.short_label())}</p>
            <SpcView spc=spc indicator=indicator.clone()/>
        </section>
        {forecast.map(|f| view! {
            <section class="gt-analysis" aria-labelledby="forecast-heading">
                <h2 class="gt-heading-l" id="forecast-heading">"Year-end forecast"</h2>
                <ForecastBox forecast=f indicator=indicator.clone()/>
            </section>
        })}
    }
    .into_any()
}
