//! Statistical process control against series worked out by hand from the rules written in
//! docs/analysis.md (and core/src/engine/spc.rs's header): every expected figure below was
//! worked from the rule's words, not by calling the code.

use gt_core::engine::spc::{signals, xmr, Side, Signal, SpcRule, MIN_POINTS};
use gt_core::engine::{Assurance, Engine, Spc, Variation};
use gt_core::{parse_dataset, Period, Polarity};
use serde_json::json;

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-3
}

/// A signal, for comparing.
fn sig(rule: SpcRule, side: Side, points: &[usize]) -> Signal {
    Signal {
        rule,
        side,
        points: points.to_vec(),
    }
}

// The rules alone, with a mean of 10, limits 16 and 4 and a sigma of 2: "near a limit" is
// beyond 10 ± 2 × 2, above 14 or below 6.
fn rules(values: &[f64]) -> Vec<Signal> {
    signals(values, 10.0, 16.0, 4.0, 2.0)
}

#[test]
fn a_point_outside_the_limits() {
    // 16.5 > 16: above the upper limit. Sides: (on the mean), H, L, H, (on): no run of 7.
    // Steps: up, down, up, down: no run. Only one point beyond 14: no two of three.
    assert_eq!(
        rules(&[10.0, 11.0, 9.0, 16.5, 10.0]),
        vec![sig(SpcRule::OutsideLimits, Side::High, &[3])]
    );
    // 3.9 < 4: below the lower limit.
    assert_eq!(
        rules(&[10.0, 3.9]),
        vec![sig(SpcRule::OutsideLimits, Side::Low, &[1])]
    );
    // Just not: exactly on the limit is inside (and 16 alone is one of three near it).
    assert_eq!(rules(&[10.0, 11.0, 9.0, 16.0, 10.0]), vec![]);
    assert_eq!(rules(&[10.0, 4.0]), vec![]);
}

#[test]
fn a_run_of_seven_on_one_side_of_the_mean() {
    // Seven points above 10 (and level, so no trend; none beyond 14).
    assert_eq!(
        rules(&[11.0; 7]),
        vec![sig(SpcRule::Shift, Side::High, &[0, 1, 2, 3, 4, 5, 6])]
    );
    // Eight below: the whole run is marked.
    assert_eq!(
        rules(&[9.0; 8]),
        vec![sig(SpcRule::Shift, Side::Low, &[0, 1, 2, 3, 4, 5, 6, 7])]
    );
    // Just not: six above, then one on the mean (which ends the run), then one above.
    assert_eq!(
        rules(&[11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 10.0, 11.0]),
        vec![]
    );
    assert_eq!(rules(&[9.0; 6]), vec![]);
}

#[test]
fn a_run_of_seven_going_up_or_down() {
    // 7, 8, 9 below the mean, 10 on it, 11, 12, 13 above: no shift; six rises in a row.
    assert_eq!(
        rules(&[7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0]),
        vec![sig(SpcRule::Trend, Side::High, &[0, 1, 2, 3, 4, 5, 6])]
    );
    assert_eq!(
        rules(&[13.0, 12.0, 11.0, 10.0, 9.0, 8.0, 7.0]),
        vec![sig(SpcRule::Trend, Side::Low, &[0, 1, 2, 3, 4, 5, 6])]
    );
    // Just not: five rises then a point equal to the one before (six points rising).
    assert_eq!(rules(&[7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 12.0]), vec![]);
    // A dip before the rise: the run starts at the dip.
    assert_eq!(
        rules(&[9.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0]),
        vec![sig(SpcRule::Trend, Side::High, &[1, 2, 3, 4, 5, 6, 7])]
    );
}

#[test]
fn two_of_three_near_a_limit() {
    // 14.5 and 15 are beyond 14 within the three points 14.5, 13, 15.
    assert_eq!(
        rules(&[10.0, 14.5, 13.0, 15.0, 10.0]),
        vec![sig(SpcRule::TwoOfThree, Side::High, &[1, 3])]
    );
    // 5.5 and 5.9 are below 6.
    assert_eq!(
        rules(&[10.0, 5.5, 5.9, 10.0]),
        vec![sig(SpcRule::TwoOfThree, Side::Low, &[1, 2])]
    );
    // Just not: 14.5 and 15 are four points apart, never two in any three.
    assert_eq!(rules(&[10.0, 14.5, 13.0, 13.0, 15.0]), vec![]);
    // Just not: exactly 14 is not beyond two sigma.
    assert_eq!(rules(&[10.0, 14.0, 14.5, 10.0]), vec![]);
    // Not on opposite sides: one high and one low in three.
    assert_eq!(rules(&[10.0, 14.5, 5.5, 10.0]), vec![]);
}

fn periods(n: usize) -> Vec<Period> {
    let mut p = Period::Month {
        year: 2018,
        month: 4,
    };
    (0..n)
        .map(|_| {
            let here = p;
            p = p.next();
            here
        })
        .collect()
}

fn series(values: &[f64]) -> Vec<(Period, f64)> {
    periods(values.len())
        .into_iter()
        .zip(values.iter().copied())
        .collect()
}

/// 10, 12, 10, 12, … twelve points.
fn alternating() -> Vec<(Period, f64)> {
    series(&[
        10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0,
    ])
}

#[test]
fn mean_and_limits_of_a_steady_series_and_its_assurance() {
    // Mean (6 × 10 + 6 × 12) / 12 = 11; eleven moving ranges of 2: average 2; limits
    // 11 ± 2.66 × 2 = 16.32 and 5.68; sigma 2 / 1.128 = 1.773. Sides and steps alternate, and
    // nothing is beyond 11 ± 3.546: common cause.
    let x = xmr(alternating(), Polarity::Higher, Some(9.0));
    assert!(near(x.mean, 11.0), "{}", x.mean);
    assert!(near(x.mean_moving_range, 2.0));
    assert!(near(x.upper, 16.32) && near(x.lower, 5.68), "{x:?}");
    assert!(near(x.sigma, 1.773));
    assert_eq!(x.signals, vec![]);
    assert_eq!(x.variation, Variation::CommonCause);
    assert_eq!(x.variation.label(), "Common cause");
    // 9 lies between 5.68 and 16.32.
    assert_eq!(x.assurance, Some(Assurance::HitAndMiss));
    assert_eq!(
        Assurance::HitAndMiss.label(),
        "Target within the limits: hit and miss"
    );
    // Higher is better: 5 is below the lower limit 5.68, passed every time; 17 above the
    // upper limit 16.32, never reached.
    let a = |pol, t| xmr(alternating(), pol, Some(t)).assurance;
    assert_eq!(a(Polarity::Higher, 5.0), Some(Assurance::Passing));
    assert_eq!(a(Polarity::Higher, 17.0), Some(Assurance::Failing));
    // Lower is better: the mirror image.
    assert_eq!(a(Polarity::Lower, 17.0), Some(Assurance::Passing));
    assert_eq!(a(Polarity::Lower, 5.0), Some(Assurance::Failing));
    assert_eq!(a(Polarity::Lower, 11.0), Some(Assurance::HitAndMiss));
    // No target, or no better or worse: no assurance.
    assert_eq!(xmr(alternating(), Polarity::Higher, None).assurance, None);
    assert_eq!(a(Polarity::None, 5.0), None);
}

#[test]
fn the_verdict_is_about_the_latest_point() {
    // 10 12 10 12 10 9 10 11 12 13 14 15. Sum 138, mean 11.5. Moving ranges: four of 2 and
    // seven of 1 = 15, average 15/11 = 1.3636; limits 11.5 ± 3.6273 = 15.1273 and 7.8727
    // (15 is inside); sigma 1.2089, near the upper limit above 11.5 + 2.4178 = 13.9178.
    // From 9 (index 5) to 15: seven points rising. 14 and 15 are two of three beyond 13.92.
    // Sides: below at 4..=7, above at 8..=11: no run of seven.
    let v = [
        10.0, 12.0, 10.0, 12.0, 10.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0,
    ];
    let x = xmr(series(&v), Polarity::Higher, None);
    assert!(near(x.mean, 11.5) && near(x.upper, 15.1273), "{x:?}");
    assert_eq!(
        x.signals,
        vec![
            sig(SpcRule::Trend, Side::High, &[5, 6, 7, 8, 9, 10, 11]),
            sig(SpcRule::TwoOfThree, Side::High, &[10, 11]),
        ]
    );
    // Rising is better when higher is better, worse when lower is.
    assert_eq!(x.variation, Variation::Improvement);
    assert_eq!(x.variation.label(), "Special cause: improvement");
    let lower = xmr(series(&v), Polarity::Lower, None);
    assert_eq!(lower.variation, Variation::Concern);
    assert_eq!(lower.variation.label(), "Special cause: concern");
    assert_eq!(
        xmr(series(&v), Polarity::None, None).variation,
        Variation::Neither
    );
    // An old special cause does not make the latest point one: 20 then 10 12 10 12 … 10.
    // Sum 140, mean 11.667; moving ranges 10 and ten of 2 = 30, average 2.7273; upper limit
    // 11.667 + 7.2545 = 18.921: 20 is above it, the last point (10) is not special.
    let mut w = vec![20.0];
    for k in 0..11 {
        w.push(if k % 2 == 0 { 10.0 } else { 12.0 });
    }
    let old = xmr(series(&w), Polarity::Higher, None);
    assert_eq!(
        old.signals,
        vec![sig(SpcRule::OutsideLimits, Side::High, &[0])]
    );
    assert_eq!(old.variation, Variation::CommonCause);
}

fn monthly(n: usize, measure: &str) -> gt_core::Dataset {
    let values: Vec<serde_json::Value> = periods(n)
        .iter()
        .enumerate()
        .map(|(k, p)| json!({ "period": p.id(), "target": 9, "actual": if k % 2 == 0 { 10 } else { 12 } }))
        .collect();
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "A" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [ { "id": "m", "name": "M", "service": "s", "council": "a",
                "frequency": "monthly", "polarity": "higher", "measure": measure, "values": values } ]
        })
        .to_string(),
    )
    .unwrap()
}

#[test]
fn too_few_points_for_a_reliable_view() {
    let ds = monthly(12, "snapshot");
    let i = &ds.indicators[0];
    // As at Q3 2018/19 (April to December 2018): nine figures.
    let q3 = Engine::new(&ds, Period::parse("2018-19-Q3").unwrap()).spc(i);
    assert_eq!(q3, Spc::TooFew { points: 9 });
    assert_eq!(
        q3.message().unwrap(),
        "Too few points for a reliable view (9 of 12): a chart of real change needs at least 12 figures."
    );
    assert_eq!(q3.variation(), None);
    // As at Q4: all twelve, the series worked out above (target 9: hit and miss).
    match Engine::new(&ds, Period::parse("2018-19-Q4").unwrap()).spc(i) {
        Spc::Chart(x) => {
            assert_eq!(x.points.len(), MIN_POINTS);
            assert!(near(x.mean, 11.0));
            assert_eq!(x.target, Some(9.0));
            assert_eq!(x.assurance, Some(Assurance::HitAndMiss));
        }
        other => panic!("{other:?}"),
    }
    // A cumulative indicator restarts every April: no chart, said plainly.
    let cum = monthly(12, "cumulative");
    let s = Engine::new(&cum, Period::parse("2018-19-Q4").unwrap()).spc(&cum.indicators[0]);
    assert_eq!(s, Spc::Cumulative);
    assert!(s.message().unwrap().contains("cumulative"));
}

#[test]
fn the_list_asks_once_for_every_indicator() {
    let ds = monthly(12, "snapshot");
    let e = Engine::new(&ds, Period::parse("2018-19-Q4").unwrap());
    assert_eq!(e.variations(), vec![Some(Variation::CommonCause)]);
    let e = Engine::new(&ds, Period::parse("2018-19-Q3").unwrap());
    assert_eq!(e.variations(), vec![None]);
}

/// core/tests/fixtures/analysis.json (also the browser tests' data), as at Q3 2019/20: 21
/// monthly figures each, April 2018 to December 2019, target 85, higher is better.
fn fixture() -> gt_core::Dataset {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis.json"),
    )
    .unwrap();
    parse_dataset(&text).unwrap()
}

#[test]
fn the_fixtures_verdicts_and_the_lists_filter() {
    let ds = fixture();
    let e = Engine::new(&ds, Period::parse("2019-20-Q3").unwrap());
    let verdict = |id: &str| e.spc(ds.indicator(id).unwrap());
    // SPC-CONCERN: 90, 92, … (eight 90s, seven 92s) then six 80s. Sum 720 + 644 + 480 = 1844,
    // mean 87.810; moving ranges fourteen of 2, one of 10, five of 0: 38 / 20 = 1.9; lower
    // limit 87.810 − 5.054 = 82.756: the six 80s are below it, the last among them.
    match verdict("SPC-CONCERN") {
        Spc::Chart(x) => {
            assert!(near(x.mean, 87.8095) && near(x.lower, 82.7555), "{x:?}");
            assert_eq!(x.variation, Variation::Concern);
        }
        other => panic!("{other:?}"),
    }
    // SPC-IMPROVE: the same with six 100s: mean 1964 / 21 = 93.524, upper limit 98.578.
    assert_eq!(
        verdict("SPC-IMPROVE").variation(),
        Some(Variation::Improvement)
    );
    // SPC-STEADY: 90, 92, … 21 figures: mean 1910 / 21 = 90.952, limits ± 5.32: the lower
    // limit 85.63 is above the target 85: common cause, consistently passing.
    match verdict("SPC-STEADY") {
        Spc::Chart(x) => {
            assert_eq!(x.variation, Variation::CommonCause);
            assert_eq!(x.assurance, Some(Assurance::Passing));
        }
        other => panic!("{other:?}"),
    }
    // CUM-01 is cumulative; CHG-RED has two figures.
    assert_eq!(verdict("CUM-01"), Spc::Cumulative);
    assert_eq!(verdict("CHG-RED"), Spc::TooFew { points: 2 });
    // The list: `spc=concern` keeps only SPC-CONCERN, the same with the verdicts worked out
    // once beforehand; it is a filter that "Clear all" clears, and it round-trips in the link.
    use gt_core::filter::{apply, apply_with, IndicatorQuery, SearchIndex};
    use gt_core::route::Location;
    let (q, notes) =
        IndicatorQuery::from_location(&Location::parse("#/indicators?spc=concern"), &ds);
    assert!(notes.is_empty(), "{notes:?}");
    assert!(q.spc_concern && q.is_filtered());
    assert_eq!(q.to_location().to_hash(), "#/indicators?spc=concern");
    assert!(!q.cleared().spc_concern);
    let idx = SearchIndex::new(&ds);
    let ids = |f: gt_core::filter::Filtered| -> Vec<String> {
        f.rows
            .iter()
            .map(|r| ds.indicators[r.index].id.clone())
            .collect()
    };
    let p = Some(e.period);
    assert_eq!(ids(apply(&ds, &idx, &q, p)), ["SPC-CONCERN"]);
    let once = e.variations();
    assert_eq!(
        ids(apply_with(&ds, &idx, &q, p, Some(&once))),
        ["SPC-CONCERN"]
    );
    // Every row carries its verdict for the chip.
    let all = apply(&ds, &idx, &IndicatorQuery::default(), p);
    let spc: Vec<Option<Variation>> = all.rows.iter().map(|r| r.spc).collect();
    assert_eq!(
        spc,
        [
            Some(Variation::Concern),
            Some(Variation::Improvement),
            Some(Variation::CommonCause),
            None,
            None
        ]
    );
    let (_, bad) = IndicatorQuery::from_location(&Location::parse("#/indicators?spc=maybe"), &ds);
    assert_eq!(bad, ["spc \"maybe\" should be concern"]);
}

#[test]
fn the_words_members_read() {
    // The table's words for each rule and side (docs/analysis.md).
    let words = [
        (SpcRule::OutsideLimits, Side::High, "Above the upper limit"),
        (SpcRule::OutsideLimits, Side::Low, "Below the lower limit"),
        (
            SpcRule::Shift,
            Side::High,
            "7 or more in a row above the mean",
        ),
        (
            SpcRule::Shift,
            Side::Low,
            "7 or more in a row below the mean",
        ),
        (SpcRule::Trend, Side::High, "7 or more in a row rising"),
        (SpcRule::Trend, Side::Low, "7 or more in a row falling"),
        (
            SpcRule::TwoOfThree,
            Side::High,
            "2 of 3 near the upper limit",
        ),
        (
            SpcRule::TwoOfThree,
            Side::Low,
            "2 of 3 near the lower limit",
        ),
    ];
    for (rule, side, said) in words {
        assert_eq!(rule.describe(side), said);
    }
    // A point in two special causes names both, in the order found; a common-cause point none.
    let v = [
        10.0, 12.0, 10.0, 12.0, 10.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0,
    ];
    let x = xmr(series(&v), Polarity::Higher, None);
    assert_eq!(
        x.point_words(11).as_deref(),
        Some("7 or more in a row rising; 2 of 3 near the upper limit")
    );
    assert_eq!(x.point_words(0), None);
    assert_eq!(x.point(0), Variation::CommonCause);
    assert_eq!(x.point(5), Variation::Improvement);
    // The words in links and data attributes, and each verdict's meaning for members.
    let kinds = [
        (Variation::Improvement, "improvement", "for the better"),
        (Variation::Concern, "concern", "for the worse"),
        (Variation::Neither, "neither", "no better or worse"),
        (Variation::CommonCause, "common", "usual ups and downs"),
    ];
    for (v, word, meaning) in kinds {
        assert_eq!(v.as_str(), word);
        assert!(v.meaning().contains(meaning), "{v:?}");
    }
    let assurance = [
        (
            Assurance::HitAndMiss,
            "hit_and_miss",
            "some periods will meet it",
        ),
        (Assurance::Passing, "passing", "met every period"),
        (Assurance::Failing, "failing", "will not be met"),
    ];
    for (a, word, meaning) in assurance {
        assert_eq!(a.as_str(), word);
        assert!(a.meaning().contains(meaning), "{a:?}");
    }
    assert_eq!(
        Assurance::Passing.label(),
        "Consistently passing the target"
    );
    assert_eq!(
        Assurance::Failing.label(),
        "Consistently failing the target"
    );
}
