//! Sorting the indicator list: blanks last in both directions, and every column sortable
//! (Period by period order, Trend by Worsened, No change, Improved, then none). Expected
//! orders worked out by hand from the data below.

use gt_core::engine::Engine;
use gt_core::filter::{apply, IndicatorQuery, SearchIndex, SortKey};
use gt_core::rag::Direction;
use gt_core::route::Location;
use gt_core::{parse_dataset, Dataset, Period};
use serde_json::json;

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// As at Q3 2019/20:
/// - up:    80 → 85 → 90 (higher is better): Improved; actual 90, period Q3
/// - down:  90 → 70 (higher is better): Worsened; actual 70, period Q3
/// - flat:  50 → 50 to Q2, no Q3 value: its period and figures are blank; its latest (Q2)
///   gives its directions (No change)
/// - blank: no figures at all: every figure column and the trend are blank
/// - none:  no polarity, 1 → 5: no direction; actual 5, period Q3
/// - year:  annual, 2018/19 only: its Q3 row has no value (blank period and actual)
/// - month: monthly, October 2019 only (inside Q3): period October 2019, actual 4
fn ds() -> Dataset {
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [
                { "id": "blank", "name": "Blank", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "higher",
                  "values": [] },
                { "id": "up", "name": "Up", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q1", "target": 80, "actual": 80 },
                              { "period": "2019-20-Q2", "target": 80, "actual": 85 },
                              { "period": "2019-20-Q3", "target": 80, "actual": 90 } ] },
                { "id": "flat", "name": "Flat", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q1", "target": 50, "actual": 50 },
                              { "period": "2019-20-Q2", "target": 50, "actual": 50 } ] },
                { "id": "down", "name": "Down", "service": "s", "council": "a", "frequency": "quarterly", "polarity": "higher",
                  "values": [ { "period": "2019-20-Q2", "target": 80, "actual": 90 },
                              { "period": "2019-20-Q3", "target": 80, "actual": 70 } ] },
                { "id": "none", "name": "None", "service": "s", "council": "a", "frequency": "quarterly",
                  "values": [ { "period": "2019-20-Q2", "actual": 1 },
                              { "period": "2019-20-Q3", "actual": 5 } ] },
                { "id": "year", "name": "Year", "service": "s", "council": "a", "frequency": "annual", "polarity": "higher",
                  "values": [ { "period": "2018-19", "target": 10, "actual": 12 } ] },
                { "id": "month", "name": "Month", "service": "s", "council": "a", "frequency": "monthly", "polarity": "lower",
                  "values": [ { "period": "2019-10", "target": 5, "actual": 4 } ] }
            ]
        })
        .to_string(),
    )
    .unwrap()
}

fn order(ds: &Dataset, hash: &str) -> Vec<String> {
    let (q, notes) = IndicatorQuery::from_location(&Location::parse(hash), ds);
    assert!(notes.is_empty(), "{notes:?}");
    let idx = SearchIndex::new(ds);
    let f = apply(ds, &idx, &q, Some(p("2019-20-Q3")));
    f.rows
        .iter()
        .map(|r| ds.indicators[r.index].id.clone())
        .collect()
}

#[test]
fn blanks_sort_last_in_both_directions() {
    let d = ds();
    // Actual at Q3: up 90, down 70, none 5, month 4 (October is in Q3); blank, flat, year have none.
    assert_eq!(
        order(&d, "#/indicators?sort=actual"),
        ["month", "none", "down", "up", "blank", "flat", "year"]
    );
    assert_eq!(
        order(&d, "#/indicators?sort=-actual"),
        ["up", "down", "none", "month", "blank", "flat", "year"],
        "descending reverses the figures, not the blanks"
    );
    // Target at Q3: up 80, down 80, month 5; the rest blank.
    assert_eq!(
        order(&d, "#/indicators?sort=-target"),
        ["up", "down", "month", "blank", "flat", "none", "year"]
    );
    // Short-term direction: up Improved (85 → 90), down Worsened, month none (one figure),
    // none has no polarity; the rest have no Q3 figure but their latest speaks (flat: No change).
    let asc = order(&d, "#/indicators?sort=short");
    let desc = order(&d, "#/indicators?sort=-short");
    let blanks = |o: &[String]| o.iter().skip(3).cloned().collect::<Vec<_>>();
    assert_eq!(&asc[..3], ["down", "flat", "up"]);
    assert_eq!(&desc[..3], ["up", "flat", "down"]);
    assert_eq!(
        blanks(&asc),
        blanks(&desc),
        "blanks keep the data's order, last"
    );
}

#[test]
fn period_sorts_by_period_order_blanks_last() {
    let d = ds();
    // The period each row's figure is for at Q3: up, down, none Q3 2019/20 (ends 31 Dec);
    // month October 2019 (ends 31 Oct); blank, flat, year none.
    assert_eq!(
        order(&d, "#/indicators?sort=period"),
        ["month", "up", "down", "none", "blank", "flat", "year"]
    );
    assert_eq!(
        order(&d, "#/indicators?sort=-period"),
        ["up", "down", "none", "month", "blank", "flat", "year"]
    );
}

#[test]
fn trend_sorts_worsened_no_change_improved_then_none() {
    let d = ds();
    // Trends to Q3: up Improved (80 → 90), flat No change (50 → 50), down Worsened (90 → 70),
    // none no polarity, year one figure, month one figure, blank none.
    assert_eq!(
        order(&d, "#/indicators?sort=trend"),
        ["down", "flat", "up", "blank", "none", "year", "month"]
    );
    assert_eq!(
        order(&d, "#/indicators?sort=-trend"),
        ["up", "flat", "down", "blank", "none", "year", "month"]
    );
}

#[test]
fn the_trend_is_the_sparklines_figures_up_to_the_period() {
    let d = ds();
    let e = Engine::new(&d, p("2019-20-Q2"));
    let up = e.trend(d.indicator("up").unwrap());
    assert_eq!(up.values(), [Some(80.0), Some(85.0)], "nothing after Q2");
    assert_eq!(up.direction, Some(Direction::Improved));
    assert_eq!(
        up.describe().as_deref(),
        Some("Improved from Q1 2019/20 to Q2 2019/20")
    );
    let down = e.trend(d.indicator("down").unwrap());
    assert_eq!(down.direction, None, "one figure up to Q2");
    assert_eq!(down.describe(), None);
    let e3 = Engine::new(&d, p("2019-20-Q3"));
    assert_eq!(
        e3.trend(d.indicator("down").unwrap()).direction,
        Some(Direction::Worsened)
    );
    assert_eq!(e3.trend(d.indicator("none").unwrap()).direction, None);
}

#[test]
fn period_and_trend_sorts_round_trip_in_the_link() {
    let d = ds();
    for key in ["period", "-period", "trend", "-trend"] {
        let loc = Location::parse(&format!("#/indicators?sort={key}"));
        let (q, notes) = IndicatorQuery::from_location(&loc, &d);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            q.to_location().to_hash(),
            format!("#/indicators?sort={key}")
        );
    }
    assert_eq!(SortKey::from_word("trend"), Some(SortKey::Trend));
    assert_eq!(SortKey::from_word("period"), Some(SortKey::Period));
}
