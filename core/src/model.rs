//! The dataset: plain data, no signals, no browser types. One JSON file (format
//! `golden-thread/1`, documented in docs/data-format.md) holds one `Dataset`.
//!
//! Every struct keeps the fields it does not know in `extra`, so a file written by a newer app
//! loses nothing when this app saves it again.

use crate::period::Period;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

/// The format this app reads and writes.
pub const FORMAT: &str = "golden-thread/1";
/// The format version number this app reads and writes.
pub const FORMAT_VERSION: u32 = 1;

pub type Extra = Map<String, Value>;

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
    pub councils: Vec<Council>,
    pub services: Vec<Service>,
    pub priorities: Vec<Priority>,
    pub themes: Vec<Theme>,
    pub indicators: Vec<Indicator>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Council {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
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
    pub service: String,
    pub council: String,
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
        v.sort();
        v.dedup();
        v
    }
    /// The name of a council, or its id if unknown.
    pub fn council_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.council(id).map(|c| c.name.as_str()).unwrap_or(id)
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
        serde_json::to_string_pretty(self).expect("a dataset always serialises")
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
}

impl Dataset {
    /// Puts every list of dated updates and values in period order (done once after reading,
    /// so that the rest of the app may rely on it).
    pub fn normalise(&mut self) {
        for i in &mut self.indicators {
            i.values.sort_by_key(|v| v.period);
        }
        for p in &mut self.priorities {
            for x in &mut p.projects {
                x.updates.sort_by_key(|u| u.period);
            }
        }
        for t in &mut self.themes {
            for a in &mut t.areas {
                for x in &mut a.actions {
                    x.updates.sort_by_key(|u| u.period);
                }
            }
        }
    }
}
