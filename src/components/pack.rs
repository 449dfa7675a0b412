//! The committee pack, rendered: the cover and each section of a `gt_core::pack::Pack`.
//! Everything printed (statuses, counts, directions, overdue flags, "as at" words, sentences)
//! is already worked out in the pack; these functions only lay it out. Print layout is in
//! style/print.css. Where the data is from and the draft (`gt_core::draft`) come in as
//! [`Marks`]: the cover says them, and each row that differs from the published data says
//! Draft.

use crate::components::changes::ChangesTable;
use crate::components::covering::{contents_view, covering_view, PageMap};
use crate::components::draft::DraftFlag;
use crate::components::status::{RagTag, WorkTag};
use crate::components::travel::TravelText;
use chrono::NaiveDate;
use gt_core::draft::{Draft, Provenance};
use gt_core::pack::{
    ExceptionsSection, ImprovementSection, IndicatorsSection, KeySection, Legend, NoUpdates, Pack,
    PackSection, PrioritiesSection, SectionBody, SummarySection, WorkRow, COVER_ANCHOR,
    RAG_COLUMNS, WORK_COLUMNS,
};
use gt_core::route::Route;
use gt_core::summary::{RagCounts, WorkCounts};
use gt_core::Period;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the data is from and how it differs from the published data, for the pack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub draft: Arc<Draft>,
    pub provenance: Option<Provenance>,
    /// The pack's period.
    pub period: Option<Period>,
}

impl Marks {
    /// "Draft" on an indicator's row when what it says as at the pack's period differs.
    fn indicator(&self, id: &str) -> Option<impl IntoView> {
        self.period
            .is_some_and(|p| self.draft.indicator_at(id, &p))
            .then(|| view! { <DraftFlag what="row"/> })
    }

    /// "Draft" on an action's or project's row when its state at the pack's period differs.
    fn work(&self, id: &str) -> Option<impl IntoView> {
        self.period
            .is_some_and(|p| self.draft.work_at(id, &p))
            .then(|| view! { <DraftFlag what="row"/> })
    }
}

/// The whole pack: the covering report and the contents page (when one is written for the
/// period), the cover, then each section chosen. `pages` is the printed page of each part,
/// once measured, for the contents page.
pub fn pack_view(
    pack: &Pack,
    produced: Option<NaiveDate>,
    marks: &Marks,
    pages: Signal<Option<PageMap>>,
) -> AnyView {
    if let Some(nothing) = &pack.nothing_to_report {
        return view! {
            <div class="gt-pack" data-testid="pack">
                <p class="gt-body">{nothing.clone()}</p>
            </div>
        }
        .into_any();
    }
    let sections = pack
        .sections
        .iter()
        .map(|s| section_view(s, marks))
        .collect_view();
    view! {
        <article class="gt-pack" data-testid="pack" aria-label="Committee pack">
            {pack.covering.as_ref().map(|c| view! {
                {covering_view(c)}
                {contents_view(&pack.contents(), pages)}
            })}
            {cover(pack, produced, marks)}
            {sections}
            {about_data(pack)}
        </article>
    }
    .into_any()
}

fn section_view(s: &PackSection, m: &Marks) -> impl IntoView {
    let body = match &s.body {
        SectionBody::Key(x) => key_section(x, m),
        SectionBody::Summary(x) => summary_section(x),
        SectionBody::Indicators(x) => indicators_section(x, m),
        SectionBody::Exceptions(x) => exceptions_section(x, m),
        SectionBody::Improvement(x) => improvement_section(x, m),
        SectionBody::Priorities(x) => priorities_section(x, m),
    };
    let word = s.section.as_str();
    let heading_id = format!("{}-heading", s.anchor);
    let labelled_by = heading_id.clone();
    view! {
        <section class=format!("gt-pack__section gt-pack__section--{word}") id=s.anchor.clone()
            aria-labelledby=labelled_by data-testid=format!("pack-section-{word}")>
            <h2 class="gt-pack__h2" id=heading_id>{s.heading.clone()}</h2>
            {body}
        </section>
    }
}

/// The draft on the cover: how many changes, the published data, and every change.
fn draft_note(m: &Marks) -> Option<impl IntoView> {
    let d = &m.draft;
    (!d.is_empty()).then(|| {
        let published = m
            .provenance
            .as_ref()
            .map(|p| p.published())
            .unwrap_or_else(|| "the data as loaded".into());
        view! {
            // Named "Draft pack: …", not as the draft banner above the page is.
            <section class="gt-pack__draft" data-testid="pack-draft" aria-label=format!("Draft pack: {}", d.headline())>
                <p class="gt-pack__draft-label" aria-hidden="true">"DRAFT"</p>
                <div class="gt-pack__draft-body">
                    // The cover's first heading (its title comes after it): level 2.
                    <h2 class="gt-pack__draft-title" id="pack-draft-title">{d.headline()}</h2>
                    <p class="gt-pack__p">{format!("These are not the published figures. The published data is {published}; this pack includes the changes listed below, and rows that differ from the published data are marked Draft.")}</p>
                    <ol class="gt-pack__draft-list">{d.changes.iter().map(|c| view! { <li>{c.line()}</li> }).collect_view()}</ol>
                </div>
            </section>
        }
    })
}

fn cover(pack: &Pack, produced: Option<NaiveDate>, m: &Marks) -> impl IntoView {
    let contents = pack
        .sections
        .iter()
        .map(|s| {
            let target = s.anchor.clone();
            view! {
                <li>
                    <span class="gt-pack__toc-n">{format!("{}.", s.number)}</span>" "
                    <a href="#" class="gt-pack__toc-link" on:click=move |ev| {
                        // The fragment is the app's route: scroll to the section without changing it.
                        ev.prevent_default();
                        if let Some(el) = document().get_element_by_id(&target) {
                            el.scroll_into_view();
                        }
                    }>
                        {s.section.title()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let has_sections = !pack.sections.is_empty();
    view! {
        <section class="gt-pack__cover" id=COVER_ANCHOR data-testid="pack-cover" aria-labelledby="pack-title">
            {draft_note(m)}
            <p class="gt-pack__org" data-testid="pack-organisation">{pack.organisation.clone()}</p>
            <p class="gt-pack__kicker">"Committee pack · Appendix"</p>
            <h2 class="gt-pack__title" id="pack-title">"Performance report"</h2>
            <p class="gt-pack__subtitle">{pack.title.clone()}</p>
            <p class="gt-pack__period" data-testid="pack-period-heading">{pack.period_heading.clone()}</p>
            <dl class="gt-pack__facts">
                <div><dt>"Organisation"</dt><dd>{pack.organisation.clone()}</dd></div>
                <div><dt>"Reporting period"</dt><dd>{pack.period_label.clone()}</dd></div>
                <div><dt>"Councils"</dt><dd data-testid="pack-council-label">{pack.councils_line.clone()}</dd></div>
                <div><dt>"Sections included"</dt><dd data-testid="pack-sections-label">{pack.sections_line.clone()}</dd></div>
                {pack.as_of.clone().map(|d| view! { <div><dt>"Data as of"</dt><dd data-testid="pack-as-of">{d}</dd></div> })}
                <div><dt>"Produced on"</dt><dd data-testid="pack-produced">{produced.map(gt_core::fmt::date).unwrap_or_else(|| "–".into())}</dd></div>
                {m.provenance.as_ref().map(|p| view! {
                    <div><dt>"Data"</dt><dd class="gt-pack__source" data-testid="pack-source">{p.line()}</dd></div>
                })}
            </dl>
            {has_sections.then(|| view! {
                <h3 class="gt-pack__h3">"Contents"</h3>
                <ol class="gt-pack__toc" data-testid="pack-contents">{contents}</ol>
            })}
            <h3 class="gt-pack__h3">"How to read this report"</h3>
            {legend(&pack.legend)}
        </section>
    }
}

/// What the data is, in the data's own words, after the last section (a long description
/// would push the cover onto a second page; the cover's "Data" line already says where the
/// data is from and whether its figures are illustrative).
fn about_data(pack: &Pack) -> Option<impl IntoView> {
    pack.description.clone().map(|d| {
        view! {
            <section class="gt-pack__about-data" aria-labelledby="pack-about-title" data-testid="pack-about">
                <h2 class="gt-pack__h3" id="pack-about-title">"About the data"</h2>
                <p class="gt-pack__about">{d}</p>
            </section>
        }
    })
}

/// The key to statuses, in words, for the cover (a printed pack has no hover or legend).
fn legend(l: &Legend) -> impl IntoView {
    view! {
        <div class="gt-pack__key" data-testid="pack-legend">
            <ul class="gt-pack__key-list">
                {l.rag.iter().map(|(r, text)| view! { <li><RagTag rag=*r/>{text.clone()}</li> }).collect_view()}
            </ul>
            <ul class="gt-pack__key-list">
                <li>
                    {l.work.iter().map(|s| view! { <WorkTag status=*s/>" " }).collect_view()}
                    {l.work_text.clone()}
                </li>
                <li>{l.direction.clone()}</li>
                <li>{l.as_at.clone()}</li>
            </ul>
        </div>
    }
}

/// "as at Q2 2021/22" under a status, when it comes from an older period.
fn as_at(words: Option<String>) -> impl IntoView {
    words.map(|w| view! { <span class="gt-pack__as-at" data-testid="pack-as-at">{w}</span> })
}

fn overdue(on: bool) -> impl IntoView {
    on.then(|| view! { <span class="gt-pack__overdue">"Overdue"</span> })
}

/// A plain sentence for a plan with no update by the period.
fn no_updates(n: Option<NoUpdates>, testid: &'static str) -> impl IntoView {
    n.map(|n| {
        view! {
            <p class="gt-pack__p gt-pack__note" data-testid=testid>
                <strong>{n.headline}</strong>{n.detail}
            </p>
        }
    })
}

// -------------------------------------------------------------------------------------------

/// Section 1: the key strategic indicators, latest outturn at or before the period.
fn key_section(s: &KeySection, m: &Marks) -> AnyView {
    if let Some(empty) = &s.empty {
        return view! { <p class="gt-pack__p">{empty.clone()}</p> }.into_any();
    }
    // Each cell says its column's heading where rows become cards (narrow screens).
    let col = |i: usize| -> &'static str { s.columns.get(i).copied().unwrap_or("") };
    let rows = s
        .rows
        .iter()
        .map(|r| {
            let cells = match &r.latest {
                Some(o) => view! {
                    <td class="gt-nowrap" data-label=col(1)>{o.period_label.clone()}</td>
                    <td class="gt-num" data-label=col(2)>{o.actual.clone()}</td>
                    <td class="gt-num" data-label=col(3)>{o.target.clone()}</td>
                    <td data-label=col(4)><RagTag rag=o.status manual=o.manual/>{as_at(o.as_at.clone())}</td>
                    <td data-label=col(5)><TravelText travel=o.long_term/></td>
                }
                .into_any(),
                None => view! { <td colspan="5">"No outturn reported yet."</td> }.into_any(),
            };
            view! {
                <tr data-testid="pack-key-row" data-id=r.id.clone()>
                    <th scope="row"><a href=Route::Indicator(r.id.clone()).href()>{r.name.clone()}</a>
                        <span class="gt-pack__ref">{format!("{} · {}", r.id, r.council_name)}</span>{m.indicator(&r.id)}</th>
                    {cells}
                    <td class="gt-nowrap" data-label=col(6)>{r.next_target.clone().unwrap_or_else(|| "–".into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="gt-pack__p">{s.intro.clone()}</p>
        <table class="gt-pack-table gt-pack-table--key">
            <caption>{s.caption.clone()}</caption>
            <thead><tr>{headings(&s.columns, &[2, 3])}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// Column headings; the columns at `numeric` (0-based) hold figures.
fn headings(columns: &[&'static str], numeric: &[usize]) -> impl IntoView {
    columns
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let class = if numeric.contains(&n) { "gt-num" } else { "" };
            view! { <th scope="col" class=class>{*c}</th> }
        })
        .collect_view()
}

fn rag_head() -> impl IntoView {
    RAG_COLUMNS
        .into_iter()
        .map(|r| view! { <th scope="col" class="gt-num gt-pack__status-col"><RagTag rag=r/></th> })
        .collect_view()
}

fn rag_cells(c: RagCounts) -> impl IntoView {
    view! {
        {RAG_COLUMNS.into_iter().map(|r| view! { <td class="gt-num" data-status=r.as_str() data-label=r.label()>{c.get(r)}</td> }).collect_view()}
        <td class="gt-num gt-pack__total" data-label="Total">{c.total()}</td>
    }
}

/// Section 2: counts by status for each council (its own indicators) and for the shared
/// service, then each of them by service.
fn summary_section(s: &SummarySection) -> AnyView {
    let council_rows = s
        .councils
        .iter()
        .map(|c| {
            view! {
                <tr data-testid="pack-summary-council" data-council=c.id.clone()>
                    <th scope="row">{c.name.clone()}</th>
                    {rag_cells(c.counts)}
                </tr>
            }
        })
        .collect_view();
    let shared_row = s.shared.as_ref().map(|c| {
        view! {
            <tr data-testid="pack-summary-shared" data-council=c.id.clone()>
                <th scope="row">{c.name.clone()}</th>
                {rag_cells(c.all)}
            </tr>
        }
    });
    let total_row = s.total.map(|t| {
        view! { <tr class="gt-pack__total-row"><th scope="row">"All indicators"</th>{rag_cells(t)}</tr> }
    });
    let per_council = s
        .per_council
        .iter()
        .chain(s.shared.as_ref())
        .map(|c| {
            let rows = c
                .services
                .iter()
                .map(|(name, counts)| view! { <tr><th scope="row">{name.clone()}</th>{rag_cells(*counts)}</tr> })
                .collect_view();
            view! {
                <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-summary-table" data-council=c.id.clone()>
                    <caption>{c.caption.clone()}</caption>
                    <thead><tr><th scope="col">"Service"</th>{rag_head()}<th scope="col" class="gt-num">"Total"</th></tr></thead>
                    <tbody>{rows}</tbody>
                    <tbody><tr class="gt-pack__total-row"><th scope="row">"All services"</th>{rag_cells(c.all)}</tr></tbody>
                </table>
            }
        })
        .collect_view();
    view! {
        <p class="gt-pack__p">{s.intro.clone()}</p>
        <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-summary-councils">
            <caption>{s.caption.clone()}</caption>
            <thead><tr><th scope="col">"Council"</th>{rag_head()}<th scope="col" class="gt-num">"Total"</th></tr></thead>
            <tbody>{council_rows}{shared_row}{total_row}</tbody>
        </table>
        {per_council}
        <h3 class="gt-pack__h3" data-testid="pack-changes">"Changed since last quarter"</h3>
        <p class="gt-pack__p" data-testid="pack-changes-words">{s.changes_words.clone()}</p>
        {(!s.changes.is_empty()).then(|| view! { <ChangesTable rows=s.changes.clone() caption="Ratings changed since the previous period, worst first" links=true pack=true/> })}
    }
    .into_any()
}

/// Section 3: every indicator, one table per council, grouped by service.
fn indicators_section(s: &IndicatorsSection, m: &Marks) -> AnyView {
    if let Some(empty) = &s.empty {
        return view! { <p class="gt-pack__p">{empty.clone()}</p> }.into_any();
    }
    let columns = s.columns.clone();
    let col = |i: usize| -> &'static str { s.columns.get(i).copied().unwrap_or("") };
    s.councils
        .iter()
        .map(|c| {
            let bodies = c
                .services
                .iter()
                .map(|g| {
                    let rows = g
                        .rows
                        .iter()
                        .map(|r| {
                            // A shared-service row is marked "shared" and says whom it is for.
                            let council = r.council.clone().unwrap_or_else(|| "shared".into());
                            let shared_for = r.shared_for.clone().map(|w| format!(" · {w}"));
                            view! {
                                <tr data-testid="pack-indicator-row" data-id=r.id.clone() data-council=council data-status=r.status.as_str()>
                                    <th scope="row"><a href=Route::Indicator(r.id.clone()).href()>{r.name.clone()}</a>
                                        <span class="gt-pack__ref">{r.id.clone()}{r.key.then_some(" · Key strategic indicator")}{shared_for}</span>{m.indicator(&r.id)}</th>
                                    <td class="gt-nowrap" data-label=col(1)>{r.figure_for.clone().unwrap_or_else(|| "–".into())}</td>
                                    <td class="gt-num" data-label=col(2)>{r.actual.clone()}</td>
                                    <td class="gt-num" data-label=col(3)>{r.target.clone()}</td>
                                    <td data-label=col(4)><RagTag rag=r.status manual=r.manual/>{as_at(r.latest_words())}</td>
                                    <td data-label=col(5)><TravelText travel=r.short_term short=true/></td>
                                    <td data-label=col(6)><TravelText travel=r.long_term short=true/></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody class="gt-pack__group">
                            <tr class="gt-pack__group-row"><th scope="rowgroup" colspan="7">{g.heading.clone()}</th></tr>
                            {rows}
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <div class="gt-pack__council" data-testid="pack-council-indicators" data-council=c.id.clone()>
                    <h3 class="gt-pack__h3">{c.heading.clone()}</h3>
                    {c.note.clone().map(|n| view! { <p class="gt-pack__p gt-pack__small" data-testid="pack-shared-note">{n}</p> })}
                    <table class="gt-pack-table gt-pack-table--indicators">
                        <caption class="gt-visually-hidden">{c.caption.clone()}</caption>
                        <thead><tr>{headings(&columns, &[2, 3])}</tr></thead>
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
fn exceptions_section(s: &ExceptionsSection, m: &Marks) -> AnyView {
    if s.items.is_empty() {
        return view! { <p class="gt-pack__p" data-testid="pack-exceptions-none">{s.summary.clone()}</p> }.into_any();
    }
    let items = s
        .items
        .iter()
        .map(|e| {
            view! {
                <div class=format!("gt-pack-ex gt-pack-ex--{}", e.rag.as_str()) data-testid="pack-exception" data-id=e.id.clone() data-status=e.rag.as_str()>
                    <div class="gt-pack-ex__head">
                        <RagTag rag=e.rag manual=e.manual/>
                        {m.indicator(&e.id)}
                        <h3 class="gt-pack-ex__title"><a href=Route::Indicator(e.id.clone()).href()>{e.name.clone()}</a></h3>
                    </div>
                    <p class="gt-pack-ex__meta">{e.meta.clone()}</p>
                    <dl class="gt-pack-ex__detail">
                        <div><dt>"Performance"</dt><dd>{e.performance.clone()}</dd></div>
                        <div><dt>"Difference from target"</dt><dd data-testid="pack-exception-difference">{e.difference.clone()}</dd></div>
                        <div><dt>"How it is rated"</dt><dd>{e.rated.clone()}</dd></div>
                        {e.rules_give.map(|r| view! { <div><dt>"Differs from the rules"</dt><dd data-testid="pack-differs">{format!("Set by hand as {}; the rules give {}.", e.rag.colour_word(), r.colour_word())}</dd></div> })}
                        {e.set_by_hand.clone().map(|r| view! { <div><dt>"Status set by hand"</dt><dd>{r}</dd></div> })}
                        <div><dt>"Reasons for performance"</dt><dd>{e.reason.clone()}</dd></div>
                        <div><dt>"Remedial action"</dt><dd>{e.remedial_action.clone()}</dd></div>
                        {e.forecast.clone().map(|f| view! { <div><dt>"Year-end forecast"</dt><dd data-testid="pack-forecast">{f}</dd></div> })}
                    </dl>
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="gt-pack__p" data-testid="pack-exceptions-count">{s.summary.clone()}</p>
        {items}
    }
    .into_any()
}

fn work_counts_cells(c: WorkCounts) -> impl IntoView {
    view! {
        {WORK_COLUMNS.into_iter().map(|s| view! { <td class="gt-num" data-label=s.label()>{c.get(s)}</td> }).collect_view()}
        <td class="gt-num gt-pack__total" data-label="Total">{c.total()}</td>
        <td class="gt-num" data-label="Overdue">{c.overdue}</td>
    }
}

fn work_head() -> impl IntoView {
    view! {
        {WORK_COLUMNS.into_iter().map(|s| view! { <th scope="col" class="gt-num gt-pack__status-col"><WorkTag status=s/></th> }).collect_view()}
        <th scope="col" class="gt-num">"Total"</th>
        <th scope="col" class="gt-num">"Overdue"</th>
    }
}

/// An action's or project's status cell: the status, "as at" when older, and Overdue.
fn work_status(r: &WorkRow) -> impl IntoView {
    view! {
        <td data-label="Status"><WorkTag status=r.status/>{as_at(r.as_at.clone())}{overdue(r.overdue)}</td>
    }
}

/// Section 5: improvement actions by theme and area with their status at the period.
fn improvement_section(s: &ImprovementSection, m: &Marks) -> AnyView {
    let theme_rows = s
        .theme_counts
        .iter()
        .map(|(label, c)| view! { <tr><th scope="row">{label.clone()}</th>{work_counts_cells(*c)}</tr> })
        .collect_view();
    let themes = s
        .themes
        .iter()
        .map(|t| {
            let bodies = t
                .areas
                .iter()
                .map(|area| {
                    let rows = area
                        .rows
                        .iter()
                        .map(|r| {
                            view! {
                                <tr data-testid="pack-action-row" data-id=r.id.clone() data-status=r.status.as_str() data-overdue=r.overdue.to_string()>
                                    <th scope="row">{r.title.clone()}<span class="gt-pack__ref">{r.meta.clone()}</span>{m.work(&r.id)}</th>
                                    {work_status(r)}
                                    <td class="gt-num" data-label="% complete">{r.percent.clone().unwrap_or_else(|| "–".into())}</td>
                                    <td class="gt-pack__commentary" data-label="Progress">{r.commentary.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody class="gt-pack__group">
                            <tr class="gt-pack__group-row" data-testid="pack-area-row" data-id=area.id.clone() data-status=area.status.as_str()>
                                <th scope="rowgroup" colspan="4">
                                    {area.heading.clone()}" "<WorkTag status=area.status/>{as_at(area.as_at.clone())}
                                </th>
                            </tr>
                            {rows}
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <h3 class="gt-pack__h3">{t.heading.clone()}</h3>
                <table class="gt-pack-table gt-pack-table--actions">
                    <caption class="gt-visually-hidden">{t.caption.clone()}</caption>
                    <thead><tr>
                        <th scope="col">"Action"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col" class="gt-num">"% complete"</th>
                        <th scope="col">"Progress"</th>
                    </tr></thead>
                    {bodies}
                </table>
            }
        })
        .collect_view();
    view! {
        <p class="gt-pack__p">{s.intro.clone()}</p>
        {no_updates(s.no_updates.clone(), "pack-improvement-no-updates")}
        <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-action-counts">
            <caption>{s.caption.clone()}</caption>
            <thead><tr><th scope="col">"Theme"</th>{work_head()}</tr></thead>
            <tbody>{theme_rows}<tr class="gt-pack__total-row" data-testid="pack-action-total"><th scope="row">"All themes"</th>{work_counts_cells(s.total)}</tr></tbody>
        </table>
        {themes}
    }
    .into_any()
}

/// Section 6: each strategic priority's overall status and its projects' latest updates.
fn priorities_section(s: &PrioritiesSection, m: &Marks) -> AnyView {
    let summary_rows = s
        .priorities
        .iter()
        .map(|p| {
            let c = p.counts;
            let status = match p.status {
                Some(st) => view! { <WorkTag status=st/>{as_at(p.as_at.clone())} }.into_any(),
                None => "No projects".into_any(),
            };
            view! {
                <tr data-testid="pack-priority-row" data-id=p.id.clone()
                    data-status=p.status.map(|s| s.as_str()).unwrap_or("none")>
                    <th scope="row">{p.heading.clone()}</th>
                    <td data-label="Overall status">{status}</td>
                    <td class="gt-num" data-label="Projects">{c.total()}</td>
                    <td class="gt-num" data-label="Complete">{c.complete}</td>
                    <td class="gt-num" data-label="On track">{c.on_track}</td>
                    <td class="gt-num" data-label="At risk">{c.at_risk}</td>
                    <td class="gt-num" data-label="Off track">{c.off_track}</td>
                    <td class="gt-num" data-label="Not started">{c.not_started}</td>
                    <td class="gt-num" data-label="Overdue">{c.overdue}</td>
                </tr>
            }
        })
        .collect_view();
    let details = s
        .priorities
        .iter()
        .map(|p| {
            let rows = p
                .projects
                .iter()
                .map(|r| {
                    view! {
                        <tr data-testid="pack-project-row" data-id=r.id.clone() data-status=r.status.as_str() data-overdue=r.overdue.to_string()>
                            <th scope="row">{r.title.clone()}<span class="gt-pack__ref">{r.meta.clone()}</span>{m.work(&r.id)}</th>
                            {work_status(r)}
                            <td class="gt-pack__commentary" data-label="Latest update">{r.commentary.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let empty = p.empty.clone().map(|e| view! { <tr><td colspan="3">{e}</td></tr> });
            view! {
                <div class="gt-pack__priority" data-testid="pack-priority" data-id=p.id.clone()>
                    <h3 class="gt-pack__h3">{p.heading.clone()}" "
                        {p.status.map(|st| view! { <WorkTag status=st/>{as_at(p.as_at.clone())} })}</h3>
                    {p.description.clone().map(|d| view! { <p class="gt-pack__p gt-pack__desc">{d}</p> })}
                    <table class="gt-pack-table gt-pack-table--projects">
                        <caption class="gt-visually-hidden">{p.caption.clone()}</caption>
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
        {no_updates(s.no_updates.clone(), "pack-priorities-no-updates")}
        <table class="gt-pack-table gt-pack-table--counts" data-testid="pack-priorities-summary">
            <caption>{s.caption.clone()}</caption>
            <thead><tr>
                <th scope="col">"Priority"</th>
                <th scope="col">"Overall status"</th>
                <th scope="col" class="gt-num">"Projects"</th>
                <th scope="col" class="gt-num">"Complete"</th>
                <th scope="col" class="gt-num">"On track"</th>
                <th scope="col" class="gt-num">"At risk"</th>
                <th scope="col" class="gt-num">"Off track"</th>
                <th scope="col" class="gt-num">"Not started"</th>
                <th scope="col" class="gt-num">"Overdue"</th>
            </tr></thead>
            <tbody>{summary_rows}</tbody>
        </table>
        <p class="gt-pack__p gt-pack__small">{s.rule.clone()}</p>
        {details}
    }
    .into_any()
}
