//! The indicator list's view state (filters, period, sort, page), read from and written to the
//! URL query, and applied to a dataset. The parameter names are a public contract:
//! `council`, `service`, `status`, `frequency`, `key`, `differs`, `spc`, `period`, `q`, `sort`,
//! `page`.

use crate::engine::{Engine, Variation};
use crate::model::*;
use crate::period::Period;
use crate::rag::{variance, Direction};
use crate::route::Location;
use std::cmp::Ordering;

/// Columns the list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Council,
    Service,
    Period,
    Actual,
    Target,
    Status,
    Variance,
    ShortTerm,
    LongTerm,
    /// The direction across the figures the row's sparkline draws ([`Engine::trend`]).
    Trend,
}

impl SortKey {
    pub const ALL: [SortKey; 11] = [
        SortKey::Name,
        SortKey::Council,
        SortKey::Service,
        SortKey::Period,
        SortKey::Actual,
        SortKey::Target,
        SortKey::Status,
        SortKey::Variance,
        SortKey::ShortTerm,
        SortKey::LongTerm,
        SortKey::Trend,
    ];
    pub fn as_str(&self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Council => "council",
            SortKey::Service => "service",
            SortKey::Period => "period",
            SortKey::Actual => "actual",
            SortKey::Target => "target",
            SortKey::Status => "status",
            SortKey::Variance => "variance",
            SortKey::ShortTerm => "short",
            SortKey::LongTerm => "long",
            SortKey::Trend => "trend",
        }
    }
    pub fn from_word(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The indicator list's view: everything a shared link reproduces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorQuery {
    pub councils: Vec<String>,
    pub services: Vec<String>,
    pub statuses: Vec<Rag>,
    pub frequencies: Vec<Frequency>,
    pub key_only: bool,
    /// Only statuses set by hand that differ from what the indicator's scheme gives.
    pub differs_only: bool,
    /// Only indicators whose latest point is a special cause of concern (`spc=concern`).
    pub spc_concern: bool,
    pub period: Option<Period>,
    pub text: String,
    pub sort: Option<SortKey>,
    pub descending: bool,
    /// 1-based page of results.
    pub page: usize,
}

/// Rows per page of the list.
pub const PAGE_SIZE: usize = 50;

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Adds the councils of a comma list (ids or short codes, any case) to `out`, once each; a
/// council not in the data becomes a note. Shared by every view with a `council=` filter.
pub(crate) fn read_councils(v: &str, ds: &Dataset, out: &mut Vec<String>, notes: &mut Vec<String>) {
    for c in list(v) {
        let found = ds.councils.iter().find(|x| {
            x.id.eq_ignore_ascii_case(c)
                || x.short
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(c))
        });
        match found {
            Some(x) if !out.contains(&x.id) => out.push(x.id.clone()),
            Some(_) => {}
            None => notes.push(format!("council \"{c}\" is not in this data")),
        }
    }
}

/// Adds the services of a comma list (ids, any case) to `out`, once each; a service not in the
/// data becomes a note.
pub(crate) fn read_services(v: &str, ds: &Dataset, out: &mut Vec<String>, notes: &mut Vec<String>) {
    for s in list(v) {
        match ds.services.iter().find(|x| x.id.eq_ignore_ascii_case(s)) {
            Some(x) if !out.contains(&x.id) => out.push(x.id.clone()),
            Some(_) => {}
            None => notes.push(format!("service \"{s}\" is not in this data")),
        }
    }
}

impl IndicatorQuery {
    /// Reads the view from a location. Anything unknown or malformed is left out and described
    /// in the returned notes ("council \"hackney\" is not in this data"), never an error.
    pub fn from_location(loc: &Location, ds: &Dataset) -> (IndicatorQuery, Vec<String>) {
        let mut q = IndicatorQuery {
            page: 1,
            ..Default::default()
        };
        let mut notes = Vec::new();
        for (k, v) in &loc.query {
            match k.as_str() {
                "council" => read_councils(v, ds, &mut q.councils, &mut notes),
                "service" => read_services(v, ds, &mut q.services, &mut notes),
                "status" => {
                    for s in list(v) {
                        match Rag::from_word(&s.to_ascii_lowercase()) {
                            Some(r) if !q.statuses.contains(&r) => q.statuses.push(r),
                            Some(_) => {}
                            None => notes.push(format!(
                                "status \"{s}\" is not a status (use {})",
                                Rag::words()
                            )),
                        }
                    }
                }
                "frequency" => {
                    for s in list(v) {
                        match Frequency::from_word(&s.to_ascii_lowercase()) {
                            Some(f) if !q.frequencies.contains(&f) => q.frequencies.push(f),
                            Some(_) => {}
                            None => notes.push(format!(
                                "frequency \"{s}\" is not a frequency (use {})",
                                Frequency::words()
                            )),
                        }
                    }
                }
                "key" => match v.as_str() {
                    "1" | "true" | "yes" => q.key_only = true,
                    "0" | "false" | "no" | "" => {}
                    other => notes.push(format!("key \"{other}\" should be 1 or 0")),
                },
                "differs" => match v.as_str() {
                    "1" | "true" | "yes" => q.differs_only = true,
                    "0" | "false" | "no" | "" => {}
                    other => notes.push(format!("differs \"{other}\" should be 1 or 0")),
                },
                "spc" => match v.as_str() {
                    "concern" => q.spc_concern = true,
                    "" => {}
                    other => notes.push(format!("spc \"{other}\" should be concern")),
                },
                "period" => match Period::parse(v.trim()) {
                    Ok(p) => q.period = Some(p),
                    Err(e) => notes.push(format!("period: {e}")),
                },
                "q" => q.text = v.trim().to_string(),
                "sort" => {
                    let (desc, word) = match v.strip_prefix('-') {
                        Some(w) => (true, w),
                        None => (false, v.as_str()),
                    };
                    match SortKey::from_word(word) {
                        Some(k) => {
                            q.sort = Some(k);
                            q.descending = desc;
                        }
                        None => notes.push(format!("sort \"{v}\" is not a column")),
                    }
                }
                "page" => match v.parse::<usize>() {
                    Ok(n) if n >= 1 => q.page = n,
                    _ => notes.push(format!("page \"{v}\" is not a page number")),
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
        push("council", self.councils.join(","));
        push("service", self.services.join(","));
        push(
            "status",
            self.statuses
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        push(
            "frequency",
            self.frequencies
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        if self.key_only {
            push("key", "1".into());
        }
        if self.differs_only {
            push("differs", "1".into());
        }
        if self.spc_concern {
            push("spc", "concern".into());
        }
        if let Some(p) = self.period {
            push("period", p.id());
        }
        push("q", self.text.clone());
        if let Some(k) = self.sort {
            push(
                "sort",
                format!("{}{}", if self.descending { "-" } else { "" }, k.as_str()),
            );
        }
        if self.page > 1 {
            push("page", self.page.to_string());
        }
        out
    }

    /// This view as a location on the indicators page.
    pub fn to_location(&self) -> Location {
        Location {
            route: crate::route::Route::Indicators,
            query: self.to_query(),
        }
    }

    /// Whether any filter (not period, sort or page) is set.
    pub fn is_filtered(&self) -> bool {
        !self.councils.is_empty()
            || !self.services.is_empty()
            || !self.statuses.is_empty()
            || !self.frequencies.is_empty()
            || self.key_only
            || self.differs_only
            || self.spc_concern
            || !self.text.is_empty()
    }

    /// How many filters are on (each council, service, status and frequency chosen counts
    /// one; so do "key only" and a search), for "Filters (2 active)".
    pub fn active_filters(&self) -> usize {
        self.councils.len()
            + self.services.len()
            + self.statuses.len()
            + self.frequencies.len()
            + usize::from(self.key_only)
            + usize::from(self.differs_only)
            + usize::from(self.spc_concern)
            + usize::from(!self.text.trim().is_empty())
    }

    /// The same view with every filter cleared (period and sort kept).
    pub fn cleared(&self) -> IndicatorQuery {
        IndicatorQuery {
            period: self.period,
            sort: self.sort,
            descending: self.descending,
            page: 1,
            ..Default::default()
        }
    }
}

/// Lower-cased text to search per indicator: name, id and every commentary. Built once per
/// dataset so typing in the search box does not re-read the data.
pub struct SearchIndex {
    hay: Vec<String>,
}

impl SearchIndex {
    pub fn new(ds: &Dataset) -> SearchIndex {
        let hay = ds
            .indicators
            .iter()
            .map(|i| {
                let mut s = String::with_capacity(i.name.len() + i.id.len() + 64);
                s.push_str(&i.name.to_lowercase());
                s.push('\n');
                s.push_str(&i.id.to_lowercase());
                for v in &i.values {
                    for t in [&v.commentary, &v.reason, &v.remedial_action]
                        .into_iter()
                        .flatten()
                    {
                        s.push('\n');
                        s.push_str(&t.to_lowercase());
                    }
                }
                s
            })
            .collect();
        SearchIndex { hay }
    }

    /// Whether indicator `i` contains every word of the (lower-cased) query.
    pub fn matches(&self, i: usize, words: &[String]) -> bool {
        let h = &self.hay[i];
        words.iter().all(|w| h.contains(w.as_str()))
    }
}

/// One indicator's row in the list for a period: what the table shows and sorts by.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub index: usize,
    pub rag: Rag,
    pub manual: bool,
    /// Set by hand and different from the rules: the rules' answer (see [`crate::rag::Status::differs`]).
    pub differs: Option<Rag>,
    pub period: Option<Period>,
    pub actual: Option<f64>,
    pub target: Option<f64>,
    pub variance_pct: Option<f64>,
    /// Direction of travel of the latest figure at or before the period (the engine's).
    pub short: Option<Direction>,
    pub long: Option<Direction>,
    /// The direction across the figures the row's sparkline draws (the engine's trend).
    pub trend: Option<Direction>,
    /// The period of the latest figure when it is older than the period shown.
    pub as_at: Option<Period>,
    /// The SPC verdict of the latest point (None without a chart; see [`Engine::spc`]).
    pub spc: Option<Variation>,
}

/// The order statuses sort in: most in need of attention first.
pub fn rag_rank(r: Rag) -> u8 {
    match r {
        Rag::Red => 0,
        Rag::Amber => 1,
        Rag::Green => 2,
        Rag::NoData => 3,
        Rag::DataOnly => 4,
        Rag::NotDue => 5,
    }
}

/// The order directions of travel sort in (ascending): Worsened, No change, Improved. A row
/// with no direction is a blank and sorts after every direction either way.
pub fn dir_rank(d: Direction) -> u8 {
    match d {
        Direction::Worsened => 0,
        Direction::Unchanged => 1,
        Direction::Improved => 2,
    }
}

/// Compares two cells of a column: values in the order asked for, blanks (no figure, no
/// period, no direction) after every value in both directions.
fn cmp_cells<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The result of applying a view to a dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Filtered {
    /// Every matching row, sorted.
    pub rows: Vec<Row>,
    /// The period the rows are for.
    pub period: Option<Period>,
}

impl Filtered {
    /// How the rows split between councils' own indicators and shared-service ones: each
    /// council of the view (the councils filtered on, else every council) with its own
    /// indicators among the rows, in the data's council order, then the shared-service
    /// indicators among the rows.
    pub fn split(&self, ds: &Dataset, q: &IndicatorQuery) -> (Vec<(String, usize)>, usize) {
        let per: Vec<(String, usize)> = ds
            .councils
            .iter()
            .filter(|c| q.councils.is_empty() || q.councils.contains(&c.id))
            .map(|c| {
                let n = self
                    .rows
                    .iter()
                    .filter(|r| ds.indicators[r.index].is_own(&c.id))
                    .count();
                (c.name.clone(), n)
            })
            .collect();
        let shared = self
            .rows
            .iter()
            .filter(|r| ds.indicators[r.index].is_shared())
            .count();
        (per, shared)
    }

    /// The split in words, when the rows hold shared-service indicators (which are shown in
    /// every council's view but counted in none): "Of these, 51 are London Borough of Newham's
    /// own indicators and 3 are shared-service indicators."
    pub fn split_words(&self, ds: &Dataset, q: &IndicatorQuery) -> Option<String> {
        let (per, shared) = self.split(ds, q);
        if shared == 0 {
            return None;
        }
        let mut parts: Vec<String> = per
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| {
                if *n == 1 {
                    format!("1 is {name}'s own indicator")
                } else {
                    format!("{n} are {name}'s own indicators")
                }
            })
            .collect();
        parts.push(if shared == 1 {
            "1 is a shared-service indicator".to_string()
        } else {
            format!("{shared} are shared-service indicators")
        });
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        Some(format!("Of these, {}.", and_list(&refs)))
    }
}

/// Applies filters and sort for the view's period (or `default_period`).
pub fn apply(
    ds: &Dataset,
    index: &SearchIndex,
    q: &IndicatorQuery,
    default_period: Option<Period>,
) -> Filtered {
    apply_with(ds, index, q, default_period, None)
}

/// [`apply`] with every indicator's SPC verdict for the period already worked out
/// ([`Engine::variations`], once per dataset and period), else worked out here.
pub fn apply_with(
    ds: &Dataset,
    index: &SearchIndex,
    q: &IndicatorQuery,
    default_period: Option<Period>,
    variations: Option<&[Option<Variation>]>,
) -> Filtered {
    let period = q.period.or(default_period);
    let engine = period.map(|p| Engine::new(ds, p));
    let worked;
    let variations = match (variations, &engine) {
        (Some(v), _) => v,
        (None, Some(e)) => {
            worked = e.variations();
            &worked[..]
        }
        (None, None) => &[][..],
    };
    let words: Vec<String> = q
        .text
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut rows: Vec<Row> = ds
        .indicators
        .iter()
        .enumerate()
        // A council's view: its own indicators and the shared-service indicators for it.
        .filter(|(_, i)| q.councils.is_empty() || q.councils.iter().any(|c| i.serves(c)))
        .filter(|(_, i)| q.services.is_empty() || q.services.contains(&i.service))
        .filter(|(_, i)| q.frequencies.is_empty() || q.frequencies.contains(&i.frequency))
        .filter(|(_, i)| !q.key_only || i.key)
        .filter(|(n, _)| words.is_empty() || index.matches(*n, &words))
        .filter_map(|(n, i)| {
            let at = engine.as_ref().map(|e| e.indicator(i));
            let rag = at.as_ref().map_or(Rag::NoData, |a| a.status.rag);
            if !q.statuses.is_empty() && !q.statuses.contains(&rag) {
                return None;
            }
            let differs = at.as_ref().and_then(|a| a.status.differs());
            if q.differs_only && differs.is_none() {
                return None;
            }
            let spc = variations.get(n).copied().flatten();
            if q.spc_concern && spc != Some(Variation::Concern) {
                return None;
            }
            let value = at.as_ref().and_then(|a| a.status.value);
            Some(Row {
                index: n,
                rag,
                manual: at.as_ref().is_some_and(|a| a.status.manual),
                differs,
                period: value.map(|v| v.period),
                actual: value.and_then(|v| v.actual),
                target: value.and_then(|v| v.target),
                variance_pct: value.and_then(variance).and_then(|v| v.percent),
                short: at.as_ref().and_then(|a| a.short_term).map(|t| t.direction),
                long: at.as_ref().and_then(|a| a.long_term).map(|t| t.direction),
                trend: engine.as_ref().and_then(|e| e.trend(i).direction),
                as_at: at.as_ref().and_then(|a| a.as_at),
                spc,
            })
        })
        .collect();
    if let Some(key) = q.sort {
        let inds = &ds.indicators;
        let desc = q.descending;
        let text = |t: &str| (!t.trim().is_empty()).then(|| t.to_lowercase());
        let dir = |d: Option<Direction>| d.map(dir_rank);
        rows.sort_by(|a, b| {
            let (ia, ib) = (&inds[a.index], &inds[b.index]);
            // Blanks last in both directions: `cmp_cells` reverses values, never blanks.
            let o = match key {
                SortKey::Name => cmp_cells(text(&ia.name), text(&ib.name), desc),
                SortKey::Council => cmp_cells(
                    text(&ds.scope_name(&ia.scope)),
                    text(&ds.scope_name(&ib.scope)),
                    desc,
                ),
                SortKey::Service => cmp_cells(
                    text(ds.service_name(&ia.service)),
                    text(ds.service_name(&ib.service)),
                    desc,
                ),
                SortKey::Period => cmp_cells(a.period, b.period, desc),
                SortKey::Actual => cmp_cells(a.actual, b.actual, desc),
                SortKey::Target => cmp_cells(a.target, b.target, desc),
                SortKey::Status => cmp_cells(Some(rag_rank(a.rag)), Some(rag_rank(b.rag)), desc),
                SortKey::Variance => cmp_cells(a.variance_pct, b.variance_pct, desc),
                SortKey::ShortTerm => cmp_cells(dir(a.short), dir(b.short), desc),
                SortKey::LongTerm => cmp_cells(dir(a.long), dir(b.long), desc),
                SortKey::Trend => cmp_cells(dir(a.trend), dir(b.trend), desc),
            };
            // Ties keep the data's order, so the list is stable.
            o.then(a.index.cmp(&b.index))
        });
    }
    Filtered { rows, period }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_filters_counts_each_choice() {
        let mut q = IndicatorQuery::default();
        assert_eq!(q.active_filters(), 0);
        q.councils = vec!["a".into(), "b".into()];
        q.key_only = true;
        q.sort = Some(SortKey::Name);
        q.descending = true;
        assert_eq!(q.active_filters(), 3, "sort is not a filter");
        q.text = "  ".into();
        assert_eq!(q.active_filters(), 3, "a blank search is not a filter");
        q.text = "waste".into();
        assert_eq!(q.active_filters(), 4);
        assert_eq!(q.cleared().active_filters(), 0);
    }
    use crate::route::Route;

    fn ds() -> Dataset {
        crate::parse_dataset(
            &serde_json::json!({
                "format": "golden-thread/1", "title": "t", "organisation": "o",
                "councils": [ { "id": "havering", "name": "Havering", "short": "LBH" },
                              { "id": "bexley", "name": "Bexley", "short": "LBB" } ],
                "services": [ { "id": "ex", "name": "Exchequer", "councils": ["havering", "bexley"] },
                              { "id": "ict", "name": "ICT", "councils": ["havering"] } ],
                "indicators": [
                    { "id": "A", "name": "% of invoices paid on time", "service": "ex", "council": "bexley",
                      "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q1", "target": 90, "actual": 80, "commentary": "Backlog in August" },
                                  { "period": "2019-20-Q2", "target": 90, "actual": 70 } ] },
                    { "id": "B", "name": "ICT incidents resolved", "service": "ict", "council": "havering",
                      "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 95 } ] },
                    { "id": "C", "name": "Invoices disputed", "service": "ex", "council": "havering",
                      "frequency": "quarterly", "polarity": "lower", "key": true,
                      "values": [ { "period": "2019-20-Q2", "target": 10, "actual": 10.5 } ] }
                ]
            })
            .to_string(),
        )
        .unwrap()
    }

    fn ids(ds: &Dataset, f: &Filtered) -> Vec<String> {
        f.rows
            .iter()
            .map(|r| ds.indicators[r.index].id.clone())
            .collect()
    }

    fn view(ds: &Dataset, hash: &str) -> (Vec<String>, Vec<String>) {
        let (q, notes) = IndicatorQuery::from_location(&Location::parse(hash), ds);
        let idx = SearchIndex::new(ds);
        let f = apply(ds, &idx, &q, crate::engine::default_period(ds));
        (ids(ds, &f), notes)
    }

    #[test]
    fn filters_combine() {
        let d = ds();
        assert_eq!(view(&d, "#/indicators").0, ["A", "B", "C"]);
        assert_eq!(view(&d, "#/indicators?council=bexley").0, ["A"]);
        assert_eq!(view(&d, "#/indicators?council=LBH").0, ["B", "C"]);
        assert_eq!(view(&d, "#/indicators?status=red,amber").0, ["A", "C"]);
        assert_eq!(
            view(&d, "#/indicators?status=amber&council=havering").0,
            ["C"]
        );
        assert_eq!(view(&d, "#/indicators?service=ict").0, ["B"]);
        assert_eq!(view(&d, "#/indicators?key=1").0, ["C"]);
        assert_eq!(view(&d, "#/indicators?q=invoice").0, ["A", "C"]);
        // Commentary is searched too, and every word must match.
        assert_eq!(view(&d, "#/indicators?q=backlog+august").0, ["A"]);
        assert_eq!(
            view(&d, "#/indicators?q=backlog+july").0,
            Vec::<String>::new()
        );
        // An earlier period rates differently.
        assert_eq!(
            view(&d, "#/indicators?period=2019-20-Q1&status=red").0,
            ["A"]
        );
    }

    #[test]
    fn sorting_by_status_and_value() {
        let d = ds();
        assert_eq!(view(&d, "#/indicators?sort=status").0, ["A", "C", "B"]);
        assert_eq!(view(&d, "#/indicators?sort=-status").0, ["B", "C", "A"]);
        assert_eq!(view(&d, "#/indicators?sort=actual").0, ["C", "A", "B"]);
        assert_eq!(view(&d, "#/indicators?sort=-name").0, ["C", "B", "A"]);
        assert_eq!(view(&d, "#/indicators?sort=council").0, ["A", "B", "C"]);
    }

    #[test]
    fn unknown_and_malformed_parameters_become_notes() {
        let d = ds();
        let (rows, notes) = view(
            &d,
            "#/indicators?council=hackney&status=purple&period=2019-20-Q5&colour=blue&sort=size&page=x&key=maybe",
        );
        assert_eq!(
            rows,
            ["A", "B", "C"],
            "bad parameters are ignored, not fatal"
        );
        assert_eq!(notes.len(), 7, "{notes:?}");
        assert!(notes
            .iter()
            .any(|n| n == "council \"hackney\" is not in this data"));
        assert!(notes.iter().any(|n| n == "\"colour\" is not a filter"));
        assert!(notes
            .iter()
            .any(|n| n.starts_with("period: \"2019-20-Q5\" is not a period")));
    }

    #[test]
    fn url_round_trip() {
        let d = ds();
        let loc = Location::parse(
            "#/indicators?council=bexley&status=red,amber&period=2019-20-Q2&q=invoice&sort=-actual&page=2&key=1&frequency=quarterly&service=ex",
        );
        let (q, notes) = IndicatorQuery::from_location(&loc, &d);
        assert!(notes.is_empty(), "{notes:?}");
        let again = q.to_location();
        assert_eq!(again.route, Route::Indicators);
        assert_eq!(IndicatorQuery::from_location(&again, &d).0, q);
        assert_eq!(
            again.to_hash(),
            "#/indicators?council=bexley&service=ex&status=red,amber&frequency=quarterly&key=1&period=2019-20-Q2&q=invoice&sort=-actual&page=2"
        );
        let cleared = q.cleared();
        assert!(!cleared.is_filtered());
        assert_eq!(
            cleared.to_location().to_hash(),
            "#/indicators?period=2019-20-Q2&sort=-actual"
        );
    }
}
