//! Year-end forecasts against quarters worked out by hand from the methods written in
//! docs/analysis.md (and core/src/engine/forecast.rs's header).

use gt_core::engine::{Engine, Method};
use gt_core::{parse_dataset, Dataset, Period, Rag};
use serde_json::json;

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn ds(measure: &str, polarity: &str, values: serde_json::Value) -> Dataset {
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "A" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [ { "id": "i", "name": "I", "service": "s", "council": "a",
                "frequency": "quarterly", "polarity": polarity, "measure": measure, "values": values } ]
        })
        .to_string(),
    )
    .unwrap()
}

fn at(ds: &Dataset, p: &str) -> Option<gt_core::engine::Forecast> {
    Engine::new(ds, Period::parse(p).unwrap()).forecast(&ds.indicators[0])
}

#[test]
fn cumulative_straight_line_from_the_year_to_date() {
    // Last year is incomplete (Q4 only), so no season is known.
    let d = ds(
        "cumulative",
        "higher",
        json!([
            { "period": "2018-19-Q4", "actual": 100 },
            { "period": "2019-20-Q1", "target": 30, "actual": 30 },
            { "period": "2019-20-Q2", "target": 60, "actual": 55 },
            { "period": "2019-20-Q3", "target": 90, "actual": 90 },
            { "period": "2019-20-Q4", "target": 120 }
        ]),
    );
    // At Q3: 90 after 3 of 4 quarters: 90 × 4 / 3 = 120. Quarters added 30, 25, 35: the last
    // quarter adding 25 to 35 gives 115 to 125. 120 against the annual (Q4) target of 120:
    // met, Green.
    let f = at(&d, "2019-20-Q3").unwrap();
    assert_eq!(f.method, Method::StraightLine);
    assert!(
        near(f.outturn, 120.0) && near(f.low, 115.0) && near(f.high, 125.0),
        "{f:?}"
    );
    assert_eq!((f.so_far, f.in_year, f.fy), (3, 4, 2019));
    assert_eq!(f.annual_target, Some(120.0));
    assert_eq!(f.status, Rag::Green);
    assert!(f.method_words.starts_with("Straight line"));
    // At Q2: 55 × 4 / 2 = 110; quarters added 30 and 25: 55 + 2 × 25 = 105 to 55 + 2 × 30 =
    // 115. 110 misses 120 by 10, within 10% of 120 (12): Amber.
    let f = at(&d, "2019-20-Q2").unwrap();
    assert!(
        near(f.outturn, 110.0) && near(f.low, 105.0) && near(f.high, 115.0),
        "{f:?}"
    );
    assert_eq!(f.status, Rag::Amber);
    // At Q1: 30 × 4 = 120, and one quarter of 30: 30 + 3 × 30 = 120 both ways.
    let f = at(&d, "2019-20-Q1").unwrap();
    assert!(near(f.outturn, 120.0) && near(f.low, 120.0) && near(f.high, 120.0));
}

#[test]
fn no_forecast_once_the_year_is_out_or_without_figures() {
    let d = ds(
        "cumulative",
        "higher",
        json!([
            { "period": "2018-19-Q1", "actual": 20 },
            { "period": "2018-19-Q4", "target": 100, "actual": 100 },
            { "period": "2019-20-Q1", "target": 25 }
        ]),
    );
    // Q4: the outturn is known.
    assert_eq!(at(&d, "2018-19-Q4"), None);
    // Q1 2019/20 has a target and no actual yet: nothing to forecast from.
    assert_eq!(at(&d, "2019-20-Q1"), None);
}

#[test]
fn cumulative_without_an_annual_target_has_no_status() {
    let d = ds(
        "cumulative",
        "higher",
        json!([ { "period": "2019-20-Q1", "target": 30, "actual": 30 } ]),
    );
    let f = at(&d, "2019-20-Q1").unwrap();
    assert!(near(f.outturn, 120.0));
    assert_eq!(f.annual_target, None);
    assert_eq!(f.status, Rag::DataOnly);
}

#[test]
fn cumulative_with_last_years_profile() {
    // Last year, every quarter: 20, 50, 80, 100. This year 24 then 55, annual target 110.
    let d = ds(
        "cumulative",
        "higher",
        json!([
            { "period": "2018-19-Q1", "actual": 20 }, { "period": "2018-19-Q2", "actual": 50 },
            { "period": "2018-19-Q3", "actual": 80 }, { "period": "2018-19-Q4", "actual": 100 },
            { "period": "2019-20-Q1", "actual": 24 }, { "period": "2019-20-Q2", "actual": 55 },
            { "period": "2019-20-Q4", "target": 110 }
        ]),
    );
    // At Q2: 55 × (100 / 50) = 110. Growth this year 24 and 31 against last year's 20 and 30:
    // ratios 1.2 and 1.0333. Last year grew 50 from Q2 to the end: 55 + 50 × 1.0333 = 106.667
    // to 55 + 50 × 1.2 = 115. 110 against 110: Green.
    let f = at(&d, "2019-20-Q2").unwrap();
    assert_eq!(f.method, Method::LastYearsProfile);
    assert!(near(f.outturn, 110.0), "{f:?}");
    assert!(
        (f.low - 106.6667).abs() < 1e-3 && near(f.high, 115.0),
        "{f:?}"
    );
    assert_eq!(f.status, Rag::Green);
}

#[test]
fn a_rate_averages_the_quarters_so_far() {
    // Days, lower is better, target 21 every quarter (no Q4 value): this year 20, 24, 22.
    let d = ds(
        "average",
        "lower",
        json!([
            { "period": "2019-20-Q1", "target": 21, "actual": 20 },
            { "period": "2019-20-Q2", "target": 21, "actual": 24 },
            { "period": "2019-20-Q3", "target": 21, "actual": 22 }
        ]),
    );
    // (20 + 24 + 22) / 3 = 22. Range: Q4 at 20, (66 + 20) / 4 = 21.5; at 24, (66 + 24) / 4 =
    // 22.5. 22 against 21 (lower is better): 1 over, within 10% of 21 (2.1): Amber.
    let f = at(&d, "2019-20-Q3").unwrap();
    assert_eq!(f.method, Method::AverageSoFar);
    assert!(
        near(f.outturn, 22.0) && near(f.low, 21.5) && near(f.high, 22.5),
        "{f:?}"
    );
    assert_eq!(f.annual_target, Some(21.0));
    assert_eq!(f.status, Rag::Amber);
}

#[test]
fn a_rate_with_a_known_season_uses_the_same_quarter_last_year() {
    let d = ds(
        "average",
        "lower",
        json!([
            { "period": "2018-19-Q1", "actual": 18 }, { "period": "2018-19-Q2", "actual": 20 },
            { "period": "2018-19-Q3", "actual": 22 }, { "period": "2018-19-Q4", "actual": 30 },
            { "period": "2019-20-Q1", "target": 21, "actual": 20 },
            { "period": "2019-20-Q2", "target": 21, "actual": 24 },
            { "period": "2019-20-Q3", "target": 21, "actual": 22 }
        ]),
    );
    // (20 + 24 + 22 + last year's Q4 30) / 4 = 96 / 4 = 24. Range 21.5 (as above) to 24 (the
    // forecast is above 22.5). 24 against 21: 3 over, more than 2.1: Red.
    let f = at(&d, "2019-20-Q3").unwrap();
    assert_eq!(f.method, Method::SameQuarterLastYear);
    assert!(
        near(f.outturn, 24.0) && near(f.low, 21.5) && near(f.high, 24.0),
        "{f:?}"
    );
    assert_eq!(f.status, Rag::Red);
}

#[test]
fn a_rate_without_any_target_or_an_annual_indicator_has_none() {
    let d = ds(
        "snapshot",
        "higher",
        json!([ { "period": "2019-20-Q1", "actual": 20 } ]),
    );
    assert_eq!(at(&d, "2019-20-Q1"), None);
    let annual = parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "A" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [ { "id": "i", "name": "I", "service": "s", "council": "a",
                "frequency": "annual", "polarity": "higher", "measure": "cumulative",
                "values": [ { "period": "2019-20", "target": 5, "actual": 4 } ] } ]
        })
        .to_string(),
    )
    .unwrap();
    assert_eq!(at(&annual, "2019-20-Q1"), None);
}
