//! The RFC 4180 reader and writer: records and cells, quoting, the separator, and the guard
//! against formula injection.

use super::decode::check_text;
use super::CsvProblem;
use crate::number::parse_number;
use std::borrow::Cow;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
