//! An indicator's own page: where it stands as at the period, its trend chart, every figure
//! (editable in place while editing) and its definition.

use crate::components::analysis::IndicatorAnalysis;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::chart::TrendChart;
use crate::components::draft::DraftFlag;
use crate::components::edit_value::EditValueForm;
use crate::components::period::{AsAt, PeriodNote, ReportingPeriodPicker};
use crate::components::status::{DiffersMark, RagTag};
use crate::components::travel::TravelText;
use crate::pages::status::NotInData;
use crate::state::{use_app, use_data};
use gt_core::engine::{Engine, LONG_TERM, SHORT_TERM};
use gt_core::rag::variance;
use gt_core::route::Route;
use gt_core::Period;
use leptos::prelude::*;
use std::sync::Arc;

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
    let period_differs = at.as_ref().and_then(|a| a.status.differs());
    let rule = gt_core::scheme::rule_for(&ds, &ind);
    let rule_words = gt_core::scheme::source_words(&ds, &rule);
    let rule_lines = gt_core::scheme::describe(&rule.scheme, ind.unit.as_deref());
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
                        {s.differs().map(|d| view! { <DiffersMark rules=d/> })}
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
                                {move || (saved_period.get() == Some(vp)).then(|| format!("Saved: figures for {}, {}", vp.short_label(), state.saved_where()))}
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
                    <p data-testid="period-status" data-status=rag.as_str()><RagTag rag=rag manual=manual/>{period_differs.map(|d| view! { <DiffersMark rules=d/> })}</p>
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
        // What the figures mean (real change, the year-end forecast) before the long list of
        // them: on a phone a monthly indicator's figures run to two dozen cards.
        <IndicatorAnalysis ds=ds.clone() indicator=ind.clone() period=period/>
        <h2 class="gt-heading-l">"Figures"</h2>
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
            <div><dt>"How it is rated"</dt><dd data-testid="rated-by">
                <p>{format!("By {rule_words}:")}</p>
                <ul class="gt-list gt-list--bullet">{rule_lines.into_iter().map(|l| view! { <li>{format!("{}: {}", l.word, l.when)}</li> }).collect_view()}</ul>
                <p><a href=Route::Statuses.href()>"Each council's scheme"</a></p>
            </dd></div>
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
