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
///
/// The chart is drawn at the width it is shown (one unit of the SVG is one CSS pixel), so its
/// text is the size the styles give it on every screen (a phone included) rather than shrunk
/// with the picture, and the period labels are thinned for the room there really is. It is
/// drawn again when the window's width changes.
#[component]
pub fn TrendChart(
    ds: std::sync::Arc<Dataset>,
    indicator: Indicator,
    default_tolerance: Tolerance,
    #[prop(into)] described_by: String,
) -> impl IntoView {
    let ind = indicator;
    let tol = ind.tolerance_or(default_tolerance);
    if !ind
        .values
        .iter()
        .any(|v| v.actual.is_some() || v.target.is_some())
    {
        return view! { <p class="gt-body">"No figures to chart yet."</p> }.into_any();
    }
    let figure = NodeRef::<leptos::html::Figure>::new();
    let width = shown_width(figure);
    let key = view! {
        <figcaption class="gt-chart__key">
            <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" class="gt-chart__actual"/></svg>"Actual"</span>
            <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" class="gt-chart__target"/></svg>"Target"</span>
            <span class="gt-chart__key-item"><svg viewBox="0 0 30 12" aria-hidden="true"><rect x="0" y="0" width="30" height="12" class="gt-chart__band"/></svg>"Amber band (near target)"</span>
            <span class="gt-chart__key-item">"Points: ● On target, ▲ Near target, ■ Off target"</span>
        </figcaption>
    };
    let statuses: Vec<Rag> = ind
        .values
        .iter()
        .map(|v| figure_status(&ds, &ind, v).rag)
        .collect();
    view! {
        <figure class="gt-chart" node_ref=figure>
            {move || trend_svg(&ind, tol, &statuses, &described_by, width.get())}
            {key}
        </figure>
    }
    .into_any()
}

/// The width a chart's figure is shown at, in CSS pixels: measured once it is in the page and
/// again whenever the window's width changes; until then, a desktop width. A chart drawn at
/// this width (one SVG unit a pixel) keeps its text at the size the styles give it.
pub fn shown_width(figure: NodeRef<leptos::html::Figure>) -> RwSignal<f64> {
    let width = RwSignal::new(WIDE);
    let measure = move || {
        if let Some(el) = figure.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if figure.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    width
}

/// The width a chart is drawn at before it is measured, and the narrowest it is drawn.
pub const WIDE: f64 = 760.0;
pub const NARROWEST: f64 = 260.0;
/// Axis text (`.gt-chart__tick` in main.css) is 14 px: about 7.5 px a character in the
/// app's fonts, generously.
pub const CHAR: f64 = 7.5;

/// The chart's SVG, `w` pixels wide.
fn trend_svg(
    ind: &Indicator,
    tol: Tolerance,
    statuses: &[Rag],
    described_by: &str,
    w: f64,
) -> AnyView {
    let w = w.round().max(NARROWEST);
    // Shorter on a phone, so the lines keep their slope.
    let h = (w * 0.45).clamp(220.0, 300.0).round();
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
    // Round ticks; a percentage axis stays within 0-100.
    let percent = ind.unit.as_deref().map(str::trim) == Some("%");
    let axis = nice_axis(lo, hi, 6, percent);
    let (lo, hi) = (axis.lo, axis.hi);
    let fmt_tick = |v: f64| gt_core::fmt::value(v, Some(axis.decimals), ind.unit.as_deref());
    let tick_labels: Vec<(f64, String)> = axis.ticks.iter().map(|t| (*t, fmt_tick(*t))).collect();
    // Room on the left for the widest value label, so none is cut off.
    let widest_tick = tick_labels
        .iter()
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(0) as f64;
    // Room on the right for half the last period's label, centred under the last point.
    let text_width = |i: usize| ind.values[i].period.short_label().chars().count() as f64 * CHAR;
    let widest = (0..n).map(text_width).fold(0.0, f64::max);
    let (left, right, top, bottom) = (
        (widest_tick * CHAR + 14.0)
            .max(widest / 2.0 + 4.0)
            .max(40.0),
        (widest / 2.0 + 4.0).max(16.0),
        20.0,
        40.0,
    );
    let x_at = move |i: usize| {
        if n <= 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * i as f64 / (n - 1) as f64
        }
    };
    let y_at = move |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let path = |pick: &dyn Fn(&gt_core::IndicatorValue) -> Option<f64>| -> String {
        ind.values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| pick(v).map(|a| (i, a)))
            .enumerate()
            .map(|(k, (i, a))| {
                format!(
                    "{}{:.1} {:.1}",
                    if k == 0 { "M" } else { " L" },
                    x_at(i),
                    y_at(a)
                )
            })
            .collect()
    };
    let actual_path = path(&|v| v.actual);
    let target_path = path(&|v| v.target);
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
    // Period labels, centred under their points, thinned so none overlap: each needs its
    // text and a gap.
    let labelled = thin_labels(n, w - left - right, widest + 18.0);
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
        .filter_map(|(i, v)| v.actual.map(|a| shape_at(statuses[i], x_at(i), y_at(a))))
        .collect();
    let last_target = ind
        .values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.target.map(|t| (i, t)));
    view! {
        <svg class="gt-chart__svg" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby=format!("{title_id} {desc_id}") aria-describedby=described_by.to_string() data-testid="trend-chart">
            <title id=title_id.clone()>{format!("Trend: {}", ind.name)}</title>
            <desc id=desc_id.clone()>{desc}</desc>
            {tick_labels.into_iter().map(|(t, label)| view! {
                <line class="gt-chart__grid" x1=left x2=w - right y1=y_at(t) y2=y_at(t)/>
                <text class="gt-chart__tick" x=left - 8.0 y=y_at(t) + 5.0 text-anchor="end">{label}</text>
            }).collect_view()}
            {band_path.map(|d| view! { <path class="gt-chart__band" d=d/> })}
            <path class="gt-chart__target" d=target_path/>
            {last_target.map(|(i, t)| view! { <text class="gt-chart__label" x=x_at(i) y=y_at(t) - 10.0 text-anchor="end">"Target"</text> })}
            <path class="gt-chart__actual" d=actual_path/>
            {points}
            {labelled.into_iter().map(|i| {
                let half = text_width(i) / 2.0 + 2.0;
                let x = x_at(i).clamp(half, w - half);
                view! { <text class="gt-chart__tick" x=x y=h - bottom + 24.0 text-anchor="middle" data-testid="x-label">{ind.values[i].period.short_label()}</text> }
            }).collect_view()}
        </svg>
    }
    .into_any()
}

/// A small trend line for a table row. Decorative: the row holds the figures.
#[component]
pub fn Sparkline(values: Vec<Option<f64>>) -> impl IntoView {
    let Some(g) = spark_geometry(&values) else {
        return view! { <span class="gt-spark gt-spark--empty" aria-hidden="true"></span> }
            .into_any();
    };
    view! {
        <svg class="gt-spark" viewBox=format!("0 0 {} {}", g.width, g.height) width=g.width height=g.height aria-hidden="true" focusable="false">
            <path d=g.path/>
            <circle cx=g.cx cy=g.cy r="2.5"/>
        </svg>
    }
    .into_any()
}

/// Where a sparkline's line and its last point go, in an 80 × 24 box.
pub struct SparkGeometry {
    pub width: f64,
    pub height: f64,
    /// The SVG path through the figures ("M2.0 15.4 L8.9 22.0 …").
    pub path: String,
    pub cx: f64,
    pub cy: f64,
}

/// The sparkline of `values` (gaps skipped), or none with fewer than two figures. One place
/// for the component and the list's row markup (`markup.rs`).
pub fn spark_geometry(values: &[Option<f64>]) -> Option<SparkGeometry> {
    let pts: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let (w, h) = (80.0, 24.0);
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let span = if hi - lo < 1e-9 { 1.0 } else { hi - lo };
    let n = values.len().max(2) - 1;
    let x = |i: usize| 2.0 + (w - 4.0) * i as f64 / n as f64;
    let y = |v: f64| 2.0 + (h - 4.0) * (1.0 - (v - lo) / span);
    let path: String = pts
        .iter()
        .enumerate()
        .map(|(k, (i, v))| {
            format!(
                "{}{:.1} {:.1}",
                if k == 0 { "M" } else { " L" },
                x(*i),
                y(*v)
            )
        })
        .collect();
    let (li, lv) = *pts.last()?;
    Some(SparkGeometry {
        width: w,
        height: h,
        path,
        cx: x(li),
        cy: y(lv),
    })
}
