//! The exception report in groups: Red first, Amber behind a disclosure, and on request one
//! group per council or per service (`?group=council` / `?group=service` on the overview).
//! The engine decides what is an exception and in which order; this decides the groups, so
//! the overview only renders them.

use super::{Engine, Exception};
use crate::model::{Indicator, Rag, Scope};
use crate::route::Location;

/// How the exception report is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExceptionGrouping {
    /// One list: every Red, then the Amber ones.
    #[default]
    Status,
    /// One group per council, in the data's order, then the shared-service indicators.
    Council,
    /// One group per service, in the data's order.
    Service,
}

impl ExceptionGrouping {
    pub const ALL: [ExceptionGrouping; 3] = [
        ExceptionGrouping::Status,
        ExceptionGrouping::Council,
        ExceptionGrouping::Service,
    ];

    /// The word in the link (`group=`); the default has none.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExceptionGrouping::Status => "",
            ExceptionGrouping::Council => "council",
            ExceptionGrouping::Service => "service",
        }
    }

    /// For the control that chooses it.
    pub fn label(&self) -> &'static str {
        match self {
            ExceptionGrouping::Status => "Red first, then Amber",
            ExceptionGrouping::Council => "By council",
            ExceptionGrouping::Service => "By service",
        }
    }

    /// Reads `group=` from a link; anything else is the default, with a note saying so.
    pub fn from_location(loc: &Location) -> (ExceptionGrouping, Option<String>) {
        match loc.get("group").map(str::trim) {
            None | Some("") => (ExceptionGrouping::Status, None),
            Some(w) => match ExceptionGrouping::ALL
                .into_iter()
                .find(|g| !g.as_str().is_empty() && g.as_str().eq_ignore_ascii_case(w))
            {
                Some(g) => (g, None),
                None => (
                    ExceptionGrouping::Status,
                    Some(format!(
                        "group \"{w}\" is not a grouping (use council or service)"
                    )),
                ),
            },
        }
    }

    /// The link with this grouping (other parameters kept: the period, the data file).
    pub fn in_location(&self, loc: Location) -> Location {
        loc.with("group", self.as_str())
    }
}

/// One group of the exception report: its heading (none for the default single group) and
/// its Red and Amber exceptions, each in the engine's order.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptionGroup<'a> {
    /// A council's or service's id, "shared" for shared-service indicators, "all" for the
    /// single group.
    pub key: String,
    /// "London Borough of Havering", "Exchequer", "Shared-service indicators"; None for the
    /// single group.
    pub heading: Option<String>,
    pub red: Vec<Exception<'a>>,
    pub amber: Vec<Exception<'a>>,
}

impl ExceptionGroup<'_> {
    pub fn len(&self) -> usize {
        self.red.len() + self.amber.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// "Show 27 Amber indicators" (the disclosure's words), None when there are none.
    pub fn show_amber_words(&self) -> Option<String> {
        match self.amber.len() {
            0 => None,
            1 => Some("Show 1 Amber indicator".to_string()),
            n => Some(format!("Show {n} Amber indicators")),
        }
    }
}

impl<'a> Engine<'a> {
    /// The exception report for the period (every Amber and Red indicator that `keep`
    /// accepts) in groups: one group without a heading, or one per council (in the data's
    /// order, shared-service indicators last) or per service (in the data's order). Groups
    /// with no exception are left out. Within a group, Red and Amber keep the engine's order.
    pub fn exception_groups(
        &self,
        by: ExceptionGrouping,
        keep: impl Fn(&Indicator) -> bool,
    ) -> Vec<ExceptionGroup<'a>> {
        let all = self.exceptions(keep);
        let group = |key: String, heading: Option<String>, of: &dyn Fn(&Exception) -> bool| {
            let (red, amber): (Vec<Exception<'a>>, Vec<Exception<'a>>) = all
                .iter()
                .filter(|e| of(e))
                .cloned()
                .partition(|e| e.rag == Rag::Red);
            ExceptionGroup {
                key,
                heading,
                red,
                amber,
            }
        };
        let ds = self.ds;
        let groups: Vec<ExceptionGroup<'a>> = match by {
            ExceptionGrouping::Status => vec![group("all".into(), None, &|_| true)],
            ExceptionGrouping::Council => ds
                .councils
                .iter()
                .map(|c| {
                    group(
                        c.id.clone(),
                        Some(c.name.clone()),
                        &|e| matches!(&e.indicator.scope, Scope::Council(id) if *id == c.id),
                    )
                })
                .chain(std::iter::once(group(
                    "shared".into(),
                    Some("Shared-service indicators".into()),
                    &|e| e.indicator.is_shared(),
                )))
                .collect(),
            ExceptionGrouping::Service => ds
                .services
                .iter()
                .map(|s| {
                    group(s.id.clone(), Some(s.name.clone()), &|e| {
                        e.indicator.service == s.id
                    })
                })
                .collect(),
        };
        groups.into_iter().filter(|g| !g.is_empty()).collect()
    }
}
