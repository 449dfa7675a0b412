//! The indicator list (filters, sort and page in the URL). An indicator's own page is in
//! `indicator.rs`.

use crate::adapters::{clipboard, location, perf};
use crate::components::legend::RagLegend;
use crate::components::markup;
use crate::components::period::ReportingPeriodPicker;
use crate::components::status::RagTag;
use crate::state::{use_app, use_data};
use gt_core::engine::{LONG_TERM, SHORT_TERM};
use gt_core::filter::{IndicatorQuery, Listing, SearchIndex, SortKey, PAGE_SIZE};
use gt_core::{Frequency, Rag};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::{Arc, OnceLock};

/// The indicator list. Its view state is all in the URL, so it is drawn again from the data
/// when the data changes (an edit, an undo, another tab) and nothing is lost.
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let data = use_data();
    move || view! { <IndicatorList ds=data.get()/> }
}

#[component]
fn IndicatorList(ds: Arc<gt_core::Dataset>) -> impl IntoView {
    let state = use_app();
    // The search index is built just after the page is shown (or on a search before then),
    // so opening the list does not wait for it and the first keystroke does not either.
    let index = Arc::new(OnceLock::<SearchIndex>::new());
    let no_search = Arc::new(SearchIndex::default());
    {
        let (index, ds) = (index.clone(), ds.clone());
        set_timeout(
            move || {
                index.get_or_init(|| perf::time("search-index", || SearchIndex::new(&ds)));
            },
            std::time::Duration::from_millis(100),
        );
    }
    let view_state = {
        let ds = ds.clone();
        Memo::new(move |_| {
            state
                .location
                .with(|l| IndicatorQuery::from_location(l, &ds))
        })
    };
    let query = Memo::new(move |_| view_state.with(|v| v.0.clone()));
    // Every indicator's row (status, directions) once per data and period; a filter or sort
    // change only selects and orders them.
    let listing = {
        let ds = ds.clone();
        Memo::new_with_compare(
            move |_| {
                let period = state.period();
                Arc::new(perf::time("listing", || Listing::new(&ds, period, None)))
            },
            |_, _| true,
        )
    };
    // The SPC verdicts (the rows' special-cause chips) are worked out just after the list is
    // shown, unless the view filters on them; the rows then show their chips.
    let spc_ready = RwSignal::new(0u32);
    {
        let ds = ds.clone();
        Effect::new(move |_| {
            let l = listing.get();
            if l.has_spc() {
                return;
            }
            let ds = ds.clone();
            set_timeout(
                move || {
                    perf::time("variations", || l.work_out_spc(&ds));
                    spc_ready.try_update(|n| *n += 1);
                },
                std::time::Duration::from_millis(50),
            );
        });
    }
    let filtered = {
        let ds = ds.clone();
        // The period is the app's (state.period), the same on every page.
        Memo::new(move |_| {
            spc_ready.track();
            query.with(|q| {
                let index = if q.text.trim().is_empty() {
                    &*no_search
                } else {
                    index.get_or_init(|| perf::time("search-index", || SearchIndex::new(&ds)))
                };
                listing.with(|l| perf::time("filter", || l.apply(&ds, index, q)))
            })
        })
    };
    // Filters rewrite the query; a data file given in the link (`data=`) stays, so a reload
    // or a shared link shows the same file.
    let set_query = move |q: IndicatorQuery| {
        let mut to = q.to_location();
        if let Some(d) = state
            .location
            .with_untracked(|l| l.get("data").map(str::to_string))
        {
            to = to.with("data", &d);
        }
        location::navigate(state.location, to, true);
    };
    let update = move |f: &dyn Fn(&mut IndicatorQuery)| {
        let mut q = query.get_untracked();
        f(&mut q);
        q.page = 1;
        set_query(q);
    };
    let total = ds.indicators.len();
    let councils = ds.councils.clone();
    let services = ds.services.clone();
    let copied = RwSignal::new(None::<Result<(), String>>);

    let copy_link = move |_| {
        let url = location::absolute_url(&state.location.get_untracked());
        spawn_local(async move {
            let ok = clipboard::copy(&url).await;
            copied.set(Some(if ok { Ok(()) } else { Err(url) }));
        });
    };

    let download_view = {
        let ds = ds.clone();
        move |_| {
            let (rows, period) = filtered
                .with_untracked(|f| (f.rows.iter().map(|r| r.index).collect::<Vec<_>>(), f.period));
            let inds: Vec<&gt_core::Indicator> = rows.iter().map(|i| &ds.indicators[*i]).collect();
            // The rows for the period in view, with the engine's status and directions.
            // Edited figures say Draft: in the file's name, its first row and each changed row.
            let draft = state.draft.get_untracked();
            let text = match period {
                Some(p) => gt_core::csv::export_view_marked(&ds, &inds, &p, &draft),
                None => gt_core::csv::export_returns_marked(&ds, &inds, None, &draft),
            };
            let today = crate::edits::now_iso().get(..10).unwrap_or("").to_string();
            let what = if draft.is_empty() {
                "indicators"
            } else {
                "indicators-draft"
            };
            let name = gt_core::export::file_name(&ds, period.as_ref(), what, &today, "csv");
            let _ = crate::adapters::download::save(&name, "text/csv;charset=utf-8", &text);
        }
    };
    let notes = move || view_state.with(|v| v.1.clone());
    let period_label = move || {
        filtered
            .with(|f| f.period)
            .map(|p| p.label())
            .unwrap_or_else(|| "No period has figures yet".into())
    };
    // How the rows split between councils' own indicators and shared-service ones.
    let split_text = {
        let ds = ds.clone();
        move || query.with(|q| filtered.with(|f| f.split_words(&ds, q)))
    };
    let count_text = move || {
        let n = filtered.with(|f| f.rows.len());
        format!(
            "Showing {n} of {total} indicator{}",
            if total == 1 { "" } else { "s" }
        )
    };

    // Sortable column header: a button with aria-sort on the th.
    let sort_header = move |key: SortKey, label: &'static str, numeric: bool| {
        let aria = move || {
            query.with(|q| match (q.sort, q.descending) {
                (Some(k), false) if k == key => "ascending",
                (Some(k), true) if k == key => "descending",
                _ => "none",
            })
        };
        let on_click = move |_| {
            update(&|q: &mut IndicatorQuery| {
                if q.sort == Some(key) {
                    q.descending = !q.descending;
                } else {
                    q.sort = Some(key);
                    q.descending = false;
                }
            })
        };
        view! {
            <th scope="col" class=if numeric { "gt-num" } else { "" } aria-sort=aria>
                <button type="button" class="gt-sort" on:click=on_click data-testid=format!("sort-{}", key.as_str())>
                    {label}
                    <span class="gt-sort__icon" aria-hidden="true">{move || match aria() { "ascending" => "▲", "descending" => "▼", _ => "⇅" }}</span>
                </button>
            </th>
        }
    };

    // The page of rows in view, as HTML text set on the table body in one go (`markup.rs`).
    // When a change leaves the same rows in view (most keystrokes), the text is the same and
    // the table is not touched.
    let page_rows = Memo::new(move |_| {
        filtered.with(|f| {
            let page = query.with(|q| q.page);
            let n = f.rows.len();
            let pages = n.div_ceil(PAGE_SIZE).max(1);
            let page = page.min(pages);
            let start = ((page - 1) * PAGE_SIZE).min(n);
            let rows = f.rows[start..(start + PAGE_SIZE).min(n)].to_vec();
            (rows, f.period, page, pages, n)
        })
    });
    let body_html = {
        let ds = ds.clone();
        Memo::new(move |_| {
            let draft = state.draft.get();
            page_rows.with(|(rows, period, ..)| {
                let mut html = String::with_capacity(rows.len() * 2500);
                for r in rows {
                    let changed =
                        period.is_some_and(|p| draft.indicator_at(&ds.indicators[r.index].id, &p));
                    html.push_str(&markup::indicator_row(&ds, r, *period, changed));
                }
                html
            })
        })
    };
    let pager = move || {
        let (page, pages, n) = page_rows.with(|(_, _, page, pages, n)| (*page, *pages, *n));
        (pages > 1).then(|| {
            let go = move |p: usize| {
                let mut q = query.get_untracked();
                q.page = p;
                set_query(q);
            };
            view! {
                <caption class="gt-table__footer">
                    <nav class="gt-pagination" aria-label="Pages of results">
                        {(page > 1).then(|| view! { <button type="button" class="gt-button gt-button--secondary" on:click=move |_| go(page - 1)>"Previous page"</button> })}
                        <span class="gt-pagination__status" data-testid="page-status">{format!("Page {page} of {pages} (rows {}–{} of {n})", (page - 1) * PAGE_SIZE + 1, (page * PAGE_SIZE).min(n))}</span>
                        {(page < pages).then(|| view! { <button type="button" class="gt-button gt-button--secondary" on:click=move |_| go(page + 1) data-testid="next-page">"Next page"</button> })}
                    </nav>
                </caption>
            }
        })
    };
    let empty = move || {
        page_rows.with(|p| p.4 == 0).then(|| view! { <tbody><tr><td colspan="10" class="gt-empty" data-testid="no-results">"No indicators match these filters. Try removing a filter, or clear them all."</td></tr></tbody> })
    };
    let rows_view = view! {
        <tbody inner_html=body_html></tbody>
        {empty}
        {pager}
    };

    // Narrow screens (the rows are cards, the header is not shown): a visible sort control
    // driving the same view state as the column headers.
    let sort_choices: [(SortKey, &'static str); 10] = [
        (SortKey::Name, "Indicator"),
        (SortKey::Council, "Council"),
        (SortKey::Service, "Service"),
        (SortKey::Period, "Period"),
        (SortKey::Actual, "Actual"),
        (SortKey::Target, "Target"),
        (SortKey::Status, "Status"),
        (SortKey::ShortTerm, SHORT_TERM),
        (SortKey::LongTerm, LONG_TERM),
        (SortKey::Trend, "Trend"),
    ];
    let narrow_sort = view! {
        <div class="gt-sort-narrow" data-testid="sort-narrow">
            <div class="gt-form-group">
                <label class="gt-label" for="sort-by">"Sort by"</label>
                <select class="gt-select" id="sort-by" data-testid="sort-by"
                    on:change:target=move |ev| {
                        let key = SortKey::from_word(&ev.target().value());
                        update(&|q: &mut IndicatorQuery| {
                            q.sort = key;
                            if key.is_none() { q.descending = false; }
                        })
                    }>
                    <option value="" prop:selected=move || query.with(|q| q.sort.is_none())>"Standard order"</option>
                    {sort_choices.into_iter().map(|(k, label)| view! {
                        <option value=k.as_str() prop:selected=move || query.with(|q| q.sort == Some(k))>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="gt-form-group">
                <label class="gt-label" for="sort-direction">"Direction"</label>
                <select class="gt-select" id="sort-direction" data-testid="sort-direction"
                    disabled=move || query.with(|q| q.sort.is_none())
                    on:change:target=move |ev| {
                        let down = ev.target().value() == "descending";
                        update(&|q: &mut IndicatorQuery| q.descending = down)
                    }>
                    <option value="ascending" prop:selected=move || query.with(|q| !q.descending)>"Ascending"</option>
                    <option value="descending" prop:selected=move || query.with(|q| q.descending)>"Descending"</option>
                </select>
            </div>
        </div>
    };
    // On a phone the filters fold away behind one button that says how many are on.
    let filters_open = RwSignal::new(false);
    let filters_label = move || {
        let n = query.with(|q| q.active_filters());
        if n == 0 {
            "Filters (none active)".to_string()
        } else {
            format!("Filters ({n} active)")
        }
    };

    let status_boxes = [Rag::Red, Rag::Amber, Rag::Green, Rag::NoData, Rag::DataOnly, Rag::NotDue]
        .into_iter()
        .map(|r| {
            let checked = move || query.with(|q| q.statuses.contains(&r));
            view! {
                <div class="gt-checkbox">
                    <input class="gt-checkbox__input" type="checkbox" id=format!("status-{}", r.as_str()) value=r.as_str()
                        prop:checked=checked
                        data-testid=format!("filter-status-{}", r.as_str())
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            update(&|q: &mut IndicatorQuery| {
                                q.statuses.retain(|x| *x != r);
                                if on { q.statuses.push(r); gt_core::order::sort_by_key(&mut q.statuses, &|x| gt_core::filter::rag_rank(*x)); }
                            })
                        }/>
                    <label class="gt-checkbox__label" for=format!("status-{}", r.as_str())><RagTag rag=r/></label>
                </div>
            }
        })
        .collect_view();

    let council_boxes = councils
        .iter()
        .map(|c| {
            let id = c.id.clone();
            let id2 = c.id.clone();
            let checked = move || query.with(|q| q.councils.contains(&id));
            view! {
                <div class="gt-checkbox">
                    <input class="gt-checkbox__input" type="checkbox" id=format!("council-{}", c.id) value=c.id.clone()
                        prop:checked=checked
                        data-testid=format!("filter-council-{}", c.id)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            let id = id2.clone();
                            update(&|q: &mut IndicatorQuery| {
                                q.councils.retain(|x| *x != id);
                                if on { q.councils.push(id.clone()); }
                            })
                        }/>
                    <label class="gt-checkbox__label" for=format!("council-{}", c.id)>{c.name.clone()}</label>
                </div>
            }
        })
        .collect_view();

    // A filter that is on or off (its id is also its test id).
    let flag = move |id: &'static str,
                     label: &'static str,
                     get: fn(&IndicatorQuery) -> bool,
                     set: fn(&mut IndicatorQuery, bool)| {
        view! {
            <div class="gt-checkbox">
                <input class="gt-checkbox__input" type="checkbox" id=id data-testid=id
                    prop:checked=move || query.with(get)
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        update(&|q: &mut IndicatorQuery| set(q, on))
                    }/>
                <label class="gt-checkbox__label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Indicators"</h1>
        <p class="gt-caption-l" data-testid="period-label">{period_label}</p>
        {move || {
            let n = notes();
            (!n.is_empty()).then(|| view! {
                <div class="gt-notice" role="status" data-testid="url-notes">
                    <p class="gt-notice__title">"Some parts of this link were not understood and have been ignored:"</p>
                    <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <div class="gt-filter-layout">
            <button type="button" class="gt-button gt-button--secondary gt-filters-toggle" data-testid="filters-toggle"
                aria-controls="indicator-filters" aria-expanded=move || if filters_open.get() { "true" } else { "false" }
                on:click=move |_| filters_open.update(|o| *o = !*o)>{filters_label}</button>
            <form class=move || if filters_open.get() { "gt-filters" } else { "gt-filters gt-filters--closed" } id="indicator-filters"
                role="search" aria-label="Filter indicators" on:submit=|ev| ev.prevent_default()>
                <h2 class="gt-heading-m gt-filters__title">"Filter"</h2>
                <div class="gt-form-group">
                    <label class="gt-label" for="filter-q">"Search"</label>
                    <p class="gt-hint" id="filter-q-hint">"Name, id or commentary"</p>
                    <input class="gt-input" type="search" id="filter-q" aria-describedby="filter-q-hint" autocomplete="off"
                        data-testid="filter-q"
                        prop:value=move || query.with(|q| q.text.clone())
                        on:input:target=move |ev| {
                            let text = ev.target().value();
                            update(&|q: &mut IndicatorQuery| q.text = text.clone())
                        }/>
                </div>
                <ReportingPeriodPicker id="filter-period" label="Period"/>
                <fieldset class="gt-fieldset gt-fieldset--wide">
                    <legend class="gt-fieldset__legend">"Council"</legend>
                    {council_boxes}
                </fieldset>
                <div class="gt-form-group">
                    <label class="gt-label" for="filter-service">"Service"</label>
                    <select class="gt-select" id="filter-service" data-testid="filter-service"
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            update(&|q: &mut IndicatorQuery| { q.services = if v.is_empty() { vec![] } else { vec![v.clone()] }; })
                        }>
                        <option value="" prop:selected=move || query.with(|q| q.services.is_empty())>"All services"</option>
                        {services.iter().map(|s| {
                            let id = s.id.clone();
                            let id2 = s.id.clone();
                            view! { <option value=id prop:selected=move || query.with(|q| q.services.first() == Some(&id2))>{s.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <fieldset class="gt-fieldset gt-fieldset--wide">
                    <legend class="gt-fieldset__legend">"Status"</legend>
                    {status_boxes}
                </fieldset>
                <div class="gt-form-group">
                    <label class="gt-label" for="filter-frequency">"How often reported"</label>
                    <select class="gt-select" id="filter-frequency" data-testid="filter-frequency"
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            update(&|q: &mut IndicatorQuery| q.frequencies = Frequency::from_word(&v).into_iter().collect())
                        }>
                        <option value="" prop:selected=move || query.with(|q| q.frequencies.is_empty())>"Any"</option>
                        {Frequency::ALL.iter().map(|f| {
                            let f = *f;
                            view! { <option value=f.as_str() prop:selected=move || query.with(|q| q.frequencies.first() == Some(&f))>{f.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="gt-filters__actions">
                {flag("filter-key", "Key strategic indicators only", |q| q.key_only, |q, on| q.key_only = on)}
                {flag("filter-differs", "Only statuses set by hand that differ from the rules", |q| q.differs_only, |q, on| q.differs_only = on)}
                {flag("filter-spc", "Special cause: concern only (a real change for the worse)", |q| q.spc_concern, |q, on| q.spc_concern = on)}
                <button type="button" class="gt-button gt-button--secondary gt-filters__clear" data-testid="clear-filters"
                    disabled=move || !query.with(|q| q.is_filtered())
                    on:click=move |_| set_query(query.get_untracked().cleared())>"Clear all filters"</button>
                </div>
            </form>
            <div class="gt-results">
                <div class="gt-results__bar">
                    <p class="gt-results__count" role="status" aria-live="polite" data-testid="result-count">{count_text}</p>
                    <div class="gt-edit-form__actions">
                        <button type="button" class="gt-button gt-button--secondary" on:click=copy_link data-testid="copy-link">"Copy link to this view"</button>
                        <button type="button" class="gt-button gt-button--secondary" on:click=download_view data-testid="export-view-csv">"Download this view (CSV)"</button>
                    </div>
                </div>
                {move || split_text().map(|t| view! { <p class="gt-body" data-testid="result-split">{t}</p> })}
                {move || copied.get().map(|r| match r {
                    Ok(()) => view! { <p class="gt-confirm" role="status" data-testid="copy-result">"Link copied. Anyone who opens it sees this view."</p> }.into_any(),
                    Err(url) => view! {
                        <div class="gt-form-group" role="status">
                            <label class="gt-label" for="copy-fallback">"Your browser did not allow copying. Select and copy this link:"</label>
                            <input class="gt-input" id="copy-fallback" readonly value=url data-testid="copy-result"/>
                        </div>
                    }.into_any(),
                })}
                <RagLegend schemes={ let ds = ds.clone(); Signal::derive(move || gt_core::scheme::in_view(&ds, &query.with(|q| q.councils.clone()))) }/>
                {narrow_sort}
                <div class="gt-table-wrap">
                    <table class="gt-table gt-table--indicators" data-testid="indicator-table">
                        <caption class="gt-table__caption gt-visually-hidden">{move || format!("Indicators, {}. {}", period_label(), count_text())}</caption>
                        <thead>
                            <tr>
                                {sort_header(SortKey::Name, "Indicator", false)}
                                {sort_header(SortKey::Council, "Council", false)}
                                {sort_header(SortKey::Service, "Service", false)}
                                {sort_header(SortKey::Period, "Period", false)}
                                {sort_header(SortKey::Actual, "Actual", true)}
                                {sort_header(SortKey::Target, "Target", true)}
                                {sort_header(SortKey::Status, "Status", false)}
                                {sort_header(SortKey::ShortTerm, SHORT_TERM, false)}
                                {sort_header(SortKey::LongTerm, LONG_TERM, false)}
                                {sort_header(SortKey::Trend, "Trend", false)}
                            </tr>
                        </thead>
                        {rows_view}
                    </table>
                </div>
            </div>
        </div>
    }
}
