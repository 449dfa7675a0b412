//! An indicator's chart of real change (statistical process control, an XmR chart) with its
//! verdicts in words and a table of the same points. The core ([`gt_core::engine::spc`])
//! decides every figure and verdict; this only draws them.

use crate::components::chart::{shown_width, CHAR, NARROWEST};
use gt_core::axis::{nice_axis, thin_labels};
use gt_core::engine::{Spc, Variation, Xmr};
use gt_core::Indicator;
use leptos::prelude::*;

/// A point's mark: a plain dot for common cause; for a special cause a shape that says which
/// (improvement ▲, concern ■, neither ◆), as the key and the table say in words.
fn mark(v: Variation, x: f64, y: f64, title: String) -> AnyView {
    let r = 6.0;
    let shape = match v {
        Variation::CommonCause => view! { <circle class="gt-spc__pt" cx=x cy=y r=r - 2.0/> }.into_any(),
        Variation::Improvement => view! { <path class="gt-spc__pt gt-spc__pt--improvement" d=format!("M{x} {} L{} {} L{} {} Z", y - r - 2.0, x + r + 1.0, y + r, x - r - 1.0, y + r)/> }.into_any(),
        Variation::Concern => view! { <rect class="gt-spc__pt gt-spc__pt--concern" x=x - r y=y - r width=r * 2.0 height=r * 2.0/> }.into_any(),
        Variation::Neither => view! { <path class="gt-spc__pt gt-spc__pt--neither" d=format!("M{x} {} L{} {y} L{x} {} L{} {y} Z", y - r - 1.0, x + r + 1.0, y + r + 1.0, x - r - 1.0)/> }.into_any(),
    };
    view! { <g data-testid="spc-point" data-special=v.as_str()><title>{title}</title>{shape}</g> }
        .into_any()
}

/// The chart of real change for an indicator, or the plain reason there is none.
#[component]
pub fn SpcView(spc: Spc, indicator: Indicator) -> impl IntoView {
    let x = match spc {
        Spc::Chart(x) => x,
        other => {
            return view! {
                <p class="gt-body gt-spc__none" data-testid="spc-message">{other.message().unwrap_or_default()}</p>
            }
            .into_any()
        }
    };
    let ind = indicator;
    let fmt = {
        let ind = ind.clone();
        move |v: f64| gt_core::fmt::value(v, ind.decimals, ind.unit.as_deref())
    };
    let table_id = format!("spc-table-{}", ind.id);
    let figure = NodeRef::<leptos::html::Figure>::new();
    let width = shown_width(figure);
    let verdicts = view! {
        <dl class="gt-summary-list gt-summary-list--dl gt-spc__verdicts" data-testid="spc-verdict">
            <div><dt>"Variation"</dt><dd data-testid="spc-variation" data-variation=x.variation.as_str()>
                <strong>{x.variation.label()}</strong><p class="gt-body">{x.variation.meaning()}</p></dd></div>
            <div><dt>"Assurance"</dt><dd data-testid="spc-assurance" data-assurance=x.assurance.map(|a| a.as_str()).unwrap_or("none")>{match x.assurance {
                Some(a) => view! { <strong>{a.label()}</strong><p class="gt-body">{a.meaning()}</p> }.into_any(),
                None => view! { "No target to compare the limits with." }.into_any(),
            }}</dd></div>
            <div><dt>"Mean and limits"</dt><dd data-testid="spc-limits">{format!(
                "Mean {}; the figures usually fall between {} and {} (the process limits, from {} points, {} to {}).",
                fmt(x.mean), fmt(x.lower), fmt(x.upper), x.points.len(),
                x.points.first().map(|p| p.0.short_label()).unwrap_or_default(),
                x.points.last().map(|p| p.0.short_label()).unwrap_or_default())}</dd></div>
        </dl>
    };
    let key = view! {
        <figcaption class="gt-chart__key">
            <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" class="gt-spc__mean"/></svg>"Mean"</span>
            <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" class="gt-spc__limit"/></svg>"Process limits"</span>
            {x.target.map(|_| view! { <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" class="gt-chart__target"/></svg>"Target"</span> })}
            <span class="gt-chart__key-item">"Points: ● common cause, ▲ special cause: improvement, ■ special cause: concern, ◆ special cause (no better or worse)"</span>
        </figcaption>
    };
    let rows = x
        .points
        .iter()
        .enumerate()
        .map(|(k, (p, v))| {
            let kind = x.point(k);
            let range = (k > 0).then(|| fmt((v - x.points[k - 1].1).abs()));
            view! {
                <tr data-testid="spc-row" data-period=p.id() data-special=kind.as_str()>
                    <th scope="row" class="gt-nowrap">{p.short_label()}</th>
                    <td data-label="Figure" class="gt-num">{fmt(*v)}</td>
                    <td data-label="Moving range" class="gt-num">{range.unwrap_or_else(|| "–".into())}</td>
                    <td data-label="Special cause">{match x.point_words(k) {
                        Some(w) => format!("{}: {w}", kind.label()),
                        None => "Common cause".to_string(),
                    }}</td>
                </tr>
            }
        })
        .collect_view();
    let svg_x = x.clone();
    let svg_ind = ind.clone();
    let described = table_id.clone();
    view! {
        {verdicts}
        <figure class="gt-chart gt-spc" node_ref=figure>
            {move || spc_svg(&svg_x, &svg_ind, &described, width.get())}
            {key}
        </figure>
        <details class="gt-details" data-testid="spc-table-details">
            <summary class="gt-details__summary">"The chart's points as a table"</summary>
            <div class="gt-table-wrap" role="region" aria-label="Points of the chart of real change" tabindex="0">
            <table class="gt-table" id=table_id data-testid="spc-table">
                <caption class="gt-table__caption">{format!("Points of the chart of real change, oldest first. Mean {}, lower limit {}, upper limit {}.", fmt(x.mean), fmt(x.lower), fmt(x.upper))}</caption>
                <thead><tr>
                    <th scope="col">"Period"</th>
                    <th scope="col" class="gt-num">"Figure"</th>
                    <th scope="col" class="gt-num">"Moving range"</th>
                    <th scope="col">"Special cause"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        </details>
    }
    .into_any()
}

/// The XmR chart's SVG, `w` pixels wide.
fn spc_svg(x: &Xmr, ind: &Indicator, described_by: &str, w: f64) -> AnyView {
    let w = w.round().max(NARROWEST);
    let h = (w * 0.45).clamp(220.0, 300.0).round();
    let n = x.points.len();
    let mut lo = x.lower;
    let mut hi = x.upper;
    for v in x.points.iter().map(|p| p.1).chain(x.target) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let percent = ind.unit.as_deref().map(str::trim) == Some("%");
    let axis = nice_axis(lo, hi, 6, percent);
    let (lo, hi) = (axis.lo.min(lo), axis.hi.max(hi));
    let tick = |v: f64| gt_core::fmt::value(v, Some(axis.decimals), ind.unit.as_deref());
    let widest_tick = axis
        .ticks
        .iter()
        .map(|t| tick(*t).chars().count())
        .max()
        .unwrap_or(0) as f64;
    let label_w = |k: usize| x.points[k].0.short_label().chars().count() as f64 * CHAR;
    let widest = (0..n).map(label_w).fold(0.0, f64::max);
    // Room on the right for the line names ("Upper limit").
    let (left, right, top, bottom) = (
        (widest_tick * CHAR + 14.0)
            .max(widest / 2.0 + 4.0)
            .max(40.0),
        (11.0 * CHAR + 12.0).max(widest / 2.0 + 4.0),
        20.0,
        40.0,
    );
    let x_at = move |k: usize| {
        if n <= 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * k as f64 / (n - 1) as f64
        }
    };
    let y_at = move |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let line: String = x
        .points
        .iter()
        .enumerate()
        .map(|(k, (_, v))| {
            format!(
                "{}{:.1} {:.1}",
                if k == 0 { "M" } else { " L" },
                x_at(k),
                y_at(*v)
            )
        })
        .collect();
    let fmt = |v: f64| gt_core::fmt::value(v, ind.decimals, ind.unit.as_deref());
    let points: Vec<AnyView> = x
        .points
        .iter()
        .enumerate()
        .map(|(k, (p, v))| {
            let kind = x.point(k);
            let title = match x.point_words(k) {
                Some(words) => format!(
                    "{}: {}. {}: {words}",
                    p.short_label(),
                    fmt(*v),
                    kind.label()
                ),
                None => format!("{}: {}. Common cause", p.short_label(), fmt(*v)),
            };
            mark(kind, x_at(k), y_at(*v), title)
        })
        .collect();
    let end = w - right;
    // The lines' names at their right ends, moved apart where two would overlap.
    let mut lines: Vec<(f64, &'static str, &'static str)> = vec![
        (x.upper, "gt-spc__limit", "Upper limit"),
        (x.mean, "gt-spc__mean", "Mean"),
        (x.lower, "gt-spc__limit", "Lower limit"),
    ];
    if let Some(t) = x.target {
        lines.push((t, "gt-chart__target", "Target"));
    }
    gt_core::order::sort_by(&mut lines, &|a, b| b.0.total_cmp(&a.0));
    let mut label_y: Vec<f64> = Vec::new();
    for (v, _, _) in &lines {
        let y = y_at(*v) + 5.0;
        let y = label_y.last().map_or(y, |above: &f64| y.max(above + 16.0));
        label_y.push(y);
    }
    let hlines = lines
        .iter()
        .zip(label_y)
        .map(|((v, class, name), ly)| {
            view! {
                <line class=*class x1=left x2=end y1=y_at(*v) y2=y_at(*v)/>
                <text class="gt-chart__label" x=end + 6.0 y=ly>{*name}</text>
            }
        })
        .collect_view();
    let labelled = thin_labels(n, w - left - right, widest + 18.0);
    let title_id = format!("spc-title-{}", ind.id);
    let desc_id = format!("spc-desc-{}", ind.id);
    let desc = format!(
        "Chart of real change (XmR chart) of {} figures: mean {}, process limits {} and {}. {}. The same points are in the table below.",
        n,
        fmt(x.mean),
        fmt(x.lower),
        fmt(x.upper),
        x.variation.label()
    );
    view! {
        <svg class="gt-chart__svg" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby=format!("{title_id} {desc_id}") aria-describedby=described_by.to_string() data-testid="spc-chart">
            <title id=title_id.clone()>{format!("Chart of real change: {}", ind.name)}</title>
            <desc id=desc_id.clone()>{desc}</desc>
            {axis.ticks.iter().map(|t| view! {
                <line class="gt-chart__grid" x1=left x2=end y1=y_at(*t) y2=y_at(*t)/>
                <text class="gt-chart__tick" x=left - 8.0 y=y_at(*t) + 5.0 text-anchor="end">{tick(*t)}</text>
            }).collect_view()}
            {hlines}
            <path class="gt-spc__line" d=line/>
            {points}
            {labelled.into_iter().map(|k| {
                let half = label_w(k) / 2.0 + 2.0;
                let at = x_at(k).clamp(half, w - half);
                view! { <text class="gt-chart__tick" x=at y=h - bottom + 24.0 text-anchor="middle">{x.points[k].0.short_label()}</text> }
            }).collect_view()}
        </svg>
    }
    .into_any()
}

/// The shape beside a special-cause verdict (one place for the chip and `markup.rs`).
pub fn spc_shape(v: Variation) -> &'static str {
    match v {
        Variation::Improvement => "▲",
        Variation::Concern => "■",
        _ => "◆",
    }
}

/// A row's mark in the indicator list when its latest figure is a special cause: a word and a
/// shape, as on the chart; nothing for common cause or no chart.
#[component]
pub fn SpcChip(variation: Option<Variation>) -> impl IntoView {
    let v = variation.filter(|v| *v != Variation::CommonCause)?;
    let shape = spc_shape(v);
    Some(view! {
        <p class=format!("gt-small gt-spc-chip gt-spc-chip--{}", v.as_str()) data-testid="spc-chip" data-variation=v.as_str()>
            <span aria-hidden="true">{shape}" "</span>{v.label()}
        </p>
    })
}
