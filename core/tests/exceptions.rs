//! The exception report in groups (the overview's "Red first, the Amber ones behind a
//! disclosure", and by council or by service on request), worked out by hand.

use gt_core::engine::{Engine, ExceptionGroup, ExceptionGrouping};
use gt_core::route::Location;
use gt_core::{parse_dataset, Dataset, Period};
use serde_json::json;

/// Two councils (b before a in the data), two services; as at Q2 2019/20:
/// r1 Red (a, s), r2 Red (b, t), r3 Red (shared, t), a1 Amber (a, t), a2 Amber (b, s),
/// g1 Green (a, s).
fn ds() -> Dataset {
    let ind = |id: &str, council: Option<&str>, service: &str, actual: u32| {
        let mut v = json!({ "id": id, "name": format!("Name {id}"), "service": service,
            "frequency": "quarterly", "polarity": "higher",
            "values": [ { "period": "2019-20-Q2", "target": 100, "actual": actual } ] });
        match council {
            Some(c) => v["council"] = json!(c),
            None => v["shared"] = json!(true),
        }
        v
    };
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "b", "name": "Bee" }, { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "s", "name": "Ess", "councils": ["a", "b"] },
                          { "id": "t", "name": "Tee", "councils": ["a", "b"] } ],
            "indicators": [
                ind("g1", Some("a"), "s", 100),
                ind("a1", Some("a"), "t", 95),
                ind("r1", Some("a"), "s", 50),
                ind("a2", Some("b"), "s", 95),
                ind("r2", Some("b"), "t", 50),
                ind("r3", None, "t", 50),
            ]
        })
        .to_string(),
    )
    .unwrap()
}

fn ids(g: &ExceptionGroup) -> (Vec<String>, Vec<String>) {
    let f = |v: &[gt_core::engine::Exception]| {
        v.iter().map(|e| e.indicator.id.clone()).collect::<Vec<_>>()
    };
    (f(&g.red), f(&g.amber))
}

/// A group as (key, heading, Red ids, Amber ids).
type Group = (String, Option<String>, Vec<String>, Vec<String>);

fn groups(by: ExceptionGrouping) -> Vec<Group> {
    let d = ds();
    let e = Engine::new(&d, Period::parse("2019-20-Q2").unwrap());
    e.exception_groups(by, |_| true)
        .iter()
        .map(|g| {
            let (r, a) = ids(g);
            (g.key.clone(), g.heading.clone(), r, a)
        })
        .collect()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn one_group_red_first_then_amber_behind_a_disclosure() {
    // The engine's order: by council in the data's order (b, then a), shared last, then name.
    assert_eq!(
        groups(ExceptionGrouping::Status),
        [("all".into(), None, s(&["r2", "r1", "r3"]), s(&["a2", "a1"]))]
    );
    let d = ds();
    let e = Engine::new(&d, Period::parse("2019-20-Q2").unwrap());
    let g = &e.exception_groups(ExceptionGrouping::Status, |_| true)[0];
    assert_eq!(
        g.show_amber_words().as_deref(),
        Some("Show 2 Amber indicators")
    );
    assert_eq!(g.len(), 5);
}

#[test]
fn by_council_in_the_datas_order_shared_last_empty_groups_left_out() {
    assert_eq!(
        groups(ExceptionGrouping::Council),
        [
            ("b".into(), Some("Bee".into()), s(&["r2"]), s(&["a2"])),
            ("a".into(), Some("Ay".into()), s(&["r1"]), s(&["a1"])),
            (
                "shared".into(),
                Some("Shared-service indicators".into()),
                s(&["r3"]),
                s(&[])
            ),
        ]
    );
}

#[test]
fn by_service_in_the_datas_order() {
    assert_eq!(
        groups(ExceptionGrouping::Service),
        [
            ("s".into(), Some("Ess".into()), s(&["r1"]), s(&["a2"])),
            ("t".into(), Some("Tee".into()), s(&["r2", "r3"]), s(&["a1"])),
        ]
    );
}

#[test]
fn every_grouping_holds_every_exception_once() {
    for by in ExceptionGrouping::ALL {
        let mut all: Vec<String> = groups(by)
            .into_iter()
            .flat_map(|(_, _, r, a)| r.into_iter().chain(a))
            .collect();
        all.sort();
        assert_eq!(all, s(&["a1", "a2", "r1", "r2", "r3"]), "{by:?}");
    }
}

#[test]
fn the_grouping_is_in_the_link() {
    let read = |h: &str| ExceptionGrouping::from_location(&Location::parse(h));
    assert_eq!(read("#/"), (ExceptionGrouping::Status, None));
    assert_eq!(read("#/?group=council"), (ExceptionGrouping::Council, None));
    assert_eq!(read("#/?group=Service"), (ExceptionGrouping::Service, None));
    let (g, note) = read("#/?group=colour");
    assert_eq!(g, ExceptionGrouping::Status);
    assert_eq!(
        note.as_deref(),
        Some("group \"colour\" is not a grouping (use council or service)")
    );
    // Choosing keeps the period and the data file; the default leaves `group` out.
    let loc = Location::parse("#/?period=2019-20-Q2&data=x.json");
    assert_eq!(
        ExceptionGrouping::Council
            .in_location(loc.clone())
            .to_hash(),
        "#/?period=2019-20-Q2&data=x.json&group=council"
    );
    assert_eq!(
        ExceptionGrouping::Status
            .in_location(ExceptionGrouping::Council.in_location(loc))
            .to_hash(),
        "#/?period=2019-20-Q2&data=x.json"
    );
}
