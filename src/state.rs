//! The app's shared state, provided as context. Domain data stays plain (`gt_core::Dataset`,
//! `gt_core::edit::EditLog`); signals live only here, at the UI edge.
//!
//! `source` is the data as loaded (a file, the built-in data, or an import); `edits` is the
//! officer's change log; `data` is the source with the edits applied: what every page shows.

use gt_core::draft::{CopyNote, Draft, Provenance, Source};
use gt_core::edit::{apply, Change, EditLog, Skipped};
use gt_core::engine::{Calendar, ChosenPeriod};
use gt_core::route::{Location, Route};
use gt_core::Dataset;
use gt_core::Period;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the dataset is in its loading.
#[derive(Clone, Debug)]
pub enum Load {
    Loading,
    /// `source` is the file; `problems` are every problem found, in plain words.
    Failed {
        source: String,
        problems: Vec<String>,
    },
    Ready(Arc<Dataset>),
}

impl PartialEq for Load {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Load::Loading, Load::Loading) => true,
            (
                Load::Failed {
                    source: a,
                    problems: b,
                },
                Load::Failed {
                    source: c,
                    problems: d,
                },
            ) => a == c && b == d,
            // The same loaded data: compared by identity, not by content (cheap on 10,000 rows).
            (Load::Ready(a), Load::Ready(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Where the source data came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The file shipped with the app.
    BuiltIn,
    /// A file named in the link (`?data=`).
    Link(String),
    /// The data inside a single-file offline copy.
    Bundle,
    /// A file the user imported (kept in this browser).
    Imported { name: String, at: String },
}

/// Whether edits are safely stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Saving {
    /// Nothing to save yet.
    Idle,
    /// Saved in this browser, at this time (HH:MM).
    Saved(String),
    /// Not saved: the edits are only in this page's memory.
    Failed(String),
}

/// Whether an imported file is kept in this browser (IndexedDB), so the Data page says so
/// only when it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kept {
    /// Being written.
    Saving,
    /// Kept: it reopens on the next visit.
    Yes,
    /// Not kept, and why in plain words: gone when the page is closed or reloaded.
    No(String),
}

/// A message for the whole app (shown under the navigation until dismissed).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoticeKind {
    Info,
    Warning,
    /// The source changed under saved edits: offer keep / review / discard.
    SourceChanged,
    /// A newer app or data is available: offer to reload.
    NewVersion,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub source: RwSignal<Load>,
    /// Fingerprint of the source text (to notice a newer source under saved edits).
    pub source_hash: RwSignal<String>,
    /// While a data file downloads and is read: how far it has got, for the status line.
    pub progress: RwSignal<Option<gt_core::read::size::Progress>>,
    pub origin: RwSignal<Origin>,
    pub edits: RwSignal<EditLog>,
    /// The changes IndexedDB is known to hold for this data (what was restored or last
    /// written), so edits are written only when they differ (`edits::save_after_every_change`).
    pub stored_edits: StoredValue<Vec<Change>>,
    /// The source with the edits applied.
    pub data: Memo<Load>,
    /// Edits that could not be applied (their target is gone), with why.
    pub skipped: Memo<Vec<Skipped>>,
    pub saving: RwSignal<Saving>,
    /// Whether the imported file shown (`Origin::Imported`) is kept in this browser.
    pub kept: RwSignal<Kept>,
    pub editing: RwSignal<bool>,
    pub notices: RwSignal<Vec<Notice>>,
    pub location: RwSignal<Location>,
    /// The route alone, so that pages are rebuilt when the route changes, not the query.
    pub route: Memo<Route>,
    /// The data's calendar of reporting periods (worked out once per dataset).
    pub calendar: Memo<Calendar>,
    /// The one reporting period of the whole app: `?period=` when it is in the calendar, else
    /// the default, with a note when the link's period was not used.
    pub period: Memo<ChosenPeriod>,
    /// Whether the data is loading, failed or ready (changes only when that changes, not on
    /// every edit, so the shell keeps the page and its state across edits).
    pub phase: Memo<Phase>,
    /// In an offline copy: where its data came from and the draft it was made with.
    pub carried: RwSignal<Option<CopyNote>>,
    /// Where the data shown came from, in words for every page (None until it is loaded).
    pub provenance: Memo<Option<Provenance>>,
    /// How the data shown differs from the published data (`gt_core::draft`): the banner's
    /// count and list, and the flags on changed figures. Empty when nothing differs.
    pub draft: Memo<Arc<Draft>>,
}

/// Where loading is, without the data.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    Failed {
        source: String,
        problems: Vec<String>,
    },
    Ready,
}

impl AppState {
    pub fn new(initial: Location) -> AppState {
        let location = RwSignal::new(initial);
        let route = Memo::new(move |_| location.with(|l| l.route.clone()));
        let source = RwSignal::new(Load::Loading);
        let edits = RwSignal::new(EditLog::default());
        let applied = Memo::new(move |_| {
            let src = source.get();
            let log = edits.with(|e| e.changes.clone());
            match src {
                Load::Ready(ds) if !log.is_empty() => {
                    let (out, skipped) = apply(&ds, &log);
                    (Load::Ready(Arc::new(out)), skipped)
                }
                other => (other, Vec::new()),
            }
        });
        let data = Memo::new(move |_| applied.with(|a| a.0.clone()));
        let skipped = Memo::new(move |_| applied.with(|a| a.1.clone()));
        let calendar = Memo::new(move |_| match data.get() {
            Load::Ready(ds) => Calendar::of(&ds),
            _ => Calendar::default(),
        });
        let period = Memo::new(move |_| {
            let param = location.with(|l| l.get("period").map(str::to_string));
            calendar.with(|c| c.choose(param.as_deref()))
        });
        let origin = RwSignal::new(Origin::BuiltIn);
        let carried = RwSignal::new(None::<CopyNote>);
        let provenance = Memo::new(move |_| {
            let Load::Ready(ds) = source.get() else {
                return None;
            };
            Some(match origin.get() {
                Origin::BuiltIn => Provenance::new(
                    Source::BuiltIn {
                        file: BUILT_IN_DATA.rsplit('/').next().unwrap_or("").to_string(),
                    },
                    &ds,
                ),
                Origin::Link(url) => Provenance::new(
                    Source::Link {
                        url: absolute_url(&url),
                    },
                    &ds,
                ),
                Origin::Imported { name, at } => {
                    Provenance::new(Source::Imported { name, at }, &ds)
                }
                Origin::Bundle => match carried.get() {
                    Some(note) => note.provenance,
                    None => Provenance::new(Source::Unknown, &ds),
                },
            })
        });
        let draft = Memo::new(move |_| {
            let local = match (&*source.read(), &*data.read()) {
                (Load::Ready(src), Load::Ready(shown)) => {
                    edits.with(|e| Draft::between(src, shown, &e.changes))
                }
                _ => Draft::default(),
            };
            Arc::new(
                match carried.with(|c| c.as_ref().map(|c| c.draft.on_top(&local))) {
                    Some(both) => both,
                    None => local,
                },
            )
        });
        let phase = Memo::new(move |_| match &*data.read() {
            Load::Loading => Phase::Loading,
            Load::Failed { source, problems } => Phase::Failed {
                source: source.clone(),
                problems: problems.clone(),
            },
            Load::Ready(_) => Phase::Ready,
        });
        AppState {
            source,
            source_hash: RwSignal::new(String::new()),
            progress: RwSignal::new(None),
            origin,
            edits,
            stored_edits: StoredValue::new(Vec::new()),
            data,
            skipped,
            saving: RwSignal::new(Saving::Idle),
            kept: RwSignal::new(Kept::Yes),
            editing: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            location,
            route,
            calendar,
            period,
            phase,
            carried,
            provenance,
            draft,
        }
    }

    /// Where a change just saved is kept, for "Saved: … in this browser" (tracked): only said
    /// when the last write worked, so no message contradicts the edit bar's "Not saved".
    pub fn saved_where(&self) -> &'static str {
        if matches!(self.saving.get(), Saving::Failed(_)) {
            "in this page only (not kept in this browser)"
        } else {
            "in this browser"
        }
    }

    /// The reporting period in view (None only when the data has no figure and no update).
    pub fn period(&self) -> Option<Period> {
        self.period.with(|p| p.period)
    }

    /// How many changes the user has made (one per saved form, however many fields; see
    /// `gt_core::edit::count_edits`): what "Your changes (N)" and every "N changes" say.
    pub fn changes_made(&self) -> usize {
        match &*self.source.read() {
            Load::Ready(src) => self
                .edits
                .with(|e| gt_core::edit::count_edits(&gt_core::edit::net_changes(src, &e.changes))),
            _ => 0,
        }
    }

    /// The period the link chose, if it chose one (for links that keep it; a default period
    /// is not written into links, so they keep following the data's latest).
    pub fn chosen_period(&self) -> Option<Period> {
        self.period.with(|p| p.period.filter(|_| p.chosen))
    }

    /// The dataset, when loaded.
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        match self.data.get() {
            Load::Ready(ds) => Some(ds),
            _ => None,
        }
    }

    /// Adds a message for the whole app (replacing one with the same text).
    pub fn notify(&self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        self.notices.update(|n| {
            n.retain(|x| x.text != text);
            n.push(Notice { kind, text });
        });
    }
}

/// The app state from context (panics only if a component is used outside the app).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The built-in data file, relative to the page so it works on any static host.
pub const BUILT_IN_DATA: &str = "data/onesource.json";

/// An address as the browser resolves it from this page ("data/x.json" on
/// http://host/app/ is http://host/app/data/x.json), so its host can be named.
fn absolute_url(url: &str) -> String {
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// The dataset shown (source with edits), for pages (which are only shown once it is loaded),
/// as a signal: a page derives what it shows from it, so an edit, an undo or another tab's
/// change updates the page in place and the page keeps its own state (open forms, filters).
pub fn use_data() -> Signal<Arc<Dataset>> {
    let data = use_app().data;
    Signal::derive(move || match data.get() {
        Load::Ready(ds) => ds,
        _ => Arc::new(empty_dataset()),
    })
}

/// The dataset shown, now (not tracked): for event handlers and one-off reads.
pub fn use_dataset() -> Arc<Dataset> {
    match use_app().data.get_untracked() {
        Load::Ready(ds) => ds,
        _ => Arc::new(empty_dataset()),
    }
}

/// The source dataset without local edits.
pub fn use_source() -> Arc<Dataset> {
    match use_app().source.get_untracked() {
        Load::Ready(ds) => ds,
        _ => Arc::new(empty_dataset()),
    }
}

pub fn empty_dataset() -> Dataset {
    Dataset {
        format: gt_core::FORMAT.into(),
        title: String::new(),
        organisation: String::new(),
        description: None,
        as_of: None,
        default_tolerance: None,
        rag_scheme: None,
        councils: vec![],
        services: vec![],
        priorities: vec![],
        themes: vec![],
        definitions: vec![],
        indicators: vec![],
        covering_reports: vec![],
        extra: Default::default(),
    }
}
