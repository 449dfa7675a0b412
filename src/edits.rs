//! Recording, saving and restoring an officer's edits, and keeping two tabs in step.
//! The rules (applying, conflicts, the saved format) are in `gt_core::edit`; this is the glue
//! between them, the app state and local storage.

use crate::adapters::storage;
use crate::state::{AppState, Load, NoticeKind, Saving};
use gt_core::edit::{dataset_key, Change, Saved, Target};
use leptos::prelude::*;
use serde_json::Value;

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
/// imported changes file, another tab's changes): the one place that writes edits to local
/// storage. It writes only when the log differs from what storage is known to hold, so that
/// restoring saved edits, or finding them unreadable, never writes over what is there.
pub fn save_after_every_change(state: AppState) {
    Effect::new(move |_| {
        let changes = state.edits.with(|e| e.changes.clone());
        let stored = state.stored_edits.with_value(|s| s.clone());
        if changes != stored {
            persist(&state);
        }
    });
}

/// Writes the edit log to local storage now, and says whether that worked.
fn persist(state: &AppState) {
    let Some(key) = current_key(state) else {
        return;
    };
    let saved = Saved::new(
        key.clone(),
        state.source_hash.get_untracked(),
        now_iso(),
        state.edits.with_untracked(|e| e.changes.clone()),
    );
    let result = if saved.changes.is_empty() {
        storage::remove(&edits_key(&key))
    } else {
        storage::set(&edits_key(&key), &saved.to_json())
    };
    match result {
        Ok(()) => {
            state.stored_edits.set_value(saved.changes);
            state.saving.set(Saving::Saved(now_clock()));
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

/// After the source is loaded: restores this dataset's saved edits. Unreadable saved data is
/// kept aside under another key (never overwritten) and the user is told.
pub fn restore(state: &AppState) {
    let Some(key) = current_key(state) else {
        return;
    };
    let skey = edits_key(&key);
    let raw = match storage::get(&skey) {
        Ok(r) => r,
        Err(e) => {
            state.saving.set(Saving::Failed(e.to_string()));
            state.notify(
                NoticeKind::Warning,
                format!("Changes cannot be saved in this browser: {e}. You can still edit; export your changes before you close the page."),
            );
            return;
        }
    };
    // What storage holds is what this tab starts from: nothing is written back unless it
    // changes.
    state.stored_edits.set_value(Vec::new());
    let Some(raw) = raw else { return };
    match Saved::parse(&raw) {
        Ok(saved) => {
            let n = saved.changes.len();
            state.stored_edits.set_value(saved.changes.clone());
            state.edits.update(|l| {
                l.clear();
                l.changes = saved.changes;
            });
            state
                .saving
                .set(Saving::Saved(local_clock(&saved.saved_at)));
            if !saved.source.is_empty()
                && saved.source != state.source_hash.get_untracked()
                && n > 0
            {
                state.notify(
                    NoticeKind::SourceChanged,
                    format!("The data has been updated since you made your {n} change{} in this browser.", if n == 1 { "" } else { "s" }),
                );
            }
        }
        Err(why) => {
            let aside = format!("golden-thread/corrupt/{key}/{}", now_iso());
            let kept = storage::set(&aside, &raw).is_ok();
            let _ = storage::remove(&skey);
            state.notify(
                NoticeKind::Warning,
                if kept {
                    format!("The changes saved in this browser could not be read ({why}). A copy has been kept aside in this browser's storage under \"{aside}\", and you are starting with no changes.")
                } else {
                    format!("The changes saved in this browser could not be read ({why}), and there was no room to keep a copy aside. They have been left where they were; you are starting with no changes.")
                },
            );
            if !kept {
                // Put it back: never lose what was there.
                let _ = storage::set(&skey, &raw);
            }
        }
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
            storage::session_set(EDITING_KEY, "on")
        } else {
            storage::session_remove(EDITING_KEY)
        };
    });
}

/// Follows another tab on the same data: its log as it is now, removals included (an undo,
/// a revert or a discard there is taken back here too, and can be redone here), and says so.
/// The rule is `gt_core::edit::EditLog::follow`.
pub fn follow_other_tabs(state: AppState) {
    storage::on_other_tab_change(move |key, value| {
        let Some(mine) = current_key(&state) else {
            return;
        };
        if key != edits_key(&mine) {
            return;
        }
        let theirs = match value.as_deref().map(Saved::parse) {
            Some(Ok(s)) => s.changes,
            // Removed in the other tab: its last change undone, or every change discarded.
            None => Vec::new(),
            // Not readable: leave it, and ours, alone.
            Some(Err(_)) => return,
        };
        let base = state.stored_edits.with_value(|s| s.clone());
        let mut done = gt_core::edit::Followed::default();
        // What storage holds now is what this tab starts from: the save that follows writes
        // only if this tab has changes storage never held.
        state.stored_edits.set_value(theirs.clone());
        state.edits.update(|l| done = l.follow(&base, &theirs));
        if let Some(text) = followed_words(done) {
            state.notify(NoticeKind::Info, text);
        }
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
