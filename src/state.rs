//! The app's shared state, provided as context: the dataset being shown and the location.
//! Domain data stays plain (`gt_core::Dataset`); signals live only here, at the UI edge.

use gt_core::route::{Location, Route};
use gt_core::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the dataset is in its loading.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    /// `source` is the file; `problems` are every problem found, in plain words.
    Failed {
        source: String,
        problems: Vec<String>,
    },
    Ready(Arc<Dataset>),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Load>,
    pub location: RwSignal<Location>,
    /// The route alone, so that pages are rebuilt when the route changes, not the query.
    pub route: Memo<Route>,
}

impl AppState {
    pub fn new(initial: Location) -> AppState {
        let location = RwSignal::new(initial);
        let route = Memo::new(move |_| location.with(|l| l.route.clone()));
        AppState {
            data: RwSignal::new(Load::Loading),
            location,
            route,
        }
    }

    /// The dataset, when loaded.
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        match self.data.get() {
            Load::Ready(ds) => Some(ds),
            _ => None,
        }
    }
}

/// The app state from context (panics only if a component is used outside the app).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The built-in data file, relative to the page so it works on any static host.
pub const BUILT_IN_DATA: &str = "data/onesource.json";

/// The loaded dataset, for pages (which are only shown once it is loaded).
pub fn use_dataset() -> Arc<Dataset> {
    match use_app().data.get_untracked() {
        Load::Ready(ds) => ds,
        _ => Arc::new(empty_dataset()),
    }
}

fn empty_dataset() -> Dataset {
    Dataset {
        format: gt_core::FORMAT.into(),
        title: String::new(),
        organisation: String::new(),
        description: None,
        as_of: None,
        default_tolerance: None,
        councils: vec![],
        services: vec![],
        priorities: vec![],
        themes: vec![],
        indicators: vec![],
        extra: Default::default(),
    }
}

/// The reporting period: `?period=` when it is valid, else the latest period with data.
pub fn reporting_period(ds: &Dataset, loc: &Location) -> Option<gt_core::Period> {
    loc.get("period")
        .and_then(|p| gt_core::Period::parse(p).ok())
        .or_else(|| gt_core::summary::latest_period_with_data(ds))
}
