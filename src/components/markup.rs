//! The indicator list's rows as HTML text, set on the table body in one go (`inner_html`),
//! because 50 rows built node by node cost most of a filter change (about 85 DOM nodes a row).
//! Each piece gives exactly the markup of its component (`RagTag`, `DiffersMark`, `DraftFlag`,
//! `AsAt`, `SpcChip`, `TravelText`, `Sparkline`): the shapes, arrows and sparkline geometry come
//! from the same functions as the components', and `tests/web.rs` checks each piece against
//! its component in the browser. Every text from the data is escaped.

use crate::components::chart::spark_geometry;
use crate::components::spc::spc_shape;
use crate::components::status::shape_inner;
use crate::components::travel::arrow;
use gt_core::engine::{Engine, Variation, LONG_TERM, SHORT_TERM};
use gt_core::filter::Row;
use gt_core::period::Period;
use gt_core::rag::Travel;
use gt_core::route::Route;
use gt_core::{Dataset, Rag};
use std::fmt::Write;

/// `s` safe as HTML text or inside a double-quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// [`crate::components::status::RagTag`].
pub fn rag_tag(rag: Rag, manual: bool) -> String {
    let kind = rag.as_str();
    format!(
        "<span class=\"gt-tag gt-tag--{kind}\" data-status=\"{kind}\"><svg class=\"gt-tag__shape\" viewBox=\"0 0 12 12\" aria-hidden=\"true\" focusable=\"false\" fill=\"currentColor\">{}</svg><span class=\"gt-tag__word\">{}</span>{}</span>",
        shape_inner(kind),
        rag.label(),
        if manual {
            "<span class=\"gt-tag__manual\" title=\"Status set by hand\"> (set by hand)</span>"
        } else {
            ""
        }
    )
}

/// [`crate::components::status::DiffersMark`].
pub fn differs_mark(rules: Rag) -> String {
    format!(
        "<span class=\"gt-differs\" data-testid=\"differs\" data-rules=\"{}\"><svg class=\"gt-differs__shape\" viewBox=\"0 0 12 12\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M2 1 V11 M2 1.5 H10 L8 4 L10 6.5 H2\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.6\"></path></svg>Differs from the rules, which give <strong>{}</strong></span>",
        rules.as_str(),
        rules.colour_word()
    )
}

/// [`crate::components::draft::DraftFlag`].
pub fn draft_flag(what: &str) -> String {
    format!("<strong class=\"gt-draft-flag\" data-testid=\"draft-flag\">Draft<span class=\"gt-visually-hidden\">: this {what} includes a change not in the published data</span></strong>")
}

/// [`crate::components::period::AsAt`].
pub fn as_at(as_at: Option<Period>) -> String {
    as_at
        .map(|p| {
            format!(
                "<span class=\"gt-as-at\" data-testid=\"as-at\" data-period=\"{}\">as at {}</span>",
                p.id(),
                p.short_label()
            )
        })
        .unwrap_or_default()
}

/// [`crate::components::spc::SpcChip`].
pub fn spc_chip(variation: Option<Variation>) -> String {
    let Some(v) = variation.filter(|v| *v != Variation::CommonCause) else {
        return String::new();
    };
    format!(
        "<p class=\"gt-small gt-spc-chip gt-spc-chip--{k}\" data-testid=\"spc-chip\" data-variation=\"{k}\"><span aria-hidden=\"true\">{} </span>{}</p>",
        spc_shape(v),
        v.label(),
        k = v.as_str()
    )
}

/// [`crate::components::travel::TravelText`].
pub fn travel_text(travel: Option<Travel>, short: bool) -> String {
    let Some(t) = travel else {
        return "<span class=\"gt-travel gt-travel--none\">–<span class=\"gt-visually-hidden\">No comparison</span></span>".into();
    };
    let (cls, arrow) = arrow(t.direction);
    let text = if short {
        t.direction.label().to_string()
    } else {
        t.describe()
    };
    let since = if short {
        format!(
            "<span class=\"gt-visually-hidden\"> since {}</span>",
            t.since.short_label()
        )
    } else {
        String::new()
    };
    format!(
        "<span class=\"gt-travel gt-travel--{cls}\" data-direction=\"{}\" title=\"{}\"><span class=\"gt-travel__arrow\" aria-hidden=\"true\">{arrow}</span> {text}{since}</span>",
        t.direction.as_str(),
        t.describe()
    )
}

/// [`crate::components::chart::Sparkline`].
pub fn sparkline(values: &[Option<f64>]) -> String {
    match spark_geometry(values) {
        None => "<span class=\"gt-spark gt-spark--empty\" aria-hidden=\"true\"></span>".into(),
        Some(g) => format!(
            "<svg class=\"gt-spark\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" aria-hidden=\"true\" focusable=\"false\"><path d=\"{}\"></path><circle cx=\"{}\" cy=\"{}\" r=\"2.5\"></circle></svg>",
            g.path,
            g.cx,
            g.cy,
            w = g.width,
            h = g.height
        ),
    }
}

/// The list's row for `r` at `period`: a card on a phone. `changed` marks a figure edited in
/// this browser.
pub fn indicator_row(ds: &Dataset, r: &Row, period: Option<Period>, changed: bool) -> String {
    let i = &ds.indicators[r.index];
    let fmt = |x: Option<f64>| {
        x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref()))
            .unwrap_or_else(|| "–".into())
    };
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

    let mut h = String::with_capacity(2048);
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<tr data-testid=\"indicator-row\" data-id=\"{}\" data-status=\"{}\" data-period=\"{}\">",
        escape(&i.id),
        r.rag.as_str(),
        r.period.map(|p| p.id()).unwrap_or_default()
    );
    let _ = write!(
        h,
        "<td data-label=\"Indicator\" class=\"gt-ind__name\"><a href=\"{}\">{}</a><span class=\"gt-ind__id\">{}{}</span>{}</td>",
        escape(&Route::Indicator(i.id.clone()).href()),
        escape(&i.name),
        escape(&i.id),
        if i.key { " · Key strategic indicator" } else { "" },
        if changed { draft_flag("row") } else { String::new() }
    );
    // The council's code (or "Shared"), with its name (or "Shared service …").
    let _ = write!(
        h,
        "<td data-label=\"Council\"><abbr title=\"{}\">{}</abbr></td><td data-label=\"Service\">{}</td><td data-label=\"Period\" class=\"gt-nowrap\">{}</td><td data-label=\"Actual\" class=\"gt-num\">{}</td><td data-label=\"Target\" class=\"gt-num\">{}</td>",
        escape(&ds.scope_name(&i.scope)),
        escape(&ds.scope_short(&i.scope)),
        escape(ds.service_name(&i.service)),
        r.period.map(|p| p.short_label()).unwrap_or_else(|| "–".into()),
        escape(&fmt(r.actual)),
        escape(&fmt(r.target)),
    );
    let _ = write!(
        h,
        "<td data-label=\"Status\">{}{}{}{}</td>",
        rag_tag(r.rag, r.manual),
        r.differs.map(differs_mark).unwrap_or_default(),
        latest
            .map(|(s, as_at_p)| format!(
                "<p class=\"gt-small gt-latest\" data-testid=\"row-latest\">Latest: {}{}</p>",
                rag_tag(s.rag, s.manual),
                as_at(as_at_p)
            ))
            .unwrap_or_default(),
        spc_chip(r.spc)
    );
    let _ = write!(
        h,
        "<td data-label=\"{SHORT_TERM}\">{}</td><td data-label=\"{LONG_TERM}\">{}</td><td data-label=\"Trend\" class=\"gt-ind__spark\" data-testid=\"row-trend\" data-trend=\"{}\">{}<span class=\"gt-visually-hidden\">{}</span></td>",
        travel_text(st, true),
        travel_text(lt, true),
        trend
            .as_ref()
            .and_then(|t| t.direction)
            .map(|d| d.as_str())
            .unwrap_or("none"),
        sparkline(&spark),
        escape(&trend_words)
    );
    h.push_str("</tr>");
    h
}
