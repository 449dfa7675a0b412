//! The dataset: plain data, no signals, no browser types. One JSON file (format
//! `golden-thread/1`, documented in docs/data-format.md) holds one `Dataset`.
//!
//! Every struct keeps the fields it does not know in `extra`, so a file written by a newer app
//! loses nothing when this app saves it again.

use crate::period::Period;
pub use crate::scheme::{Scheme, SchemeKind};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

/// The format this app reads and writes.
pub const FORMAT: &str = "golden-thread/1";
/// The format version number this app reads and writes.
pub const FORMAT_VERSION: u32 = 1;

pub type Extra = Map<String, Value>;

/// What the shared service is called where a council's name would be: "Shared service".
pub const SHARED_SERVICE: &str = "Shared service";

/// "A", "A and B", "A, B and C".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub format: String,
    pub title: String,
    pub organisation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_tolerance: Option<Tolerance>,
    /// The RAG scheme for every council that gives none of its own (see [`crate::scheme`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag_scheme: Option<Scheme>,
    pub councils: Vec<Council>,
    pub services: Vec<Service>,
    pub priorities: Vec<Priority>,
    pub themes: Vec<Theme>,
    /// The measures several councils report the same way, which their indicators point to
    /// (`"definitions"`, optional; see [`crate::definition`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub definitions: Vec<Definition>,
    pub indicators: Vec<Indicator>,
    /// The covering reports written for the committee packs, one per reporting period
    /// (`"covering_reports"`, optional; read, checked and edited in [`crate::covering`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub covering_reports: Vec<CoveringReport>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Council {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// This council's own RAG scheme, for its own indicators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag_scheme: Option<Scheme>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    /// The councils this service is provided to.
    pub councils: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Priority {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub projects: Vec<Project>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A project or key activity delivering a strategic priority.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Project {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub councils: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub updates: Vec<StatusUpdate>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A quarterly progress update on a project or an improvement action.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusUpdate {
    pub period: Period,
    pub status: WorkStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent_complete: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commentary: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Theme {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub areas: Vec<Area>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An area for improvement within a theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Area {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    pub actions: Vec<Action>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Action {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub councils: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub updates: Vec<StatusUpdate>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The shared definition this indicator reports (an id in `Dataset::definitions`): the
    /// same measure as the other councils' indicators with that definition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    pub service: String,
    /// Whose indicator it is: one council's own, or the shared service's (written as
    /// `council`, or as `shared` / `councils`).
    #[serde(flatten)]
    pub scope: Scope,
    pub frequency: Frequency,
    pub polarity: Polarity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Tolerance>,
    /// This indicator's own RAG scheme (for example `{ "kind": "data_only" }`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag_scheme: Option<Scheme>,
    #[serde(skip_serializing_if = "is_false")]
    pub key: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// The improvement area this indicator measures (an area id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Sorted by period when read.
    pub values: Vec<IndicatorValue>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A measure that several councils report the same way ("Average days to pay supplier
/// invoices"), declared once in the data; each council's indicator points to it with
/// `definition`, so the councils can be compared side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whose an indicator is. A council's own (operational) indicator is counted in that council's
/// figures; a shared-service indicator (one the Joint Committee tracks for the shared service,
/// such as customer satisfaction) is shown in the view of every council it is for and counted in
/// none of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One council's own indicator: `"council": "bexley"` (format v1's only form).
    Council(String),
    /// The shared service as a whole, for every council: `"shared": true`.
    SharedAll,
    /// A shared-service indicator for some councils only (council ids, at least one):
    /// `"councils": ["havering"]`, as for Council Tax collection ("LBH only").
    Shared(Vec<String>),
}

impl Scope {
    /// Whether the indicator is shown in this council's view (its own, or shared for it).
    pub fn serves(&self, council: &str) -> bool {
        match self {
            Scope::Council(c) => c == council,
            Scope::SharedAll => true,
            Scope::Shared(list) => list.iter().any(|c| c == council),
        }
    }

    /// Whether this is one of the council's own indicators, counted in its figures.
    pub fn is_own(&self, council: &str) -> bool {
        matches!(self, Scope::Council(c) if c == council)
    }

    /// Whether the indicator is the shared service's rather than one council's.
    pub fn is_shared(&self) -> bool {
        !matches!(self, Scope::Council(_))
    }

    /// The council whose own indicator it is; None for a shared-service indicator.
    pub fn council(&self) -> Option<&str> {
        match self {
            Scope::Council(c) => Some(c),
            _ => None,
        }
    }
}

impl Serialize for Scope {
    /// The fields of the indicator object: `"council": "…"`, `"shared": true` or
    /// `"councils": […]`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        match self {
            Scope::Council(c) => m.serialize_entry("council", c)?,
            Scope::SharedAll => m.serialize_entry("shared", &true)?,
            Scope::Shared(list) => m.serialize_entry("councils", list)?,
        }
        m.end()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorValue {
    pub period: Period,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    /// A status set by hand, overriding the computed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    /// Why the status was set by hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag_justification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commentary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remedial_action: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Tolerance for Amber: how far a value may miss its target and still be Amber.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tolerance {
    /// A percentage of the target.
    Percent(f64),
    /// An amount in the indicator's unit.
    Absolute(f64),
}

impl Tolerance {
    /// The rule in words for a given unit: "within 10% of target", "within 2 percentage points".
    pub fn describe(&self, unit: Option<&str>) -> String {
        match *self {
            Tolerance::Percent(p) => format!("within {}% of target", crate::fmt::trim_number(p)),
            Tolerance::Absolute(a) => match unit {
                Some("%") => format!(
                    "within {} percentage point{} of target",
                    crate::fmt::trim_number(a),
                    if a == 1.0 { "" } else { "s" }
                ),
                Some(u) if !u.is_empty() => {
                    format!("within {} {} of target", crate::fmt::trim_number(a), u)
                }
                _ => format!("within {} of target", crate::fmt::trim_number(a)),
            },
        }
    }
}

macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident = $word:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The file format's word.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$var => $word),+ }
            }
            /// Reads the file format's word.
            pub fn from_word(s: &str) -> Option<$name> {
                match s { $($word => Some($name::$var),)+ _ => None }
            }
            /// The words allowed, for error messages: "monthly, quarterly, annual".
            pub fn words() -> String {
                [$($word),+].join(", ")
            }
        }
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum!(
    /// How often an indicator is reported.
    Frequency { Monthly = "monthly", Quarterly = "quarterly", Annual = "annual", Biennial = "biennial" }
);
word_enum!(
    /// Which way is better.
    Polarity { Higher = "higher", Lower = "lower", None = "none" }
);
word_enum!(
    /// What a period's figure means.
    Measure { Snapshot = "snapshot", Cumulative = "cumulative", Average = "average" }
);
word_enum!(
    /// Status of an improvement action or a strategic project.
    WorkStatus { NotStarted = "not_started", Green = "green", Amber = "amber", Red = "red", Complete = "complete" }
);
word_enum!(
    /// Red/Amber/Green status of an indicator value, and the states that are neither.
    Rag { Red = "red", Amber = "amber", Green = "green", NoData = "no_data", DataOnly = "data_only", NotDue = "not_due" }
);

impl Frequency {
    pub fn label(&self) -> &'static str {
        match self {
            Frequency::Monthly => "Monthly",
            Frequency::Quarterly => "Quarterly",
            Frequency::Annual => "Annual",
            Frequency::Biennial => "Every two years",
        }
    }
}

impl Polarity {
    pub fn label(&self) -> &'static str {
        match self {
            Polarity::Higher => "Higher is better",
            Polarity::Lower => "Lower is better",
            Polarity::None => "Data only (no better or worse)",
        }
    }
}

impl Measure {
    pub fn label(&self) -> &'static str {
        match self {
            Measure::Snapshot => "Snapshot at the end of the period",
            Measure::Cumulative => "Cumulative, year to date",
            Measure::Average => "Average over the period",
        }
    }
}

impl WorkStatus {
    /// The plain-English word shown with the status.
    pub fn label(&self) -> &'static str {
        match self {
            WorkStatus::NotStarted => "Not started",
            WorkStatus::Green => "On track",
            WorkStatus::Amber => "At risk",
            WorkStatus::Red => "Off track",
            WorkStatus::Complete => "Complete",
        }
    }
}

impl Rag {
    /// The plain-English word shown with the status.
    pub fn label(&self) -> &'static str {
        match self {
            Rag::Green => "On target",
            Rag::Amber => "Near target",
            Rag::Red => "Off target",
            Rag::NoData => "No data yet",
            Rag::DataOnly => "Data only",
            Rag::NotDue => "Not due",
        }
    }

    /// The colour name councils use.
    pub fn colour_word(&self) -> &'static str {
        match self {
            Rag::Green => "Green",
            Rag::Amber => "Amber",
            Rag::Red => "Red",
            Rag::NoData => "No data",
            Rag::DataOnly => "Data only",
            Rag::NotDue => "Not due",
        }
    }

    /// Amber or Red: needs an exception report.
    pub fn is_exception(&self) -> bool {
        matches!(self, Rag::Red | Rag::Amber)
    }
}

impl Dataset {
    pub fn council(&self, id: &str) -> Option<&Council> {
        self.councils.iter().find(|c| c.id == id)
    }
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }
    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.iter().find(|p| p.id == id)
    }
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
    /// An improvement area and the theme it sits in.
    pub fn area(&self, id: &str) -> Option<(&Theme, &Area)> {
        self.themes
            .iter()
            .find_map(|t| t.areas.iter().find(|a| a.id == id).map(|a| (t, a)))
    }
    /// Every improvement action with its theme and area.
    pub fn actions(&self) -> impl Iterator<Item = (&Theme, &Area, &Action)> {
        self.themes.iter().flat_map(|t| {
            t.areas
                .iter()
                .flat_map(move |a| a.actions.iter().map(move |x| (t, a, x)))
        })
    }
    /// Every strategic project with its priority.
    pub fn projects(&self) -> impl Iterator<Item = (&Priority, &Project)> {
        self.priorities
            .iter()
            .flat_map(|p| p.projects.iter().map(move |x| (p, x)))
    }
    /// Every period that has an indicator value, sorted, without repeats.
    pub fn periods(&self) -> Vec<Period> {
        let mut v: Vec<Period> = self
            .indicators
            .iter()
            .flat_map(|i| i.values.iter().map(|v| v.period))
            .collect();
        crate::order::sort(&mut v);
        v.dedup();
        v
    }
    /// The name of a council, or its id if unknown.
    pub fn council_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.council(id).map(|c| c.name.as_str()).unwrap_or(id)
    }
    /// Who an indicator is for, in words: the council's name, "Shared service", or "Shared
    /// service (London Borough of Havering only)".
    pub fn scope_name(&self, scope: &Scope) -> String {
        match scope {
            Scope::Council(c) => self.council_name(c).to_string(),
            Scope::SharedAll => SHARED_SERVICE.to_string(),
            Scope::Shared(list) => {
                let names: Vec<&str> = list.iter().map(|c| self.council_name(c)).collect();
                format!("{SHARED_SERVICE} ({} only)", and_list(&names))
            }
        }
    }
    /// The same, short, for table cells: the council's short code ("LBB"), "Shared" or
    /// "Shared (LBH)".
    pub fn scope_short(&self, scope: &Scope) -> String {
        let short = |c: &str| {
            self.council(c)
                .map(|x| x.short.clone().unwrap_or_else(|| x.name.clone()))
                .unwrap_or_else(|| c.to_string())
        };
        match scope {
            Scope::Council(c) => short(c),
            Scope::SharedAll => "Shared".to_string(),
            Scope::Shared(list) => {
                let names: Vec<String> = list.iter().map(|c| short(c)).collect();
                format!("Shared ({})", names.join(", "))
            }
        }
    }
    /// The ids of the councils an indicator is shown for, in the data's council order.
    pub fn councils_served<'a>(&'a self, scope: &'a Scope) -> Vec<&'a str> {
        self.councils
            .iter()
            .filter(|c| scope.serves(&c.id))
            .map(|c| c.id.as_str())
            .collect()
    }
    /// The name of a service, or its id if unknown.
    pub fn service_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.service(id).map(|s| s.name.as_str()).unwrap_or(id)
    }
    /// The dataset's tolerance, or 10% when the file gives none.
    pub fn tolerance_default(&self) -> Tolerance {
        self.default_tolerance.unwrap_or(Tolerance::Percent(10.0))
    }
    /// Writes the dataset as pretty JSON in format v1.
    pub fn to_json(&self) -> String {
        crate::json::write(self, true).expect("a dataset always serialises")
    }
}

impl IndicatorValue {
    /// An empty value for a period (no figures yet).
    pub fn new(period: Period) -> IndicatorValue {
        IndicatorValue {
            period,
            target: None,
            actual: None,
            rag: None,
            rag_justification: None,
            commentary: None,
            reason: None,
            remedial_action: None,
            extra: Default::default(),
        }
    }
}

impl Indicator {
    /// The value for exactly this period, if any.
    pub fn value(&self, period: &Period) -> Option<&IndicatorValue> {
        self.values.iter().find(|v| v.period == *period)
    }
    pub fn tolerance_or(&self, default: Tolerance) -> Tolerance {
        self.tolerance.unwrap_or(default)
    }
    /// Whether the indicator is shown in this council's view (see [`Scope::serves`]).
    pub fn serves(&self, council: &str) -> bool {
        self.scope.serves(council)
    }
    /// Whether it is one of this council's own indicators, counted in its figures.
    pub fn is_own(&self, council: &str) -> bool {
        self.scope.is_own(council)
    }
    /// Whether it is a shared-service indicator.
    pub fn is_shared(&self) -> bool {
        self.scope.is_shared()
    }
}

impl Dataset {
    /// Puts every list of dated updates and values in period order (done once after reading,
    /// so that the rest of the app may rely on it).
    pub fn normalise(&mut self) {
        for i in &mut self.indicators {
            crate::order::sort_by_key(&mut i.values, &|v| v.period);
        }
        for p in &mut self.priorities {
            for x in &mut p.projects {
                crate::order::sort_by_key(&mut x.updates, &|u| u.period);
            }
        }
        for t in &mut self.themes {
            for a in &mut t.areas {
                for x in &mut a.actions {
                    crate::order::sort_by_key(&mut x.updates, &|u| u.period);
                }
            }
        }
    }
}

impl Period {
    /// Reads a period of an indicator with this frequency: as [`Period::parse`], except that a
    /// `YYYY-NN` that is both a month and a financial year (`2010-11`) is the financial year for
    /// an annual, biennial or quarterly indicator, and the month for a monthly one.
    pub fn parse_for(s: &str, freq: Frequency) -> Result<Period, crate::period::PeriodError> {
        let years_first = match freq {
            Frequency::Monthly => false,
            Frequency::Quarterly | Frequency::Annual | Frequency::Biennial => true,
        };
        Period::parse_with(s, years_first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ambiguous_period_is_read_by_the_indicators_frequency() {
        let year = Period::Year { fy: 2010 };
        let month = Period::Month {
            year: 2010,
            month: 11,
        };
        assert_eq!(Period::parse_for("2010-11", Frequency::Annual), Ok(year));
        assert_eq!(Period::parse_for("2010-11", Frequency::Biennial), Ok(year));
        assert_eq!(Period::parse_for("2010-11", Frequency::Quarterly), Ok(year));
        assert_eq!(Period::parse_for("2010-11", Frequency::Monthly), Ok(month));
    }
}

/// The covering report for one reporting period's committee pack (its fields' labels, reading
/// and editing are in [`crate::covering`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoveringReport {
    /// The reporting period whose pack it covers ("2019-20-Q2").
    pub period: Period,
    /// The meeting's committee ("oneSource Joint Committee").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub financial_summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail_heading: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consultation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_implications: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub financial_implications: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hr_implications: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background_papers: Option<String>,
    /// Fields this app does not know, kept and written back.
    #[serde(flatten)]
    pub extra: Extra,
}
