//! The committee pack: one page that prints (or saves as PDF) as the quarter's committee
//! appendix. A cover, then the sections chosen: key strategic indicators, the RAG summary by
//! council, every indicator by council and service, the exception report, improvement action
//! plan progress and strategic priorities progress.
//!
//! The choices (period, council, sections) live in the URL (`#/report?period=2019-20-Q2&
//! council=bexley&sections=key,exceptions`), read by `gt_core::report::PackQuery`. Print
//! layout (A4, page numbers, repeated table headers) is in style/print.css.

use crate::adapters::location;
use crate::components::status::{RagTag, WorkTag};
use crate::components::travel::TravelText;
use crate::state::{use_app, use_dataset};
use chrono::NaiveDate;
use gt_core::rag::{long_term, short_term, status_at, value_status};
use gt_core::report::{
    by_council_and_service, css_string, first_project_update, period_heading, periods, PackQuery,
    Section,
};
use gt_core::route::Route;
use gt_core::summary::{
    is_overdue, latest_update, priority_status, rag_counts, reference_date, work_status, RagCounts,
    WorkCounts,
};
use gt_core::{Action, Dataset, Indicator, Period, Priority, Rag, Tolerance, WorkStatus};
use leptos::prelude::*;
use std::sync::Arc;

/// Today's date in the browser, for "Produced on".
fn today() -> Option<NaiveDate> {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// A figure with the indicator's unit and decimals, or a dash.
fn fig(i: &Indicator, x: Option<f64>) -> String {
    x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref()))
        .unwrap_or_else(|| "–".into())
}

/// "all councils" or the council's name, inside a sentence.
fn for_whom(ds: &Dataset, q: &PackQuery) -> String {
    match &q.council {
        None => "all councils".into(),
        Some(c) => ds.council_name(c).to_string(),
    }
}

fn section_id(s: Section) -> String {
    format!("pack-{}", s.as_str())
}

const RAG_COLUMNS: [Rag; 6] = [
    Rag::Green,
    Rag::Amber,
    Rag::Red,
    Rag::NoData,
    Rag::DataOnly,
    Rag::NotDue,
];

const WORK_COLUMNS: [WorkStatus; 5] = [
    WorkStatus::Complete,
    WorkStatus::Green,
    WorkStatus::Amber,
    WorkStatus::Red,
    WorkStatus::NotStarted,
];

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_app();
    let ds = use_dataset();
    let parsed = {
        let ds = ds.clone();
        Memo::new(move |_| state.location.with(|l| PackQuery::from_location(l, &ds)))
    };
    let query = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let notes = move || parsed.with(|p| p.1.clone());
    let set = move |q: PackQuery| {
        let keep = state.location.get_untracked();
        location::navigate(state.location, q.to_location(&keep), true);
    };
    let produced = today();
    let period_options = periods(&ds);
    let councils = ds.councils.clone();

    let on_period = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let mut q = query.get_untracked();
        if let Ok(p) = Period::parse(&v) {
            q.period = Some(p);
            set(q);
        }
    };
    let on_council = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let mut q = query.get_untracked();
        q.council = (!v.is_empty()).then_some(v);
        set(q);
    };
    let section_boxes = Section::ALL
        .into_iter()
        .map(|s| {
            let id = format!("pack-include-{}", s.as_str());
            view! {
                <div class="gt-checkbox">
                    <input class="gt-checkbox__input" type="checkbox" id=id.clone() value=s.as_str()
                        data-testid=format!("pack-include-{}", s.as_str())
                        prop:checked=move || query.with(|q| q.includes(s))
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            set(query.get_untracked().toggled(s, on));
                        }/>
                    <label class="gt-checkbox__label" for=id>{s.title()}</label>
                </div>
            }
        })
        .collect_view();

    // The running footer on every printed page names the pack (page numbers are in print.css).
    let running = {
        let ds = ds.clone();
        move || {
            let q = query.get();
            let text = format!(
                "{} performance report · {} · {}",
                ds.organisation,
                q.period.map(|p| p.short_label()).unwrap_or_default(),
                q.council_label(&ds)
            );
            format!(
                "@page {{ @bottom-left {{ content: {}; }} }}",
                css_string(&text)
            )
        }
    };

    let pack = {
        let ds = ds.clone();
        move || {
            let q = query.get();
            pack_view(&ds, &q, produced)
        }
    };

    view! {
        <style>{running}</style>
        <div class="gt-pack-screen gt-no-print">
            <h1 class="gt-heading-xl" data-testid="page-heading">"Committee pack"</h1>
            <p class="gt-body">"The quarter's performance appendix for the Joint Committee, laid out for A4 paper. Choose what it includes, then print it or save it as a PDF. The address of this page keeps your choices, so a link to it opens the same pack."</p>
            {move || {
                let n = notes();
                (!n.is_empty()).then(|| view! {
                    <div class="gt-notice gt-no-print" role="status" data-testid="pack-notes">
                        <p class="gt-notice__title">"Some parts of this link were not understood and have been ignored:"</p>
                        <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <form class="gt-pack-choices" aria-label="Choose what the pack includes" on:submit=|ev| ev.prevent_default() data-testid="pack-choices">
                <div class="gt-pack-choices__selects">
                    <div class="gt-form-group">
                        <label class="gt-label" for="pack-period">"Reporting period"</label>
                        <select class="gt-select" id="pack-period" data-testid="pack-period" on:change=on_period>
                            {period_options.into_iter().map(|p| view! {
                                <option value=p.id() prop:selected=move || query.with(|q| q.period == Some(p))>{p.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="gt-form-group">
                        <label class="gt-label" for="pack-council">"Council"</label>
                        <select class="gt-select" id="pack-council" data-testid="pack-council" on:change=on_council>
                            <option value="" prop:selected=move || query.with(|q| q.council.is_none())>"All councils"</option>
                            {councils.into_iter().map(|c| {
                                let id = c.id.clone();
                                view! { <option value=c.id.clone() prop:selected=move || query.with(|q| q.council.as_deref() == Some(id.as_str()))>{c.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <fieldset class="gt-fieldset gt-pack-choices__sections">
                    <legend class="gt-fieldset__legend">"Sections to include (the cover is always included)"</legend>
                    {section_boxes}
                </fieldset>
                <div class="gt-pack-choices__actions">
                    <button type="button" class="gt-button" data-testid="pack-print" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                    <p class="gt-hint">"In the print window choose A4 and, to make a file, “Save as PDF”. Headers and footers from the browser are not needed: the pack numbers its own pages."</p>
                </div>
            </form>
        </div>
        {pack}
    }
}

/// The whole pack for one set of choices.
fn pack_view(ds: &Arc<Dataset>, q: &PackQuery, produced: Option<NaiveDate>) -> AnyView {
    let Some(period) = q.period else {
        return view! {
            <div class="gt-pack" data-testid="pack">
                <p class="gt-body">"This data has no indicator figures yet, so there is nothing to report."</p>
            </div>
        }
        .into_any();
    };
    let numbered: Vec<(usize, Section)> = q
        .sections
        .iter()
        .enumerate()
        .map(|(n, s)| (n + 1, *s))
        .collect();
    let sections = numbered
        .iter()
        .map(|(n, s)| {
            let body = match s {
                Section::Key => key_section(ds, q, &period).into_any(),
                Section::Summary => summary_section(ds, q, &period).into_any(),
                Section::Indicators => indicators_section(ds, q, &period).into_any(),
                Section::Exceptions => exceptions_section(ds, q, &period).into_any(),
                Section::Improvement => improvement_section(ds, q, &period).into_any(),
                Section::Priorities => priorities_section(ds, q, &period).into_any(),
            };
            let id = section_id(*s);
            let heading_id = format!("{id}-heading");
            let labelled_by = heading_id.clone();
            view! {
                <section class=format!("gt-pack__section gt-pack__section--{}", s.as_str()) id=id
                    aria-labelledby=labelled_by data-testid=format!("pack-section-{}", s.as_str())>
                    <h2 class="gt-pack__h2" id=heading_id>{format!("{n}. {}", s.title())}</h2>
                    {body}
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="gt-pack" data-testid="pack" aria-label="Committee pack">
            {cover(ds, q, &period, produced, &numbered)}
            {sections}
        </article>
    }
    .into_any()
}

fn cover(
    ds: &Dataset,
    q: &PackQuery,
    period: &Period,
    produced: Option<NaiveDate>,
    numbered: &[(usize, Section)],
) -> impl IntoView {
    let councils_line = match &q.council {
        Some(c) => ds.council_name(c).to_string(),
        None => {
            let names: Vec<&str> = ds.councils.iter().map(|c| c.name.as_str()).collect();
            format!("All councils ({})", names.join(", "))
        }
    };
    let sections_line = if numbered.is_empty() {
        "Cover only (no sections chosen)".to_string()
    } else {
        numbered
            .iter()
            .map(|(_, s)| s.title())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let contents = numbered
        .iter()
        .map(|(n, s)| {
            let target = section_id(*s);
            view! {
                <li>
                    <span class="gt-pack__toc-n">{format!("{n}.")}</span>" "
                    <a href="#" class="gt-pack__toc-link" on:click=move |ev| {
                        // The fragment is the app's route: scroll to the section without changing it.
                        ev.prevent_default();
                        if let Some(el) = document().get_element_by_id(&target) {
                            el.scroll_into_view();
                        }
                    }>
                        {s.title()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let tol = ds.tolerance_default();
    view! {
        <section class="gt-pack__cover" data-testid="pack-cover" aria-labelledby="pack-title">
            <p class="gt-pack__org" data-testid="pack-organisation">{ds.organisation.clone()}</p>
            <p class="gt-pack__kicker">"Committee pack · Appendix"</p>
            <h2 class="gt-pack__title" id="pack-title">"Performance report"</h2>
            <p class="gt-pack__subtitle">{ds.title.clone()}</p>
            <p class="gt-pack__period" data-testid="pack-period-heading">{period_heading(period)}</p>
            <dl class="gt-pack__facts">
                <div><dt>"Organisation"</dt><dd>{ds.organisation.clone()}</dd></div>
                <div><dt>"Reporting period"</dt><dd>{period.label()}</dd></div>
                <div><dt>"Councils"</dt><dd data-testid="pack-council-label">{councils_line}</dd></div>
                <div><dt>"Sections included"</dt><dd data-testid="pack-sections-label">{sections_line}</dd></div>
                {ds.as_of.map(|d| view! { <div><dt>"Data as of"</dt><dd data-testid="pack-as-of">{gt_core::fmt::date(d)}</dd></div> })}
                <div><dt>"Produced on"</dt><dd data-testid="pack-produced">{produced.map(gt_core::fmt::date).unwrap_or_else(|| "–".into())}</dd></div>
            </dl>
            {(!numbered.is_empty()).then(|| view! {
                <h3 class="gt-pack__h3">"Contents"</h3>
                <ol class="gt-pack__toc" data-testid="pack-contents">{contents}</ol>
            })}
            <h3 class="gt-pack__h3">"How to read this report"</h3>
            {status_key(tol)}
            {ds.description.clone().map(|d| view! { <p class="gt-pack__about"><strong>"About the data: "</strong>{d}</p> })}
        </section>
    }
}

/// The key to statuses, in words, for the cover (a printed pack has no hover or legend).
fn status_key(tol: Tolerance) -> impl IntoView {
    let band = match tol {
        Tolerance::Percent(p) => format!("{}% of target", gt_core::fmt::trim_number(p)),
        Tolerance::Absolute(a) => {
            format!("{} in the indicator's unit", gt_core::fmt::trim_number(a))
        }
    };
    view! {
        <div class="gt-pack__key">
            <ul class="gt-pack__key-list">
                <li><RagTag rag=Rag::Green/>" the target was met."</li>
                <li><RagTag rag=Rag::Amber/>{format!(" missed the target by no more than {band} (or the indicator's own tolerance).")}</li>
                <li><RagTag rag=Rag::Red/>" missed the target by more than that."</li>
                <li><RagTag rag=Rag::NoData/>" due, but no figure reported yet."</li>
                <li><RagTag rag=Rag::DataOnly/>" no target: reported for information."</li>
                <li><RagTag rag=Rag::NotDue/>" not reported this period (for example annual indicators before the year end)."</li>
            </ul>
            <ul class="gt-pack__key-list">
                <li><WorkTag status=WorkStatus::Complete/>" "<WorkTag status=WorkStatus::Green/>" "<WorkTag status=WorkStatus::Amber/>" "<WorkTag status=WorkStatus::Red/>" "<WorkTag status=WorkStatus::NotStarted/>" progress of actions and projects."</li>
                <li>"Direction of travel says whether performance got better or worse, allowing for whether higher or lower is better: short term against the previous period, long term against the same period a year earlier."</li>
            </ul>
        </div>
    }
}

/// Section 1: the key strategic indicators (annual), latest outturn at or before the period.
fn key_section(ds: &Dataset, q: &PackQuery, period: &Period) -> impl IntoView {
    let tol = ds.tolerance_default();
    let keys: Vec<&Indicator> = ds
        .indicators
        .iter()
        .filter(|i| i.key && q.shows_indicator(i))
        .collect();
    if keys.is_empty() {
        return view! { <p class="gt-pack__p">{format!("There are no key strategic indicators for {}.", for_whom(ds, q))}</p> }.into_any();
    }
    let rows = keys
        .into_iter()
        .map(|i| {
            let latest = i
                .values
                .iter()
                .rev()
                .find(|v| v.actual.is_some() && v.period.end() <= period.end());
            let next = i
                .values
                .iter()
                .find(|v| v.period.end() > period.end() && v.target.is_some())
                .and_then(|v| v.target.map(|t| format!("{}: {}", v.period.short_label(), fig(i, Some(t)))));
            let cells = match latest {
                Some(v) => {
                    let s = value_status(i, v, tol);
                    let lt = long_term(i, &v.period);
                    view! {
                        <td class="gt-nowrap">{v.period.short_label()}</td>
                        <td class="gt-num">{fig(i, v.actual)}</td>
                        <td class="gt-num">{fig(i, v.target)}</td>
                        <td><RagTag rag=s.rag manual=s.manual/></td>
                        <td><TravelText travel=lt/></td>
                    }
                    .into_any()
                }
                None => view! { <td colspan="5">"No outturn reported yet."</td> }.into_any(),
            };
            view! {
                <tr data-testid="pack-key-row" data-id=i.id.clone()>
                    <th scope="row"><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a>
                        <span class="gt-pack__ref">{format!("{} · {}", i.id, ds.council_name(&i.council))}</span></th>
                    {cells}
                    <td class="gt-nowrap">{next.unwrap_or_else(|| "–".into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="gt-pack__p">{format!("The key strategic indicators agreed by the Joint Committee are reported once a year, at the year end. The latest outturn at or before {} is shown, with the next target set.", period.short_label())}</p>
        <table class="gt-pack-table gt-pack-table--key">
            <caption>{format!("Key strategic indicators: latest outturn at {}", period.short_label())}</caption>
            <thead><tr>
                <th scope="col">"Indicator"</th>
                <th scope="col">"Outturn for"</th>
                <th scope="col" class="gt-num">"Actual"</th>
                <th scope="col" class="gt-num">"Target"</th>
                <th scope="col">"Status"</th>
                <th scope="col">"Against a year earlier"</th>
                <th scope="col">"Next target"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

fn rag_head() -> impl IntoView {
    RAG_COLUMNS
        .into_iter()
        .map(|r| view! { <th scope="col" class="gt-num gt-pack__status-col"><RagTag rag=r/></th> })
        .collect_view()
}

fn rag_cells(c: &RagCounts) -> impl IntoView {
    let c = *c;
    view! {
        {RAG_COLUMNS.into_iter().map(|r| view! { <td class="gt-num" data-status=r.as_str()>{c.get(r)}</td> }).collect_view()}
        <td class="gt-num gt-pack__total">{c.total()}</td>
    }
}

/// Section 2: RAG counts by council, then each council by service.
fn summary_section(ds: &Dataset, q: &PackQuery, period: &Period) -> impl IntoView {
    let groups = by_council_and_service(ds, q);
    let overall = rag_counts(
        ds,
        groups
            .iter()
            .flat_map(|(_, s)| s.iter().flat_map(|g| g.indicators.iter().copied())),
        period,
    );
    let council_rows = groups
        .iter()
        .map(|(c, services)| {
            let counts = rag_counts(
                ds,
                services.iter().flat_map(|g| g.indicators.iter().copied()),
                period,
            );
            view! {
                <tr data-testid="pack-summary-council" data-council=c.id.clone()>
                    <th scope="row">{c.name.clone()}</th>
                    {rag_cells(&counts)}
                </tr>
            }
        })
        .collect_view();
    let total_row = (groups.len() > 1).then(|| {
        view! { <tr class="gt-pack__total-row"><th scope="row">"All councils"</th>{rag_cells(&overall)}</tr> }
    });
    let per_council = groups
        .iter()
        .map(|(c, services)| {
            let rows = services
                .iter()
                .map(|g| {
                    let counts = rag_counts(ds, g.indicators.iter().copied(), period);
                    view! { <tr><th scope="row">{ds.service_name(g.service).to_string()}</th>{rag_cells(&counts)}</tr> }
                })
                .collect_view();
            let all = rag_counts(
                ds,
                services.iter().flat_map(|g| g.indicators.iter().copied()),
                period,
            );
            view! {
                <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-summary-table" data-council=c.id.clone()>
                    <caption>{format!("{}: indicators by service, {}", c.name, period.short_label())}</caption>
                    <thead><tr><th scope="col">"Service"</th>{rag_head()}<th scope="col" class="gt-num">"Total"</th></tr></thead>
                    <tbody>{rows}</tbody>
                    <tbody><tr class="gt-pack__total-row"><th scope="row">"All services"</th>{rag_cells(&all)}</tr></tbody>
                </table>
            }
        })
        .collect_view();
    view! {
        <p class="gt-pack__p">{format!("How many indicators are in each status for {}. Amber and Red indicators are explained in the exception report.", period.label())}</p>
        <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-summary-councils">
            <caption>{format!("Indicators by council, {}", period.short_label())}</caption>
            <thead><tr><th scope="col">"Council"</th>{rag_head()}<th scope="col" class="gt-num">"Total"</th></tr></thead>
            <tbody>{council_rows}{total_row}</tbody>
        </table>
        {per_council}
    }
}

/// Section 3: every indicator, one table per council, grouped by service.
fn indicators_section(ds: &Dataset, q: &PackQuery, period: &Period) -> impl IntoView {
    let tol = ds.tolerance_default();
    let groups = by_council_and_service(ds, q);
    if groups.is_empty() {
        return view! { <p class="gt-pack__p">{format!("There are no indicators for {}.", for_whom(ds, q))}</p> }.into_any();
    }
    groups
        .into_iter()
        .map(|(c, services)| {
            let n: usize = services.iter().map(|g| g.indicators.len()).sum();
            let bodies = services
                .iter()
                .map(|g| {
                    let rows = g
                        .indicators
                        .iter()
                        .map(|i| {
                            let s = status_at(i, period, tol);
                            let v = s.value;
                            let st = short_term(i, period);
                            let lt = long_term(i, period);
                            view! {
                                <tr data-testid="pack-indicator-row" data-id=i.id.clone() data-council=i.council.clone() data-status=s.rag.as_str()>
                                    <th scope="row"><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a>
                                        <span class="gt-pack__ref">{i.id.clone()}{i.key.then_some(" · Key strategic indicator")}</span></th>
                                    <td class="gt-nowrap">{v.map(|v| v.period.short_label()).unwrap_or_else(|| "–".into())}</td>
                                    <td class="gt-num">{fig(i, v.and_then(|v| v.actual))}</td>
                                    <td class="gt-num">{fig(i, v.and_then(|v| v.target))}</td>
                                    <td><RagTag rag=s.rag manual=s.manual/></td>
                                    <td><TravelText travel=st short=true/></td>
                                    <td><TravelText travel=lt short=true/></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody class="gt-pack__group">
                            <tr class="gt-pack__group-row"><th scope="rowgroup" colspan="7">{format!("{} ({})", ds.service_name(g.service), g.indicators.len())}</th></tr>
                            {rows}
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <div class="gt-pack__council" data-testid="pack-council-indicators" data-council=c.id.clone()>
                    <h3 class="gt-pack__h3">{format!("{} ({} indicators)", c.name, n)}</h3>
                    <table class="gt-pack-table gt-pack-table--indicators">
                        <caption class="gt-visually-hidden">{format!("{}: all indicators by service, {}", c.name, period.short_label())}</caption>
                        <thead><tr>
                            <th scope="col">"Indicator"</th>
                            <th scope="col">"Period"</th>
                            <th scope="col" class="gt-num">"Actual"</th>
                            <th scope="col" class="gt-num">"Target"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Since previous period"</th>
                            <th scope="col">"Since a year earlier"</th>
                        </tr></thead>
                        {bodies}
                    </table>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// Section 4: every Amber and Red indicator, Red first, with reason, difference from target
/// and remedial action.
fn exceptions_section(ds: &Dataset, q: &PackQuery, period: &Period) -> impl IntoView {
    let ex: Vec<_> = gt_core::summary::exceptions(ds, period)
        .into_iter()
        .filter(|e| q.shows_indicator(e.indicator))
        .collect();
    let reds = ex.iter().filter(|e| e.rag == Rag::Red).count();
    let ambers = ex.len() - reds;
    if ex.is_empty() {
        return view! { <p class="gt-pack__p" data-testid="pack-exceptions-none">{format!("No indicator is Red or Amber for {} in {}.", for_whom(ds, q), period.short_label())}</p> }.into_any();
    }
    let tol = ds.tolerance_default();
    let items = ex
        .iter()
        .map(|e| {
            let i = e.indicator;
            let diff = e.variance.map(|v| {
                let pct = v
                    .percent
                    .map(|p| format!(" ({}{:.1}% of target)", if p > 0.0 { "+" } else { "" }, p))
                    .unwrap_or_default();
                format!("{}{pct}", gt_core::fmt::difference(v.absolute, i.decimals, i.unit.as_deref()))
            });
            let manual = e.value.rag.is_some();
            view! {
                <div class=format!("gt-pack-ex gt-pack-ex--{}", e.rag.as_str()) data-testid="pack-exception" data-id=i.id.clone() data-status=e.rag.as_str()>
                    <div class="gt-pack-ex__head">
                        <RagTag rag=e.rag manual=manual/>
                        <h3 class="gt-pack-ex__title"><a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a></h3>
                    </div>
                    <p class="gt-pack-ex__meta">{format!("{} · {} · {} · {}", i.id, ds.council_name(&i.council), ds.service_name(&i.service), e.value.period.short_label())}
                        {i.owner.clone().map(|o| format!(" · Responsible officer: {o}"))}</p>
                    <dl class="gt-pack-ex__detail">
                        <div><dt>"Performance"</dt><dd>{format!("Actual {} against a target of {} ({})", fig(i, e.value.actual), fig(i, e.value.target), i.polarity.label().to_lowercase())}</dd></div>
                        <div><dt>"Difference from target"</dt><dd data-testid="pack-exception-difference">{diff.unwrap_or_else(|| "–".into())}</dd></div>
                        <div><dt>"Amber when"</dt><dd>{format!("the target is missed, but {}", i.tolerance_or(tol).describe(i.unit.as_deref()))}</dd></div>
                        {manual.then(|| view! { <div><dt>"Status set by hand"</dt><dd>{e.value.rag_justification.clone().unwrap_or_else(|| "No reason recorded.".into())}</dd></div> })}
                        <div><dt>"Reasons for performance"</dt><dd>{e.value.reason.clone().unwrap_or_else(|| "No reason given yet.".into())}</dd></div>
                        <div><dt>"Remedial action"</dt><dd>{e.value.remedial_action.clone().unwrap_or_else(|| "No remedial action given yet.".into())}</dd></div>
                    </dl>
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="gt-pack__p" data-testid="pack-exceptions-count">{format!(
            "{reds} Red and {ambers} Amber indicator{} for {} in {}, Red first, then by council and name.",
            if reds + ambers == 1 { "" } else { "s" }, for_whom(ds, q), period.short_label()
        )}</p>
        {items}
    }
    .into_any()
}

fn work_counts_cells(c: &WorkCounts) -> impl IntoView {
    let c = *c;
    view! {
        {WORK_COLUMNS.into_iter().map(|s| view! { <td class="gt-num">{c.get(s)}</td> }).collect_view()}
        <td class="gt-num gt-pack__total">{c.total()}</td>
        <td class="gt-num">{c.overdue}</td>
    }
}

fn work_head() -> impl IntoView {
    view! {
        {WORK_COLUMNS.into_iter().map(|s| view! { <th scope="col" class="gt-num gt-pack__status-col"><WorkTag status=s/></th> }).collect_view()}
        <th scope="col" class="gt-num">"Total"</th>
        <th scope="col" class="gt-num">"Overdue"</th>
    }
}

/// Section 5: improvement actions by theme and area with their status at the period.
fn improvement_section(ds: &Dataset, q: &PackQuery, period: &Period) -> impl IntoView {
    let on = reference_date(ds, Some(period));
    let status_of = |a: &Action| {
        let s = work_status(&a.updates, Some(period));
        (s, is_overdue(a.due, s, on))
    };
    let mut total = WorkCounts::default();
    let theme_rows = ds
        .themes
        .iter()
        .map(|t| {
            let mut c = WorkCounts::default();
            for a in t.areas.iter().flat_map(|a| a.actions.iter()).filter(|a| q.shows_work(&a.councils)) {
                let (s, o) = status_of(a);
                c.add(s, o);
                total.add(s, o);
            }
            view! { <tr><th scope="row">{format!("{}: {}", t.id, t.title)}</th>{work_counts_cells(&c)}</tr> }
        })
        .collect_view();
    let themes = ds
        .themes
        .iter()
        .filter_map(|t| {
            let bodies: Vec<_> = t
                .areas
                .iter()
                .filter_map(|area| {
                    let actions: Vec<&Action> = area.actions.iter().filter(|a| q.shows_work(&a.councils)).collect();
                    if actions.is_empty() {
                        return None;
                    }
                    let rows = actions
                        .into_iter()
                        .map(|a| {
                            let (s, overdue) = status_of(a);
                            let u = latest_update(&a.updates, Some(period));
                            let mut meta = vec![a.id.clone()];
                            if let Some(o) = &a.owner {
                                meta.push(o.clone());
                            }
                            if let Some(d) = a.due {
                                meta.push(format!("Due {}", gt_core::fmt::date(d)));
                            }
                            let commentary = match u {
                                Some(u) => {
                                    let when = (u.period != *period).then(|| format!(" (update for {})", u.period.short_label()));
                                    format!("{}{}", u.commentary.clone().unwrap_or_else(|| "No commentary.".into()), when.unwrap_or_default())
                                }
                                None => "No update yet.".into(),
                            };
                            let pct = u.and_then(|u| u.percent_complete).map(|p| format!("{}%", gt_core::fmt::trim_number(p))).unwrap_or_else(|| "–".into());
                            view! {
                                <tr data-testid="pack-action-row" data-id=a.id.clone() data-status=s.as_str()>
                                    <th scope="row">{a.title.clone()}<span class="gt-pack__ref">{meta.join(" · ")}</span></th>
                                    <td><WorkTag status=s/>{overdue.then(|| view! { <span class="gt-pack__overdue">"Overdue"</span> })}</td>
                                    <td class="gt-num">{pct}</td>
                                    <td class="gt-pack__commentary">{commentary}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let service = area.service.as_deref().map(|s| format!(" · {}", ds.service_name(s))).unwrap_or_default();
                    Some(view! {
                        <tbody class="gt-pack__group">
                            <tr class="gt-pack__group-row"><th scope="rowgroup" colspan="4">{format!("{} {}{service}", area.id, area.title)}</th></tr>
                            {rows}
                        </tbody>
                    })
                })
                .collect();
            (!bodies.is_empty()).then(|| view! {
                <h3 class="gt-pack__h3">{format!("{}: {}", t.id, t.title)}</h3>
                <table class="gt-pack-table gt-pack-table--actions">
                    <caption class="gt-visually-hidden">{format!("Improvement actions, theme {}: {}, at {}", t.id, t.title, period.short_label())}</caption>
                    <thead><tr>
                        <th scope="col">"Action"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col" class="gt-num">"% complete"</th>
                        <th scope="col">"Progress"</th>
                    </tr></thead>
                    {bodies}
                </table>
            })
        })
        .collect_view();
    view! {
        <p class="gt-pack__p">{format!(
            "Progress with the improvement action plan at the end of {} ({}), from each action's latest update at or before then. Overdue: past its due date and not complete.",
            period.short_label(), period.months_label()
        )}</p>
        <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-action-counts">
            <caption>{format!("Improvement actions by status, {}", period.short_label())}</caption>
            <thead><tr><th scope="col">"Theme"</th>{work_head()}</tr></thead>
            <tbody>{theme_rows}<tr class="gt-pack__total-row" data-testid="pack-action-total"><th scope="row">"All themes"</th>{work_counts_cells(&total)}</tr></tbody>
        </table>
        {themes}
    }
}

/// Section 6: each strategic priority's overall status and its projects' latest updates.
fn priorities_section(ds: &Dataset, q: &PackQuery, period: &Period) -> impl IntoView {
    let on = reference_date(ds, Some(period));
    // A priority as this pack sees it: only the projects for the council chosen.
    let shown: Vec<Priority> = ds
        .priorities
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.projects.retain(|x| q.shows_work(&x.councils));
            p
        })
        .collect();
    let any_update = shown
        .iter()
        .flat_map(|p| p.projects.iter())
        .any(|x| latest_update(&x.updates, Some(period)).is_some());
    let note = (!any_update).then(|| {
        let from = first_project_update(ds)
            .filter(|f| f > period)
            .map(|f| format!(" Progress on the strategic priorities is reported from {}.", f.label()))
            .unwrap_or_default();
        view! {
            <p class="gt-pack__p gt-pack__note" data-testid="pack-priorities-no-updates">
                <strong>{format!("No progress updates for this period ({}).", period.short_label())}</strong>{from}
            </p>
        }
    });
    let summary_rows = shown
        .iter()
        .map(|p| {
            let mut c = WorkCounts::default();
            for x in &p.projects {
                let s = work_status(&x.updates, Some(period));
                c.add(s, is_overdue(x.due, s, on));
            }
            view! {
                <tr data-testid="pack-priority-row" data-id=p.id.clone()>
                    <th scope="row">{format!("{}: {}", p.id, p.title)}</th>
                    <td>{(!p.projects.is_empty()).then(|| view! { <WorkTag status=priority_status(p, Some(period))/> })}
                        {p.projects.is_empty().then_some("No projects")}</td>
                    <td class="gt-num">{c.total()}</td>
                    <td class="gt-num">{c.complete}</td>
                    <td class="gt-num">{c.on_track}</td>
                    <td class="gt-num">{c.at_risk}</td>
                    <td class="gt-num">{c.off_track}</td>
                    <td class="gt-num">{c.not_started}</td>
                </tr>
            }
        })
        .collect_view();
    let details = shown
        .iter()
        .map(|p| {
            let rows = p
                .projects
                .iter()
                .map(|x| {
                    let u = latest_update(&x.updates, Some(period));
                    let s = work_status(&x.updates, Some(period));
                    let overdue = is_overdue(x.due, s, on);
                    let mut meta = vec![x.id.clone()];
                    if let Some(o) = &x.owner {
                        meta.push(o.clone());
                    }
                    if let Some(d) = x.due {
                        meta.push(format!("Due {}", gt_core::fmt::date(d)));
                    }
                    let text = match u {
                        Some(u) => format!(
                            "{}: {}",
                            u.period.short_label(),
                            u.commentary.clone().unwrap_or_else(|| "No commentary.".into())
                        ),
                        None => "No progress update for this period.".into(),
                    };
                    view! {
                        <tr data-testid="pack-project-row" data-id=x.id.clone()>
                            <th scope="row">{x.title.clone()}<span class="gt-pack__ref">{meta.join(" · ")}</span></th>
                            <td><WorkTag status=s/>{overdue.then(|| view! { <span class="gt-pack__overdue">"Overdue"</span> })}</td>
                            <td class="gt-pack__commentary">{text}</td>
                        </tr>
                    }
                })
                .collect_view();
            let empty = p.projects.is_empty().then(|| {
                view! { <tr><td colspan="3">{format!("No projects for {}.", for_whom(ds, q))}</td></tr> }
            });
            view! {
                <div class="gt-pack__priority">
                    <h3 class="gt-pack__h3">{format!("{}: {}", p.id, p.title)}" "{(!p.projects.is_empty()).then(|| view! { <WorkTag status=priority_status(p, Some(period))/> })}</h3>
                    {p.description.clone().map(|d| view! { <p class="gt-pack__p gt-pack__desc">{d}</p> })}
                    <table class="gt-pack-table gt-pack-table--projects">
                        <caption class="gt-visually-hidden">{format!("Projects delivering {}, latest update at {}", p.id, period.short_label())}</caption>
                        <thead><tr>
                            <th scope="col">"Project or key activity"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Latest update"</th>
                        </tr></thead>
                        <tbody>{rows}{empty}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();
    view! {
        {note}
        <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-priorities-summary">
            <caption>{format!("Strategic priorities: overall status at {}", period.short_label())}</caption>
            <thead><tr>
                <th scope="col">"Priority"</th>
                <th scope="col">"Overall status"</th>
                <th scope="col" class="gt-num">"Projects"</th>
                <th scope="col" class="gt-num">"Complete"</th>
                <th scope="col" class="gt-num">"On track"</th>
                <th scope="col" class="gt-num">"At risk"</th>
                <th scope="col" class="gt-num">"Off track"</th>
                <th scope="col" class="gt-num">"Not started"</th>
            </tr></thead>
            <tbody>{summary_rows}</tbody>
        </table>
        <p class="gt-pack__p gt-pack__small">"Overall status: Off track if any project is off track; else At risk if any is at risk; else On track if any is on track; Complete when every project is complete."</p>
        {details}
    }
}
