//! Importing files: JSON datasets, CSV returns and changes files, by file picker or by dropping
//! them anywhere on the page. Everything is checked in full first; nothing changes until the
//! user confirms, and a failed or cancelled import changes nothing. A CSV return with rows that
//! cannot be read can be imported without them, on request (`gt_core::csv::import_readable`).

use crate::adapters::{files, location};
use crate::edits;
use crate::loading::{self, set_source};
use crate::state::{AppState, Kept, Load, NoticeKind, Origin};
use gt_core::csv::{decode_bytes, import_readable, CsvProblem, ImportReport};
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
    /// The file cannot be used as it is: every problem, with its place; and, for a CSV return
    /// whose other rows can be read, the offer to import those and leave the rest out.
    Refused {
        name: String,
        problems: Vec<String>,
        offers: Vec<Offer>,
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
        merged: Box<CsvChoice>,
        fresh: Box<CsvChoice>,
    },
    /// A changes file, to add to this browser's changes.
    Changes {
        name: String,
        saved: Saved,
        summary: Vec<String>,
    },
    /// Done: what happened.
    Done(String),
    /// Done, with the rows of a CSV return that were left out, each with its reason.
    DoneLeavingOut {
        message: String,
        left_out: Vec<String>,
    },
}

/// Data ready to use: the dataset, its JSON, and what the import did, in lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Ready {
    pub data: Arc<Dataset>,
    pub json: String,
    pub lines: Vec<String>,
}

/// The readable rows of a CSV return some of whose rows cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Readable {
    pub ready: Ready,
    /// Rows imported.
    pub rows: usize,
    /// The rows left out, each once.
    pub rows_left_out: Vec<usize>,
    /// Every problem of the rows left out ("Row 7, column "actual": …").
    pub left_out: Vec<String>,
    /// What importing them changes ("15 indicators updated, 86 values added").
    pub changes: String,
}

/// One way to take a CSV return: the whole file (or every problem), and, when some rows cannot
/// be read, the others.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvChoice {
    pub whole: Result<Ready, Vec<String>>,
    pub readable: Option<Readable>,
}

/// An offer to import a CSV return's readable rows, for the refusal.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// Into the current data (else as new data).
    pub merge: bool,
    pub readable: Readable,
}

impl Readable {
    /// The button: "Import the 86 readable rows and leave out these 4" ("… leave out this
    /// one" for one row); as new data: "Open the 86 readable rows as new data and …".
    pub fn label(&self, merge: bool) -> String {
        let n = self.rows;
        let rows = if n == 1 { "row" } else { "rows" };
        let these = match self.rows_left_out.len() {
            1 => "this one".to_string(),
            m => format!("these {m}"),
        };
        if merge {
            format!("Import the {n} readable {rows} and leave out {these}")
        } else {
            format!("Open the {n} readable {rows} as new data and leave out {these}")
        }
    }
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
            offers: Vec::new(),
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
                    let n = gt_core::edit::count_edits(&net);
                    let mut summary = vec![format!(
                        "{n} change{} ({} field{}).",
                        if n == 1 { "" } else { "s" },
                        net.len(),
                        if net.len() == 1 { "" } else { "s" }
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
                let n = untrack(|| state.changes_made());
                if n > 0 {
                    summary.push(format!("You have {n} change{} in this browser on the data open now. They stay saved for that data, and come back when it is opened again.", if n == 1 { "" } else { "s" }));
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
    let merged = match &current {
        Some(ds) => csv_choice(Some(ds), &text, &name),
        None => CsvChoice {
            whole: Err(vec![
                "No data is loaded to add these figures to.".to_string()
            ]),
            readable: None,
        },
    };
    let fresh = csv_choice(None, &text, &name);
    if let (Err(a), Err(_)) = (&merged.whole, &fresh.whole) {
        // Nothing can be imported as it is: the problems, and the readable rows on request.
        let offers = [(true, &merged), (false, &fresh)]
            .into_iter()
            .filter_map(|(merge, c)| c.readable.clone().map(|readable| Offer { merge, readable }))
            .collect();
        importer.pending.set(Pending::Refused {
            name,
            problems: a.clone(),
            offers,
        });
        return;
    }
    importer.pending.set(Pending::Csv {
        name,
        merged: Box::new(merged),
        fresh: Box::new(fresh),
    });
}

fn ready(ds: Dataset, rep: &ImportReport) -> Ready {
    let json = ds.to_json();
    Ready {
        data: Arc::new(ds),
        json,
        lines: report_lines(rep),
    }
}

/// A CSV return into `base` (or as new data): the whole file, or its problems and its readable
/// rows. Nothing is changed here.
fn csv_choice(base: Option<&Dataset>, text: &str, name: &str) -> CsvChoice {
    let named = |ps: &[CsvProblem]| ps.iter().map(|p| format!("{name}: {p}")).collect();
    match import_readable(base, text, name) {
        Err(ps) => CsvChoice {
            whole: Err(named(&ps)),
            readable: None,
        },
        Ok((ds, rep)) if rep.left_out.is_empty() => CsvChoice {
            whole: Ok(ready(ds, &rep)),
            readable: None,
        },
        Ok((ds, rep)) => CsvChoice {
            whole: Err(named(&rep.left_out)),
            readable: Some(Readable {
                rows: rep.rows_read,
                rows_left_out: rep.rows_left_out(),
                left_out: rep.left_out.iter().map(|p| p.to_string()).collect(),
                changes: rep.changes(),
                ready: ready(ds, &rep),
            }),
        },
    }
}

/// Imports a CSV return's readable rows, leaving out the others, and says which.
pub fn use_readable(state: &AppState, importer: Importer, name: &str, readable: Readable) {
    let Readable {
        ready,
        rows,
        rows_left_out,
        left_out,
        ..
    } = readable;
    let (state, name) = (*state, name.to_string());
    spawn_local(async move {
        use_dataset(&state, importer, &name, ready.data, &ready.json).await;
        let m = rows_left_out.len();
        importer.pending.update(|p| {
            if let Pending::Done(message) = p {
                *p = Pending::DoneLeavingOut {
                    message: format!(
                        "{message} {rows} {} of {name} {} imported; {m} {} left out:",
                        if rows == 1 { "row" } else { "rows" },
                        if rows == 1 { "was" } else { "were" },
                        if m == 1 { "row was" } else { "rows were" },
                    ),
                    left_out,
                };
            }
        });
    });
}

/// Starts examining a file the user chose or dropped.
pub fn begin(state: AppState, importer: Importer, file: web_sys::File) {
    let name = file.name();
    let size = file.size();
    if size > files::MAX_BYTES {
        importer.pending.set(Pending::Refused {
            name: name.clone(),
            offers: Vec::new(),
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
                offers: Vec::new(),
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
    let (state, name, text) = (*state, name.to_string(), text.to_string());
    spawn_local(async move { use_dataset(&state, importer, &name, data, &text).await });
}

/// Keeps an imported dataset in this browser (IndexedDB), then makes it the current data; says
/// whether it is kept only once that is known.
async fn use_dataset(
    state: &AppState,
    importer: Importer,
    name: &str,
    data: Arc<Dataset>,
    text: &str,
) {
    edits::ask_to_keep();
    let at = edits::now_iso();
    state.kept.set(Kept::Saving);
    let kept = loading::keep_import(name, &at, text).await;
    if kept.is_err() {
        loading::forget_import().await;
    }
    state.kept.set(match &kept {
        Ok(()) => Kept::Yes,
        Err(e) => Kept::No(e.to_string()),
    });
    set_source(
        state,
        Load::Ready(data.clone()),
        text,
        Origin::Imported {
            name: name.to_string(),
            at,
        },
    )
    .await;
    // Edits this browser holds for the same data that the file already contains are done with.
    let log = state.edits.with_untracked(|e| e.changes.clone());
    if !log.is_empty() && net_changes(&data, &log).iter().all(|n| n.new == n.source) {
        edits::discard_all(state);
        state.notify(NoticeKind::Info, format!("The {} changes saved in this browser are already in {name}, so they have been cleared.", log.len()));
    }
    let mut msg = format!("{name} is now the data shown: {}.", counts(&data));
    match kept {
        Ok(()) => msg.push_str(" It is kept in this browser and opens again on your next visit."),
        Err(e) => msg.push_str(&format!(" It could not be kept in this browser ({e}), so it will be gone after you close or reload the page: export it as a file to keep it.")),
    }
    importer.pending.set(Pending::Done(msg));
}

/// Goes back to the built-in data (the imported data is removed from this browser).
pub fn back_to_built_in(state: AppState) {
    spawn_local(async move {
        loading::forget_import().await;
        loading::load_dataset(
            crate::state::BUILT_IN_DATA.to_string(),
            state,
            Origin::BuiltIn,
        )
        .await;
    });
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
