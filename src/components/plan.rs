//! Pieces shared by the strategy and improvement plan pages: the status history timeline,
//! counts of work by status, the period picker, the status key, and notes about a link.

use crate::components::status::WorkTag;
use gt_core::plan::{Step, STATUS_ORDER};
use gt_core::summary::WorkCounts;
use gt_core::{Period, WorkStatus};
use leptos::prelude::*;

fn kind(s: WorkStatus) -> &'static str {
    match s {
        WorkStatus::Green => "green",
        WorkStatus::Amber => "amber",
        WorkStatus::Red => "red",
        WorkStatus::Complete => "complete",
        WorkStatus::NotStarted => "not_started",
    }
}

/// The shape for a status in the timeline: a distinct shape for every status (a tick for
/// complete), so the history reads without colour.
pub fn work_shape(s: Option<WorkStatus>) -> impl IntoView {
    let inner = match s {
        Some(WorkStatus::Green) => view! { <circle cx="8" cy="8" r="6.5"/> }.into_any(),
        Some(WorkStatus::Amber) => view! { <path d="M8 1.2 L15 14.6 L1 14.6 Z"/> }.into_any(),
        Some(WorkStatus::Red) => view! { <rect x="1.6" y="1.6" width="12.8" height="12.8"/> }.into_any(),
        Some(WorkStatus::Complete) => view! {
            <circle cx="8" cy="8" r="7"/>
            <path d="M4.2 8.3 L7 11 L11.9 5.2" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>
        }.into_any(),
        Some(WorkStatus::NotStarted) => view! { <circle cx="8" cy="8" r="5.8" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="2.6 2"/> }.into_any(),
        None => view! { <path d="M3 8 H13" stroke="currentColor" stroke-width="2"/> }.into_any(),
    };
    let class = format!("gt-shape gt-shape--{}", s.map(kind).unwrap_or("none"));
    view! { <svg class=class viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor">{inner}</svg> }
}

/// A status history: one step per period, each with its shape, percent complete when given,
/// and the status in words for screen readers and as a tooltip. `years` adds the financial
/// year under each quarter (for histories that span years).
#[component]
pub fn Timeline(
    steps: Vec<Step>,
    #[prop(optional)] years: bool,
    #[prop(optional)] label: String,
) -> impl IntoView {
    let label = if label.is_empty() {
        "Progress by quarter".to_string()
    } else {
        label
    };
    if steps.is_empty() {
        // Nothing reported yet: say so rather than leave an empty space.
        return view! { <span class="gt-secondary" data-testid="timeline">"None yet"</span> }
            .into_any();
    }
    view! {
        <ol class="gt-timeline" aria-label=label data-testid="timeline">
            {steps.into_iter().map(|s| {
                let (q, fy) = match s.period {
                    Period::Quarter { fy, q } => (format!("Q{q}"), Period::fy_label(fy)),
                    p => (p.short_label(), String::new()),
                };
                let word = match (s.status, s.later) {
                    (Some(st), _) => st.label().to_string(),
                    (None, true) => "Not yet reported".to_string(),
                    (None, false) => "No update".to_string(),
                };
                let pct = s.percent.map(|p| format!("{}%", gt_core::fmt::trim_number(p.round())));
                let said = format!(
                    "{}: {}{}",
                    s.period.short_label(),
                    word,
                    pct.as_ref().map(|p| format!(", {p} complete")).unwrap_or_default()
                );
                let class = format!(
                    "gt-timeline__step gt-timeline__step--{}{}",
                    s.status.map(kind).unwrap_or("none"),
                    if s.later { " gt-timeline__step--later" } else { "" }
                );
                let title = said.clone();
                view! {
                    <li class=class title=title data-period=s.period.id() data-status=s.status.map(|x| x.as_str()).unwrap_or("")>
                        <span class="gt-timeline__q" aria-hidden="true">{q}{years.then(|| view! { <span class="gt-timeline__fy">{fy}</span> })}</span>
                        {work_shape(s.status)}
                        <span class="gt-timeline__pct" aria-hidden="true">{pct.unwrap_or_default()}</span>
                        <span class="gt-visually-hidden">{said}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// A bar of work by status (decorative: the numbers are always shown beside it).
#[component]
pub fn WorkBar(counts: WorkCounts) -> impl IntoView {
    let total = counts.total().max(1);
    view! {
        <div class="gt-bar gt-work-bar" aria-hidden="true">
            {STATUS_ORDER.iter().filter(|s| counts.get(**s) > 0).map(|s| view! {
                <span class=format!("gt-bar__seg gt-work-bar__seg--{}", kind(*s)) style=format!("flex-grow: {}", counts.get(*s) * 1000 / total)></span>
            }).collect_view()}
        </div>
    }
}

/// Counts of work by status, each with its tag, and overdue; statuses with none are left out
/// unless `all`.
#[component]
pub fn WorkCountList(
    counts: WorkCounts,
    #[prop(optional)] all: bool,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    view! {
        <ul class="gt-work-counts" data-testid=if testid.is_empty() { "work-counts" } else { testid }>
            {STATUS_ORDER.iter().filter(|s| all || counts.get(**s) > 0).map(|s| view! {
                <li data-status=s.as_str()><span class="gt-work-counts__n">{counts.get(*s)}</span><WorkTag status=*s/></li>
            }).collect_view()}
            {(all || counts.overdue > 0).then(|| view! {
                <li data-status="overdue"><span class="gt-work-counts__n">{counts.overdue}</span><OverdueTag/></li>
            })}
        </ul>
    }
}

/// Marks overdue work: a word with a clock, never colour alone.
#[component]
pub fn OverdueTag() -> impl IntoView {
    view! {
        <span class="gt-overdue gt-overdue--plan" data-testid="overdue-tag">
            <svg class="gt-tag__shape" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                <circle cx="6" cy="6" r="4.9" fill="none" stroke="currentColor" stroke-width="1.6"/>
                <path d="M6 3.2 V6.2 L8 7.4" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>
            </svg>
            "Overdue"
        </span>
    }
}

/// A period picker: a labelled select of the periods with updates. `on_pick` gets the period
/// chosen.
#[component]
pub fn PeriodPicker(
    id: &'static str,
    choices: Vec<Period>,
    selected: Signal<Option<Period>>,
    on_pick: Callback<Period>,
    #[prop(optional)] label: &'static str,
) -> impl IntoView {
    let label = if label.is_empty() { "Period" } else { label };
    // A period given in the link that has no updates is still offered, so the select shows it.
    let choices = move || {
        let mut c = choices.clone();
        if let Some(p) = selected.get() {
            if !c.contains(&p) {
                c.push(p);
                gt_core::order::sort(&mut c);
                c.reverse();
            }
        }
        c
    };
    view! {
        <div class="gt-form-group gt-period-picker">
            <label class="gt-label" for=id>{label}</label>
            <select class="gt-select" id=id data-testid=id
                on:change:target=move |ev| {
                    if let Ok(p) = Period::parse(&ev.target().value()) {
                        on_pick.run(p);
                    }
                }>
                {move || choices().into_iter().map(|p| view! {
                    <option value=p.id() prop:selected=move || selected.get() == Some(p)>{p.short_label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// What the status words and the timeline's shapes mean, and the rule for overall statuses.
#[component]
pub fn WorkLegend(#[prop(into)] rollup_of: String) -> impl IntoView {
    let row = |s: WorkStatus, text: &'static str| {
        view! {
            <div>
                <dt><WorkTag status=s/></dt>
                <dd><span class="gt-legend__shape">{work_shape(Some(s))}</span>{text}</dd>
            </div>
        }
    };
    view! {
        <details class="gt-legend" data-testid="work-legend">
            <summary class="gt-legend__summary">"How statuses are worked out"</summary>
            <dl class="gt-legend__list">
                {row(WorkStatus::Complete, "The work is finished.")}
                {row(WorkStatus::Green, "Green: on track to finish by the due date.")}
                {row(WorkStatus::Amber, "Amber: at risk of missing the due date or the outcome.")}
                {row(WorkStatus::Red, "Red: off track; it will miss the due date or the outcome without action.")}
                {row(WorkStatus::NotStarted, "Work has not begun yet.")}
                <div><dt><OverdueTag/></dt><dd>"The due date has passed and the work is not complete."</dd></div>
            </dl>
            <p class="gt-legend__note">"Each status is the latest quarterly update at or before the period shown. In the progress by quarter, each shape is that quarter's update; a dash means no update was made."</p>
            <p class="gt-legend__note">{rollup_of}</p>
        </details>
    }
}

/// Parts of a link that were not understood, listed so the reader knows what was ignored.
#[component]
pub fn LinkNotes(notes: Signal<Vec<String>>) -> impl IntoView {
    move || {
        let n = notes.get();
        (!n.is_empty()).then(|| view! {
            <div class="gt-notice" role="status" data-testid="url-notes">
                <p class="gt-notice__title">"Some parts of this link were not understood and have been ignored:"</p>
                <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
        })
    }
}
