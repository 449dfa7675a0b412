//! The committee pack as a document: everything the printed appendix says, worked out from
//! the dataset and the pack's choices ([`PackQuery`]: period, council, sections) and held as
//! plain owned values, so that host tests can read it and the page (`src/pages/report.rs`)
//! only renders it.
//!
//! Every status, count, direction of travel and overdue flag comes from the reporting engine
//! ([`crate::engine::Engine`]) for the pack's period; this module only chooses what to print
//! and puts it into words.

use crate::model::*;
use crate::period::Period;
use crate::rag::Travel;
use crate::report::Section;
use crate::summary::{RagCounts, WorkCounts};

mod build;
mod covering;

pub use covering::{
    covering_pages, paragraphs, Block, ContentsEntry, CoveringPages, CoveringSection,
    COVERING_ANCHOR, COVER_ANCHOR, NOT_GIVEN,
};

/// The indicator statuses in the order the pack's count tables give them.
pub const RAG_COLUMNS: [Rag; 6] = [
    Rag::Green,
    Rag::Amber,
    Rag::Red,
    Rag::NoData,
    Rag::DataOnly,
    Rag::NotDue,
];

/// The work statuses in the order the pack's count tables give them.
pub const WORK_COLUMNS: [WorkStatus; 5] = [
    WorkStatus::Complete,
    WorkStatus::Green,
    WorkStatus::Amber,
    WorkStatus::Red,
    WorkStatus::NotStarted,
];

/// The roll-up rule for a strategic priority or an improvement area, in words (the rule is
/// [`crate::engine::rollup`]).
pub const ROLLUP_RULE: &str = "Off track if any is off track; else At risk if any is at risk; \
    else On track if any is on track (or some are complete and the rest not started); Complete \
    when all are complete; Not started when none has started.";

/// The whole committee pack for one set of choices.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    pub organisation: String,
    /// The dataset's title (the cover's subtitle).
    pub title: String,
    /// "About the data", when the dataset describes itself.
    pub description: Option<String>,
    /// The data's as-of date in words ("31 December 2019").
    pub as_of: Option<String>,
    /// The reporting period (None only when the data has no figure and no plan update).
    pub period: Option<Period>,
    /// "Q2 2019/20: July–September 2019".
    pub period_heading: String,
    /// "Q2 2019/20 (July–September 2019)".
    pub period_label: String,
    /// The council chosen (its id), or None for all.
    pub council: Option<String>,
    /// "All councils (…, …)" or the council's name, for the cover.
    pub councils_line: String,
    /// "Key strategic indicators; …" or "Cover only (no sections chosen)".
    pub sections_line: String,
    /// The text in every printed page's footer.
    pub running_footer: String,
    /// Said instead of a pack when there is nothing to report.
    pub nothing_to_report: Option<String>,
    /// How to read the report (the cover's key).
    pub legend: Legend,
    /// The sections, numbered, in pack order.
    pub sections: Vec<PackSection>,
    /// The covering report written for the pack's period, printed before the appendix (and
    /// followed by the contents page, [`Pack::contents`]).
    pub covering: Option<CoveringPages>,
}

/// The cover's key to statuses and directions, in words (a printed pack has no hover).
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    /// Each indicator status with what it means.
    pub rag: Vec<(Rag, String)>,
    /// The work statuses, with what they mean and the overdue rule.
    pub work: Vec<WorkStatus>,
    pub work_text: String,
    /// Direction of travel, with the two headings used in the pack.
    pub direction: String,
    /// What "as at" next to a status means.
    pub as_at: String,
}

/// One numbered section of the pack.
#[derive(Clone, Debug, PartialEq)]
pub struct PackSection {
    pub number: usize,
    pub section: Section,
    /// The element id to link to from the contents: "pack-key".
    pub anchor: String,
    /// "1. Key strategic indicators".
    pub heading: String,
    pub body: SectionBody,
}

/// What a section holds.
#[derive(Clone, Debug, PartialEq)]
pub enum SectionBody {
    Key(KeySection),
    Summary(SummarySection),
    Indicators(IndicatorsSection),
    Exceptions(ExceptionsSection),
    Improvement(ImprovementSection),
    Priorities(PrioritiesSection),
}

// -------------------------------------------------------------------------------------------
// 1. Key strategic indicators

#[derive(Clone, Debug, PartialEq)]
pub struct KeySection {
    pub intro: String,
    pub caption: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<KeyRow>,
    /// Said instead of the table when there are no key indicators.
    pub empty: Option<String>,
}

/// A key strategic indicator: its latest outturn at or before the period.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyRow {
    pub id: String,
    pub name: String,
    /// Whose indicator it is: the council's name, "Shared service" or "Shared service
    /// (London Borough of Havering only)".
    pub council_name: String,
    pub latest: Option<KeyOutturn>,
    /// "2019/20: 80%", the first target set for after the period.
    pub next_target: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyOutturn {
    pub period: Period,
    /// "2018/19".
    pub period_label: String,
    pub actual: String,
    pub target: String,
    pub status: Rag,
    pub manual: bool,
    /// "as at 2018/19" when the outturn is older than the pack's period.
    pub as_at: Option<String>,
    /// Against a year earlier ([`LONG_TERM`]).
    pub long_term: Option<Travel>,
}

// -------------------------------------------------------------------------------------------
// 2. Performance summary by council

#[derive(Clone, Debug, PartialEq)]
pub struct SummarySection {
    pub intro: String,
    pub caption: String,
    /// Each council's own indicators (shared-service indicators are in none of them).
    pub councils: Vec<CouncilCounts>,
    /// The shared-service indicators in the pack, counted on their own line and by service,
    /// when there are any.
    pub shared: Option<CouncilServices>,
    /// Every indicator in the pack (the councils' own and the shared-service ones), when the
    /// pack is for more than one council.
    pub total: Option<RagCounts>,
    pub per_council: Vec<CouncilServices>,
    /// "Changed since last quarter": the sentence, and the indicators whose rating changed
    /// since the previous period (worst new status first; [`crate::engine::Engine::changes`]).
    pub changes_words: String,
    pub changes: Vec<crate::engine::changes::ChangeRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CouncilCounts {
    pub id: String,
    pub name: String,
    pub counts: RagCounts,
}

/// One council's counts by service (or the shared service's, with id "shared").
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilServices {
    pub id: String,
    pub name: String,
    pub caption: String,
    /// (service name, counts), in the data's service order.
    pub services: Vec<(String, RagCounts)>,
    pub all: RagCounts,
}

// -------------------------------------------------------------------------------------------
// 3. All indicators by council and service

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorsSection {
    pub columns: Vec<&'static str>,
    /// Each council's own indicators, then the shared-service indicators (id "shared").
    pub councils: Vec<CouncilIndicators>,
    /// Said instead of the tables when the pack has no indicators.
    pub empty: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CouncilIndicators {
    /// The council's id, or "shared".
    pub id: String,
    pub name: String,
    /// Whether these are the shared-service indicators.
    pub shared: bool,
    /// "London Borough of Bexley (9 indicators)", "Shared service (3 indicators)".
    pub heading: String,
    /// Said under the heading: for the shared service, that its indicators are counted in
    /// no council's figures.
    pub note: Option<String>,
    pub caption: String,
    pub services: Vec<ServiceIndicators>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ServiceIndicators {
    /// "Exchequer (6)".
    pub heading: String,
    pub rows: Vec<IndicatorRow>,
}

/// An indicator as at the pack's period.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub id: String,
    pub name: String,
    /// The council whose own indicator it is; None for a shared-service indicator.
    pub council: Option<String>,
    /// For a shared-service indicator, whom it is for: "For every council", "For London
    /// Borough of Havering only".
    pub shared_for: Option<String>,
    pub key: bool,
    /// The status for the period.
    pub status: Rag,
    pub manual: bool,
    /// The period of the figure shown ("Q3 2019/20"): the latest figure at or before the
    /// period, else the period's own value (a target with no actual yet).
    pub figure_for: Option<String>,
    pub actual: String,
    pub target: String,
    /// When the latest figure is older than the period: its own status, and "as at Q2
    /// 2019/20".
    pub latest: Option<(Rag, bool)>,
    pub as_at: Option<String>,
    /// Direction of travel of the latest figure ([`SHORT_TERM`], [`LONG_TERM`]).
    pub short_term: Option<Travel>,
    pub long_term: Option<Travel>,
}

impl IndicatorRow {
    /// Next to the period's status, when the latest figure is older than the period: "Latest
    /// figure: Near target, as at Q2 2019/20".
    pub fn latest_words(&self) -> Option<String> {
        let (rag, manual) = self.latest?;
        let by_hand = if manual { " (set by hand)" } else { "" };
        Some(format!(
            "Latest figure: {}{by_hand}, {}",
            rag.label(),
            self.as_at.as_deref().unwrap_or_default()
        ))
    }
}

// -------------------------------------------------------------------------------------------
// 4. Exceptions

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptionsSection {
    /// "3 Red and 4 Amber indicators for all councils in Q2 2019/20, …", or the sentence
    /// saying there are none.
    pub summary: String,
    pub reds: usize,
    pub ambers: usize,
    /// Red first, then Amber, each by council and name.
    pub items: Vec<ExceptionItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptionItem {
    pub id: String,
    pub name: String,
    /// The council whose own indicator it is; None for a shared-service indicator.
    pub council: Option<String>,
    pub rag: Rag,
    pub manual: bool,
    /// "EX-03-LBB · London Borough of Bexley · Exchequer · Q3 2019/20 · Responsible officer: …".
    pub meta: String,
    /// "Actual 77.4% against a target of 85.0% (higher is better)".
    pub performance: String,
    /// "-7.6 percentage points (-8.9% of target)".
    pub difference: String,
    /// The rule that rates it, in words: "By the standard rule, with this indicator's own
    /// tolerance. Green: the target is met …; Amber: …; Red: …".
    pub rated: String,
    /// Set by hand and different from the rules: the rules' answer.
    pub rules_give: Option<Rag>,
    /// Why the status was set by hand, when it was.
    pub set_by_hand: Option<String>,
    pub reason: String,
    pub remedial_action: String,
    /// The year-end forecast in words, where the indicator has one
    /// ([`crate::engine::Engine::forecast`]).
    pub forecast: Option<String>,
}

// -------------------------------------------------------------------------------------------
// 5. Improvement action plan progress

#[derive(Clone, Debug, PartialEq)]
pub struct ImprovementSection {
    pub intro: String,
    /// Said when no action had an update by the period.
    pub no_updates: Option<NoUpdates>,
    pub caption: String,
    /// ("T1: title", counts) per theme.
    pub theme_counts: Vec<(String, WorkCounts)>,
    pub total: WorkCounts,
    pub themes: Vec<ThemeActions>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ThemeActions {
    pub id: String,
    /// "T1: Improved operational delivery".
    pub heading: String,
    pub caption: String,
    pub areas: Vec<AreaActions>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AreaActions {
    pub id: String,
    /// "A01 ICT service desk … · ICT".
    pub heading: String,
    /// The area's actions (those in the pack) rolled up.
    pub status: WorkStatus,
    pub as_at: Option<String>,
    pub rows: Vec<WorkRow>,
}

/// An action or project as at the pack's period.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkRow {
    pub id: String,
    pub title: String,
    /// "A01-1 · Head of ICT · Due 31 December 2019".
    pub meta: String,
    pub status: WorkStatus,
    /// "as at Q2 2021/22" when the latest update is older than the period.
    pub as_at: Option<String>,
    pub overdue: bool,
    /// "45%", the latest percent complete reported.
    pub percent: Option<String>,
    pub commentary: String,
}

impl WorkRow {
    /// The status in words: "At risk, as at Q2 2021/22".
    pub fn status_words(&self) -> String {
        status_words(self.status, self.as_at.as_deref())
    }
}

/// A plain sentence for a plan with no update by the period.
#[derive(Clone, Debug, PartialEq)]
pub struct NoUpdates {
    /// "No progress updates for this period (Q3 2019/20)."
    pub headline: String,
    /// "No update … existed yet, so … Not started. Progress … is reported from …".
    pub detail: String,
}

// -------------------------------------------------------------------------------------------
// 6. Strategic priorities progress

#[derive(Clone, Debug, PartialEq)]
pub struct PrioritiesSection {
    /// Said when no project had an update by the period.
    pub no_updates: Option<NoUpdates>,
    pub caption: String,
    pub priorities: Vec<PriorityBlock>,
    /// The roll-up rule in words.
    pub rule: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PriorityBlock {
    pub id: String,
    /// "P1: Delivering high-quality, reliable services".
    pub heading: String,
    pub description: Option<String>,
    /// The roll-up of its projects (those in the pack); None when it has none.
    pub status: Option<WorkStatus>,
    pub as_at: Option<String>,
    pub counts: WorkCounts,
    pub caption: String,
    pub projects: Vec<WorkRow>,
    /// Said instead of projects when it has none for the council chosen.
    pub empty: Option<String>,
}

impl PriorityBlock {
    /// The overall status in words: "At risk", "Complete, as at Q1 2021/22", "No projects".
    pub fn status_words(&self) -> String {
        match self.status {
            Some(s) => status_words(s, self.as_at.as_deref()),
            None => "No projects".into(),
        }
    }
}

/// "At risk" or "At risk, as at Q2 2021/22".
pub fn status_words(status: WorkStatus, as_at: Option<&str>) -> String {
    match as_at {
        Some(a) => format!("{}, {a}", status.label()),
        None => status.label().to_string(),
    }
}
