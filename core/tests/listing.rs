//! The indicator list's rows worked out once per dataset and period (`Listing`), then filtered
//! and sorted again and again as the page does. Expected orders worked out by hand.

use gt_core::filter::{IndicatorQuery, Listing, SearchIndex};
use gt_core::route::Location;
use gt_core::{parse_dataset, Dataset, Period};
use serde_json::json;

/// As at Q1 2019/20 (higher is better, target 15 for each):
/// - A "beta":  10 → Red (below 15 by a third)
/// - B "Alpha": 20 → Green
/// - C "alpha": 10 → Red
/// - D "Gamma": no figure → blank actual, No data
/// - E "delta": 20 → Green, commentary "Backlog cleared"
fn ds() -> Dataset {
    let ind = |id: &str, name: &str, actual: Option<f64>| {
        let values = match actual {
            Some(a) => json!([{ "period": "2019-20-Q1", "target": 15, "actual": a }]),
            None => json!([]),
        };
        json!({ "id": id, "name": name, "service": "s", "council": "a", "frequency": "quarterly",
                "polarity": "higher", "values": values })
    };
    let mut e = ind("E", "delta", Some(20.0));
    e["values"][0]["commentary"] = json!("Backlog cleared");
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [ ind("A", "beta", Some(10.0)), ind("B", "Alpha", Some(20.0)),
                            ind("C", "alpha", Some(10.0)), ind("D", "Gamma", None), e ]
        })
        .to_string(),
    )
    .unwrap()
}

fn ids(ds: &Dataset, listing: &Listing, index: &SearchIndex, hash: &str) -> Vec<String> {
    let (q, notes) = IndicatorQuery::from_location(&Location::parse(hash), ds);
    assert!(notes.is_empty(), "{notes:?}");
    listing
        .apply(ds, index, &q)
        .rows
        .iter()
        .map(|r| ds.indicators[r.index].id.clone())
        .collect()
}

#[test]
fn one_listing_answers_every_view_with_ties_in_the_datas_order() {
    let d = ds();
    let index = SearchIndex::new(&d);
    let listing = Listing::new(&d, Some(Period::parse("2019-20-Q1").unwrap()), None);
    let v = |hash: &str| ids(&d, &listing, &index, hash);
    // Names compare without case: "Alpha" and "alpha" tie and keep the data's order (B, C).
    assert_eq!(v("#/indicators?sort=name"), ["B", "C", "A", "E", "D"]);
    // Descending turns the names round but not the tie: still B before C.
    assert_eq!(v("#/indicators?sort=-name"), ["D", "E", "A", "B", "C"]);
    // 10, 10, 20, 20, then D with no figure last.
    assert_eq!(v("#/indicators?sort=actual"), ["A", "C", "B", "E", "D"]);
    // 20, 20, 10, 10, and the blank still last.
    assert_eq!(v("#/indicators?sort=-actual"), ["B", "E", "A", "C", "D"]);
    // The same column again (its order already worked out) gives the same answer.
    assert_eq!(v("#/indicators?sort=name"), ["B", "C", "A", "E", "D"]);
    // Statuses: Red first, then Green, then No data; ties in the data's order.
    assert_eq!(v("#/indicators?sort=status"), ["A", "C", "B", "E", "D"]);
    assert_eq!(v("#/indicators?sort=-status"), ["D", "B", "E", "A", "C"]);
    // Filters on the rows already rated: the Red ones, sorted by name descending.
    assert_eq!(v("#/indicators?status=red&sort=-name"), ["A", "C"]);
    // Search reads commentary too, whatever its case.
    assert_eq!(v("#/indicators?q=BACKLOG"), ["E"]);
    // No filter, no sort: the data's order.
    assert_eq!(v("#/indicators"), ["A", "B", "C", "D", "E"]);
}

#[test]
fn a_listing_with_no_period_has_no_data_for_any_row() {
    let d = ds();
    let index = SearchIndex::new(&d);
    let listing = Listing::new(&d, None, None);
    let v = |hash: &str| ids(&d, &listing, &index, hash);
    assert_eq!(v("#/indicators?status=red"), Vec::<String>::new());
    assert_eq!(v("#/indicators?status=no_data").len(), 5);
    // Every actual is blank, so sorting by it keeps the data's order both ways.
    assert_eq!(v("#/indicators?sort=-actual"), ["A", "B", "C", "D", "E"]);
}

#[test]
fn spc_verdicts_are_worked_out_only_when_a_view_needs_them() {
    let d = ds();
    let index = SearchIndex::new(&d);
    let listing = Listing::new(&d, Some(Period::parse("2019-20-Q1").unwrap()), None);
    assert!(!listing.has_spc(), "not at first");
    let v = |hash: &str| ids(&d, &listing, &index, hash);
    assert_eq!(v("#/indicators?status=red"), ["A", "C"]);
    assert!(
        !listing.has_spc(),
        "not for a view that does not filter on them"
    );
    // One figure each: no chart, so no indicator is a concern.
    assert_eq!(v("#/indicators?spc=concern"), Vec::<String>::new());
    assert!(listing.has_spc(), "worked out for the SPC filter");
}
