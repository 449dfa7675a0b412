//! Matching a row to its council, service and indicator, or creating them.

use super::columns::Field;
use super::merge::{frequency_for, Fresh, Merge};
use super::report::{short_name, Named};
use super::returns::ReturnRow;
use crate::model::*;

/// A slug for an id: lower-case ASCII letters and digits joined by single hyphens ("Hart
/// District Council" → "hart-district-council"). Never empty: `fallback` when nothing is left.
pub fn slug(s: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

pub(super) fn unique_id(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The leading code of an indicator's name, as councils number them: "CS01", "HS16", "CS02a".
pub(super) fn leading_code(name: &str) -> Option<&str> {
    let first = name.split_whitespace().next()?;
    let code = first.trim_end_matches([':', '.', '-', ',', ')']);
    let ok = (2..=12).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '_' | '-'))
        && code.chars().any(|c| c.is_ascii_digit())
        && code.chars().any(|c| c.is_ascii_alphabetic())
        && name.split_whitespace().nth(1).is_some();
    ok.then_some(code)
}

pub(super) fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

pub(super) fn council_matches(c: &Council, text: &str) -> bool {
    same_text(&c.id, text)
        || same_text(&c.name, text)
        || c.short.as_deref().is_some_and(|s| same_text(s, text))
        || slug(text, "") == c.id
}

/// A council cell naming the shared service rather than one council: "shared", "Shared
/// service", "shared: havering, newham" or "Shared service (London Borough of Havering only)"
/// (the words the export and the app use). Gives the councils listed (as written), none for
/// every council; None for any other text.
pub fn shared_cell(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let head = t.get(..6)?;
    if !head.eq_ignore_ascii_case("shared") {
        return None;
    }
    let mut rest = t[6..].trim_start();
    if rest.len() == t[6..].len() && !rest.is_empty() && !rest.starts_with([':', '(']) {
        return None; // "sharedservices" is a name, not the word
    }
    if rest
        .get(..7)
        .is_some_and(|w| w.eq_ignore_ascii_case("service"))
    {
        rest = rest[7..].trim_start();
    }
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim();
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(rest)
        .trim();
    let rest = match rest.len().checked_sub(5).and_then(|k| rest.get(k..)) {
        Some(end) if end.eq_ignore_ascii_case(" only") => &rest[..rest.len() - 5],
        _ => rest,
    };
    Some(
        rest.split([',', ';'])
            .flat_map(|part| part.split(" and "))
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// The council cell for an indicator: its council's id, or for a shared-service indicator
/// "shared" (every council) or "shared: havering, newham" (those councils' ids).
pub fn scope_cell(scope: &Scope) -> String {
    match scope {
        Scope::Council(c) => c.clone(),
        Scope::SharedAll => "shared".into(),
        Scope::Shared(list) => format!("shared: {}", list.join(", ")),
    }
}

pub(super) fn service_matches(s: &Service, text: &str) -> bool {
    same_text(&s.id, text) || same_text(&s.name, text) || slug(text, "") == s.id
}

/// A value type in words: "cumulative (year to date)".
pub(super) fn measure_words(m: Measure) -> &'static str {
    match m {
        Measure::Snapshot => "a snapshot at the end of each period",
        Measure::Cumulative => "cumulative (year to date)",
        Measure::Average => "an average over each period",
    }
}

impl Merge<'_> {
    /// The council the row names: its council cell, or its organisation cell when the file has
    /// no council column.
    pub(super) fn council_text<'r>(&self, row: &'r ReturnRow) -> Option<&'r str> {
        if self.r.has(Field::Council) {
            row.council.as_deref()
        } else {
            row.organisation.as_deref()
        }
    }

    pub(super) fn council_list(&self) -> String {
        self.ds
            .councils
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Finds the council a text names, or creates it.
    pub(super) fn find_or_create_council(&mut self, text: &str) -> usize {
        if let Some(i) = self
            .ds
            .councils
            .iter()
            .position(|c| council_matches(c, text))
        {
            return i;
        }
        let id = unique_id(slug(text, "council"), |id| {
            self.ds.councils.iter().any(|c| c.id == id)
        });
        self.ds.councils.push(Council {
            id: id.clone(),
            name: text.to_string(),
            short: None,
            rag_scheme: None,
            extra: Default::default(),
        });
        self.report.councils_created.push(Named {
            id,
            name: text.to_string(),
        });
        self.ds.councils.len() - 1
    }

    /// Whether a council cell fits an indicator's scope: its council for a council's own
    /// indicator; for a shared-service one, the shared service (with the same councils, when
    /// it lists them) or one of the councils it is for.
    pub(super) fn scope_matches(&self, scope: &Scope, text: &str) -> bool {
        let named = |t: &str| {
            self.ds
                .councils
                .iter()
                .find(|c| council_matches(c, t))
                .map(|c| c.id.as_str())
        };
        match (scope, shared_cell(text)) {
            (Scope::Council(c), None) => {
                self.ds.council(c).is_some_and(|x| council_matches(x, text))
            }
            (Scope::Council(_), Some(_)) => false,
            (_, Some(list)) if list.is_empty() => true,
            (_, Some(list)) => {
                let mut want: Vec<&str> = self.ds.councils_served(scope);
                let mut got: Vec<&str> = list.iter().filter_map(|t| named(t)).collect();
                crate::order::sort(&mut want);
                crate::order::sort(&mut got);
                got.dedup();
                got.len() == list.len() && got == want
            }
            (_, None) => named(text).is_some_and(|c| scope.serves(c)),
        }
    }

    /// Finds or creates the row's council.
    pub(super) fn council(&mut self, row: &ReturnRow) -> Option<usize> {
        match self.council_text(row) {
            Some(text) => Some(self.find_or_create_council(text)),
            None if self.ds.councils.len() == 1 => Some(0),
            None => {
                let known = if self.ds.councils.is_empty() {
                    String::new()
                } else {
                    format!(" (the dataset has {})", self.council_list())
                };
                if self.r.has(Field::Council) {
                    self.problem(
                        row.row,
                        Some(Field::Council),
                        format!("blank: say which council this indicator is for{known}"),
                    );
                } else {
                    self.problem(
                        row.row,
                        None,
                        format!("no council: add a \"council\" column to say which council each row is for{known}"),
                    );
                }
                None
            }
        }
    }

    /// Finds or creates the row's service for a new indicator, and makes sure it serves the
    /// councils given (for a shared-service indicator: at least one of them).
    pub(super) fn service(
        &mut self,
        row: &ReturnRow,
        councils: &[usize],
        shared: bool,
    ) -> Option<usize> {
        let idx = match row.service.as_deref() {
            Some(text) => match self
                .ds
                .services
                .iter()
                .position(|s| service_matches(s, text))
            {
                Some(i) => i,
                None => {
                    let id = unique_id(slug(text, "service"), |id| {
                        self.ds.services.iter().any(|s| s.id == id)
                    });
                    self.ds.services.push(Service {
                        id: id.clone(),
                        name: text.to_string(),
                        councils: Vec::new(),
                        extra: Default::default(),
                    });
                    self.report.services_created.push(Named {
                        id,
                        name: text.to_string(),
                    });
                    self.ds.services.len() - 1
                }
            },
            None if self.ds.services.len() == 1 => 0,
            None => {
                let what = if self.r.has(Field::Service) {
                    "blank: a new indicator needs its service"
                } else {
                    "a new indicator needs its service: add a \"service\" column"
                };
                let f = self.r.has(Field::Service).then_some(Field::Service);
                self.problem(row.row, f, what);
                return None;
            }
        };
        if shared
            && councils.iter().any(|&c| {
                self.ds.services[idx]
                    .councils
                    .contains(&self.ds.councils[c].id)
            })
        {
            return Some(idx);
        }
        for &council in councils {
            let c = &self.ds.councils[council];
            let s = &mut self.ds.services[idx];
            if !s.councils.contains(&c.id) {
                s.councils.push(c.id.clone());
                let newly_created = self.report.services_created.iter().any(|n| n.id == s.id);
                if !newly_created {
                    self.report.services_extended.push((
                        Named {
                            id: s.id.clone(),
                            name: s.name.clone(),
                        },
                        Named {
                            id: c.id.clone(),
                            name: c.name.clone(),
                        },
                    ));
                    let msg = format!("service \"{}\" now also serves {}", s.name, c.name);
                    self.note(row.row, msg);
                }
            }
        }
        Some(idx)
    }

    pub(super) fn index(&mut self, idx: usize) {
        let ind = &self.ds.indicators[idx];
        self.by_id
            .entry(ind.id.to_ascii_lowercase())
            .or_default()
            .push(idx);
        self.by_name
            .entry(name_key(&ind.name))
            .or_default()
            .push(idx);
    }

    /// By id: exactly, else ignoring case when only one matches.
    pub(super) fn find_by_id(&self, id: &str) -> Option<usize> {
        let candidates = self.by_id.get(&id.to_ascii_lowercase())?;
        if let Some(&i) = candidates.iter().find(|&&i| self.ds.indicators[i].id == id) {
            return Some(i);
        }
        match candidates.as_slice() {
            [i] => Some(*i),
            _ => None,
        }
    }

    pub(super) fn named(&self, name: &str) -> &[usize] {
        self.by_name
            .get(&name_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// An id in the style of the data format's (`EX-03-LBH`): the name's leading code as
    /// written, else a slug of the name; then the council's short code, else its id; made
    /// unique (ignoring case) with "-2", "-3".
    pub(super) fn new_indicator_id(&self, name: &str, council: Option<usize>) -> String {
        let base = match leading_code(name) {
            Some(code) => code.replace('/', "-"),
            None => {
                let s = slug(name, "indicator");
                if s.len() <= 40 {
                    s
                } else {
                    let cut = &s[..40];
                    cut.rfind('-').map(|k| &cut[..k]).unwrap_or(cut).to_string()
                }
            }
        };
        let key = match council {
            // A shared-service indicator.
            None => "shared".to_string(),
            Some(council) => {
                let c = &self.ds.councils[council];
                c.short
                    .as_deref()
                    .map(|s| {
                        s.chars()
                            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                            .collect::<String>()
                    })
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| c.id.clone())
            }
        };
        unique_id(format!("{base}-{key}"), |id| {
            self.by_id.contains_key(&id.to_ascii_lowercase())
        })
    }

    /// The indicator a row is about: found by id, or by name and council; created if new.
    pub(super) fn indicator(&mut self, row: &ReturnRow) -> Option<usize> {
        let n = row.row;
        if let Some(id) = row.indicator_id.as_deref() {
            if let Some(i) = self.find_by_id(id) {
                let scope = self.ds.indicators[i].scope.clone();
                if let Some(text) = self.council_text(row) {
                    let ok = self.scope_matches(&scope, text);
                    if !ok {
                        let f = if self.r.has(Field::Council) {
                            Field::Council
                        } else {
                            Field::Organisation
                        };
                        let msg = format!(
                            "indicator \"{}\" is for {}, not \"{text}\"",
                            self.ds.indicators[i].id,
                            self.ds.scope_name(&scope)
                        );
                        self.problem(n, Some(f), msg);
                        return None;
                    }
                }
                return Some(i);
            }
        }
        // No council given, and the dataset has several: a name that only one indicator has is
        // enough.
        if row.indicator_id.is_none()
            && self.council_text(row).is_none()
            && self.ds.councils.len() > 1
        {
            if let [i] = self.named(row.indicator.as_deref().unwrap_or_default()) {
                return Some(*i);
            }
        }
        // A shared-service indicator ("shared", "shared: havering") or one council's.
        let shared = self.council_text(row).and_then(shared_cell);
        let (council, scope_councils, scope) = match shared {
            Some(list) => {
                let idx: Vec<usize> = list
                    .iter()
                    .map(|t| self.find_or_create_council(t))
                    .collect();
                let mut ids: Vec<String> = Vec::new();
                for &c in &idx {
                    let id = self.ds.councils[c].id.clone();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                let scope = if ids.is_empty() {
                    Scope::SharedAll
                } else {
                    Scope::Shared(ids)
                };
                let all: Vec<usize> = if idx.is_empty() {
                    (0..self.ds.councils.len()).collect()
                } else {
                    idx
                };
                (None, all, scope)
            }
            None => {
                let c = self.council(row)?;
                (
                    Some(c),
                    vec![c],
                    Scope::Council(self.ds.councils[c].id.clone()),
                )
            }
        };
        let whose = match council {
            Some(c) => self.ds.councils[c].name.clone(),
            None => self.ds.scope_name(&scope),
        };
        if row.indicator_id.is_none() {
            let name = row.indicator.as_deref().unwrap_or_default();
            let text = self.council_text(row).unwrap_or_default();
            let with = |keep: &dyn Fn(&Indicator) -> bool| -> Vec<usize> {
                self.named(name)
                    .iter()
                    .copied()
                    .filter(|&i| keep(&self.ds.indicators[i]))
                    .collect()
            };
            // The council's own indicator of that name, else a shared-service one for it.
            let mut found = with(&|i| i.scope == scope);
            if found.is_empty() {
                found = with(&|i| i.is_shared() && self.scope_matches(&i.scope, text));
            }
            match found.as_slice() {
                [i] => return Some(*i),
                [] => {}
                many => {
                    let ids = many
                        .iter()
                        .map(|i| self.ds.indicators[*i].id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.problem(
                        n,
                        Some(Field::Indicator),
                        format!("{} indicators of {whose} have this name ({ids}): give the indicator_id to say which", many.len()),
                    );
                    return None;
                }
            }
        }
        // A new indicator.
        let Some(name) = row.indicator.clone() else {
            let id = row.indicator_id.as_deref().unwrap_or_default();
            let msg = if self.r.has(Field::Indicator) {
                format!("indicator \"{id}\" is not in the dataset; to add it, give its name in the \"{}\" column", self.r.column_name(Field::Indicator))
            } else {
                format!("indicator \"{id}\" is not in the dataset; to add it, add an \"indicator\" column with its name")
            };
            self.problem(n, Some(Field::IndicatorId), msg);
            return None;
        };
        let service = self.service(row, &scope_councils, council.is_none())?;
        let id = match row.indicator_id.as_deref() {
            Some(id) => id.to_string(),
            None => self.new_indicator_id(&name, council),
        };
        self.ds.indicators.push(Indicator {
            id: id.clone(),
            name: name.clone(),
            description: None,
            definition: None,
            service: self.ds.services[service].id.clone(),
            scope,
            frequency: row.frequency.unwrap_or_else(|| frequency_for(&row.period)),
            polarity: row.polarity.unwrap_or(Polarity::None),
            unit: row.unit.clone(),
            decimals: None,
            measure: row.measure,
            tolerance: None,
            rag_scheme: None,
            key: false,
            priority: None,
            theme: None,
            area: None,
            owner: None,
            values: Vec::new(),
            extra: Default::default(),
        });
        let idx = self.ds.indicators.len() - 1;
        self.index(idx);
        self.fresh.insert(
            idx,
            Fresh {
                frequency_given: row.frequency.is_some(),
                polarity_given: row.polarity.is_some(),
                unit_given: row.unit.is_some(),
                measure_given: row.measure.is_some(),
            },
        );
        if let Some(m) = row.measure {
            let msg = format!(
                "\"{}\" is recorded as {}, as its frequency says",
                short_name(&name),
                measure_words(m)
            );
            self.note(n, msg);
        }
        self.report.indicators_created.push(Named { id, name });
        Some(idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_codes() {
        assert_eq!(slug("Hart District Council", "x"), "hart-district-council");
        assert_eq!(slug("Finance, Revs and Bens", "x"), "finance-revs-and-bens");
        assert_eq!(
            slug("Environmental & Technical Services", "x"),
            "environmental-technical-services"
        );
        assert_eq!(slug("Children's Services", "x"), "childrens-services");
        assert_eq!(slug("£££", "service"), "service");
        assert_eq!(
            leading_code("CS01 Quality of Customer Service"),
            Some("CS01")
        );
        assert_eq!(leading_code("CS02a % of telephone calls"), Some("CS02a"));
        assert_eq!(leading_code("Number of missed collections"), None);
        assert_eq!(leading_code("CS01"), None);
    }
}
