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
pub fn parse_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
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
    let ds = r.dataset(obj);
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

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

/// One object being read: takes fields out by name; what is left becomes `extra`.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
    used: Vec<&'static str>,
}

impl Reader {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn obj<'a>(&mut self, v: &'a Value, path: &str) -> Option<Obj<'a>> {
        match v.as_object() {
            Some(map) => Some(Obj {
                map,
                path: path.to_string(),
                used: Vec::new(),
            }),
            None => {
                self.err(path, format!("{} where an object {{…}} belongs", kind(v)));
                None
            }
        }
    }

    fn field_path(o: &Obj, key: &str) -> String {
        if o.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{}", o.path, key)
        }
    }

    fn get<'a>(&mut self, o: &mut Obj<'a>, key: &'static str) -> Option<&'a Value> {
        o.used.push(key);
        match o.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn opt_str(&mut self, o: &mut Obj, key: &'static str) -> Option<String> {
        let v = self.get(o, key)?;
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            other => {
                let p = Self::field_path(o, key);
                self.err(p, format!("{} where text belongs", kind(other)));
                None
            }
        }
    }

    fn req_str(&mut self, o: &mut Obj, key: &'static str) -> String {
        match self.opt_str(o, key) {
            Some(s) if !s.trim().is_empty() => s,
            Some(_) => {
                let p = Self::field_path(o, key);
                self.err(p, "is empty; it must be given");
                String::new()
            }
            None => {
                if o.map.get(key).is_none_or(|v| v.is_null()) {
                    let p = Self::field_path(o, key);
                    self.err(p, "missing; it must be given");
                }
                String::new()
            }
        }
    }

    fn opt_num(&mut self, o: &mut Obj, key: &'static str) -> Option<f64> {
        let v = self.get(o, key)?;
        match v {
            Value::Number(n) => match n.as_f64() {
                Some(f) if f.is_finite() => Some(f),
                _ => {
                    let p = Self::field_path(o, key);
                    self.err(p, format!("{n} is too large a number"));
                    None
                }
            },
            Value::String(s) => {
                let p = Self::field_path(o, key);
                match crate::number::parse_number(s) {
                    Ok(Some(_)) => self.err(
                        p,
                        format!("\"{s}\" is text; write the number without quotes"),
                    ),
                    _ => self.err(p, format!("\"{s}\" is not a number")),
                }
                None
            }
            other => {
                let p = Self::field_path(o, key);
                self.err(p, format!("{} where a number belongs", kind(other)));
                None
            }
        }
    }

    fn opt_bool(&mut self, o: &mut Obj, key: &'static str) -> bool {
        match self.get(o, key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                let p = Self::field_path(o, key);
                self.err(p, format!("{} where true or false belongs", kind(other)));
                false
            }
        }
    }

    fn opt_date(&mut self, o: &mut Obj, key: &'static str) -> Option<NaiveDate> {
        let s = self.opt_str(o, key)?;
        match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                let p = Self::field_path(o, key);
                self.err(
                    p,
                    format!("\"{s}\" is not a date (expected YYYY-MM-DD, e.g. 2019-09-30)"),
                );
                None
            }
        }
    }

    fn word<T>(
        &mut self,
        o: &mut Obj,
        key: &'static str,
        from: fn(&str) -> Option<T>,
        words: fn() -> String,
    ) -> Option<T> {
        let s = self.opt_str(o, key)?;
        match from(s.trim()) {
            Some(t) => Some(t),
            None => {
                let p = Self::field_path(o, key);
                self.err(
                    p,
                    format!("\"{s}\" is not one of the allowed words ({})", words()),
                );
                None
            }
        }
    }

    fn period(&mut self, o: &mut Obj, key: &'static str) -> Period {
        self.period_for(o, key, None)
    }

    /// A period read knowing the indicator's frequency (when given): an annual value written
    /// `2010-11` is the year 2010/11, not November 2010 (see [`Period::parse_for`]).
    fn period_for(&mut self, o: &mut Obj, key: &'static str, freq: Option<Frequency>) -> Period {
        let parse = |s: &str| match freq {
            Some(f) => Period::parse_for(s, f),
            None => Period::parse(s),
        };
        match self.opt_str(o, key) {
            Some(s) => match parse(s.trim()) {
                Ok(p) => p,
                Err(e) => {
                    let path = Self::field_path(o, key);
                    self.err(path, e.to_string());
                    Period::Year { fy: 0 }
                }
            },
            None => {
                if o.map.get(key).is_none_or(|v| v.is_null()) {
                    let path = Self::field_path(o, key);
                    self.err(path, "missing; it must be given (e.g. 2019-20-Q2)");
                }
                Period::Year { fy: 0 }
            }
        }
    }

    fn str_list(&mut self, o: &mut Obj, key: &'static str) -> Vec<String> {
        let Some(v) = self.get(o, key) else {
            return Vec::new();
        };
        let path = Self::field_path(o, key);
        match v {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        other => self.err(
                            format!("{path}[{i}]"),
                            format!("{} where text belongs", kind(other)),
                        ),
                    }
                }
                out
            }
            other => {
                self.err(
                    path,
                    format!("{} where a list [\"…\"] belongs", kind(other)),
                );
                Vec::new()
            }
        }
    }

    fn list<T>(
        &mut self,
        o: &mut Obj,
        key: &'static str,
        required: bool,
        mut each: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        let path = Self::field_path(o, key);
        let Some(v) = self.get(o, key) else {
            if required {
                self.err(path, "missing; it must be given (use [] for none)");
            }
            return Vec::new();
        };
        match v {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| each(self, item, &format!("{path}[{i}]")))
                .collect(),
            other => {
                self.err(path, format!("{} where a list […] belongs", kind(other)));
                Vec::new()
            }
        }
    }

    fn tolerance(&mut self, o: &mut Obj, key: &'static str) -> Option<Tolerance> {
        let v = self.get(o, key)?;
        let path = Self::field_path(o, key);
        let mut t = self.obj(v, &path)?;
        let pct = self.opt_num(&mut t, "percent");
        let abs = self.opt_num(&mut t, "absolute");
        let out = match (pct, abs) {
            (Some(p), None) => Some(Tolerance::Percent(p)),
            (None, Some(a)) => Some(Tolerance::Absolute(a)),
            (Some(_), Some(_)) => {
                self.err(&path, "give either \"percent\" or \"absolute\", not both");
                None
            }
            (None, None) => {
                if t.map.get("percent").is_none() && t.map.get("absolute").is_none() {
                    self.err(
                        &path,
                        "needs \"percent\" (of target) or \"absolute\" (in the indicator's unit), e.g. { \"percent\": 10 }",
                    );
                }
                None
            }
        };
        if let Some(Tolerance::Percent(x) | Tolerance::Absolute(x)) = out {
            if x < 0.0 {
                self.err(&path, format!("{x} is negative; a tolerance is 0 or more"));
            }
        }
        out
    }

    fn scheme(&mut self, o: &mut Obj, key: &'static str) -> Option<crate::scheme::Scheme> {
        let v = self.get(o, key)?;
        let path = Self::field_path(o, key);
        match crate::scheme::read(v, &path) {
            Ok(s) => Some(s),
            Err(problems) => {
                for (p, m) in problems {
                    self.err(p, m);
                }
                None
            }
        }
    }

    fn extra(&mut self, o: Obj) -> Extra {
        o.map
            .iter()
            .filter(|(k, _)| !o.used.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    fn dataset(&mut self, map: &Map<String, Value>) -> Dataset {
        let mut o = Obj {
            map,
            path: String::new(),
            used: Vec::new(),
        };
        let format = self.req_str(&mut o, "format");
        let title = self.req_str(&mut o, "title");
        let organisation = self.req_str(&mut o, "organisation");
        let description = self.opt_str(&mut o, "description");
        let as_of = self.opt_date(&mut o, "as_of");
        let default_tolerance = self.tolerance(&mut o, "default_tolerance");
        let rag_scheme = self.scheme(&mut o, "rag_scheme");
        let councils = self.list(&mut o, "councils", true, |r, v, p| {
            let mut o = r.obj(v, p)?;
            Some(Council {
                id: r.req_str(&mut o, "id"),
                name: r.req_str(&mut o, "name"),
                short: r.opt_str(&mut o, "short"),
                rag_scheme: r.scheme(&mut o, "rag_scheme"),
                extra: r.extra(o),
            })
        });
        let services = self.list(&mut o, "services", true, |r, v, p| {
            let mut o = r.obj(v, p)?;
            Some(Service {
                id: r.req_str(&mut o, "id"),
                name: r.req_str(&mut o, "name"),
                councils: r.str_list(&mut o, "councils"),
                extra: r.extra(o),
            })
        });
        let priorities = self.list(&mut o, "priorities", false, |r, v, p| {
            let mut o = r.obj(v, p)?;
            Some(Priority {
                id: r.req_str(&mut o, "id"),
                title: r.req_str(&mut o, "title"),
                description: r.opt_str(&mut o, "description"),
                projects: r.list(&mut o, "projects", false, |r, v, p| {
                    let mut o = r.obj(v, p)?;
                    Some(Project {
                        id: r.req_str(&mut o, "id"),
                        title: r.req_str(&mut o, "title"),
                        description: r.opt_str(&mut o, "description"),
                        service: r.opt_str(&mut o, "service"),
                        councils: r.str_list(&mut o, "councils"),
                        owner: r.opt_str(&mut o, "owner"),
                        due: r.opt_date(&mut o, "due"),
                        updates: r.updates(&mut o),
                        extra: r.extra(o),
                    })
                }),
                extra: r.extra(o),
            })
        });
        let themes = self.list(&mut o, "themes", false, |r, v, p| {
            let mut o = r.obj(v, p)?;
            Some(Theme {
                id: r.req_str(&mut o, "id"),
                title: r.req_str(&mut o, "title"),
                description: r.opt_str(&mut o, "description"),
                areas: r.list(&mut o, "areas", false, |r, v, p| {
                    let mut o = r.obj(v, p)?;
                    Some(Area {
                        id: r.req_str(&mut o, "id"),
                        title: r.req_str(&mut o, "title"),
                        description: r.opt_str(&mut o, "description"),
                        service: r.opt_str(&mut o, "service"),
                        priority: r.opt_str(&mut o, "priority"),
                        actions: r.list(&mut o, "actions", false, |r, v, p| {
                            let mut o = r.obj(v, p)?;
                            Some(Action {
                                id: r.req_str(&mut o, "id"),
                                title: r.req_str(&mut o, "title"),
                                owner: r.opt_str(&mut o, "owner"),
                                councils: r.str_list(&mut o, "councils"),
                                due: r.opt_date(&mut o, "due"),
                                updates: r.updates(&mut o),
                                extra: r.extra(o),
                            })
                        }),
                        extra: r.extra(o),
                    })
                }),
                extra: r.extra(o),
            })
        });
        let definitions = self.list(&mut o, "definitions", false, |r, v, p| {
            let mut o = r.obj(v, p)?;
            Some(Definition {
                id: r.req_str(&mut o, "id"),
                name: r.req_str(&mut o, "name"),
                description: r.opt_str(&mut o, "description"),
                extra: r.extra(o),
            })
        });
        let indicators = self.list(&mut o, "indicators", true, |r, v, p| r.indicator(v, p));
        let covering = self.get(&mut o, "covering_reports");
        let covering_reports = crate::covering::read(covering, &mut self.problems);
        Dataset {
            format,
            title,
            organisation,
            description,
            as_of,
            default_tolerance,
            rag_scheme,
            councils,
            services,
            priorities,
            themes,
            definitions,
            indicators,
            covering_reports,
            extra: self.extra(o),
        }
    }

    fn updates(&mut self, o: &mut Obj) -> Vec<StatusUpdate> {
        self.list(o, "updates", false, |r, v, p| {
            let mut o = r.obj(v, p)?;
            let period = r.period(&mut o, "period");
            let status = r.word(&mut o, "status", WorkStatus::from_word, WorkStatus::words);
            if status.is_none() && o.map.get("status").is_none_or(|v| v.is_null()) {
                let path = format!("{p}.status");
                r.err(
                    path,
                    format!("missing; it must be one of {}", WorkStatus::words()),
                );
            }
            let percent_complete = r.opt_num(&mut o, "percent_complete");
            if let Some(pc) = percent_complete {
                if !(0.0..=100.0).contains(&pc) {
                    r.err(
                        format!("{p}.percent_complete"),
                        format!("{pc} is outside 0–100"),
                    );
                }
            }
            Some(StatusUpdate {
                period,
                status: status.unwrap_or(WorkStatus::NotStarted),
                percent_complete,
                commentary: r.opt_str(&mut o, "commentary"),
                extra: r.extra(o),
            })
        })
    }

    /// Whose an indicator is: `"council": "bexley"` (one council's own, format v1's only
    /// form), `"shared": true` (the shared service, for every council) or `"councils": [...]`
    /// (a shared-service indicator for those councils; `"shared": true` may be given too).
    fn scope(&mut self, o: &mut Obj) -> Scope {
        let given = |o: &Obj, key: &str| o.map.get(key).is_some_and(|v| !v.is_null());
        let has_council = given(o, "council");
        let has_councils = given(o, "councils");
        let shared = match self.get(o, "shared") {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                let p = Self::field_path(o, "shared");
                self.err(p, format!("{} where true or false belongs", kind(other)));
                None
            }
        };
        let councils = self.str_list(o, "councils");
        if has_council && (has_councils || shared == Some(true)) {
            self.get(o, "council");
            let p = Self::field_path(o, "council");
            let other = if has_councils { "councils" } else { "shared" };
            self.err(
                p,
                format!("given together with \"{other}\": give either \"council\" (one council's own indicator) or \"shared\": true / \"councils\": [\"…\"] (a shared-service indicator), not both"),
            );
            return Scope::SharedAll;
        }
        if has_councils {
            let p = Self::field_path(o, "councils");
            if shared == Some(false) {
                let p = Self::field_path(o, "shared");
                self.err(
                    p,
                    "is false, but a \"councils\" list makes a shared-service indicator: leave out \"shared\" (or set it to true), or give one council's own indicator as \"council\": \"…\"",
                );
            } else if councils.is_empty() && o.map.get("councils").is_some_and(Value::is_array) {
                self.err(
                    p,
                    "is empty: name the councils this shared-service indicator is for, or write \"shared\": true for every council",
                );
            } else {
                let mut seen = HashSet::new();
                for (j, c) in councils.iter().enumerate() {
                    if c.trim().is_empty() {
                        self.err(format!("{p}[{j}]"), "is empty; give a council id");
                    } else if !seen.insert(c.as_str()) {
                        self.err(
                            format!("{p}[{j}]"),
                            format!("council \"{c}\" is listed twice"),
                        );
                    }
                }
            }
            return Scope::Shared(councils);
        }
        match shared {
            Some(true) => return Scope::SharedAll,
            Some(false) if !has_council => {
                let p = Self::field_path(o, "council");
                self.err(
                    p,
                    "missing: \"shared\" is false, so say which council's own indicator this is (\"council\": \"…\")",
                );
                return Scope::Council(String::new());
            }
            _ => {}
        }
        if !has_council {
            self.get(o, "council");
            let p = Self::field_path(o, "council");
            self.err(
                p,
                "missing; give the council whose indicator this is, or \"shared\": true for a shared-service indicator",
            );
            return Scope::Council(String::new());
        }
        Scope::Council(self.req_str(o, "council"))
    }

    fn indicator(&mut self, v: &Value, p: &str) -> Option<Indicator> {
        let mut o = self.obj(v, p)?;
        let id = self.req_str(&mut o, "id");
        let name = self.req_str(&mut o, "name");
        let description = self.opt_str(&mut o, "description");
        let definition = self.opt_str(&mut o, "definition");
        let service = self.req_str(&mut o, "service");
        let scope = self.scope(&mut o);
        let frequency = self.word(&mut o, "frequency", Frequency::from_word, Frequency::words);
        if frequency.is_none() && o.map.get("frequency").is_none_or(|v| v.is_null()) {
            self.err(
                format!("{p}.frequency"),
                format!("missing; it must be one of {}", Frequency::words()),
            );
        }
        let polarity = self
            .word(&mut o, "polarity", Polarity::from_word, Polarity::words)
            .unwrap_or(Polarity::None);
        let unit = self.opt_str(&mut o, "unit");
        let decimals = match self.opt_num(&mut o, "decimals") {
            Some(d) if d.fract() == 0.0 && (0.0..=6.0).contains(&d) => Some(d as u8),
            Some(d) => {
                self.err(
                    format!("{p}.decimals"),
                    format!("{d} is not a whole number from 0 to 6"),
                );
                None
            }
            None => None,
        };
        let measure = self.word(&mut o, "measure", Measure::from_word, Measure::words);
        let tolerance = self.tolerance(&mut o, "tolerance");
        let rag_scheme = self.scheme(&mut o, "rag_scheme");
        let key = self.opt_bool(&mut o, "key");
        let priority = self.opt_str(&mut o, "priority");
        let theme = self.opt_str(&mut o, "theme");
        let area = self.opt_str(&mut o, "area");
        let owner = self.opt_str(&mut o, "owner");
        // The frequency is read first: it says how an ambiguous period such as 2010-11 reads.
        let values = self.list(&mut o, "values", false, |r, v, p| {
            let mut o = r.obj(v, p)?;
            let period = r.period_for(&mut o, "period", frequency);
            let target = r.opt_num(&mut o, "target");
            let actual = r.opt_num(&mut o, "actual");
            let rag = r.word(&mut o, "rag", Rag::from_word, Rag::words);
            Some(IndicatorValue {
                period,
                target,
                actual,
                rag,
                rag_justification: r.opt_str(&mut o, "rag_justification"),
                commentary: r.opt_str(&mut o, "commentary"),
                reason: r.opt_str(&mut o, "reason"),
                remedial_action: r.opt_str(&mut o, "remedial_action"),
                extra: r.extra(o),
            })
        });
        Some(Indicator {
            id,
            name,
            description,
            definition,
            service,
            scope,
            frequency: frequency.unwrap_or(Frequency::Quarterly),
            polarity,
            unit,
            decimals,
            measure,
            tolerance,
            rag_scheme,
            key,
            priority,
            theme,
            area,
            owner,
            values,
            extra: self.extra(o),
        })
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

/// Checks the meaning of a dataset that was read without type errors: unique ids, every
/// reference resolves, indicators belong to services their council receives, values hold data.
pub fn validate(ds: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut err = |path: String, message: String| out.push(Problem { path, message });

    fn dupes<'a>(
        items: impl Iterator<Item = (String, &'a str)>,
        what: &str,
        err: &mut impl FnMut(String, String),
    ) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (path, id) in items {
            if id.is_empty() {
                continue;
            }
            if let Some(first) = seen.get(id) {
                err(
                    format!("{path}.id"),
                    format!("{what} id \"{id}\" is used twice (first at {first})"),
                );
            } else {
                seen.insert(id, path);
            }
        }
    }
    dupes(
        ds.councils
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("councils[{i}]"), c.id.as_str())),
        "council",
        &mut err,
    );
    dupes(
        ds.services
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("services[{i}]"), c.id.as_str())),
        "service",
        &mut err,
    );
    dupes(
        ds.priorities
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("priorities[{i}]"), c.id.as_str())),
        "priority",
        &mut err,
    );
    dupes(
        ds.themes
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("themes[{i}]"), c.id.as_str())),
        "theme",
        &mut err,
    );
    dupes(
        ds.indicators
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("indicators[{i}]"), c.id.as_str())),
        "indicator",
        &mut err,
    );
    dupes(
        ds.priorities.iter().enumerate().flat_map(|(i, p)| {
            p.projects
                .iter()
                .enumerate()
                .map(move |(j, x)| (format!("priorities[{i}].projects[{j}]"), x.id.as_str()))
        }),
        "project",
        &mut err,
    );
    dupes(
        ds.themes.iter().enumerate().flat_map(|(i, t)| {
            t.areas
                .iter()
                .enumerate()
                .map(move |(j, x)| (format!("themes[{i}].areas[{j}]"), x.id.as_str()))
        }),
        "area",
        &mut err,
    );
    dupes(
        ds.themes.iter().enumerate().flat_map(|(i, t)| {
            t.areas.iter().enumerate().flat_map(move |(j, a)| {
                a.actions.iter().enumerate().map(move |(k, x)| {
                    (
                        format!("themes[{i}].areas[{j}].actions[{k}]"),
                        x.id.as_str(),
                    )
                })
            })
        }),
        "action",
        &mut err,
    );

    let councils: HashSet<&str> = ds.councils.iter().map(|c| c.id.as_str()).collect();
    let council_ids: Vec<&str> = ds.councils.iter().map(|c| c.id.as_str()).collect();
    let services: HashMap<&str, &Service> =
        ds.services.iter().map(|s| (s.id.as_str(), s)).collect();
    let service_ids: Vec<&str> = ds.services.iter().map(|s| s.id.as_str()).collect();
    let priorities: HashSet<&str> = ds.priorities.iter().map(|p| p.id.as_str()).collect();
    let priority_ids: Vec<&str> = ds.priorities.iter().map(|p| p.id.as_str()).collect();
    let themes: HashSet<&str> = ds.themes.iter().map(|t| t.id.as_str()).collect();
    let theme_ids: Vec<&str> = ds.themes.iter().map(|t| t.id.as_str()).collect();
    let area_ids: Vec<&str> = ds
        .themes
        .iter()
        .flat_map(|t| t.areas.iter().map(|a| a.id.as_str()))
        .collect();
    let areas: HashSet<&str> = area_ids.iter().copied().collect();

    let check_council = |path: String, id: &str, err: &mut dyn FnMut(String, String)| {
        if !councils.contains(id) {
            err(
                path,
                format!("unknown council \"{id}\" (known: {})", known(&council_ids)),
            );
        }
    };
    let check_service = |path: String, id: &str, err: &mut dyn FnMut(String, String)| {
        if !services.contains_key(id) {
            err(
                path,
                format!("unknown service \"{id}\" (known: {})", known(&service_ids)),
            );
        }
    };
    let check_priority = |path: String, id: &str, err: &mut dyn FnMut(String, String)| {
        if !priorities.contains(id) {
            err(
                path,
                format!(
                    "unknown priority \"{id}\" (known: {})",
                    known(&priority_ids)
                ),
            );
        }
    };
    let check_periods = |path: &str,
                         periods: &mut dyn Iterator<Item = Period>,
                         err: &mut dyn FnMut(String, String)| {
        let mut seen = HashSet::new();
        for (i, p) in periods.enumerate() {
            if !seen.insert(p) {
                err(
                    format!("{path}[{i}].period"),
                    format!("period {p} appears twice"),
                );
            }
        }
    };

    for (i, s) in ds.services.iter().enumerate() {
        for (j, c) in s.councils.iter().enumerate() {
            check_council(format!("services[{i}].councils[{j}]"), c, &mut err);
        }
    }
    for (i, p) in ds.priorities.iter().enumerate() {
        for (j, x) in p.projects.iter().enumerate() {
            let path = format!("priorities[{i}].projects[{j}]");
            if let Some(s) = &x.service {
                check_service(format!("{path}.service"), s, &mut err);
            }
            for (k, c) in x.councils.iter().enumerate() {
                check_council(format!("{path}.councils[{k}]"), c, &mut err);
            }
            check_periods(
                &format!("{path}.updates"),
                &mut x.updates.iter().map(|u| u.period),
                &mut err,
            );
        }
    }
    for (i, t) in ds.themes.iter().enumerate() {
        for (j, a) in t.areas.iter().enumerate() {
            let path = format!("themes[{i}].areas[{j}]");
            if let Some(s) = &a.service {
                check_service(format!("{path}.service"), s, &mut err);
            }
            if let Some(p) = &a.priority {
                check_priority(format!("{path}.priority"), p, &mut err);
            }
            for (k, x) in a.actions.iter().enumerate() {
                let path = format!("{path}.actions[{k}]");
                for (m, c) in x.councils.iter().enumerate() {
                    check_council(format!("{path}.councils[{m}]"), c, &mut err);
                }
                check_periods(
                    &format!("{path}.updates"),
                    &mut x.updates.iter().map(|u| u.period),
                    &mut err,
                );
            }
        }
    }
    for (i, ind) in ds.indicators.iter().enumerate() {
        let path = format!("indicators[{i}]");
        // The councils the indicator is for, once they are all known.
        let served: Option<Vec<&str>> = match &ind.scope {
            Scope::Council(c) => {
                check_council(format!("{path}.council"), c, &mut err);
                councils.contains(c.as_str()).then(|| vec![c.as_str()])
            }
            Scope::Shared(list) => {
                let mut ok = true;
                for (j, c) in list.iter().enumerate() {
                    if !councils.contains(c.as_str()) {
                        ok = false;
                        check_council(format!("{path}.councils[{j}]"), c, &mut err);
                    }
                }
                ok.then(|| list.iter().map(String::as_str).collect())
            }
            Scope::SharedAll => Some(council_ids.clone()),
        };
        let serves_list = |s: &Service| {
            if s.councils.is_empty() {
                "no council".to_string()
            } else {
                s.councils.join(", ")
            }
        };
        match services.get(ind.service.as_str()) {
            None => check_service(format!("{path}.service"), &ind.service, &mut err),
            Some(s) => match (&ind.scope, served) {
                (Scope::Council(c), Some(_)) if !s.councils.iter().any(|x| x == c) => err(
                    format!("{path}.service"),
                    format!(
                        "service \"{}\" is not provided to council \"{c}\" (it serves: {})",
                        s.id,
                        serves_list(s)
                    ),
                ),
                // A shared-service indicator may cover councils its service does not serve
                // (the customer survey covers all three), but not only such councils.
                (Scope::Shared(_) | Scope::SharedAll, Some(served))
                    if !served.iter().any(|c| s.councils.iter().any(|x| x == c)) =>
                {
                    err(
                        format!("{path}.service"),
                        format!(
                            "service \"{}\" is not provided to any council this shared-service indicator is for ({}; it serves: {})",
                            s.id,
                            if served.is_empty() { "none".to_string() } else { served.join(", ") },
                            serves_list(s)
                        ),
                    )
                }
                _ => {}
            },
        }
        if let Some(p) = &ind.priority {
            check_priority(format!("{path}.priority"), p, &mut err);
        }
        if let Some(t) = &ind.theme {
            if !themes.contains(t.as_str()) {
                err(
                    format!("{path}.theme"),
                    format!("unknown theme \"{t}\" (known: {})", known(&theme_ids)),
                );
            }
        }
        if let Some(a) = &ind.area {
            if !areas.contains(a.as_str()) {
                err(
                    format!("{path}.area"),
                    format!(
                        "unknown improvement area \"{a}\" (known: {})",
                        known(&area_ids)
                    ),
                );
            }
        }
        for (j, v) in ind.values.iter().enumerate() {
            if v.target.is_none() && v.actual.is_none() && v.rag.is_none() {
                err(
                    format!("{path}.values[{j}]"),
                    format!(
                        "the value for {} has neither a target nor an actual",
                        v.period
                    ),
                );
            }
            let kind_ok = matches!(
                (ind.frequency, v.period),
                (Frequency::Monthly, Period::Month { .. })
                    | (Frequency::Quarterly, Period::Quarter { .. })
                    | (Frequency::Annual | Frequency::Biennial, Period::Year { .. })
            );
            if !kind_ok {
                err(
                    format!("{path}.values[{j}].period"),
                    format!(
                        "{} is not a {} period (a {} indicator takes periods like {})",
                        v.period,
                        match ind.frequency {
                            Frequency::Monthly => "monthly",
                            Frequency::Quarterly => "quarterly",
                            _ => "yearly",
                        },
                        ind.frequency,
                        match ind.frequency {
                            Frequency::Monthly => "2019-07",
                            Frequency::Quarterly => "2019-20-Q2",
                            _ => "2019-20",
                        }
                    ),
                );
            }
        }
        check_periods(
            &format!("{path}.values"),
            &mut ind.values.iter().map(|v| v.period),
            &mut err,
        );
    }
    out.extend(crate::definition::check(ds));
    out
}
