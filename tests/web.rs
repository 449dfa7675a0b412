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
