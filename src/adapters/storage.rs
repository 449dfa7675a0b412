//! The browser's local storage: the only place edits and imported data live between visits.
//! Every failure (storage off in private mode, quota full) is reported, never swallowed.

use leptos::prelude::*;

/// Why storage failed, in plain words.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// No local storage at all (blocked, private mode in some browsers).
    Unavailable,
    /// The browser refused to store more (quota).
    Full,
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("this browser does not allow Golden Thread to save anything (storage is turned off, or this is a private window)"),
            StorageError::Full => f.write_str("this browser's storage for Golden Thread is full"),
            StorageError::Other(e) => write!(f, "the browser could not save ({e})"),
        }
    }
}

fn store() -> Result<web_sys::Storage, StorageError> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// Reads a key (None when absent or storage is off).
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    store()?
        .get_item(key)
        .map_err(|e| StorageError::Other(format!("{e:?}")))
}

/// Writes a key.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    store()?.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StorageError::Full
        } else {
            StorageError::Other(if name.is_empty() {
                format!("{e:?}")
            } else {
                name
            })
        }
    })
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    store()?
        .remove_item(key)
        .map_err(|e| StorageError::Other(format!("{e:?}")))
}

/// Follows writes made by other tabs of this site: `f(key, new_value)`.
pub fn on_other_tab_change(f: impl Fn(String, Option<String>) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            f(key, ev.new_value());
        }
    });
    std::mem::forget(handle);
}

fn session() -> Result<web_sys::Storage, StorageError> {
    window()
        .session_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// Reads a key from this tab's session storage (kept across reloads of the tab, not shared
/// with other tabs, gone when the tab closes).
pub fn session_get(key: &str) -> Result<Option<String>, StorageError> {
    session()?
        .get_item(key)
        .map_err(|e| StorageError::Other(format!("{e:?}")))
}

/// Writes a key in this tab's session storage.
pub fn session_set(key: &str, value: &str) -> Result<(), StorageError> {
    session()?
        .set_item(key, value)
        .map_err(|e| StorageError::Other(format!("{e:?}")))
}

/// Removes a key from this tab's session storage.
pub fn session_remove(key: &str) -> Result<(), StorageError> {
    session()?
        .remove_item(key)
        .map_err(|e| StorageError::Other(format!("{e:?}")))
}
