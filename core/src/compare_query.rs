//! The Compare page's view state, read from and written to the URL query like the indicator
//! list's ([`crate::filter`]). The parameter names are a public contract: `definition` (the
//! shared measure), `council` and `service` (comma lists of ids; a council may be given by its
//! short code), `period`.

use crate::filter::{read_councils, read_services, IndicatorQuery};
use crate::model::*;
use crate::period::Period;
use crate::route::{Location, Route};

/// What a link to `#/compare` reproduces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareQuery {
    /// The shared definition compared (an id in the data's `definitions`).
    pub definition: Option<String>,
    /// The councils in view (none: every council).
    pub councils: Vec<String>,
    /// The services in view in the grid (none: every service).
    pub services: Vec<String>,
    pub period: Option<Period>,
}

impl CompareQuery {
    /// Reads the view from a location. Anything unknown or malformed is left out and described
    /// in the returned notes, never an error.
    pub fn from_location(loc: &Location, ds: &Dataset) -> (CompareQuery, Vec<String>) {
        let mut q = CompareQuery::default();
        let mut notes = Vec::new();
        for (k, v) in &loc.query {
            match k.as_str() {
                "definition" => {
                    let v = v.trim();
                    match ds.definitions.iter().find(|d| d.id.eq_ignore_ascii_case(v)) {
                        Some(d) => q.definition = Some(d.id.clone()),
                        None if v.is_empty() => {}
                        None => notes.push(format!(
                            "definition \"{v}\" is not a shared measure in this data"
                        )),
                    }
                }
                "council" => read_councils(v, ds, &mut q.councils, &mut notes),
                "service" => read_services(v, ds, &mut q.services, &mut notes),
                // A period that cannot be used is said once, by the app's period note (the same
                // on every page), not again here.
                "period" => q.period = Period::parse(v.trim()).ok(),
                // Parameters other parts of the app own.
                "data" => {}
                other => notes.push(format!("\"{other}\" is not a choice on this page")),
            }
        }
        (q, notes)
    }

    /// The query parameters, in a fixed order, leaving out what is not set.
    pub fn to_query(&self) -> Vec<(String, String)> {
        [
            ("definition", self.definition.clone().unwrap_or_default()),
            ("council", self.councils.join(",")),
            ("service", self.services.join(",")),
            ("period", self.period.map(|p| p.id()).unwrap_or_default()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// This view as a location on the Compare page.
    pub fn to_location(&self) -> Location {
        Location {
            route: Route::Compare,
            query: self.to_query(),
        }
    }

    /// Whether a council is in view.
    pub fn shows_council(&self, c: &Council) -> bool {
        self.councils.is_empty() || self.councils.contains(&c.id)
    }

    /// Whether a service is in view.
    pub fn shows_service(&self, s: &Service) -> bool {
        self.services.is_empty() || self.services.contains(&s.id)
    }

    /// The shared definitions offered: those reported by a council in view in a service in
    /// view, in the data's order.
    pub fn offered<'a>(&self, ds: &'a Dataset) -> Vec<&'a Definition> {
        ds.definitions
            .iter()
            .filter(|d| {
                ds.indicators.iter().any(|i| {
                    i.definition.as_deref() == Some(d.id.as_str())
                        && ds
                            .service(&i.service)
                            .is_some_and(|s| self.shows_service(s))
                        && i.scope
                            .council()
                            .and_then(|c| ds.council(c))
                            .is_some_and(|c| self.shows_council(c))
                })
            })
            .collect()
    }

    /// The definition shown: the link's when it is offered, else the first offered.
    pub fn chosen<'a>(&self, ds: &'a Dataset) -> Option<&'a Definition> {
        let offered = self.offered(ds);
        self.definition
            .as_deref()
            .and_then(|id| offered.iter().find(|d| d.id == id).copied())
            .or_else(|| offered.first().copied())
    }
}

/// The indicator list filtered to one council's own service and one status for a period: what
/// a count in the grid links to (`#/indicators?council=…&service=…&status=…&period=…`).
pub fn list_link(council: &str, service: &str, status: Rag, period: Period) -> String {
    IndicatorQuery {
        councils: vec![council.to_string()],
        services: vec![service.to_string()],
        statuses: vec![status],
        period: Some(period),
        page: 1,
        ..Default::default()
    }
    .to_location()
    .to_hash()
}
