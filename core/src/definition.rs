//! Shared definitions: the measures several councils report the same way, declared once in the
//! data (`"definitions"`) and pointed to by each council's own indicator (`"definition"`), so
//! that the councils can be compared side by side (see [`crate::engine::compare`]). Nothing is
//! guessed from indicator names: two indicators are the same measure only when the data says
//! so.
//!
//! This module checks the declarations (every problem with its path) and finds a definition's
//! indicators. A format v1 file without definitions reads as before: nothing to compare.

use crate::model::{Dataset, Definition, Indicator, Polarity, Scope};
use crate::read::Problem;
use std::collections::HashMap;

impl Dataset {
    /// A shared definition by id.
    pub fn definition(&self, id: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.id == id)
    }

    /// The councils' own indicators that report a definition, in the data's council order.
    pub fn indicators_of(&self, definition: &str) -> Vec<&Indicator> {
        self.councils
            .iter()
            .filter_map(|c| {
                self.indicators
                    .iter()
                    .find(|i| i.is_own(&c.id) && i.definition.as_deref() == Some(definition))
            })
            .collect()
    }
}

/// Checks the definitions and the indicators that point to them, once the file reads cleanly:
/// ids unique, every `definition` known, only councils' own indicators, one indicator per
/// council, and the same unit and (when rated) the same better direction throughout.
pub fn check(ds: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut err = |path: String, message: String| out.push(Problem { path, message });
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, d) in ds.definitions.iter().enumerate() {
        if d.id.is_empty() {
            continue;
        }
        match first.get(d.id.as_str()) {
            Some(j) => err(
                format!("definitions[{i}].id"),
                format!(
                    "definition id \"{}\" is used twice (first at definitions[{j}])",
                    d.id
                ),
            ),
            None => {
                first.insert(d.id.as_str(), i);
            }
        }
    }
    let known = {
        let ids: Vec<&str> = ds.definitions.iter().map(|d| d.id.as_str()).collect();
        if ids.is_empty() {
            "the file has no \"definitions\" list: declare it there first".to_string()
        } else {
            format!("known: {}", crate::read::known(&ids))
        }
    };
    // The first indicator seen for each (definition, council), and for each definition.
    let mut per_council: HashMap<(&str, &str), usize> = HashMap::new();
    let mut per_definition: HashMap<&str, usize> = HashMap::new();
    for (n, ind) in ds.indicators.iter().enumerate() {
        let Some(def) = ind.definition.as_deref() else {
            continue;
        };
        let path = format!("indicators[{n}]");
        if !first.contains_key(def) {
            err(
                format!("{path}.definition"),
                format!("unknown definition \"{def}\" ({known})"),
            );
            continue;
        }
        let Scope::Council(council) = &ind.scope else {
            err(
                format!("{path}.definition"),
                format!("\"{def}\" is given on a shared-service indicator; a definition compares councils' own indicators (\"council\": \"…\"), so leave it out here"),
            );
            continue;
        };
        if let Some(j) = per_council.get(&(def, council.as_str())) {
            err(
                format!("{path}.definition"),
                format!("council \"{council}\" already reports definition \"{def}\" (indicators[{j}]); give each council one indicator per definition"),
            );
            continue;
        }
        per_council.insert((def, council.as_str()), n);
        let Some(&j) = per_definition.get(def) else {
            per_definition.insert(def, n);
            continue;
        };
        let other = &ds.indicators[j];
        if ind.unit.as_deref().map(str::trim) != other.unit.as_deref().map(str::trim) {
            let show = |u: Option<&str>| match u {
                Some(u) => format!("\"{u}\""),
                None => "no unit".to_string(),
            };
            err(
                format!("{path}.unit"),
                format!(
                    "{} differs from {} of indicators[{j}], which reports the same definition \"{def}\"; one measure has one unit",
                    show(ind.unit.as_deref()),
                    show(other.unit.as_deref())
                ),
            );
        }
        let opposite = matches!(
            (ind.polarity, other.polarity),
            (Polarity::Higher, Polarity::Lower) | (Polarity::Lower, Polarity::Higher)
        );
        if opposite {
            err(
                format!("{path}.polarity"),
                format!(
                    "\"{}\" is the opposite of \"{}\" of indicators[{j}], which reports the same definition \"{def}\"; one measure is better the same way for every council",
                    ind.polarity, other.polarity
                ),
            );
        }
    }
    out
}
