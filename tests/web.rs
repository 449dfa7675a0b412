//! wasm tests, run in headless Chromium by wasm-bindgen-test-runner (`cargo xtask test`).
//! They mount real components into the page and read the DOM.

#![cfg(target_arch = "wasm32")]

use golden_thread::adapters::location;
use golden_thread::components::status::{RagTag, WorkTag};
use gt_core::route::{Location, Route};
use gt_core::{Rag, WorkStatus};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

async fn tick() {
    // Let effects and spawned tasks run.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
fn rag_tag_has_word_shape_and_status() {
    let el = container();
    let _h = leptos::mount::mount_to(el.clone(), || view! { <RagTag rag=Rag::Red manual=true/> });
    let tag = el.query_selector(".gt-tag").unwrap().expect("a tag");
    assert_eq!(tag.get_attribute("data-status").as_deref(), Some("red"));
    let text = el.text_content().unwrap();
    assert!(text.contains("Off target"), "{text}");
    assert!(text.contains("set by hand"), "{text}");
    let svg = el
        .query_selector("svg.gt-tag__shape")
        .unwrap()
        .expect("a shape");
    assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(
        el.query_selector("svg rect").unwrap().is_some(),
        "red is a square"
    );
}

#[wasm_bindgen_test]
fn every_status_has_its_own_shape() {
    let el = container();
    let _h = leptos::mount::mount_to(el.clone(), || {
        view! {
            {Rag::ALL.iter().map(|r| view! { <RagTag rag=*r/> }).collect_view()}
            {WorkStatus::ALL.iter().map(|s| view! { <WorkTag status=*s/> }).collect_view()}
        }
    });
    let tags = el.query_selector_all(".gt-tag").unwrap();
    assert_eq!(
        tags.length() as usize,
        Rag::ALL.len() + WorkStatus::ALL.len()
    );
    let shapes: Vec<String> = (0..tags.length())
        .map(|i| {
            let t: web_sys::Element = tags.item(i).unwrap().unchecked_into();
            t.query_selector("svg").unwrap().unwrap().inner_html()
        })
        .collect();
    // Green, Amber and Red each have a different shape.
    assert_ne!(shapes[0], shapes[1]);
    assert_ne!(shapes[1], shapes[2]);
    assert_ne!(shapes[0], shapes[2]);
}

#[wasm_bindgen_test]
fn navigate_replace_does_not_add_history() {
    let sig = RwSignal::new(location::current());
    let before = window().history().unwrap().length().unwrap();
    let to = Location::new(Route::Indicators).with("council", "bexley");
    location::navigate(sig, to.clone(), true);
    assert_eq!(window().history().unwrap().length().unwrap(), before);
    assert_eq!(
        window().location().hash().unwrap(),
        "#/indicators?council=bexley"
    );
    assert_eq!(location::current(), to);
    assert_eq!(sig.get_untracked(), to);
    assert!(location::absolute_url(&to).ends_with("#/indicators?council=bexley"));
}

#[wasm_bindgen_test]
async fn app_shows_a_clear_error_when_the_data_cannot_be_fetched() {
    // The test runner's server has no data/onesource.json: the app must say so, not go blank.
    let el = container();
    let _h = leptos::mount::mount_to(el.clone(), golden_thread::app::App);
    let mut text = String::new();
    for _ in 0..200 {
        tick().await;
        text = el.text_content().unwrap_or_default();
        if text.contains("could not be loaded") {
            break;
        }
    }
    assert!(text.contains("The data could not be loaded"), "{text}");
    assert!(text.contains("data/onesource.json"), "{text}");
    assert!(el
        .query_selector("[data-testid=load-error]")
        .unwrap()
        .is_some());
}

/// Mounts `view` in one box and `html` in another, and says how they differ once Leptos's
/// placeholder comments are taken out and adjacent texts joined (nothing when they are the
/// same DOM: the same elements, attributes in any order, and texts).
fn differs<V: IntoView + 'static>(
    view: impl FnOnce() -> V + 'static,
    html: &str,
) -> Option<String> {
    let a = container();
    let b = container();
    let handle = leptos::mount::mount_to(a.clone(), view);
    b.set_inner_html(html);
    let compare = js_sys::Function::new_with_args(
        "a, b",
        "const clean = el => { const w = document.createTreeWalker(el, NodeFilter.SHOW_COMMENT); const cs = []; \
         while (w.nextNode()) cs.push(w.currentNode); cs.forEach(c => c.remove()); el.normalize(); }; \
         clean(a); clean(b); return a.isEqualNode(b) ? '' : a.innerHTML + '\\n  vs\\n' + b.innerHTML;",
    );
    let out = compare
        .call2(&wasm_bindgen::JsValue::NULL, &a, &b)
        .unwrap()
        .as_string()
        .unwrap_or_default();
    drop(handle);
    (!out.is_empty()).then_some(out)
}

#[wasm_bindgen_test]
fn the_list_rows_markup_is_exactly_each_components() {
    use golden_thread::components::chart::Sparkline;
    use golden_thread::components::draft::DraftFlag;
    use golden_thread::components::markup;
    use golden_thread::components::period::AsAt;
    use golden_thread::components::spc::SpcChip;
    use golden_thread::components::status::DiffersMark;
    use golden_thread::components::travel::TravelText;
    use gt_core::engine::Variation;
    use gt_core::rag::{Direction, Travel};
    use gt_core::Period;

    let mut wrong = Vec::new();
    let mut check = |what: String, d: Option<String>| {
        if let Some(d) = d {
            wrong.push(format!("{what}:\n  {d}"));
        }
    };
    for rag in Rag::ALL.iter().copied() {
        for manual in [false, true] {
            let html = markup::rag_tag(rag, manual);
            check(
                format!("{rag:?} {manual}"),
                differs(move || view! { <RagTag rag=rag manual=manual/> }, &html),
            );
        }
        check(
            format!("differs {rag:?}"),
            differs(
                move || view! { <DiffersMark rules=rag/> },
                &markup::differs_mark(rag),
            ),
        );
    }
    check(
        "draft flag".into(),
        differs(
            || view! { <DraftFlag what="row"/> },
            &markup::draft_flag("row"),
        ),
    );
    let q3 = Period::parse("2019-20-Q3").unwrap();
    check(
        "as at".into(),
        differs(
            move || view! { <AsAt as_at=Some(q3)/> },
            &markup::as_at(Some(q3)),
        ),
    );
    for v in [
        Variation::Improvement,
        Variation::Concern,
        Variation::Neither,
        Variation::CommonCause,
    ] {
        check(
            format!("spc {v:?}"),
            differs(
                move || view! { <SpcChip variation=Some(v)/> },
                &markup::spc_chip(Some(v)),
            ),
        );
    }
    check(
        "no travel".into(),
        differs(
            || view! { <TravelText travel=None short=true/> },
            &markup::travel_text(None, true),
        ),
    );
    for d in [
        Direction::Improved,
        Direction::Worsened,
        Direction::Unchanged,
    ] {
        for short in [false, true] {
            let t = Travel {
                direction: d,
                since: q3,
                previous: 1.0,
            };
            check(
                format!("travel {d:?} {short}"),
                differs(
                    move || view! { <TravelText travel=Some(t) short=short/> },
                    &markup::travel_text(Some(t), short),
                ),
            );
        }
    }
    for values in [
        vec![],
        vec![Some(3.0)],
        vec![Some(1.0), None, Some(4.5), Some(2.25)],
        vec![Some(5.0), Some(5.0)],
    ] {
        let html = markup::sparkline(&values);
        let shown = format!("sparkline {values:?}");
        check(
            shown,
            differs(move || view! { <Sparkline values=values/> }, &html),
        );
    }
    assert!(
        wrong.is_empty(),
        "markup differs from its component:\n{}",
        wrong.join("\n")
    );
}

#[wasm_bindgen_test]
fn text_from_the_data_is_escaped_in_the_rows_markup() {
    use golden_thread::components::markup::escape;
    assert_eq!(
        escape(r#"<b>"Tom" & 'Jerry'</b>"#),
        "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
    );
}
