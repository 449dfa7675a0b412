//! Charts in SVG (no canvas): an indicator's trend, and the small sparkline in table rows.
//! Every chart has a text alternative: a title and description, and a data table beside it.

use gt_core::axis::{nice_axis, thin_labels};
use gt_core::engine::figure_status;
use gt_core::{Dataset, Indicator, Polarity, Rag, Tolerance};
use leptos::prelude::*;

fn shape_at(rag: Rag, x: f64, y: f64) -> AnyView {
    let r = 6.0;
    match rag {
        Rag::Green => view! { <circle class="gt-chart__pt gt-chart__pt--green" cx=x cy=y r=r/> }.into_any(),
        Rag::Amber => view! { <path class="gt-chart__pt gt-chart__pt--amber" d=format!("M{x} {} L{} {} L{} {} Z", y - r - 1.0, x + r + 1.0, y + r, x - r - 1.0, y + r)/> }.into_any(),
        Rag::Red => view! { <rect class="gt-chart__pt gt-chart__pt--red" x=x - r y=y - r width=r * 2.0 height=r * 2.0/> }.into_any(),
        _ => view! { <circle class="gt-chart__pt gt-chart__pt--none" cx=x cy=y r=r - 1.0/> }.into_any(),
    }
}

/// The amber band for a target: (low, high) of values that would be Amber.
fn band(polarity: Polarity, target: f64, tol: Tolerance) -> Option<(f64, f64)> {
    let w = match tol {
        Tolerance::Percent(p) => target.abs() * p / 100.0,
        Tolerance::Absolute(a) => a,
    };
    match polarity {
        Polarity::Higher => Some((target - w, target)),
        Polarity::Lower => Some((target, target + w)),
        Polarity::None => None,
    }
}

/// The trend of one indicator: actual per period (points shaped by status), the target as a
/// dashed line, and the Amber band shaded.
#[component]
pub fn TrendChart(
    ds: std::sync::Arc<Dataset>,
    indicator: Indicator,
    default_tolerance: Tolerance,
    #[prop(into)] described_by: String,
) -> impl IntoView {
    let ind = indicator;
    let tol = ind.tolerance_or(default_tolerance);
    let (w, h) = (760.0_f64, 300.0_f64);
    let (left, right, top, bottom) = (64.0, 44.0, 20.0, 46.0);
    let n = ind.values.len();
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for v in &ind.values {
        for x in [v.actual, v.target].into_iter().flatten() {
            lo = lo.min(x);
            hi = hi.max(x);
        }
        if let Some((a, b)) = v.target.and_then(|t| band(ind.polarity, t, tol)) {
            lo = lo.min(a);
            hi = hi.max(b);
        }
    }
    if !lo.is_finite() {
        return view! { <p class="gt-body">"No figures to chart yet."</p> }.into_any();
    }
    // Round ticks; a percentage axis stays within 0-100.
    let percent = ind.unit.as_deref().map(str::trim) == Some("%");
    let axis = nice_axis(lo, hi, 6, percent);
    let (lo, hi) = (axis.lo, axis.hi);
    let x_at = move |i: usize| {
        if n <= 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * i as f64 / (n - 1) as f64
        }
    };
    let y_at = move |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let ticks = axis.ticks.clone();
    let fmt_tick = {
        let unit = ind.unit.clone();
        let dec = axis.decimals;
        move |v: f64| gt_core::fmt::value(v, Some(dec), unit.as_deref())
    };
    let actual_path: String = ind
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.actual.map(|a| (i, a)))
        .enumerate()
        .map(|(k, (i, a))| {
            format!(
                "{}{:.1} {:.1}",
                if k == 0 { "M" } else { " L" },
                x_at(i),
                y_at(a)
            )
        })
        .collect();
    let target_path: String = ind
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.target.map(|t| (i, t)))
        .enumerate()
        .map(|(k, (i, t))| {
            format!(
                "{}{:.1} {:.1}",
                if k == 0 { "M" } else { " L" },
                x_at(i),
                y_at(t)
            )
        })
        .collect();
    // The amber band as one polygon following the targets.
    let bands: Vec<(usize, f64, f64)> = ind
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.target
                .and_then(|t| band(ind.polarity, t, tol))
                .map(|(a, b)| (i, a, b))
        })
        .collect();
    let band_path = if bands.len() >= 2 {
        let upper: Vec<String> = bands
            .iter()
            .map(|(i, _, b)| format!("{:.1} {:.1}", x_at(*i), y_at(*b)))
            .collect();
        let lower: Vec<String> = bands
            .iter()
            .rev()
            .map(|(i, a, _)| format!("{:.1} {:.1}", x_at(*i), y_at(*a)))
            .collect();
        Some(format!("M{} L{} Z", upper.join(" L"), lower.join(" L")))
    } else {
        None
    };
    // Period labels thinned so none overlap: about 8 units a character at 13 px, plus room.
    let widest = ind
        .values
        .iter()
        .map(|v| v.period.short_label().chars().count())
        .max()
        .unwrap_or(0) as f64;
    let labelled = thin_labels(n, w - left - right, widest * 7.5 + 16.0);
    let title_id = format!("chart-title-{}", ind.id);
    let desc_id = format!("chart-desc-{}", ind.id);
    let desc = format!(
        "Line chart of the actual figure for each period from {} to {}, with the target as a dashed line and the Amber band shaded. The same figures are in the table below.",
        ind.values.first().map(|v| v.period.short_label()).unwrap_or_default(),
        ind.values.last().map(|v| v.period.short_label()).unwrap_or_default()
    );
    let points: Vec<AnyView> = ind
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let s = figure_status(&ds, &ind, v);
            v.actual.map(|a| shape_at(s.rag, x_at(i), y_at(a)))
        })
        .collect();
    let last_target = ind
        .values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.target.map(|t| (i, t)));
    view! {
        <figure class="gt-chart">
            <svg class="gt-chart__svg" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby=format!("{title_id} {desc_id}") aria-describedby=described_by data-testid="trend-chart">
                <title id=title_id.clone()>{format!("Trend: {}", ind.name)}</title>
                <desc id=desc_id.clone()>{desc}</desc>
                {ticks.iter().map(|t| view! {
                    <line class="gt-chart__grid" x1=left x2=w - right y1=y_at(*t) y2=y_at(*t)/>
                    <text class="gt-chart__tick" x=left - 8.0 y=y_at(*t) + 5.0 text-anchor="end">{fmt_tick(*t)}</text>
                }).collect_view()}
                {band_path.map(|d| view! { <path class="gt-chart__band" d=d/> })}
                <path class="gt-chart__target" d=target_path/>
                {last_target.map(|(i, t)| view! { <text class="gt-chart__label" x=x_at(i) y=y_at(t) - 8.0 text-anchor="end">"Target"</text> })}
                <path class="gt-chart__actual" d=actual_path/>
                {points}
                {labelled.iter().map(|&i| {
                    // The first and last labels keep inside the chart.
                    let anchor = if n > 1 && i == 0 { "start" } else if n > 1 && i == n - 1 { "end" } else { "middle" };
                    let x = if anchor == "start" { x_at(i) - 6.0 } else if anchor == "end" { x_at(i) + 6.0 } else { x_at(i) };
                    view! { <text class="gt-chart__tick" x=x y=h - bottom + 22.0 text-anchor=anchor data-testid="x-label">{ind.values[i].period.short_label()}</text> }
                }).collect_view()}
            </svg>
            <figcaption class="gt-chart__key">
                <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" class="gt-chart__actual"/></svg>"Actual"</span>
                <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" class="gt-chart__target"/></svg>"Target"</span>
                <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><rect x="0" y="0" width="30" height="12" class="gt-chart__band"/></svg>"Amber band (near target)"</span>
                <span class="gt-chart__key-item">"Points: ● On target, ▲ Near target, ■ Off target"</span>
            </figcaption>
        </figure>
    }
    .into_any()
}

/// A small trend line for a table row. Decorative: the row holds the figures.
#[component]
pub fn Sparkline(values: Vec<Option<f64>>) -> impl IntoView {
    let pts: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    if pts.len() < 2 {
        return view! { <span class="gt-spark gt-spark--empty" aria-hidden="true"></span> }
            .into_any();
    }
    let (w, h) = (80.0, 24.0);
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let span = if hi - lo < 1e-9 { 1.0 } else { hi - lo };
    let n = values.len().max(2) - 1;
    let d: String = pts
        .iter()
        .enumerate()
        .map(|(k, (i, v))| {
            format!(
                "{}{:.1} {:.1}",
                if k == 0 { "M" } else { " L" },
                2.0 + (w - 4.0) * *i as f64 / n as f64,
                2.0 + (h - 4.0) * (1.0 - (v - lo) / span)
            )
        })
        .collect();
    let (li, lv) = *pts.last().unwrap();
    let (cx, cy) = (
        2.0 + (w - 4.0) * li as f64 / n as f64,
        2.0 + (h - 4.0) * (1.0 - (lv - lo) / span),
    );
    view! {
        <svg class="gt-spark" viewBox=format!("0 0 {w} {h}") width=w height=h aria-hidden="true" focusable="false">
            <path d=d/>
            <circle cx=cx cy=cy r="2.5"/>
        </svg>
    }
    .into_any()
}
