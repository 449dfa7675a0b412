//! Reading returns: a CSV file's rows as typed returns, every problem named by spreadsheet row
//! and column.

use super::cells::*;
use super::columns::Field;
use super::rfc4180::{read_csv, unguard_formula, Separator};
use super::CsvProblem;
use crate::model::*;
use crate::number::parse_number_in;
use crate::period::Period;
use std::collections::HashMap;

/// One row of a return, typed. Blank cells are `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnRow {
    /// The spreadsheet row (the header is row 1).
    pub row: usize,
    pub indicator_id: Option<String>,
    pub indicator: Option<String>,
    pub council: Option<String>,
    pub organisation: Option<String>,
    pub service: Option<String>,
    pub frequency: Option<Frequency>,
    /// The value type a qualifier in the frequency cell gives: "quarterly (cumulative)" and
    /// "monthly, year to date" are cumulative.
    pub measure: Option<Measure>,
    /// Blank means unknown: an existing indicator keeps its own; a new one is data only.
    pub polarity: Option<Polarity>,
    pub unit: Option<String>,
    /// Read by the row's frequency when it gives one (see [`parse_period_for`]).
    pub period: Period,
    /// The period cell as written, trimmed (without any words in brackets after the period): an
    /// ambiguous `2010-11` in a row with no frequency is read again by the indicator's
    /// frequency when it is merged.
    pub period_text: String,
    /// Words in brackets after the period ("2014/15 (annual report; data to Q3)" gives "annual
    /// report; data to Q3"): added to the value's commentary when it is merged.
    pub period_words: Option<String>,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub rag: Option<Rag>,
    pub rag_justification: Option<String>,
    pub commentary: Option<String>,
    pub reason: Option<String>,
    pub remedial_action: Option<String>,
    /// The direction of travel the file publishes: compared with the rules when merged.
    pub direction: Option<PublishedDirection>,
}

/// A return read from CSV: its rows, and what the reader noticed.
#[derive(Clone, Debug, PartialEq)]
pub struct Returns {
    pub separator: Separator,
    /// The columns recognised, with their headings as written in the file.
    pub columns: Vec<(Field, String)>,
    /// Headings not part of a return (ignored).
    pub ignored_columns: Vec<String>,
    pub rows: Vec<ReturnRow>,
    /// Things to tell the user that are not errors.
    pub notes: Vec<String>,
}

impl Returns {
    /// Whether the file has this column.
    pub fn has(&self, f: Field) -> bool {
        self.columns.iter().any(|(g, _)| *g == f)
    }
    /// The column's heading as written in the file (or this app's name for it).
    pub fn column_name(&self, f: Field) -> String {
        self.columns
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| f.name().to_string())
    }
}

/// Reads a CSV return: the rows typed, or every problem found, each naming its row and column.
/// Columns may come in any order; headings are matched ignoring case and spaces; columns that
/// are not part of a return are ignored (and named in a note). Never panics.
pub fn read_returns(text: &str) -> Result<Returns, Vec<CsvProblem>> {
    let (returns, problems) = read_readable_returns(text)?;
    if problems.is_empty() {
        Ok(returns)
    } else {
        Err(problems)
    }
}

/// Reads a CSV return as far as it can be read: the rows that can be read, and the problems of
/// those that cannot (each naming its row and column), so that the rest can be imported and
/// those rows left out. Problems with the file as a whole (not a CSV file, no period column, an
/// unclosed quote, no rows) are the error. Never panics.
pub fn read_readable_returns(text: &str) -> Result<(Returns, Vec<CsvProblem>), Vec<CsvProblem>> {
    let table = read_csv(text).map_err(|p| vec![p])?;
    let Some((header, body)) = table.records.split_first() else {
        return Err(vec![CsvProblem::file("The file is empty.")]);
    };
    let decimal_comma = table.separator == Separator::Semicolon;
    let mut problems = Vec::new();
    let mut columns: Vec<(Field, String)> = Vec::new();
    let mut index: HashMap<Field, usize> = HashMap::new();
    let mut ignored = Vec::new();
    for (i, h) in header.cells.iter().enumerate() {
        let heading = h.trim().trim_start_matches('\u{feff}').trim().to_string();
        if heading.is_empty() {
            continue;
        }
        match Field::from_heading(&heading) {
            Some(f) => {
                if let Some((_, first)) = columns.iter().find(|(g, _)| *g == f) {
                    problems.push(CsvProblem::at(
                        header.row,
                        None,
                        format!(
                            "the columns \"{first}\" and \"{heading}\" both give the {}; keep one of them",
                            f.name()
                        ),
                    ));
                } else {
                    columns.push((f, heading));
                    index.insert(f, i);
                }
            }
            None => ignored.push(heading),
        }
    }
    if columns.is_empty() {
        problems.push(CsvProblem::at(
            header.row,
            None,
            format!(
                "the first row should name the columns ({}); none of its cells is a column this app knows",
                Field::EXPORT.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")
            ),
        ));
        return Err(problems);
    }
    if !index.contains_key(&Field::IndicatorId) && !index.contains_key(&Field::Indicator) {
        problems.push(CsvProblem::at(
            header.row,
            None,
            "no \"indicator\" or \"indicator_id\" column: each row must say which indicator it reports on",
        ));
    }
    if !index.contains_key(&Field::Period) {
        problems.push(CsvProblem::at(
            header.row,
            None,
            "no \"period\" column: each row must say which period it reports on (e.g. 2019-20-Q2 or Q2 2019/20)",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if body.is_empty() {
        return Err(vec![CsvProblem::file(
            "The file has a header row but no rows of figures.",
        )]);
    }
    let name_of = |f: Field| -> String {
        columns
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| f.name().to_string())
    };
    let width = header.cells.len();
    let mut rows = Vec::with_capacity(body.len());
    let mut direction_notes = Vec::new();
    for rec in body {
        let n = rec.row;
        let problems_before = problems.len();
        let cell = |f: Field| -> Option<&str> {
            let i = *index.get(&f)?;
            let c = rec.cells.get(i)?.as_str();
            (!c.trim().is_empty()).then_some(c)
        };
        // A name, id or code: trimmed, guard apostrophe dropped.
        let word = |f: Field| cell(f).map(|c| unguard_formula(c.trim()).trim().to_string());
        // Free text: kept as written (only the guard apostrophe is dropped).
        let text = |f: Field| cell(f).map(|c| unguard_formula(c).to_string());
        let extra = rec
            .cells
            .iter()
            .skip(width)
            .filter(|c| !c.trim().is_empty())
            .count();
        if extra > 0 {
            problems.push(CsvProblem::at(
                n,
                None,
                format!(
                    "this row has {} cells but the header has {width}: is there a {} inside a cell that is not in quotes?",
                    width + extra,
                    table.separator.label()
                ),
            ));
        }
        let mut bad = |f: Field, message: String| {
            problems.push(CsvProblem::at(n, Some(&name_of(f)), message));
        };
        let indicator_id = word(Field::IndicatorId);
        let indicator = word(Field::Indicator);
        if indicator_id.is_none() && indicator.is_none() {
            let f = if index.contains_key(&Field::Indicator) {
                Field::Indicator
            } else {
                Field::IndicatorId
            };
            bad(
                f,
                "blank: every row needs the indicator's id or name".into(),
            );
        }
        // The frequency first: it says how an ambiguous period such as 2010-11 reads.
        let (frequency, measure) = cell(Field::Frequency)
            .and_then(|s| parse_frequency_cell(s).ok())
            .unwrap_or_default();
        let read_period =
            |s: &str| frequency.map_or_else(|| parse_period(s), |f| parse_period_for(s, f));
        let mut period_words = None;
        let mut period_text = cell(Field::Period).unwrap_or_default().trim();
        let period = match cell(Field::Period) {
            None => {
                bad(
                    Field::Period,
                    "blank: every row needs the period it reports on (e.g. 2019-20-Q2 or Q2 2019/20)"
                        .into(),
                );
                None
            }
            Some(s) => match read_period(s) {
                Ok(p) => Some(p),
                // "2014/15 (annual report; data to Q3)": the period, and words for the
                // commentary.
                Err(e) => match period_and_words(s)
                    .and_then(|(head, words)| read_period(head).ok().map(|p| (p, head, words)))
                {
                    Some((p, head, words)) => {
                        period_text = head;
                        period_words = Some(words);
                        Some(p)
                    }
                    None => {
                        bad(Field::Period, e);
                        None
                    }
                },
            },
        };
        let mut number = |f: Field| match cell(f).map(|s| parse_number_in(s, decimal_comma)) {
            None => None,
            Some(Ok(x)) => x,
            Some(Err(e)) => {
                bad(f, e);
                None
            }
        };
        let target = number(Field::Target);
        let actual = number(Field::Actual);
        let mut typed = |f: Field, parse: &dyn Fn(&str) -> Result<(), String>| {
            if let Some(s) = cell(f) {
                if let Err(e) = parse(s) {
                    bad(f, e);
                }
            }
        };
        typed(Field::Rag, &|s| parse_rag(s).map(|_| ()));
        typed(Field::Frequency, &|s| parse_frequency_cell(s).map(|_| ()));
        typed(Field::Polarity, &|s| parse_polarity(s).map(|_| ()));
        let rag = cell(Field::Rag).and_then(|s| parse_rag(s).ok().flatten());
        let polarity = cell(Field::Polarity).and_then(|s| parse_polarity(s).ok().flatten());
        let direction = match cell(Field::Direction).map(parse_direction) {
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                direction_notes.push(format!(
                    "Row {n}, column \"{}\": {e}; it was not checked",
                    name_of(Field::Direction)
                ));
                None
            }
            None => None,
        };
        // A row with a problem is left out: the file is refused, or imported without it.
        let Some(period) = period.filter(|_| problems.len() == problems_before) else {
            continue;
        };
        rows.push(ReturnRow {
            row: n,
            indicator_id,
            indicator,
            council: word(Field::Council),
            organisation: word(Field::Organisation),
            service: word(Field::Service),
            frequency,
            measure,
            polarity,
            unit: word(Field::Unit),
            period,
            period_text: period_text.to_string(),
            period_words,
            target,
            actual,
            rag,
            rag_justification: text(Field::RagJustification),
            commentary: text(Field::Commentary),
            reason: text(Field::Reason),
            remedial_action: text(Field::RemedialAction),
            direction,
        });
    }
    crate::order::sort_by_key(&mut problems, &|p| p.row);
    let mut notes = Vec::new();
    if !ignored.is_empty() {
        notes.push(format!(
            "Column{} ignored (not part of a return): {}",
            if ignored.len() == 1 { "" } else { "s" },
            ignored
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if decimal_comma {
        notes.push(
            "The file is separated by semicolons, so a comma in a number is read as the decimal mark (95,2 is 95.2)."
                .into(),
        );
    }
    notes.extend(direction_notes);
    let returns = Returns {
        separator: table.separator,
        columns,
        ignored_columns: ignored,
        rows,
        notes,
    };
    Ok((returns, problems))
}
