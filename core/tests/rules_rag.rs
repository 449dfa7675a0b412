//! The indicator rules of docs/rag-rules.md ("Red, Amber, Green", "Neither red nor green",
//! "Direction of travel"), case by case. Every expected answer below was worked out by hand
//! from the rule's words, never by calling the code.

use gt_core::rag::*;
use gt_core::{parse_dataset, Dataset, Indicator, Period, Polarity, Rag, Tolerance};
use serde_json::{json, Value};

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// A dataset holding one indicator with the given frequency and values.
fn one(frequency: &str, values: Value) -> Dataset {
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "priorities": [], "themes": [],
            "indicators": [ { "id": "i", "name": "I", "service": "s", "council": "a",
                              "frequency": frequency, "polarity": "higher", "values": values } ]
        })
        .to_string(),
    )
    .unwrap()
}

fn ind(ds: &Dataset) -> &Indicator {
    &ds.indicators[0]
}

const TEN_PERCENT: Tolerance = Tolerance::Percent(10.0);

fn status(ds: &Dataset, period: &str) -> Rag {
    status_at(ind(ds), &p(period), &gt_core::scheme::rule_for(ds, ind(ds))).rag
}

// ---------------------------------------------------------------------------------------------
// Red, Amber, Green

#[test]
fn missing_by_exactly_the_tolerance_is_amber_for_a_large_target_too() {
    // Target 10,000.1, higher is better, 10% tolerance: 10% of 10,000.1 is 1,000.01, so Amber
    // runs down to 10,000.1 − 1,000.01 = 9,000.09 inclusive; 9,000.08 misses by 1,000.02: Red.
    let h = Polarity::Higher;
    assert_eq!(
        rate(h, Some(10000.1), Some(9000.09), TEN_PERCENT, Some(2)),
        Rag::Amber
    );
    assert_eq!(
        rate(h, Some(10000.1), Some(9000.08), TEN_PERCENT, Some(2)),
        Rag::Red
    );
    // Target 5,000.5, 2% tolerance: 2% is 100.01, Amber down to 4,900.49.
    let two = Tolerance::Percent(2.0);
    assert_eq!(rate(h, Some(5000.5), Some(4900.49), two, None), Rag::Amber);
    assert_eq!(rate(h, Some(5000.5), Some(4900.48), two, None), Rag::Red);
    // Lower is better, the mirror image: target 10,000.1, Amber up to 11,000.11.
    let l = Polarity::Lower;
    assert_eq!(
        rate(l, Some(10000.1), Some(11000.11), TEN_PERCENT, Some(2)),
        Rag::Amber
    );
    assert_eq!(
        rate(l, Some(10000.1), Some(11000.12), TEN_PERCENT, Some(2)),
        Rag::Red
    );
}

// ---------------------------------------------------------------------------------------------
// Not due

/// A biennial indicator that reported in 2015/16 and 2017/18: it reports every other year, so
/// 2019/20 is an "on" year and 2016/17, 2018/19 and 2020/21 are "off" years.
fn biennial() -> Dataset {
    one(
        "biennial",
        json!([ { "period": "2015-16", "target": 90, "actual": 91 },
                { "period": "2017-18", "target": 90, "actual": 70 } ]),
    )
}

#[test]
fn a_biennial_indicator_is_not_due_in_its_off_year() {
    let ds = biennial();
    // Off years: not due, whether asked for the year or its fourth quarter.
    assert_eq!(status(&ds, "2018-19-Q4"), Rag::NotDue);
    assert_eq!(status(&ds, "2018-19"), Rag::NotDue);
    assert_eq!(status(&ds, "2016-17-Q4"), Rag::NotDue);
    assert_eq!(status(&ds, "2020-21-Q4"), Rag::NotDue);
    assert_eq!(status(&ds, "2020-21"), Rag::NotDue);
    // On year with no figure yet: due, so No data yet.
    assert_eq!(status(&ds, "2019-20-Q4"), Rag::NoData);
    assert_eq!(status(&ds, "2019-20"), Rag::NoData);
    assert_eq!(status(&ds, "2021-22-Q4"), Rag::NoData);
    // On years with a figure: rated in Q4 (91 against 90 is Green; 70 is Red).
    assert_eq!(status(&ds, "2015-16-Q4"), Rag::Green);
    assert_eq!(status(&ds, "2017-18-Q4"), Rag::Red);
}

#[test]
fn a_biennial_indicator_is_not_due_in_q1_to_q3_even_of_its_on_year() {
    let ds = biennial();
    for q in [
        "2019-20-Q1",
        "2019-20-Q2",
        "2019-20-Q3",
        "2018-19-Q2",
        "2017-18-Q3",
    ] {
        assert_eq!(status(&ds, q), Rag::NotDue, "{q}");
    }
}

#[test]
fn an_annual_indicator_is_due_in_march_the_month_its_year_ends() {
    // A financial year ends in March: an annual figure is due then, in no other month.
    let ds = one(
        "annual",
        json!([ { "period": "2018-19", "target": 90, "actual": 95 } ]),
    );
    assert_eq!(status(&ds, "2020-03"), Rag::NoData);
    for m in ["2019-04", "2019-09", "2019-12", "2020-02"] {
        assert_eq!(status(&ds, m), Rag::NotDue, "{m}");
    }
    // And in quarters: Q4 only.
    assert_eq!(status(&ds, "2019-20-Q4"), Rag::NoData);
    assert_eq!(status(&ds, "2019-20-Q3"), Rag::NotDue);
}

#[test]
fn a_biennial_indicator_is_due_in_the_march_of_its_on_year_only() {
    let ds = biennial();
    // 2019/20 is an on year: due in March 2020; 2018/19 is off: not due in March 2019.
    assert_eq!(status(&ds, "2020-03"), Rag::NoData);
    assert_eq!(status(&ds, "2019-03"), Rag::NotDue);
    // Other months of an on year: not due.
    for m in ["2019-04", "2019-12", "2020-02"] {
        assert_eq!(status(&ds, m), Rag::NotDue, "{m}");
    }
}

// ---------------------------------------------------------------------------------------------
// Summaries

#[test]
fn counts_by_status_at_a_period() {
    let q = |id: &str, polarity: &str, target: Value, actual: Value| {
        json!({ "id": id, "name": id, "service": "s", "council": "a", "frequency": "quarterly",
                "polarity": polarity,
                "values": [ { "period": "2019-20-Q2", "target": target, "actual": actual } ] })
    };
    // A target but no actual yet.
    let mut n1 = q("n1", "higher", json!(90), json!(0));
    n1["values"][0].as_object_mut().unwrap().remove("actual");
    let indicators = vec![
        // Higher is better, target 90, 10%: Amber from 81 up to 90, Red below 81.
        q("g1", "higher", json!(90), json!(95)),
        q("g2", "higher", json!(90), json!(90)),
        q("a1", "higher", json!(90), json!(81)),
        q("r1", "higher", json!(90), json!(80.99)),
        // Lower is better, target 20 days: Green up to 20, Amber above 20 up to 22.
        q("g3", "lower", json!(20), json!(20)),
        q("a2", "lower", json!(20), json!(22)),
        // No data yet; polarity none: Data only.
        n1,
        q("d1", "none", json!(90), json!(50)),
        // Annual, asked at Q2: Not due.
        json!({ "id": "y1", "name": "y1", "service": "s", "council": "a", "frequency": "annual",
                "polarity": "higher",
                "values": [ { "period": "2018-19", "target": 90, "actual": 95 } ] }),
    ];
    let ds = parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "priorities": [], "themes": [], "indicators": indicators
        })
        .to_string(),
    )
    .unwrap();
    let e = gt_core::engine::Engine::new(&ds, p("2019-20-Q2"));
    let c = e.counts(&ds.indicators);
    let got: Vec<usize> = [
        Rag::Green,
        Rag::Amber,
        Rag::Red,
        Rag::NoData,
        Rag::DataOnly,
        Rag::NotDue,
    ]
    .into_iter()
    .map(|r| c.get(r))
    .collect();
    assert_eq!(got, [3, 2, 1, 1, 1, 1]);
    assert_eq!((c.green, c.amber, c.red), (3, 2, 1));
    assert_eq!((c.no_data, c.data_only, c.not_due), (1, 1, 1));
    assert_eq!((c.total(), c.rated()), (9, 6));
}

// ---------------------------------------------------------------------------------------------
// Large figures: the allowance for binary fractions (a billionth of the figure's size) used to
// grow as big as the last decimal shown for figures of ten million and more at 2 decimals, so a
// miss or a change the reader can see was swallowed. It is now capped below half the last
// decimal shown (`rag::slack`).

#[test]
fn a_visible_miss_of_a_large_target_is_not_on_target() {
    // Rule 2: Green only when the target is met. Target 20,000,000.00, actual 19,999,999.99,
    // higher is better: missed by 0.01, well within 10%: Amber. With no tolerance: Red.
    let h = Polarity::Higher;
    assert_eq!(
        rate(
            h,
            Some(20_000_000.0),
            Some(19_999_999.99),
            TEN_PERCENT,
            Some(2)
        ),
        Rag::Amber
    );
    let none = Tolerance::Absolute(0.0);
    assert_eq!(
        rate(h, Some(20_000_000.0), Some(19_999_999.99), none, Some(2)),
        Rag::Red
    );
    // Lower is better, no decimals: 2,000,000,001 against a target of 2,000,000,000 misses.
    assert_eq!(
        rate(Polarity::Lower, Some(2e9), Some(2e9 + 1.0), none, Some(0)),
        Rag::Red
    );
}

#[test]
fn a_visible_change_in_a_large_figure_is_a_direction() {
    // "Figures equal once rounded by rule 1: No change" -- these differ once rounded.
    let ds = parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "Ay" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "priorities": [], "themes": [],
            "indicators": [ { "id": "i", "name": "I", "service": "s", "council": "a",
                "frequency": "quarterly", "polarity": "higher", "decimals": 2, "values": [
                  { "period": "2019-20-Q1", "actual": 20000000.00 },
                  { "period": "2019-20-Q2", "actual": 20000000.01 } ] } ]
        })
        .to_string(),
    )
    .unwrap();
    let t = short_term(ind(&ds), &p("2019-20-Q2")).unwrap();
    assert_eq!(t.describe(), "Improved since Q1 2019/20");
}

#[test]
fn directions_have_their_words() {
    // The words pages and tests read (data-direction) and the labels people read.
    use gt_core::rag::Direction;
    assert_eq!(Direction::Improved.as_str(), "improved");
    assert_eq!(Direction::Worsened.as_str(), "worsened");
    assert_eq!(Direction::Unchanged.as_str(), "unchanged");
    assert_eq!(Direction::Improved.label(), "Improved");
    assert_eq!(Direction::Worsened.label(), "Worsened");
    assert_eq!(Direction::Unchanged.label(), "No change");
}
