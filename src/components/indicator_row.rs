//! One row of the indicator list (a card on a phone): the figures and statuses the engine
//! gives for the period, the sparkline of the trend and its direction in words. The cells are
//! set as HTML text in one go (`markup.rs`): building them node by node was most of the time a
//! filter change took.

use crate::components::markup;
use gt_core::filter::Row;
use gt_core::period::Period;
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
    let cells = markup::indicator_cells(&ds, &row, period, changed);
    let id = ds.indicators[row.index].id.clone();
    let status = row.rag.as_str();
    let shown = row.period.map(|p| p.id()).unwrap_or_default();
    view! {
        <tr data-testid="indicator-row" data-id=id data-status=status data-period=shown inner_html=cells></tr>
    }
}
