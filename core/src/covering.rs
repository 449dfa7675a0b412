//! The covering report: the committee report an officer writes to go in front of the
//! performance appendix, as in every oneSource Joint Committee paper (subject, author and
//! contact, meeting and date, financial summary, summary, recommendations, background and the
//! report's detail, consultation, legal / financial / HR implications and risks, appendices,
//! background papers).
//!
//! A data file holds one report per reporting period in the optional top-level list
//! `"covering_reports"` (format v1 files without it read as before: no covering report). This
//! module reads and checks that list (every problem with its path), gives and sets one field
//! for the edit log ([`current`], [`set`]), and names the fields for people ([`FIELDS`]).

pub use crate::model::CoveringReport;
use crate::model::{Dataset, Extra};
use crate::period::Period;
use crate::read::{kind, Problem};
use chrono::NaiveDate;
use serde_json::{json, Map, Value};

/// The top-level field of a data file that holds the covering reports.
pub const FILE_FIELD: &str = "covering_reports";

/// What kind of value a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text (paragraphs separated by a blank line).
    Text,
    /// A date, YYYY-MM-DD in the file.
    Date,
    /// A list of texts (one per line in the form).
    List,
}

/// Every field of a covering report an officer writes: (name in the file, label, kind), in
/// the order of the form and of the printed report.
pub const FIELDS: [(&str, &str, Kind); 17] = [
    ("committee", "Committee", Kind::Text),
    ("meeting_date", "Date of the meeting", Kind::Date),
    ("subject", "Subject heading", Kind::Text),
    ("author", "Report author", Kind::Text),
    ("contact", "Contact details", Kind::Text),
    ("financial_summary", "Financial summary", Kind::Text),
    ("summary", "Summary", Kind::Text),
    ("recommendations", "Recommendations", Kind::List),
    ("background", "Background", Kind::Text),
    (
        "detail_heading",
        "Heading of the report's detail",
        Kind::Text,
    ),
    ("detail", "Report detail", Kind::Text),
    ("consultation", "Consultation and engagement", Kind::Text),
    (
        "legal_implications",
        "Legal implications and risks",
        Kind::Text,
    ),
    (
        "financial_implications",
        "Financial implications and risks",
        Kind::Text,
    ),
    ("hr_implications", "HR implications and risks", Kind::Text),
    ("appendices", "Appendices", Kind::List),
    ("background_papers", "Background papers", Kind::Text),
];

/// A field's label for people ("Subject heading"), when it is a covering report field.
pub fn field_label(field: &str) -> Option<&'static str> {
    FIELDS.iter().find(|f| f.0 == field).map(|f| f.1)
}

/// A field's kind, when it is a covering report field.
pub fn field_kind(field: &str) -> Option<Kind> {
    FIELDS.iter().find(|f| f.0 == field).map(|f| f.2)
}

impl CoveringReport {
    /// A report for a period with nothing written yet.
    pub fn new(period: Period) -> CoveringReport {
        CoveringReport {
            period,
            committee: None,
            meeting_date: None,
            subject: None,
            author: None,
            contact: None,
            financial_summary: None,
            summary: None,
            recommendations: Vec::new(),
            background: None,
            detail_heading: None,
            detail: None,
            consultation: None,
            legal_implications: None,
            financial_implications: None,
            hr_implications: None,
            appendices: Vec::new(),
            background_papers: None,
            extra: Extra::new(),
        }
    }

    fn text_mut(&mut self, field: &str) -> Option<&mut Option<String>> {
        Some(match field {
            "committee" => &mut self.committee,
            "subject" => &mut self.subject,
            "author" => &mut self.author,
            "contact" => &mut self.contact,
            "financial_summary" => &mut self.financial_summary,
            "summary" => &mut self.summary,
            "background" => &mut self.background,
            "detail_heading" => &mut self.detail_heading,
            "detail" => &mut self.detail,
            "consultation" => &mut self.consultation,
            "legal_implications" => &mut self.legal_implications,
            "financial_implications" => &mut self.financial_implications,
            "hr_implications" => &mut self.hr_implications,
            "background_papers" => &mut self.background_papers,
            _ => return None,
        })
    }

    fn list_mut(&mut self, field: &str) -> Option<&mut Vec<String>> {
        match field {
            "recommendations" => Some(&mut self.recommendations),
            "appendices" => Some(&mut self.appendices),
            _ => None,
        }
    }

    /// A field's value as the edit log holds it: text, "YYYY-MM-DD", a list of texts, or
    /// `null` when empty.
    pub fn get(&self, field: &str) -> Value {
        if field_kind(field).is_none() {
            return Value::Null;
        }
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get(field).cloned())
            .unwrap_or(Value::Null)
    }

    /// Sets a field from a value of the edit log; the value is checked before anything
    /// changes. Empty text and empty lists clear the field.
    pub fn set(&mut self, field: &str, v: &Value) -> Result<(), String> {
        let label = field_label(field)
            .ok_or_else(|| format!("\"{field}\" is not a field of a covering report"))?;
        match field_kind(field) {
            Some(Kind::Date) => {
                let d = match v {
                    Value::Null => None,
                    Value::String(s) if s.trim().is_empty() => None,
                    Value::String(s) => Some(parse_date(s).ok_or_else(|| {
                        format!("{label}: \"{s}\" is not a date (expected YYYY-MM-DD)")
                    })?),
                    other => return Err(format!("{label}: {other} is not a date")),
                };
                self.meeting_date = d;
            }
            Some(Kind::List) => {
                let items: Vec<String> = match v {
                    Value::Null => Vec::new(),
                    Value::Array(a) => a
                        .iter()
                        .map(|x| {
                            x.as_str()
                                .map(|s| s.trim().to_string())
                                .ok_or_else(|| format!("{label}: {x} is not text"))
                        })
                        .collect::<Result<Vec<_>, _>>()?
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect(),
                    other => return Err(format!("{label}: {other} is not a list of texts")),
                };
                *self.list_mut(field).expect("a list field") = items;
            }
            _ => {
                let t = match v {
                    Value::Null => None,
                    Value::String(s) if s.trim().is_empty() => None,
                    Value::String(s) => Some(s.clone()),
                    other => return Err(format!("{label}: {other} is not text")),
                };
                *self.text_mut(field).expect("a text field") = t;
            }
        }
        Ok(())
    }

    /// Nothing written (and nothing unknown kept): the report can go.
    pub fn is_empty(&self) -> bool {
        let v = serde_json::to_value(self).unwrap_or(Value::Null);
        self.extra.is_empty()
            && FIELDS
                .iter()
                .all(|(f, _, _)| v.get(f).is_none_or(Value::is_null))
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::fmt::iso_date(s.trim())
}

impl Dataset {
    /// The covering report for a reporting period, if one is written.
    pub fn covering_report(&self, period: &Period) -> Option<&CoveringReport> {
        self.covering_reports.iter().find(|r| r.period == *period)
    }
}

/// The current value of a covering report's field (`null` when there is no report for the
/// period, or the period is not one).
pub fn current(ds: &Dataset, period: &str, field: &str) -> Value {
    Period::parse(period)
        .ok()
        .and_then(|p| ds.covering_report(&p))
        .map(|r| r.get(field))
        .unwrap_or(Value::Null)
}

/// Sets a field of the covering report for a period (creating the report; a report emptied
/// of everything is removed).
pub fn set(ds: &mut Dataset, period: &str, field: &str, v: &Value) -> Result<(), String> {
    let p = Period::parse(period).map_err(|e| e.to_string())?;
    // Checked on a fresh report first, so that a refused value leaves nothing behind.
    CoveringReport::new(p).set(field, v)?;
    let pos = match ds.covering_reports.iter().position(|r| r.period == p) {
        Some(i) => i,
        None => {
            ds.covering_reports.push(CoveringReport::new(p));
            crate::order::sort_by_key(&mut ds.covering_reports, &|r| r.period);
            ds.covering_reports
                .iter()
                .position(|r| r.period == p)
                .expect("just added")
        }
    };
    ds.covering_reports[pos].set(field, v)?;
    if ds.covering_reports[pos].is_empty() {
        ds.covering_reports.remove(pos);
    }
    Ok(())
}

// -------------------------------------------------------------------------------------------
// Reading

/// Reads the `covering_reports` list of a data file (None when absent): every report it can
/// read, and every problem, each with its path (`covering_reports[0].meeting_date`).
pub fn read(v: Option<&Value>, problems: &mut Vec<Problem>) -> Vec<CoveringReport> {
    let mut err = |path: String, message: String| problems.push(Problem { path, message });
    let items = match v {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            err(
                FILE_FIELD.into(),
                format!(
                    "{} where a list of covering reports [{{ \"period\": \"2019-20-Q2\", \"subject\": \"…\", … }}] belongs",
                    kind(other)
                ),
            );
            return Vec::new();
        }
    };
    let mut out: Vec<CoveringReport> = Vec::new();
    let mut firsts: Vec<(Period, String)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{FILE_FIELD}[{i}]");
        let Some(map) = item.as_object() else {
            err(
                path,
                format!("{} where an object {{…}} belongs", kind(item)),
            );
            continue;
        };
        let period = match map.get("period") {
            None | Some(Value::Null) => {
                err(
                    format!("{path}.period"),
                    "missing; give the reporting period whose pack this report covers (e.g. 2019-20-Q2)".into(),
                );
                None
            }
            Some(Value::String(s)) => match Period::parse(s.trim()) {
                Ok(p) => Some(p),
                Err(e) => {
                    err(format!("{path}.period"), e.to_string());
                    None
                }
            },
            Some(other) => {
                err(
                    format!("{path}.period"),
                    format!(
                        "{} where a period such as \"2019-20-Q2\" belongs",
                        kind(other)
                    ),
                );
                None
            }
        };
        let mut r = CoveringReport::new(period.unwrap_or(Period::Year { fy: 0 }));
        let mut extra = Map::new();
        for (key, value) in map {
            if key == "period" {
                continue;
            }
            let fpath = format!("{path}.{key}");
            match field_kind(key) {
                None => {
                    extra.insert(key.clone(), value.clone());
                }
                Some(_) if value.is_null() => {}
                Some(Kind::Text) => match value {
                    Value::String(s) => {
                        let _ = r.set(key, &json!(s));
                    }
                    other => err(fpath, format!("{} where text belongs", kind(other))),
                },
                Some(Kind::Date) => match value {
                    Value::String(s) if parse_date(s).is_some() => {
                        r.meeting_date = parse_date(s);
                    }
                    Value::String(s) => err(
                        fpath,
                        format!("\"{s}\" is not a date (expected YYYY-MM-DD, e.g. 2020-02-07)"),
                    ),
                    other => err(
                        fpath,
                        format!(
                            "{} where a date such as \"2020-02-07\" belongs",
                            kind(other)
                        ),
                    ),
                },
                Some(Kind::List) => match value {
                    Value::Array(list) => {
                        let mut texts = Vec::new();
                        for (j, x) in list.iter().enumerate() {
                            match x {
                                Value::String(s) if s.trim().is_empty() => {
                                    err(format!("{fpath}[{j}]"), "is empty; leave it out".into())
                                }
                                Value::String(s) => texts.push(s.clone()),
                                other => err(
                                    format!("{fpath}[{j}]"),
                                    format!("{} where text belongs", kind(other)),
                                ),
                            }
                        }
                        *r.list_mut(key).expect("a list field") = texts;
                    }
                    other => err(
                        fpath,
                        format!("{} where a list of texts [\"…\"] belongs", kind(other)),
                    ),
                },
            }
        }
        r.extra = extra;
        let Some(p) = period else { continue };
        if let Some((_, first)) = firsts.iter().find(|(q, _)| *q == p) {
            err(
                format!("{path}.period"),
                format!(
                    "{} already has a covering report (at {first}); write one report per period",
                    p.short_label()
                ),
            );
            continue;
        }
        firsts.push((p, path));
        out.push(r);
    }
    crate::order::sort_by_key(&mut out, &|r| r.period);
    out
}

/// The committee pack for a period, where its covering report is written and printed
/// (`#/report?period=2019-20-Q2`).
pub fn report_href(period: &str) -> String {
    crate::route::Location {
        route: crate::route::Route::Report,
        query: vec![("period".into(), period.to_string())],
    }
    .to_hash()
}
