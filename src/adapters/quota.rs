//! The browser's storage manager (`navigator.storage`): asking to keep this site's data
//! (`persist`, so the browser does not clear it when space runs low) and how much is used and
//! available (`estimate`). Absent in some settings (old browsers, some `file://` pages): then
//! every answer is None and nothing fails.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    let m = js_sys::Reflect::get(&nav, &"storage".into()).ok()?;
    (!m.is_undefined() && !m.is_null()).then(|| m.unchecked_into())
}

/// Asks the browser to keep this site's data until the user clears it. Some(true) when it
/// is (or already was) kept; None when the browser cannot say.
pub async fn persist() -> Option<bool> {
    let m = manager()?;
    if JsFuture::from(m.persisted().ok()?).await.ok()?.as_bool() == Some(true) {
        return Some(true);
    }
    JsFuture::from(m.persist().ok()?).await.ok()?.as_bool()
}

/// Whether the browser has agreed to keep this site's data.
pub async fn persisted() -> Option<bool> {
    JsFuture::from(manager()?.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Bytes used by this site, and about how many it may use in all.
pub async fn estimate() -> Option<(f64, f64)> {
    let e = JsFuture::from(manager()?.estimate().ok()?).await.ok()?;
    let field = |name: &str| js_sys::Reflect::get(&e, &name.into()).ok()?.as_f64();
    Some((field("usage")?, field("quota")?))
}
