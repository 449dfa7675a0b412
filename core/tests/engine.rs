//! The reporting engine against cases worked out by hand from docs/rag-rules.md: every
//! expected value below was written from the rule's words, not by calling the code.

use gt_core::engine::*;
use gt_core::{parse_dataset, Dataset, Period, Rag, WorkStatus};
use serde_json::json;
use WorkStatus::*;

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// Two councils, one service; a small plan with known due dates; indicators of each frequency.
fn ds() -> Dataset {
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o", "as_of": "2019-12-31",
            "councils": [ { "id": "b", "name": "Bee" }, { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a", "b"] } ],
            "priorities": [
                { "id": "P1", "title": "p1", "projects": [
                    { "id": "x1", "title": "x", "due": "2020-06-30", "updates": [
                        { "period": "2020-21-Q1", "status": "green", "percent_complete": 40 },
                        { "period": "2020-21-Q2", "status": "red" } ] },
                    { "id": "x2", "title": "x", "updates": [ { "period": "2020-21-Q2", "status": "amber" } ] } ] },
                { "id": "P2", "title": "p2", "projects": [
                    { "id": "y1", "title": "y", "updates": [ { "period": "2020-21-Q1", "status": "complete" } ] },
                    { "id": "y2", "title": "y" } ] },
                { "id": "P3", "title": "p3", "projects": [
                    { "id": "z1", "title": "z", "due": "2019-01-31", "updates": [ { "period": "2020-21-Q1", "status": "complete" } ] } ] },
                { "id": "P4", "title": "p4" }
            ],
            "themes": [ { "id": "T1", "title": "t", "areas": [ { "id": "A1", "title": "a", "actions": [
                { "id": "a1", "title": "late", "due": "2019-09-30", "updates": [ { "period": "2019-20-Q2", "status": "amber" } ] },
                { "id": "a2", "title": "done late", "due": "2019-09-30", "updates": [ { "period": "2019-20-Q2", "status": "complete" } ] },
                { "id": "a3", "title": "not yet due", "due": "2020-03-31", "updates": [ { "period": "2019-20-Q1", "status": "green" } ] },
                { "id": "a4", "title": "never started", "due": "2019-06-30" },
                { "id": "a5", "title": "no date", "updates": [ { "period": "2019-20-Q1", "status": "red" } ] } ] } ] } ],
            "indicators": [
                { "id": "i1", "name": "Zed", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q1", "target": 100, "actual": 96 },
                              { "period": "2019-20-Q2", "target": 100, "actual": 95, "reason": "r" } ] },
                { "id": "i2", "name": "Alpha", "service": "s", "council": "b", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 50 } ] },
                { "id": "i3", "name": "Beta", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "lower",
                  "values": [ { "period": "2018-19-Q2", "target": 10, "actual": 12 },
                              { "period": "2019-20-Q1", "target": 10, "actual": 9.5 },
                              { "period": "2019-20-Q2", "target": 10, "actual": 9 } ] },
                { "id": "i4", "name": "Gamma", "service": "s", "council": "a", "frequency": "annual", "polarity": "lower",
                  "key": true,
                  "values": [ { "period": "2017-18", "target": 10, "actual": 11 },
                              { "period": "2018-19", "target": 10, "actual": 9 },
                              { "period": "2019-20", "target": 10 } ] },
                { "id": "i5", "name": "Delta", "service": "s", "council": "b", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 91 } ] },
                { "id": "i6", "name": "Epsilon", "service": "s", "council": "b", "frequency": "monthly", "polarity": "higher",
                  "values": [ { "period": "2019-10", "target": 90, "actual": 95 },
                              { "period": "2019-11", "target": 90, "actual": 80 } ] }
            ]
        })
        .to_string(),
    )
    .unwrap()
}

#[test]
fn roll_up_rule_case_by_case() {
    // docs/rag-rules.md: Off track if any is off track; else At risk if any is at risk; else On
    // track if any is on track or some are complete and the rest not started; Complete when all
    // are complete; Not started when none has started or there are none.
    assert_eq!(rollup([]), NotStarted);
    assert_eq!(rollup([Red]), Red);
    assert_eq!(rollup([Complete, Green, Amber, Red, NotStarted]), Red);
    assert_eq!(rollup([Amber, Green, Complete]), Amber);
    assert_eq!(rollup([NotStarted, Amber]), Amber);
    assert_eq!(rollup([Green, Complete]), Green);
    assert_eq!(rollup([Green]), Green);
    assert_eq!(rollup([Green, NotStarted]), Green);
    assert_eq!(rollup([Complete, NotStarted]), Green);
    assert_eq!(rollup([NotStarted, Complete, NotStarted]), Green);
    assert_eq!(rollup([Complete]), Complete);
    assert_eq!(rollup([Complete, Complete, Complete]), Complete);
    assert_eq!(rollup([NotStarted]), NotStarted);
    assert_eq!(rollup([NotStarted, NotStarted]), NotStarted);
}

#[test]
fn overdue_means_due_before_the_end_of_the_period_and_not_complete() {
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let q2 = p("2019-20-Q2"); // ends 30 September 2019
    assert!(
        !is_overdue(Some(d("2019-09-30")), Amber, &q2),
        "due on the last day"
    );
    assert!(
        is_overdue(Some(d("2019-09-29")), Amber, &q2),
        "due the day before"
    );
    assert!(is_overdue(Some(d("2019-07-01")), NotStarted, &q2));
    assert!(is_overdue(Some(d("2019-07-01")), Green, &q2));
    assert!(is_overdue(Some(d("2019-07-01")), Red, &q2));
    assert!(
        !is_overdue(Some(d("2019-07-01")), Complete, &q2),
        "complete"
    );
    assert!(!is_overdue(None, Red, &q2), "no due date");
    assert!(
        !is_overdue(Some(d("2019-10-01")), Red, &q2),
        "due after the period"
    );
}

#[test]
fn actions_as_at_each_period() {
    let ds = ds();
    let counts = |period: &str| Engine::new(&ds, p(period)).action_counts(|_| true);
    // Q1 2019/20 (ends 30 June): a3 on track, a5 off track; a1, a2, a4 not started yet.
    // a4 is due 30 June: not overdue on its due date.
    let c = counts("2019-20-Q1");
    assert_eq!(
        (
            c.complete,
            c.on_track,
            c.at_risk,
            c.off_track,
            c.not_started,
            c.overdue
        ),
        (0, 1, 0, 1, 3, 0)
    );
    // Q2 (ends 30 September): a1 at risk, a2 complete, a3 on track (Q1's), a5 off track (Q1's),
    // a4 not started. Overdue: a4 only (due 30 June); a1 and a2 are due on the last day.
    let c = counts("2019-20-Q2");
    assert_eq!(
        (
            c.complete,
            c.on_track,
            c.at_risk,
            c.off_track,
            c.not_started,
            c.overdue
        ),
        (1, 1, 1, 1, 1, 1)
    );
    // Q3 (ends 31 December): a1 and a4 overdue; a2 complete; a3 due March; a5 has no date.
    assert_eq!(counts("2019-20-Q3").overdue, 2);
    // Q1 2020/21 (ends 30 June 2020): a3 (due 31 March 2020, on track) is overdue as well.
    assert_eq!(counts("2020-21-Q1").overdue, 3);
    // Before any update: all five not started, a4 not yet due.
    let c = counts("2018-19-Q4");
    assert_eq!((c.not_started, c.overdue, c.total()), (5, 0, 5));

    // One action: status from the latest update at or before the period, said to be as at
    // that update's period when it is older.
    let a1 = &ds.themes[0].areas[0].actions[0];
    let e = Engine::new(&ds, p("2020-21-Q2"));
    let w = e.action(a1);
    assert_eq!(
        (w.status, w.overdue, w.as_at),
        (Amber, true, Some(p("2019-20-Q2")))
    );
    assert_eq!(w.update(&a1.updates).unwrap().period, p("2019-20-Q2"));
    let w = Engine::new(&ds, p("2019-20-Q2")).action(a1);
    assert_eq!(w.as_at, None, "the update is for the period itself");
    let w = Engine::new(&ds, p("2019-20-Q1")).action(a1);
    assert_eq!((w.status, w.index, w.as_at), (NotStarted, None, None));
}

#[test]
fn priorities_roll_up_their_projects_as_at_the_period() {
    let ds = ds();
    let at = |period: &str| {
        let e = Engine::new(&ds, p(period));
        ds.priorities
            .iter()
            .map(|pr| e.priority(pr).status)
            .collect::<Vec<_>>()
    };
    // Q2 2020/21: P1 = red + amber -> Off track; P2 = complete + not started -> On track;
    // P3 = complete -> Complete; P4 has no projects -> Not started.
    assert_eq!(at("2020-21-Q2"), [Red, Green, Complete, NotStarted]);
    // Q1 2020/21: P1 = green + not started -> On track.
    assert_eq!(at("2020-21-Q1"), [Green, Green, Complete, NotStarted]);
    // Before any project update: all not started, never a later status.
    assert_eq!(at("2019-20-Q3"), [NotStarted; 4]);
    let e = Engine::new(&ds, p("2019-20-Q3"));
    assert!(!e.any_update(PlanKind::Strategy));
    assert!(e.any_update(PlanKind::Improvement));
    assert_eq!(first_update(&ds, PlanKind::Strategy), Some(p("2020-21-Q1")));

    // Counts and overdue: P1 at Q2 2020/21: x1 off track and due 30 June 2020 -> overdue;
    // x2 at risk, no due date.
    let r = Engine::new(&ds, p("2020-21-Q2")).priority(&ds.priorities[0]);
    assert_eq!(
        (
            r.counts.off_track,
            r.counts.at_risk,
            r.counts.overdue,
            r.counts.total()
        ),
        (1, 1, 1, 2)
    );
    assert_eq!(r.as_at, None);
    // P3's only project was due in 2019 but is complete: never overdue.
    let r = Engine::new(&ds, p("2020-21-Q2")).priority(&ds.priorities[2]);
    assert_eq!(r.counts.overdue, 0);
    // A year later nothing new: the newest update (Q2 2020/21) is what the status is as at.
    let r = Engine::new(&ds, p("2021-22-Q2")).priority(&ds.priorities[0]);
    assert_eq!((r.status, r.as_at), (Red, Some(p("2020-21-Q2"))));
    // Percent complete is the latest reported at or before the period (x1: 40 in Q1 2020/21,
    // none given in Q2).
    let x1 = &ds.priorities[0].projects[0];
    assert_eq!(
        Engine::new(&ds, p("2020-21-Q2")).project(x1).percent,
        Some(40.0)
    );
    assert_eq!(Engine::new(&ds, p("2019-20-Q4")).project(x1).percent, None);
}

#[test]
fn areas_roll_up_their_actions() {
    let ds = ds();
    let area = &ds.themes[0].areas[0];
    // Q2 2019/20: amber, complete, green, not started, red -> Off track (a5 is red).
    let r = Engine::new(&ds, p("2019-20-Q2")).area(area);
    assert_eq!(r.status, Red);
    assert_eq!(r.counts.total(), 5);
    // as at: the newest update among the actions is Q2 2019/20.
    let r = Engine::new(&ds, p("2019-20-Q4")).area(area);
    assert_eq!(r.as_at, Some(p("2019-20-Q2")));
}

#[test]
fn indicators_status_latest_figure_and_direction() {
    let ds = ds();
    let e = Engine::new(&ds, p("2019-20-Q2"));
    let at = |id: &str| e.indicator(ds.indicator(id).unwrap());
    // i1: target 100, actual 95, 10% tolerance -> Amber (missed by 5, within 10).
    let i1 = at("i1");
    assert_eq!(i1.rag(), Rag::Amber);
    // Higher is better, 96 -> 95: worsened since Q1 2019/20. No value a year earlier.
    let st = i1.short_term.unwrap();
    assert_eq!(st.describe(), "Worsened since Q1 2019/20");
    assert!(i1.long_term.is_none());
    assert_eq!(i1.as_at, None);
    // i3: lower is better, 9.5 -> 9 is an improvement; 12 a year earlier -> improved too.
    let i3 = at("i3");
    assert_eq!(i3.rag(), Rag::Green);
    assert_eq!(
        i3.short_term.unwrap().describe(),
        "Improved since Q1 2019/20"
    );
    assert_eq!(
        i3.long_term.unwrap().describe(),
        "Improved since Q2 2018/19"
    );
    // i2: 50 against 100 -> Red. i5: 91 against 100 -> Amber (missed by 9).
    assert_eq!(at("i2").rag(), Rag::Red);
    assert_eq!(at("i5").rag(), Rag::Amber);
    // i4, annual, in Q2: not due; its latest figure is 2018/19 (9 against 10, lower is better:
    // On target), said to be as at 2018/19; 11 -> 9 lower is better: improved since 2017/18.
    let i4 = at("i4");
    assert_eq!(i4.rag(), Rag::NotDue);
    let (v, s) = i4.latest.unwrap();
    assert_eq!((v.period, s.rag), (p("2018-19"), Rag::Green));
    assert_eq!(i4.as_at, Some(p("2018-19")));
    assert_eq!(i4.short_term.unwrap().describe(), "Improved since 2017/18");
    // In Q4 2019/20 the year 2019/20 is due and has no figure yet: No data yet, latest 2018/19.
    let q4 = Engine::new(&ds, p("2019-20-Q4")).indicator(ds.indicator("i4").unwrap());
    assert_eq!(q4.rag(), Rag::NoData);
    assert_eq!(q4.as_at, Some(p("2018-19")));
    // i6, monthly, in Q3 2019/20: November speaks for the quarter (80 against 90 -> Red:
    // missed by 10, more than the tolerance of 9); as at November 2019 (older than the
    // quarter's end).
    let i6 = Engine::new(&ds, p("2019-20-Q3")).indicator(ds.indicator("i6").unwrap());
    assert_eq!(i6.rag(), Rag::Red);
    assert_eq!(i6.as_at, Some(p("2019-11")));
    assert_eq!(
        i6.short_term.unwrap().describe(),
        "Worsened since October 2019"
    );
}

#[test]
fn counts_by_council_key_indicators_and_exceptions() {
    let ds = ds();
    let e = Engine::new(&ds, p("2019-20-Q2"));
    let by = e.council_counts();
    // In the data's council order: Bee (b) first, then Ay (a).
    assert_eq!(by[0].0.id, "b");
    assert_eq!(by[1].0.id, "a");
    // Bee: i2 Red, i5 Amber, i6 (monthly, no month in Q2) No data yet.
    let b = by[0].1;
    assert_eq!(
        (b.red, b.amber, b.green, b.no_data, b.not_due, b.total()),
        (1, 1, 0, 1, 0, 3)
    );
    // Ay: i1 Amber, i3 Green, i4 Not due.
    let a = by[1].1;
    assert_eq!(
        (a.red, a.amber, a.green, a.no_data, a.not_due, a.total()),
        (0, 1, 1, 0, 1, 3)
    );
    assert_eq!(e.counts(&ds.indicators).rated(), 4);
    // Key indicators: only i4.
    let keys: Vec<String> = e
        .key_indicators(|_| true)
        .iter()
        .map(|k| k.indicator.id.clone())
        .collect();
    assert_eq!(keys, ["i4"]);
    assert!(e.key_indicators(|i| i.is_own("b")).is_empty());
    // Exceptions: Red first; then Amber by council in the data's order (Bee's i5 before Ay's
    // i1), with the variance from target.
    let ex = e.exceptions(|_| true);
    let ids: Vec<&str> = ex.iter().map(|x| x.indicator.id.as_str()).collect();
    assert_eq!(ids, ["i2", "i5", "i1"]);
    assert_eq!(ex[0].variance.unwrap().absolute, -50.0);
    assert_eq!(ex[2].value.reason.as_deref(), Some("r"));
    let only_a: Vec<&str> = e
        .exceptions(|i| i.is_own("a"))
        .iter()
        .map(|x| x.indicator.id.as_str())
        .collect();
    assert_eq!(only_a, ["i1"]);
}

#[test]
fn one_calendar_and_one_default() {
    let ds = ds();
    // Figures: 2017-18, 2018-19, 2019-20 (target only), 2018-19-Q2, 2019-20-Q1, Q2, and the
    // months October and November 2019 (in Q3). Plan updates: 2019-20-Q1, Q2, 2020-21-Q1, Q2.
    // Newest first, by period end (a quarter before the year ending on the same day).
    assert_eq!(
        periods(&ds),
        [
            p("2020-21-Q2"),
            p("2020-21-Q1"),
            p("2019-20"),
            p("2019-20-Q3"),
            p("2019-20-Q2"),
            p("2019-20-Q1"),
            p("2018-19"),
            p("2018-19-Q2"),
            p("2017-18"),
        ]
    );
    // The default is the latest quarter with a figure (Q3 2019/20, from November 2019).
    assert_eq!(default_period(&ds), Some(p("2019-20-Q3")));
    let cal = Calendar::of(&ds);
    assert_eq!(
        cal.choice_label(&p("2020-21-Q2")),
        "Q2 2020/21 (plan updates only)"
    );
    assert_eq!(cal.choice_label(&p("2019-20")), "2019/20 (targets only)");
    assert_eq!(cal.choice_label(&p("2019-20-Q2")), "Q2 2019/20");
    // A link's period: used when it is in the calendar, else the default with a note.
    let c = cal.choose(Some("2020-21-Q1"));
    assert_eq!(
        (c.period, c.chosen, c.note),
        (Some(p("2020-21-Q1")), true, None)
    );
    let c = cal.choose(None);
    assert_eq!(
        (c.period, c.chosen, c.note),
        (Some(p("2019-20-Q3")), false, None)
    );
    let c = cal.choose(Some("2030-31-Q1"));
    assert_eq!((c.period, c.chosen), (Some(p("2019-20-Q3")), false));
    assert_eq!(
        c.note.unwrap(),
        "period \"2030-31-Q1\" (Q1 2030/31) has no figures or plan updates in this data; showing Q3 2019/20 instead"
    );
    let c = cal.choose(Some("soon"));
    assert!(c.note.unwrap().ends_with("showing Q3 2019/20 instead"));
    // No figures at all: the latest plan update is the default.
    let mut plan_only = ds.clone();
    plan_only.indicators.clear();
    assert_eq!(default_period(&plan_only), Some(p("2020-21-Q2")));
}

#[test]
fn rounding_shown_is_rounding_rated() {
    // Target 93, actual 92.5, no decimals: shown as 93, so on target (docs/rag-rules.md rule 1).
    let ds = parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "A" } ], "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [
                { "id": "h", "name": "h", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "higher", "decimals": 0, "unit": "%",
                  "values": [ { "period": "2019-20-Q2", "target": 93, "actual": 92.5 }, { "period": "2019-20-Q3", "target": 93, "actual": 92.4 } ] }
            ]
        })
        .to_string(),
    )
    .unwrap();
    let i = &ds.indicators[0];
    let q2 = Engine::new(&ds, p("2019-20-Q2")).indicator(i);
    assert_eq!(q2.rag(), Rag::Green);
    assert_eq!(gt_core::fmt::value(92.5, Some(0), Some("%")), "93%");
    let q3 = Engine::new(&ds, p("2019-20-Q3")).indicator(i);
    assert_eq!(q3.rag(), Rag::Amber);
    assert_eq!(gt_core::fmt::value(92.4, Some(0), Some("%")), "92%");
    // 92.5 -> 92.4 shows as 93 -> 92: worsened.
    assert_eq!(
        q3.short_term.unwrap().describe(),
        "Worsened since Q2 2019/20"
    );
}

#[test]
fn the_view_csv_carries_the_engines_words_and_imports_again() {
    let ds = ds();
    let inds: Vec<&gt_core::Indicator> = ds.indicators.iter().collect();
    let text = gt_core::csv::export_view(&ds, &inds, &p("2019-20-Q2"));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].ends_with(
        "Status shown,Status by the rules,Since the previous figure,Since a year earlier,Trend,Latest figure as at"
    ));
    // Every indicator in view, one row each, in the view's order: the list shows them all.
    assert_eq!(lines.len(), 7);
    // i1: 95 against 100, worsened from 96 in Q1, nothing a year earlier.
    assert!(lines[1].starts_with("i1,"), "{}", lines[1]);
    assert!(
        lines[1].ends_with(
            ",Near target,Near target,Worsened since Q1 2019/20,,Worsened from Q1 2019/20 to Q2 2019/20,"
        ),
        "{}",
        lines[1]
    );
    // i3: lower is better, 9.5 -> 9 and 12 -> 9: improved both ways, and over the trend.
    assert!(
        lines[3].ends_with(
            ",On target,On target,Improved since Q1 2019/20,Improved since Q2 2018/19,Improved from Q2 2018/19 to Q2 2019/20,"
        ),
        "{}",
        lines[3]
    );
    // i4 (annual) at Q2: its year's row (target 10, no actual yet), Not due; latest 2018/19.
    assert!(lines[4].starts_with("i4,"), "{}", lines[4]);
    assert!(lines[4].contains(",2019-20,10,,"), "{}", lines[4]);
    assert!(lines[4].contains(",Not due,Not due,"), "{}", lines[4]);
    // i6 (monthly) at Q2: the quarter's last month, September 2019, with nothing yet.
    assert!(lines[6].starts_with("i6,"), "{}", lines[6]);
    assert!(lines[6].contains(",2019-09,"), "{}", lines[6]);
    // The engine's columns are not columns a return takes: the file imports onto the data.
    let (merged, _report) = gt_core::csv::import_csv(Some(&ds), &text, "view.csv").unwrap();
    assert_eq!(
        merged.indicator("i1").unwrap().values,
        ds.indicator("i1").unwrap().values
    );
}

#[test]
fn words_and_small_answers() {
    let ds = ds();
    let e = Engine::new(&ds, p("2019-20-Q2"));
    assert_eq!(
        e.overdue_rule(),
        "due before 30 September 2019 (the end of Q2 2019/20) and not complete"
    );
    assert_eq!(
        as_at_words(Some(p("2021-22-Q2"))),
        Some("as at Q2 2021/22".to_string())
    );
    assert_eq!(as_at_words(None), None);
    // The improvement plan's first update is Q1 2019/20; before it, no action had an update.
    assert_eq!(
        first_update(&ds, PlanKind::Improvement),
        Some(p("2019-20-Q1"))
    );
    let before = Engine::new(&ds, p("2018-19-Q4"));
    assert!(!before.any_update(PlanKind::Improvement));
    assert!(!before.any_update(PlanKind::Strategy));
    // The same day's update counts: Q1 2019/20 ends when its update's quarter ends.
    assert!(Engine::new(&ds, p("2019-20-Q1")).any_update(PlanKind::Improvement));
    assert!(Engine::new(&ds, p("2020-21-Q1")).any_update(PlanKind::Strategy));
    // A figure's own status, whatever the period: i2's 50 against 100 is Red; i4's 2019/20
    // value has a target and no actual: No data yet.
    let i2 = ds.indicator("i2").unwrap();
    assert_eq!(figure_status(&ds, i2, &i2.values[0]).rag, Rag::Red);
    let i4 = ds.indicator("i4").unwrap();
    assert_eq!(figure_status(&ds, i4, &i4.values[2]).rag, Rag::NoData);
    // Months count for their quarter in the calendar.
    assert_eq!(reporting_period_of(&p("2019-11")), p("2019-20-Q3"));
    assert_eq!(reporting_period_of(&p("2019-20")), p("2019-20"));
    assert_eq!(reporting_period_of(&p("2019-20-Q1")), p("2019-20-Q1"));
    // A quarter with figures and plan updates is offered by its name alone.
    let cal = Calendar::of(&ds);
    assert_eq!(cal.choice_label(&p("2019-20-Q1")), "Q1 2019/20");
    assert_eq!(cal.choice_label(&p("2019-20-Q3")), "Q3 2019/20");
    // Every period is either with figures or with plan updates (or targets only).
    let q3 = cal
        .periods
        .iter()
        .position(|x| *x == p("2019-20-Q3"))
        .unwrap();
    assert_eq!(
        cal.holds[q3],
        PeriodHolds {
            figures: true,
            plan_updates: false
        }
    );
    let q1 = cal
        .periods
        .iter()
        .position(|x| *x == p("2019-20-Q1"))
        .unwrap();
    assert_eq!(
        cal.holds[q1],
        PeriodHolds {
            figures: true,
            plan_updates: true
        }
    );
    // The plans' statuses are as at their newest update when it is older than the period.
    assert_eq!(
        Engine::new(&ds, p("2019-20-Q4")).plan_as_at(PlanKind::Improvement),
        Some(p("2019-20-Q2"))
    );
    assert_eq!(
        Engine::new(&ds, p("2019-20-Q2")).plan_as_at(PlanKind::Improvement),
        None
    );
    assert_eq!(
        Engine::new(&ds, p("2021-22-Q1")).plan_as_at(PlanKind::Strategy),
        Some(p("2020-21-Q2"))
    );
    assert_eq!(
        Engine::new(&ds, p("2020-21-Q2")).plan_as_at(PlanKind::Strategy),
        None
    );
    assert_eq!(
        Engine::new(&ds, p("2018-19-Q1")).plan_as_at(PlanKind::Strategy),
        None
    );
    // A figure for a period after the one in view with no actual yet is not due, not missing:
    // i4's 2019/20 value (target only) at Q2 2019/20; at Q4 2019/20 it is due and missing.
    let i4 = ds.indicator("i4").unwrap();
    let v = &i4.values[2];
    assert_eq!(
        Engine::new(&ds, p("2019-20-Q2")).figure(i4, v).rag,
        Rag::NotDue
    );
    assert_eq!(
        Engine::new(&ds, p("2019-20-Q4")).figure(i4, v).rag,
        Rag::NoData
    );
    assert_eq!(
        Engine::new(&ds, p("2020-21-Q1")).figure(i4, v).rag,
        Rag::NoData
    );
    // A figure with an actual keeps its rating whatever the period.
    assert_eq!(
        Engine::new(&ds, p("2017-18")).figure(i4, &i4.values[1]).rag,
        Rag::Green
    );
    // The edit form's preview: i1 is higher-is-better with the 10% default tolerance.
    let i1 = ds.indicator("i1").unwrap();
    assert_eq!(
        rate_figures(&ds, i1, &p("2019-20-Q2"), Some(100.0), Some(100.0)),
        Rag::Green
    );
    assert_eq!(
        rate_figures(&ds, i1, &p("2019-20-Q2"), Some(100.0), Some(90.0)),
        Rag::Amber
    );
    assert_eq!(
        rate_figures(&ds, i1, &p("2019-20-Q2"), Some(100.0), Some(89.0)),
        Rag::Red
    );
    assert_eq!(
        rate_figures(&ds, i1, &p("2019-20-Q2"), None, Some(89.0)),
        Rag::DataOnly
    );
    assert_eq!(
        rate_figures(&ds, i1, &p("2019-20-Q2"), Some(100.0), None),
        Rag::NoData
    );
    // i3 is lower-is-better: 11 against 10 is Amber (missed by 1, tolerance 1).
    let i3 = ds.indicator("i3").unwrap();
    assert_eq!(
        rate_figures(&ds, i3, &p("2019-20-Q2"), Some(10.0), Some(11.0)),
        Rag::Amber
    );
    assert_eq!(
        rate_figures(&ds, i3, &p("2019-20-Q2"), Some(10.0), Some(9.0)),
        Rag::Green
    );
}

#[test]
fn counts_are_read_back_by_status() {
    // Q2 2019/20 over every indicator: Red i2; Amber i1, i5; Green i3; No data yet i6 (no
    // month in Q2); Not due i4 (annual). Read back one status at a time, as the overview does.
    let ds = ds();
    let c = Engine::new(&ds, p("2019-20-Q2")).counts(&ds.indicators);
    assert_eq!(c.get(Rag::Red), 1);
    assert_eq!(c.get(Rag::Amber), 2);
    assert_eq!(c.get(Rag::Green), 1);
    assert_eq!(c.get(Rag::NoData), 1);
    assert_eq!(c.get(Rag::NotDue), 1);
    assert_eq!(c.get(Rag::DataOnly), 0);
    assert_eq!(c.total(), 6);
}
