//! CSV returns: how officers send quarterly figures, one row per indicator per period.
//!
//! One module per job, each usable on its own (numbers live in [`crate::number`], re-exported
//! here):
//!
//! - `decode`: a file's bytes as text ([`decode_bytes`]): UTF-8, UTF-16, Windows-1252; what is
//!   plainly not text (a workbook, an image) refused with a message that says what to do.
//! - `rfc4180`: the RFC 4180 reader and writer ([`read_csv`], [`csv_line`]): quoted cells,
//!   doubled quotes, line breaks inside quotes, LF or CRLF, the separator found from the header
//!   line (comma, semicolon or tab), and the formula guard ([`guard_formula`]).
//! - `columns`: the headings of a return read as fields ([`Field`]).
//! - `cells`: the words in cells: periods, statuses, frequencies and their qualifiers,
//!   polarities, directions of travel.
//! - `returns`: [`read_returns`], the rows as typed returns, every problem named by spreadsheet
//!   row and column ("Row 14, column "actual": "9O.5" is not a number").
//! - `merge` (with `find`, which matches or creates councils, services and indicators, and
//!   `check`, which compares what the file publishes with the indicator and the rules):
//!   [`import_returns`], the returns merged into a dataset (a copy; the base is never changed);
//!   `report`: the [`ImportReport`] of what was created and changed.
//! - `export`: [`export_returns`], the same layout written out again.
//!
//! Nothing here depends on [`crate::read`] other than calling its `validate` on the result, and
//! `read` does not depend on this module. Written down for people in docs/csv-returns.md: keep
//! the two in step. Nothing here panics, whatever the input.

mod cells;
mod check;
mod columns;
mod decode;
mod export;
mod find;
mod merge;
mod report;
mod returns;
mod rfc4180;

use std::fmt;

pub use crate::number::{parse_number, parse_number_in, write_number};
pub use cells::{
    parse_direction, parse_frequency_cell, parse_period, parse_period_for, parse_rag,
    period_and_words, PublishedDirection,
};
pub use columns::Field;
pub use decode::decode_bytes;
pub use export::{
    draft_heading, export_all, export_all_marked, export_returns, export_returns_marked,
    export_view, export_view_marked, DRAFT_CELL, VIEW_COLUMNS,
};
pub use find::{scope_cell, shared_cell, slug};
pub use merge::{import_csv, import_readable, import_returns};
pub use report::{DirectionDisagreement, ImportReport, Named, RagDisagreement};
pub use returns::{read_readable_returns, read_returns, ReturnRow, Returns};
pub use rfc4180::{
    csv_line, guard_formula, quote_cell, read_csv, unguard_formula, CsvRecord, CsvTable, Separator,
};

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
    pub(crate) fn file(message: impl Into<String>) -> CsvProblem {
        CsvProblem {
            row: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }
    pub(crate) fn at(row: usize, column: Option<&str>, message: impl Into<String>) -> CsvProblem {
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
}
