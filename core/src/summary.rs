//! Counts for dashboards and the committee pack: indicators by status, and actions or
//! projects by status with overdue. The engine ([`crate::engine`]) fills them in for a period.

use crate::model::*;

/// How many indicators are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RagCounts {
    pub green: usize,
    pub amber: usize,
    pub red: usize,
    pub no_data: usize,
    pub data_only: usize,
    pub not_due: usize,
}

impl RagCounts {
    pub fn add(&mut self, rag: Rag) {
        match rag {
            Rag::Green => self.green += 1,
            Rag::Amber => self.amber += 1,
            Rag::Red => self.red += 1,
            Rag::NoData => self.no_data += 1,
            Rag::DataOnly => self.data_only += 1,
            Rag::NotDue => self.not_due += 1,
        }
    }
    pub fn get(&self, rag: Rag) -> usize {
        match rag {
            Rag::Green => self.green,
            Rag::Amber => self.amber,
            Rag::Red => self.red,
            Rag::NoData => self.no_data,
            Rag::DataOnly => self.data_only,
            Rag::NotDue => self.not_due,
        }
    }
    pub fn total(&self) -> usize {
        self.green + self.amber + self.red + self.no_data + self.data_only + self.not_due
    }
    /// Those with a Red, Amber or Green rating.
    pub fn rated(&self) -> usize {
        self.green + self.amber + self.red
    }
}

/// Counts of actions (or projects) by status, and how many are overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkCounts {
    pub complete: usize,
    pub on_track: usize,
    pub at_risk: usize,
    pub off_track: usize,
    pub not_started: usize,
    pub overdue: usize,
}

impl WorkCounts {
    pub fn add(&mut self, status: WorkStatus, overdue: bool) {
        match status {
            WorkStatus::Complete => self.complete += 1,
            WorkStatus::Green => self.on_track += 1,
            WorkStatus::Amber => self.at_risk += 1,
            WorkStatus::Red => self.off_track += 1,
            WorkStatus::NotStarted => self.not_started += 1,
        }
        if overdue {
            self.overdue += 1;
        }
    }
    pub fn get(&self, status: WorkStatus) -> usize {
        match status {
            WorkStatus::Complete => self.complete,
            WorkStatus::Green => self.on_track,
            WorkStatus::Amber => self.at_risk,
            WorkStatus::Red => self.off_track,
            WorkStatus::NotStarted => self.not_started,
        }
    }
    pub fn total(&self) -> usize {
        self.complete + self.on_track + self.at_risk + self.off_track + self.not_started
    }
}
