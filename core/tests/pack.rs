//! The committee pack as a document (`gt_core::pack::Pack`), read without a browser.
//!
//! Expected values are worked out by hand from the data (public/data/onesource.json, and a
//! small dataset written here) and the rules in docs/rag-rules.md, not by asking the engine.

use gt_core::pack::{Pack, SectionBody};
use gt_core::rag::Direction;
use gt_core::report::{PackQuery, Section};
use gt_core::route::Location;
use gt_core::summary::{RagCounts, WorkCounts};
use gt_core::{parse_dataset, Dataset, Period, Rag, WorkStatus};
use serde_json::json;

fn load() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/onesource.json");
    parse_dataset(&std::fs::read_to_string(path).unwrap()).expect("built-in data is valid")
}

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// The pack a link gives (through the URL, as the page reads it), with the link's notes.
fn pack_for(ds: &Dataset, hash: &str) -> (Pack, Vec<String>) {
    let (q, notes) = PackQuery::from_location(&Location::parse(hash), ds);
    (Pack::build(ds, &q), notes)
}

fn pack_ok(ds: &Dataset, hash: &str) -> Pack {
    let (pack, notes) = pack_for(ds, hash);
    assert!(notes.is_empty(), "{hash}: {notes:?}");
    pack
}

fn rag_counts(green: usize, amber: usize, red: usize, no_data: usize) -> RagCounts {
    RagCounts {
        green,
        amber,
        red,
        no_data,
        ..RagCounts::default()
    }
}

/// (id, status words) of each priority.
fn priority_words(pack: &Pack) -> Vec<(String, String)> {
    pack.priorities()
        .expect("the priorities section")
        .priorities
        .iter()
        .map(|b| (b.id.clone(), b.status_words()))
        .collect()
}

#[test]
fn the_strategy_at_q3_2021_22_shows_that_quarters_project_statuses() {
    let ds = load();
    let (pack, notes) = pack_for(&ds, "#/report?period=2021-22-Q3");
    // The Priorities page's own period is one of the pack's: the link is taken as it is.
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(pack.period, Some(p("2021-22-Q3")));
    assert_eq!(pack.period_heading, "Q3 2021/22: October–December 2021");
    let s = pack.priorities().unwrap();
    assert_eq!(s.no_updates, None);
    // By hand, from each project's Q3 2021/22 update (or its latest before) and the roll-up
    // rule: any Off track → Off track; else any At risk → At risk; else any On track → On track.
    // P1: complete, amber, complete. P2: complete (Q1), green, amber. P3: complete (Q4
    // 2020/21), red, green, green. P4: green, green, complete. P5: green, green, red.
    assert_eq!(
        priority_words(&pack),
        [
            ("P1", "At risk"),
            ("P2", "At risk"),
            ("P3", "Off track"),
            ("P4", "On track"),
            ("P5", "Off track"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let projects = |id: &str| -> Vec<(String, WorkStatus, Option<String>, bool)> {
        s.priorities
            .iter()
            .find(|b| b.id == id)
            .unwrap()
            .projects
            .iter()
            .map(|x| (x.id.clone(), x.status, x.as_at.clone(), x.overdue))
            .collect()
    };
    use WorkStatus::*;
    assert_eq!(
        projects("P1"),
        vec![
            ("P1-1".into(), Complete, None, false),
            ("P1-2".into(), Amber, None, false),
            // Due 31 December 2021, complete: never overdue.
            ("P1-3".into(), Complete, None, false),
        ]
    );
    assert_eq!(
        projects("P3"),
        vec![
            (
                "P3-1".into(),
                Complete,
                Some("as at Q4 2020/21".into()),
                false
            ),
            ("P3-2".into(), Red, None, false),
            ("P3-3".into(), Green, None, false),
            ("P3-4".into(), Green, None, false),
        ]
    );
    assert_eq!(
        projects("P5"),
        vec![
            ("P5-1".into(), Green, None, false),
            ("P5-2".into(), Green, None, false),
            ("P5-3".into(), Red, None, false),
        ]
    );
    // P2-1 was completed in Q1 2021/22: its status is carried with the words.
    let p2 = s.priorities.iter().find(|b| b.id == "P2").unwrap();
    assert_eq!(p2.projects[0].status_words(), "Complete, as at Q1 2021/22");
    assert_eq!(
        p2.counts,
        WorkCounts {
            complete: 1,
            on_track: 1,
            at_risk: 1,
            ..WorkCounts::default()
        }
    );
    let p3 = s.priorities.iter().find(|b| b.id == "P3").unwrap();
    assert_eq!(
        p3.counts,
        WorkCounts {
            complete: 1,
            on_track: 2,
            off_track: 1,
            ..WorkCounts::default()
        }
    );
    // The update's own words are printed.
    assert!(p3.projects.iter().all(|x| x.commentary != "No update yet."));
}

#[test]
fn the_strategy_before_any_update_says_so_and_shows_no_later_status() {
    let ds = load();
    for period in ["2019-20-Q3", "2019-20-Q2", "2018-19-Q3"] {
        let pack = pack_ok(&ds, &format!("#/report?period={period}"));
        let label = p(period).short_label();
        let s = pack.priorities().unwrap();
        let note = s.no_updates.as_ref().expect("the no-update sentence");
        assert_eq!(
            note.headline,
            format!("No progress updates for this period ({label}).")
        );
        assert!(
            note.detail.contains("existed yet") && note.detail.contains("Not started"),
            "{}",
            note.detail
        );
        // The strategy's first updates are for Q1 2020/21.
        assert!(
            note.detail
                .ends_with("is reported from Q1 2020/21 (April–June 2020)."),
            "{}",
            note.detail
        );
        for b in &s.priorities {
            assert_eq!(b.status, Some(WorkStatus::NotStarted), "{period} {}", b.id);
            assert_eq!(b.as_at, None);
            assert_eq!(b.counts.not_started, b.projects.len());
            for x in &b.projects {
                assert_eq!(x.status_words(), "Not started", "{period} {}", x.id);
                assert_eq!(x.commentary, "No update yet.");
                assert!(!x.overdue, "no project is due before 2021");
            }
        }
        let counts: Vec<usize> = s.priorities.iter().map(|b| b.projects.len()).collect();
        assert_eq!(counts, [3, 3, 4, 3, 3]);
    }
}

#[test]
fn sections_follow_the_query() {
    let ds = load();
    let all = pack_ok(&ds, "#/report?period=2019-20-Q3");
    let order: Vec<Section> = all.sections.iter().map(|s| s.section).collect();
    assert_eq!(order, Section::ALL.to_vec());
    let headings: Vec<&str> = all.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "1. Key strategic indicators",
            "2. Performance summary by council",
            "3. All indicators by council and service",
            "4. Exception report: Amber and Red indicators",
            "5. Improvement action plan progress",
            "6. Strategic priorities progress",
        ]
    );
    assert_eq!(all.sections[0].anchor, "pack-key");
    // Two sections, in pack order whatever the link's order; numbered 1 and 2.
    let two = pack_ok(&ds, "#/report?period=2019-20-Q3&sections=exceptions,key");
    let got: Vec<(usize, Section)> = two.sections.iter().map(|s| (s.number, s.section)).collect();
    assert_eq!(got, [(1, Section::Key), (2, Section::Exceptions)]);
    assert!(matches!(two.sections[1].body, SectionBody::Exceptions(_)));
    assert_eq!(
        two.sections_line,
        "Key strategic indicators; Exception report: Amber and Red indicators"
    );
    assert!(two.priorities().is_none() && two.indicators().is_none());
    // The cover alone.
    let none = pack_ok(&ds, "#/report?period=2019-20-Q3&sections=none");
    assert!(none.sections.is_empty());
    assert_eq!(none.sections_line, "Cover only (no sections chosen)");
    assert_eq!(none.period_heading, "Q3 2019/20: October–December 2019");
    assert_eq!(none.as_of.as_deref(), Some("31 December 2019"));
    assert_eq!(
        none.councils_line,
        "All councils (London Borough of Havering, London Borough of Newham, London Borough of Bexley)"
    );
    assert_eq!(
        none.running_footer,
        "oneSource performance report · Q3 2019/20 · All councils"
    );
}

#[test]
fn council_counts_add_up_to_each_councils_indicators() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3");
    let s = pack.summary().unwrap();
    let totals: Vec<(&str, usize)> = s
        .councils
        .iter()
        .map(|c| (c.id.as_str(), c.counts.total()))
        .collect();
    // Counted by hand in the data file, as the seeds give them: 60 Havering, 51 Newham, 9
    // Bexley operational indicators. The four key strategic indicators are the shared
    // service's: on their own line, in no council's count, all Not due in Q3 (annual).
    assert_eq!(totals, [("havering", 60), ("newham", 51), ("bexley", 9)]);
    let shared = s.shared.as_ref().expect("a line for the shared service");
    assert_eq!(
        (shared.id.as_str(), shared.name.as_str()),
        ("shared", "Shared service")
    );
    assert_eq!(
        shared.all,
        RagCounts {
            not_due: 4,
            ..RagCounts::default()
        }
    );
    assert_eq!(
        shared.services,
        vec![
            (
                "Strategic Finance".to_string(),
                RagCounts {
                    not_due: 1,
                    ..RagCounts::default()
                }
            ),
            (
                "Business Services (Customer & Business Support)".to_string(),
                RagCounts {
                    not_due: 1,
                    ..RagCounts::default()
                }
            ),
            (
                "Council Tax and Benefits".to_string(),
                RagCounts {
                    not_due: 2,
                    ..RagCounts::default()
                }
            ),
        ]
    );
    assert!(
        s.intro
            .contains("counted on their own line and in no council's"),
        "{}",
        s.intro
    );
    // Every indicator once: 60 + 51 + 9 + 4.
    assert_eq!(s.total.unwrap().total(), 124);
    for (c, per) in s.councils.iter().zip(&s.per_council) {
        assert_eq!(c.id, per.id);
        assert_eq!(per.all, c.counts);
        let by_service: usize = per.services.iter().map(|(_, n)| n.total()).sum();
        assert_eq!(by_service, c.counts.total(), "{}", c.id);
    }
    // Bexley at Q3 2019/20, rated by hand (10% default tolerance unless the indicator has
    // its own): EX-01 96.0/96 green; EX-02 17.2 days against 16 (lower, 10% = 1.6) amber;
    // EX-03 77.4/85 (±4) red; EX-04 99.9/99.5 green; EX-05 98.3/97 green; EX-06 £1,907k
    // against £1,680k (lower, 10% = 168) red; SF-01 91.5/95 (±5) amber; SF-02 0.6/1.0 (lower)
    // green; SF-03 has a target and no actual: no data yet.
    let bexley = s.councils.iter().find(|c| c.id == "bexley").unwrap();
    assert_eq!(bexley.counts, rag_counts(4, 2, 2, 1));
    let per = s.per_council.iter().find(|c| c.id == "bexley").unwrap();
    assert_eq!(
        per.services,
        vec![
            ("Strategic Finance".to_string(), rag_counts(1, 1, 0, 1)),
            (
                "Exchequer & Transactional Services".to_string(),
                rag_counts(3, 1, 2, 0)
            ),
        ]
    );
    // The indicator tables hold every indicator once, with the same statuses as the counts.
    let rows: Vec<_> = pack.indicators().unwrap().rows().collect();
    assert_eq!(rows.len(), 124);
    let mut from_rows = RagCounts::default();
    for r in rows
        .iter()
        .filter(|r| r.council.as_deref() == Some("bexley"))
    {
        from_rows.add(r.status);
    }
    assert_eq!(from_rows, bexley.counts);
}

#[test]
fn indicator_rows_carry_figures_directions_and_as_at() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3");
    let s = pack.indicators().unwrap();
    assert_eq!(
        s.columns,
        [
            "Indicator",
            "Figure for",
            "Actual",
            "Target",
            "Status",
            "Since the previous figure",
            "Since a year earlier"
        ]
    );
    let row = |id: &str| s.rows().find(|r| r.id == id).unwrap().clone();
    // EX-03-LBB: 77.4% against 85.0%, Red; 83.8% in Q2 2019/20 and 82.4% in Q3 2018/19
    // (higher is better): worse on both.
    let ex3 = row("EX-03-LBB");
    assert_eq!(ex3.status, Rag::Red);
    assert_eq!(ex3.figure_for.as_deref(), Some("Q3 2019/20"));
    assert_eq!(
        (ex3.actual.as_str(), ex3.target.as_str()),
        ("77.4%", "85.0%")
    );
    assert_eq!((ex3.latest, ex3.as_at.as_deref()), (None, None));
    assert_eq!(ex3.latest_words(), None);
    let st = ex3.short_term.unwrap();
    assert_eq!(
        (st.direction, st.since),
        (Direction::Worsened, p("2019-20-Q2"))
    );
    let lt = ex3.long_term.unwrap();
    assert_eq!(
        (lt.direction, lt.since),
        (Direction::Worsened, p("2018-19-Q3"))
    );
    // SF-03-LBB has no Q3 actual: No data yet, with its latest figure, 0.69% in Q2 2019/20
    // against 0.75% (±0.1): Amber, as at Q2. Up from 0.53% in Q1; down from 0.83% a year
    // earlier.
    let sf3 = row("SF-03-LBB");
    assert_eq!(sf3.status, Rag::NoData);
    assert_eq!(sf3.figure_for.as_deref(), Some("Q2 2019/20"));
    assert_eq!(
        (sf3.actual.as_str(), sf3.target.as_str()),
        ("0.69%", "0.75%")
    );
    assert_eq!(sf3.latest, Some((Rag::Amber, false)));
    assert_eq!(sf3.as_at.as_deref(), Some("as at Q2 2019/20"));
    assert_eq!(
        sf3.latest_words().as_deref(),
        Some("Latest figure: Near target, as at Q2 2019/20")
    );
    assert_eq!(
        sf3.short_term.unwrap().describe(),
        "Improved since Q1 2019/20"
    );
    assert_eq!(
        sf3.long_term.unwrap().describe(),
        "Worsened since Q2 2018/19"
    );
    // Annual key indicators in Q3 are not due; their 2018/19 outturn is shown as at 2018/19.
    let key1 = row("KEY-01-LBH");
    assert!(key1.key);
    assert_eq!(key1.status, Rag::NotDue);
    assert_eq!(key1.as_at.as_deref(), Some("as at 2018/19"));
    assert_eq!(key1.latest, Some((Rag::Green, false)));
    // AM-03-LBN: 97.6% against 98.0% (±1) is Near target, but set Red by hand.
    let am3 = row("AM-03-LBN");
    assert_eq!((am3.status, am3.manual), (Rag::Red, true));
}

#[test]
fn key_indicators_show_the_latest_outturn_as_at_its_year() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3");
    let s = pack.key().unwrap();
    assert_eq!(s.empty, None);
    assert!(s.columns.contains(&"Since a year earlier"));
    let rows: Vec<_> = s
        .rows
        .iter()
        .map(|r| {
            let o = r.latest.as_ref().unwrap();
            (
                r.id.as_str(),
                o.period_label.as_str(),
                o.actual.as_str(),
                o.target.as_str(),
                o.status,
                o.as_at.as_deref(),
                o.long_term.map(|t| t.describe()),
                r.next_target.as_deref(),
            )
        })
        .collect();
    // 2018/19 outturns (no 2019/20 actual yet), against 2017/18 for the direction.
    let asat = Some("as at 2018/19");
    assert_eq!(
        rows,
        vec![
            // 77 against 75: met; 70 a year earlier.
            (
                "KEY-01-LBH",
                "2018/19",
                "77%",
                "75%",
                Rag::Green,
                asat,
                Some("Improved since 2017/18".into()),
                Some("2019/20: 80%")
            ),
            // £3,650k against £3,800k: short by 150, within 10% (380); £3,720k a year earlier.
            (
                "KEY-02-LBH",
                "2018/19",
                "£3,650k",
                "£3,800k",
                Rag::Amber,
                asat,
                Some("Worsened since 2017/18".into()),
                Some("2019/20: £2,900k")
            ),
            // 96.5 against 96.8 (±0.5): Amber; 96.8 a year earlier.
            (
                "KEY-03-LBH",
                "2018/19",
                "96.5%",
                "96.8%",
                Rag::Amber,
                asat,
                Some("Worsened since 2017/18".into()),
                Some("2019/20: 97.0%")
            ),
            // 98.5 against 98.2: met; 98.3 a year earlier.
            (
                "KEY-04-LBH",
                "2018/19",
                "98.5%",
                "98.2%",
                Rag::Green,
                asat,
                Some("Improved since 2017/18".into()),
                Some("2019/20: 98.4%")
            ),
        ]
    );
}

#[test]
fn a_newham_pack_shows_the_shared_key_indicators_and_counts_only_its_own() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3&council=newham");
    // Key section: the three indicators the Joint Committee tracks for every council, with
    // their 2018/19 outturns (worked out in the test above); not Council Tax collection.
    let key = pack.key().unwrap();
    assert_eq!(key.empty, None);
    let rows: Vec<(&str, &str, &str, &str, Rag)> = key
        .rows
        .iter()
        .map(|r| {
            let o = r.latest.as_ref().unwrap();
            (
                r.id.as_str(),
                r.council_name.as_str(),
                o.actual.as_str(),
                o.target.as_str(),
                o.status,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("KEY-01-LBH", "Shared service", "77%", "75%", Rag::Green),
            (
                "KEY-02-LBH",
                "Shared service",
                "£3,650k",
                "£3,800k",
                Rag::Amber
            ),
            ("KEY-04-LBH", "Shared service", "98.5%", "98.2%", Rag::Green),
        ]
    );
    // The summary counts Newham's 51 own indicators; the 3 shared ones on their own line.
    let s = pack.summary().unwrap();
    let c: Vec<(&str, usize)> = s
        .councils
        .iter()
        .map(|c| (c.id.as_str(), c.counts.total()))
        .collect();
    assert_eq!(c, [("newham", 51)]);
    assert_eq!(s.shared.as_ref().unwrap().all.total(), 3);
    let ind = pack.indicators().unwrap();
    assert_eq!(
        ind.councils[0].heading,
        "London Borough of Newham (51 indicators)"
    );
    assert_eq!(ind.councils[1].heading, "Shared service (3 indicators)");
    assert_eq!(ind.rows().count(), 54);

    // Havering's pack: all four, Council Tax named as Havering's only; 60 of its own.
    let hav = pack_ok(&ds, "#/report?period=2019-20-Q3&council=havering");
    let names: Vec<(&str, &str)> = hav
        .key()
        .unwrap()
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.council_name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("KEY-01-LBH", "Shared service"),
            ("KEY-02-LBH", "Shared service"),
            (
                "KEY-03-LBH",
                "Shared service (London Borough of Havering only)"
            ),
            ("KEY-04-LBH", "Shared service"),
        ]
    );
    assert_eq!(hav.summary().unwrap().councils[0].counts.total(), 60);
    let ct = hav
        .indicators()
        .unwrap()
        .rows()
        .find(|r| r.id == "KEY-03-LBH")
        .unwrap();
    assert_eq!(ct.council, None);
    assert_eq!(
        ct.shared_for.as_deref(),
        Some("For London Borough of Havering only")
    );
    // The year-end exceptions: Amber shared indicators come after every council's, and say
    // "Shared service" where a council's name would be.
    let year = pack_ok(&ds, "#/report?period=2018-19&council=bexley");
    let ex = year.exceptions().unwrap();
    let savings = ex.items.iter().find(|x| x.id == "KEY-02-LBH").unwrap();
    assert_eq!(savings.council, None);
    assert!(
        savings
            .meta
            .starts_with("KEY-02-LBH · Shared service · Strategic Finance · 2018/19"),
        "{}",
        savings.meta
    );
    assert!(
        ex.items.iter().all(|x| x.id != "KEY-03-LBH"),
        "Council Tax is not Bexley's"
    );
}

#[test]
fn exceptions_are_red_before_amber_with_reasons() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3");
    let s = pack.exceptions().unwrap();
    assert!(s.reds > 0 && s.ambers > 0);
    let first_amber = s.items.iter().position(|x| x.rag == Rag::Amber).unwrap();
    assert!(s.items[..first_amber].iter().all(|x| x.rag == Rag::Red));
    assert!(s.items[first_amber..].iter().all(|x| x.rag == Rag::Amber));
    assert_eq!(first_amber, s.reds);
    assert!(s.summary.starts_with(&format!(
        "{} Red and {} Amber indicators for all councils in Q3 2019/20",
        s.reds, s.ambers
    )));
    // The status set by hand carries its reason.
    let am3 = s.items.iter().find(|x| x.id == "AM-03-LBN").unwrap();
    assert_eq!((am3.rag, am3.manual), (Rag::Red, true));
    assert!(am3
        .set_by_hand
        .as_deref()
        .unwrap()
        .starts_with("RAG set to red by hand"));

    // One council: only its exceptions, Red first, then by name ("%" sorts before letters).
    let bexley = pack_for(&ds, "#/report?period=2019-20-Q3&council=bexley").0;
    let s = bexley.exceptions().unwrap();
    let ids: Vec<(&str, Rag)> = s.items.iter().map(|x| (x.id.as_str(), x.rag)).collect();
    assert_eq!(
        ids,
        [
            ("EX-03-LBB", Rag::Red),   // % of sundry debt collected …
            ("EX-06-LBB", Rag::Red),   // Value of sundry debt …
            ("SF-01-LBB", Rag::Amber), // % of monthly budget monitoring …
            ("EX-02-LBB", Rag::Amber), // Average days to pay …
        ]
    );
    assert_eq!(
        s.summary,
        "2 Red and 2 Amber indicators for London Borough of Bexley in Q3 2019/20, Red first, then by council and name."
    );
    let ex3 = &s.items[0];
    // 77.4 − 85.0 = −7.6 points; −7.6 / 85 = −8.94%.
    assert_eq!(ex3.difference, "-7.6 percentage points (-8.9% of target)");
    assert_eq!(
        ex3.performance,
        "Actual 77.4% against a target of 85.0% (higher is better)"
    );
    assert_eq!(
        ex3.rated,
        "By the standard rule, with this indicator's own tolerance. Green: the target is met (on or better than target); Amber: the target is missed by no more than 4 percentage points; Red: the target is missed by more than 4 percentage points."
    );
    assert_eq!(ex3.rules_give, None);
    assert!(ex3.meta.starts_with(
        "EX-03-LBB · London Borough of Bexley · Exchequer & Transactional Services · Q3 2019/20 · Responsible officer: Head of Exchequer"
    ));
    assert!(ex3.reason.starts_with("Recovery letters were not sent"));
    assert!(ex3
        .remedial_action
        .starts_with("Recovery letters run restarted"));
    // 1,907 − 1,680 = +227 (£k); 227 / 1,680 = +13.5%.
    assert_eq!(s.items[1].difference, "+£227k (+13.5% of target)");
}

#[test]
fn a_pack_for_one_council_holds_only_that_council() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3&council=bexley");
    assert_eq!(pack.council.as_deref(), Some("bexley"));
    assert_eq!(pack.councils_line, "London Borough of Bexley");
    assert_eq!(
        pack.running_footer,
        "oneSource performance report · Q3 2019/20 · London Borough of Bexley"
    );
    // Bexley's 9 own indicators, then the 3 shared-service indicators for every council
    // (not Council Tax collection, which is Havering's only).
    let rows: Vec<_> = pack.indicators().unwrap().rows().collect();
    assert_eq!(rows.len(), 12);
    let own: Vec<&str> = rows
        .iter()
        .filter(|r| r.council.as_deref() == Some("bexley"))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(own.len(), 9);
    assert!(own.iter().all(|id| id.ends_with("-LBB")), "{own:?}");
    let shared: Vec<(&str, Option<&str>)> = rows
        .iter()
        .filter(|r| r.council.is_none())
        .map(|r| (r.id.as_str(), r.shared_for.as_deref()))
        .collect();
    assert_eq!(
        shared,
        [
            ("KEY-02-LBH", Some("For every council")),
            ("KEY-01-LBH", Some("For every council")),
            ("KEY-04-LBH", Some("For every council")),
        ],
        "by service in the data's order: Strategic Finance, Business Services, Council Tax and Benefits"
    );
    let groups = &pack.indicators().unwrap().councils;
    let heads: Vec<(&str, bool, &str)> = groups
        .iter()
        .map(|g| (g.id.as_str(), g.shared, g.heading.as_str()))
        .collect();
    assert_eq!(
        heads,
        [
            ("bexley", false, "London Borough of Bexley (9 indicators)"),
            ("shared", true, "Shared service (3 indicators)"),
        ]
    );
    assert!(groups[0].note.is_none());
    assert!(groups[1]
        .note
        .as_deref()
        .unwrap()
        .contains("counted in no council's figures"));
    let s = pack.summary().unwrap();
    assert_eq!(s.councils.len(), 1);
    assert_eq!(s.councils[0].counts.total(), 9, "Bexley's own");
    assert_eq!(s.per_council.len(), 1);
    assert_eq!(s.shared.as_ref().unwrap().all.total(), 3);
    assert_eq!(s.total, None, "no all-councils row for one council");
    // Bexley's pack shows the shared key strategic indicators (Council Tax is Havering's).
    let key = pack.key().unwrap();
    assert_eq!(key.empty, None);
    let keys: Vec<(&str, &str)> = key
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.council_name.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("KEY-01-LBH", "Shared service"),
            ("KEY-02-LBH", "Shared service"),
            ("KEY-04-LBH", "Shared service"),
        ]
    );
    // Actions for Bexley: those naming it (25, counted in the file).
    let imp = pack.improvement().unwrap();
    assert_eq!(imp.rows().count(), 25);
    assert_eq!(imp.total.total(), 25);
    // Projects: only P5-1 names Bexley; the other priorities have none for it.
    let later = pack_for(&ds, "#/report?period=2021-22-Q3&council=bexley").0;
    let words = priority_words(&later);
    assert_eq!(
        words,
        [
            ("P1", "No projects"),
            ("P2", "No projects"),
            ("P3", "No projects"),
            ("P4", "No projects"),
            ("P5", "On track"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let p1 = &later.priorities().unwrap().priorities[0];
    assert_eq!(
        p1.empty.as_deref(),
        Some("No projects for London Borough of Bexley.")
    );
}

#[test]
fn improvement_actions_at_q3_2019_20() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3");
    let s = pack.improvement().unwrap();
    assert_eq!(s.no_updates, None);
    assert!(
        s.intro.contains(
            "Overdue: due before 31 December 2019 (the end of Q3 2019/20) and not complete."
        ),
        "{}",
        s.intro
    );
    // Counted by hand from each action's Q3 2019/20 update (or its Q2 update when that was
    // the last); overdue: due before 31 December 2019 and not complete.
    let wc = |complete, on_track, at_risk, off_track, not_started, overdue| WorkCounts {
        complete,
        on_track,
        at_risk,
        off_track,
        not_started,
        overdue,
    };
    let themes: Vec<(&str, WorkCounts)> =
        s.theme_counts.iter().map(|(t, c)| (&t[..2], *c)).collect();
    assert_eq!(
        themes,
        [
            ("T1", wc(12, 13, 5, 1, 4, 2)),
            ("T2", wc(3, 11, 3, 1, 1, 2)),
            ("T3", wc(4, 7, 1, 1, 2, 1)),
            ("T4", wc(4, 6, 4, 0, 0, 1)),
        ]
    );
    assert_eq!(s.total, wc(23, 37, 13, 3, 7, 6));
    let overdue: Vec<&str> = s
        .rows()
        .filter(|r| r.overdue)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        overdue,
        ["A01-2", "A08-1", "A23-2", "A27-1", "A35-1", "A38-2"]
    );
    // Completed in Q2 and not updated since: complete, as at Q2 2019/20.
    let older: Vec<(&str, String)> = s
        .rows()
        .filter(|r| r.as_at.is_some())
        .map(|r| (r.id.as_str(), r.status_words()))
        .collect();
    let c2 = "Complete, as at Q2 2019/20".to_string();
    assert_eq!(
        older,
        [
            ("A07-2", c2.clone()),
            ("A12-2", c2.clone()),
            ("A17-1", c2.clone()),
            ("A19-1", c2.clone()),
            ("A24-1", c2.clone()),
            ("A45-2", c2),
        ]
    );
    // A01-1 is due on the period's last day: not yet overdue. Its percent is its own.
    let a011 = s.rows().find(|r| r.id == "A01-1").unwrap();
    assert_eq!(
        (a011.status, a011.overdue, a011.percent.as_deref()),
        (WorkStatus::Green, false, Some("95%"))
    );
    assert!(a011.meta.ends_with("Due 31 December 2019"), "{}", a011.meta);
    // Areas roll their actions up: A01 green + amber → At risk; A02 not started + green → On
    // track; A03 complete + complete → Complete; A17 complete + red → Off track.
    let area = |id: &str| {
        s.themes
            .iter()
            .flat_map(|t| t.areas.iter())
            .find(|a| a.id == id)
            .unwrap()
            .status
    };
    assert_eq!(
        ["A01", "A02", "A03", "A17"].map(area),
        [
            WorkStatus::Amber,
            WorkStatus::Green,
            WorkStatus::Complete,
            WorkStatus::Red
        ]
    );
}

#[test]
fn the_legend_uses_the_one_set_of_direction_headings() {
    let ds = load();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q3");
    assert!(pack
        .legend
        .direction
        .contains("“Since the previous figure”"));
    assert!(pack.legend.direction.contains("“Since a year earlier”"));
    assert_eq!(pack.legend.rag.len(), 6);
    assert!(pack.legend.rag[1].1.contains("10% of target"));
    assert!(pack
        .legend
        .work_text
        .contains("Overdue: due before 31 December 2019"));
}

// -------------------------------------------------------------------------------------------
// A small dataset written here, with every count worked out by hand.

fn small() -> Dataset {
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "Small", "organisation": "Org",
            "as_of": "2019-09-30",
            "councils": [ { "id": "a", "name": "Council A" }, { "id": "b", "name": "Council B" } ],
            "services": [ { "id": "s1", "name": "One", "councils": ["a", "b"] }, { "id": "s2", "name": "Two", "councils": ["a", "b"] } ],
            "priorities": [
                { "id": "P1", "title": "First", "projects": [
                    { "id": "x", "title": "X", "councils": ["a"], "due": "2019-08-31", "updates": [
                        { "period": "2019-20-Q1", "status": "amber" },
                        { "period": "2019-20-Q2", "status": "green", "commentary": "Back on track." } ] },
                    { "id": "y", "title": "Y", "updates": [ { "period": "2019-20-Q1", "status": "complete" } ] } ] },
                { "id": "P2", "title": "Second", "projects": [
                    { "id": "z", "title": "Z", "councils": ["b"], "due": "2020-03-31", "updates": [] } ] }
            ],
            "themes": [ { "id": "T1", "title": "Theme", "areas": [ { "id": "A1", "title": "Area", "service": "s1", "actions": [
                { "id": "a1", "title": "Act one", "owner": "Ann", "councils": ["a", "b"], "due": "2019-06-30",
                  "updates": [ { "period": "2019-20-Q1", "status": "red", "percent_complete": 10 } ] },
                { "id": "a2", "title": "Act two", "councils": ["a"] } ] } ] } ],
            "indicators": [
                { "id": "i1", "name": "One", "service": "s1", "council": "a", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q1", "target": 10, "actual": 10 },
                              { "period": "2019-20-Q2", "target": 10, "actual": 8, "reason": "Why", "remedial_action": "Fix" } ] },
                { "id": "i2", "name": "Two", "service": "s2", "council": "a", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q2", "target": 10, "actual": 9.5 } ] },
                { "id": "i3", "name": "Three", "service": "s1", "council": "b", "frequency": "quarterly", "polarity": "lower",
                  "values": [ { "period": "2019-20-Q2", "target": 5, "actual": 4 } ] },
                { "id": "i4", "name": "Four", "service": "s1", "council": "b", "frequency": "annual", "polarity": "higher", "key": true,
                  "values": [ { "period": "2018-19", "target": 50, "actual": 40 }, { "period": "2019-20", "target": 55 } ] },
                { "id": "i5", "name": "Five", "service": "s1", "council": "a", "frequency": "quarterly", "polarity": "none",
                  "values": [ { "period": "2019-20-Q2", "actual": 3 } ] },
                { "id": "i6", "name": "Six", "service": "s2", "council": "b", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q2", "target": 1 } ] }
            ]
        })
        .to_string(),
    )
    .unwrap()
}

#[test]
fn a_small_dataset_by_hand() {
    let ds = small();
    let pack = pack_ok(&ds, "#/report?period=2019-20-Q2");
    assert_eq!(pack.period_label, "Q2 2019/20 (July–September 2019)");
    // Q2 2019/20, 10% tolerance: i1 8 against 10 (short by 2 > 1) Red; i2 9.5 against 10
    // (short by 0.5 ≤ 1) Amber; i5 no polarity: Data only. i3 4 against 5, lower is better:
    // Green; i4 annual: Not due in Q2; i6 a target and no actual: No data yet.
    let s = pack.summary().unwrap();
    let a = RagCounts {
        red: 1,
        amber: 1,
        data_only: 1,
        ..RagCounts::default()
    };
    let b = RagCounts {
        green: 1,
        not_due: 1,
        no_data: 1,
        ..RagCounts::default()
    };
    let counts: Vec<(&str, RagCounts)> = s
        .councils
        .iter()
        .map(|c| (c.id.as_str(), c.counts))
        .collect();
    assert_eq!(counts, [("a", a), ("b", b)]);
    assert_eq!(
        s.total,
        Some(RagCounts {
            green: 1,
            amber: 1,
            red: 1,
            no_data: 1,
            data_only: 1,
            not_due: 1
        })
    );
    // Council A by service: One holds i1 and i5, Two holds i2.
    assert_eq!(
        s.per_council[0].services,
        vec![
            (
                "One".to_string(),
                RagCounts {
                    red: 1,
                    data_only: 1,
                    ..RagCounts::default()
                }
            ),
            (
                "Two".to_string(),
                RagCounts {
                    amber: 1,
                    ..RagCounts::default()
                }
            ),
        ]
    );
    // Exceptions: i1 Red, then i2 Amber; the difference −2 of 10 is −20%.
    let ex = pack.exceptions().unwrap();
    let ids: Vec<&str> = ex.items.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["i1", "i2"]);
    assert_eq!((ex.reds, ex.ambers), (1, 1));
    assert_eq!(ex.items[0].difference, "-2 (-20.0% of target)");
    assert_eq!(
        (
            ex.items[0].reason.as_str(),
            ex.items[0].remedial_action.as_str()
        ),
        ("Why", "Fix")
    );
    assert_eq!(ex.items[1].reason, "No reason given yet.");
    // i1 improved? No: 10 → 8, higher is better: worse since Q1.
    let i1 = pack
        .indicators()
        .unwrap()
        .rows()
        .find(|r| r.id == "i1")
        .unwrap()
        .clone();
    assert_eq!(
        i1.short_term.unwrap().describe(),
        "Worsened since Q1 2019/20"
    );
    assert_eq!(i1.long_term, None, "no figure a year earlier");
    // Key: i4's 2018/19 outturn, 40 against 50 (short by 10 > 5): Red, as at 2018/19; next
    // target 55 for 2019/20.
    let key = &pack.key().unwrap().rows;
    assert_eq!(key.len(), 1);
    let o = key[0].latest.as_ref().unwrap();
    assert_eq!(
        (o.status, o.as_at.as_deref()),
        (Rag::Red, Some("as at 2018/19"))
    );
    assert_eq!(key[0].next_target.as_deref(), Some("2019/20: 55"));
    // Improvement: a1 Off track since Q1 (due 30 June 2019: overdue by 30 September); a2 no
    // update, no due date: Not started, never overdue.
    let imp = pack.improvement().unwrap();
    assert_eq!(
        imp.total,
        WorkCounts {
            off_track: 1,
            not_started: 1,
            overdue: 1,
            ..WorkCounts::default()
        }
    );
    let rows: Vec<_> = imp.rows().collect();
    assert_eq!(rows[0].status_words(), "Off track, as at Q1 2019/20");
    assert!(rows[0].overdue);
    assert_eq!(rows[0].percent.as_deref(), Some("10%"));
    assert_eq!(rows[0].meta, "a1 · Ann · Due 30 June 2019");
    assert_eq!(rows[1].status_words(), "Not started");
    assert_eq!(rows[1].commentary, "No update yet.");
    assert!(!rows[1].overdue);
    // Area A1: red + not started → Off track (its newest update is Q1's).
    let area = &imp.themes[0].areas[0];
    assert_eq!(area.heading, "A1 Area · One");
    assert_eq!(area.status, WorkStatus::Red);
    assert_eq!(area.as_at.as_deref(), Some("as at Q1 2019/20"));
    // Priorities: P1 = x On track (Q2; due 31 August 2019, not complete: overdue) + y complete
    // since Q1 → On track; P2 = z with no update → Not started.
    let pr = pack.priorities().unwrap();
    assert_eq!(pr.no_updates, None);
    assert_eq!(
        priority_words(&pack),
        [("P1", "On track"), ("P2", "Not started")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        pr.priorities[0].counts,
        WorkCounts {
            complete: 1,
            on_track: 1,
            overdue: 1,
            ..WorkCounts::default()
        }
    );
    let x = &pr.priorities[0].projects[0];
    assert_eq!(
        (x.status, x.overdue, x.commentary.as_str()),
        (WorkStatus::Green, true, "Back on track.")
    );
    assert_eq!(
        pr.priorities[0].projects[1].status_words(),
        "Complete, as at Q1 2019/20"
    );

    // Council B: its indicators only; P1 keeps y (for all councils), complete since Q1.
    let b_pack = pack_for(&ds, "#/report?period=2019-20-Q2&council=b").0;
    let ids: Vec<&str> = b_pack
        .indicators()
        .unwrap()
        .rows()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["i3", "i4", "i6"]);
    assert!(b_pack.exceptions().unwrap().items.is_empty());
    assert_eq!(
        b_pack.exceptions().unwrap().summary,
        "No indicator is Red or Amber for Council B in Q2 2019/20."
    );
    assert_eq!(
        priority_words(&b_pack),
        [("P1", "Complete, as at Q1 2019/20"), ("P2", "Not started")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(b_pack.improvement().unwrap().rows().count(), 1);

    // 2018/19 (the year of i4's figure) is a pack period too: no plan update by then.
    let early = pack_ok(&ds, "#/report?period=2018-19");
    let note = early.priorities().unwrap().no_updates.clone().unwrap();
    assert_eq!(
        note.headline,
        "No progress updates for this period (2018/19)."
    );
    assert!(
        note.detail
            .ends_with("is reported from Q1 2019/20 (April–June 2019)."),
        "{}",
        note.detail
    );
    let note = early.improvement().unwrap().no_updates.clone().unwrap();
    assert!(
        note.detail.contains("every action is shown as Not started"),
        "{}",
        note.detail
    );
    assert!(early
        .priorities()
        .unwrap()
        .priorities
        .iter()
        .all(|b| b.status == Some(WorkStatus::NotStarted)));
}

#[test]
fn no_figures_and_no_updates_is_nothing_to_report() {
    let ds = parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "Empty", "organisation": "Org",
            "councils": [], "services": [], "priorities": [], "themes": [], "indicators": []
        })
        .to_string(),
    )
    .unwrap();
    let pack = Pack::build(&ds, &PackQuery::default_for(&ds));
    assert_eq!(pack.period, None);
    assert!(pack.sections.is_empty());
    assert!(pack
        .nothing_to_report
        .as_deref()
        .unwrap()
        .contains("nothing to report"));
}
