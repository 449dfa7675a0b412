//! "Download offline copy": one HTML file with the app, its styles and the data shown now
//! (with the officer's edits), that opens from disk with no network. Assembled by
//! `gt_core::bundle`, from the files this page was loaded from, or, inside an offline copy,
//! from the copy itself. The copy also carries where its data came from and the draft it
//! holds (`gt_core::draft::CopyNote`), so that it names its source and says Draft on every
//! page, as this page does.

use crate::adapters::{download, fetch};
use crate::state::AppState;
use gt_core::bundle::{self, Parts};
use gt_core::draft::CopyNote;
use gt_core::Dataset;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// Where the data shown came from and its draft, kept current by [`follow`] (the copy is
    /// made in a task that runs outside the app's reactive scope).
    static NOTE: RefCell<Option<CopyNote>> = const { RefCell::new(None) };
}

/// Keeps what a copy made now would carry up to date with the data shown.
pub fn follow(state: AppState) {
    Effect::new(move |_| {
        let note = state.provenance.get().map(|provenance| CopyNote {
            provenance,
            draft: (*state.draft.get()).clone(),
        });
        NOTE.with(|n| *n.borrow_mut() = note);
    });
}

/// The note for a copy made today (ISO date).
fn note_for(today: &str) -> Option<CopyNote> {
    NOTE.with(|n| n.borrow().clone()).map(|n| CopyNote {
        provenance: n.provenance.in_copy(today),
        draft: n.draft,
    })
}

fn today() -> String {
    crate::edits::now_iso().get(..10).unwrap_or("").to_string()
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url} could not be fetched ({e})"))?;
    if !resp.ok() {
        return Err(format!("{url}: the server answered {}", resp.status()));
    }
    resp.binary()
        .await
        .map_err(|e| format!("{url} could not be read ({e})"))
}

/// gzip in the browser (CompressionStream).
async fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let f = js_sys::Function::new_with_args(
        "bytes",
        "return new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();",
    );
    let arr = js_sys::Uint8Array::from(bytes);
    let promise: js_sys::Promise = f
        .call1(&wasm_bindgen::JsValue::NULL, &arr)
        .map_err(|e| format!("compression is not available ({e:?})"))?
        .unchecked_into();
    let buf = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| format!("compression failed ({e:?})"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

fn element_text(id: &str) -> Option<String> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.text_content())
}

/// Builds the offline copy's HTML for a dataset.
pub async fn build(ds: &Dataset) -> Result<String, String> {
    let data = gt_core::json::write(ds, false)?;
    let note = note_for(&today()).map(|n| n.to_json());
    // Inside an offline copy: reuse its own parts.
    if let (Some(css), Some(glue), Some(wasm)) = (
        element_text(bundle::STYLE_ID),
        element_text(bundle::GLUE_ID),
        element_text(bundle::WASM_ID),
    ) {
        return Ok(bundle::html(&Parts {
            title: &ds.title,
            css: &css,
            glue: &glue,
            wasm_gz_base64: wasm.trim(),
            data_json: &data,
            provenance_json: note.as_deref(),
        }));
    }
    let index = fetch::fetch_text("index.html").await?;
    let assets = bundle::find_assets(&index);
    let mut css = String::new();
    for c in &assets.css {
        css.push_str(&fetch::fetch_text(c).await?);
        css.push('\n');
    }
    let glue = fetch::fetch_text(
        assets
            .glue
            .as_deref()
            .ok_or("the app's script was not found")?,
    )
    .await?;
    let wasm = fetch_bytes(
        assets
            .wasm
            .as_deref()
            .ok_or("the app's WebAssembly was not found")?,
    )
    .await?;
    let gz = gzip(&wasm).await?;
    Ok(bundle::html(&Parts {
        title: &ds.title,
        css: &css,
        glue: &bundle::glue_to_classic(&glue),
        wasm_gz_base64: &bundle::base64(&gz),
        data_json: &data,
        provenance_json: note.as_deref(),
    }))
}

/// Builds and downloads the offline copy; the result says what happened.
pub async fn download_copy(ds: &Dataset) -> Result<String, String> {
    let html = build(ds).await?;
    let today = today();
    let name = gt_core::export::file_name(ds, None, "offline-copy", &today, "html");
    download::save(&name, "text/html;charset=utf-8", &html)?;
    let draft = NOTE.with(|n| n.borrow().as_ref().map(|n| n.draft.count()).unwrap_or(0));
    let marked = if draft > 0 {
        format!(" Like this page, every page of it says Draft: it includes {draft} change{} not in the published data.", if draft == 1 { "" } else { "s" })
    } else {
        String::new()
    };
    Ok(format!("Saved {name} ({:.1} MB). Open it from your computer, with no internet connection needed; it holds the data as shown now, with your changes.{marked}", html.len() as f64 / 1_048_576.0))
}
