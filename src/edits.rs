//! Recording, saving and restoring an officer's edits, and keeping two tabs in step.
//! The rules (applying, conflicts, the saved format) are in `gt_core::edit`; this is the glue
//! between them, the app state and IndexedDB (`adapters/idb.rs`); other tabs hear of each
//! save through a `BroadcastChannel` (`adapters/channel.rs`).

use crate::adapters::storage::{self, StorageError};
use crate::adapters::{channel, idb, quota};
use crate::state::{AppState, Load, NoticeKind, Saving};
use gt_core::edit::{dataset_key, Change, Saved, Target};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use std::cell::Cell;

/// Where data that could not be read is kept aside: `golden-thread/corrupt/<what>/<when>`.
pub const CORRUPT_PREFIX: &str = "golden-thread/corrupt/";

/// The key to keep unreadable data from `what` (a dataset key, or "dataset") aside under.
pub fn corrupt_key(what: &str) -> String {
    format!("{CORRUPT_PREFIX}{what}/{}", now_iso())
}

thread_local! {
    /// The user has been told that this browser keeps nothing (once per page).
    static TOLD: Cell<bool> = const { Cell::new(false) };
    /// The browser has been asked to keep this site's data (once per page).
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Says, once per page, that nothing can be kept in this browser, and that everything goes on
/// working in the page with the exports at hand.
pub fn say_storage_failed(state: &AppState, e: &StorageError) {
    if TOLD.with(|t| t.replace(true)) {
        return;
    }
    state.notify(
        NoticeKind::Warning,
        format!("Golden Thread cannot keep anything in this browser: {e}. You can still look at the data, import files and edit, but nothing is kept after you close or reload the page: export your changes (Your changes) or the whole data (Data page) before you do."),
    );
}

/// Asks the browser to keep this site's data for good (when the user imports or starts
/// editing), so it is not cleared when space runs low. Once per page.
pub fn ask_to_keep() {
    if !ASKED.with(|a| a.replace(true)) {
        spawn_local(async {
            let _ = quota::persist().await;
        });
    }
}

/// Storage key for a dataset's edits.
pub fn edits_key(ds_key: &str) -> String {
    format!("golden-thread/edits/{ds_key}")
}

/// Now as an ISO timestamp (UTC).
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Now as HH:MM local time, for "Saved at 14:05".
pub fn now_clock() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// An ISO timestamp (UTC) as the local clock shows it: "2 December 2026, 08:17".
pub fn local_date_time(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.get(..16).unwrap_or(iso).replace('T', " ");
    }
    gt_core::fmt::date_time(
        d.get_full_year() as i32,
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
    )
}

/// An ISO timestamp (UTC) as HH:MM local time.
pub fn local_clock(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.get(11..16).unwrap_or("").to_string();
    }
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

fn new_group() -> String {
    format!(
        "{}-{:06x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 16_777_215.0) as u64
    )
}

fn current_key(state: &AppState) -> Option<String> {
    match state.source.get_untracked() {
        Load::Ready(ds) => Some(dataset_key(&ds)),
        _ => None,
    }
}

/// Saves the edit log after every change to it (an edit, undo, redo, revert, discard, an
/// imported changes file, another tab's changes): the one place that writes edits to
/// IndexedDB. It writes only when the log differs from what the store is known to hold, so
/// that restoring saved edits, or finding them unreadable, never writes over what is there.
pub fn save_after_every_change(state: AppState) {
    Effect::new(move |_| {
        let changes = state.edits.with(|e| e.changes.clone());
        let stored = state.stored_edits.with_value(|s| s.clone());
        if changes != stored {
            persist(state);
        }
    });
}

/// Writes the edit log to IndexedDB. The write is issued at once, in the same turn as the
/// change (so a reload straight after a save does not lose it); writes commit in the order they
/// were issued, so the last one, with the log as it is now, is what the store ends up with.
fn persist(state: AppState) {
    spawn_local(async move { write_now(&state).await });
}

/// Writes the log as it is now, says whether that worked, and tells the other tabs. What the
/// store will hold is noted at once, before the write ends, so that a change made meanwhile
/// (an undo straight after an edit) is compared with it and written after it.
async fn write_now(state: &AppState) {
    let Some(key) = current_key(state) else {
        return;
    };
    let changes = state.edits.with_untracked(|e| e.changes.clone());
    state.stored_edits.set_value(changes.clone());
    let skey = edits_key(&key);
    let saved = Saved::new(key, state.source_hash.get_untracked(), now_iso(), changes);
    let result = if saved.changes.is_empty() {
        idb::delete(&skey).await
    } else {
        idb::put(&skey, &saved.to_json()).await
    };
    match result {
        Ok(()) => {
            state.saving.set(Saving::Saved(now_clock()));
            channel::announce(&skey);
        }
        Err(e) => state.saving.set(Saving::Failed(e.to_string())),
    }
}

/// Records one edit made of several field changes (undone together), then saves.
/// `fields` are (field, old, new); unchanged fields are left out.
pub fn record(state: &AppState, target: Target, fields: Vec<(&str, Value, Value)>) -> usize {
    let group = new_group();
    let at = now_iso();
    let mut n = 0;
    state.edits.update(|log| {
        for (i, (field, old, new)) in fields.into_iter().enumerate() {
            if old == new {
                continue;
            }
            log.push(Change {
                id: format!("{group}.{i}"),
                at: at.clone(),
                target: target.clone(),
                field: field.to_string(),
                old,
                new,
            });
            n += 1;
        }
    });
    n
}

pub fn undo(state: &AppState) -> bool {
    let mut n = 0;
    state.edits.update(|l| n = l.undo_group());
    n > 0
}

pub fn redo(state: &AppState) -> bool {
    let mut n = 0;
    state.edits.update(|l| n = l.redo_group());
    n > 0
}

pub fn revert(state: &AppState, target: &Target, field: &str) {
    state.edits.update(|l| l.revert(target, field));
}

pub fn discard_all(state: &AppState) {
    state.edits.update(|l| l.clear());
}

/// Reads the saved edits of the dataset `key` (before it is shown, so the page opens with
/// them). Unreadable saved data is kept aside under another key (never overwritten) and the
/// user is told.
pub async fn saved_for(state: &AppState, key: &str) -> Result<Option<Saved>, StorageError> {
    let skey = edits_key(key);
    let Some(raw) = idb::get(&skey).await? else {
        return Ok(None);
    };
    match Saved::parse(&raw) {
        Ok(saved) => Ok(Some(saved)),
        Err(why) => {
            let aside = corrupt_key(key);
            let kept = idb::put(&aside, &raw).await.is_ok() && idb::delete(&skey).await.is_ok();
            state.notify(
                NoticeKind::Warning,
                if kept {
                    format!("The changes saved in this browser could not be read ({why}). A copy has been kept aside: download or delete it on the Data page. You are starting with no changes.")
                } else {
                    format!("The changes saved in this browser could not be read ({why}), and there was no room to keep a copy aside. They have been left where they were; you are starting with no changes.")
                },
            );
            Ok(None)
        }
    }
}

/// After the source is set: starts from its saved edits (read by `saved_for`).
pub fn restore(state: &AppState, saved: Result<Option<Saved>, StorageError>) {
    // What the store holds is what this tab starts from: nothing is written back unless it
    // changes.
    state.stored_edits.set_value(Vec::new());
    let saved = match saved {
        Ok(Some(saved)) => saved,
        Ok(None) => return,
        Err(e) => {
            state.saving.set(Saving::Failed(e.to_string()));
            say_storage_failed(state, &e);
            return;
        }
    };
    let n = saved.changes.len();
    state.stored_edits.set_value(saved.changes.clone());
    state.edits.update(|l| {
        l.clear();
        l.changes = saved.changes;
    });
    state
        .saving
        .set(Saving::Saved(local_clock(&saved.saved_at)));
    if !saved.source.is_empty() && saved.source != state.source_hash.get_untracked() && n > 0 {
        state.notify(
            NoticeKind::SourceChanged,
            format!(
                "The data has been updated since you made your {n} change{} in this browser.",
                if n == 1 { "" } else { "s" }
            ),
        );
    }
}

/// This tab's key for "the officer is editing".
const EDITING_KEY: &str = "golden-thread/editing";

/// Keeps editing mode across a reload, as the edits are kept: on in this tab after a reload
/// when it was on before. Held in the tab's session storage, so another tab, or a visit on
/// another day, starts by reading.
pub fn keep_editing_mode(state: AppState) {
    if storage::session_get(EDITING_KEY).ok().flatten().as_deref() == Some("on") {
        state.editing.set(true);
    }
    Effect::new(move |_| {
        // Storage off: editing still works, it just starts off after a reload.
        let _ = if state.editing.get() {
            ask_to_keep();
            storage::session_set(EDITING_KEY, "on")
        } else {
            storage::session_remove(EDITING_KEY)
        };
    });
}

/// Follows another tab on the same data: when it announces a save, reads its log as it is
/// now, removals included (an undo, a revert or a discard there is taken back here too, and can
/// be redone here), and says so. The rule is `gt_core::edit::EditLog::follow`.
pub fn follow_other_tabs(state: AppState) {
    channel::on_announce(move |key| {
        let Some(mine) = current_key(&state) else {
            return;
        };
        if key != edits_key(&mine) {
            return;
        }
        spawn_local(async move {
            let theirs = match idb::get(&key).await {
                Ok(Some(raw)) => match Saved::parse(&raw) {
                    Ok(s) => s.changes,
                    // Not readable: leave it, and ours, alone.
                    Err(_) => return,
                },
                // Removed in the other tab: its last change undone, or every change discarded.
                Ok(None) => Vec::new(),
                Err(_) => return,
            };
            if current_key(&state).map(|k| edits_key(&k)) != Some(key) {
                return;
            }
            let base = state.stored_edits.with_value(|s| s.clone());
            let mut done = gt_core::edit::Followed::default();
            // What the store holds now is what this tab starts from: the save that follows
            // writes only if this tab has changes the store never held.
            state.stored_edits.set_value(theirs.clone());
            state.edits.update(|l| done = l.follow(&base, &theirs));
            if let Some(text) = followed_words(done) {
                state.notify(NoticeKind::Info, text);
            }
        });
    });
}

/// "1 change made in another tab has been added here." / "2 changes were taken back in
/// another tab, and here too (Redo puts them back here)."
fn followed_words(done: gt_core::edit::Followed) -> Option<String> {
    let n = |k: usize| format!("{k} change{}", if k == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    if done.added > 0 {
        parts.push(format!(
            "{} made in another tab {} been added here.",
            n(done.added),
            if done.added == 1 { "has" } else { "have" }
        ));
    }
    if done.removed > 0 {
        parts.push(format!(
            "{} {} taken back in another tab (undone, reverted or discarded), and here too; Redo puts {} back here.",
            n(done.removed),
            if done.removed == 1 { "was" } else { "were" },
            if done.removed == 1 { "it" } else { "them" }
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}
