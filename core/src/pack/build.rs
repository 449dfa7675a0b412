//! Building the pack from the dataset and the engine: one function per section.

use super::*;
use crate::engine::{self, Engine, PlanKind, LONG_TERM, SHORT_TERM};
use crate::fmt;
use crate::report::{
    by_council_and_service, period_heading, Owner, PackQuery, Section, ServiceGroup,
};

// -------------------------------------------------------------------------------------------
// Building

/// A figure with the indicator's unit and decimals, or a dash.
fn fig(i: &Indicator, x: Option<f64>) -> String {
    x.map(|x| fmt::value(x, i.decimals, i.unit.as_deref()))
        .unwrap_or_else(|| "–".into())
}

/// "all councils" or the council's name, inside a sentence.
fn for_whom(ds: &Dataset, q: &PackQuery) -> String {
    match &q.council {
        None => "all councils".into(),
        Some(c) => ds.council_name(c).to_string(),
    }
}

/// "A01-1 · owner · Due 31 December 2019".
fn work_meta(id: &str, owner: Option<&str>, due: Option<chrono::NaiveDate>) -> String {
    let mut meta = vec![id.to_string()];
    if let Some(o) = owner {
        meta.push(o.to_string());
    }
    if let Some(d) = due {
        meta.push(format!("Due {}", fmt::date(d)));
    }
    meta.join(" · ")
}

fn work_row(
    e: &Engine,
    id: &str,
    title: &str,
    owner: Option<&str>,
    due: Option<chrono::NaiveDate>,
    updates: &[StatusUpdate],
) -> WorkRow {
    let w = e.work(updates, due);
    let commentary = match w.update(updates) {
        Some(u) => u
            .commentary
            .clone()
            .unwrap_or_else(|| "No commentary.".into()),
        None => "No update yet.".into(),
    };
    WorkRow {
        id: id.to_string(),
        title: title.to_string(),
        meta: work_meta(id, owner, due),
        status: w.status,
        as_at: engine::as_at_words(w.as_at),
        overdue: w.overdue,
        percent: w.percent.map(|p| format!("{}%", fmt::trim_number(p))),
        commentary,
    }
}

/// The sentence for a plan with no update at or before the period.
fn no_updates(ds: &Dataset, e: &Engine, plan: PlanKind) -> Option<NoUpdates> {
    if e.any_update(plan) {
        return None;
    }
    let period = e.period;
    let (what, items) = match plan {
        PlanKind::Strategy => ("the strategic priorities", "project"),
        PlanKind::Improvement => ("the improvement action plan", "action"),
    };
    let from = engine::first_update(ds, plan)
        .filter(|f| f.end() > period.end())
        .map(|f| format!(" Progress on {what} is reported from {}.", f.label()))
        .unwrap_or_default();
    Some(NoUpdates {
        headline: format!(
            "No progress updates for this period ({}).",
            period.short_label()
        ),
        detail: format!(
            " No update on {what} existed yet at the end of {}, so every {items} is shown as Not started.{from}",
            period.short_label()
        ),
    })
}

impl Pack {
    /// The pack for these choices.
    pub fn build(ds: &Dataset, q: &PackQuery) -> Pack {
        let sections_line = if q.sections.is_empty() {
            "Cover only (no sections chosen)".to_string()
        } else {
            q.sections
                .iter()
                .map(|s| s.title())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let councils_line = match &q.council {
            Some(c) => ds.council_name(c).to_string(),
            None => {
                let names: Vec<&str> = ds.councils.iter().map(|c| c.name.as_str()).collect();
                format!("All councils ({})", names.join(", "))
            }
        };
        let engine = q.period.map(|p| Engine::new(ds, p));
        let sections = match &engine {
            Some(e) => q
                .sections
                .iter()
                .enumerate()
                .map(|(n, s)| PackSection {
                    number: n + 1,
                    section: *s,
                    anchor: format!("pack-{}", s.as_str()),
                    heading: format!("{}. {}", n + 1, s.title()),
                    body: match s {
                        Section::Key => SectionBody::Key(key_section(ds, q, e)),
                        Section::Summary => SectionBody::Summary(summary_section(ds, q, e)),
                        Section::Indicators => {
                            SectionBody::Indicators(indicators_section(ds, q, e))
                        }
                        Section::Exceptions => {
                            SectionBody::Exceptions(exceptions_section(ds, q, e))
                        }
                        Section::Improvement => {
                            SectionBody::Improvement(improvement_section(ds, q, e))
                        }
                        Section::Priorities => {
                            SectionBody::Priorities(priorities_section(ds, q, e))
                        }
                    },
                })
                .collect(),
            None => Vec::new(),
        };
        Pack {
            organisation: ds.organisation.clone(),
            title: ds.title.clone(),
            description: ds.description.clone(),
            as_of: ds.as_of.map(fmt::date),
            period: q.period,
            period_heading: q.period.map(|p| period_heading(&p)).unwrap_or_default(),
            period_label: q.period.map(|p| p.label()).unwrap_or_default(),
            council: q.council.clone(),
            councils_line,
            sections_line,
            running_footer: format!(
                "{} performance report · {} · {}",
                ds.organisation,
                q.period.map(|p| p.short_label()).unwrap_or_default(),
                q.council_label(ds)
            ),
            nothing_to_report: q.period.is_none().then(|| {
                "This data has no indicator figures or plan updates yet, so there is nothing to report."
                    .to_string()
            }),
            legend: legend(ds, engine.as_ref()),
            sections,
            covering: q.period.and_then(|p| {
                ds.covering_report(&p)
                    .map(|r| covering_pages(r, &ds.organisation, &p))
            }),
        }
    }

    /// The body of a section, when the pack includes it.
    pub fn section(&self, s: Section) -> Option<&SectionBody> {
        self.sections
            .iter()
            .find(|x| x.section == s)
            .map(|x| &x.body)
    }

    pub fn key(&self) -> Option<&KeySection> {
        match self.section(Section::Key) {
            Some(SectionBody::Key(x)) => Some(x),
            _ => None,
        }
    }

    pub fn summary(&self) -> Option<&SummarySection> {
        match self.section(Section::Summary) {
            Some(SectionBody::Summary(x)) => Some(x),
            _ => None,
        }
    }

    pub fn indicators(&self) -> Option<&IndicatorsSection> {
        match self.section(Section::Indicators) {
            Some(SectionBody::Indicators(x)) => Some(x),
            _ => None,
        }
    }

    pub fn exceptions(&self) -> Option<&ExceptionsSection> {
        match self.section(Section::Exceptions) {
            Some(SectionBody::Exceptions(x)) => Some(x),
            _ => None,
        }
    }

    pub fn improvement(&self) -> Option<&ImprovementSection> {
        match self.section(Section::Improvement) {
            Some(SectionBody::Improvement(x)) => Some(x),
            _ => None,
        }
    }

    pub fn priorities(&self) -> Option<&PrioritiesSection> {
        match self.section(Section::Priorities) {
            Some(SectionBody::Priorities(x)) => Some(x),
            _ => None,
        }
    }
}

impl IndicatorsSection {
    /// Every indicator row, council by council, service by service.
    pub fn rows(&self) -> impl Iterator<Item = &IndicatorRow> {
        self.councils
            .iter()
            .flat_map(|c| c.services.iter().flat_map(|s| s.rows.iter()))
    }
}

impl ImprovementSection {
    /// Every action row, theme by theme, area by area.
    pub fn rows(&self) -> impl Iterator<Item = &WorkRow> {
        self.themes
            .iter()
            .flat_map(|t| t.areas.iter().flat_map(|a| a.rows.iter()))
    }
}

fn legend(ds: &Dataset, e: Option<&Engine>) -> Legend {
    let band = match ds.tolerance_default() {
        Tolerance::Percent(p) => format!("{}% of target", fmt::trim_number(p)),
        Tolerance::Absolute(a) => format!("{} in the indicator's unit", fmt::trim_number(a)),
    };
    let overdue = e
        .map(|e| format!(" Overdue: {}.", e.overdue_rule()))
        .unwrap_or_default();
    Legend {
        rag: vec![
            (Rag::Green, " the target was met.".into()),
            (
                Rag::Amber,
                format!(
                    " missed the target by no more than {band} (or the indicator's own tolerance)."
                ),
            ),
            (Rag::Red, " missed the target by more than that.".into()),
            (Rag::NoData, " due, but no figure reported yet.".into()),
            (Rag::DataOnly, " no target: reported for information.".into()),
            (
                Rag::NotDue,
                " not reported this period (for example annual indicators before the year end)."
                    .into(),
            ),
        ],
        work: WORK_COLUMNS.to_vec(),
        work_text: format!(
            " progress of actions and projects, from each one's latest update at or before the period.{overdue}"
        ),
        direction: format!(
            "Direction of travel says whether the latest figure got better or worse, allowing for \
             whether higher or lower is better: “{SHORT_TERM}” compares it with the figure before \
             it, “{LONG_TERM}” with the same period a year earlier."
        ),
        as_at: "Where the latest figure or update is older than the reporting period, the period \
                it is for is given next to it (“as at Q2 2019/20”)."
            .into(),
    }
}

fn key_section(ds: &Dataset, q: &PackQuery, e: &Engine) -> KeySection {
    let period = e.period;
    let rows: Vec<KeyRow> = e
        .key_indicators(|i| q.shows_indicator(i))
        .into_iter()
        .map(|at| {
            let i = at.indicator;
            let next_target = i
                .values
                .iter()
                .find(|v| v.period.end() > period.end() && v.target.is_some())
                .and_then(|v| {
                    v.target
                        .map(|t| format!("{}: {}", v.period.short_label(), fig(i, Some(t))))
                });
            KeyRow {
                id: i.id.clone(),
                name: i.name.clone(),
                council_name: ds.scope_name(&i.scope),
                latest: at.latest.map(|(v, s)| KeyOutturn {
                    period: v.period,
                    period_label: v.period.short_label(),
                    actual: fig(i, v.actual),
                    target: fig(i, v.target),
                    status: s.rag,
                    manual: s.manual,
                    as_at: engine::as_at_words(at.as_at),
                    long_term: at.long_term,
                }),
                next_target,
            }
        })
        .collect();
    KeySection {
        intro: format!(
            "The key strategic indicators agreed by the Joint Committee are reported once a year, at the year end. The latest outturn at or before {} is shown, with the next target set.",
            period.short_label()
        ),
        caption: format!(
            "Key strategic indicators: latest outturn at {}",
            period.short_label()
        ),
        columns: vec![
            "Indicator",
            "Outturn for",
            "Actual",
            "Target",
            "Status",
            LONG_TERM,
            "Next target",
        ],
        empty: rows.is_empty().then(|| {
            format!(
                "There are no key strategic indicators for {}.",
                for_whom(ds, q)
            )
        }),
        rows,
    }
}

fn summary_section(ds: &Dataset, q: &PackQuery, e: &Engine) -> SummarySection {
    let period = e.period;
    let groups = by_council_and_service(ds, q);
    let by_service = |owner: &Owner, services: &[ServiceGroup]| CouncilServices {
        id: owner.id().to_string(),
        name: owner.name().to_string(),
        caption: format!(
            "{}: indicators by service, {}",
            owner.name(),
            period.short_label()
        ),
        services: services
            .iter()
            .map(|g| {
                (
                    ds.service_name(g.service).to_string(),
                    e.counts(g.indicators.iter().copied()),
                )
            })
            .collect(),
        all: e.counts(services.iter().flat_map(|g| g.indicators.iter().copied())),
    };
    let per_council: Vec<CouncilServices> = groups
        .iter()
        .filter(|(o, _)| matches!(o, Owner::Council(_)))
        .map(|(o, services)| by_service(o, services))
        .collect();
    let councils: Vec<CouncilCounts> = per_council
        .iter()
        .map(|c| CouncilCounts {
            id: c.id.clone(),
            name: c.name.clone(),
            counts: c.all,
        })
        .collect();
    let shared = groups
        .iter()
        .find(|(o, _)| *o == Owner::Shared)
        .map(|(o, services)| by_service(o, services));
    let total = (councils.len() > 1).then(|| {
        e.counts(
            groups
                .iter()
                .flat_map(|(_, s)| s.iter().flat_map(|g| g.indicators.iter().copied())),
        )
    });
    let shared_words = if shared.is_some() {
        " Each council's line counts its own indicators; the shared-service indicators, reported for the shared service as a whole (or for the councils named), are counted on their own line and in no council's."
    } else {
        ""
    };
    let (changes, changes_words) = e.change_rows(|i| q.shows_indicator(i));
    SummarySection {
        intro: format!(
            "How many indicators are in each status for {}.{shared_words} Amber and Red indicators are explained in the exception report.",
            period.label()
        ),
        caption: format!("Indicators by council, {}", period.short_label()),
        councils,
        shared,
        total,
        per_council,
        changes_words,
        changes,
    }
}

/// Whom a shared-service indicator is for: "For every council", "For London Borough of
/// Havering only"; None for a council's own indicator.
fn shared_for(ds: &Dataset, s: &Scope) -> Option<String> {
    match s {
        Scope::Council(_) => None,
        Scope::SharedAll => Some("For every council".into()),
        Scope::Shared(list) => {
            let names: Vec<&str> = list.iter().map(|c| ds.council_name(c)).collect();
            Some(format!("For {} only", and_list(&names)))
        }
    }
}

fn indicator_row(ds: &Dataset, e: &Engine, i: &Indicator) -> IndicatorRow {
    let at = e.indicator(i);
    // The figure shown: the latest with an actual, else the period's own value (a target
    // with no actual yet).
    let shown = at.latest.map(|(v, _)| v).or(at.status.value);
    IndicatorRow {
        id: i.id.clone(),
        name: i.name.clone(),
        council: i.scope.council().map(str::to_string),
        shared_for: shared_for(ds, &i.scope),
        key: i.key,
        status: at.status.rag,
        manual: at.status.manual,
        figure_for: shown.map(|v| v.period.short_label()),
        actual: fig(i, shown.and_then(|v| v.actual)),
        target: fig(i, shown.and_then(|v| v.target)),
        latest: at.as_at.and(at.latest).map(|(_, s)| (s.rag, s.manual)),
        as_at: engine::as_at_words(at.as_at),
        short_term: at.short_term,
        long_term: at.long_term,
    }
}

fn indicators_section(ds: &Dataset, q: &PackQuery, e: &Engine) -> IndicatorsSection {
    let period = e.period;
    let groups = by_council_and_service(ds, q);
    let councils: Vec<CouncilIndicators> = groups
        .into_iter()
        .map(|(c, services)| {
            let n: usize = services.iter().map(|g| g.indicators.len()).sum();
            let shared = c == Owner::Shared;
            CouncilIndicators {
                id: c.id().to_string(),
                name: c.name().to_string(),
                shared,
                heading: format!(
                    "{} ({n} indicator{})",
                    c.name(),
                    if n == 1 { "" } else { "s" }
                ),
                note: shared.then(|| {
                    "Indicators of the shared service as a whole (or of the councils named with them): shown for every council they are for, and counted in no council's figures.".to_string()
                }),
                caption: format!(
                    "{}: all indicators by service, {}",
                    c.name(),
                    period.short_label()
                ),
                services: services
                    .iter()
                    .map(|g| ServiceIndicators {
                        heading: format!("{} ({})", ds.service_name(g.service), g.indicators.len()),
                        rows: g.indicators.iter().map(|i| indicator_row(ds, e, i)).collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    IndicatorsSection {
        columns: vec![
            "Indicator",
            "Figure for",
            "Actual",
            "Target",
            "Status",
            SHORT_TERM,
            LONG_TERM,
        ],
        empty: councils
            .is_empty()
            .then(|| format!("There are no indicators for {}.", for_whom(ds, q))),
        councils,
    }
}

fn exceptions_section(ds: &Dataset, q: &PackQuery, e: &Engine) -> ExceptionsSection {
    let period = e.period;
    let items: Vec<ExceptionItem> = e
        .exceptions(|i| q.shows_indicator(i))
        .into_iter()
        .map(|x| {
            let i = x.indicator;
            let v = x.value;
            let difference = x
                .variance
                .map(|d| {
                    let pct = d
                        .percent
                        .map(|p| {
                            format!(
                                " ({}{}% of target)",
                                if p > 0.0 { "+" } else { "" },
                                fmt::rounded(p, 1)
                            )
                        })
                        .unwrap_or_default();
                    format!(
                        "{}{pct}",
                        fmt::difference(d.absolute, i.decimals, i.unit.as_deref())
                    )
                })
                .unwrap_or_else(|| "–".into());
            let owner = i
                .owner
                .as_deref()
                .map(|o| format!(" · Responsible officer: {o}"))
                .unwrap_or_default();
            ExceptionItem {
                id: i.id.clone(),
                name: i.name.clone(),
                council: i.scope.council().map(str::to_string),
                rag: x.rag,
                manual: x.manual,
                meta: format!(
                    "{} · {} · {} · {}{owner}",
                    i.id,
                    ds.scope_name(&i.scope),
                    ds.service_name(&i.service),
                    v.period.short_label()
                ),
                performance: format!(
                    "Actual {} against a target of {} ({})",
                    fig(i, v.actual),
                    fig(i, v.target),
                    i.polarity.label().to_lowercase()
                ),
                difference,
                rated: {
                    let rule = crate::scheme::rule_for(ds, i);
                    format!(
                        "By {}. {}.",
                        crate::scheme::source_words(ds, &rule),
                        crate::scheme::sentence(&rule.scheme, i.unit.as_deref())
                    )
                },
                rules_give: x.rules_give,
                set_by_hand: x.manual.then(|| {
                    v.rag_justification
                        .clone()
                        .unwrap_or_else(|| "No reason recorded.".into())
                }),
                reason: v
                    .reason
                    .clone()
                    .unwrap_or_else(|| "No reason given yet.".into()),
                remedial_action: v
                    .remedial_action
                    .clone()
                    .unwrap_or_else(|| "No remedial action given yet.".into()),
                forecast: e.forecast(i).map(|f| f.sentence(i)),
            }
        })
        .collect();
    let reds = items.iter().filter(|x| x.rag == Rag::Red).count();
    let ambers = items.len() - reds;
    let summary = if items.is_empty() {
        format!(
            "No indicator is Red or Amber for {} in {}.",
            for_whom(ds, q),
            period.short_label()
        )
    } else {
        format!(
            "{reds} Red and {ambers} Amber indicator{} for {} in {}, Red first, then by council and name.",
            if reds + ambers == 1 { "" } else { "s" },
            for_whom(ds, q),
            period.short_label()
        )
    };
    ExceptionsSection {
        summary,
        reds,
        ambers,
        items,
    }
}

fn improvement_section(ds: &Dataset, q: &PackQuery, e: &Engine) -> ImprovementSection {
    let period = e.period;
    let in_theme = |t: &Theme, a: &Action| {
        t.areas
            .iter()
            .any(|ar| ar.actions.iter().any(|x| std::ptr::eq(x, a)))
    };
    let theme_counts = ds
        .themes
        .iter()
        .map(|t| {
            (
                format!("{}: {}", t.id, t.title),
                e.action_counts(|a| in_theme(t, a) && q.shows_work(&a.councils)),
            )
        })
        .collect();
    let themes = ds
        .themes
        .iter()
        .filter_map(|t| {
            let areas: Vec<AreaActions> = t
                .areas
                .iter()
                .filter_map(|area| {
                    // The area as this pack sees it: only the actions for the council chosen.
                    let mut shown = area.clone();
                    shown.actions.retain(|a| q.shows_work(&a.councils));
                    if shown.actions.is_empty() {
                        return None;
                    }
                    let roll = e.area(&shown);
                    let service = area
                        .service
                        .as_deref()
                        .map(|s| format!(" · {}", ds.service_name(s)))
                        .unwrap_or_default();
                    Some(AreaActions {
                        id: area.id.clone(),
                        heading: format!("{} {}{service}", area.id, area.title),
                        status: roll.status,
                        as_at: engine::as_at_words(roll.as_at),
                        rows: shown
                            .actions
                            .iter()
                            .map(|a| {
                                work_row(e, &a.id, &a.title, a.owner.as_deref(), a.due, &a.updates)
                            })
                            .collect(),
                    })
                })
                .collect();
            (!areas.is_empty()).then(|| ThemeActions {
                id: t.id.clone(),
                heading: format!("{}: {}", t.id, t.title),
                caption: format!(
                    "Improvement actions, theme {}: {}, at {}",
                    t.id,
                    t.title,
                    period.short_label()
                ),
                areas,
            })
        })
        .collect();
    ImprovementSection {
        intro: format!(
            "Progress with the improvement action plan at the end of {} ({}), from each action's latest update at or before then. Overdue: {}.",
            period.short_label(),
            period.months_label(),
            e.overdue_rule()
        ),
        no_updates: no_updates(ds, e, PlanKind::Improvement),
        caption: format!(
            "Improvement actions by status, {}",
            period.short_label()
        ),
        theme_counts,
        total: e.action_counts(|a| q.shows_work(&a.councils)),
        themes,
    }
}

fn priorities_section(ds: &Dataset, q: &PackQuery, e: &Engine) -> PrioritiesSection {
    let period = e.period;
    let priorities = ds
        .priorities
        .iter()
        .map(|p| {
            // The priority as this pack sees it: only the projects for the council chosen.
            let mut shown = p.clone();
            shown.projects.retain(|x| q.shows_work(&x.councils));
            let roll = e.priority(&shown);
            let has = !shown.projects.is_empty();
            PriorityBlock {
                id: p.id.clone(),
                heading: format!("{}: {}", p.id, p.title),
                description: p.description.clone(),
                status: has.then_some(roll.status),
                as_at: has.then(|| engine::as_at_words(roll.as_at)).flatten(),
                counts: roll.counts,
                caption: format!(
                    "Projects delivering {}, latest update at {}",
                    p.id,
                    period.short_label()
                ),
                projects: shown
                    .projects
                    .iter()
                    .map(|x| work_row(e, &x.id, &x.title, x.owner.as_deref(), x.due, &x.updates))
                    .collect(),
                empty: (!has).then(|| format!("No projects for {}.", for_whom(ds, q))),
            }
        })
        .collect();
    PrioritiesSection {
        no_updates: no_updates(ds, e, PlanKind::Strategy),
        caption: format!(
            "Strategic priorities: overall status at {}",
            period.short_label()
        ),
        priorities,
        rule: format!("Overall status of a priority, from its projects: {ROLLUP_RULE}"),
    }
}
