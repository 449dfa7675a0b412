//! The reader's tools: one object's fields taken out by name, each problem kept with its
//! path; what is left over becomes `extra`.

use super::*;

#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
}

/// One object being read: takes fields out by name; what is left becomes `extra`.
pub(super) struct Obj<'a> {
    pub(super) map: &'a Map<String, Value>,
    pub(super) path: String,
    pub(super) used: Vec<&'static str>,
}

impl Reader {
    pub(super) fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    pub(super) fn obj<'a>(&mut self, v: &'a Value, path: &str) -> Option<Obj<'a>> {
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

    pub(super) fn field_path(o: &Obj, key: &str) -> String {
        if o.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{}", o.path, key)
        }
    }

    pub(super) fn get<'a>(&mut self, o: &mut Obj<'a>, key: &'static str) -> Option<&'a Value> {
        o.used.push(key);
        match o.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    pub(super) fn opt_str(&mut self, o: &mut Obj, key: &'static str) -> Option<String> {
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

    pub(super) fn req_str(&mut self, o: &mut Obj, key: &'static str) -> String {
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

    pub(super) fn opt_num(&mut self, o: &mut Obj, key: &'static str) -> Option<f64> {
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

    pub(super) fn opt_bool(&mut self, o: &mut Obj, key: &'static str) -> bool {
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

    pub(super) fn opt_date(&mut self, o: &mut Obj, key: &'static str) -> Option<NaiveDate> {
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

    pub(super) fn word<T>(
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

    pub(super) fn period(&mut self, o: &mut Obj, key: &'static str) -> Period {
        self.period_for(o, key, None)
    }

    /// A period read knowing the indicator's frequency (when given): an annual value written
    /// `2010-11` is the year 2010/11, not November 2010 (see [`Period::parse_for`]).
    pub(super) fn period_for(
        &mut self,
        o: &mut Obj,
        key: &'static str,
        freq: Option<Frequency>,
    ) -> Period {
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

    pub(super) fn str_list(&mut self, o: &mut Obj, key: &'static str) -> Vec<String> {
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

    pub(super) fn list<T>(
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

    pub(super) fn tolerance(&mut self, o: &mut Obj, key: &'static str) -> Option<Tolerance> {
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

    pub(super) fn scheme(
        &mut self,
        o: &mut Obj,
        key: &'static str,
    ) -> Option<crate::scheme::Scheme> {
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

    pub(super) fn extra(&mut self, o: Obj) -> Extra {
        o.map
            .iter()
            .filter(|(k, _)| !o.used.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}
