//! The covering report as the pack prints it (its first pages, laid out like a committee
//! report: the meeting, the facts table, Summary, Recommendations, Report detail with numbered
//! paragraphs, Implications and risks, Appendices and background papers), and the contents
//! page that follows it.

use super::Pack;
use crate::covering::CoveringReport;
use crate::fmt;
use crate::period::Period;

/// The covering report, ready to print.
#[derive(Clone, Debug, PartialEq)]
pub struct CoveringPages {
    /// The committee, as the report's masthead ("oneSource Joint Committee").
    pub committee: String,
    /// The meeting's date in words ("7 February 2020").
    pub meeting_date: Option<String>,
    /// The report's heading facts: ("Subject heading", …), ("Report author and contact
    /// details", …), ("Reporting period", …), ("Financial summary", …).
    pub facts: Vec<(String, String)>,
    /// The sections in order, each one entry of the contents.
    pub sections: Vec<CoveringSection>,
}

/// One section of the covering report.
#[derive(Clone, Debug, PartialEq)]
pub struct CoveringSection {
    /// The element id the contents measures and links to ("covering-summary").
    pub anchor: String,
    /// "Summary".
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// A piece of a covering report section.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(String),
    /// A numbered heading within the report's detail: ("1", "Background").
    Subheading(String, String),
    /// A numbered paragraph: ("1.1", text).
    Numbered(String, String),
    /// A numbered list (recommendations, appendices).
    List(Vec<String>),
    /// A labelled statement: ("Legal implications and risks", "Not applicable").
    Labelled(String, String),
}

/// One line of the contents page: what, where (an element id), and how deep.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentsEntry {
    pub anchor: String,
    pub title: String,
    /// 0 for a part (the covering report, the appendix), 1 for a section within it.
    pub level: u8,
}

/// What the pack says where the officer has not written a field.
pub const NOT_GIVEN: &str = "Not given.";

/// Paragraphs of a text: split at blank lines, each trimmed, inner line breaks kept as spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(line.trim());
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

fn given(t: &Option<String>) -> Option<&str> {
    t.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The covering report as printed, for a pack of `period` published by `organisation`.
pub fn covering_pages(r: &CoveringReport, organisation: &str, period: &Period) -> CoveringPages {
    let committee = given(&r.committee)
        .map(str::to_string)
        .unwrap_or_else(|| format!("{organisation} Joint Committee"));
    let author = [given(&r.author), given(&r.contact)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
    let facts = vec![
        (
            "Subject heading".to_string(),
            given(&r.subject).unwrap_or(NOT_GIVEN).to_string(),
        ),
        (
            "Report author and contact details".to_string(),
            if author.is_empty() {
                NOT_GIVEN.to_string()
            } else {
                author
            },
        ),
        ("Reporting period".to_string(), period.label()),
        (
            "Financial summary".to_string(),
            given(&r.financial_summary).unwrap_or(NOT_GIVEN).to_string(),
        ),
    ];
    let mut sections = Vec::new();
    let section = |anchor: &str, heading: &str, blocks: Vec<Block>| CoveringSection {
        anchor: format!("covering-{anchor}"),
        heading: heading.to_string(),
        blocks,
    };
    let paras = |t: &Option<String>| -> Vec<Block> {
        match given(t) {
            Some(t) => paragraphs(t).into_iter().map(Block::Para).collect(),
            None => vec![Block::Para(NOT_GIVEN.into())],
        }
    };
    sections.push(section("summary", "Summary", paras(&r.summary)));
    sections.push(section(
        "recommendations",
        "Recommendations",
        if r.recommendations.is_empty() {
            vec![Block::Para(NOT_GIVEN.into())]
        } else {
            vec![Block::List(r.recommendations.clone())]
        },
    ));
    // Report detail: numbered parts, each with numbered paragraphs (1. Background, 1.1 …).
    let mut detail = Vec::new();
    let parts = [
        (given(&r.background), "Background".to_string()),
        (
            given(&r.detail),
            given(&r.detail_heading)
                .unwrap_or("Performance report")
                .to_string(),
        ),
        (given(&r.consultation), "Consultation and engagement".into()),
    ];
    let mut n = 0;
    for (text, heading) in parts {
        let Some(text) = text else { continue };
        n += 1;
        detail.push(Block::Subheading(n.to_string(), heading));
        for (i, p) in paragraphs(text).into_iter().enumerate() {
            detail.push(Block::Numbered(format!("{n}.{}", i + 1), p));
        }
    }
    if detail.is_empty() {
        detail.push(Block::Para(NOT_GIVEN.into()));
    }
    sections.push(section("detail", "Report detail", detail));
    let labelled = |label: &str, t: &Option<String>| {
        Block::Labelled(label.into(), given(t).unwrap_or(NOT_GIVEN).to_string())
    };
    sections.push(section(
        "implications",
        "Implications and risks",
        vec![
            labelled("Legal implications and risks", &r.legal_implications),
            labelled(
                "Financial implications and risks",
                &r.financial_implications,
            ),
            labelled("HR implications and risks", &r.hr_implications),
        ],
    ));
    let appendices = if r.appendices.is_empty() {
        vec![format!(
            "{organisation} performance report, {} (attached)",
            period.label()
        )]
    } else {
        r.appendices.clone()
    };
    sections.push(section(
        "appendices",
        "Appendices and background papers",
        vec![
            Block::List(appendices),
            labelled("Background papers", &r.background_papers),
        ],
    ));
    CoveringPages {
        committee,
        meeting_date: r.meeting_date.map(fmt::date),
        facts,
        sections,
    }
}

/// The element id of the appendix's cover, for the contents.
pub const COVER_ANCHOR: &str = "pack-cover";
/// The element id of the covering report's first page.
pub const COVERING_ANCHOR: &str = "covering-report";

impl Pack {
    /// The contents page that follows the covering report: the covering report and its
    /// sections, then the appendix (its cover) and its numbered sections. Empty when the pack
    /// has no covering report (the appendix's cover then lists its sections itself).
    pub fn contents(&self) -> Vec<ContentsEntry> {
        let Some(c) = &self.covering else {
            return Vec::new();
        };
        let entry = |anchor: &str, title: String, level: u8| ContentsEntry {
            anchor: anchor.to_string(),
            title,
            level,
        };
        let mut out = vec![entry(COVERING_ANCHOR, "Covering report".into(), 0)];
        out.extend(
            c.sections
                .iter()
                .map(|s| entry(&s.anchor, s.heading.clone(), 1)),
        );
        out.push(entry(
            COVER_ANCHOR,
            format!("Appendix 1: Performance report, {}", self.period_heading),
            0,
        ));
        out.extend(
            self.sections
                .iter()
                .map(|s| entry(&s.anchor, s.heading.clone(), 1)),
        );
        out
    }
}
