//! Loading the data: from the offline copy's own page, a file named in the link (`?data=`),
//! data imported earlier in this browser, or the built-in file; and keeping an imported file
//! in this browser (IndexedDB). The shell (`app.rs`) starts it; imports (`importing.rs`) use
//! it to make a file the current data. It depends on neither, so there is no import cycle.
//! Reading the store and downloading are async: the page frame shows "Loading" meanwhile,
//! with how far a data file has got (`AppState.progress`).

use crate::adapters::storage::StorageError;
use crate::adapters::{fetch, frame, idb, perf};
use crate::edits;
use crate::state::{AppState, Kept, Load, NoticeKind, Origin, BUILT_IN_DATA};
use gt_core::read::size::{Progress, MAX_FILE_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

// Where an imported file is kept (IndexedDB), and its name and date.
use crate::adapters::idb::{DATASET_KEY, DATASET_META};

/// Parses a dataset's text into a `Load`, naming the file in any problem.
pub fn load_from_text(name: &str, text: &str) -> Load {
    match perf::time("read", || gt_core::parse_dataset(text)) {
        Ok(ds) => Load::Ready(Arc::new(ds)),
        Err(problems) => Load::Failed {
            source: name.to_string(),
            problems: problems.iter().map(|p| p.to_string()).collect(),
        },
    }
}

/// Makes `text` the source data (with its fingerprint) together with this dataset's saved
/// edits, read first so the page never shows the data without them.
pub async fn set_source(state: &AppState, load: Load, text: &str, origin: Origin) {
    perf::start("saved-edits");
    let saved = match &load {
        Load::Ready(ds) => Some(edits::saved_for(state, &gt_core::edit::dataset_key(ds)).await),
        _ => None,
    };
    perf::end("saved-edits");
    // The fingerprint is needed now only to check saved edits against this file; otherwise it
    // is worked out half a second after the data is shown (a save reads it, and none comes
    // sooner).
    let edits_saved = matches!(&saved, Some(Ok(Some(_))));
    if edits_saved {
        let fingerprint = perf::time("fingerprint", || gt_core::edit::fingerprint(text));
        state.source_hash.set(fingerprint);
    } else {
        state.source_hash.set(String::new());
        let (text, hash, source) = (text.to_string(), state.source_hash, state.source);
        let shown = match &load {
            Load::Ready(ds) => Some(ds.clone()),
            _ => None,
        };
        set_timeout(
            move || {
                // Only for the data it was read from (not for data loaded since).
                let same = source.with_untracked(|l| match (l, &shown) {
                    (Load::Ready(now), Some(then)) => Arc::ptr_eq(now, then),
                    _ => false,
                });
                if same {
                    hash.set(perf::time("fingerprint", || {
                        gt_core::edit::fingerprint(&text)
                    }));
                }
            },
            std::time::Duration::from_millis(500),
        );
    }
    state.progress.set(None);
    state.edits.update(|l| l.clear());
    state.saving.set(crate::state::Saving::Idle);
    if !matches!(origin, Origin::Bundle) {
        // Only an offline copy carries a note about where its data came from.
        state.carried.set(None);
    }
    state.source.set(load);
    state.origin.set(origin);
    if let Some(saved) = saved {
        edits::restore(state, saved);
    }
}

/// Loads the dataset from `url` into the state, with every problem reported on failure. While
/// it downloads and is read, `AppState.progress` says how far it has got; a file too large for
/// the browser is refused with a message instead of being read.
pub async fn load_dataset(url: String, state: AppState, origin: Origin) {
    perf::start("fetch");
    let fetched = fetch::fetch_bytes(&url, MAX_FILE_BYTES, |p| state.progress.set(Some(p))).await;
    perf::end("fetch");
    match fetched {
        Err(e) => {
            state.progress.set(None);
            state.source.set(Load::Failed {
                source: url,
                problems: vec![e],
            });
        }
        Ok(bytes) => {
            // Decoded as the browser decodes text (bad bytes become U+FFFD, a leading byte order
            // mark is dropped), without a copy when the file is valid UTF-8, as it should be.
            // (The strict check first: it is several times faster than the lenient decoder.)
            let lossy;
            let text = match std::str::from_utf8(&bytes) {
                Ok(text) => text,
                Err(_) => {
                    lossy = String::from_utf8_lossy(&bytes);
                    &lossy
                }
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            state.progress.set(Some(Progress::Checking {
                bytes: bytes.len() as u64,
            }));
            // The status line shows before the page is busy reading.
            frame::after_paint().await;
            let load = load_from_text(&url, text);
            set_source(&state, load, text, origin).await;
        }
    }
}

/// Starts loading: the offline copy's own data, a file named in the link, else data imported
/// earlier in this browser, else the built-in data. Data kept in local storage by an earlier
/// version is moved to IndexedDB first.
pub fn start_loading(state: AppState) {
    spawn_local(async move {
        crate::migrate::from_local_storage(&state).await;
        // An offline copy carries its data inside the page.
        if let Some(el) = document().get_element_by_id(gt_core::bundle::DATA_ID) {
            let text = el.text_content().unwrap_or_default();
            let note = document()
                .get_element_by_id(gt_core::bundle::PROVENANCE_ID)
                .and_then(|n| n.text_content())
                .and_then(|n| gt_core::draft::CopyNote::parse(&n).ok());
            state.carried.set(note);
            let load = load_from_text("the data in this offline copy", &text);
            set_source(&state, load, &text, Origin::Bundle).await;
            return;
        }
        let url = data_url(&state.location.get_untracked());
        if url != BUILT_IN_DATA {
            load_dataset(url.clone(), state, Origin::Link(url)).await;
            return;
        }
        if let Some((text, load, origin)) = stored_import(&state).await {
            state.kept.set(Kept::Yes);
            set_source(&state, load, &text, origin).await;
            return;
        }
        load_dataset(url, state, Origin::BuiltIn).await;
    });
}

/// The data file to load: `?data=URL` in the address (before or after the `#`), else the
/// built-in file.
pub fn data_url(loc: &gt_core::route::Location) -> String {
    let search = window().location().search().unwrap_or_default();
    let from_search = gt_core::route::Location::parse(&format!("#/{search}"))
        .get("data")
        .map(str::to_string);
    from_search
        .or_else(|| loc.get("data").map(str::to_string))
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| BUILT_IN_DATA.to_string())
}

/// The dataset imported earlier in this browser, if any: its text, the data read from it (read
/// once) and where it came from. Unreadable stored data is kept aside and the user told; the
/// built-in data is used instead.
pub async fn stored_import(state: &AppState) -> Option<(String, Load, Origin)> {
    let text = match idb::get(DATASET_KEY).await {
        Ok(t) => t?,
        Err(e) => {
            edits::say_storage_failed(state, &e);
            return None;
        }
    };
    let meta: serde_json::Value = idb::get(DATASET_META)
        .await
        .ok()
        .flatten()
        .and_then(|m| serde_json::from_str(&m).ok())
        .unwrap_or_default();
    let load = load_from_text("the data imported in this browser", &text);
    if !matches!(load, Load::Ready(_)) {
        let aside = edits::corrupt_key("dataset");
        if idb::put(&aside, &text).await.is_ok() {
            let _ = idb::delete_all(&[DATASET_KEY, DATASET_META]).await;
            state.notify(NoticeKind::Warning, "The data imported earlier in this browser could not be read, so the built-in data is shown. A copy has been kept aside: download or delete it on the Data page.");
        } else {
            state.notify(NoticeKind::Warning, "The data imported earlier in this browser could not be read, so the built-in data is shown. It has been left in storage untouched.");
        }
        return None;
    }
    Some((
        text,
        load,
        Origin::Imported {
            name: meta["name"]
                .as_str()
                .unwrap_or("an imported file")
                .to_string(),
            at: meta["at"].as_str().unwrap_or("").to_string(),
        },
    ))
}

/// Keeps an imported file in this browser, with its name and when it was imported (both or
/// neither).
pub async fn keep_import(name: &str, at: &str, text: &str) -> Result<(), StorageError> {
    let meta = serde_json::json!({ "name": name, "at": at }).to_string();
    idb::put_all(&[(DATASET_KEY, text), (DATASET_META, &meta)]).await
}

/// Forgets the file imported in this browser (back to the built-in data).
pub async fn forget_import() {
    let _ = idb::delete_all(&[DATASET_KEY, DATASET_META]).await;
}
