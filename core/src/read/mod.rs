//! Reading a dataset file: every problem at once, each with its path and a plain message.
//!
//! Reading goes through `serde_json::Value` rather than derived `Deserialize`, so that one bad
//! field does not hide the next one, and unknown fields are kept in `extra`.

use crate::model::*;
use crate::period::Period;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;

mod fast;
mod fields;
mod records;
pub mod size;
mod validate;

use fields::Reader;
pub use validate::validate;

/// One thing wrong with a file: where (`indicators[12].values[3].period`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Reads and validates a dataset from JSON text. Never panics; returns every problem found.
///
/// A clean file is read the fast way (`fast.rs`: the indicators straight into the model); any
/// other file, or one the fast path is not sure of, the slow way below, which finds every
/// problem with its path. Both give the same dataset for every file the fast path reads.
pub fn parse_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
    match parse_quickly(text) {
        Some(ds) => Ok(ds),
        None => parse_slowly(text),
    }
}

/// The fast path alone: the dataset of a clean file, or `None` when the slow path must read it.
/// Public so that tests can compare both paths.
pub fn parse_quickly(text: &str) -> Option<Dataset> {
    fast::parse(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The slow path alone: through `serde_json::Value`, every problem collected with its path.
/// `parse_dataset` uses it when the fast path gives up; public so that tests can compare both.
pub fn parse_slowly(text: &str) -> Result<Dataset, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let what = match e.classify() {
                serde_json::error::Category::Eof => {
                    "the file ends too soon (is it complete?)".to_string()
                }
                _ => {
                    let msg = e.to_string();
                    // serde_json appends " at line L column C"; we say where ourselves.
                    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                    format!("not valid JSON: {msg}")
                }
            };
            return Err(vec![Problem {
                path: format!("line {}, column {}", e.line(), e.column()),
                message: what,
            }]);
        }
    };
    dataset_from_value(&value)
}

/// Reads and validates a dataset from an already-parsed JSON value.
pub fn dataset_from_value(value: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut r = Reader::default();
    let Some(obj) = value.as_object() else {
        return Err(vec![Problem {
            path: String::new(),
            message: format!(
                "the file holds {} where a dataset object {{ \"format\": \"{FORMAT}\", … }} belongs",
                kind(value)
            ),
        }]);
    };
    if let Err(p) = check_format(obj.get("format")) {
        return Err(vec![p]);
    }
    let ds = r.dataset(obj, None);
    if r.problems.is_empty() {
        let mut problems = validate(&ds);
        if problems.is_empty() {
            let mut ds = ds;
            ds.normalise();
            return Ok(ds);
        }
        r.problems.append(&mut problems);
    }
    Err(r.problems)
}

fn check_format(v: Option<&Value>) -> Result<(), Problem> {
    let p = |message: String| Problem {
        path: "format".into(),
        message,
    };
    let s = match v {
        None => {
            return Err(p(format!(
                "missing: this does not look like a Golden Thread data file (expected \"format\": \"{FORMAT}\")"
            )))
        }
        Some(Value::String(s)) => s.trim(),
        Some(other) => {
            return Err(p(format!(
                "{} where the text \"{FORMAT}\" belongs",
                kind(other)
            )))
        }
    };
    if s == FORMAT {
        return Ok(());
    }
    if let Some(ver) = s.strip_prefix("golden-thread/") {
        return match ver.parse::<u32>() {
            Ok(n) if n > FORMAT_VERSION => Err(p(format!(
                "this file is format version {n}, newer than this app reads (version {FORMAT_VERSION}, \"{FORMAT}\"): open it in a newer version of Golden Thread"
            ))),
            _ => Err(p(format!(
                "\"{s}\" is not a format version this app reads (it reads \"{FORMAT}\")"
            ))),
        };
    }
    Err(p(format!(
        "\"{s}\" is not a Golden Thread format (expected \"{FORMAT}\")"
    )))
}

/// What a JSON value is, in words for a message ("a number", "text").
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Ids for a message, the first twelve and how many more: "a, b, c, … 4 more".
pub(crate) fn known(ids: &[&str]) -> String {
    const MAX: usize = 12;
    let mut seen = HashSet::new();
    let ids: Vec<&str> = ids.iter().copied().filter(|i| seen.insert(*i)).collect();
    let mut s = ids.iter().take(MAX).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > MAX {
        s.push_str(&format!(", … {} more", ids.len() - MAX));
    }
    s
}
