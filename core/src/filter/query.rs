//! The indicator list's view state (filters, period, sort, page), read from and written to the
//! URL query. The parameter names are a public contract: `council`, `service`, `status`,
//! `frequency`, `key`, `differs`, `spc`, `period`, `q`, `sort`, `page`.

use crate::model::*;
use crate::period::Period;
use crate::route::Location;

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
