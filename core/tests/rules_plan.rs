//! The plans as the pages show them (`gt_core::plan`), on a small plan whose answers were
//! worked out by hand from docs/rag-rules.md ("Summaries") and the plain meaning of the
//! improvement plan's filters, never by calling the code.

use gt_core::plan::*;
use gt_core::route::Location;
use gt_core::{parse_dataset, Dataset, WorkStatus};
use serde_json::json;

/// Three services (only Housing and ICT have improvement areas), two priorities, two themes.
///
/// - T1 / A1 (ICT, serves P1): x1 complete in Q1 2019/20 (due 30 June 2019); x2 on track in Q2
///   (due 31 March 2020); x3 never updated (due 30 September 2019): at Q3 2019/20 it is not
///   started and overdue.
/// - T1 / A2 (no service: cross-cutting, serves P2): y1 at risk in Q3 2019/20, no due date.
/// - T2 / A3 (Housing, serves P1): z1 off track in Q2 2019/20, due 31 December 2019.
///
/// Indicators: i1 linked to P1 directly; i2 to P2 directly; i3 measures A1 (so serves P1); i4
/// measures A2 (so serves P2) and is also linked to P1 directly; i5 is linked to nothing.
fn ds() -> Dataset {
    let ind = |id: &str, extra: serde_json::Value| {
        let mut v = json!({ "id": id, "name": id, "service": "ict", "council": "a",
                            "frequency": "quarterly", "polarity": "higher", "values": [] });
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v
    };
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "Ay", "short": "AY" }, { "id": "b", "name": "Bee" } ],
            "services": [ { "id": "housing", "name": "Housing", "councils": ["a", "b"] },
                          { "id": "payroll", "name": "Payroll", "councils": ["a"] },
                          { "id": "ict", "name": "ICT", "councils": ["a", "b"] } ],
            "priorities": [ { "id": "P1", "title": "One", "projects": [] },
                            { "id": "P2", "title": "Two", "projects": [] } ],
            "themes": [
                { "id": "T1", "title": "Theme one", "areas": [
                    { "id": "A1", "title": "Area one", "service": "ict", "priority": "P1", "actions": [
                        { "id": "x1", "title": "Done", "councils": ["a"], "due": "2019-06-30",
                          "updates": [ { "period": "2019-20-Q1", "status": "complete" } ] },
                        { "id": "x2", "title": "Going well", "councils": ["b"], "due": "2020-03-31",
                          "updates": [ { "period": "2019-20-Q2", "status": "green" } ] },
                        { "id": "x3", "title": "Not begun", "councils": ["a", "b"], "due": "2019-09-30", "updates": [] } ] },
                    { "id": "A2", "title": "Area two", "priority": "P2", "actions": [
                        { "id": "y1", "title": "Wobbly", "councils": ["b"],
                          "updates": [ { "period": "2019-20-Q3", "status": "amber" } ] } ] } ] },
                { "id": "T2", "title": "Theme two", "areas": [
                    { "id": "A3", "title": "Area three", "service": "housing", "priority": "P1", "actions": [
                        { "id": "z1", "title": "Stuck", "councils": ["a"], "due": "2019-12-31",
                          "updates": [ { "period": "2019-20-Q2", "status": "red" } ] } ] } ] }
            ],
            "indicators": [
                ind("i1", json!({ "priority": "P1" })),
                ind("i2", json!({ "priority": "P2" })),
                ind("i3", json!({ "area": "A1" })),
                ind("i4", json!({ "area": "A2", "priority": "P1" })),
                ind("i5", json!({}))
            ]
        })
        .to_string(),
    )
    .unwrap()
}

fn query(ds: &Dataset, hash: &str) -> PlanQuery {
    let (q, notes) = PlanQuery::from_location(&Location::parse(hash), ds);
    assert!(notes.is_empty(), "{hash}: {notes:?}");
    q
}

fn ids(list: &[&gt_core::Indicator]) -> Vec<String> {
    list.iter().map(|i| i.id.clone()).collect()
}

#[test]
fn a_prioritys_indicators_are_its_own_and_its_areas() {
    let ds = ds();
    // P1: i1 (linked directly), i3 (measures A1, a P1 area), i4 (linked directly). Not i2, i5.
    assert_eq!(ids(&priority_indicators(&ds, "P1")), ["i1", "i3", "i4"]);
    // P2: i2 (directly) and i4 (measures A2, a P2 area).
    assert_eq!(ids(&priority_indicators(&ds, "P2")), ["i2", "i4"]);
    // Hanging from the priority itself: those not measuring one of its areas.
    assert_eq!(ids(&direct_indicators(&ds, "P1")), ["i1", "i4"]);
    assert_eq!(ids(&direct_indicators(&ds, "P2")), ["i2"]);
    assert_eq!(ids(&area_indicators(&ds, "A2")), ["i4"]);
}

#[test]
fn status_words_as_the_page_shows_them() {
    assert_eq!(status_from_word("Off track"), Some(WorkStatus::Red));
    assert_eq!(status_from_word("off-track"), Some(WorkStatus::Red));
    assert_eq!(status_from_word("At risk"), Some(WorkStatus::Amber));
    assert_eq!(status_from_word("On track"), Some(WorkStatus::Green));
    assert_eq!(status_from_word("Complete"), Some(WorkStatus::Complete));
}

#[test]
fn chosen_statuses_are_listed_most_in_need_of_attention_first() {
    let ds = ds();
    let q = query(&ds, "#/improvement?status=complete,green,amber,red");
    use WorkStatus::*;
    assert_eq!(q.statuses, [Red, Amber, Green, Complete]);
    assert_eq!(q.href(), "#/improvement?status=red,amber,green,complete");
}

#[test]
fn a_filter_value_named_twice_is_kept_once() {
    let ds = ds();
    // The same theme, service, council and status each written two ways.
    let q = query(
        &ds,
        "#/improvement?theme=T1,t1&service=ict,ICT,cross-cutting,Cross-Cutting&council=a,AY&status=red,off-track",
    );
    assert_eq!(q.themes, ["T1"]);
    assert_eq!(q.services, ["ict", "cross-cutting"]);
    assert_eq!(q.councils, ["a"]);
    assert_eq!(q.statuses, [WorkStatus::Red]);
    assert_eq!(
        q.href(),
        "#/improvement?theme=T1&service=ict,cross-cutting&council=a&status=red"
    );
}

#[test]
fn any_one_filter_makes_the_view_filtered_but_the_period_does_not() {
    let ds = ds();
    assert!(!query(&ds, "#/improvement").is_filtered());
    assert!(!query(&ds, "#/improvement?period=2019-20-Q3").is_filtered());
    for one in [
        "theme=T2",
        "service=housing",
        "council=b",
        "status=amber",
        "overdue=1",
        "q=stuck",
    ] {
        let q = query(&ds, &format!("#/improvement?{one}&period=2019-20-Q3"));
        assert!(q.is_filtered(), "{one}");
        assert!(!q.cleared().is_filtered(), "{one} cleared");
    }
}

#[test]
fn only_services_with_areas_of_their_own_are_offered() {
    let ds = ds();
    // Payroll has no improvement area; Housing and ICT do, in the data's order.
    let names: Vec<&str> = area_services(&ds).iter().map(|s| s.id.as_str()).collect();
    assert_eq!(names, ["housing", "ict"]);
}

#[test]
fn services_are_named_and_cross_cutting_areas_say_so() {
    let ds = ds();
    assert_eq!(service_label(&ds, "ict"), "ICT");
    assert_eq!(service_label(&ds, "housing"), "Housing");
    assert_eq!(
        service_label(&ds, "cross-cutting"),
        "Cross-cutting (no single service)"
    );
    assert_eq!(CROSS_CUTTING_LABEL, "Cross-cutting (no single service)");
}

#[test]
fn a_service_that_is_really_called_cross_cutting_keeps_its_name() {
    let ds = parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "cross-cutting", "name": "Corporate programme", "councils": ["a"] } ],
            "priorities": [], "themes": [], "indicators": []
        })
        .to_string(),
    )
    .unwrap();
    assert_eq!(service_label(&ds, "cross-cutting"), "Corporate programme");
}

#[test]
fn counts_in_words_at_a_period() {
    let ds = ds();
    let at = |hash: &str| {
        let v = apply(&ds, &query(&ds, hash));
        describe_counts(&counts(&v.rows), "action")
    };
    // At Q3 2019/20 (ends 31 December 2019), area A1: x1 complete (done, so not overdue though
    // due in June); x2 on track (due March 2020: not yet); x3 no update, so not started, and due
    // 30 September 2019, before the period's last day: overdue.
    assert_eq!(
        at("#/improvement?theme=T1&service=ict&period=2019-20-Q3"),
        "3 actions: 1 complete, 1 on track, 1 not started, 1 overdue"
    );
    // At Q2 2019/20 (ends 30 September 2019): x3 is due on the period's last day, not overdue.
    assert_eq!(
        at("#/improvement?service=ict&period=2019-20-Q2"),
        "3 actions: 1 complete, 1 on track, 1 not started"
    );
    // Nothing overdue is not mentioned. Area A2 at Q3: y1 at risk, no due date, never overdue.
    assert_eq!(
        at("#/improvement?service=cross-cutting&period=2019-20-Q3"),
        "1 action: 1 at risk"
    );
    // z1 is due 31 December 2019: on the last day of Q3, not overdue; at Q4 it is.
    assert_eq!(
        at("#/improvement?theme=T2&period=2019-20-Q3"),
        "1 action: 1 off track"
    );
    assert_eq!(
        at("#/improvement?theme=T2&period=2019-20-Q4"),
        "1 action: 1 off track, 1 overdue"
    );
    // Nothing matches.
    assert_eq!(
        at("#/improvement?theme=T2&status=green&period=2019-20-Q3"),
        "0 actions"
    );
}
