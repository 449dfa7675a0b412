//! The two plans as the pages show them: the strategy (priorities → projects) and the
//! improvement plan (themes → areas → actions), and the golden thread that links them to the
//! indicators. Pure: the pages only render what these functions return.
//!
//! Each plan has its own reporting periods (its updates run over different years from the
//! indicators), its own default period (the latest with an update) and its own "today" for
//! overdue work (see [`reference_date`]). The improvement plan's view state lives in the URL
//! query; the parameter names are a public contract: `theme`, `service`, `council`, `status`,
//! `overdue`, `q`, `period`.

use crate::model::*;
use crate::period::Period;
use crate::route::{Location, Route};
use crate::summary::{latest_update, work_status, WorkCounts};
use chrono::NaiveDate;

/// Which plan a period, a default or an overdue date is worked out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Strategic priorities and their projects.
    Strategy,
    /// Improvement themes, areas and actions.
    Improvement,
}

/// The `service` filter value for areas that belong to no single service.
pub const CROSS_CUTTING: &str = "cross-cutting";
/// How cross-cutting areas are named on the page.
pub const CROSS_CUTTING_LABEL: &str = "Cross-cutting (no single service)";

fn plan_updates(ds: &Dataset, plan: Plan) -> Box<dyn Iterator<Item = &StatusUpdate> + '_> {
    match plan {
        Plan::Strategy => Box::new(ds.projects().flat_map(|(_, x)| x.updates.iter())),
        Plan::Improvement => Box::new(ds.actions().flat_map(|(_, _, x)| x.updates.iter())),
    }
}

/// Every period with at least one update in the plan, oldest first, without repeats.
pub fn update_periods(ds: &Dataset, plan: Plan) -> Vec<Period> {
    let mut v: Vec<Period> = plan_updates(ds, plan).map(|u| u.period).collect();
    v.sort();
    v.dedup();
    v
}

/// The periods offered in a plan's period picker: those with updates, newest first.
pub fn period_choices(ds: &Dataset, plan: Plan) -> Vec<Period> {
    let mut v = update_periods(ds, plan);
    v.reverse();
    v
}

/// The period a plan's pages open on: the latest with an update.
pub fn default_period(ds: &Dataset, plan: Plan) -> Option<Period> {
    plan_updates(ds, plan).map(|u| u.period).max()
}

/// The date a plan's data are correct to: the dataset's as-of date, or the end of the latest
/// period with an update in the plan if that is later (the strategy's updates run past the
/// indicators' as-of date, and speak for their own quarters).
pub fn correct_to(ds: &Dataset, plan: Plan) -> Option<NaiveDate> {
    let latest = default_period(ds, plan).map(|p| p.end());
    match (ds.as_of, latest) {
        (Some(a), Some(l)) => Some(a.max(l)),
        (a, l) => a.or(l),
    }
}

/// "Today" for overdue work at a period: the period's last day, or the date the plan's data
/// are correct to ([`correct_to`]) if that is earlier. Work is overdue when its due date is
/// before this date and it is not complete. For the improvement plan this is the same date as
/// `summary::reference_date` whenever no update postdates the as-of date.
pub fn reference_date(ds: &Dataset, plan: Plan, period: Option<&Period>) -> NaiveDate {
    match (period.map(|p| p.end()), correct_to(ds, plan)) {
        (Some(e), Some(c)) => e.min(c),
        (Some(e), None) => e,
        (None, Some(c)) => c,
        (None, None) => NaiveDate::MAX,
    }
}

/// Overdue: due before `on` and not complete.
pub fn overdue(due: Option<NaiveDate>, status: WorkStatus, on: NaiveDate) -> bool {
    crate::summary::is_overdue(due, status, on)
}

/// The overall status of a set of projects or actions from their statuses (the rule for a
/// strategic priority, docs/rag-rules.md): Off track if any is Red; else At risk if any is
/// Amber; else On track if any is Green, or some are complete and the rest not started;
/// Complete when all are complete; Not started when none has started or there are none.
pub fn rollup(statuses: impl IntoIterator<Item = WorkStatus>) -> WorkStatus {
    let mut any = [false; 5];
    let mut all_complete = true;
    let mut n = 0;
    for s in statuses {
        n += 1;
        any[s as usize] = true;
        all_complete &= s == WorkStatus::Complete;
    }
    let has = |s: WorkStatus| any[s as usize];
    if n == 0 {
        WorkStatus::NotStarted
    } else if has(WorkStatus::Red) {
        WorkStatus::Red
    } else if has(WorkStatus::Amber) {
        WorkStatus::Amber
    } else if has(WorkStatus::Green) {
        WorkStatus::Green
    } else if all_complete {
        WorkStatus::Complete
    } else if has(WorkStatus::Complete) {
        WorkStatus::Green
    } else {
        WorkStatus::NotStarted
    }
}

/// A project's or action's state at a period.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkState {
    pub status: WorkStatus,
    pub overdue: bool,
    /// The latest percent complete reported at or before the period.
    pub percent: Option<f64>,
    /// Index in `updates` of the latest update at or before the period.
    pub latest: Option<usize>,
}

/// The state of work with these updates and due date at a period, with `on` as "today".
pub fn work_state(
    updates: &[StatusUpdate],
    due: Option<NaiveDate>,
    period: Option<&Period>,
    on: NaiveDate,
) -> WorkState {
    let status = work_status(updates, period);
    let latest = latest_update(updates, period)
        .and_then(|u| updates.iter().position(|x| std::ptr::eq(x, u)));
    let percent = updates
        .iter()
        .take(latest.map_or(0, |i| i + 1))
        .rev()
        .find_map(|u| u.percent_complete);
    WorkState {
        status,
        overdue: overdue(due, status, on),
        percent,
        latest,
    }
}

// ---------------------------------------------------------------------------------------------
// Timelines

/// One period in a status history.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub period: Period,
    /// The update for exactly this period, if one was made (and the period is not after the
    /// one being viewed).
    pub status: Option<WorkStatus>,
    pub percent: Option<f64>,
    pub commentary: Option<String>,
    /// The period is after the one being viewed.
    pub later: bool,
}

/// The status history over `periods`, as at `upto` (updates after it are not shown).
pub fn timeline(updates: &[StatusUpdate], periods: &[Period], upto: Option<&Period>) -> Vec<Step> {
    periods
        .iter()
        .map(|p| {
            let later = upto.is_some_and(|u| p.end() > u.end());
            let u = (!later)
                .then(|| updates.iter().find(|u| u.period == *p))
                .flatten();
            Step {
                period: *p,
                status: u.map(|u| u.status),
                percent: u.and_then(|u| u.percent_complete),
                commentary: u.and_then(|u| u.commentary.clone()),
                later,
            }
        })
        .collect()
}

/// The four quarters of the financial year a period falls in (the improvement plan's
/// "progress per quarter").
pub fn quarters_of_year(period: &Period) -> Vec<Period> {
    let fy = period.financial_year();
    (1..=4).map(|q| Period::Quarter { fy, q }).collect()
}

/// The strategy's quarters up to and including `upto` (all with updates when `None`).
pub fn strategy_quarters(ds: &Dataset, upto: Option<&Period>) -> Vec<Period> {
    update_periods(ds, Plan::Strategy)
        .into_iter()
        .filter(|p| upto.is_none_or(|u| p.end() <= u.end()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The strategy

/// A priority at a period: its overall status, and its projects counted by status.
#[derive(Clone, Debug, PartialEq)]
pub struct PrioritySummary {
    pub status: WorkStatus,
    pub projects: WorkCounts,
}

/// A priority's overall status and project counts at a period.
pub fn priority_summary(ds: &Dataset, p: &Priority, period: Option<&Period>) -> PrioritySummary {
    let on = reference_date(ds, Plan::Strategy, period);
    summarise(
        p.projects.iter().map(|x| (x.updates.as_slice(), x.due)),
        period,
        on,
    )
}

/// Counts pieces of work (updates and due date each) by status at a period, and rolls their
/// statuses up with the priority rule.
fn summarise<'a>(
    items: impl Iterator<Item = (&'a [StatusUpdate], Option<NaiveDate>)>,
    period: Option<&Period>,
    on: NaiveDate,
) -> PrioritySummary {
    let mut counts = WorkCounts::default();
    let mut statuses = Vec::new();
    for (updates, due) in items {
        let s = work_state(updates, due, period, on);
        counts.add(s.status, s.overdue);
        statuses.push(s.status);
    }
    PrioritySummary {
        status: rollup(statuses),
        projects: counts,
    }
}

/// Improvement areas serving a priority, with their themes, in plan order.
pub fn priority_areas<'a>(ds: &'a Dataset, priority: &str) -> Vec<(&'a Theme, &'a Area)> {
    ds.themes
        .iter()
        .flat_map(|t| t.areas.iter().map(move |a| (t, a)))
        .filter(|(_, a)| a.priority.as_deref() == Some(priority))
        .collect()
}

/// Indicators that measure an improvement area, in data order.
pub fn area_indicators<'a>(ds: &'a Dataset, area: &str) -> Vec<&'a Indicator> {
    ds.indicators
        .iter()
        .filter(|i| i.area.as_deref() == Some(area))
        .collect()
}

/// Indicators of a priority: those linked to it directly, and those measuring one of its
/// areas. In data order, each once.
pub fn priority_indicators<'a>(ds: &'a Dataset, priority: &str) -> Vec<&'a Indicator> {
    ds.indicators
        .iter()
        .filter(|i| {
            i.priority.as_deref() == Some(priority)
                || i.area
                    .as_deref()
                    .and_then(|a| ds.area(a))
                    .is_some_and(|(_, a)| a.priority.as_deref() == Some(priority))
        })
        .collect()
}

/// Indicators linked to a priority directly that do not measure one of its areas (in the
/// thread they hang from the priority itself rather than from an area).
pub fn direct_indicators<'a>(ds: &'a Dataset, priority: &str) -> Vec<&'a Indicator> {
    priority_indicators(ds, priority)
        .into_iter()
        .filter(|i| {
            i.area
                .as_deref()
                .and_then(|a| ds.area(a))
                .is_none_or(|(_, a)| a.priority.as_deref() != Some(priority))
        })
        .collect()
}

/// An indicator's current status, as its own page shows it: the status of its latest value
/// with an actual figure (with that value), else `NoData`.
pub fn indicator_now<'a>(ds: &Dataset, ind: &'a Indicator) -> (Rag, Option<&'a IndicatorValue>) {
    match ind.values.iter().rev().find(|v| v.actual.is_some()) {
        Some(v) => (
            crate::rag::value_status(ind, v, ds.tolerance_default()).rag,
            Some(v),
        ),
        None => (Rag::NoData, None),
    }
}

/// Indicators grouped by name (the same measure for several councils), in first-seen order.
pub fn group_by_name<'a>(inds: &[&'a Indicator]) -> Vec<(String, Vec<&'a Indicator>)> {
    let mut out: Vec<(String, Vec<&'a Indicator>)> = Vec::new();
    for i in inds {
        match out.iter_mut().find(|(n, _)| *n == i.name) {
            Some((_, v)) => v.push(i),
            None => out.push((i.name.clone(), vec![*i])),
        }
    }
    out
}

/// An improvement area at a period: its status (the priority rule over its actions) and its
/// actions counted by status.
pub fn area_summary(ds: &Dataset, area: &Area, period: Option<&Period>) -> PrioritySummary {
    let on = reference_date(ds, Plan::Improvement, period);
    summarise(
        area.actions.iter().map(|x| (x.updates.as_slice(), x.due)),
        period,
        on,
    )
}

// ---------------------------------------------------------------------------------------------
// The improvement plan's view: filters in the URL

/// The improvement plan page's view: everything a shared link reproduces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanQuery {
    pub themes: Vec<String>,
    /// Service ids, or [`CROSS_CUTTING`] for areas with no service.
    pub services: Vec<String>,
    pub councils: Vec<String>,
    pub statuses: Vec<WorkStatus>,
    pub overdue: bool,
    pub text: String,
    pub period: Option<Period>,
}

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Reads a status word: the file format's words, and the words the page shows.
pub fn status_from_word(s: &str) -> Option<WorkStatus> {
    let w = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    WorkStatus::from_word(&w).or(match w.as_str() {
        "on_track" => Some(WorkStatus::Green),
        "at_risk" => Some(WorkStatus::Amber),
        "off_track" => Some(WorkStatus::Red),
        _ => None,
    })
}

/// The order statuses are listed in: most in need of attention first.
pub fn status_rank(s: WorkStatus) -> u8 {
    match s {
        WorkStatus::Red => 0,
        WorkStatus::Amber => 1,
        WorkStatus::Green => 2,
        WorkStatus::NotStarted => 3,
        WorkStatus::Complete => 4,
    }
}

/// Statuses in the order summaries show them (as the committee reports do).
pub const STATUS_ORDER: [WorkStatus; 5] = [
    WorkStatus::Complete,
    WorkStatus::Green,
    WorkStatus::Amber,
    WorkStatus::Red,
    WorkStatus::NotStarted,
];

/// Reads `?period=`: a valid period, or a note saying why it was ignored.
pub fn period_param(loc: &Location) -> (Option<Period>, Option<String>) {
    match loc.get("period").map(str::trim) {
        None | Some("") => (None, None),
        Some(v) => match Period::parse(v) {
            Ok(p) => (Some(p), None),
            Err(e) => (None, Some(format!("period: {e}"))),
        },
    }
}

impl PlanQuery {
    /// Reads the view from a location. Anything unknown or malformed is left out and described
    /// in the returned notes, never an error.
    pub fn from_location(loc: &Location, ds: &Dataset) -> (PlanQuery, Vec<String>) {
        let mut q = PlanQuery::default();
        let mut notes = Vec::new();
        for (k, v) in &loc.query {
            match k.as_str() {
                "theme" => {
                    for t in list(v) {
                        match ds.themes.iter().find(|x| x.id.eq_ignore_ascii_case(t)) {
                            Some(x) if !q.themes.contains(&x.id) => q.themes.push(x.id.clone()),
                            Some(_) => {}
                            None => notes.push(format!("theme \"{t}\" is not in this plan")),
                        }
                    }
                }
                "service" => {
                    for s in list(v) {
                        let id = match ds.services.iter().find(|x| x.id.eq_ignore_ascii_case(s)) {
                            Some(x) => Some(x.id.clone()),
                            None if s.eq_ignore_ascii_case(CROSS_CUTTING) => {
                                Some(CROSS_CUTTING.to_string())
                            }
                            None => None,
                        };
                        match id {
                            Some(id) if !q.services.contains(&id) => q.services.push(id),
                            Some(_) => {}
                            None => notes.push(format!("service \"{s}\" is not in this data")),
                        }
                    }
                }
                "council" => {
                    for c in list(v) {
                        let found = ds.councils.iter().find(|x| {
                            x.id.eq_ignore_ascii_case(c)
                                || x.short
                                    .as_deref()
                                    .is_some_and(|s| s.eq_ignore_ascii_case(c))
                        });
                        match found {
                            Some(x) if !q.councils.contains(&x.id) => q.councils.push(x.id.clone()),
                            Some(_) => {}
                            None => notes.push(format!("council \"{c}\" is not in this data")),
                        }
                    }
                }
                "status" => {
                    for s in list(v) {
                        match status_from_word(s) {
                            Some(x) if !q.statuses.contains(&x) => q.statuses.push(x),
                            Some(_) => {}
                            None => notes.push(format!(
                                "status \"{s}\" is not a status (use {})",
                                WorkStatus::words()
                            )),
                        }
                    }
                    q.statuses.sort_by_key(|s| status_rank(*s));
                }
                "overdue" => match v.trim() {
                    "1" | "true" | "yes" => q.overdue = true,
                    "0" | "false" | "no" | "" => {}
                    other => notes.push(format!("overdue \"{other}\" should be 1 or 0")),
                },
                "q" => q.text = v.trim().to_string(),
                "period" => {
                    let (p, note) = period_param(loc);
                    q.period = p;
                    notes.extend(note);
                }
                // Parameters other parts of the app own.
                "data" | "sections" => {}
                other => notes.push(format!("\"{other}\" is not a filter")),
            }
        }
        (q, notes)
    }

    /// The query parameters for this view, in a fixed order, leaving out defaults.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut push = |k: &str, v: String| {
            if !v.is_empty() {
                out.push((k.to_string(), v));
            }
        };
        push("theme", self.themes.join(","));
        push("service", self.services.join(","));
        push("council", self.councils.join(","));
        push(
            "status",
            self.statuses
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        if self.overdue {
            push("overdue", "1".into());
        }
        push("q", self.text.clone());
        if let Some(p) = self.period {
            push("period", p.id());
        }
        out
    }

    /// This view as a location on the improvement plan page.
    pub fn to_location(&self) -> Location {
        Location {
            route: Route::Improvement,
            query: self.to_query(),
        }
    }

    /// The link to this view: "#/improvement?service=ict".
    pub fn href(&self) -> String {
        self.to_location().to_hash()
    }

    /// Whether any filter (not the period) is set.
    pub fn is_filtered(&self) -> bool {
        !self.themes.is_empty()
            || !self.services.is_empty()
            || !self.councils.is_empty()
            || !self.statuses.is_empty()
            || self.overdue
            || !self.text.is_empty()
    }

    /// The same view with every filter cleared (period kept).
    pub fn cleared(&self) -> PlanQuery {
        PlanQuery {
            period: self.period,
            ..Default::default()
        }
    }
}

/// One improvement action in the list, at the view's period.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionRow {
    /// Indexes into `ds.themes`, the theme's `areas` and the area's `actions`.
    pub theme: usize,
    pub area: usize,
    pub action: usize,
    pub state: WorkState,
}

impl ActionRow {
    pub fn get<'a>(&self, ds: &'a Dataset) -> (&'a Theme, &'a Area, &'a Action) {
        let t = &ds.themes[self.theme];
        let a = &t.areas[self.area];
        (t, a, &a.actions[self.action])
    }
}

/// The result of applying a view to the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanView {
    /// Matching actions in plan order.
    pub rows: Vec<ActionRow>,
    /// Every action in the plan.
    pub total: usize,
    /// The period the statuses are for.
    pub period: Option<Period>,
    /// "Today" for overdue.
    pub on: NaiveDate,
}

fn search_text(area: &Area, x: &Action) -> String {
    let mut s = String::new();
    for t in [&x.id, &x.title, &area.id, &area.title] {
        s.push_str(&t.to_lowercase());
        s.push('\n');
    }
    if let Some(o) = &x.owner {
        s.push_str(&o.to_lowercase());
        s.push('\n');
    }
    for u in &x.updates {
        if let Some(c) = &u.commentary {
            s.push_str(&c.to_lowercase());
            s.push('\n');
        }
    }
    s
}

/// Whether an area's service matches a service filter value.
fn service_matches(area: &Area, wanted: &[String]) -> bool {
    wanted.iter().any(|w| match &area.service {
        Some(s) => s == w,
        None => w == CROSS_CUTTING,
    })
}

/// Applies the view's filters to every action, at the view's period (else the plan's latest).
/// An action matches a council filter when it names that council.
pub fn apply(ds: &Dataset, q: &PlanQuery) -> PlanView {
    let period = q.period.or_else(|| default_period(ds, Plan::Improvement));
    let on = reference_date(ds, Plan::Improvement, period.as_ref());
    let words: Vec<String> = q
        .text
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut rows = Vec::new();
    let mut total = 0;
    for (ti, t) in ds.themes.iter().enumerate() {
        for (ai, a) in t.areas.iter().enumerate() {
            for (xi, x) in a.actions.iter().enumerate() {
                total += 1;
                if !q.themes.is_empty() && !q.themes.contains(&t.id) {
                    continue;
                }
                if !q.services.is_empty() && !service_matches(a, &q.services) {
                    continue;
                }
                if !q.councils.is_empty() && !x.councils.iter().any(|c| q.councils.contains(c)) {
                    continue;
                }
                let state = work_state(&x.updates, x.due, period.as_ref(), on);
                if !q.statuses.is_empty() && !q.statuses.contains(&state.status) {
                    continue;
                }
                if q.overdue && !state.overdue {
                    continue;
                }
                if !words.is_empty() {
                    let hay = search_text(a, x);
                    if !words.iter().all(|w| hay.contains(w.as_str())) {
                        continue;
                    }
                }
                rows.push(ActionRow {
                    theme: ti,
                    area: ai,
                    action: xi,
                    state,
                });
            }
        }
    }
    PlanView {
        rows,
        total,
        period,
        on,
    }
}

/// The rows of one improvement area, in plan order.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRows {
    /// Index of the area in its theme's `areas`.
    pub area: usize,
    pub rows: Vec<ActionRow>,
}

/// The rows of one theme, area by area.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeRows {
    /// Index of the theme in `ds.themes`.
    pub theme: usize,
    pub areas: Vec<AreaRows>,
}

/// Rows (in plan order) grouped by theme and area, leaving out those with none.
pub fn group_rows(rows: &[ActionRow]) -> Vec<ThemeRows> {
    let mut out: Vec<ThemeRows> = Vec::new();
    for r in rows {
        if out.last().map(|t| t.theme) != Some(r.theme) {
            out.push(ThemeRows {
                theme: r.theme,
                areas: Vec::new(),
            });
        }
        let areas = &mut out.last_mut().expect("just pushed").areas;
        if areas.last().map(|a| a.area) != Some(r.area) {
            areas.push(AreaRows {
                area: r.area,
                rows: Vec::new(),
            });
        }
        areas.last_mut().expect("just pushed").rows.push(r.clone());
    }
    out
}

/// Counts of rows by status, with overdue.
pub fn counts(rows: &[ActionRow]) -> WorkCounts {
    let mut c = WorkCounts::default();
    for r in rows {
        c.add(r.state.status, r.state.overdue);
    }
    c
}

/// Counts by theme (index into `ds.themes`), themes in plan order, only those with rows.
pub fn counts_by_theme(ds: &Dataset, rows: &[ActionRow]) -> Vec<(usize, WorkCounts)> {
    (0..ds.themes.len())
        .filter_map(|ti| {
            let these: Vec<ActionRow> = rows.iter().filter(|r| r.theme == ti).cloned().collect();
            (!these.is_empty()).then(|| (ti, counts(&these)))
        })
        .collect()
}

/// Services that have improvement areas of their own, in the data's order of services.
pub fn area_services(ds: &Dataset) -> Vec<&Service> {
    ds.services
        .iter()
        .filter(|s| {
            ds.themes
                .iter()
                .flat_map(|t| &t.areas)
                .any(|a| a.service.as_deref() == Some(s.id.as_str()))
        })
        .collect()
}

/// Counts by service (`None` for cross-cutting areas), services in the data's order with
/// cross-cutting last, only those with rows.
pub fn counts_by_service(ds: &Dataset, rows: &[ActionRow]) -> Vec<(Option<String>, WorkCounts)> {
    let mut keys: Vec<Option<String>> = area_services(ds)
        .into_iter()
        .map(|s| Some(s.id.clone()))
        .collect();
    keys.push(None);
    keys.into_iter()
        .filter_map(|k| {
            let these: Vec<ActionRow> = rows
                .iter()
                .filter(|r| ds.themes[r.theme].areas[r.area].service == k)
                .cloned()
                .collect();
            (!these.is_empty()).then(|| (k, counts(&these)))
        })
        .collect()
}

/// The name a service filter value is shown with.
pub fn service_label<'a>(ds: &'a Dataset, id: &'a str) -> &'a str {
    if id == CROSS_CUTTING && ds.service(id).is_none() {
        CROSS_CUTTING_LABEL
    } else {
        ds.service_name(id)
    }
}

/// "2 actions: 1 complete, 1 at risk" style phrase of counts, statuses in summary order, only
/// those present.
pub fn describe_counts(c: &WorkCounts, noun: &str) -> String {
    let total = c.total();
    let mut parts: Vec<String> = STATUS_ORDER
        .iter()
        .filter(|s| c.get(**s) > 0)
        .map(|s| format!("{} {}", c.get(*s), s.label().to_lowercase()))
        .collect();
    if c.overdue > 0 {
        parts.push(format!("{} overdue", c.overdue));
    }
    let head = format!("{total} {noun}{}", if total == 1 { "" } else { "s" });
    if parts.is_empty() {
        head
    } else {
        format!("{head}: {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rollup_follows_the_priority_rule() {
        use WorkStatus::*;
        assert_eq!(rollup([]), NotStarted);
        assert_eq!(rollup([Green, Red, Complete]), Red);
        assert_eq!(rollup([Green, Amber, Complete]), Amber);
        assert_eq!(rollup([Green, NotStarted]), Green);
        assert_eq!(rollup([Complete, NotStarted]), Green);
        assert_eq!(rollup([Complete, Complete]), Complete);
        assert_eq!(rollup([NotStarted, NotStarted]), NotStarted);
    }

    #[test]
    fn status_words_and_aliases() {
        assert_eq!(status_from_word("red"), Some(WorkStatus::Red));
        assert_eq!(
            status_from_word("Not started"),
            Some(WorkStatus::NotStarted)
        );
        assert_eq!(status_from_word("on-track"), Some(WorkStatus::Green));
        assert_eq!(status_from_word("AT_RISK"), Some(WorkStatus::Amber));
        assert_eq!(status_from_word("purple"), None);
    }
}
