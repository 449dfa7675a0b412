//! The indicator list (filters, sort and page in the URL) and an indicator's own page.

use crate::adapters::{clipboard, location};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::chart::{Sparkline, TrendChart};
use crate::components::draft::DraftFlag;
use crate::components::edit_value::EditValueForm;
use crate::components::legend::RagLegend;
use crate::components::period::{AsAt, PeriodNote, ReportingPeriodPicker};
use crate::components::status::RagTag;
use crate::components::travel::TravelText;
use crate::pages::status::NotInData;
use crate::state::{use_app, use_data};
use gt_core::engine::{Engine, LONG_TERM, SHORT_TERM};
use gt_core::filter::{apply, IndicatorQuery, SearchIndex, SortKey, PAGE_SIZE};
use gt_core::rag::variance;
use gt_core::route::Route;
use gt_core::{Frequency, Period, Rag};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

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
    let index = Arc::new(SearchIndex::new(&ds));
    let view_state = {
        let ds = ds.clone();
        Memo::new(move |_| {
            state
                .location
                .with(|l| IndicatorQuery::from_location(l, &ds))
        })
    };
    let query = Memo::new(move |_| view_state.with(|v| v.0.clone()));
    let filtered = {
        let ds = ds.clone();
        // The period is the app's (state.period), the same on every page.
        Memo::new(move |_| {
            let period = state.period();
            query.with(|q| {
                let q = IndicatorQuery {
                    period: None,
                    ..q.clone()
                };
                apply(&ds, &index, &q, period)
            })
        })
    };
    let set_query = move |q: IndicatorQuery| {
        location::navigate(state.location, q.to_location(), true);
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
            let text = match period {
                Some(p) => gt_core::csv::export_view(&ds, &inds, &p),
                None => gt_core::csv::export_returns(&ds, &inds, None),
            };
            let today = crate::edits::now_iso().get(..10).unwrap_or("").to_string();
            let name =
                gt_core::export::file_name(&ds, period.as_ref(), "indicators", &today, "csv");
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

    let rows_view = {
        let ds = ds.clone();
        move || {
            let ds = ds.clone();
            let (rows, page, pages, n) = filtered.with(|f| {
                let page = query.with(|q| q.page);
                let n = f.rows.len();
                let pages = n.div_ceil(PAGE_SIZE).max(1);
                let page = page.min(pages);
                let start = (page - 1) * PAGE_SIZE;
                (
                    f.rows[start.min(n)..(start + PAGE_SIZE).min(n)].to_vec(),
                    page,
                    pages,
                    n,
                )
            });
            let period = filtered.with(|f| f.period);
            let draft = state.draft.get();
            let body = rows
                .into_iter()
                .map(|r| {
                    let i = &ds.indicators[r.index];
                    let fmt = |x: Option<f64>| {
                        x.map(|x| gt_core::fmt::value(x, i.decimals, i.unit.as_deref()))
                            .unwrap_or_else(|| "–".into())
                    };
                    // The council's code (or "Shared"), with its name (or "Shared service …").
                    let council = ds.scope_short(&i.scope);
                    let council_name = ds.scope_name(&i.scope);
                    let at = period.map(|p| Engine::new(&ds, p).indicator(i));
                    let st = at.as_ref().and_then(|a| a.short_term);
                    let lt = at.as_ref().and_then(|a| a.long_term);
                    // Not due (or no figure yet) this period: the latest figure, as at its period.
                    let latest = at.as_ref().filter(|a| a.status.value.is_none_or(|v| v.actual.is_none())).and_then(|a| a.latest.map(|(_, s)| (s, a.as_at)));
                    let spark: Vec<Option<f64>> = i.values.iter().rev().take(12).rev().map(|v| v.actual).collect();
                    let changed = period.is_some_and(|p| draft.indicator_at(&i.id, &p));
                    view! {
                        <tr data-testid="indicator-row" data-id=i.id.clone() data-status=r.rag.as_str()>
                            <td data-label="Indicator" class="gt-ind__name">
                                <a href=Route::Indicator(i.id.clone()).href()>{i.name.clone()}</a>
                                <span class="gt-ind__id">{i.id.clone()}{i.key.then_some(" · Key strategic indicator")}</span>
                                {changed.then(|| view! { <DraftFlag what="row"/> })}
                            </td>
                            <td data-label="Council"><abbr title=council_name>{council}</abbr></td>
                            <td data-label="Service">{ds.service_name(&i.service).to_string()}</td>
                            <td data-label="Period" class="gt-nowrap">{r.period.map(|p| p.short_label()).unwrap_or_else(|| "–".into())}</td>
                            <td data-label="Actual" class="gt-num">{fmt(r.actual)}</td>
                            <td data-label="Target" class="gt-num">{fmt(r.target)}</td>
                            <td data-label="Status"><RagTag rag=r.rag manual=r.manual/>
                                {latest.map(|(s, as_at)| view! { <p class="gt-small gt-latest" data-testid="row-latest">"Latest: "<RagTag rag=s.rag manual=s.manual/><AsAt as_at=as_at/></p> })}
                            </td>
                            <td data-label=SHORT_TERM><TravelText travel=st short=true/></td>
                            <td data-label=LONG_TERM><TravelText travel=lt short=true/></td>
                            <td data-label="Trend" class="gt-ind__spark"><Sparkline values=spark/></td>
                        </tr>
                    }
                })
                .collect_view();
            let pager = (pages > 1).then(|| {
                let go = move |p: usize| {
                    let mut q = query.get_untracked();
                    q.page = p;
                    set_query(q);
                };
                view! {
                    <nav class="gt-pagination" aria-label="Pages of results">
                        {(page > 1).then(|| view! { <button type="button" class="gt-button gt-button--secondary" on:click=move |_| go(page - 1)>"Previous page"</button> })}
                        <span class="gt-pagination__status" data-testid="page-status">{format!("Page {page} of {pages} (rows {}–{} of {n})", (page - 1) * PAGE_SIZE + 1, (page * PAGE_SIZE).min(n))}</span>
                        {(page < pages).then(|| view! { <button type="button" class="gt-button gt-button--secondary" on:click=move |_| go(page + 1) data-testid="next-page">"Next page"</button> })}
                    </nav>
                }
            });
            view! {
                <tbody>{body}</tbody>
                {(n == 0).then(|| view! { <tbody><tr><td colspan="10" class="gt-empty" data-testid="no-results">"No indicators match these filters. Try removing a filter, or clear them all."</td></tr></tbody> })}
                {pager.map(|p| view! { <caption class="gt-table__footer">{p}</caption> }.into_any())}
            }
        }
    };

    // Narrow screens (the rows are cards, the header is not shown): a visible sort control
    // driving the same view state as the column headers.
    let sort_choices: [(SortKey, &'static str); 8] = [
        (SortKey::Name, "Indicator"),
        (SortKey::Council, "Council"),
        (SortKey::Service, "Service"),
        (SortKey::Actual, "Actual"),
        (SortKey::Target, "Target"),
        (SortKey::Status, "Status"),
        (SortKey::ShortTerm, SHORT_TERM),
        (SortKey::LongTerm, LONG_TERM),
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
                                if on { q.statuses.push(r); q.statuses.sort_by_key(|x| gt_core::filter::rag_rank(*x)); }
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
                <div class="gt-checkbox">
                    <input class="gt-checkbox__input" type="checkbox" id="filter-key" data-testid="filter-key"
                        prop:checked=move || query.with(|q| q.key_only)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            update(&|q: &mut IndicatorQuery| q.key_only = on)
                        }/>
                    <label class="gt-checkbox__label" for="filter-key">"Key strategic indicators only"</label>
                </div>
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
                <RagLegend tolerance=ds.tolerance_default()/>
                {narrow_sort}
                <div class="gt-table-wrap">
                    <table class="gt-table gt-table--indicators" data-testid="indicator-table">
                        <caption class="gt-table__caption gt-visually-hidden">{move || format!("Indicators, {}. {}", period_label(), count_text())}</caption>
                        <thead>
                            <tr>
                                {sort_header(SortKey::Name, "Indicator", false)}
                                {sort_header(SortKey::Council, "Council", false)}
                                {sort_header(SortKey::Service, "Service", false)}
                                <th scope="col">"Period"</th>
                                {sort_header(SortKey::Actual, "Actual", true)}
                                {sort_header(SortKey::Target, "Target", true)}
                                {sort_header(SortKey::Status, "Status", false)}
                                {sort_header(SortKey::ShortTerm, SHORT_TERM, false)}
                                {sort_header(SortKey::LongTerm, LONG_TERM, false)}
                                <th scope="col">"Trend"</th>
                            </tr>
                        </thead>
                        {rows_view}
                    </table>
                </div>
            </div>
        </div>
    }
}

/// An indicator's page. Drawn again from the data when it changes (a saved figure, an undo,
/// another tab); the open form (which period is being edited) is kept across that.
#[component]
pub fn IndicatorPage(id: String) -> impl IntoView {
    let data = use_data();
    let state = use_app();
    let editing_period = RwSignal::new(None::<Period>);
    // The period whose figures were just saved: "Saved" is shown next to its Edit button.
    let saved_period = RwSignal::new(None::<Period>);
    move || {
        let period = state.period();
        view! { <IndicatorDetail ds=data.get() id=id.clone() period=period editing_period=editing_period saved_period=saved_period/> }
    }
}

#[component]
fn IndicatorDetail(
    ds: Arc<gt_core::Dataset>,
    id: String,
    period: Option<Period>,
    editing_period: RwSignal<Option<Period>>,
    saved_period: RwSignal<Option<Period>>,
) -> impl IntoView {
    let Some(ind) = ds.indicator(&id).cloned() else {
        return view! { <NotInData what="indicator" id=id back=Route::Indicators back_label="See all indicators"/> }.into_any();
    };
    let tol = ds.tolerance_default();
    let unit = ind.unit.clone();
    let dec = ind.decimals;
    let fmt = move |x: Option<f64>| {
        x.map(|x| gt_core::fmt::value(x, dec, unit.as_deref()))
            .unwrap_or_else(|| "–".into())
    };
    let state = use_app();
    // Everything about the indicator as at the app's reporting period, from the engine.
    let at = period.map(|p| Engine::new(&ds, p).indicator(&ind));
    let st = at.as_ref().and_then(|a| a.short_term);
    let lt = at.as_ref().and_then(|a| a.long_term);
    let as_at = at.as_ref().and_then(|a| a.as_at);
    let current = at
        .as_ref()
        .and_then(|a| a.latest)
        .map(|(v, s)| (v.clone(), s.rag, s.manual));
    let period_status = at.as_ref().map(|a| (a.status.rag, a.status.manual));
    // The figures at the top differ from the published data (the draft, from gt_core::draft).
    let head_changed =
        period.is_some_and(|p| state.draft.get_untracked().indicator_at(&ind.id, &p));
    let priority = ind.priority.as_ref().and_then(|p| ds.priority(p)).cloned();
    let theme = ind.theme.as_ref().and_then(|t| ds.theme(t)).cloned();
    // The council's name, or "Shared service" (with the councils it is for).
    let council = ds.scope_name(&ind.scope);
    let service = ds.service_name(&ind.service).to_string();
    let table_id = format!("figures-{}", ind.id);
    let next_period = ind.values.last().map(|v| v.period.next());
    let council_href = |c: &str| format!("{}?council={}", Route::Indicators.href(), c);
    let mut crumbs = vec![
        ("Overview".to_string(), Route::Overview.href()),
        ("Indicators".to_string(), Route::Indicators.href()),
    ];
    if let Some(c) = ind.scope.council() {
        crumbs.push((council.clone(), council_href(c)));
    }
    let council_dd = match ind.scope.council() {
        Some(c) => view! { <a href=council_href(c)>{council.clone()}</a> }.into_any(),
        None => {
            let served = ds.councils_served(&ind.scope);
            let n = served.len();
            let links = served
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let sep = if k == 0 {
                        ""
                    } else if k + 1 == n {
                        " and "
                    } else {
                        ", "
                    };
                    view! { {sep}<a href=council_href(c)>{ds.council_name(c).to_string()}</a> }
                })
                .collect_view();
            let counted = if n == 1 {
                ". Shown in that council's list, and not counted in its own figures."
            } else {
                ". Shown in each of their lists, and counted in none of their own figures."
            };
            view! {
                <span data-testid="indicator-shared">{gt_core::SHARED_SERVICE}", for "{links}{counted}</span>
            }
            .into_any()
        }
    };
    let draft = state.draft.get_untracked();
    // Opening a form forgets the last "Saved"; closing it puts focus back on the Edit button it
    // came from (the page is drawn again after a save, so this waits for the next frame) and,
    // after a save, says so next to that button.
    let open_form = move |p: Period| {
        saved_period.set(None);
        editing_period.set(Some(p));
    };
    let close_form = move |saved: bool| {
        let p = editing_period.get_untracked();
        editing_period.set(None);
        request_animation_frame(move || {
            let Some(p) = p else { return };
            if saved {
                saved_period.set(Some(p));
            }
            let doc = document();
            let button = doc
                .query_selector(&format!("[data-testid=edit-row-{}]", p.id()))
                .ok()
                .flatten()
                .or_else(|| {
                    doc.query_selector("[data-testid=add-next-period]")
                        .ok()
                        .flatten()
                });
            if let Some(el) = button {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    let form_for = {
        let ds = ds.clone();
        let ind = ind.clone();
        move |p: Period| view! { <EditValueForm ds=ds.clone() indicator=ind.clone() period=p on_close=close_form/> }
    };
    let in_rows: Vec<Period> = ind.values.iter().map(|v| v.period).collect();
    let rows = ind
        .values
        .iter()
        .rev()
        .map(|v| {
            let changed = draft.figure(&ind.id, &v.period);
            let s = match period {
                Some(p) => Engine::new(&ds, p).figure(&ind, v),
                None => gt_core::engine::figure_status(&ds, &ind, v),
            };
            let var = variance(v);
            let var_text = var.map(|x| {
                let pct = x.percent.map(|p| format!(" ({}{:.1}%)", if p > 0.0 { "+" } else { "" }, p)).unwrap_or_default();
                format!("{}{pct}", gt_core::fmt::difference(x.absolute, dec, ind.unit.as_deref()))
            });
            let vp = v.period;
            let label = v.period.short_label();
            let form_for = form_for.clone();
            view! {
                <tr data-testid="figure-row" data-period=v.period.id() data-draft=changed.to_string()>
                    <th scope="row" class="gt-nowrap gt-figure-period">{v.period.short_label()}{changed.then(|| view! { <DraftFlag what="row"/> })}</th>
                    <td data-label="Actual" class="gt-num">{fmt(v.actual)}</td>
                    <td data-label="Target" class="gt-num">{fmt(v.target)}</td>
                    <td data-label="Difference from target" class="gt-num">{var_text.unwrap_or_else(|| "–".into())}</td>
                    <td data-label="Status"><RagTag rag=s.rag manual=s.manual/>
                        {s.manual.then(|| view! { <p class="gt-secondary gt-small">{format!("Rules give: {}.", s.computed.label())}{v.rag_justification.clone().map(|j| format!(" Why set by hand: {j}"))}</p> })}
                    </td>
                    <td data-label="Commentary" class="gt-commentary">
                        {v.commentary.clone().map(|c| view! { <p>{c}</p> })}
                        {(s.rag.is_exception()).then(|| view! {
                            {v.reason.clone().map(|r| view! { <p><strong>"Reason: "</strong>{r}</p> })}
                            {v.remedial_action.clone().map(|r| view! { <p><strong>"Remedial action: "</strong>{r}</p> })}
                        })}
                    </td>
                    {move || state.editing.get().then(|| view! {
                        <td class="gt-table__action"><button type="button" class="gt-button gt-button--secondary" data-testid=format!("edit-row-{}", vp.id())
                            aria-expanded=move || if editing_period.get() == Some(vp) { "true" } else { "false" }
                            on:click=move |_| open_form(vp)>"Edit"<span class="gt-visually-hidden">{format!(" figures for {label}")}</span></button>
                            <span class="gt-saved-note" role="status" data-testid=format!("saved-{}", vp.id())>
                                {move || (saved_period.get() == Some(vp)).then(|| format!("Saved: figures for {}, in this browser", vp.short_label()))}
                            </span></td>
                    })}
                </tr>
                // The form opens in place, under the row it edits.
                {move || (editing_period.get() == Some(vp)).then(|| view! {
                    <tr class="gt-edit-row" data-testid="edit-row-form">
                        <td colspan="7"><div class="gt-edit-row__inner">{form_for(vp)}</div></td>
                    </tr>
                })}
            }
        })
        .collect_view();
    view! {
        <Breadcrumbs items=crumbs/>
        <p class="gt-caption-l">{format!("{service} · {council}")}</p>
        <h1 class="gt-heading-xl" data-testid="page-heading">{ind.name.clone()}</h1>
        <div class="gt-plan-head gt-plan-head--detail">
            <p class="gt-body" data-testid="period-label">{period.map(|p| format!("As at {}", p.label()))}</p>
            <ReportingPeriodPicker id="indicator-period" label="Change period"/>
        </div>
        <PeriodNote/>
        <div class="gt-ind-head">
            <div class="gt-ind-head__now" data-testid="current-figure">
                {period.zip(period_status).map(|(p, (rag, manual))| view! {
                    <p class="gt-ind-head__label">{format!("Status for {}", p.short_label())}</p>
                    <p data-testid="period-status" data-status=rag.as_str()><RagTag rag=rag manual=manual/></p>
                })}
                {match &current {
                    Some((v, rag, manual)) => view! {
                        <p class="gt-ind-head__label">{format!("Latest figure: {}", v.period.label())}</p>
                        <p class="gt-ind-head__value">{fmt(v.actual)}{head_changed.then(|| view! { <DraftFlag/> })}</p>
                        <p class="gt-ind-head__target">{v.target.map(|t| format!("Target {}", fmt(Some(t))))}</p>
                        <p data-testid="latest-status" data-status=rag.as_str()><RagTag rag=*rag manual=*manual/><AsAt as_at=as_at/></p>
                    }.into_any(),
                    None => view! { <p>"No figures reported yet."</p> }.into_any(),
                }}
            </div>
            <ul class="gt-ind-head__travel">
                <li data-testid="short-term"><span class="gt-ind-head__label">{format!("{SHORT_TERM}: ")}</span><TravelText travel=st/></li>
                <li data-testid="long-term"><span class="gt-ind-head__label">{format!("{LONG_TERM}: ")}</span><TravelText travel=lt/></li>
            </ul>
        </div>
        {ind.description.clone().map(|d| view! { <p class="gt-body-l">{d}</p> })}
        <h2 class="gt-heading-l">"Trend"</h2>
        <TrendChart ds=ds.clone() indicator=ind.clone() default_tolerance=tol described_by=table_id.clone()/>
        <div class="gt-table-wrap" role="region" aria-label="Figures for every period" tabindex="0">
        <table class="gt-table gt-table--figures" id=table_id data-testid="figures-table">
            <caption class="gt-table__caption">"Figures for every period, newest first"</caption>
            <thead><tr>
                <th scope="col">"Period"</th>
                <th scope="col" class="gt-num">"Actual"</th>
                <th scope="col" class="gt-num">"Target"</th>
                <th scope="col" class="gt-num">"Difference from target"</th>
                <th scope="col">"Status"</th>
                <th scope="col">"Commentary"</th>
                {move || state.editing.get().then(|| view! { <th scope="col"><span class="gt-visually-hidden">"Edit"</span></th> })}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        {move || state.editing.get().then(|| next_period.map(|np| view! {
            <p><button type="button" class="gt-button" data-testid="add-next-period" on:click=move |_| open_form(np)>
                {format!("Add figures for {}", np.short_label())}</button></p>
        }))}
        // A new period's form opens under its button.
        {move || editing_period.get().filter(|p| !in_rows.contains(p)).map(form_for.clone())}
        <h2 class="gt-heading-l">"About this indicator"</h2>
        <dl class="gt-summary-list gt-summary-list--dl" data-testid="definition">
            <div><dt>"Id"</dt><dd>{ind.id.clone()}</dd></div>
            <div><dt>"Council"</dt><dd>{council_dd}</dd></div>
            <div><dt>"Service"</dt><dd><a href=format!("{}?service={}", Route::Indicators.href(), ind.service)>{service.clone()}</a></dd></div>
            <div><dt>"Which way is better"</dt><dd>{ind.polarity.label()}</dd></div>
            <div><dt>"Unit"</dt><dd>{match ind.unit.as_deref() { Some("%") => "Percentage".to_string(), Some("£") => "Pounds".into(), Some("£k") => "Thousands of pounds".into(), Some(u) if !u.is_empty() => u.to_string(), _ => "Number".into() }}</dd></div>
            <div><dt>"How often reported"</dt><dd>{ind.frequency.label()}</dd></div>
            {ind.measure.map(|m| view! { <div><dt>"Measured as"</dt><dd>{m.label()}</dd></div> })}
            <div><dt>"Amber when"</dt><dd>{format!("The target is missed, but {}{}", ind.tolerance_or(tol).describe(ind.unit.as_deref()), if ind.tolerance.is_none() { " (the standard tolerance)" } else { "" })}</dd></div>
            {ind.owner.clone().map(|o| view! { <div><dt>"Responsible officer"</dt><dd>{o}</dd></div> })}
            <div><dt>"Strategic priority"</dt><dd>{match &priority {
                Some(p) => view! { <a href=Route::Priority(p.id.clone()).href()>{format!("{}: {}", p.id, p.title)}</a> }.into_any(),
                None => view! { "Not linked to a priority" }.into_any(),
            }}</dd></div>
            {ind.area.as_ref().and_then(|a| ds.area(a)).map(|(_, a)| view! {
                <div><dt>"Improvement area"</dt><dd><a href=Route::Area(a.id.clone()).href() data-testid="indicator-area">{format!("{} {}", a.id, a.title)}</a></dd></div>
            })}
            <div><dt>"Improvement theme"</dt><dd>{match &theme {
                Some(t) => view! { <a href=format!("{}?theme={}", Route::Improvement.href(), t.id)>{format!("{}: {}", t.id, t.title)}</a> }.into_any(),
                None => view! { "Not linked to a theme" }.into_any(),
            }}</dd></div>
            {ind.key.then(|| view! { <div><dt>"Key strategic indicator"</dt><dd>"Yes: one of the indicators the Joint Committee tracks most closely."</dd></div> })}
        </dl>
        <p><a href=Route::Indicators.href()>"Back to all indicators"</a></p>
    }
    .into_any()
}
