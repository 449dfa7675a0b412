//! The year-end forecast box on an indicator's page: the forecast outturn and its range, the
//! method in words, and the forecast's status against the annual target (from
//! [`gt_core::engine::forecast`]).

use crate::components::status::RagTag;
use gt_core::engine::Forecast;
use gt_core::{Indicator, Rag};
use leptos::prelude::*;

#[component]
pub fn ForecastBox(forecast: Forecast, indicator: Indicator) -> impl IntoView {
    let f = forecast;
    let i = indicator;
    let rated = f.annual_target.is_some() && f.status != Rag::DataOnly;
    view! {
        <div class="gt-forecast" data-testid="forecast" data-status=f.status.as_str() data-method=f.method.as_str()>
            <p class="gt-forecast__headline" data-testid="forecast-headline">{f.headline(&i)}</p>
            <p data-testid="forecast-status">
                {rated.then(|| view! { <RagTag rag=f.status/>" "})}
                {f.status_words(&i)}
            </p>
            <dl class="gt-summary-list gt-summary-list--dl">
                <div><dt>"Method"</dt><dd data-testid="forecast-method">{f.method_words.clone()}</dd></div>
                <div><dt>"Range"</dt><dd>{f.range_words.clone()}</dd></div>
                <div><dt>"Based on"</dt><dd>{format!("Figures for {} of the year's {} {}, to {}.", f.so_far, f.in_year, if f.in_year == 12 { "months" } else { "quarters" }, f.latest.short_label())}</dd></div>
            </dl>
        </div>
    }
}
