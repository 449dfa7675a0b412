//! The Data page's "Kept in this browser" section: how much of the browser's storage Golden
//! Thread uses and may use, whether the browser has agreed to keep it, and data that could not
//! be read (kept aside under `golden-thread/corrupt/…`), each to download or delete.

use crate::adapters::{download, idb, quota};
use crate::edits::{self, CORRUPT_PREFIX};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One piece of data kept aside because it could not be read.
#[derive(Clone, Debug, PartialEq)]
struct Aside {
    key: String,
    /// What it was, in words.
    what: String,
    /// When it was set aside, in words.
    when: String,
    size: String,
}

impl Aside {
    fn of(key: String, len: usize) -> Aside {
        let rest = key.trim_start_matches(CORRUPT_PREFIX);
        let (source, at) = rest.rsplit_once('/').unwrap_or((rest, ""));
        let what = if source == "dataset" {
            "Data imported earlier".to_string()
        } else if let Some(old) = source.strip_prefix("moved/") {
            format!("An older copy of \"{old}\", from before Golden Thread moved its storage")
        } else {
            format!("Changes to the data \"{source}\"")
        };
        Aside {
            what,
            when: edits::local_date_time(at),
            size: gt_core::fmt::bytes(len as f64),
            key,
        }
    }

    /// The downloaded file's name: what it was and when, without characters files cannot have.
    fn file_name(&self) -> String {
        let safe: String = self
            .key
            .trim_start_matches(CORRUPT_PREFIX)
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("golden-thread-unreadable-{safe}.txt")
    }
}

/// Everything kept aside, oldest first.
async fn asides() -> Vec<Aside> {
    let mut out = Vec::new();
    for key in idb::keys(CORRUPT_PREFIX).await.unwrap_or_default() {
        let len = idb::get(&key).await.ok().flatten().map_or(0, |v| v.len());
        out.push(Aside::of(key, len));
    }
    out
}

/// "Using 8.2 MB of about 10 GB available to Golden Thread in this browser."
async fn usage_words() -> String {
    let used = match quota::estimate().await {
        Some((usage, quota)) => format!(
            "Using {} of about {} available to Golden Thread in this browser.",
            gt_core::fmt::bytes(usage),
            gt_core::fmt::bytes(quota)
        ),
        None => "This browser does not say how much space Golden Thread may use.".to_string(),
    };
    let kept = match quota::persisted().await {
        Some(true) => " The browser has agreed to keep it until you delete it.",
        Some(false) => " The browser may clear it if the computer runs short of space, so export anything you need to keep.",
        None => "",
    };
    format!("{used}{kept}")
}

#[component]
pub fn StoragePanel() -> impl IntoView {
    let usage = RwSignal::new(None::<String>);
    let list = RwSignal::new(Vec::<Aside>::new());
    // The key whose deletion is waiting for "Yes, delete".
    let confirming = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let refresh = move || {
        spawn_local(async move {
            list.set(asides().await);
            usage.set(Some(usage_words().await));
        })
    };
    refresh();
    let download = move |a: Aside| {
        spawn_local(async move {
            match idb::get(&a.key).await {
                Ok(Some(text)) => {
                    let _ = download::save(&a.file_name(), "text/plain;charset=utf-8", &text);
                }
                _ => message.set(Some(format!(
                    "{} could not be read from this browser's storage.",
                    a.what
                ))),
            }
        })
    };
    let delete = move |a: Aside| {
        spawn_local(async move {
            confirming.set(None);
            message.set(Some(match idb::delete(&a.key).await {
                Ok(()) => format!("{} (set aside {}) has been deleted.", a.what, a.when),
                Err(e) => format!("{} could not be deleted: {e}.", a.what),
            }));
            refresh();
        })
    };
    let rows = move || {
        list.get()
            .into_iter()
            .map(|a| {
                let (a1, a2, a3) = (a.clone(), a.clone(), a.clone());
                let key = a.key.clone();
                let asking = move || confirming.get().as_deref() == Some(key.as_str());
                view! {
                    <li data-testid="corrupt-item" data-key=a.key.clone()>
                        <p class="gt-body"><strong>{a.what.clone()}</strong>{format!(", set aside {} ({})", a.when, a.size)}</p>
                        <div class="gt-edit-form__actions">
                            <button type="button" class="gt-button gt-button--secondary" data-testid="corrupt-download" on:click=move |_| download(a1.clone())>
                                "Download"<span class="gt-visually-hidden">{format!(" {} set aside {}", a.what, a.when)}</span></button>
                            {
                                let asking = asking.clone();
                                move || (!asking()).then(|| {
                                    let k = a2.key.clone();
                                    view! { <button type="button" class="gt-button gt-button--warning" data-testid="corrupt-delete" on:click=move |_| confirming.set(Some(k.clone()))>
                                        "Delete"<span class="gt-visually-hidden">{format!(" {} set aside {}", a2.what, a2.when)}</span></button> }
                                })
                            }
                        </div>
                        {move || asking().then(|| {
                            let a = a3.clone();
                            view! {
                                <div class="gt-inset" role="alert">
                                    <p>"Delete this copy for good? It cannot be brought back. Download it first if you might need it."</p>
                                    <div class="gt-edit-form__actions">
                                        <button type="button" class="gt-button gt-button--warning" data-testid="corrupt-delete-confirm" on:click=move |_| delete(a.clone())>"Yes, delete it"</button>
                                        <button type="button" class="gt-button gt-button--secondary" data-testid="corrupt-delete-cancel" on:click=move |_| confirming.set(None)>"Cancel"</button>
                                    </div>
                                </div>
                            }
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="gt-heading-l" id="kept">"Kept in this browser"</h2>
        <p class="gt-body" data-testid="storage-usage">{move || usage.get().unwrap_or_else(|| "Working out how much space is used…".into())}</p>
        {move || (!list.with(Vec::is_empty)).then(|| view! {
            <h3 class="gt-heading-m">"Data that could not be read"</h3>
            <p class="gt-body">"Golden Thread found these in this browser's storage but could not read them, so it set them aside instead of overwriting them. Download one to look at it or send it to whoever looks after your data; delete it when you no longer need it."</p>
            <ul class="gt-list" data-testid="corrupt-list">{rows}</ul>
        })}
        <p class="gt-body" role="status" data-testid="corrupt-message">{move || message.get()}</p>
    }
}
