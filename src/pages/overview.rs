//! The overview: what a committee member sees first. What is Red, why, and what is being done.

use crate::adapters::location;
use crate::components::changes::ChangesList;
use crate::components::draft::DraftFlag;
use crate::components::legend::RagLegend;
use crate::components::period::{AsAt, PeriodNote, ReportingPeriodPicker};
use crate::components::status::{RagTag, WorkTag};
use crate::components::travel::TravelText;
use crate::state::{use_app, use_data};
use gt_core::draft::Draft;
use gt_core::engine::{first_update, Engine, Exception, ExceptionGrouping, PlanKind};
use gt_core::route::Route;
use gt_core::summary::RagCounts;
use gt_core::{Dataset, Period, Rag, WorkStatus};
use leptos::prelude::*;
use std::sync::Arc;

/// The link to the indicator list for a council, status and period.
fn list_href(council: Option<&str>, status: Option<Rag>, period: &Period) -> String {
    let mut q = vec![];
    if let Some(c) = council {
        q.push(format!("council={c}"));
    }
    if let Some(s) = status {
        q.push(format!("status={}", s.as_str()));
    }
    q.push(format!("period={}", period.id()));
    format!("{}?{}", Route::Indicators.href(), q.join("&"))
}

const BAR: [Rag; 4] = [Rag::Green, Rag::Amber, Rag::Red, Rag::NoData];

/// A council's status counts: a stacked bar (decorative) and the counts as links.
#[component]
fn CouncilSummary(name: String, id: String, counts: RagCounts, period: Period) -> impl IntoView {
    let rated_or_due = BAR.iter().map(|r| counts.get(*r)).sum::<usize>().max(1);
    view! {
        <li class="gt-council" data-council=id.clone() data-testid="council-summary">
            <h3 class="gt-heading-s"><a href=list_href(Some(&id), None, &period)>{name}</a>
                <span class="gt-council__total" data-testid="council-total">{format!("{} indicators", counts.total())}</span></h3>
            <div class="gt-bar" aria-hidden="true">
                {BAR.iter().filter(|r| counts.get(**r) > 0).map(|r| view! {
                    <span class=format!("gt-bar__seg gt-bar__seg--{}", r.as_str()) style=format!("flex-grow: {}", counts.get(*r) * 1000 / rated_or_due)></span>
                }).collect_view()}
            </div>
            <ul class="gt-council__counts">
                {[Rag::Red, Rag::Amber, Rag::Green, Rag::NoData, Rag::DataOnly, Rag::NotDue].into_iter().filter(|r| counts.get(*r) > 0 || matches!(r, Rag::Red | Rag::Amber | Rag::Green)).map(|r| {
                    let n = counts.get(r);
                    view! {
                        <li>
                            <a class="gt-count-link" href=list_href(Some(&id), Some(r), &period) data-testid=format!("count-{}", r.as_str())>
                                <RagTag rag=r/>
                                <span class="gt-count-link__n">{n}</span>
                                <span class="gt-visually-hidden">{format!(" indicators {} in this council", r.label().to_lowercase())}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

fn key_tiles(e: &Engine, period: &Period, draft: &Draft) -> impl IntoView {
    let ds = e.ds;
    let tiles = e
        .key_indicators(|_| true)
        .into_iter()
        .map(|at| {
            let i = at.indicator;
            let fmt = |x: f64| gt_core::fmt::value(x, i.decimals, i.unit.as_deref());
            let changed = draft.indicator_at(&i.id, period);
            let body = match at.latest {
                Some((v, s)) => view! {
                    <p class="gt-tile__value">{fmt(v.actual.unwrap_or_default())}{changed.then(|| view! { <DraftFlag/> })}</p>
                    <p class="gt-tile__meta">{format!("{} outturn", v.period.short_label())}{v.target.map(|t| format!(" · target {}", fmt(t)))}</p>
                    <p class="gt-tile__status" data-testid="key-status" data-status=s.rag.as_str()><RagTag rag=s.rag manual=s.manual/><AsAt as_at=at.as_at/></p>
                    <p class="gt-tile__travel" data-testid="key-travel"><TravelText travel=at.short_term/></p>
                }
                .into_any(),
                None => view! { <p class="gt-tile__meta">"No outturn reported yet."</p> }.into_any(),
            };
            let next = i.values.iter().find(|v| v.period.end() > period.end() && v.actual.is_none()).and_then(|v| {
                v.target.map(|t| format!("{} target: {}", v.period.short_label(), fmt(t)))
            });
            view! {
                <li class="gt-tile" data-testid="key-tile" data-id=i.id.clone()>
                    <h3 class="gt-heading-s"><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a></h3>
                    <p class="gt-tile__council" data-testid="key-council">{ds.scope_name(&i.scope)}</p>
                    {body}
                    {next.map(|n| view! { <p class="gt-tile__meta">{n}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="gt-tiles">{tiles}</ul> }
}

/// One exception card. `h` is its heading level (`h4` under a group's heading).
fn exception_item(
    e: &Exception,
    ds: &Dataset,
    period: Period,
    draft: &Draft,
    h4: bool,
) -> impl IntoView {
    let i = e.indicator;
    let fmt = |x: Option<f64>| {
        x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref()))
            .unwrap_or_else(|| "–".into())
    };
    let var = e
        .variance
        .map(|v| gt_core::fmt::difference(v.absolute, i.decimals, i.unit.as_deref()));
    let link = view! { <a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a> };
    let title = if h4 {
        view! { <h4 class="gt-heading-s gt-exception__title">{link}</h4> }.into_any()
    } else {
        view! { <h3 class="gt-heading-s gt-exception__title">{link}</h3> }.into_any()
    };
    view! {
        <li class=format!("gt-exception gt-exception--{}", e.rag.as_str()) data-testid="exception" data-id=i.id.clone() data-status=e.rag.as_str()>
            <div class="gt-exception__head">
                <RagTag rag=e.rag manual=e.manual/>
                {draft.indicator_at(&i.id, &period).then(|| view! { <DraftFlag what="exception"/> })}
                {title}
            </div>
            <p class="gt-exception__meta">{format!("{} · {} · {}", ds.scope_name(&i.scope), ds.service_name(&i.service), e.value.period.short_label())}</p>
            <p class="gt-exception__figures">{format!("Actual {} against a target of {}", fmt(e.value.actual), fmt(e.value.target))}{var.map(|v| format!(" ({v})"))}</p>
            <dl class="gt-exception__detail">
                <div><dt>"Reason"</dt><dd>{e.value.reason.clone().unwrap_or_else(|| "No reason given yet.".into())}</dd></div>
                <div><dt>"Remedial action"</dt><dd>{e.value.remedial_action.clone().unwrap_or_else(|| "No remedial action given yet.".into())}</dd></div>
            </dl>
        </li>
    }
}

/// "10 Red and 27 Amber".
fn red_amber_words(reds: usize, ambers: usize) -> String {
    format!("{reds} Red and {ambers} Amber")
}

/// The exception report: the engine's groups (`gt_core::engine::ExceptionGrouping`), each
/// with its Red exceptions shown and its Amber ones behind a "Show N Amber indicators" button.
/// `open` holds the groups whose Amber ones are shown (kept when the data changes).
fn exception_list(
    e: &Engine,
    draft: &Draft,
    by: ExceptionGrouping,
    open: RwSignal<Vec<String>>,
) -> impl IntoView {
    let ds = e.ds;
    let period = e.period;
    let groups = e.exception_groups(by, |_| true);
    let reds: usize = groups.iter().map(|g| g.red.len()).sum();
    let ambers: usize = groups.iter().map(|g| g.amber.len()).sum();
    if groups.is_empty() {
        return view! { <p class="gt-body" data-testid="exceptions-none">"No indicator is Red or Amber for this period."</p> }.into_any();
    }
    let grouped = by != ExceptionGrouping::Status;
    let items = groups
        .iter()
        .map(|g| {
            let key = g.key.clone();
            let list_id = format!("amber-{}", g.key);
            let shown = {
                let key = key.clone();
                move || open.with(|o| o.contains(&key))
            };
            let toggle = {
                let key = key.clone();
                move |_| open.update(|o| if o.contains(&key) { o.retain(|k| *k != key) } else { o.push(key.clone()) })
            };
            let show_words = g.show_amber_words();
            let n_amber = g.amber.len();
            let red = g.red.iter().map(|x| exception_item(x, ds, period, draft, grouped)).collect_view();
            let amber = g.amber.iter().map(|x| exception_item(x, ds, period, draft, grouped)).collect_view();
            let shown2 = shown.clone();
            view! {
                <div class="gt-exception-group" data-testid="exception-group" data-key=g.key.clone()>
                    {g.heading.clone().map(|h| view! {
                        <h3 class="gt-heading-m gt-exception-group__heading" data-testid="exception-group-heading">{h}
                            <span class="gt-exception-group__count">{red_amber_words(g.red.len(), n_amber)}</span></h3>
                    })}
                    {(g.red.is_empty()).then(|| view! { <p class="gt-body">"None is Red."</p> })}
                    <ol class="gt-exceptions">{red}</ol>
                    {show_words.map(|w| view! {
                        <button type="button" class="gt-disclosure" data-testid="show-amber" aria-controls=list_id.clone()
                            aria-expanded=move || if shown() { "true" } else { "false" } on:click=toggle>
                            <span class="gt-disclosure__icon" aria-hidden="true"></span>
                            {move || if shown2() { format!("Hide the {n_amber} Amber") } else { w.clone() }}
                        </button>
                        <ol class="gt-exceptions gt-exceptions--amber" id=list_id.clone() data-testid="amber-list"
                            hidden=move || !open.with(|o| o.contains(&key))>{amber}</ol>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="gt-body" data-testid="exceptions-count">{format!("{}. Red first; the Amber ones are shown on request.", red_amber_words(reds, ambers))}</p>
        {items}
    }
    .into_any()
}

/// Chooses how the exception report is grouped; the choice is in the link (`group=`).
#[component]
fn GroupBy() -> impl IntoView {
    let state = use_app();
    let current = Memo::new(move |_| {
        state
            .location
            .with(|l| ExceptionGrouping::from_location(l).0)
    });
    // A `group=` the link gave that is not a grouping: said next to the choice, not ignored.
    let note = Memo::new(move |_| {
        state
            .location
            .with(|l| ExceptionGrouping::from_location(l).1)
    });
    view! {
        {move || note.get().map(|n| view! {
            <div class="gt-notice" role="status" data-testid="group-note">
                <p class="gt-notice__title">"The grouping in this link could not be used:"</p>
                <p>{format!("{n}; showing Red first, then Amber.")}</p>
            </div>
        })}
        <div class="gt-form-group gt-exceptions__group-by">
            <label class="gt-label" for="exceptions-group">"Group exceptions"</label>
            <select class="gt-select" id="exceptions-group" data-testid="exceptions-group"
                on:change:target=move |ev| {
                    let w = ev.target().value();
                    let by = ExceptionGrouping::ALL.into_iter().find(|g| g.as_str() == w).unwrap_or_default();
                    let to = by.in_location(state.location.get_untracked());
                    location::navigate(state.location, to, true);
                }>
                {ExceptionGrouping::ALL.into_iter().map(|g| view! {
                    <option value=g.as_str() prop:selected=move || current.get() == g>{g.label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let period = Memo::new(move |_| state.period());
    let grouping = Memo::new(move |_| {
        state
            .location
            .with(|l| ExceptionGrouping::from_location(l).0)
    });
    // The groups whose Amber exceptions are shown, kept when the data changes.
    let open_groups = RwSignal::new(Vec::<String>::new());
    let heading = move || {
        let ds = data.get();
        // The organisation above the title only when the title does not name it.
        let caption = (!crate::components::layout::names(&ds.title, &ds.organisation))
            .then(|| view! { <p class="gt-caption-l">{ds.organisation.clone()}</p> });
        view! {
            {caption}
            <h1 class="gt-heading-xl" data-testid="page-heading">{ds.title.clone()}</h1>
        }
    };
    let body = move || {
        let ds: Arc<Dataset> = data.get();
        let Some(p) = period.get() else {
            return view! { <p class="gt-body">"This data has no indicator figures or plan updates yet."</p> }
                .into_any();
        };
        let e = Engine::new(&ds, p);
        let draft = state.draft.get();
        let schemes = gt_core::scheme::in_view(&ds, &[]);
        let actions = e.action_counts(|_| true);
        let councils = e
            .council_counts()
            .into_iter()
            .map(|(c, counts)| {
                view! {
                    <CouncilSummary name=c.name.clone() id=c.id.clone() counts=counts period=p/>
                }
            })
            .collect_view();
        let shared = e.shared_counts().total();
        let strategy_started = e.any_update(PlanKind::Strategy);
        let strategy_from = first_update(&ds, PlanKind::Strategy);
        let (mut changes, changes_words) = e.change_rows(|_| true);
        let more = changes.split_off(changes.len().min(5));
        let since = e.previous_period().short_label();
        let changed_heading = match p {
            Period::Quarter { .. } => format!("Changed since last quarter ({since})"),
            _ => format!("Changed since {since}"),
        };
        view! {
            <section aria-labelledby="key-heading">
                <h2 class="gt-heading-l" id="key-heading">"Key strategic indicators"</h2>
                <p class="gt-body">{format!("Reported once a year, at the year end: the latest outturn at {}.", p.short_label())}</p>
                {key_tiles(&e, &p, &draft)}
            </section>
            <section aria-labelledby="councils-heading">
                <h2 class="gt-heading-l" id="councils-heading">{format!("Indicators by council, {}", p.short_label())}</h2>
                <ul class="gt-councils">{councils}</ul>
                {(shared > 0).then(|| view! {
                    <p class="gt-body" data-testid="shared-note">{format!(
                        "Each council's figures count its own indicators. The {shared} shared-service indicator{} (such as the key strategic indicators above) {} shown in the list of every council {} for, and counted in none of them.",
                        if shared == 1 { "" } else { "s" },
                        if shared == 1 { "is" } else { "are" },
                        if shared == 1 { "it is" } else { "they are" },
                    )}</p>
                })}
                <RagLegend schemes=Signal::stored(schemes)/>
            </section>
            <section aria-labelledby="changes-heading" data-testid="changes">
                <h2 class="gt-heading-l" id="changes-heading">{changed_heading}</h2>
                <p class="gt-body" data-testid="changes-words">{changes_words}</p>
                {(!changes.is_empty()).then(|| view! { <ChangesList rows=changes/> })}
                {(!more.is_empty()).then(|| view! {
                    <details class="gt-details"><summary class="gt-details__summary">{format!("Show the other {} changes", more.len())}</summary>
                        <ChangesList rows=more/></details>
                })}
            </section>
            <section aria-labelledby="exceptions-heading">
                <h2 class="gt-heading-l" id="exceptions-heading">"Exception report: what needs attention"</h2>
                <GroupBy/>
                {exception_list(&e, &draft, grouping.get(), open_groups)}
            </section>
            <div class="gt-grid-row">
                <section aria-labelledby="plan-heading">
                    <h2 class="gt-heading-l" id="plan-heading">{format!("Improvement plan, {}", p.short_label())}</h2>
                    {e.plan_as_at(PlanKind::Improvement).map(|a| view! {
                        <p class="gt-body" data-testid="plan-as-at">{format!("The latest progress reported is for {}: the statuses below are as at then.", a.short_label())}</p>
                    })}
                    <ul class="gt-summary-list" data-testid="action-summary">
                        {[WorkStatus::Complete, WorkStatus::Green, WorkStatus::Amber, WorkStatus::Red, WorkStatus::NotStarted].into_iter().map(|s| view! {
                            <li><WorkTag status=s/><strong class="gt-summary-list__n">{actions.get(s)}</strong>" actions"</li>
                        }).collect_view()}
                        <li><span class="gt-overdue">"Overdue"</span><strong class="gt-summary-list__n" data-testid="overdue-count">{actions.overdue}</strong>{format!(" actions {}", e.overdue_rule())}</li>
                    </ul>
                    <p><a href=Route::Improvement.href()>"See the improvement plan"</a></p>
                </section>
                <section aria-labelledby="priorities-heading">
                    <h2 class="gt-heading-l" id="priorities-heading">{format!("Strategic priorities, {}", p.short_label())}</h2>
                    {(!strategy_started).then(|| view! {
                        <p class="gt-body" data-testid="priorities-not-started">{format!(
                            "No project had an update by the end of {}{}.",
                            p.short_label(),
                            strategy_from.map(|f| format!(": the strategy's progress reports start in {}", f.short_label())).unwrap_or_default()
                        )}</p>
                    })}
                    {e.plan_as_at(PlanKind::Strategy).map(|a| view! {
                        <p class="gt-body" data-testid="strategy-as-at">{format!("The latest progress reported is for {}: the statuses below are as at then.", a.short_label())}</p>
                    })}
                    <ul class="gt-summary-list" data-testid="priority-summary">
                        {ds.priorities.iter().map(|pr| {
                            let r = e.priority(pr);
                            view! {
                                <li data-id=pr.id.clone() data-status=r.status.as_str()><WorkTag status=r.status/><AsAt as_at=r.as_at/><a href=Route::Priority(pr.id.clone()).href()>{format!("{}: {}", pr.id, pr.title)}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                    <p><a href=Route::Priorities.href()>"See the strategic priorities"</a></p>
                </section>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="gt-overview-head">
            <div>
                {heading}
                <p class="gt-body-l" data-testid="period-label">{move || period.get().map(|p| format!("Reporting period: {}", p.label()))}</p>
            </div>
            <div class="gt-overview-head__period">
                <ReportingPeriodPicker id="overview-period" label="Change period"/>
            </div>
        </div>
        <PeriodNote/>
        {body}
    }
}
