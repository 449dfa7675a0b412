//! The browser's IndexedDB: where imported data, the change log and data that could not be
//! read are kept between visits (see docs/architecture.md, "Edits, storage and files").
//!
//! One database, `golden-thread`, with one object store, `kept`, of text values under text
//! keys (the same keys local storage used before, so moving old data over is one to one).
//! Every call is async; every failure (IndexedDB blocked, private window, quota full) comes
//! back as a `StorageError`, never swallowed. Requests are awaited by handing a promise's own
//! `resolve` and `reject` to the request's or transaction's event handlers, so no closure is
//! kept alive or leaked per call.

use crate::adapters::storage::StorageError;
use js_sys::Promise;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "golden-thread";
/// Where an imported dataset is kept, and what is known of it (file name, when imported).
pub const DATASET_KEY: &str = "golden-thread/dataset";
pub const DATASET_META: &str = "golden-thread/dataset-meta";
const STORE: &str = "kept";
/// How long opening the database may take before the app goes on without it.
const OPEN_DEADLINE_MS: i32 = 3000;

thread_local! {
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// The name of a DOM error (`QuotaExceededError`), or its text.
fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// A failed write or read, in plain words.
fn failure(e: &JsValue) -> StorageError {
    match error_name(e).as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "InvalidStateError" | "SecurityError" | "NotAllowedError" | "UnknownError" => {
            StorageError::Unavailable
        }
        other => StorageError::Other(other.to_string()),
    }
}

/// Waits until `set` has hooked a promise's `resolve` and `reject` to events and one of them
/// fires: Ok for `resolve`, Err for `reject`.
async fn settle(set: impl FnOnce(&js_sys::Function, &js_sys::Function)) -> Result<(), JsValue> {
    let mut set = Some(set);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(set) = set.take() {
            set(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// A request's result once it succeeds.
async fn result(req: &IdbRequest) -> Result<JsValue, StorageError> {
    answer(req, false).await
}

/// A request's result once it succeeds; with `deadline`, a failure if it has not answered
/// within `OPEN_DEADLINE_MS` (a database held up by another tab, or a browser that never
/// answers), so the app goes on without the store instead of waiting for ever.
async fn answer(req: &IdbRequest, deadline: bool) -> Result<JsValue, StorageError> {
    settle(|ok, fail| {
        req.set_onsuccess(Some(ok));
        req.set_onerror(Some(fail));
        if deadline {
            if let Some(w) = web_sys::window() {
                let _ =
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(fail, OPEN_DEADLINE_MS);
            }
        }
    })
    .await
    .map_err(|_| {
        if deadline && req.ready_state() == web_sys::IdbRequestReadyState::Pending {
            // Not refused: the store did not answer in time. Say that, not "not allowed".
            return StorageError::Other(TIMED_OUT.into());
        }
        req.error()
            .ok()
            .flatten()
            .map(|e| failure(&e))
            .unwrap_or(StorageError::Unavailable)
    })?;
    req.result().map_err(|e| failure(&e))
}

/// What a store that did not open in time is called in messages.
const TIMED_OUT: &str =
    "this browser's storage did not answer within 3 seconds; another tab may be holding it";

/// Waits until a write transaction is committed (quota failures show up here, as an abort).
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    settle(|ok, fail| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(fail));
    })
    .await
    .map_err(|_| {
        tx.error()
            .map(|e| failure(&e))
            .unwrap_or_else(|| StorageError::Other("the save was cancelled".into()))
    })
}

/// Opens the database (at `version`, or as it is), creating the store when it is missing.
async fn open(
    factory: &web_sys::IdbFactory,
    version: Option<u32>,
) -> Result<IdbDatabase, StorageError> {
    let req = match version {
        Some(v) => factory.open_with_u32(DB, v),
        None => factory.open(DB),
    }
    .map_err(|_| StorageError::Unavailable)?;
    // A first visit (or a version made to add the store): create the store. Called at most
    // once per opening.
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = answer(&req, true).await.map_err(|e| match e {
        StorageError::Full => StorageError::Full,
        StorageError::Other(why) if why == TIMED_OUT => StorageError::Other(why),
        _ => StorageError::Unavailable,
    })?;
    Ok(db.unchecked_into())
}

/// The database, opened once per page (created on first use).
async fn database() -> Result<IdbDatabase, StorageError> {
    if let Some(db) = OPEN.with(|o| o.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .indexed_db()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)?;
    let mut db = open(&factory, None).await?;
    if !db.object_store_names().contains(STORE) {
        // The database is there without the store (made by something else): add it.
        let next = db.version() as u32 + 1;
        db.close();
        db = open(&factory, Some(next)).await?;
    }
    // Another tab wants to change the database: let it, and open it again when next needed.
    let closing = db.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        closing.close();
        OPEN.with(|o| *o.borrow_mut() = None);
    });
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    OPEN.with(|o| *o.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn store(mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
    let db = database().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| failure(&e))?;
    let store = tx.object_store(STORE).map_err(|e| failure(&e))?;
    Ok((tx, store))
}

/// Whether IndexedDB can be used here at all (opens the database).
pub async fn available() -> Result<(), StorageError> {
    database().await.map(|_| ())
}

/// Reads a key (None when absent).
pub async fn get(key: &str) -> Result<Option<String>, StorageError> {
    let (_tx, store) = store(IdbTransactionMode::Readonly).await?;
    let req = store.get(&key.into()).map_err(|e| failure(&e))?;
    Ok(result(&req).await?.as_string())
}

/// Writes several keys at once: all of them are kept, or none.
pub async fn put_all(entries: &[(&str, &str)]) -> Result<(), StorageError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite).await?;
    for (key, value) in entries {
        if let Err(e) = store.put_with_key(&(*value).into(), &(*key).into()) {
            let _ = tx.abort();
            return Err(failure(&e));
        }
    }
    committed(&tx).await
}

/// Writes a key.
pub async fn put(key: &str, value: &str) -> Result<(), StorageError> {
    put_all(&[(key, value)]).await
}

/// Removes keys (absent ones are fine).
pub async fn delete_all(keys: &[&str]) -> Result<(), StorageError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite).await?;
    for key in keys {
        if let Err(e) = store.delete(&(*key).into()) {
            let _ = tx.abort();
            return Err(failure(&e));
        }
    }
    committed(&tx).await
}

/// Removes a key.
pub async fn delete(key: &str) -> Result<(), StorageError> {
    delete_all(&[key]).await
}

/// Every key that starts with `prefix`, in order.
pub async fn keys(prefix: &str) -> Result<Vec<String>, StorageError> {
    let (_tx, store) = store(IdbTransactionMode::Readonly).await?;
    let req = store.get_all_keys().map_err(|e| failure(&e))?;
    let all: js_sys::Array = result(&req).await?.unchecked_into();
    Ok(all
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| k.starts_with(prefix))
        .collect())
}
