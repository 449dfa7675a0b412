//! Importing files: JSON datasets, CSV returns and changes files, by file picker or by dropping
//! them anywhere on the page. Everything is checked in full first; nothing changes until the
//! user confirms, and a failed import changes nothing.

use crate::adapters::{files, location};
use crate::edits;
use crate::loading::{self, set_source};
use crate::state::{AppState, Load, NoticeKind, Origin};
use gt_core::csv::{decode_bytes, import_csv, ImportReport};
use gt_core::edit::{dataset_key, net_changes, Saved};
use gt_core::route::{Location, Route};
use gt_core::Dataset;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// What an import found, waiting for the user to confirm.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Nothing,
    Reading(String),
    /// The file cannot be used: every problem, with its place.
    Refused {
        name: String,
        problems: Vec<String>,
    },
    /// A whole dataset, to replace the current data.
    Dataset {
        name: String,
        text: String,
        data: Arc<Dataset>,
        summary: Vec<String>,
    },
    /// A CSV return: merged into the current data, or as a new dataset.
    Csv {
        name: String,
        merged: Result<(Arc<Dataset>, String, Vec<String>), Vec<String>>,
        fresh: Result<(Arc<Dataset>, String, Vec<String>), Vec<String>>,
    },
    /// A changes file, to add to this browser's changes.
    Changes {
        name: String,
        saved: Saved,
        summary: Vec<String>,
    },
    /// Done: what happened.
    Done(String),
}

#[derive(Clone, Copy)]
pub struct Importer {
    pub pending: RwSignal<Pending>,
}

pub fn use_importer() -> Importer {
    expect_context::<Importer>()
}

fn counts(ds: &Dataset) -> String {
    let values: usize = ds.indicators.iter().map(|i| i.values.len()).sum();
    format!(
        "{} indicators with {} figures, {} councils, {} services, {} priorities, {} improvement areas",
        ds.indicators.len(),
        values,
        ds.councils.len(),
        ds.services.len(),
        ds.priorities.len(),
        ds.themes.iter().map(|t| t.areas.len()).sum::<usize>()
    )
}

fn report_lines(r: &ImportReport) -> Vec<String> {
    let mut v = vec![r.summary()];
    v.extend(r.notes.iter().cloned());
    v
}

/// Reads and checks a file, leaving the result in `pending` for the user to confirm.
pub async fn examine(state: AppState, importer: Importer, name: String, bytes: Vec<u8>) {
    let refuse = |problems: Vec<String>| {
        importer.pending.set(Pending::Refused {
            name: name.clone(),
            problems,
        });
    };
    let text = match decode_bytes(&bytes) {
        Ok(t) => t,
        Err(e) => return refuse(vec![e.to_string()]),
    };
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let lower = name.to_lowercase();
    if trimmed.starts_with('{') || lower.ends_with(".json") {
        // A changes file or a dataset.
        if trimmed.contains("\"golden-thread-changes/") {
            match Saved::parse(&text) {
                Err(e) => refuse(vec![format!("{name}: {e}")]),
                Ok(saved) => {
                    let current = state.source.get_untracked();
                    let Load::Ready(src) = current else {
                        return refuse(vec!["No data is loaded to apply these changes to.".into()]);
                    };
                    let key = dataset_key(&src);
                    if saved.dataset != key {
                        return refuse(vec![format!("These changes were made on the data \"{}\", but the data open now is \"{key}\". Open that data first, then import the changes.", saved.dataset)]);
                    }
                    let net = net_changes(&src, &saved.changes);
                    let conflicts = net.iter().filter(|n| n.conflicts()).count();
                    let mut summary = vec![format!(
                        "{} changes to {} figures or fields.",
                        saved.changes.len(),
                        net.len()
                    )];
                    if conflicts > 0 {
                        summary.push(format!("{conflicts} of them were made on values that have since changed in the data; they will be listed as conflicts on the Changes page."));
                    }
                    importer.pending.set(Pending::Changes {
                        name,
                        saved,
                        summary,
                    });
                }
            }
            return;
        }
        match gt_core::parse_dataset(&text) {
            Err(problems) => refuse(problems.iter().map(|p| format!("{name}: {p}")).collect()),
            Ok(ds) => {
                let mut summary = vec![counts(&ds)];
                let key = dataset_key(&ds);
                let n = state.edits.with_untracked(|e| e.changes.len());
                if n > 0 {
                    summary.push(format!("You have {n} changes in this browser on the data open now. They stay saved for that data, and come back when it is opened again."));
                }
                let _ = key;
                importer.pending.set(Pending::Dataset {
                    name,
                    text,
                    data: Arc::new(ds),
                    summary,
                });
            }
        }
        return;
    }
    // A CSV return.
    let current = match state.data.get_untracked() {
        Load::Ready(ds) => Some(ds),
        _ => None,
    };
    let as_result = |r: Result<(Dataset, ImportReport), Vec<gt_core::csv::CsvProblem>>| match r {
        Ok((ds, rep)) => {
            let json = ds.to_json();
            Ok((Arc::new(ds), json, report_lines(&rep)))
        }
        Err(ps) => Err(ps
            .iter()
            .map(|p| format!("{name}: {p}"))
            .collect::<Vec<_>>()),
    };
    let merged = match &current {
        Some(ds) => as_result(import_csv(Some(ds), &text, &name)),
        None => Err(vec![
            "No data is loaded to add these figures to.".to_string()
        ]),
    };
    let fresh = as_result(import_csv(None, &text, &name));
    if let (Err(a), Err(_)) = (&merged, &fresh) {
        return refuse(a.clone());
    }
    importer.pending.set(Pending::Csv {
        name,
        merged,
        fresh,
    });
}

/// Starts examining a file the user chose or dropped.
pub fn begin(state: AppState, importer: Importer, file: web_sys::File) {
    let name = file.name();
    let size = file.size();
    if size > files::MAX_BYTES {
        importer.pending.set(Pending::Refused {
            name: name.clone(),
            problems: vec![format!(
                "{name} is {:.1} MB. Golden Thread opens files of up to {:.0} MB, so that the page stays responsive. Split the file (for example one year per file) and import the parts. Nothing has been changed.",
                size / 1_048_576.0,
                files::MAX_BYTES / 1_048_576.0
            )],
        });
        return;
    }
    importer.pending.set(Pending::Reading(name.clone()));
    spawn_local(async move {
        match files::read_bytes(&file).await {
            Ok(bytes) => examine(state, importer, name, bytes).await,
            Err(e) => importer.pending.set(Pending::Refused {
                name,
                problems: vec![e],
            }),
        }
    });
}

/// Makes an imported dataset the current data, and keeps it in this browser.
pub fn use_dataset_text(
    state: &AppState,
    importer: Importer,
    name: &str,
    data: Arc<Dataset>,
    text: &str,
) {
    let at = edits::now_iso();
    let kept = loading::keep_import(name, &at, text);
    set_source(
        state,
        Load::Ready(data.clone()),
        text,
        Origin::Imported {
            name: name.to_string(),
            at,
        },
    );
    // Edits this browser holds for the same data that the file already contains are done with.
    let log = state.edits.with_untracked(|e| e.changes.clone());
    if !log.is_empty() && net_changes(&data, &log).iter().all(|n| n.new == n.source) {
        edits::discard_all(state);
        state.notify(NoticeKind::Info, format!("The {} changes saved in this browser are already in {name}, so they have been cleared.", log.len()));
    }
    let mut msg = format!("{name} is now the data shown: {}.", counts(&data));
    if let Err(e) = kept {
        loading::forget_import();
        msg.push_str(&format!(" It could not be kept in this browser ({e}), so it will be gone after you close or reload the page: export it as a file to keep it."));
    }
    importer.pending.set(Pending::Done(msg));
}

/// Goes back to the built-in data (the imported data is removed from this browser).
pub fn back_to_built_in(state: AppState) {
    loading::forget_import();
    spawn_local(loading::load_dataset(
        crate::state::BUILT_IN_DATA.to_string(),
        state,
        Origin::BuiltIn,
    ));
}

/// Files dropped anywhere on the page are imported (shown on the Data page).
pub fn accept_dropped_files(state: AppState, importer: Importer) {
    let over = window_event_listener(leptos::ev::dragover, |ev: web_sys::DragEvent| {
        ev.prevent_default();
    });
    std::mem::forget(over);
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        begin(state, importer, file);
        if state.route.get_untracked() != Route::Data {
            location::navigate(state.location, Location::new(Route::Data), false);
        }
    });
    std::mem::forget(drop);
}
