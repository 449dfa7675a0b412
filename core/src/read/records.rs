//! The dataset's records read field by field: the dataset, plan updates, whose an indicator
//! is, and indicators with their values.

use super::fields::Obj;
use super::*;

impl Reader {
    /// The dataset from the top-level object; `indicators`, when given, were read already (by
    /// the fast path) and the object's own are not read again.
    pub(super) fn dataset(
        &mut self,
        map: &Map<String, Value>,
        indicators: Option<Vec<Indicator>>,
    ) -> Dataset {
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
        let indicators = match indicators {
            Some(read) => {
                o.used.push("indicators");
                read
            }
            None => self.list(&mut o, "indicators", true, |r, v, p| r.indicator(v, p)),
        };
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

    pub(super) fn updates(&mut self, o: &mut Obj) -> Vec<StatusUpdate> {
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
    pub(super) fn scope(&mut self, o: &mut Obj) -> Scope {
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

    pub(super) fn indicator(&mut self, v: &Value, p: &str) -> Option<Indicator> {
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
