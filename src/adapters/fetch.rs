//! Fetching files over HTTP (the built-in data file, or a dataset by URL).

use gloo_net::http::Request;
use gt_core::read::size::{check_size, Progress};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Fetches a text file. The error says what went wrong in plain words.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let resp = Request::get(url)
        .send()
        .await
        .map_err(|e| format!("the file {url} could not be fetched ({e})"))?;
    if !resp.ok() {
        return Err(format!(
            "the server answered {} {} for {url}",
            resp.status(),
            resp.status_text()
        ));
    }
    resp.text()
        .await
        .map_err(|e| format!("the file {url} could not be read ({e})"))
}

/// Fetches a data file as bytes, read as it arrives so that `progress` can say how far it has
/// got (called when the first part arrives, then at most five times a second), and refused before or while it downloads when
/// it is larger than `limit` bytes. The bytes go straight into memory the app reads, without
/// first becoming text in the page. The error says what went wrong in plain words.
pub async fn fetch_bytes(
    url: &str,
    limit: u64,
    mut progress: impl FnMut(Progress),
) -> Result<Vec<u8>, String> {
    let unread = |e: JsValue| format!("the file {url} could not be read ({})", js_error(&e));
    let window = web_sys::window().ok_or("no window")?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("the file {url} could not be fetched ({})", js_error(&e)))?
        .unchecked_into();
    if !resp.ok() {
        return Err(format!(
            "the server answered {} {} for {url}",
            resp.status(),
            resp.status_text()
        ));
    }
    // The length the server gives is of the bytes sent: compressed ones are fewer than the file's.
    let compressed = resp
        .headers()
        .get("content-encoding")
        .ok()
        .flatten()
        .is_some_and(|e| !e.trim().is_empty() && e.trim() != "identity");
    let total = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(total) = total.filter(|_| !compressed) {
        check_size(url, total, limit)?;
    }
    let Some(body) = resp.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(total.unwrap_or(0).min(limit) as usize);
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
    };
    // Said after the first part arrives, then at most every 200 ms.
    let mut said = f64::NEG_INFINITY;
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(unread)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(unread)?;
        if done.as_bool().unwrap_or(true) {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(unread)?;
        let part: js_sys::Uint8Array = value.unchecked_into();
        let start = bytes.len();
        bytes.resize(start + part.length() as usize, 0);
        part.copy_to(&mut bytes[start..]);
        if let Err(e) = check_size(url, bytes.len() as u64, limit) {
            let _ = reader.cancel();
            return Err(e);
        }
        let t = now().unwrap_or(0.0);
        if t - said >= 200.0 {
            said = t;
            progress(Progress::Reading {
                received: bytes.len() as u64,
                total: total.filter(|_| !compressed),
            });
        }
    }
    Ok(bytes)
}

/// A JavaScript error's message, for the words after "could not be fetched".
fn js_error(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser gave no reason".into())
}
