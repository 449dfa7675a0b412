//! The export: returns written out in the layout the reader reads, and the list view with the
//! engine's answers.

use super::columns::Field;
use super::find::scope_cell;
use super::merge::period_fits;
use super::rfc4180::{csv_line, guard_formula};
use crate::draft::Draft;
use crate::model::*;
use crate::number::write_number;
use crate::period::Period;

/// The word in the draft column of a row that differs from the published data.
pub const DRAFT_CELL: &str = "Draft";

/// The last column of an export made while the data shown includes changes not in the
/// published data: its heading is the draft's headline ("Draft: includes 1 change not in the
/// published data"), so the file says it is a draft in its first row, and each row that
/// differs says [`DRAFT_CELL`]. The heading is no column a return is read from, so the file
/// still imports as a return (the column is ignored). None when there is no draft.
pub fn draft_heading(draft: &Draft) -> Option<String> {
    (!draft.is_empty()).then(|| draft.headline())
}

/// Adds the draft column to lines written by `csv_line` (header first), when there is one.
fn mark(lines: Vec<(String, bool)>, draft: &Draft) -> String {
    let mut out = String::from("\u{feff}");
    let heading = draft_heading(draft);
    for (i, (line, changed)) in lines.into_iter().enumerate() {
        match &heading {
            None => out.push_str(&line),
            Some(h) => {
                let cell = if i == 0 {
                    h.as_str()
                } else if changed {
                    DRAFT_CELL
                } else {
                    ""
                };
                out.push_str(line.trim_end_matches("\r\n"));
                out.push(',');
                out.push_str(&csv_line(&[cell]));
            }
        }
    }
    out
}

/// Writes indicators' values as a CSV return in the layout [`read_returns`](super::read_returns) reads: a header row,
/// then one row per indicator per period. With `periods`, one row for each listed period that
/// fits the indicator's frequency, blank where there is no value yet (a template to fill in);
/// without, one row per value. UTF-8 with a byte-order mark (so Excel reads "£" and accents),
/// CRLF line ends, RFC 4180 quoting, numbers written plainly, periods as ids, council and
/// service as ids, the status only when set by hand, and text cells guarded against formula
/// injection ([`guard_formula`]).
pub fn export_returns(
    ds: &Dataset,
    indicators: &[&Indicator],
    periods: Option<&[Period]>,
) -> String {
    export_returns_marked(ds, indicators, periods, &Draft::default())
}

/// [`export_returns`], with the draft column ([`draft_heading`]) when `draft` is not empty:
/// each row whose figure differs from the published data says Draft.
pub fn export_returns_marked(
    ds: &Dataset,
    indicators: &[&Indicator],
    periods: Option<&[Period]>,
    draft: &Draft,
) -> String {
    let mut lines = vec![(csv_line(&Field::EXPORT.map(|f| f.name())), false)];
    for ind in indicators {
        match periods {
            None => {
                let mut values: Vec<&IndicatorValue> = ind.values.iter().collect();
                crate::order::sort_by_key(&mut values, &|v| v.period);
                for v in values {
                    lines.push((
                        export_row(ind, &v.period, Some(v)),
                        draft.figure(&ind.id, &v.period),
                    ));
                }
            }
            Some(ps) => {
                let mut ps: Vec<Period> = ps.to_vec();
                crate::order::sort(&mut ps);
                ps.dedup();
                for p in ps.iter().filter(|p| period_fits(ind.frequency, p)) {
                    lines.push((export_row(ind, p, ind.value(p)), draft.figure(&ind.id, p)));
                }
            }
        }
    }
    // `ds` is not needed for the rows today (council and service are written as ids); it stays
    // in the signature so that the layout can grow (e.g. names beside ids) without callers changing.
    let _ = ds;
    mark(lines, draft)
}

/// The headings of the columns [`export_view`] adds after a return's: what the reporting
/// engine says of each row, in the words every page and the pack use. None of them is a
/// column the reader takes, so the file imports again as a return.
pub const VIEW_COLUMNS: [&str; 6] = [
    "Status shown",
    "Status by the rules",
    crate::engine::SHORT_TERM,
    crate::engine::LONG_TERM,
    "Trend",
    "Latest figure as at",
];

/// The indicator's own period (of its frequency) that reports for `period`: the period of
/// the value the engine rated when there is one, else the month, quarter or year of the
/// indicator's frequency that `period` ends in.
fn row_period(ind: &Indicator, period: &Period, rated: Option<&IndicatorValue>) -> Period {
    if let Some(v) = rated {
        return v.period;
    }
    let (y, m) = {
        let end = period.end();
        use chrono::Datelike;
        (end.year(), end.month() as u8)
    };
    let month = Period::Month { year: y, month: m };
    match ind.frequency {
        Frequency::Monthly => month,
        Frequency::Quarterly => month.quarter().unwrap_or(*period),
        Frequency::Annual | Frequency::Biennial => Period::Year {
            fy: month.financial_year(),
        },
    }
}

/// The indicator list's current view as CSV: one row per indicator in view, in the view's
/// order, each the return's row [`export_returns`] writes for the indicator's period that
/// reports for `period` (the month, quarter or year the list's Period column shows), followed
/// by the engine's answer as at the period: the status the list shows (set by hand or by the
/// rules), the status by the rules, its directions of travel since the previous figure and
/// since a year earlier ("Improved since Q1 2019/20"), its trend, and the period of the latest
/// figure when it is older than the period.
pub fn export_view(ds: &Dataset, indicators: &[&Indicator], period: &Period) -> String {
    export_view_marked(ds, indicators, period, &Draft::default())
}

/// [`export_view`], with the draft column ([`draft_heading`]) when `draft` is not empty: each
/// row where what the engine says as at the period differs from the published data (or whose
/// figure for the period does) says Draft.
pub fn export_view_marked(
    ds: &Dataset,
    indicators: &[&Indicator],
    period: &Period,
    draft: &Draft,
) -> String {
    let engine = crate::engine::Engine::new(ds, *period);
    let mut head: Vec<&str> = Field::EXPORT.iter().map(|f| f.name()).collect();
    head.extend(VIEW_COLUMNS);
    let mut lines = vec![(csv_line(&head), false)];
    for ind in indicators {
        let at = engine.indicator(ind);
        let p = row_period(ind, period, at.status.value);
        let row = export_row(ind, &p, ind.value(&p));
        let travel = |t: Option<crate::rag::Travel>| t.map(|t| t.describe()).unwrap_or_default();
        let shown = if at.status.manual {
            format!("{} (set by hand)", at.status.rag.label())
        } else {
            at.status.rag.label().to_string()
        };
        let extra = csv_line(&[
            shown,
            at.status.computed.label().to_string(),
            travel(at.short_term),
            travel(at.long_term),
            engine.trend(ind).describe().unwrap_or_default(),
            at.as_at.map(|p| p.short_label()).unwrap_or_default(),
        ]);
        // One line: the return's cells, then the engine's.
        lines.push((
            format!("{},{extra}", row.trim_end_matches("\r\n")),
            draft.indicator_at(&ind.id, period),
        ));
    }
    mark(lines, draft)
}

/// Every value of every indicator in the dataset, as [`export_returns`] writes them.
pub fn export_all(ds: &Dataset) -> String {
    export_all_marked(ds, &Draft::default())
}

/// [`export_all`], with the draft column when the data includes changes not in the published
/// data ([`export_returns_marked`]).
pub fn export_all_marked(ds: &Dataset, draft: &Draft) -> String {
    let inds: Vec<&Indicator> = ds.indicators.iter().collect();
    export_returns_marked(ds, &inds, None, draft)
}

fn export_row(ind: &Indicator, period: &Period, v: Option<&IndicatorValue>) -> String {
    let text = |s: Option<&str>| guard_formula(s.unwrap_or("")).into_owned();
    let num = |x: Option<f64>| x.map(write_number).unwrap_or_default();
    let cells: Vec<String> = Field::EXPORT
        .iter()
        .map(|f| match f {
            Field::IndicatorId => text(Some(&ind.id)),
            Field::Indicator => text(Some(&ind.name)),
            Field::Council => text(Some(&scope_cell(&ind.scope))),
            Field::Organisation | Field::Direction => String::new(),
            Field::Service => text(Some(&ind.service)),
            Field::Frequency => ind.frequency.as_str().to_string(),
            Field::Polarity => ind.polarity.as_str().to_string(),
            Field::Unit => text(ind.unit.as_deref()),
            Field::Period => period.id(),
            Field::Target => num(v.and_then(|v| v.target)),
            Field::Actual => num(v.and_then(|v| v.actual)),
            Field::Rag => v
                .and_then(|v| v.rag)
                .map(|r| r.as_str().to_string())
                .unwrap_or_default(),
            Field::RagJustification => text(v.and_then(|v| v.rag_justification.as_deref())),
            Field::Commentary => text(v.and_then(|v| v.commentary.as_deref())),
            Field::Reason => text(v.and_then(|v| v.reason.as_deref())),
            Field::RemedialAction => text(v.and_then(|v| v.remedial_action.as_deref())),
        })
        .collect();
    csv_line(&cells)
}
