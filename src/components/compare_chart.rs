//! One shared measure over time, a line per council: each line with its own dash pattern and
//! point shape as well as its colour (never colour alone), labelled with the council's code at
//! its end and in the key. The same figures are in a table beside it (the page's).

use super::chart::shown_width;
use gt_core::axis::{nice_axis, thin_labels};
use gt_core::engine::Comparison;
use gt_core::Period;
use leptos::prelude::*;

/// How each council's line is drawn, in turn: (class suffix, dash pattern, shape, shape in
/// words for the key).
const STYLES: [(&str, &str, Shape, &str); 4] = [
    ("a", "", Shape::Circle, "circles"),
    ("b", "9 5", Shape::Square, "squares"),
    ("c", "2 4", Shape::Triangle, "triangles"),
    ("d", "12 4 2 4", Shape::Diamond, "diamonds"),
];

#[derive(Clone, Copy)]
enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

fn mark(shape: Shape, x: f64, y: f64, class: &str) -> AnyView {
    let r = 5.0;
    let class = class.to_string();
    match shape {
        Shape::Circle => view! { <circle class=class cx=x cy=y r=r/> }.into_any(),
        Shape::Square => view! { <rect class=class x=x - r y=y - r width=r * 2.0 height=r * 2.0/> }.into_any(),
        Shape::Triangle => view! { <path class=class d=format!("M{x} {} L{} {} L{} {} Z", y - r - 1.0, x + r + 1.0, y + r, x - r - 1.0, y + r)/> }.into_any(),
        Shape::Diamond => view! { <path class=class d=format!("M{x} {} L{} {y} L{x} {} L{} {y} Z", y - r - 1.5, x + r + 1.5, y + r + 1.5, x - r - 1.5)/> }.into_any(),
    }
}

/// The line style of the k-th council of a comparison (class suffix, dash, shape in words).
pub fn style_of(k: usize) -> (&'static str, &'static str, &'static str) {
    let s = STYLES[k % STYLES.len()];
    (s.0, s.1, s.3)
}

/// One council's line: its code, its name and its points (period index, figure).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub code: String,
    pub name: String,
    pub points: Vec<(usize, f64)>,
}

/// The lines of a comparison, on the axis of its periods.
pub fn lines(ds: &gt_core::Dataset, c: &Comparison) -> Vec<Line> {
    c.councils
        .iter()
        .map(|f| Line {
            code: ds.scope_short(&gt_core::Scope::Council(f.council.id.clone())),
            name: f.council.name.clone(),
            points: f
                .series
                .iter()
                .filter_map(|(v, _)| {
                    let i = c.periods.iter().position(|p| *p == v.period)?;
                    v.actual.map(|a| (i, a))
                })
                .collect(),
        })
        .collect()
}

/// The chart, drawn at the width it is shown (one SVG unit a CSS pixel) and again when the
/// window's width changes, so its text keeps the size the styles give it.
#[component]
pub fn CompareChart(
    lines: Vec<Line>,
    periods: Vec<Period>,
    #[prop(into)] title: String,
    unit: Option<String>,
    #[prop(into)] described_by: String,
) -> impl IntoView {
    if lines.iter().all(|l| l.points.is_empty()) {
        return view! { <p class="gt-body" data-testid="compare-chart-empty">"No council has a figure for this measure up to this period yet."</p> }.into_any();
    }
    let figure = NodeRef::<leptos::html::Figure>::new();
    let width = shown_width(figure);
    let key = lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            let (cls, dash, shape_words) = style_of(k);
            let shape = STYLES[k % STYLES.len()].2;
            view! {
                <span class="gt-chart__key-item" data-testid="compare-key">
                    <svg viewBox="0 0 36 14" aria-hidden="true">
                        <line x1="0" x2="36" y1="7" y2="7" class=format!("gt-compare-line gt-compare-line--{cls}") stroke-dasharray=dash/>
                        {mark(shape, 18.0, 7.0, &format!("gt-compare-pt gt-compare-pt--{cls}"))}
                    </svg>
                    {format!("{} ({}): {}", l.name, l.code, line_words(dash, shape_words))}
                </span>
            }
        })
        .collect_view();
    view! {
        <figure class="gt-chart gt-compare-chart" node_ref=figure>
            {move || svg(&lines, &periods, &title, unit.as_deref(), &described_by, width.get())}
            <figcaption class="gt-chart__key">{key}</figcaption>
        </figure>
    }
    .into_any()
}

fn line_words(dash: &str, shape_words: &str) -> String {
    let line = match dash {
        "" => "solid line",
        "9 5" => "dashed line",
        "2 4" => "dotted line",
        _ => "dash-dot line",
    };
    format!("{line}, {shape_words}")
}

const CHAR: f64 = 7.5;

fn svg(
    lines: &[Line],
    periods: &[Period],
    title: &str,
    unit: Option<&str>,
    described_by: &str,
    w: f64,
) -> AnyView {
    let w = w.round().max(260.0);
    let h = (w * 0.45).clamp(220.0, 320.0).round();
    let n = periods.len();
    let values = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1));
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    let axis = nice_axis(lo, hi, 6, unit.map(str::trim) == Some("%"));
    let ticks: Vec<(f64, String)> = axis
        .ticks
        .iter()
        .map(|t| (*t, gt_core::fmt::value(*t, Some(axis.decimals), unit)))
        .collect();
    let widest_tick = ticks
        .iter()
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(0) as f64;
    let label_w = |i: usize| periods[i].short_label().chars().count() as f64 * CHAR;
    let widest = (0..n).map(label_w).fold(0.0, f64::max);
    // Room on the right for the councils' codes at the ends of their lines.
    let code_w = lines
        .iter()
        .map(|l| l.code.chars().count())
        .max()
        .unwrap_or(0) as f64
        * CHAR;
    let left = (widest_tick * CHAR + 14.0)
        .max(widest / 2.0 + 4.0)
        .max(40.0);
    let right = (code_w + 18.0).max(widest / 2.0 + 4.0);
    let (top, bottom) = (16.0, 40.0);
    let x_at = |i: usize| {
        if n <= 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * i as f64 / (n - 1) as f64
        }
    };
    let y_at = |v: f64| top + (h - top - bottom) * (1.0 - (v - axis.lo) / (axis.hi - axis.lo));
    // The codes at the lines' ends, pushed apart so that none overlaps another.
    let mut ends: Vec<(usize, f64)> = lines
        .iter()
        .enumerate()
        .filter_map(|(k, l)| l.points.last().map(|(_, v)| (k, y_at(*v) + 5.0)))
        .collect();
    gt_core::order::sort_by(&mut ends, &|a, b| a.1.total_cmp(&b.1));
    for j in 1..ends.len() {
        if ends[j].1 - ends[j - 1].1 < 16.0 {
            ends[j].1 = ends[j - 1].1 + 16.0;
        }
    }
    let paths = lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            let (cls, dash, _) = style_of(k);
            let shape = STYLES[k % STYLES.len()].2;
            let d: String = l
                .points
                .iter()
                .enumerate()
                .map(|(j, (i, v))| format!("{}{:.1} {:.1}", if j == 0 { "M" } else { " L" }, x_at(*i), y_at(*v)))
                .collect();
            let end = ends.iter().find(|e| e.0 == k).map(|e| e.1);
            let last_x = l.points.last().map(|(i, _)| x_at(*i)).unwrap_or(left);
            view! {
                <g data-testid="compare-line" data-council=l.code.clone()>
                    <path class=format!("gt-compare-line gt-compare-line--{cls}") d=d stroke-dasharray=dash/>
                    {l.points.iter().map(|(i, v)| mark(shape, x_at(*i), y_at(*v), &format!("gt-compare-pt gt-compare-pt--{cls}"))).collect_view()}
                    {end.map(|y| view! { <text class="gt-chart__label" x=last_x + 10.0 y=y>{l.code.clone()}</text> })}
                </g>
            }
        })
        .collect_view();
    let labelled = thin_labels(n, w - left - right, widest + 18.0);
    let desc = format!(
        "Line chart of {} from {} to {}, one line for each of {}. The same figures, with targets and statuses, are in the table below.",
        title,
        periods.first().map(|p| p.short_label()).unwrap_or_default(),
        periods.last().map(|p| p.short_label()).unwrap_or_default(),
        gt_core::and_list(&lines.iter().map(|l| l.name.as_str()).collect::<Vec<_>>()),
    );
    view! {
        <svg class="gt-chart__svg" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby="compare-chart-title compare-chart-desc" aria-describedby=described_by.to_string() data-testid="compare-chart">
            <title id="compare-chart-title">{format!("{title}: each council over time")}</title>
            <desc id="compare-chart-desc">{desc}</desc>
            {ticks.into_iter().map(|(t, label)| view! {
                <line class="gt-chart__grid" x1=left x2=w - right y1=y_at(t) y2=y_at(t)/>
                <text class="gt-chart__tick" x=left - 8.0 y=y_at(t) + 5.0 text-anchor="end">{label}</text>
            }).collect_view()}
            {paths}
            {labelled.into_iter().map(|i| {
                let half = label_w(i) / 2.0 + 2.0;
                let x = x_at(i).clamp(half, w - half);
                view! { <text class="gt-chart__tick" x=x y=h - bottom + 24.0 text-anchor="middle">{periods[i].short_label()}</text> }
            }).collect_view()}
        </svg>
    }
    .into_any()
}
