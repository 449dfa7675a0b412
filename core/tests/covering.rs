//! The covering report: read and checked from the data file (every problem with its path),
//! written back with what this app does not know, edited through the change log (apply, undo,
//! the changes file), counted as a draft, and printed as the pack's first pages with a
//! contents page. And the draft mark on CSV exports. Expected values worked out by hand.

use gt_core::csv::{export_all, export_all_marked, export_view, export_view_marked, read_returns};
use gt_core::draft::Draft;
use gt_core::edit::{self, apply, count_edits, net_changes, Change, EditLog, Saved, Target};
use gt_core::pack::{Block, Pack};
use gt_core::report::PackQuery;
use gt_core::route::Location;
use gt_core::{parse_dataset, Dataset, Period, Problem};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "format": "golden-thread/1", "title": "Performance", "organisation": "oneSource",
        "councils": [ { "id": "havering", "name": "London Borough of Havering", "short": "LBH" } ],
        "services": [ { "id": "ict", "name": "ICT", "councils": ["havering"] } ],
        "indicators": [
            { "id": "ICT-01", "name": "Incidents resolved in time", "service": "ict", "council": "havering",
              "frequency": "quarterly", "polarity": "higher", "unit": "%",
              "values": [ { "period": "2019-20-Q1", "target": 90, "actual": 91 },
                          { "period": "2019-20-Q2", "target": 90, "actual": 92 } ] },
            { "id": "ICT-02", "name": "Calls answered", "service": "ict", "council": "havering",
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 80, "actual": 85 } ] }
        ]
    })
}

fn report() -> Value {
    json!({
        "period": "2019-20-Q2",
        "committee": "oneSource Joint Committee",
        "meeting_date": "2020-02-07",
        "subject": "oneSource Performance Indicators, Q2 report",
        "author": "Tony Barnard, Business Improvement & Analysis Officer",
        "contact": "X37559",
        "financial_summary": "Not applicable",
        "summary": "This report presents the Performance Indicators\nfor the second quarter.\n\nSecond paragraph.",
        "recommendations": ["To note the oneSource Performance Indicators Q2 report attached at Appendix 1."],
        "background": "First.\n\nSecond.",
        "detail_heading": "Performance Indicators",
        "detail": "There are four key strategic performance indicators.",
        "legal_implications": "Not applicable",
        "financial_implications": "Not applicable",
        "hr_implications": "Not applicable",
        "background_papers": "None",
        "equalities": "kept as written"
    })
}

fn with_report(r: Value) -> Value {
    let mut v = base();
    v["covering_reports"] = json!([r]);
    v
}

fn load(v: &Value) -> Dataset {
    parse_dataset(&v.to_string()).expect("valid")
}

fn problems(v: &Value) -> Vec<String> {
    match parse_dataset(&v.to_string()) {
        Ok(_) => vec![],
        Err(ps) => ps.iter().map(Problem::to_string).collect(),
    }
}

fn q2() -> Period {
    Period::parse("2019-20-Q2").unwrap()
}

#[test]
fn a_file_without_covering_reports_reads_as_before_and_writes_none() {
    let ds = load(&base());
    assert!(ds.covering_reports.is_empty());
    assert!(ds.covering_report(&q2()).is_none());
    let out: Value = serde_json::from_str(&ds.to_json()).unwrap();
    assert!(out.get("covering_reports").is_none(), "{out}");
}

#[test]
fn a_covering_report_reads_and_is_written_back_with_what_the_app_does_not_know() {
    let ds = load(&with_report(report()));
    let r = ds.covering_report(&q2()).expect("the Q2 report");
    assert_eq!(
        r.subject.as_deref(),
        Some("oneSource Performance Indicators, Q2 report")
    );
    assert_eq!(r.meeting_date, chrono::NaiveDate::from_ymd_opt(2020, 2, 7));
    assert_eq!(r.recommendations.len(), 1);
    assert!(r.appendices.is_empty());
    assert_eq!(r.extra.get("equalities"), Some(&json!("kept as written")));
    // Written back: the same report, unknown field included, and read again to the same data.
    let text = ds.to_json();
    let out: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(out["covering_reports"], json!([report()]));
    assert_eq!(parse_dataset(&text).unwrap(), ds);
}

#[test]
fn bad_covering_reports_are_reported_with_their_paths() {
    let mut v = base();
    v["covering_reports"] = json!(3);
    assert_eq!(
        problems(&v),
        ["covering_reports: a number where a list of covering reports [{ \"period\": \"2019-20-Q2\", \"subject\": \"…\", … }] belongs"]
    );
    let mut v = base();
    v["covering_reports"] = json!([
        "Q2",
        { "subject": "No period" },
        { "period": "2019-20-Q5", "meeting_date": "7 February 2020" },
        { "period": "2019-20-Q2", "subject": 5, "recommendations": "To note", "appendices": ["", 3] },
        { "period": "2019-20-Q2", "summary": "Twice" }
    ]);
    let got = problems(&v);
    let q5 = gt_core::Period::parse("2019-20-Q5")
        .unwrap_err()
        .to_string();
    assert_eq!(
        got,
        vec![
            "covering_reports[0]: text where an object {…} belongs".to_string(),
            "covering_reports[1].period: missing; give the reporting period whose pack this report covers (e.g. 2019-20-Q2)".into(),
            format!("covering_reports[2].period: {q5}"),
            "covering_reports[2].meeting_date: \"7 February 2020\" is not a date (expected YYYY-MM-DD, e.g. 2020-02-07)".into(),
            "covering_reports[3].subject: a number where text belongs".into(),
            "covering_reports[3].recommendations: text where a list of texts [\"…\"] belongs".into(),
            "covering_reports[3].appendices[0]: is empty; leave it out".into(),
            "covering_reports[3].appendices[1]: a number where text belongs".into(),
            "covering_reports[4].period: Q2 2019/20 already has a covering report (at covering_reports[3]); write one report per period".into(),
        ]
    );
}

fn change(n: u32, group: &str, field: &str, old: Value, new: Value) -> Change {
    Change {
        id: format!("{group}.{n}"),
        at: format!("2026-11-23T10:00:{n:02}Z"),
        target: Target::CoveringReport {
            period: "2019-20-Q2".into(),
        },
        field: field.into(),
        old,
        new,
    }
}

/// One save of the form: subject, date and two recommendations.
fn written() -> Vec<Change> {
    vec![
        change(0, "g1", "subject", Value::Null, json!("Q2 performance")),
        change(1, "g1", "meeting_date", Value::Null, json!("2020-02-07")),
        change(
            2,
            "g1",
            "recommendations",
            Value::Null,
            json!(["To note the report.", "To agree the actions."]),
        ),
    ]
}

#[test]
fn the_edit_target_writes_a_report_and_undo_takes_it_away() {
    let src = load(&base());
    let (out, skipped) = apply(&src, &written());
    assert!(skipped.is_empty(), "{skipped:?}");
    let r = out.covering_report(&q2()).expect("a report for Q2");
    assert_eq!(r.subject.as_deref(), Some("Q2 performance"));
    assert_eq!(r.meeting_date, chrono::NaiveDate::from_ymd_opt(2020, 2, 7));
    assert_eq!(
        r.recommendations,
        ["To note the report.", "To agree the actions."]
    );
    let t = written()[0].target.clone();
    assert_eq!(
        edit::current(&out, &t, "recommendations"),
        json!(["To note the report.", "To agree the actions."])
    );
    assert_eq!(edit::current(&src, &t, "subject"), Value::Null);
    assert!(gt_core::validate(&out).is_empty());
    // The exported file holds it, and reads back to the same data.
    assert_eq!(parse_dataset(&out.to_json()).unwrap(), out);

    // One saved form is one change (three fields), and the draft says so.
    let net = net_changes(&src, &written());
    assert_eq!((net.len(), count_edits(&net)), (3, 1));
    let d = Draft::of(&src, &written());
    assert_eq!(d.count(), 1);
    assert_eq!(
        d.headline(),
        "Draft: includes 1 change (3 fields) not in the published data"
    );
    assert_eq!(
        d.changes[0].line(),
        "Covering report, Q2 2019/20 · Subject heading: was (empty), now “Q2 performance”"
    );
    assert_eq!(
        d.changes[2].line(),
        "Covering report, Q2 2019/20 · Recommendations: was (empty), now “To note the report.; To agree the actions.”"
    );
    assert_eq!(d.changes[0].href, "#/report?period=2019-20-Q2");
    assert_eq!(
        edit::field_label("hr_implications"),
        "HR implications and risks"
    );

    // Undo takes the whole save back: no report.
    let mut log = EditLog::default();
    for c in written() {
        log.push(c);
    }
    assert_eq!(log.undo_group(), 3);
    let (undone, _) = apply(&src, &log.changes);
    assert!(undone.covering_reports.is_empty());
    assert!(Draft::of(&src, &log.changes).is_empty());
    assert_eq!(log.redo_group(), 3);
    assert_eq!(apply(&src, &log.changes).0, out);

    // Emptying every field removes the report.
    let mut clear = written();
    clear.push(change(
        0,
        "g2",
        "subject",
        json!("Q2 performance"),
        Value::Null,
    ));
    clear.push(change(
        1,
        "g2",
        "meeting_date",
        json!("2020-02-07"),
        Value::Null,
    ));
    clear.push(change(2, "g2", "recommendations", json!(["x"]), json!([])));
    assert!(apply(&src, &clear).0.covering_reports.is_empty());
}

#[test]
fn refused_values_are_skipped_and_leave_nothing_behind() {
    let src = load(&base());
    let log = vec![
        change(0, "g1", "meeting_date", Value::Null, json!("soon")),
        change(1, "g1", "recommendations", Value::Null, json!("one")),
        change(2, "g1", "colour", Value::Null, json!("red")),
        Change {
            target: Target::CoveringReport {
                period: "Q9".into(),
            },
            ..change(3, "g1", "subject", Value::Null, json!("x"))
        },
    ];
    let (out, skipped) = apply(&src, &log);
    let why: Vec<&str> = skipped.iter().map(|s| s.why.as_str()).collect();
    assert_eq!(why.len(), 4, "{why:?}");
    assert_eq!(
        why[0],
        "Date of the meeting: \"soon\" is not a date (expected YYYY-MM-DD)"
    );
    assert_eq!(why[1], "Recommendations: \"one\" is not a list of texts");
    assert_eq!(why[2], "\"colour\" is not a field of a covering report");
    assert!(out.covering_reports.is_empty());
}

#[test]
fn the_changes_file_carries_covering_report_edits() {
    let saved = Saved::new(
        "onesource-performance".into(),
        "abc".into(),
        "2026-11-23T10:00:00Z".into(),
        written(),
    );
    let text = saved.to_json();
    assert!(text.contains("\"kind\": \"covering_report\""), "{text}");
    assert!(text.contains("\"period\": \"2019-20-Q2\""), "{text}");
    let back = Saved::parse(&text).unwrap();
    assert_eq!(back, saved);
    let src = load(&base());
    assert_eq!(apply(&src, &back.changes).0, apply(&src, &written()).0);
}

fn pack(ds: &Dataset, hash: &str) -> Pack {
    let (q, notes) = PackQuery::from_location(&Location::parse(hash), ds);
    assert!(notes.is_empty(), "{notes:?}");
    Pack::build(ds, &q)
}

#[test]
fn the_pack_starts_with_the_covering_report_and_its_contents() {
    let ds = load(&with_report(report()));
    let p = pack(&ds, "#/report?period=2019-20-Q2&sections=key,exceptions");
    let c = p
        .covering
        .as_ref()
        .expect("the Q2 pack has the covering report");
    assert_eq!(c.committee, "oneSource Joint Committee");
    assert_eq!(c.meeting_date.as_deref(), Some("7 February 2020"));
    assert_eq!(
        c.facts,
        [
            (
                "Subject heading".to_string(),
                "oneSource Performance Indicators, Q2 report".to_string()
            ),
            (
                "Report author and contact details".into(),
                "Tony Barnard, Business Improvement & Analysis Officer\nX37559".into()
            ),
            (
                "Reporting period".into(),
                "Q2 2019/20 (July–September 2019)".into()
            ),
            ("Financial summary".into(), "Not applicable".into()),
        ]
    );
    let heads: Vec<(&str, &str)> = c
        .sections
        .iter()
        .map(|s| (s.anchor.as_str(), s.heading.as_str()))
        .collect();
    assert_eq!(
        heads,
        [
            ("covering-summary", "Summary"),
            ("covering-recommendations", "Recommendations"),
            ("covering-detail", "Report detail"),
            ("covering-implications", "Implications and risks"),
            ("covering-appendices", "Appendices and background papers"),
        ]
    );
    // Paragraphs split at blank lines; a line break inside one is a space.
    assert_eq!(
        c.sections[0].blocks,
        [
            Block::Para(
                "This report presents the Performance Indicators for the second quarter.".into()
            ),
            Block::Para("Second paragraph.".into()),
        ]
    );
    // The detail is numbered: 1. Background (1.1, 1.2), 2. the detail's own heading (2.1).
    assert_eq!(
        c.sections[2].blocks,
        [
            Block::Subheading("1".into(), "Background".into()),
            Block::Numbered("1.1".into(), "First.".into()),
            Block::Numbered("1.2".into(), "Second.".into()),
            Block::Subheading("2".into(), "Performance Indicators".into()),
            Block::Numbered(
                "2.1".into(),
                "There are four key strategic performance indicators.".into()
            ),
        ]
    );
    assert_eq!(
        c.sections[3].blocks[2],
        Block::Labelled("HR implications and risks".into(), "Not applicable".into())
    );
    // No appendix written: the pack's own appendix is listed.
    assert_eq!(
        c.sections[4].blocks,
        [
            Block::List(vec![
                "oneSource performance report, Q2 2019/20 (July–September 2019) (attached)".into()
            ]),
            Block::Labelled("Background papers".into(), "None".into()),
        ]
    );
    let contents: Vec<(String, String, u8)> = p
        .contents()
        .into_iter()
        .map(|e| (e.anchor, e.title, e.level))
        .collect();
    let e = |a: &str, t: &str, l: u8| (a.to_string(), t.to_string(), l);
    assert_eq!(
        contents,
        [
            e("covering-report", "Covering report", 0),
            e("covering-summary", "Summary", 1),
            e("covering-recommendations", "Recommendations", 1),
            e("covering-detail", "Report detail", 1),
            e("covering-implications", "Implications and risks", 1),
            e("covering-appendices", "Appendices and background papers", 1),
            e(
                "pack-cover",
                "Appendix 1: Performance report, Q2 2019/20: July–September 2019",
                0
            ),
            e("pack-key", "1. Key strategic indicators", 1),
            e(
                "pack-exceptions",
                "2. Exception report: Amber and Red indicators",
                1
            ),
        ]
    );
    // Another period's pack has no covering report, and no contents page.
    let q1 = pack(&ds, "#/report?period=2019-20-Q1");
    assert!(q1.covering.is_none());
    assert!(q1.contents().is_empty());
}

#[test]
fn what_is_not_written_prints_as_not_given() {
    let ds = load(&with_report(
        json!({ "period": "2019-20-Q2", "subject": "Only a subject" }),
    ));
    let p = pack(&ds, "#/report?period=2019-20-Q2");
    let c = p.covering.unwrap();
    assert_eq!(c.committee, "oneSource Joint Committee");
    assert_eq!(c.meeting_date, None);
    assert_eq!(c.facts[1].1, "Not given.");
    assert_eq!(c.sections[0].blocks, [Block::Para("Not given.".into())]);
    assert_eq!(c.sections[2].blocks, [Block::Para("Not given.".into())]);
}

#[test]
fn csv_exports_of_edited_data_say_draft_and_still_import() {
    let src = load(&base());
    let edit = Change {
        id: "g.0".into(),
        at: "2026-11-23T10:00:00Z".into(),
        target: Target::IndicatorValue {
            indicator: "ICT-01".into(),
            period: "2019-20-Q2".into(),
        },
        field: "actual".into(),
        old: json!(92.0),
        new: json!(80),
    };
    let (shown, _) = apply(&src, std::slice::from_ref(&edit));
    let draft = Draft::between(&src, &shown, std::slice::from_ref(&edit));
    let head = "Draft: includes 1 change not in the published data";

    // Every figure: the heading says Draft, the changed figure's row says Draft, no other.
    let all = export_all_marked(&shown, &draft);
    let lines: Vec<&str> = all.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].ends_with(&format!(",{head}")), "{}", lines[0]);
    let flags: Vec<(&str, bool)> = lines[1..]
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| (l.split(',').nth(7).unwrap(), l.ends_with(",Draft")))
        .collect();
    assert_eq!(
        flags,
        [
            ("2019-20-Q1", false),
            ("2019-20-Q2", true),
            ("2019-20-Q2", false)
        ]
    );
    // It reads back as a return (the draft column is not one it reads), figures and all.
    let back = read_returns(&all).expect("imports");
    assert_eq!(back.rows.len(), 3);
    assert_eq!(back.rows[1].actual, Some(80.0));
    // Without a draft the export is as before.
    assert_eq!(export_all_marked(&src, &Draft::default()), export_all(&src));
    assert!(!export_all(&shown).contains("Draft"));

    // The current view: the row whose answer changed says Draft.
    let inds: Vec<&gt_core::Indicator> = shown.indicators.iter().collect();
    let view = export_view_marked(&shown, &inds, &q2(), &draft);
    let lines: Vec<&str> = view.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].ends_with(&format!(",{head}")));
    assert!(
        lines[1].starts_with("ICT-01,") && lines[1].ends_with(",Draft"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("ICT-02,") && lines[2].ends_with(','),
        "{}",
        lines[2]
    );
    assert_eq!(read_returns(&view).expect("imports").rows.len(), 2);
    assert_eq!(
        export_view_marked(&src, &inds, &q2(), &Draft::default()),
        export_view(&src, &inds, &q2())
    );
}
