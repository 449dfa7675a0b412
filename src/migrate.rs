//! Moving what an earlier version kept in local storage (`golden-thread/edits/…`,
//! `golden-thread/dataset`, `golden-thread/dataset-meta`, `golden-thread/corrupt/…`) to
//! IndexedDB, under the same keys, on the first load after the update. Nothing is lost: the
//! old keys are removed only after IndexedDB has committed all of them, and a key IndexedDB
//! already holds with other contents (written since by this version) is kept aside rather than
//! overwritten.

use crate::adapters::{idb, storage};
use crate::edits;
use crate::state::AppState;

/// The keys an earlier version kept in local storage.
fn old_keys() -> Vec<String> {
    let mut keys = storage::keys("golden-thread/edits/");
    keys.extend(storage::keys(edits::CORRUPT_PREFIX));
    for k in [
        crate::adapters::idb::DATASET_KEY,
        crate::adapters::idb::DATASET_META,
    ] {
        keys.extend(storage::keys(k).into_iter().filter(|x| x == k));
    }
    keys
}

/// Moves every old key over, in one transaction; then removes them from local storage.
pub async fn from_local_storage(state: &AppState) {
    let keys = old_keys();
    if keys.is_empty() {
        return;
    }
    // (old key, key in IndexedDB, value)
    let mut moves: Vec<(String, String, String)> = Vec::new();
    for key in keys {
        let Some(value) = storage::get(&key).ok().flatten() else {
            continue;
        };
        let target = match idb::get(&key).await {
            Ok(None) => key.clone(),
            Ok(Some(held)) if held == value => key.clone(),
            // Something newer is there: keep the old one aside, never over it.
            Ok(Some(_)) => edits::corrupt_key(&format!(
                "moved/{}",
                key.trim_start_matches("golden-thread/")
            )),
            Err(e) => {
                // IndexedDB cannot be used: leave local storage as it is.
                edits::say_storage_failed(state, &e);
                return;
            }
        };
        moves.push((key, target, value));
    }
    let entries: Vec<(&str, &str)> = moves
        .iter()
        .map(|(_, target, value)| (target.as_str(), value.as_str()))
        .collect();
    if idb::put_all(&entries).await.is_ok() {
        for (old, _, _) in &moves {
            let _ = storage::remove(old);
        }
    }
}
