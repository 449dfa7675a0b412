//! Copying text to the clipboard.

use leptos::prelude::*;

/// Copies `text`; resolves to false when the browser refuses (no permission, not a secure
/// context), so the caller can show the text to copy by hand.
pub async fn copy(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}
