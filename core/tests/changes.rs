//! "What changed since last quarter", worked out by hand from docs/analysis.md: only changes
//! between Red, Amber and Green; worst new status first, worsened before improved, newest
//! figure first, then data order.

use gt_core::engine::Engine;
use gt_core::{parse_dataset, Period, Rag};
use serde_json::json;

#[test]
fn changed_since_last_quarter_worst_and_newest_first() {
    // Standard rule, 10% tolerance, target 100, higher is better: 100 Green, 95 Amber, 80 Red.
    let q = |id: &str, q2: Option<f64>, q3: f64| {
        json!({ "id": id, "name": id, "service": "s", "council": "a", "frequency": "quarterly",
            "polarity": "higher", "values": [
                { "period": "2019-20-Q2", "target": 100, "actual": q2 },
                { "period": "2019-20-Q3", "target": 100, "actual": q3 } ] })
    };
    let ds = parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "A" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [
                // Monthly: September (Q2) Green, November (the latest month in Q3) Red.
                { "id": "m", "name": "m", "service": "s", "council": "a", "frequency": "monthly",
                  "polarity": "higher", "values": [
                    { "period": "2019-09", "target": 100, "actual": 100 },
                    { "period": "2019-11", "target": 100, "actual": 80 } ] },
                q("a", Some(100.0), 80.0),   // Green → Red
                q("b", Some(80.0), 95.0),    // Red → Amber (improved)
                q("c", Some(100.0), 95.0),   // Green → Amber (worsened)
                q("d", Some(100.0), 100.0),  // no change
                q("e", None, 80.0),          // No data yet → Red: not a change of rating
                q("g", Some(95.0), 80.0),    // Amber → Red
                q("h", Some(80.0), 100.0),   // Red → Green
                { "id": "y", "name": "y", "service": "s", "council": "a", "frequency": "annual",
                  "polarity": "higher", "values": [ { "period": "2019-20", "target": 1, "actual": 1 } ] }
            ]
        })
        .to_string(),
    )
    .unwrap();
    let e = Engine::new(&ds, Period::parse("2019-20-Q3").unwrap());
    assert_eq!(e.previous_period(), Period::parse("2019-20-Q2").unwrap());
    let got: Vec<(&str, Rag, Rag)> = e
        .changes(|_| true)
        .iter()
        .map(|c| (c.indicator.id.as_str(), c.before, c.now))
        .collect();
    // Red: a and g (Q3, newer than m's November), then m; Amber: c (worsened) before b; Green: h.
    assert_eq!(
        got,
        vec![
            ("a", Rag::Green, Rag::Red),
            ("g", Rag::Amber, Rag::Red),
            ("m", Rag::Green, Rag::Red),
            ("c", Rag::Green, Rag::Amber),
            ("b", Rag::Red, Rag::Amber),
            ("h", Rag::Red, Rag::Green),
        ]
    );
    let first = &e.changes(|_| true)[0];
    assert!(first.worsened());
    assert_eq!(first.describe(), "Green (On target) to Red (Off target)");
    // `keep` narrows the list (a council's view).
    assert_eq!(e.changes(|i| i.id == "b").len(), 1);
    // Q4: the annual indicator goes from Not due to Green: not a change.
    let q4 = Engine::new(&ds, Period::parse("2019-20-Q4").unwrap());
    assert!(q4.changes(|_| true).is_empty());
}
