//! The browser's local storage, where edits and imported data were kept before they moved to
//! IndexedDB (`idb.rs`): read once to move them over, then removed. Also the tab's session
//! storage (editing mode across a reload), and the storage errors every store reports.

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

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    store()?
        .remove_item(key)
        .map_err(|e| StorageError::Other(format!("{e:?}")))
}

/// Every key that starts with `prefix`.
pub fn keys(prefix: &str) -> Vec<String> {
    let Ok(s) = store() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
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
