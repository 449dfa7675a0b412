//! The merge: returns into a copy of a dataset (or a new one), with a report of what changed.

use super::cells::{parse_period_for, PublishedDirection};
use super::columns::Field;
use super::report::{plural, short_name, ImportReport, Named};
use super::returns::{read_readable_returns, read_returns, ReturnRow, Returns};
use super::CsvProblem;
use crate::model::*;
use crate::period::Period;
use std::collections::{BTreeSet, HashMap, HashSet};

/// What an indicator created by this import has been given so far (later rows may fill blanks).
#[derive(Default)]
pub(super) struct Fresh {
    pub(super) frequency_given: bool,
    pub(super) polarity_given: bool,
    pub(super) unit_given: bool,
    pub(super) measure_given: bool,
}

pub(super) struct Merge<'a> {
    pub(super) ds: Dataset,
    pub(super) r: &'a Returns,
    pub(super) report: ImportReport,
    pub(super) problems: Vec<CsvProblem>,
    /// Row notes, sorted by row at the end.
    pub(super) row_notes: Vec<(usize, String)>,
    pub(super) seen: HashMap<(usize, Period), usize>,
    pub(super) fresh: HashMap<usize, Fresh>,
    pub(super) noted: HashSet<(usize, &'static str)>,
    pub(super) updated: BTreeSet<usize>,
    pub(super) data_only_statuses: usize,
    /// Indicators by lower-case id, and by name key: lookups stay fast on large files.
    pub(super) by_id: HashMap<String, Vec<usize>>,
    pub(super) by_name: HashMap<String, Vec<usize>>,
    /// Directions of travel to check once every row is in (the previous figure may come in a
    /// later row): row, indicator, period, the file's direction.
    pub(super) directions: Vec<(usize, usize, Period, PublishedDirection)>,
}

impl Merge<'_> {
    pub(super) fn problem(&mut self, row: usize, f: Option<Field>, message: impl Into<String>) {
        let col = f.map(|f| self.r.column_name(f));
        self.problems
            .push(CsvProblem::at(row, col.as_deref(), message));
    }

    pub(super) fn note(&mut self, row: usize, message: String) {
        self.row_notes.push((row, message));
    }

    pub(super) fn row(&mut self, row: &ReturnRow) {
        let n = row.row;
        let Some(idx) = self.indicator(row) else {
            return;
        };
        self.check_definition(row, idx);
        let ind = &self.ds.indicators[idx];
        // A row that does not give its frequency: an ambiguous period (2010-11) is read by the
        // indicator's.
        let reread;
        let row = match parse_period_for(&row.period_text, ind.frequency) {
            Ok(p) if row.frequency.is_none() && p != row.period => {
                reread = ReturnRow {
                    period: p,
                    ..row.clone()
                };
                &reread
            }
            _ => row,
        };
        let label = short_name(&ind.name);
        if !period_fits(ind.frequency, &row.period) {
            let (kind, example) = match ind.frequency {
                Frequency::Monthly => ("monthly", "a month such as 2019-07"),
                Frequency::Quarterly => ("quarterly", "a quarter such as 2019-20-Q2"),
                Frequency::Annual => ("annual", "a year such as 2019-20"),
                Frequency::Biennial => ("biennial", "a year such as 2019-20"),
            };
            let what = match row.period {
                Period::Month { .. } => "a month",
                Period::Quarter { .. } => "a quarter",
                Period::Year { .. } => "a whole year",
            };
            let msg = format!(
                "{} is {what}, but \"{label}\" is reported {kind} (use {example})",
                row.period.short_label()
            );
            self.problem(n, Some(Field::Period), msg);
            return;
        }
        if let Some(first) = self.seen.insert((idx, row.period), n) {
            let msg = format!(
                "row {first} and this row both give \"{label}\" for {}: keep one of them",
                row.period.short_label()
            );
            self.problem(n, None, msg);
            return;
        }
        let is_fresh = self.fresh.contains_key(&idx);
        let has_figure = row.target.is_some() || row.actual.is_some() || row.rag.is_some();
        let has_text = row.commentary.is_some()
            || row.period_words.is_some()
            || row.reason.is_some()
            || row.remedial_action.is_some()
            || row.rag_justification.is_some();
        let ind = &mut self.ds.indicators[idx];
        let rag_before = ind.value(&row.period).and_then(|v| v.rag);
        // Words in brackets after the period go after the commentary (the row's, else the one
        // recorded), unless it already holds them.
        let recorded = ind.value(&row.period).and_then(|v| v.commentary.clone());
        let (commentary, words_added) = match &row.period_words {
            None => (row.commentary.clone(), false),
            Some(w) => {
                // News only when the commentary recorded does not hold them yet.
                let new = !recorded.as_deref().is_some_and(|c| c.contains(w.as_str()));
                match row.commentary.clone().or(recorded) {
                    Some(b) if b.contains(w.as_str()) => (Some(b), false),
                    Some(b) if b.ends_with('\n') => (Some(format!("{b}{w}")), new),
                    Some(b) => (Some(format!("{b}\n{w}")), new),
                    None => (Some(w.clone()), true),
                }
            }
        };
        match ind.values.iter_mut().find(|v| v.period == row.period) {
            Some(v) => {
                let mut changed = false;
                let mut num = |old: &mut Option<f64>, new: Option<f64>| {
                    if let Some(x) = new {
                        if *old != Some(x) {
                            *old = Some(x);
                            changed = true;
                        }
                    }
                };
                num(&mut v.target, row.target);
                num(&mut v.actual, row.actual);
                if let Some(r) = row.rag {
                    if v.rag != Some(r) {
                        v.rag = Some(r);
                        changed = true;
                    }
                }
                let mut text = |old: &mut Option<String>, new: &Option<String>| {
                    if let Some(x) = new {
                        if !old.as_deref().is_some_and(|o| text_same(o, x)) {
                            *old = Some(x.clone());
                            changed = true;
                        }
                    }
                };
                text(&mut v.rag_justification, &row.rag_justification);
                text(&mut v.commentary, &commentary);
                text(&mut v.reason, &row.reason);
                text(&mut v.remedial_action, &row.remedial_action);
                if changed {
                    self.report.values_changed += 1;
                    if !is_fresh {
                        self.updated.insert(idx);
                    }
                } else if has_figure || has_text {
                    self.report.values_unchanged += 1;
                } else {
                    self.report.rows_skipped.push(n);
                }
            }
            None => {
                if !has_figure {
                    if has_text {
                        let msg = format!(
                            "the text for \"{label}\" in {} was not recorded: a new value needs a target, an actual or a status",
                            row.period.short_label()
                        );
                        self.note(n, msg);
                    }
                    self.report.rows_skipped.push(n);
                    return;
                }
                ind.values.push(IndicatorValue {
                    period: row.period,
                    target: row.target,
                    actual: row.actual,
                    rag: row.rag,
                    rag_justification: row.rag_justification.clone(),
                    commentary,
                    reason: row.reason.clone(),
                    remedial_action: row.remedial_action.clone(),
                    extra: Default::default(),
                });
                self.report.values_added += 1;
                if !is_fresh {
                    self.updated.insert(idx);
                }
            }
        }
        if let (true, Some(w)) = (words_added, &row.period_words) {
            let msg = format!(
                "the period \"{}\" is read as {}; the words in brackets after it, \"{w}\", are added to the commentary",
                row.period_text,
                row.period.short_label()
            );
            self.note(n, msg);
            self.report.period_words.push((n, w.clone()));
        }
        if let Some(d) = row.direction {
            self.directions.push((n, idx, row.period, d));
        }
        // A status already in the dataset is not news: only new or changed ones are checked.
        if row.rag != rag_before {
            self.check_rag(row, idx);
        }
    }
}

pub(super) fn period_fits(freq: Frequency, p: &Period) -> bool {
    matches!(
        (freq, p),
        (Frequency::Monthly, Period::Month { .. })
            | (Frequency::Quarterly, Period::Quarter { .. })
            | (Frequency::Annual | Frequency::Biennial, Period::Year { .. })
    )
}

pub(super) fn frequency_for(p: &Period) -> Frequency {
    match p {
        Period::Month { .. } => Frequency::Monthly,
        Period::Quarter { .. } => Frequency::Quarterly,
        Period::Year { .. } => Frequency::Annual,
    }
}

pub(super) fn text_same(old: &str, new: &str) -> bool {
    old.replace("\r\n", "\n") == new.replace("\r\n", "\n")
}

fn file_stem(source_name: &str) -> &str {
    let base = source_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(source_name)
        .trim();
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    }
}

/// A new, empty dataset for returns that start one: titled from the organisation column, or the
/// file's name.
fn new_dataset(returns: &Returns, source_name: &str) -> Dataset {
    let org = returns.rows.iter().find_map(|r| r.organisation.clone());
    let stem = file_stem(source_name);
    let title = match &org {
        Some(o) => format!("{o} performance"),
        None if !stem.is_empty() => stem.to_string(),
        None => "Imported returns".to_string(),
    };
    Dataset {
        format: FORMAT.to_string(),
        title: title.clone(),
        organisation: org.unwrap_or_default(),
        description: Some(if source_name.trim().is_empty() {
            "Imported from a CSV return".to_string()
        } else {
            format!("Imported from {}", source_name.trim())
        }),
        as_of: None,
        default_tolerance: None,
        rag_scheme: None,
        councils: Vec::new(),
        services: Vec::new(),
        priorities: Vec::new(),
        themes: Vec::new(),
        definitions: Vec::new(),
        indicators: Vec::new(),
        covering_reports: Vec::new(),
        extra: Default::default(),
    }
}

/// Merges returns into a copy of `base` (or, with `None`, a new dataset): councils, services and
/// indicators are found or created, values added or updated (a blank cell leaves what is there).
/// Returns the new dataset and a report, or every problem found; the result always passes
/// [`crate::read::validate`]. The base is never changed.
pub fn import_returns(
    base: Option<&Dataset>,
    returns: &Returns,
    source_name: &str,
) -> Result<(Dataset, ImportReport), Vec<CsvProblem>> {
    let ds = match base {
        Some(b) => b.clone(),
        None => new_dataset(returns, source_name),
    };
    let mut m = Merge {
        ds,
        r: returns,
        report: ImportReport {
            source_name: source_name.to_string(),
            rows_read: returns.rows.len(),
            ..Default::default()
        },
        problems: Vec::new(),
        row_notes: Vec::new(),
        seen: HashMap::new(),
        fresh: HashMap::new(),
        noted: HashSet::new(),
        updated: BTreeSet::new(),
        data_only_statuses: 0,
        by_id: HashMap::new(),
        by_name: HashMap::new(),
        directions: Vec::new(),
    };
    for i in 0..m.ds.indicators.len() {
        m.index(i);
    }
    for row in &returns.rows {
        m.row(row);
    }
    if !m.problems.is_empty() {
        let mut p = m.problems;
        crate::order::sort_by_key(&mut p, &|p| p.row);
        return Err(p);
    }
    // Directions of travel compare each figure with the one before: with every row in, in
    // period order.
    m.ds.normalise();
    for (n, idx, period, d) in std::mem::take(&mut m.directions) {
        m.check_direction(n, idx, period, d);
    }
    let Merge {
        mut ds,
        mut report,
        mut row_notes,
        updated,
        data_only_statuses,
        ..
    } = m;
    if base.is_none() {
        if ds.organisation.trim().is_empty() {
            ds.organisation = match ds.councils.as_slice() {
                [] => ds.title.clone(),
                cs if cs.len() <= 3 => cs
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" and "),
                _ => ds.title.clone(),
            };
        }
        if ds.title.trim().is_empty() {
            ds.title = "Imported returns".into();
        }
    }
    report.indicators_updated = updated
        .iter()
        .map(|&i| Named {
            id: ds.indicators[i].id.clone(),
            name: ds.indicators[i].name.clone(),
        })
        .collect();
    ds.normalise();
    let invalid = crate::read::validate(&ds);
    if !invalid.is_empty() {
        return Err(invalid
            .into_iter()
            .map(|p| CsvProblem::file(format!("The imported data would not be valid: {p}")))
            .collect());
    }
    let mut notes = returns.notes.clone();
    crate::order::sort_by_key(&mut row_notes, &|(r, _)| *r);
    notes.extend(row_notes.into_iter().map(|(r, m)| format!("Row {r}: {m}")));
    if !report.rows_skipped.is_empty() {
        let rows = &report.rows_skipped;
        notes.push(format!(
            "{} no target, actual or status, so nothing was recorded for {} ({})",
            plural(rows.len(), "row has", "rows have"),
            if rows.len() == 1 { "it" } else { "them" },
            row_list(rows),
        ));
    }
    if !report.directions_unchecked.is_empty() {
        let rows = &report.directions_unchecked;
        notes.push(format!(
            "{} a direction of travel that could not be checked: there is no earlier figure to compare with, or no actual ({})",
            plural(rows.len(), "row gives", "rows give"),
            row_list(rows),
        ));
    }
    if data_only_statuses > 0 {
        notes.push(format!(
            "{} a status (Red, Amber or Green) for an indicator with no polarity (data only): it is kept as the council's own status, set by hand. The rules cannot rate these until each indicator's polarity (higher or lower is better) is set. Any status that fits neither way is listed above.",
            plural(data_only_statuses, "row gives", "rows give")
        ));
    }
    report.notes = notes;
    Ok((ds, report))
}

/// "row 4", or "rows 4, 9, 12" (the first ten, then how many more).
fn row_list(rows: &[usize]) -> String {
    let list = rows
        .iter()
        .take(10)
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let more = if rows.len() > 10 {
        format!(", … {} more", rows.len() - 10)
    } else {
        String::new()
    };
    format!("row{} {list}{more}", if rows.len() == 1 { "" } else { "s" })
}

/// Reads CSV text and imports it: [`read_returns`] then [`import_returns`].
pub fn import_csv(
    base: Option<&Dataset>,
    text: &str,
    source_name: &str,
) -> Result<(Dataset, ImportReport), Vec<CsvProblem>> {
    let returns = read_returns(text)?;
    import_returns(base, &returns, source_name)
}

/// Imports the rows of a CSV return that can be read and merged, and leaves out the others:
/// the dataset built from the readable rows (a copy of `base`, or a new one), with a report
/// whose [`ImportReport::left_out`] lists every problem of every row left out, by spreadsheet
/// row. With nothing wrong, the same as [`import_csv`]. The error is a problem with the file as
/// a whole (not a CSV file, no period column, an unclosed quote …), or no row that can be
/// imported: then every problem. The base is never changed.
pub fn import_readable(
    base: Option<&Dataset>,
    text: &str,
    source_name: &str,
) -> Result<(Dataset, ImportReport), Vec<CsvProblem>> {
    let (mut returns, mut left_out) = read_readable_returns(text)?;
    let all = |mut left_out: Vec<CsvProblem>| {
        crate::order::sort_by_key(&mut left_out, &|p| p.row);
        left_out
    };
    // A row may fail only when merged (an unknown indicator, a period of the wrong kind): leave
    // it out and merge the rest again, from the base, so that nothing it began (a council it
    // named) stays behind. Every round leaves out at least one row.
    loop {
        if returns.rows.is_empty() {
            return Err(all(left_out));
        }
        match import_returns(base, &returns, source_name) {
            Ok((ds, mut report)) => {
                let left_out = all(left_out);
                if !left_out.is_empty() {
                    report.left_out = left_out;
                    let rows = report.rows_left_out();
                    report.notes.insert(
                        0,
                        format!(
                            "{} left out because {} cannot be read ({}); the other {} imported.",
                            plural(rows.len(), "row was", "rows were"),
                            if rows.len() == 1 { "it" } else { "they" },
                            row_list(&rows),
                            plural(report.rows_read, "row was", "rows were"),
                        ),
                    );
                }
                return Ok((ds, report));
            }
            Err(problems) => {
                let rows: HashSet<usize> = problems.iter().filter_map(|p| p.row).collect();
                let before = returns.rows.len();
                returns.rows.retain(|r| !rows.contains(&r.row));
                let whole_file = problems.iter().any(|p| p.row.is_none());
                left_out.extend(problems);
                if whole_file || returns.rows.len() == before {
                    return Err(all(left_out));
                }
            }
        }
    }
}
