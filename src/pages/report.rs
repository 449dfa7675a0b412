//! The committee pack: one page that prints (or saves as PDF) as the quarter's committee
//! appendix. A cover, then the sections chosen: key strategic indicators, the RAG summary by
//! council, every indicator by council and service, the exception report, improvement action
//! plan progress and strategic priorities progress.
//!
//! The choices (period, council, sections) live in the URL (`#/report?period=2019-20-Q2&
//! council=bexley&sections=key,exceptions`), read by `gt_core::report::PackQuery`. What the
//! pack says is worked out in core (`gt_core::pack::Pack`, from the reporting engine); this
//! page keeps it in a memo and renders it (`crate::components::pack`). Print layout (A4, page
//! numbers, repeated table headers) is in style/print.css. Every printed page also says where
//! the data is from (running footer) and, when it includes changes not in the published data,
//! that it is a draft (running header): from `AppState.provenance` and `AppState.draft`.

use crate::adapters::{location, paginate};
use crate::components::covering::PageMap;
use crate::components::covering_form::CoveringForm;
use crate::components::pack::{pack_view, Marks};
use crate::state::{use_app, use_data};
use chrono::NaiveDate;
use gt_core::pack::Pack;
use gt_core::report::{css_string, PackQuery, Section};
use gt_core::Period;
use leptos::prelude::*;

/// Today's date in the browser, for "Produced on".
fn today() -> Option<NaiveDate> {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    // The choices from the link, and the pack they give: both follow the data (edits, undo,
    // another tab) and the address.
    let parsed = Memo::new(move |_| {
        data.with(|ds| state.location.with(|l| PackQuery::from_location(l, ds)))
    });
    let query = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let notes = move || parsed.with(|p| p.1.clone());
    let pack = Memo::new(move |_| data.with(|ds| query.with(|q| Pack::build(ds, q))));
    let set = move |q: PackQuery| {
        let keep = state.location.get_untracked();
        location::navigate(state.location, q.to_location(&keep), true);
    };
    let produced = today();

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
    // The app's calendar: every period with figures or plan updates, newest first.
    let period_options = move || {
        state.calendar.with(|c| {
            c.periods
                .iter()
                .map(|p| {
                    let p = *p;
                    view! {
                        <option value=p.id() prop:selected=move || query.with(|q| q.period == Some(p))>{c.choice_label(&p)}</option>
                    }
                })
                .collect_view()
        })
    };
    let council_options = move || {
        data.with(|ds| {
            ds.councils
                .iter()
                .map(|c| {
                    let id = c.id.clone();
                    view! { <option value=c.id.clone() prop:selected=move || query.with(|q| q.council.as_deref() == Some(id.as_str()))>{c.name.clone()}</option> }
                })
                .collect_view()
        })
    };

    // Where the data is from and the draft, for the cover and the rows.
    let marks = Memo::new(move |_| Marks {
        draft: state.draft.get(),
        provenance: state.provenance.get(),
        period: pack.with(|p| p.period),
    });
    // The running footer on every printed page names the pack and where its data is from;
    // the running header says Draft when the figures include changes not in the published
    // data (page numbers are in print.css).
    let running = move || {
        let footer = pack.with(|p| css_string(&p.running_footer));
        let source = state
            .provenance
            .with(|p| {
                p.as_ref()
                    .map(|p| format!(" \"\\A\" {}", css_string(&p.footer())))
            })
            .unwrap_or_default();
        let draft = state.draft.with(|d| {
            (!d.is_empty()).then(|| {
                format!(
                    " @top-left {{ content: {}; }}",
                    css_string(&format!("{} (listed on the cover)", d.headline()))
                )
            })
        });
        format!(
            "@page {{ @bottom-left {{ content: {footer}{source}; white-space: pre-wrap; }}{} }}",
            draft.unwrap_or_default()
        )
    };

    // The printed page of each part, for the contents page: measured from the laid-out pack
    // after every change to it (see adapters/paginate.rs).
    let pages = RwSignal::new(None::<PageMap>);
    Effect::new(move |_| {
        let ids: Vec<String> = pack.with(|p| p.contents().into_iter().map(|e| e.anchor).collect());
        marks.track();
        pages.set(None);
        if ids.is_empty() {
            return;
        }
        set_timeout(
            move || {
                if let Some(el) = document()
                    .query_selector("[data-testid=pack]")
                    .ok()
                    .flatten()
                {
                    pages.set(paginate::printed_pages(&el, &ids));
                }
            },
            std::time::Duration::from_millis(30),
        );
    });

    // In edit mode: the covering report of the pack's period, written in a form here.
    let form_open = RwSignal::new(false);
    let covering_panel = move || {
        let period = query.with(|q| q.period)?;
        // Read inside the pieces that need it, so that saving does not rebuild the form.
        let exists = move || data.with(|ds| ds.covering_report(&period).is_some());
        state.editing.get().then(|| {
            if form_open.get() {
                view! { <CoveringForm period=period on_close=move |_| form_open.set(false)/> }.into_any()
            } else {
                view! {
                    <div class="gt-covering-prompt" data-testid="covering-prompt">
                        <h2 class="gt-heading-m">"Covering report"</h2>
                        <p class="gt-body">{move || if exists() {
                            format!("The covering report for {} prints as the pack's first pages, followed by a contents page.", period.label())
                        } else {
                            format!("There is no covering report for {} yet. Write one to print it as the pack's first pages (subject, author, summary, recommendations, background, implications, appendices), followed by a contents page with the page of every part.", period.label())
                        }}</p>
                        <button type="button" class="gt-button" data-testid="covering-open" on:click=move |_| form_open.set(true)>
                            {move || if exists() { "Edit the covering report" } else { "Write the covering report" }}
                        </button>
                    </div>
                }.into_any()
            }
        })
    };

    view! {
        <style data-testid="pack-running">{running}</style>
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
                            {period_options}
                        </select>
                    </div>
                    <div class="gt-form-group">
                        <label class="gt-label" for="pack-council">"Council"</label>
                        <select class="gt-select" id="pack-council" data-testid="pack-council" on:change=on_council>
                            <option value="" prop:selected=move || query.with(|q| q.council.is_none())>"All councils"</option>
                            {council_options}
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
            {covering_panel}
        </div>
        {move || marks.with(|m| pack.with(|p| pack_view(p, produced, m, pages.into())))}
    }
}
