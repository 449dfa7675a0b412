//! CSV returns: how officers send quarterly figures, one row per indicator per period.
//!
//! Three layers, each usable on its own:
//!
//! 1. A small RFC 4180 reader and writer ([`read_csv`], [`csv_line`]): quoted cells, doubled
//!    quotes, line breaks inside quotes, UTF-8 with or without a byte-order mark, LF or CRLF, and
//!    the separator found from the header line (comma, semicolon or tab).
//! 2. [`read_returns`]: the rows as typed returns, every problem named by spreadsheet row and
//!    column ("Row 14, column "actual": "9O.5" is not a number").
//! 3. [`import_returns`]: the returns merged into a dataset (a copy; the base is never changed),
//!    with an [`ImportReport`] of what was created and changed; and [`export_returns`], the same
//!    layout written out again.
//!
//! Written down for people in docs/csv-returns.md: keep the two in step. Nothing here panics,
//! whatever the input.

use crate::model::*;
use crate::period::Period;
use crate::rag::rate;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

pub use crate::number::{parse_number, parse_number_in, write_number};

// ---------------------------------------------------------------------------------------------
// Problems

/// One thing wrong with a CSV file: where (spreadsheet row, as Excel numbers it: the header is
/// row 1; and the column as headed in the file) and what, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// The spreadsheet row (header = 1), when the problem is in one row.
    pub row: Option<usize>,
    /// The line of the text file, where that differs in kind from a row (an unclosed quote).
    pub line: Option<usize>,
    /// The column's heading as written in the file.
    pub column: Option<String>,
    pub message: String,
}

impl CsvProblem {
    fn file(message: impl Into<String>) -> CsvProblem {
        CsvProblem {
            row: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }
    fn at(row: usize, column: Option<&str>, message: impl Into<String>) -> CsvProblem {
        CsvProblem {
            row: Some(row),
            line: None,
            column: column.map(str::to_string),
            message: message.into(),
        }
    }
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (Some(r), Some(c)) => write!(f, "Row {r}, column \"{c}\": {}", self.message),
            (Some(r), None) => write!(f, "Row {r}: {}", self.message),
            (None, Some(c)) => write!(f, "Column \"{c}\": {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bytes to text

/// Turns a file's bytes into text: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark (Excel's "Unicode Text"), otherwise Windows-1252 (Excel's plain "CSV" on a UK
/// PC, where "£" is one byte). Refuses what is plainly not text (a workbook, an image).
pub fn decode_bytes(bytes: &[u8]) -> Result<String, CsvProblem> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(CsvProblem::file(XLSX));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(CsvProblem::file(XLS));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    let utf16 = |rest: &[u8], le: bool| -> String {
        let units = rest.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, false));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    if bytes.contains(&0) {
        return Err(CsvProblem::file(BINARY));
    }
    Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

const XLSX: &str = "This is an Excel workbook (.xlsx), not a CSV file: in Excel choose File, Save As, \"CSV UTF-8 (Comma delimited)\", and import that file.";
const XLS: &str = "This is an old Excel workbook (.xls), not a CSV file: in Excel choose File, Save As, \"CSV UTF-8 (Comma delimited)\", and import that file.";
const BINARY: &str = "This does not look like a CSV file: it holds binary data, not text. Save the spreadsheet as \"CSV UTF-8 (Comma delimited)\" and import that file.";

/// Refuses text that is plainly not a CSV file, with a message that says what to do.
fn check_text(text: &str) -> Result<(), CsvProblem> {
    if text.trim().is_empty() {
        return Err(CsvProblem::file("The file is empty."));
    }
    if text.starts_with("PK\u{3}\u{4}") {
        return Err(CsvProblem::file(XLSX));
    }
    let (mut total, mut bad, mut nul) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            nul += 1;
        }
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
            bad += 1;
        }
    }
    if nul > 0 && nul * 3 >= total {
        return Err(CsvProblem::file(
            "This file is saved as UTF-16 (\"Unicode Text\") or holds binary data: save the spreadsheet as \"CSV UTF-8 (Comma delimited)\" and import that file.",
        ));
    }
    if nul > 0 || bad * 20 > total {
        return Err(CsvProblem::file(BINARY));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The RFC 4180 reader

/// The character between cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    /// As European Excel writes CSV; numbers there use a decimal comma.
    Semicolon,
    Tab,
}

impl Separator {
    pub fn as_char(&self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
            Separator::Tab => '\t',
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Tab => "tab",
        }
    }
}

/// One record of a CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRecord {
    /// The spreadsheet row: the first record is row 1 (blank lines count, as in Excel).
    pub row: usize,
    /// The text line the record starts on.
    pub line: usize,
    pub cells: Vec<String>,
}

/// A CSV file read into records; blank records are left out (their rows still count).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTable {
    pub separator: Separator,
    pub records: Vec<CsvRecord>,
}

/// Reads CSV text: RFC 4180 quoting (a cell in double quotes may hold separators, line breaks
/// and doubled quotes `""`), a leading byte-order mark dropped, LF, CRLF or CR line ends (a
/// CRLF inside quotes becomes LF). The separator is the one the header line uses: comma; or
/// semicolon when the header has semicolons and no commas; or tab. An Excel `sep=;` first line
/// is honoured. Lenient where Excel is: a quote in the middle of an unquoted cell is kept as
/// text. The one error is a quote that is never closed, named by its line.
pub fn read_csv(text: &str) -> Result<CsvTable, CsvProblem> {
    let mut text = text;
    while let Some(t) = text.strip_prefix('\u{feff}') {
        text = t;
    }
    check_text(text)?;
    let mut line = 1;
    let mut forced = None;
    // Excel's hint line: "sep=;".
    let first_line_end = text.find(['\n', '\r']).unwrap_or(text.len());
    let first = &text[..first_line_end];
    if first
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("sep="))
    {
        let rest = first.get(4..).unwrap_or("");
        forced = match rest.trim_end() {
            "," => Some(Separator::Comma),
            ";" => Some(Separator::Semicolon),
            "" if rest.starts_with('\t') => Some(Separator::Tab),
            _ => None,
        };
        if forced.is_some() {
            let mut rest = &text[first_line_end..];
            rest = rest.strip_prefix('\r').unwrap_or(rest);
            rest = rest.strip_prefix('\n').unwrap_or(rest);
            text = rest;
            line = 2;
        }
    }
    let separator = forced.unwrap_or_else(|| detect_separator(text));
    let records = parse_records(text, separator.as_char() as u8, line)?;
    Ok(CsvTable { separator, records })
}

/// Counts separators outside quotes on the first non-blank line.
fn detect_separator(text: &str) -> Separator {
    let (mut commas, mut semis, mut tabs) = (0usize, 0usize, 0usize);
    let mut in_quotes = false;
    let mut seen_any = false;
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => {
                if seen_any {
                    break;
                }
            }
            b',' if !in_quotes => commas += 1,
            b';' if !in_quotes => semis += 1,
            b'\t' if !in_quotes => tabs += 1,
            b' ' => {}
            _ => seen_any = true,
        }
    }
    if tabs > commas && tabs >= semis {
        Separator::Tab
    } else if commas > 0 {
        Separator::Comma
    } else if semis > 0 {
        Separator::Semicolon
    } else {
        Separator::Comma
    }
}

fn parse_records(text: &str, sep: u8, first_line: usize) -> Result<Vec<CsvRecord>, CsvProblem> {
    // Separators, quotes and line ends are ASCII, and UTF-8 never uses an ASCII byte inside a
    // longer character: so every index where one is found is a character boundary.
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut line = first_line;
    let mut row = 0;
    let mut records = Vec::new();
    while i < n {
        row += 1;
        let record_line = line;
        let mut cells = Vec::new();
        loop {
            let mut cell = String::new();
            let mut j = i;
            while j < n && b[j] == b' ' {
                j += 1;
            }
            if j < n && b[j] == b'"' {
                let open_line = line;
                i = j + 1;
                let mut start = i;
                loop {
                    if i >= n {
                        return Err(CsvProblem {
                            row: Some(row),
                            line: Some(open_line),
                            column: None,
                            message: format!(
                                "the quote that opens a cell on line {open_line} is never closed: a cell that starts with \" must end with \", and a quote inside it is written twice (\"\")"
                            ),
                        });
                    }
                    match b[i] {
                        b'"' => {
                            cell.push_str(&text[start..i]);
                            if i + 1 < n && b[i + 1] == b'"' {
                                cell.push('"');
                                i += 2;
                                start = i;
                            } else {
                                i += 1;
                                break;
                            }
                        }
                        b'\r' => {
                            cell.push_str(&text[start..i]);
                            cell.push('\n');
                            i += if i + 1 < n && b[i + 1] == b'\n' { 2 } else { 1 };
                            line += 1;
                            start = i;
                        }
                        b'\n' => {
                            line += 1;
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
                // After the closing quote: anything before the separator is kept (as Excel does).
                let start = i;
                while i < n && b[i] != sep && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                let tail = &text[start..i];
                if !tail.trim().is_empty() {
                    cell.push_str(tail);
                }
            } else {
                let start = i;
                while i < n && b[i] != sep && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                cell.push_str(&text[start..i]);
            }
            cells.push(cell);
            if i < n && b[i] == sep {
                i += 1;
                if i >= n {
                    cells.push(String::new());
                    break;
                }
                continue;
            }
            if i < n {
                i += if b[i] == b'\r' && i + 1 < n && b[i + 1] == b'\n' {
                    2
                } else {
                    1
                };
                line += 1;
            }
            break;
        }
        if cells.iter().any(|c| !c.trim().is_empty()) {
            records.push(CsvRecord {
                row,
                line: record_line,
                cells,
            });
        }
    }
    Ok(records)
}

// ---------------------------------------------------------------------------------------------
// The writer and the formula guard

/// Characters that make a spreadsheet treat a cell as a formula (OWASP's list).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn needs_guard(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(FORMULA_START) && !matches!(parse_number(s), Ok(Some(_)))
}

/// Guards a text cell against CSV formula injection: text that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (after any apostrophes) and is not a plain number gets a leading
/// apostrophe, so that Excel shows it as text. [`unguard_formula`] undoes exactly this:
/// `unguard_formula(&guard_formula(s)) == s` for every `s`.
pub fn guard_formula(s: &str) -> Cow<'_, str> {
    if needs_guard(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Drops the apostrophe [`guard_formula`] adds: only from text that starts with one and would
/// need guarding without it.
pub fn unguard_formula(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

/// One cell as RFC 4180 writes it: in double quotes (with inner quotes doubled) when it holds a
/// comma, quote, line break, semicolon or tab, or starts or ends with a space.
pub fn quote_cell(s: &str) -> Cow<'_, str> {
    let needs =
        s.contains([',', '"', '\r', '\n', ';', '\t']) || s.starts_with(' ') || s.ends_with(' ');
    if needs {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// One CSV record, cells quoted as needed, comma-separated, ending CRLF.
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote_cell(c.as_ref()));
    }
    out.push_str("\r\n");
    out
}

// ---------------------------------------------------------------------------------------------
// Columns

/// A column of a return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    IndicatorId,
    Indicator,
    Council,
    /// Not a council column: used as the council only when the file has no council column.
    Organisation,
    Service,
    Frequency,
    Polarity,
    Unit,
    Period,
    Target,
    Actual,
    Rag,
    RagJustification,
    Commentary,
    Reason,
    RemedialAction,
}

impl Field {
    /// The columns [`export_returns`] writes, in order.
    pub const EXPORT: [Field; 15] = [
        Field::IndicatorId,
        Field::Indicator,
        Field::Council,
        Field::Service,
        Field::Frequency,
        Field::Polarity,
        Field::Unit,
        Field::Period,
        Field::Target,
        Field::Actual,
        Field::Rag,
        Field::RagJustification,
        Field::Commentary,
        Field::Reason,
        Field::RemedialAction,
    ];

    /// The heading this app writes.
    pub fn name(&self) -> &'static str {
        match self {
            Field::IndicatorId => "indicator_id",
            Field::Indicator => "indicator",
            Field::Council => "council",
            Field::Organisation => "organisation",
            Field::Service => "service",
            Field::Frequency => "frequency",
            Field::Polarity => "polarity",
            Field::Unit => "unit",
            Field::Period => "period",
            Field::Target => "target",
            Field::Actual => "actual",
            Field::Rag => "rag",
            Field::RagJustification => "rag_justification",
            Field::Commentary => "commentary",
            Field::Reason => "reason",
            Field::RemedialAction => "remedial_action",
        }
    }

    /// Reads a heading: case and surrounding spaces do not matter, and spaces, hyphens and the
    /// like count as underscores ("Indicator ID", "Remedial action", "Published RAG").
    pub fn from_heading(h: &str) -> Option<Field> {
        let key = heading_key(h);
        Some(match key.as_str() {
            "indicator_id" | "id" | "indicator_code" => Field::IndicatorId,
            "indicator" | "indicator_name" | "name" => Field::Indicator,
            "council" | "council_id" => Field::Council,
            "organisation" | "organization" => Field::Organisation,
            "service" | "service_id" | "service_area" => Field::Service,
            "frequency" => Field::Frequency,
            "polarity" => Field::Polarity,
            "unit" | "units" => Field::Unit,
            "period" => Field::Period,
            "target" => Field::Target,
            "actual" | "outturn" => Field::Actual,
            "rag" | "published_rag" | "rag_status" | "status" => Field::Rag,
            "rag_justification" | "justification" => Field::RagJustification,
            "commentary" | "comment" | "comments" => Field::Commentary,
            "reason" | "reasons" => Field::Reason,
            "remedial_action" | "remedial_actions" => Field::RemedialAction,
            _ => return None,
        })
    }
}

fn heading_key(h: &str) -> String {
    let mut out = String::new();
    for c in h.trim().trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

// ---------------------------------------------------------------------------------------------
// Returns

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
    /// Blank means unknown: an existing indicator keeps its own; a new one is data only.
    pub polarity: Option<Polarity>,
    pub unit: Option<String>,
    /// Read by the row's frequency when it gives one (see [`parse_period_for`]).
    pub period: Period,
    /// The period cell as written, trimmed: an ambiguous `2010-11` in a row with no frequency
    /// is read again by the indicator's frequency when it is merged.
    pub period_text: String,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub rag: Option<Rag>,
    pub rag_justification: Option<String>,
    pub commentary: Option<String>,
    pub reason: Option<String>,
    pub remedial_action: Option<String>,
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

/// Reads a period as officers write it: the ids (`2019-20-Q2`, `2019-20`, `2019-07`), `Q2
/// 2019/20`, `2019/20 Q2`, `Quarter 2 2019/20`, `2019/20`, and months as Excel rewrites them
/// (`Jul-19`, `July 2019`).
pub fn parse_period(s: &str) -> Result<Period, String> {
    let t = s.trim();
    if let Ok(p) = Period::parse_lenient(t) {
        return Ok(p);
    }
    let err = || {
        Err(format!(
            "\"{t}\" is not a period (write it like 2019-20-Q2, Q2 2019/20, 2019/20 or 2019-07)"
        ))
    };
    // "Quarter 2 2019/20".
    let lower = t.to_lowercase();
    if lower.contains("quarter") {
        let q = lower.replace("quarter ", "q").replace("quarter", "q");
        if let Ok(p) = Period::parse_lenient(&q) {
            return Ok(p);
        }
    }
    // Months: "July 2019", "Jul 2019", "Jul-19", "Jul-2019".
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let parts: Vec<&str> = lower
        .split(['-', ' ', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    if let [m, y] = parts.as_slice() {
        let month = MONTHS
            .iter()
            .position(|name| m.len() >= 3 && m.starts_with(name) && month_word_ok(m, name));
        let year = match y.len() {
            2 if y.bytes().all(|b| b.is_ascii_digit()) => y.parse::<i32>().ok().map(|v| 2000 + v),
            4 if y.bytes().all(|b| b.is_ascii_digit()) => y.parse::<i32>().ok(),
            _ => None,
        };
        if let (Some(m), Some(year)) = (month, year) {
            if (1900..=2999).contains(&year) {
                return Ok(Period::Month {
                    year,
                    month: m as u8 + 1,
                });
            }
        }
    }
    err()
}

/// Reads a period of an indicator with this frequency: as [`parse_period`], except that an id
/// that is both a month and a financial year (`2010-11`) is the year for an annual, biennial or
/// quarterly indicator (see [`Period::parse_for`]).
pub fn parse_period_for(s: &str, freq: Frequency) -> Result<Period, String> {
    match Period::parse_for(s.trim(), freq) {
        Ok(p) => Ok(p),
        Err(_) => parse_period(s),
    }
}

fn month_word_ok(word: &str, abbrev: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    word == abbrev
        || FULL.iter().any(|f| f.starts_with(abbrev) && *f == word)
        || (abbrev == "sep" && word == "sept")
}

fn words_key(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Reads a status: green/amber/red (or G/A/R), no_data, data_only, not_due; any case.
pub fn parse_rag(s: &str) -> Result<Option<Rag>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" => return Ok(None),
        "g" | "green" => Rag::Green,
        "a" | "amber" => Rag::Amber,
        "r" | "red" => Rag::Red,
        "no data" | "nodata" => Rag::NoData,
        "data only" | "dataonly" => Rag::DataOnly,
        "not due" | "notdue" => Rag::NotDue,
        _ => {
            return Err(format!(
                "\"{}\" is not a status (use Green, Amber or Red, or G, A or R; also no_data, data_only or not_due; or leave it blank)",
                s.trim()
            ))
        }
    }))
}

fn parse_frequency(s: &str) -> Result<Option<Frequency>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" => return Ok(None),
        "monthly" | "month" => Frequency::Monthly,
        "quarterly" | "quarter" => Frequency::Quarterly,
        "annual" | "annually" | "yearly" | "year" => Frequency::Annual,
        "biennial" | "biennially" | "every two years" => Frequency::Biennial,
        _ => {
            return Err(format!(
                "\"{}\" is not a frequency (use {})",
                s.trim(),
                Frequency::words()
            ))
        }
    }))
}

fn parse_polarity(s: &str) -> Result<Option<Polarity>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" => return Ok(None),
        "higher" | "high" | "higher is better" | "up" => Polarity::Higher,
        "lower" | "low" | "lower is better" | "down" => Polarity::Lower,
        "none" | "data only" => Polarity::None,
        _ => {
            return Err(format!(
                "\"{}\" is not a polarity (use higher, lower or none; leave it blank if unknown)",
                s.trim()
            ))
        }
    }))
}

/// Reads a CSV return: the rows typed, or every problem found, each naming its row and column.
/// Columns may come in any order; headings are matched ignoring case and spaces; columns that
/// are not part of a return are ignored (and named in a note). Never panics.
pub fn read_returns(text: &str) -> Result<Returns, Vec<CsvProblem>> {
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
    for rec in body {
        let n = rec.row;
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
        let frequency = cell(Field::Frequency).and_then(|s| parse_frequency(s).ok().flatten());
        let period = match cell(Field::Period) {
            None => {
                bad(
                    Field::Period,
                    "blank: every row needs the period it reports on (e.g. 2019-20-Q2 or Q2 2019/20)"
                        .into(),
                );
                None
            }
            Some(s) => {
                match frequency.map_or_else(|| parse_period(s), |f| parse_period_for(s, f)) {
                    Ok(p) => Some(p),
                    Err(e) => {
                        bad(Field::Period, e);
                        None
                    }
                }
            }
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
        typed(Field::Frequency, &|s| parse_frequency(s).map(|_| ()));
        typed(Field::Polarity, &|s| parse_polarity(s).map(|_| ()));
        let rag = cell(Field::Rag).and_then(|s| parse_rag(s).ok().flatten());
        let polarity = cell(Field::Polarity).and_then(|s| parse_polarity(s).ok().flatten());
        let Some(period) = period else { continue };
        rows.push(ReturnRow {
            row: n,
            indicator_id,
            indicator,
            council: word(Field::Council),
            organisation: word(Field::Organisation),
            service: word(Field::Service),
            frequency,
            polarity,
            unit: word(Field::Unit),
            period,
            period_text: cell(Field::Period).unwrap_or_default().trim().to_string(),
            target,
            actual,
            rag,
            rag_justification: text(Field::RagJustification),
            commentary: text(Field::Commentary),
            reason: text(Field::Reason),
            remedial_action: text(Field::RemedialAction),
        });
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.row);
        return Err(problems);
    }
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
    Ok(Returns {
        separator: table.separator,
        columns,
        ignored_columns: ignored,
        rows,
        notes,
    })
}

// ---------------------------------------------------------------------------------------------
// Import

/// Something's id and name, for reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// A status in the file that differs from what the rules compute.
#[derive(Clone, Debug, PartialEq)]
pub struct RagDisagreement {
    pub row: usize,
    pub indicator_id: String,
    pub period: Period,
    /// The status the file gives (stored as set by hand).
    pub published: Rag,
    /// What the rules compute: one entry for an indicator with a polarity; for a data-only
    /// indicator (polarity unknown), two: if higher were better, and if lower were better —
    /// listed only when the file's status matches neither.
    pub computed: Vec<(Polarity, Rag)>,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    pub source_name: String,
    /// Rows of figures read from the file.
    pub rows_read: usize,
    pub councils_created: Vec<Named>,
    pub services_created: Vec<Named>,
    /// (service, council): a council added to the councils a service serves.
    pub services_extended: Vec<(Named, Named)>,
    pub indicators_created: Vec<Named>,
    /// Indicators already in the dataset that got a value added or changed.
    pub indicators_updated: Vec<Named>,
    pub values_added: usize,
    pub values_changed: usize,
    /// Rows that matched a value already the same.
    pub values_unchanged: usize,
    /// Rows with no figure, status or text: nothing to record.
    pub rows_skipped: Vec<usize>,
    pub disagreements: Vec<RagDisagreement>,
    /// Warnings and notes for the user, in plain words ("Row 5: the file says Green, the rules
    /// compute Amber (…)").
    pub notes: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn names_in_brackets(items: &[Named]) -> String {
    if items.is_empty() || items.len() > 3 {
        String::new()
    } else {
        format!(
            " ({})",
            items
                .iter()
                .map(|n| n.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

impl ImportReport {
    /// Whether the import changed nothing.
    pub fn is_no_change(&self) -> bool {
        self.councils_created.is_empty()
            && self.services_created.is_empty()
            && self.services_extended.is_empty()
            && self.indicators_created.is_empty()
            && self.values_added == 0
            && self.values_changed == 0
    }

    /// One sentence for people: "45 indicators created, 90 values added, 1 council created (Hart
    /// District Council), 11 services created".
    pub fn summary(&self) -> String {
        if self.is_no_change() {
            return if self.values_unchanged > 0 {
                format!(
                    "No changes: {} already as in the file",
                    plural(self.values_unchanged, "value is", "values are")
                )
            } else {
                "No changes".to_string()
            };
        }
        let mut parts = Vec::new();
        if !self.indicators_created.is_empty() {
            parts.push(plural(
                self.indicators_created.len(),
                "indicator created",
                "indicators created",
            ));
        }
        if !self.indicators_updated.is_empty() {
            parts.push(plural(
                self.indicators_updated.len(),
                "indicator updated",
                "indicators updated",
            ));
        }
        if self.values_added > 0 {
            parts.push(plural(self.values_added, "value added", "values added"));
        }
        if self.values_changed > 0 {
            parts.push(plural(
                self.values_changed,
                "value changed",
                "values changed",
            ));
        }
        if !self.councils_created.is_empty() {
            parts.push(format!(
                "{}{}",
                plural(
                    self.councils_created.len(),
                    "council created",
                    "councils created"
                ),
                names_in_brackets(&self.councils_created)
            ));
        }
        if !self.services_created.is_empty() {
            parts.push(format!(
                "{}{}",
                plural(
                    self.services_created.len(),
                    "service created",
                    "services created"
                ),
                names_in_brackets(&self.services_created)
            ));
        }
        if !self.services_extended.is_empty() {
            parts.push(plural(
                self.services_extended.len(),
                "service now also serves another council",
                "services now also serve another council",
            ));
        }
        parts.join(", ")
    }
}

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

fn unique_id(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The leading code of an indicator's name, as councils number them: "CS01", "HS16", "CS02a".
fn leading_code(name: &str) -> Option<&str> {
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

fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn council_matches(c: &Council, text: &str) -> bool {
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

fn service_matches(s: &Service, text: &str) -> bool {
    same_text(&s.id, text) || same_text(&s.name, text) || slug(text, "") == s.id
}

fn period_fits(freq: Frequency, p: &Period) -> bool {
    matches!(
        (freq, p),
        (Frequency::Monthly, Period::Month { .. })
            | (Frequency::Quarterly, Period::Quarter { .. })
            | (Frequency::Annual | Frequency::Biennial, Period::Year { .. })
    )
}

fn frequency_for(p: &Period) -> Frequency {
    match p {
        Period::Month { .. } => Frequency::Monthly,
        Period::Quarter { .. } => Frequency::Quarterly,
        Period::Year { .. } => Frequency::Annual,
    }
}

fn short_name(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn text_same(old: &str, new: &str) -> bool {
    old.replace("\r\n", "\n") == new.replace("\r\n", "\n")
}

/// What an indicator created by this import has been given so far (later rows may fill blanks).
#[derive(Default)]
struct Fresh {
    frequency_given: bool,
    polarity_given: bool,
    unit_given: bool,
}

struct Merge<'a> {
    ds: Dataset,
    r: &'a Returns,
    report: ImportReport,
    problems: Vec<CsvProblem>,
    /// Row notes, sorted by row at the end.
    row_notes: Vec<(usize, String)>,
    seen: HashMap<(usize, Period), usize>,
    fresh: HashMap<usize, Fresh>,
    noted: HashSet<(usize, &'static str)>,
    updated: BTreeSet<usize>,
    data_only_statuses: usize,
    /// Indicators by lower-case id, and by name key: lookups stay fast on large files.
    by_id: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Merge<'_> {
    fn problem(&mut self, row: usize, f: Option<Field>, message: impl Into<String>) {
        let col = f.map(|f| self.r.column_name(f));
        self.problems
            .push(CsvProblem::at(row, col.as_deref(), message));
    }

    fn note(&mut self, row: usize, message: String) {
        self.row_notes.push((row, message));
    }

    /// The council the row names: its council cell, or its organisation cell when the file has
    /// no council column.
    fn council_text<'r>(&self, row: &'r ReturnRow) -> Option<&'r str> {
        if self.r.has(Field::Council) {
            row.council.as_deref()
        } else {
            row.organisation.as_deref()
        }
    }

    fn council_list(&self) -> String {
        self.ds
            .councils
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Finds the council a text names, or creates it.
    fn find_or_create_council(&mut self, text: &str) -> usize {
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
    fn scope_matches(&self, scope: &Scope, text: &str) -> bool {
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
                want.sort_unstable();
                got.sort_unstable();
                got.dedup();
                got.len() == list.len() && got == want
            }
            (_, None) => named(text).is_some_and(|c| scope.serves(c)),
        }
    }

    /// Finds or creates the row's council.
    fn council(&mut self, row: &ReturnRow) -> Option<usize> {
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
    fn service(&mut self, row: &ReturnRow, councils: &[usize], shared: bool) -> Option<usize> {
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

    fn index(&mut self, idx: usize) {
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
    fn find_by_id(&self, id: &str) -> Option<usize> {
        let candidates = self.by_id.get(&id.to_ascii_lowercase())?;
        if let Some(&i) = candidates.iter().find(|&&i| self.ds.indicators[i].id == id) {
            return Some(i);
        }
        match candidates.as_slice() {
            [i] => Some(*i),
            _ => None,
        }
    }

    fn named(&self, name: &str) -> &[usize] {
        self.by_name
            .get(&name_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// An id in the style of the data format's (`EX-03-LBH`): the name's leading code as
    /// written, else a slug of the name; then the council's short code, else its id; made
    /// unique (ignoring case) with "-2", "-3".
    fn new_indicator_id(&self, name: &str, council: Option<usize>) -> String {
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
    fn indicator(&mut self, row: &ReturnRow) -> Option<usize> {
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
            service: self.ds.services[service].id.clone(),
            scope,
            frequency: row.frequency.unwrap_or_else(|| frequency_for(&row.period)),
            polarity: row.polarity.unwrap_or(Polarity::None),
            unit: row.unit.clone(),
            decimals: None,
            measure: None,
            tolerance: None,
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
            },
        );
        self.report.indicators_created.push(Named { id, name });
        Some(idx)
    }

    /// Compares the row's description of an indicator with the indicator; fills blanks of one
    /// created by this import; otherwise notes differences once (the indicator is unchanged).
    fn check_definition(&mut self, row: &ReturnRow, idx: usize) {
        let n = row.row;
        let (fresh_freq, fresh_pol, fresh_unit) = match self.fresh.get(&idx) {
            Some(f) => (!f.frequency_given, !f.polarity_given, !f.unit_given),
            None => (false, false, false),
        };
        let ind = &self.ds.indicators[idx];
        let label = short_name(&ind.name);
        let mut notes: Vec<(&'static str, String)> = Vec::new();
        if let Some(name) = row.indicator.as_deref() {
            if name_key(name) != name_key(&ind.name) {
                notes.push((
                    "name",
                    format!(
                        "the file calls indicator \"{}\" \"{}\"; it keeps its name \"{}\"",
                        ind.id,
                        short_name(name),
                        label
                    ),
                ));
            }
        }
        if let Some(s) = row.service.as_deref() {
            let ok = self
                .ds
                .service(&ind.service)
                .is_some_and(|x| service_matches(x, s));
            if !ok {
                notes.push((
                    "service",
                    format!(
                        "the file puts \"{label}\" in service \"{s}\"; it stays in {}",
                        self.ds.service_name(&ind.service)
                    ),
                ));
            }
        }
        let mut set_freq = None;
        if let Some(f) = row.frequency {
            if f != ind.frequency {
                if fresh_freq && ind.values.iter().all(|v| period_fits(f, &v.period)) {
                    set_freq = Some(f);
                } else {
                    notes.push((
                        "frequency",
                        format!(
                            "the file says \"{label}\" is {f}; it stays {}",
                            ind.frequency
                        ),
                    ));
                }
            }
        }
        let mut set_pol = None;
        if let Some(p) = row.polarity {
            if p != ind.polarity {
                if fresh_pol {
                    set_pol = Some(p);
                } else {
                    notes.push((
                        "polarity",
                        format!(
                            "the file gives \"{label}\" polarity {p}; it keeps {}",
                            ind.polarity
                        ),
                    ));
                }
            }
        }
        let mut set_unit = None;
        if let Some(u) = row.unit.as_deref() {
            if ind.unit.as_deref() != Some(u) {
                if fresh_unit {
                    set_unit = Some(u.to_string());
                } else {
                    notes.push((
                        "unit",
                        format!(
                            "the file gives \"{label}\" the unit \"{u}\"; it keeps {}",
                            match &ind.unit {
                                Some(x) => format!("\"{x}\""),
                                None => "no unit".into(),
                            }
                        ),
                    ));
                }
            }
        }
        let ind = &mut self.ds.indicators[idx];
        if let Some(f) = set_freq {
            ind.frequency = f;
        }
        if let Some(p) = set_pol {
            ind.polarity = p;
        }
        if let Some(u) = set_unit {
            ind.unit = Some(u);
        }
        if let Some(fr) = self.fresh.get_mut(&idx) {
            fr.frequency_given |= row.frequency.is_some();
            fr.polarity_given |= row.polarity.is_some();
            fr.unit_given |= row.unit.is_some();
        }
        for (what, msg) in notes {
            if self.noted.insert((idx, what)) {
                self.note(n, msg);
            }
        }
    }

    fn row(&mut self, row: &ReturnRow) {
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
            || row.reason.is_some()
            || row.remedial_action.is_some()
            || row.rag_justification.is_some();
        let ind = &mut self.ds.indicators[idx];
        let rag_before = ind.value(&row.period).and_then(|v| v.rag);
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
                text(&mut v.commentary, &row.commentary);
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
                    commentary: row.commentary.clone(),
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
        // A status already in the dataset is not news: only new or changed ones are checked.
        if row.rag != rag_before {
            self.check_rag(row, idx);
        }
    }

    /// Compares a status given in the file with what the rules compute, and notes disagreements.
    fn check_rag(&mut self, row: &ReturnRow, idx: usize) {
        let Some(published) = row.rag else { return };
        if !matches!(published, Rag::Red | Rag::Amber | Rag::Green) {
            return;
        }
        let tol = self.ds.tolerance_default();
        let ind = &self.ds.indicators[idx];
        let Some(v) = ind.value(&row.period) else {
            return;
        };
        let tol = ind.tolerance_or(tol);
        let rated = |p: Polarity| rate(p, v.target, v.actual, tol, ind.decimals);
        let rag_word = |r: Rag| r.colour_word();
        let computed: Vec<(Polarity, Rag)> = match ind.polarity {
            Polarity::None => {
                self.data_only_statuses += 1;
                if v.target.is_none() || v.actual.is_none() {
                    return;
                }
                let (h, l) = (rated(Polarity::Higher), rated(Polarity::Lower));
                if h == published || l == published {
                    return;
                }
                vec![(Polarity::Higher, h), (Polarity::Lower, l)]
            }
            p => {
                let c = rated(p);
                if !matches!(c, Rag::Red | Rag::Amber | Rag::Green) || c == published {
                    return;
                }
                vec![(p, c)]
            }
        };
        let what = match computed.as_slice() {
            [(_, c)] => format!("the rules compute {}", rag_word(*c)),
            [(_, h), (_, l)] if h == l => {
                format!("the rules compute {} whichever way is better", rag_word(*h))
            }
            [(_, h), (_, l)] => format!(
                "the rules compute {} if higher is better, {} if lower is better",
                rag_word(*h),
                rag_word(*l)
            ),
            _ => String::new(),
        };
        let msg = format!(
            "the file says {}, {what} (\"{}\", {})",
            rag_word(published),
            short_name(&ind.name),
            row.period.short_label()
        );
        self.report.disagreements.push(RagDisagreement {
            row: row.row,
            indicator_id: ind.id.clone(),
            period: row.period,
            published,
            computed,
        });
        self.note(row.row, msg);
    }
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
        councils: Vec::new(),
        services: Vec::new(),
        priorities: Vec::new(),
        themes: Vec::new(),
        indicators: Vec::new(),
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
    };
    for i in 0..m.ds.indicators.len() {
        m.index(i);
    }
    for row in &returns.rows {
        m.row(row);
    }
    if !m.problems.is_empty() {
        let mut p = m.problems;
        p.sort_by_key(|p| p.row);
        return Err(p);
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
    row_notes.sort_by_key(|(r, _)| *r);
    notes.extend(row_notes.into_iter().map(|(r, m)| format!("Row {r}: {m}")));
    if !report.rows_skipped.is_empty() {
        let rows = &report.rows_skipped;
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
        notes.push(format!(
            "{} no target, actual or status, so nothing was recorded for {} (row{} {list}{more})",
            plural(rows.len(), "row has", "rows have"),
            if rows.len() == 1 { "it" } else { "them" },
            if rows.len() == 1 { "" } else { "s" },
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

/// Reads CSV text and imports it: [`read_returns`] then [`import_returns`].
pub fn import_csv(
    base: Option<&Dataset>,
    text: &str,
    source_name: &str,
) -> Result<(Dataset, ImportReport), Vec<CsvProblem>> {
    let returns = read_returns(text)?;
    import_returns(base, &returns, source_name)
}

// ---------------------------------------------------------------------------------------------
// Export

/// Writes indicators' values as a CSV return in the layout [`read_returns`] reads: a header row,
/// then one row per indicator per period. With `periods`, one row for each listed period that
/// fits the indicator's frequency, blank where there is no value yet (a template to fill in);
/// without, one row per value. UTF-8 with a byte-order mark (so Excel reads "£" and accents),
/// CRLF line ends, RFC 4180 quoting, numbers written plainly, periods as ids, council and
/// service as ids, the status only when set by hand, and text cells guarded against formula
/// injection ([`guard_formula`]).
pub fn export_returns(
    ds: &Dataset,
    indicators: &[&Indicator],
    periods: Option<&[Period]>,
) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&Field::EXPORT.map(|f| f.name())));
    for ind in indicators {
        match periods {
            None => {
                let mut values: Vec<&IndicatorValue> = ind.values.iter().collect();
                values.sort_by_key(|v| v.period);
                for v in values {
                    out.push_str(&export_row(ind, &v.period, Some(v)));
                }
            }
            Some(ps) => {
                let mut ps: Vec<Period> = ps.to_vec();
                ps.sort();
                ps.dedup();
                for p in ps.iter().filter(|p| period_fits(ind.frequency, p)) {
                    out.push_str(&export_row(ind, p, ind.value(p)));
                }
            }
        }
    }
    // `ds` is not needed for the rows today (council and service are written as ids); it stays
    // in the signature so that the layout can grow (e.g. names beside ids) without callers changing.
    let _ = ds;
    out
}

/// The headings of the columns [`export_view`] adds after a return's: what the reporting
/// engine says of each row, in the words every page and the pack use. None of them is a
/// column the reader takes, so the file imports again as a return.
pub const VIEW_COLUMNS: [&str; 4] = [
    "Status by the rules",
    crate::engine::SHORT_TERM,
    crate::engine::LONG_TERM,
    "Latest figure as at",
];

/// The indicator list's current view as CSV: the rows [`export_returns`] writes for `period`,
/// each followed by the engine's answer for that indicator as at the period: its status (by
/// the rules, even where the file sets one by hand), its direction of travel since the previous
/// figure and since a year earlier ("Improved since Q1 2019/20"), and the period of the latest
/// figure when it is older than the period.
pub fn export_view(ds: &Dataset, indicators: &[&Indicator], period: &Period) -> String {
    let engine = crate::engine::Engine::new(ds, *period);
    let mut out = String::from("\u{feff}");
    let mut head: Vec<&str> = Field::EXPORT.iter().map(|f| f.name()).collect();
    head.extend(VIEW_COLUMNS);
    out.push_str(&csv_line(&head));
    for ind in indicators {
        if !period_fits(ind.frequency, period) {
            continue;
        }
        let at = engine.indicator(ind);
        let row = export_row(ind, period, ind.value(period));
        let travel = |t: Option<crate::rag::Travel>| t.map(|t| t.describe()).unwrap_or_default();
        let extra = csv_line(&[
            at.status.computed.label().to_string(),
            travel(at.short_term),
            travel(at.long_term),
            at.as_at.map(|p| p.short_label()).unwrap_or_default(),
        ]);
        // One line: the return's cells, then the engine's.
        out.push_str(row.trim_end_matches("\r\n"));
        out.push(',');
        out.push_str(&extra);
    }
    out
}

/// Every value of every indicator in the dataset, as [`export_returns`] writes them.
pub fn export_all(ds: &Dataset) -> String {
    let inds: Vec<&Indicator> = ds.indicators.iter().collect();
    export_returns(ds, &inds, None)
}

fn export_row(ind: &Indicator, period: &Period, v: Option<&IndicatorValue>) -> String {
    let text = |s: Option<&str>| guard_formula(s.unwrap_or("")).into_owned();
    let num = |x: Option<f64>| x.map(write_number).unwrap_or_default();
    let cells: Vec<String> = Field::EXPORT
        .iter()
        .map(|f| match f {
            Field::IndicatorId => text(Some(&ind.id)),
            Field::Indicator => text(Some(&ind.name)),
            Field::Council => text(Some(&scope_cell(&ind.scope))),
            Field::Organisation => String::new(),
            Field::Service => text(Some(&ind.service)),
            Field::Frequency => ind.frequency.as_str().to_string(),
            Field::Polarity => ind.polarity.as_str().to_string(),
            Field::Unit => text(ind.unit.as_deref()),
            Field::Period => period.id(),
            Field::Target => num(v.and_then(|v| v.target)),
            Field::Actual => num(v.and_then(|v| v.actual)),
            Field::Rag => v
                .and_then(|v| v.rag)
                .map(|r| r.as_str().to_string())
                .unwrap_or_default(),
            Field::RagJustification => text(v.and_then(|v| v.rag_justification.as_deref())),
            Field::Commentary => text(v.and_then(|v| v.commentary.as_deref())),
            Field::Reason => text(v.and_then(|v| v.reason.as_deref())),
            Field::RemedialAction => text(v.and_then(|v| v.remedial_action.as_deref())),
        })
        .collect();
    csv_line(&cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_officers_type_them() {
        let ok = |s: &str| parse_number(s).unwrap();
        assert_eq!(ok("95.2%"), Some(95.2));
        assert_eq!(ok("1,234"), Some(1234.0));
        assert_eq!(ok("£1,250"), Some(1250.0));
        assert_eq!(ok("-£3.50"), Some(-3.5));
        assert_eq!(ok("£-3.50"), Some(-3.5));
        assert_eq!(ok("(1,250)"), Some(-1250.0));
        assert_eq!(ok(" 12 "), Some(12.0));
        assert_eq!(ok(".5"), Some(0.5));
        assert_eq!(ok("1 234 567.5"), Some(1234567.5));
        assert_eq!(ok("+7"), Some(7.0));
        assert_eq!(ok("-0"), Some(0.0));
        for blank in ["", "  ", "-", "n/a", "N/A", "–"] {
            assert_eq!(ok(blank), None, "{blank:?}");
        }
        for bad in [
            "9O.5", "1,23", "1,2345", "abc", "1e5", "inf", "NaN", "1.2.3", "£", "%", "--1",
            "1,234,5",
        ] {
            assert_eq!(
                parse_number(bad),
                Err(format!("\"{bad}\" is not a number")),
                "{bad}"
            );
        }
        assert_eq!(parse_number_in("95,2", true), Ok(Some(95.2)));
        assert_eq!(parse_number_in("1.234,5", true), Ok(Some(1234.5)));
        assert_eq!(parse_number_in("95.2", true), Ok(Some(95.2)));
        assert!(parse_number(&"9".repeat(400)).is_err());
    }

    #[test]
    fn numbers_written_plainly_and_read_back() {
        for x in [
            95.2,
            0.1 + 0.2,
            -28.0,
            1234567.0,
            1e-7,
            123456789012.5,
            -0.0,
            1.0 / 3.0,
        ] {
            let s = write_number(x);
            assert!(!s.contains(['e', 'E', ',']), "{s}");
            assert_eq!(
                parse_number(&s).unwrap(),
                Some(if x == 0.0 { 0.0 } else { x })
            );
        }
        assert_eq!(write_number(95.2), "95.2");
        assert_eq!(write_number(-0.0), "0");
        assert_eq!(write_number(1250.0), "1250");
    }

    #[test]
    fn formula_guard_is_undone_exactly() {
        for s in [
            "=SUM(A1:A2)",
            "+44 20 7946 0000",
            "-5 days",
            "@home",
            "'=x",
            "''=x",
            "'",
            "'plain",
            "-5",
            "-",
            "plain",
            "",
            "\tx",
            "it's",
        ] {
            let g = guard_formula(s);
            assert_eq!(unguard_formula(&g), s, "{s:?} → {g:?}");
        }
        assert_eq!(guard_formula("=1+1"), "'=1+1");
        assert_eq!(guard_formula("-28"), "-28");
        assert_eq!(guard_formula("'plain"), "'plain");
    }

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

    #[test]
    fn headings_and_words() {
        assert_eq!(
            Field::from_heading(" Indicator ID "),
            Some(Field::IndicatorId)
        );
        assert_eq!(Field::from_heading("Published RAG"), Some(Field::Rag));
        assert_eq!(
            Field::from_heading("Remedial action"),
            Some(Field::RemedialAction)
        );
        assert_eq!(Field::from_heading("notes"), None);
        assert_eq!(parse_rag("g"), Ok(Some(Rag::Green)));
        assert_eq!(parse_rag(" Not due "), Ok(Some(Rag::NotDue)));
        assert_eq!(parse_rag("no_data"), Ok(Some(Rag::NoData)));
        assert!(parse_rag("Greenish").is_err());
        assert_eq!(
            parse_polarity("Higher is better"),
            Ok(Some(Polarity::Higher))
        );
        assert_eq!(parse_frequency("Quarterly"), Ok(Some(Frequency::Quarterly)));
    }

    #[test]
    fn periods_including_excel_months() {
        let q2 = Period::Quarter { fy: 2019, q: 2 };
        assert_eq!(parse_period("Q2 2019/20"), Ok(q2));
        assert_eq!(parse_period("Quarter 2 2019/20"), Ok(q2));
        assert_eq!(parse_period("2019/20 Quarter 2"), Ok(q2));
        let jul = Period::Month {
            year: 2019,
            month: 7,
        };
        assert_eq!(parse_period("Jul-19"), Ok(jul));
        assert_eq!(parse_period("July 2019"), Ok(jul));
        assert_eq!(parse_period("2019-07"), Ok(jul));
        assert_eq!(
            parse_period("Sept 2019"),
            Ok(Period::Month {
                year: 2019,
                month: 9
            })
        );
        assert!(parse_period("Julyish 2019").is_err());
        assert!(parse_period("Q5 2019/20").is_err());
    }
}
