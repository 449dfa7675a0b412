//! The plans as the pages show them (`gt_core::plan`): periods, overdue, the priority rule,
//! the improvement plan's URL filters, and the golden thread from priority to indicator.

use gt_core::engine::{default_period, periods, Engine, PlanKind};
use gt_core::plan::*;
use gt_core::route::{Location, Route};
use gt_core::{parse_dataset, Dataset, Period, WorkStatus};
use serde_json::json;

fn load() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/onesource.json");
    parse_dataset(&std::fs::read_to_string(path).unwrap()).expect("built-in data is valid")
}

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn view(ds: &Dataset, hash: &str) -> (PlanView, Vec<String>) {
    let (q, notes) = PlanQuery::from_location(&Location::parse(hash), ds);
    (apply(ds, &q), notes)
}

fn ids(ds: &Dataset, v: &PlanView) -> Vec<String> {
    v.rows.iter().map(|r| r.get(ds).2.id.clone()).collect()
}

#[test]
fn one_calendar_for_figures_and_plan_updates() {
    let ds = load();
    // The app opens on the latest quarter with figures (the data's as-of quarter).
    assert_eq!(default_period(&ds), Some(p("2019-20-Q3")));
    let all = periods(&ds);
    // Newest first; both the strategy's quarters (to Q3 2021/22) and the figures' are offered.
    assert_eq!(all.first(), Some(&p("2021-22-Q3")));
    for q in [
        "2021-22-Q3",
        "2020-21-Q1",
        "2019-20-Q3",
        "2019-20-Q2",
        "2019-20-Q1",
        "2018-19",
    ] {
        assert!(all.contains(&p(q)), "{q} offered");
    }
    assert!(
        all.windows(2).all(|w| w[0] > w[1]),
        "newest first, no repeats"
    );
    assert_eq!(update_periods(&ds, Plan::Strategy).len(), 7);
    assert_eq!(strategy_quarters(&ds, Some(&p("2020-21-Q4"))).len(), 4);
}

#[test]
fn overdue_is_due_before_the_end_of_the_period_and_not_complete() {
    let ds = load();
    // A01-1 is due 31 December 2019 and was never completed.
    let (_, _, a011) = ds.actions().find(|(_, _, x)| x.id == "A01-1").unwrap();
    assert_eq!(a011.due, Some(date("2019-12-31")));
    // On the last day of Q3 2019/20 it is due, not yet overdue.
    assert!(!Engine::new(&ds, p("2019-20-Q3")).action(a011).overdue);
    // By the end of Q4 2019/20, and at Q3 2021/22, it is overdue (not complete).
    assert!(Engine::new(&ds, p("2019-20-Q4")).action(a011).overdue);
    let late = Engine::new(&ds, p("2021-22-Q3")).action(a011);
    assert!(late.overdue);
    assert_ne!(late.status, WorkStatus::Complete);
    // ...and its status then is its last update's, said to be as at that quarter.
    assert_eq!(late.as_at, Some(p("2019-20-Q3")));
    // The improvement plan's list counts the same as the engine, for every period.
    for period in periods(&ds) {
        let v = apply(
            &ds,
            &PlanQuery {
                period: Some(period),
                ..Default::default()
            },
        );
        let expect = Engine::new(&ds, period).action_counts(|_| true);
        assert_eq!(counts(&v.rows), expect, "{period}");
    }
}

#[test]
fn priority_status_is_the_documented_rule() {
    let ds = load();
    let q3 = p("2021-22-Q3");
    let e = Engine::new(&ds, q3);
    // Worked out by hand from the project updates at Q3 2021/22 (docs/rag-rules.md):
    // P1: complete, amber, complete -> At risk. P2: complete, green, amber -> At risk.
    // P3: complete, red, green, green -> Off track. P4: green, green, complete -> On track.
    // P5: green, green, red -> Off track.
    let st: Vec<WorkStatus> = ds
        .priorities
        .iter()
        .map(|pr| e.priority(pr).status)
        .collect();
    use WorkStatus::*;
    assert_eq!(st, [Amber, Amber, Red, Green, Red]);
    let p3 = e.priority(ds.priority("P3").unwrap());
    assert_eq!(p3.counts.complete, 1);
    assert_eq!(p3.counts.off_track, 1);
    assert_eq!(p3.counts.on_track, 2);
    assert_eq!(p3.as_at, None, "P3 has updates for Q3 2021/22 itself");
    // Before any project started (Q3 2018/19 and Q3 2019/20): every priority is Not started.
    for before in ["2018-19-Q3", "2019-20-Q3"] {
        let e = Engine::new(&ds, p(before));
        for pr in &ds.priorities {
            let r = e.priority(pr);
            assert_eq!(r.status, NotStarted, "{} at {before}", pr.id);
            assert_eq!(r.counts.not_started, pr.projects.len());
            assert_eq!(r.as_at, None);
        }
        assert!(!e.any_update(PlanKind::Strategy));
    }
    // P4 at Q1 2020/21: P4-1 not started, P4-2 amber, P4-3 amber -> At risk.
    let p4 = Engine::new(&ds, p("2020-21-Q1")).priority(ds.priority("P4").unwrap());
    assert_eq!(
        (p4.status, p4.counts.not_started, p4.counts.at_risk),
        (Amber, 1, 2)
    );
    // At Q4 2021/22, after the last update: the Q3 statuses, said to be as at Q3 2021/22.
    let later = Engine::new(&ds, p("2021-22-Q4")).priority(ds.priority("P5").unwrap());
    assert_eq!((later.status, later.as_at), (Red, Some(q3)));
}

#[test]
fn service_filter_picks_that_services_areas() {
    let ds = load();
    let (v, notes) = view(&ds, "#/improvement?service=ict");
    assert!(notes.is_empty(), "{notes:?}");
    let expect: Vec<String> = ds
        .actions()
        .filter(|(_, a, _)| a.service.as_deref() == Some("ict"))
        .map(|(_, _, x)| x.id.clone())
        .collect();
    assert!(expect.len() >= 10);
    assert_eq!(ids(&ds, &v), expect);
    assert_eq!(v.total, 83);
    // Cross-cutting areas (no service) have their own filter value.
    let (v, _) = view(&ds, "#/improvement?service=cross-cutting");
    assert!(!v.rows.is_empty());
    assert!(v.rows.iter().all(|r| r.get(&ds).1.service.is_none()));
    // Service counts add up to the whole plan.
    let all = apply(&ds, &PlanQuery::default());
    let by: usize = counts_by_service(&ds, &all.rows)
        .iter()
        .map(|(_, c)| c.total())
        .sum();
    assert_eq!(by, 83);
    let names: Vec<&str> = area_services(&ds).iter().map(|s| s.id.as_str()).collect();
    for s in ["ict", "asset-management", "hr-od", "strategic-finance"] {
        assert!(names.contains(&s), "{names:?}");
    }
    let by_theme: usize = counts_by_theme(&ds, &all.rows)
        .iter()
        .map(|(_, c)| c.total())
        .sum();
    assert_eq!(by_theme, 83);
}

#[test]
fn overdue_filter_matches_an_independent_count() {
    let ds = load();
    let (v, _) = view(&ds, "#/improvement?overdue=1");
    let on = date("2019-12-31");
    let q3 = p("2019-20-Q3");
    let expect: Vec<String> = ds
        .actions()
        .filter(|(_, _, x)| {
            let latest = x.updates.iter().rfind(|u| u.period <= q3);
            let done = latest.is_some_and(|u| u.status == WorkStatus::Complete);
            x.due.is_some_and(|d| d < on) && !done
        })
        .map(|(_, _, x)| x.id.clone())
        .collect();
    assert!(!expect.is_empty());
    assert_eq!(ids(&ds, &v), expect);
    assert!(v.rows.iter().all(|r| r.state.overdue));
}

#[test]
fn filters_combine_and_round_trip_through_the_url() {
    let ds = load();
    let hash =
        "#/improvement?theme=t1&service=ICT,hr-od&council=LBN&status=red,at_risk,green&overdue=0&q=Portal&period=2019-20-Q2";
    let (q, notes) = PlanQuery::from_location(&Location::parse(hash), &ds);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(q.themes, ["T1"]);
    assert_eq!(q.services, ["ict", "hr-od"]);
    assert_eq!(q.councils, ["newham"]);
    assert_eq!(
        q.statuses,
        [WorkStatus::Red, WorkStatus::Amber, WorkStatus::Green]
    );
    assert!(!q.overdue);
    assert_eq!(q.period, Some(p("2019-20-Q2")));
    let again = PlanQuery::from_location(&q.to_location(), &ds).0;
    assert_eq!(again, q);
    assert_eq!(
        q.href(),
        "#/improvement?theme=T1&service=ict,hr-od&council=newham&status=red,amber,green&q=Portal&period=2019-20-Q2"
    );
    let v = apply(&ds, &q);
    assert_eq!(ids(&ds, &v), ["A01-1"]);
    assert_eq!(v.period, Some(p("2019-20-Q2")));
    assert!(q.is_filtered());
    assert_eq!(
        q.cleared().to_query(),
        [("period".into(), "2019-20-Q2".into())]
    );
    assert_eq!(q.cleared().to_location().route, Route::Improvement);
}

#[test]
fn unknown_and_malformed_parameters_are_noted_and_ignored() {
    let ds = load();
    let (v, notes) = view(
        &ds,
        "#/improvement?theme=T9&service=payroll&council=hackney&status=purple&overdue=maybe&period=2019-20-Q5&colour=red&data=x.json",
    );
    assert_eq!(v.rows.len(), 83, "nothing is filtered out");
    assert_eq!(
        notes,
        [
            "theme \"T9\" is not in this plan",
            "service \"payroll\" is not in this data",
            "council \"hackney\" is not in this data",
            "status \"purple\" is not a status (use not_started, green, amber, red, complete)",
            "overdue \"maybe\" should be 1 or 0",
            "period: \"2019-20-Q5\" is not a period (expected e.g. 2019-20-Q2, 2019-20 or 2019-07)",
            "\"colour\" is not a filter",
        ]
    );
}

#[test]
fn statuses_follow_the_chosen_period() {
    let ds = load();
    let (v2, _) = view(&ds, "#/improvement?period=2019-20-Q2");
    let (v3, _) = view(&ds, "#/improvement");
    let a = |v: &PlanView, id: &str| v.rows.iter().find(|r| r.get(&ds).2.id == id).unwrap().state;
    // A01-2 went from on track (55%) to at risk between Q2 and Q3.
    assert_eq!(a(&v2, "A01-2").status, WorkStatus::Green);
    assert_eq!(a(&v3, "A01-2").status, WorkStatus::Amber);
    assert_eq!(a(&v3, "A01-2").percent, Some(55.0));
    // Due 30 September 2019: overdue at Q3, not at Q2.
    assert!(!a(&v2, "A01-2").overdue);
    assert!(a(&v3, "A01-2").overdue);
    // The quarter timeline as at Q2 hides Q3's update.
    let (_, _, x) = ds.actions().find(|(_, _, x)| x.id == "A01-2").unwrap();
    let steps = timeline(
        &x.updates,
        &quarters_of_year(&p("2019-20-Q2")),
        Some(&p("2019-20-Q2")),
    );
    let st: Vec<Option<WorkStatus>> = steps.iter().map(|s| s.status).collect();
    assert_eq!(
        st,
        [Some(WorkStatus::Green), Some(WorkStatus::Green), None, None]
    );
    assert!(steps[2].later && steps[3].later && !steps[1].later);
    assert_eq!(steps[1].percent, Some(55.0));
}

#[test]
fn the_thread_links_priorities_areas_and_indicators() {
    let ds = load();
    for pr in &ds.priorities {
        let areas = priority_areas(&ds, &pr.id);
        assert!(!areas.is_empty(), "{} has areas", pr.id);
        let inds = priority_indicators(&ds, &pr.id);
        assert!(!inds.is_empty(), "{} has indicators", pr.id);
        let direct = direct_indicators(&ds, &pr.id);
        // Every indicator is either direct or measures one of the priority's areas.
        let via_areas: usize = areas
            .iter()
            .map(|(_, a)| area_indicators(&ds, &a.id).len())
            .sum();
        assert_eq!(direct.len() + via_areas, inds.len(), "{}", pr.id);
    }
    // Many indicators measure an area; ICT's areas have theirs.
    let linked = ds.indicators.iter().filter(|i| i.area.is_some()).count();
    assert!(linked * 2 >= ds.indicators.len(), "{linked}");
    let ict: usize = ds
        .themes
        .iter()
        .flat_map(|t| &t.areas)
        .filter(|a| a.service.as_deref() == Some("ict"))
        .map(|a| area_indicators(&ds, &a.id).len())
        .sum();
    assert!(ict >= 5, "{ict}");
    // An indicator measuring a P3 area counts for P3 even if linked to P1 itself.
    let a03: Vec<&str> = area_indicators(&ds, "A03")
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert!(!a03.is_empty());
    let p3: Vec<&str> = priority_indicators(&ds, "P3")
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert!(a03.iter().all(|i| p3.contains(i)));
}

#[test]
fn an_indicators_area_must_exist_and_is_kept_on_save() {
    let base = json!({
        "format": "golden-thread/1", "title": "T", "organisation": "O",
        "councils": [ { "id": "havering", "name": "Havering" } ],
        "services": [ { "id": "ict", "name": "ICT", "councils": ["havering"] } ],
        "themes": [ { "id": "T1", "title": "Theme", "areas": [ { "id": "A01", "title": "Area", "actions": [] } ] } ],
        "indicators": [ { "id": "I1", "name": "x", "service": "ict", "council": "havering",
            "frequency": "quarterly", "area": "A01", "values": [] } ]
    });
    let ds = parse_dataset(&base.to_string()).expect("valid");
    assert_eq!(ds.indicators[0].area.as_deref(), Some("A01"));
    assert_eq!(parse_dataset(&ds.to_json()).unwrap(), ds);
    let mut bad = base.clone();
    bad["indicators"][0]["area"] = json!("A99");
    let problems: Vec<String> = parse_dataset(&bad.to_string())
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        problems,
        ["indicators[0].area: unknown improvement area \"A99\" (known: A01)"]
    );
    let mut bad = base;
    bad["indicators"][0]["area"] = json!(7);
    assert!(parse_dataset(&bad.to_string()).is_err());
}

#[test]
fn counts_read_in_words() {
    let ds = load();
    let a01 = ds.area("A01").unwrap().1;
    let s = Engine::new(&ds, p("2019-20-Q3")).area(a01);
    assert_eq!(s.status, WorkStatus::Amber);
    assert_eq!(
        describe_counts(&s.counts, "action"),
        "2 actions: 1 on track, 1 at risk, 1 overdue"
    );
}

#[test]
fn indicators_group_by_measure_with_their_latest_status() {
    let ds = load();
    let inds = area_indicators(&ds, "A10");
    let groups = group_by_name(&inds);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].1.len(), 3, "one per council");
    let at = Engine::new(&ds, p("2019-20-Q3")).indicator(groups[0].1[0]);
    let (v, status) = at.latest.unwrap();
    assert!(v.actual.is_some());
    assert!(matches!(
        status.rag,
        gt_core::Rag::Green | gt_core::Rag::Amber | gt_core::Rag::Red
    ));
}

#[test]
fn rows_group_by_theme_and_area_in_plan_order() {
    let ds = load();
    let (v, _) = view(&ds, "#/improvement?service=ict");
    let groups = group_rows(&v.rows);
    let themes: Vec<&str> = groups
        .iter()
        .map(|g| ds.themes[g.theme].id.as_str())
        .collect();
    assert_eq!(themes, ["T1", "T2", "T4"]);
    let n: usize = groups
        .iter()
        .flat_map(|g| &g.areas)
        .map(|a| a.rows.len())
        .sum();
    assert_eq!(n, v.rows.len());
    assert!(groups.iter().all(|g| g.areas.iter().all(|a| a
        .rows
        .iter()
        .all(|r| r.theme == g.theme && r.area == a.area))));
}
