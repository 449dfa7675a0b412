//! What an import did: the report, in structured form and in words.

use super::cells::PublishedDirection;
use super::CsvProblem;
use crate::model::*;
use crate::period::Period;
use crate::rag::Direction;

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

/// A direction of travel in the file that differs from what the rules compute.
#[derive(Clone, Debug, PartialEq)]
pub struct DirectionDisagreement {
    pub row: usize,
    pub indicator_id: String,
    pub period: Period,
    /// The direction the file gives (not stored: the app works directions out itself).
    pub published: PublishedDirection,
    /// The figure compared with (the previous figure, as "since the previous figure" on every
    /// page): its period and actual; and the actual of the row's period.
    pub since: Period,
    pub previous: f64,
    pub actual: f64,
    /// What the rules compute ([`crate::rag::short_term`]): one entry for an indicator with a
    /// polarity; for a data-only indicator, two (if higher were better, if lower were better),
    /// listed only when the file's word fits neither. For "up" or "down", how the figure moved,
    /// as the direction it would be if higher were better (Improved = it went up).
    pub computed: Vec<(Polarity, Direction)>,
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
    /// Directions of travel in the file that differ from what the rules compute.
    pub direction_disagreements: Vec<DirectionDisagreement>,
    /// Rows whose direction of travel could not be checked (no actual, or no earlier figure).
    pub directions_unchecked: Vec<usize>,
    /// Rows whose period had words in brackets after it, and the words, added to the commentary.
    pub period_words: Vec<(usize, String)>,
    /// Rows left out because they cannot be read or merged, every problem of each (an import
    /// of the readable rows, [`super::import_readable`]); empty for a whole-file import.
    pub left_out: Vec<CsvProblem>,
    /// Warnings and notes for the user, in plain words ("Row 5: the file says Green, the rules
    /// compute Amber (…)").
    pub notes: Vec<String>,
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
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

    /// The rows left out (an import of the readable rows), each once, in order.
    pub fn rows_left_out(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self.left_out.iter().filter_map(|p| p.row).collect();
        crate::order::sort(&mut rows);
        rows.dedup();
        rows
    }

    /// One sentence for people: "45 indicators created, 90 values added, 1 council created (Hart
    /// District Council), 11 services created"; with ", 4 rows left out" when rows were.
    pub fn summary(&self) -> String {
        let changes = self.changes();
        match self.rows_left_out().len() {
            0 => changes,
            n => format!("{changes}, {}", plural(n, "row left out", "rows left out")),
        }
    }

    /// What the import changes, in one sentence: [`ImportReport::summary`] without the rows left
    /// out.
    pub fn changes(&self) -> String {
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

/// An indicator's name for a message: at most 60 characters, cut with "…".
pub(super) fn short_name(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
