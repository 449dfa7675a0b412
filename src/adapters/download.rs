//! Saving a file to the user's computer (a Blob and a temporary link).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`.
pub fn save(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("could not make the file ({e:?})"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| format!("could not make the file ({e:?})"))?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("data-testid", "download-link").ok();
    a.set_attribute("hidden", "").ok();
    document().body().map(|b| b.append_child(&a).ok());
    a.click();
    a.remove();
    // Let the browser take the file before the address goes.
    let u = url.clone();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&u);
        },
        std::time::Duration::from_secs(30),
    );
    // Kept for tests and for anyone who wants to see what was last exported.
    let _ = js_sys::Reflect::set(
        &window(),
        &"gtLastDownload".into(),
        &js_sys::Array::of2(&name.into(), &text.into()),
    );
    Ok(())
}
