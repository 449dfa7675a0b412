//! Drafts and sources: whether the data shown differs from the published data (and which
//! figures differ), and where the data came from, in words for every page, the printed pack
//! and the offline copy.
//!
//! "Published data" is the file as loaded (the built-in file, a file named in the link, an
//! imported file). An officer's local edits (`crate::edit`) make what is shown a **draft**:
//! [`Draft`] lists every field that differs from the published data and marks which figures
//! and which answers of the reporting engine changed, so that pages only render the flags.
//! Exporting the whole data and opening that file makes it the published data: nothing then
//! differs, and there is no draft.

use crate::edit::{self, Change, Target};
use crate::engine::{self, Engine, IndicatorAt};
use crate::fmt;
use crate::model::*;
use crate::period::Period;
use crate::route::Route;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// The top-level field of a data file that says its figures are illustrative
/// (`"illustrative": true`, kept in `Dataset::extra`).
pub const ILLUSTRATIVE_FIELD: &str = "illustrative";

/// Whether the data file says its figures are illustrative (not real performance).
pub fn is_illustrative(ds: &Dataset) -> bool {
    ds.extra.get(ILLUSTRATIVE_FIELD) == Some(&Value::Bool(true))
}

// -------------------------------------------------------------------------------------------
// Where the data came from

/// Where the published data came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// The file shipped with the app (its file name: "onesource.json").
    BuiltIn { file: String },
    /// A file named in the link (`?data=`), as an absolute address.
    Link { url: String },
    /// A file imported in this browser: its name and when (ISO 8601).
    Imported { name: String, at: String },
    /// Not recorded (an offline copy made on the command line).
    Unknown,
}

/// Where the data shown came from, in words for every page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub source: Source,
    /// Who publishes the data ("oneSource").
    pub organisation: String,
    /// The published data's "as of" date.
    pub as_of: Option<NaiveDate>,
    /// The data file says its figures are illustrative, or it is the built-in data.
    pub illustrative: bool,
    /// When this is an offline copy: the day it was made (ISO 8601 date, "2026-05-13").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_made: Option<String>,
}

/// The host and the file name of an address: ("example.org", "perf.json"). An address with
/// no host (a `file:` address) gives "this computer"; one with no file name gives "".
pub fn link_parts(url: &str) -> (String, String) {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => (String::new(), url),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or("").to_string();
    let path = rest[end..].split(['?', '#']).next().unwrap_or("");
    let file = path
        .split('/')
        .rfind(|s| !s.is_empty())
        .map(percent_decode)
        .unwrap_or_default();
    let host = if host.is_empty() && (scheme == "file" || scheme.is_empty()) {
        "this computer".to_string()
    } else {
        host
    };
    (host, file)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// "13 May 2026" from "2026-05-13T10:20:00Z" (or the text itself when it is not a date).
fn day(iso: &str) -> String {
    iso.get(..10)
        .and_then(crate::fmt::iso_date)
        .map(fmt::date)
        .unwrap_or_else(|| iso.to_string())
}

impl Provenance {
    pub fn new(source: Source, ds: &Dataset) -> Provenance {
        Provenance {
            illustrative: is_illustrative(ds) || matches!(source, Source::BuiltIn { .. }),
            source,
            organisation: ds.organisation.clone(),
            as_of: ds.as_of,
            copy_made: None,
        }
    }

    /// The same, as carried by an offline copy made on `day` (ISO date).
    pub fn in_copy(&self, day: &str) -> Provenance {
        Provenance {
            copy_made: Some(day.get(..10).unwrap_or(day).to_string()),
            ..self.clone()
        }
    }

    /// The label before the words: "Illustrative figures", "Data from a link", "Imported
    /// data", "Offline copy".
    pub fn label(&self) -> &'static str {
        if self.illustrative {
            return "Illustrative figures";
        }
        match &self.source {
            Source::BuiltIn { .. } => "Built-in data",
            Source::Link { .. } => "Data from a link",
            Source::Imported { .. } => "Imported data",
            Source::Unknown => "Offline copy",
        }
    }

    /// Where the data is from, in words: "Data from example.org — perf.json (not the built-in
    /// data)", "Imported from perf.json on 13 May 2026", "The built-in example data, not
    /// real oneSource performance".
    pub fn origin_words(&self) -> String {
        match &self.source {
            Source::BuiltIn { .. } => {
                let org = if self.organisation.is_empty() {
                    String::new()
                } else {
                    format!("{} ", self.organisation)
                };
                format!("The built-in example data, not real {org}performance")
            }
            Source::Link { url } => {
                let (host, file) = link_parts(url);
                let file = if file.is_empty() {
                    String::new()
                } else {
                    format!(" — {file}")
                };
                format!("Data from {host}{file} (not the built-in data)")
            }
            Source::Imported { name, at } => {
                if at.is_empty() {
                    format!("Imported from {name}")
                } else {
                    format!("Imported from {name} on {}", day(at))
                }
            }
            Source::Unknown => "The data in this offline copy".to_string(),
        }
    }

    /// The whole line for every page: the label, where the data is from, and the offline
    /// copy's date. "Illustrative figures: the built-in example data, not real oneSource
    /// performance."
    pub fn line(&self) -> String {
        let mut s = String::new();
        if self.illustrative {
            s.push_str("Illustrative figures: ");
            s.push_str(&lower_first(&self.origin_words()));
        } else {
            s.push_str(&self.origin_words());
        }
        s.push('.');
        if let Some(d) = &self.copy_made {
            s.push_str(&format!(" Offline copy made on {}.", day(d)));
        }
        s
    }

    /// What follows the label on every page: where the data is from, and the offline copy's
    /// date. "The built-in example data, not real oneSource performance."
    pub fn detail(&self) -> String {
        let mut s = self.origin_words();
        s.push('.');
        if let Some(d) = &self.copy_made {
            s.push_str(&format!(" Offline copy made on {}.", day(d)));
        }
        s
    }

    /// For every printed page's footer: "Illustrative figures: not real oneSource
    /// performance", "Data from example.org — perf.json (not the built-in data)".
    pub fn footer(&self) -> String {
        let words = match (&self.source, self.illustrative) {
            (Source::BuiltIn { .. }, true) => {
                let org = if self.organisation.is_empty() {
                    String::new()
                } else {
                    format!("{} ", self.organisation)
                };
                return format!("Illustrative figures: not real {org}performance");
            }
            (_, true) => format!("Illustrative figures · {}", self.origin_words()),
            (_, false) => self.origin_words(),
        };
        match &self.copy_made {
            Some(d) => format!("{words} · Offline copy made on {}", day(d)),
            None => words,
        }
    }

    /// The published file and its date, for the draft banner: "onesource.json (the built-in
    /// data), as of 31 December 2019".
    pub fn published(&self) -> String {
        let file = match &self.source {
            Source::BuiltIn { file } => format!("{file} (the built-in data)"),
            Source::Link { url } => {
                let (host, file) = link_parts(url);
                if file.is_empty() {
                    format!("the file at {host}")
                } else {
                    format!("{file} from {host}")
                }
            }
            Source::Imported { name, at } => {
                if at.is_empty() {
                    format!("{name} (imported)")
                } else {
                    format!("{name} (imported on {})", day(at))
                }
            }
            Source::Unknown => "the data this offline copy was made from".to_string(),
        };
        match self.as_of {
            Some(d) => format!("{file}, as of {}", fmt::date(d)),
            None => file,
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep names ("Data from …" becomes "data from …", but "Imported" too).
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

// -------------------------------------------------------------------------------------------
// Drafts

/// One field that differs from the published data, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftChange {
    pub target: Target,
    pub field: String,
    /// What it is: "Processing of new claims (CTB-01-LBH), Q2 2019/20".
    pub what: String,
    /// The field: "Actual".
    pub field_label: String,
    /// The published value and the draft value, as shown ("85.0%", "(empty)").
    pub was: String,
    pub now: String,
    /// The page it is on (`#/indicators/…`).
    pub href: String,
    /// The values themselves (to tell when a later edit puts the published value back).
    pub was_value: Value,
    pub now_value: Value,
}

impl DraftChange {
    /// "Processing of new claims (CTB-01-LBH), Q2 2019/20 · Actual: was 85.0%, now 87.5%".
    pub fn line(&self) -> String {
        if matches!(self.target, Target::NewAction { .. }) {
            return format!("{}: added", self.what);
        }
        format!(
            "{} · {}: was {}, now {}",
            self.what, self.field_label, self.was, self.now
        )
    }
}

/// How the data shown differs from the published data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Every field (of an indicator's figure for a period, of an action's or project's
    /// progress update, or a new action) whose value shown differs from the published value,
    /// in the order first edited. This is what "N changes" counts.
    pub changes: Vec<DraftChange>,
    /// (indicator id, period id) of every figure with a field that differs.
    figures: BTreeSet<(String, String)>,
    /// (indicator id, period id): what the reporting engine says about the indicator as at
    /// that reporting period (status, latest figure, directions of travel) differs.
    answers: BTreeSet<(String, String)>,
    /// (action or project id, period id): its state as at that period differs.
    work: BTreeSet<(String, String)>,
    /// Actions that are not in the published data at all.
    new_actions: BTreeSet<String>,
}

/// Two field values are the same (numbers compared as numbers: 82 and 82.0 are one value).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// What the engine says about an indicator, without the indicator itself (whose other
/// figures may differ without changing the answer).
fn answers_differ(a: &IndicatorAt, b: &IndicatorAt) -> bool {
    a.status != b.status
        || a.latest != b.latest
        || a.as_at != b.as_at
        || a.short_term != b.short_term
        || a.long_term != b.long_term
}

fn work_differs(
    e1: &Engine,
    u1: &[StatusUpdate],
    due1: Option<NaiveDate>,
    e2: &Engine,
    u2: &[StatusUpdate],
    due2: Option<NaiveDate>,
) -> bool {
    let a = e1.work(u1, due1);
    let b = e2.work(u2, due2);
    a != b || a.index.map(|i| &u1[i]) != b.index.map(|i| &u2[i])
}

/// A set of what `items` gives, inserted one by one.
fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    s.extend(items);
    s
}

/// The figures (indicator, period) whose shown value differs from the published one, given
/// the published data and the edit log: every figure an edit touched that does not end where
/// the published data is.
pub fn changed_figures(published: &Dataset, log: &[Change]) -> BTreeSet<(String, Period)> {
    Draft::of(published, log).figures()
}

impl Draft {
    /// The draft made by applying `log` to the published data.
    pub fn of(published: &Dataset, log: &[Change]) -> Draft {
        if log.is_empty() {
            return Draft::default();
        }
        let (shown, _) = edit::apply(published, log);
        Draft::between(published, &shown, log)
    }

    /// The draft, when `shown` is the published data with `log` applied (as the app already
    /// holds both).
    pub fn between(published: &Dataset, shown: &Dataset, log: &[Change]) -> Draft {
        let mut d = Draft::default();
        let mut seen: Vec<(&Target, &str)> = Vec::new();
        for c in log {
            if seen.contains(&(&c.target, c.field.as_str())) {
                continue;
            }
            seen.push((&c.target, &c.field));
            let was = edit::current(published, &c.target, &c.field);
            let now = edit::current(shown, &c.target, &c.field);
            if same(&was, &now) {
                continue;
            }
            match &c.target {
                Target::IndicatorValue { indicator, period } => {
                    d.figures.insert((indicator.clone(), period.clone()));
                }
                Target::NewAction { action, .. } => {
                    d.new_actions.insert(action.clone());
                }
                _ => {}
            }
            d.changes
                .push(describe(shown, &c.target, &c.field, was, now, c));
        }
        if d.changes.is_empty() {
            return d;
        }
        // What the engine answers for every reporting period, for what was touched.
        // (Sets filled by insertion: collecting into a set sorts, a copy of the sort each.)
        let mut periods: BTreeSet<Period> = set_of(engine::periods(published));
        periods.extend(engine::periods(shown));
        let indicators: BTreeSet<&str> = set_of(d.figures.iter().map(|(i, _)| i.as_str()));
        let actions: BTreeSet<&str> = set_of(d.changes.iter().filter_map(|c| match &c.target {
            Target::ActionUpdate { action, .. } => Some(action.as_str()),
            _ => None,
        }));
        let projects: BTreeSet<&str> = set_of(d.changes.iter().filter_map(|c| match &c.target {
            Target::ProjectUpdate { project, .. } => Some(project.as_str()),
            _ => None,
        }));
        let mut answers = BTreeSet::new();
        let mut work = BTreeSet::new();
        for p in &periods {
            let e1 = Engine::new(published, *p);
            let e2 = Engine::new(shown, *p);
            for id in &indicators {
                if let (Some(a), Some(b)) = (published.indicator(id), shown.indicator(id)) {
                    if answers_differ(&e1.indicator(a), &e2.indicator(b)) {
                        answers.insert((id.to_string(), p.id()));
                    }
                }
            }
            for id in &actions {
                let a = published.actions().find(|(_, _, a)| a.id == *id);
                let b = shown.actions().find(|(_, _, a)| a.id == *id);
                if let (Some((_, _, a)), Some((_, _, b))) = (a, b) {
                    if work_differs(&e1, &a.updates, a.due, &e2, &b.updates, b.due) {
                        work.insert((id.to_string(), p.id()));
                    }
                }
            }
            for id in &projects {
                let a = published.projects().find(|(_, x)| x.id == *id);
                let b = shown.projects().find(|(_, x)| x.id == *id);
                if let (Some((_, a)), Some((_, b))) = (a, b) {
                    if work_differs(&e1, &a.updates, a.due, &e2, &b.updates, b.due) {
                        work.insert((id.to_string(), p.id()));
                    }
                }
            }
        }
        d.answers = answers;
        d.work = work;
        d
    }

    /// This draft with `local` on top: an offline copy carries the draft it was made from
    /// (`self`), and changes made in the copy are measured against the copy's data. A field
    /// changed in both keeps the published value it had; a field put back to that value is
    /// no longer a change.
    pub fn on_top(&self, local: &Draft) -> Draft {
        let mut out = self.clone();
        for c in &local.changes {
            match out
                .changes
                .iter_mut()
                .position(|x| x.target == c.target && x.field == c.field)
            {
                Some(i) => {
                    let x = &mut out.changes[i];
                    x.now = c.now.clone();
                    x.now_value = c.now_value.clone();
                    if same(&x.was_value, &x.now_value) {
                        out.changes.remove(i);
                    }
                }
                None => out.changes.push(c.clone()),
            }
        }
        out.figures.extend(local.figures.iter().cloned());
        out.answers.extend(local.answers.iter().cloned());
        out.work.extend(local.work.iter().cloned());
        out.new_actions.extend(local.new_actions.iter().cloned());
        out
    }

    /// How many changes: things the user changed (a figure's period, an action's or project's
    /// update, a new action), however many of their fields differ from the published data. The
    /// same count as "Your changes (N)" (`edit::count_edits`).
    pub fn count(&self) -> usize {
        let mut targets: Vec<&Target> = Vec::new();
        for c in &self.changes {
            if !targets.contains(&&c.target) {
                targets.push(&c.target);
            }
        }
        targets.len()
    }

    /// How many fields differ from the published data.
    pub fn fields(&self) -> usize {
        self.changes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// "Draft: includes 3 changes not in the published data", with the number of fields when
    /// a change touched more than one ("1 change (2 fields)").
    pub fn headline(&self) -> String {
        let (n, f) = (self.count(), self.fields());
        let fields = if f > n {
            format!(" ({f} fields)")
        } else {
            String::new()
        };
        format!(
            "Draft: includes {n} change{}{fields} not in the published data",
            if n == 1 { "" } else { "s" }
        )
    }

    /// The figures changed, as (indicator id, period).
    pub fn figures(&self) -> BTreeSet<(String, Period)> {
        self.figures
            .iter()
            .filter_map(|(i, p)| Period::parse(p).ok().map(|p| (i.clone(), p)))
            .collect()
    }

    /// The figure of `indicator` for `period` (a row of its figures table) differs.
    pub fn figure(&self, indicator: &str, period: &Period) -> bool {
        self.figures.contains(&(indicator.to_string(), period.id()))
    }

    /// What the pages say about `indicator` as at the reporting period `period` (its status,
    /// latest figure and directions of travel: a row of the list, a key tile, a row of the
    /// pack) differs from the published data.
    pub fn indicator_at(&self, indicator: &str, period: &Period) -> bool {
        self.answers.contains(&(indicator.to_string(), period.id()))
            || self.figure(indicator, period)
    }

    /// Some figure of `indicator` differs.
    pub fn indicator(&self, indicator: &str) -> bool {
        self.figures.iter().any(|(i, _)| i == indicator)
    }

    /// What the pages say about an action or a project as at `period` differs (or it is a new
    /// action).
    pub fn work_at(&self, id: &str, period: &Period) -> bool {
        self.new_actions.contains(id) || self.work.contains(&(id.to_string(), period.id()))
    }
}

/// A changed field in words.
fn describe(
    ds: &Dataset,
    t: &Target,
    field: &str,
    was: Value,
    now: Value,
    c: &Change,
) -> DraftChange {
    let period_words = |p: &str| {
        Period::parse(p)
            .map(|p| p.short_label())
            .unwrap_or_else(|_| p.to_string())
    };
    let (what, href) = match t {
        Target::IndicatorValue { indicator, period } => (
            format!(
                "{} ({indicator}), {}",
                ds.indicator(indicator)
                    .map(|i| i.name.as_str())
                    .unwrap_or(indicator),
                period_words(period)
            ),
            Route::Indicator(indicator.clone()).href(),
        ),
        Target::ActionUpdate { action, period } => {
            let found = ds.actions().find(|(_, _, a)| a.id == *action);
            (
                format!(
                    "Action {action}{}, progress {}",
                    found
                        .map(|(_, _, a)| format!(" ({})", a.title))
                        .unwrap_or_default(),
                    period_words(period)
                ),
                found
                    .map(|(_, a, _)| Route::Area(a.id.clone()).href())
                    .unwrap_or_else(|| Route::Improvement.href()),
            )
        }
        Target::ProjectUpdate { project, period } => {
            let found = ds.projects().find(|(_, x)| x.id == *project);
            (
                format!(
                    "Project {project}{}, progress {}",
                    found
                        .map(|(_, x)| format!(" ({})", x.title))
                        .unwrap_or_default(),
                    period_words(period)
                ),
                found
                    .map(|(p, _)| Route::Priority(p.id.clone()).href())
                    .unwrap_or_else(|| Route::Priorities.href()),
            )
        }
        Target::NewAction { area, action } => {
            let title = c.new.get("title").and_then(|t| t.as_str()).unwrap_or("");
            (
                format!("New action {action} in area {area} ({title})"),
                Route::Area(area.clone()).href(),
            )
        }
        Target::Scheme { council } => (
            match council {
                Some(c) => format!("{}'s RAG scheme", ds.council_name(c)),
                None => "The RAG scheme for all councils".to_string(),
            },
            Route::Statuses.href(),
        ),
        Target::CoveringReport { period } => (
            format!("Covering report, {}", period_words(period)),
            crate::covering::report_href(period),
        ),
    };
    DraftChange {
        target: t.clone(),
        field: field.to_string(),
        what,
        field_label: edit::field_label(field).to_string(),
        was: show(ds, t, field, &was),
        now: show(ds, t, field, &now),
        href,
        was_value: was,
        now_value: now,
    }
}

/// A field's value as the pages show it.
fn show(ds: &Dataset, t: &Target, field: &str, v: &Value) -> String {
    match v {
        Value::Null => "(empty)".into(),
        Value::Bool(true) => "added".into(),
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or_default();
            match (t, field) {
                (Target::IndicatorValue { indicator, .. }, "actual" | "target") => {
                    match ds.indicator(indicator) {
                        Some(i) => fmt::value(x, i.decimals, i.unit.as_deref()),
                        None => fmt::trim_number(x),
                    }
                }
                (_, "percent_complete") => format!("{}%", fmt::trim_number(x)),
                _ => fmt::trim_number(x),
            }
        }
        Value::Object(_) if field == "rag_scheme" => match crate::scheme::read(v, "rag_scheme") {
            Ok(s) => crate::scheme::sentence(&s, None),
            Err(_) => v.to_string(),
        },
        Value::String(s) => match field {
            "rag" => Rag::from_word(s)
                .map(|r| r.label().to_string())
                .unwrap_or_else(|| s.clone()),
            "status" => WorkStatus::from_word(s)
                .map(|w| w.label().to_string())
                .unwrap_or_else(|| s.clone()),
            _ => quote(s),
        },
        Value::Object(o) => o
            .get("title")
            .and_then(|t| t.as_str())
            .map(quote)
            .unwrap_or_default(),
        Value::Array(items) => quote(
            &items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        other => other.to_string(),
    }
}

/// Text in quotes, cut at 80 characters.
fn quote(s: &str) -> String {
    let s = s.trim();
    let cut: String = s.chars().take(80).collect();
    if cut.len() < s.len() {
        format!("“{}…”", cut.trim_end())
    } else {
        format!("“{cut}”")
    }
}

// -------------------------------------------------------------------------------------------
// The offline copy's note

/// What an offline copy says about its data: where it came from and the draft it holds. Kept
/// in the copy next to the data (`bundle::PROVENANCE_ID`), so the copy names its source and
/// still says Draft when it was made with changes not in the published data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CopyNote {
    pub provenance: Provenance,
    #[serde(default)]
    pub draft: Draft,
}

impl CopyNote {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("serialisable")
    }
    pub fn parse(text: &str) -> Result<CopyNote, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}
