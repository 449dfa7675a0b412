//! The two plans as the pages show them: the strategy (priorities → projects) and the
//! improvement plan (themes → areas → actions), and the golden thread that links them to the
//! indicators. Pure: the pages only render what these functions return.
//!
//! Each plan has its own reporting periods (its updates run over different years from the
//! indicators), its own default period (the latest with an update) and its own "today" for
//! overdue work (see [`reference_date`]). The improvement plan's view state lives in the URL
//! query; the parameter names are a public contract: `theme`, `service`, `council`, `status`,
//! `overdue`, `q`, `period`.

use crate::engine::WorkAt;
use crate::model::*;
use crate::period::Period;
use crate::route::{Location, Route};
use crate::summary::WorkCounts;

pub use crate::engine::PlanKind as Plan;

/// The `service` filter value for areas that belong to no single service.
pub const CROSS_CUTTING: &str = "cross-cutting";
/// How cross-cutting areas are named on the page.
pub const CROSS_CUTTING_LABEL: &str = "Cross-cutting (no single service)";

/// Every period with at least one update in the plan, oldest first, without repeats.
pub fn update_periods(ds: &Dataset, plan: Plan) -> Vec<Period> {
    let mut v: Vec<Period> = crate::engine::plan_updates_of(ds, plan)
        .map(|u| u.period)
        .collect();
    crate::order::sort(&mut v);
    v.dedup();
    v
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
                "council" => crate::filter::read_councils(v, ds, &mut q.councils, &mut notes),
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
                    crate::order::sort_by_key(&mut q.statuses, &|s| status_rank(*s));
                }
                "overdue" => match v.trim() {
                    "1" | "true" | "yes" => q.overdue = true,
                    "0" | "false" | "no" | "" => {}
                    other => notes.push(format!("overdue \"{other}\" should be 1 or 0")),
                },
                "q" => q.text = v.trim().to_string(),
                "period" => match Period::parse(v.trim()) {
                    Ok(p) => q.period = Some(p),
                    Err(e) => notes.push(format!("period: {e}")),
                },
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
    pub state: WorkAt,
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

/// Applies the view's filters to every action, at the view's period (else the app's default
/// period), with the engine's statuses.
/// An action matches a council filter when it names that council.
pub fn apply(ds: &Dataset, q: &PlanQuery) -> PlanView {
    let period = q.period.or_else(|| crate::engine::default_period(ds));
    let words = crate::filter::search_words(&q.text);
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
                let state = match period {
                    Some(p) => crate::engine::work::work_at(&x.updates, x.due, &p),
                    None => WorkAt::default(),
                };
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
    use crate::engine::rollup;

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
