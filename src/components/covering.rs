//! The covering report and the contents page, rendered: the pack's first pages, laid out like
//! a committee report (the meeting, the facts table, then Summary, Recommendations, Report
//! detail, Implications and risks, Appendices and background papers), then the contents with
//! each entry's page in the printed pack. What they say comes from core
//! (`gt_core::pack::CoveringPages`, `Pack::contents`); the page numbers are measured from the
//! laid-out pack (`crate::adapters::paginate`) and come in as a signal. Layout: style/covering.css.

use gt_core::pack::{Block, ContentsEntry, CoveringPages, COVERING_ANCHOR};
use leptos::prelude::*;

/// The printed page of each element id, once measured.
pub type PageMap = Vec<(String, usize)>;

fn block_view(b: &Block) -> AnyView {
    match b {
        Block::Para(t) => view! { <p class="gt-cr__p">{t.clone()}</p> }.into_any(),
        Block::Subheading(n, h) => view! {
            <h4 class="gt-cr__h4"><span class="gt-cr__n">{format!("{n}.")}</span>{h.clone()}</h4>
        }
        .into_any(),
        Block::Numbered(n, t) => view! {
            <p class="gt-cr__p gt-cr__numbered"><span class="gt-cr__n">{n.clone()}</span><span>{t.clone()}</span></p>
        }
        .into_any(),
        Block::List(items) => view! {
            <ol class="gt-cr__list">{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ol>
        }
        .into_any(),
        Block::Labelled(label, t) => view! {
            <p class="gt-cr__p gt-cr__labelled"><strong>{format!("{label}: ")}</strong>{t.clone()}</p>
        }
        .into_any(),
    }
}

/// The covering report's pages.
pub fn covering_view(c: &CoveringPages) -> impl IntoView {
    let facts = c
        .facts
        .iter()
        .map(|(k, v)| {
            view! {
                <div class="gt-cr__fact">
                    <dt>{k.clone()}</dt>
                    <dd>{v.lines().map(|l| view! { <span class="gt-cr__line">{l.to_string()}</span> }).collect_view()}</dd>
                </div>
            }
        })
        .collect_view();
    let sections = c
        .sections
        .iter()
        .map(|s| {
            let hid = format!("{}-heading", s.anchor);
            let labelled_by = hid.clone();
            view! {
                <section class="gt-cr__section" id=s.anchor.clone() aria-labelledby=labelled_by
                    data-testid=s.anchor.clone()>
                    <h3 class="gt-cr__h3" id=hid>{s.heading.clone()}</h3>
                    {s.blocks.iter().map(block_view).collect_view()}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="gt-cr" id=COVERING_ANCHOR aria-labelledby="covering-committee" data-testid="covering-report">
            <header class="gt-cr__masthead">
                <h2 class="gt-cr__committee" id="covering-committee">{c.committee.clone()}</h2>
                {c.meeting_date.clone().map(|d| view! { <p class="gt-cr__date" data-testid="covering-date">{d}</p> })}
            </header>
            <dl class="gt-cr__facts" data-testid="covering-facts">{facts}</dl>
            {sections}
        </section>
    }
}

/// The contents page: every entry with the page it starts on in the printed pack ("–" until
/// the pack has been measured).
pub fn contents_view(entries: &[ContentsEntry], pages: Signal<Option<PageMap>>) -> impl IntoView {
    let rows = entries
        .iter()
        .map(|e| {
            let anchor = e.anchor.clone();
            let target = e.anchor.clone();
            let page = move || {
                pages.with(|p| {
                    p.as_ref()
                        .and_then(|p| p.iter().find(|(a, _)| *a == anchor).map(|(_, n)| *n))
                })
            };
            let page2 = page.clone();
            view! {
                <li class=format!("gt-contents__item gt-contents__item--{}", e.level)
                    data-testid="contents-entry" data-anchor=e.anchor.clone()
                    data-page=move || page().map(|n| n.to_string()).unwrap_or_default()>
                    <a href="#" class="gt-contents__link" on:click=move |ev| {
                        // The fragment is the app's route: scroll to the part without changing it.
                        ev.prevent_default();
                        if let Some(el) = document().get_element_by_id(&target) {
                            el.scroll_into_view();
                        }
                    }>{e.title.clone()}</a>
                    <span class="gt-contents__leader" aria-hidden="true"></span>
                    <span class="gt-contents__page">{move || page2().map(|n| n.to_string()).unwrap_or_else(|| "–".into())}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="gt-contents" id="pack-contents-page" aria-labelledby="pack-contents-title"
            data-testid="pack-contents-page" data-measured=move || pages.with(|p| p.is_some()).to_string()>
            <h2 class="gt-contents__title" id="pack-contents-title">"Contents"</h2>
            <p class="gt-contents__head" aria-hidden="true"><span>"Page"</span></p>
            <ol class="gt-contents__list">{rows}</ol>
        </section>
    }
}
