//! The meaning of a dataset read without type errors: unique ids, references that resolve,
//! indicators in services their councils receive, values that hold data.

use super::*;

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
