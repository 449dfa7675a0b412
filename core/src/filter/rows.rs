//! One indicator's row in the list for a period, the order statuses and directions sort in,
//! and the rows a view shows with how they split between councils.

use super::query::IndicatorQuery;
use crate::engine::Variation;
use crate::model::*;
use crate::period::Period;
use crate::rag::Direction;

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
