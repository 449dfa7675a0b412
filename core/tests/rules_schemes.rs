//! Each council's own RAG scheme (docs/rag-rules.md, "Each council's own scheme"): the five
//! schemes councils publish, case by case at and around every boundary. Every expected answer
//! was worked out by hand from the scheme's published words, never by calling the code.

use gt_core::engine::Engine;
use gt_core::scheme::{rule_for, SchemeKind, SchemeSource};
use gt_core::{parse_dataset, Dataset, Period, Rag};
use serde_json::{json, Value};

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// A dataset with councils "a" (with `scheme_a`), "b" (with none) and a dataset scheme, and one
/// indicator of council "a" with the given fields and values.
fn ds_with(dataset_scheme: Value, scheme_a: Value, indicator: Value) -> Dataset {
    let mut ind = json!({ "id": "i", "name": "I", "service": "s", "council": "a",
                          "frequency": "quarterly", "polarity": "higher", "decimals": 0 });
    for (k, v) in indicator.as_object().unwrap() {
        ind[k] = v.clone();
    }
    let text = json!({
        "format": "golden-thread/1", "title": "t", "organisation": "o",
        "rag_scheme": dataset_scheme,
        "councils": [ { "id": "a", "name": "Ayton", "rag_scheme": scheme_a },
                      { "id": "b", "name": "Beeton" } ],
        "services": [ { "id": "s", "name": "S", "councils": ["a", "b"] } ],
        "priorities": [], "themes": [],
        "indicators": [ ind ]
    })
    .to_string();
    match parse_dataset(&text) {
        Ok(ds) => ds,
        Err(e) => panic!("{e:?}"),
    }
}

/// The status of the indicator in Q2 2019/20 whose target is `target` and actual `actual`,
/// rated by council a's scheme `scheme`, polarity `polarity`, with `extra` values.
fn rate(scheme: Value, polarity: &str, decimals: u8, target: f64, actual: f64) -> Rag {
    rate_with(scheme, polarity, decimals, target, actual, None)
}

fn rate_with(
    scheme: Value,
    polarity: &str,
    decimals: u8,
    target: f64,
    actual: f64,
    year_earlier: Option<f64>,
) -> Rag {
    let mut values = vec![];
    if let Some(y) = year_earlier {
        values.push(json!({ "period": "2018-19-Q2", "target": target, "actual": y }));
    }
    values.push(json!({ "period": "2019-20-Q2", "target": target, "actual": actual }));
    let ds = ds_with(
        Value::Null,
        scheme,
        json!({ "polarity": polarity, "decimals": decimals, "values": values }),
    );
    Engine::new(&ds, p("2019-20-Q2"))
        .status(&ds.indicators[0])
        .rag
}

// ---------------------------------------------------------------------------------------------
// 1. "Green = on, above or within 5% of target; Amber = between 5% and 10%; Red = more than 10%
//    from target"

fn bands_5_10() -> Value {
    json!({ "kind": "bands", "green_within": { "percent": 5 }, "amber_within": { "percent": 10 } })
}

#[test]
fn bands_higher_is_better_target_100() {
    // 5% of 100 is 5, 10% is 10.
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 120.0), Rag::Green); // above
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 100.0), Rag::Green); // on
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 96.0), Rag::Green); // 4 below
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 95.0), Rag::Green); // exactly 5%
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 94.0), Rag::Amber); // 6%
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 90.0), Rag::Amber); // exactly 10%
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 89.0), Rag::Red); // 11%
                                                                        // Rounded first: 94.6 is shown 95, within 5%.
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 94.6), Rag::Green);
    assert_eq!(rate(bands_5_10(), "higher", 0, 100.0, 94.4), Rag::Amber);
}

#[test]
fn bands_lower_is_better_target_20_days() {
    // 5% of 20 is 1.0 day, 10% is 2.0 days, above the target being worse.
    assert_eq!(rate(bands_5_10(), "lower", 1, 20.0, 18.0), Rag::Green);
    assert_eq!(rate(bands_5_10(), "lower", 1, 20.0, 21.0), Rag::Green);
    assert_eq!(rate(bands_5_10(), "lower", 1, 20.0, 21.1), Rag::Amber);
    assert_eq!(rate(bands_5_10(), "lower", 1, 20.0, 22.0), Rag::Amber);
    assert_eq!(rate(bands_5_10(), "lower", 1, 20.0, 22.1), Rag::Red);
}

#[test]
fn bands_in_absolute_terms() {
    // Green within 1 percentage point, Amber within 3; target 96.5%.
    let s = json!({ "kind": "bands", "green_within": { "absolute": 1 }, "amber_within": { "absolute": 3 } });
    assert_eq!(rate(s.clone(), "higher", 1, 96.5, 95.5), Rag::Green);
    assert_eq!(rate(s.clone(), "higher", 1, 96.5, 95.4), Rag::Amber);
    assert_eq!(rate(s.clone(), "higher", 1, 96.5, 93.5), Rag::Amber);
    assert_eq!(rate(s, "higher", 1, 96.5, 93.4), Rag::Red);
}

// ---------------------------------------------------------------------------------------------
// 2. "Green = on or within 10% of target; Amber = more than 10% off target but improved or
//    maintained against the same period last year; Red = more than 10% off and not improved"

fn direction_10() -> Value {
    json!({ "kind": "direction", "green_within": { "percent": 10 } })
}

#[test]
fn direction_dependent_amber() {
    let r = |actual, before| rate_with(direction_10(), "higher", 0, 100.0, actual, before);
    assert_eq!(r(100.0, None), Rag::Green);
    assert_eq!(r(90.0, Some(95.0)), Rag::Green); // exactly 10% off: within, whatever the trend
    assert_eq!(r(89.0, Some(85.0)), Rag::Amber); // 11% off, improved from 85
    assert_eq!(r(89.0, Some(89.0)), Rag::Amber); // 11% off, maintained
    assert_eq!(r(89.0, Some(90.0)), Rag::Red); // 11% off, worse than 90 a year earlier
    assert_eq!(r(89.0, None), Rag::Red); // no figure a year earlier: not shown to improve
    assert_eq!(r(50.0, Some(40.0)), Rag::Amber); // far off, but improved
                                                 // Rounded first: 88.6 and 89.4 are both shown 89: maintained.
    assert_eq!(r(88.6, Some(89.4)), Rag::Amber);
}

#[test]
fn direction_dependent_amber_lower_is_better() {
    // Target 10 days, 10% is 1 day: 11 is within; 12 is off; lower is better.
    let r = |actual, before| rate_with(direction_10(), "lower", 0, 10.0, actual, before);
    assert_eq!(r(11.0, Some(30.0)), Rag::Green);
    assert_eq!(r(12.0, Some(13.0)), Rag::Amber); // fell from 13 to 12: improved
    assert_eq!(r(12.0, Some(11.0)), Rag::Red); // rose from 11 to 12: worse
}

// ---------------------------------------------------------------------------------------------
// 3. "on track / off track" only (two states, no Amber)

#[test]
fn two_state() {
    let s = json!({ "kind": "two_state" });
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 101.0), Rag::Green);
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 100.0), Rag::Green);
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 99.0), Rag::Red);
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 10.0), Rag::Red);
    assert_eq!(rate(s.clone(), "lower", 0, 100.0, 101.0), Rag::Red);
    // With a band: on track when within 2 of target.
    let s = json!({ "kind": "two_state", "green_within": { "absolute": 2 } });
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 98.0), Rag::Green);
    assert_eq!(rate(s, "higher", 0, 100.0, 97.0), Rag::Red);
}

#[test]
fn a_hand_set_amber_disagrees_with_a_two_state_scheme() {
    let ds = ds_with(
        Value::Null,
        json!({ "kind": "two_state" }),
        json!({ "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 99, "rag": "amber" } ] }),
    );
    let s = Engine::new(&ds, p("2019-20-Q2")).status(&ds.indicators[0]);
    assert_eq!(s.rag, Rag::Amber);
    assert_eq!(s.differs(), Some(Rag::Red));
}

// ---------------------------------------------------------------------------------------------
// 4. "Red = below target and outside the variable tolerance; Amber = below target within it;
//    Green = above the annual target; Blue = narrative or no target"

fn variable_tolerance() -> Value {
    json!({ "kind": "tolerance", "amber_within": { "absolute": 2 }, "blue": true })
}

#[test]
fn variable_tolerance_per_indicator() {
    // The council's tolerance: 2 percentage points below 96.5.
    let r = |t: Value, actual| {
        let mut ind = json!({ "polarity": "higher", "decimals": 1,
            "values": [ { "period": "2019-20-Q2", "target": 96.5, "actual": actual } ] });
        if !t.is_null() {
            ind["tolerance"] = t;
        }
        let ds = ds_with(Value::Null, variable_tolerance(), ind);
        Engine::new(&ds, p("2019-20-Q2"))
            .status(&ds.indicators[0])
            .rag
    };
    assert_eq!(r(Value::Null, 97.0), Rag::Green);
    assert_eq!(r(Value::Null, 96.5), Rag::Green);
    assert_eq!(r(Value::Null, 96.4), Rag::Amber);
    assert_eq!(r(Value::Null, 94.5), Rag::Amber);
    assert_eq!(r(Value::Null, 94.4), Rag::Red);
    // This indicator's own tolerance of 5 points replaces the council's 2.
    assert_eq!(r(json!({ "absolute": 5 }), 94.4), Rag::Amber);
    assert_eq!(r(json!({ "absolute": 5 }), 91.5), Rag::Amber);
    assert_eq!(r(json!({ "absolute": 5 }), 91.4), Rag::Red);
}

#[test]
fn blue_is_a_figure_with_no_target() {
    let ds = ds_with(
        Value::Null,
        variable_tolerance(),
        json!({ "values": [ { "period": "2019-20-Q2", "actual": 12 } ] }),
    );
    let s = Engine::new(&ds, p("2019-20-Q2")).status(&ds.indicators[0]);
    assert_eq!(s.rag, Rag::DataOnly);
    let words = gt_core::scheme::describe(&ds.councils[0].rag_scheme.unwrap(), None);
    assert!(words
        .iter()
        .any(|l| l.word == "Blue" && l.rag == Rag::DataOnly));
}

// ---------------------------------------------------------------------------------------------
// 5. Red / Amber / Green with no tolerance: a figure just below target is Red.

#[test]
fn no_tolerance() {
    let s = json!({ "kind": "no_tolerance" });
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 100.0), Rag::Green);
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 99.0), Rag::Red);
    // 99.6 is shown 100: met. 99.4 is shown 99: missed.
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 99.6), Rag::Green);
    assert_eq!(rate(s.clone(), "higher", 0, 100.0, 99.4), Rag::Red);
    assert_eq!(rate(s, "lower", 1, 5.0, 5.1), Rag::Red);
}

// ---------------------------------------------------------------------------------------------
// Which scheme applies

#[test]
fn indicator_then_council_then_dataset_then_standard() {
    // Council a: no tolerance. Council b: none of its own, so the dataset's bands.
    let ds = ds_with(
        bands_5_10(),
        json!({ "kind": "no_tolerance" }),
        json!({ "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 97 } ] }),
    );
    let mut ds_b = ds.clone();
    ds_b.indicators[0].scope = gt_core::Scope::Council("b".into());
    let mut ds_shared = ds.clone();
    ds_shared.indicators[0].scope = gt_core::Scope::SharedAll;
    let at = |d: &Dataset| Engine::new(d, p("2019-20-Q2")).status(&d.indicators[0]).rag;
    // 97 against 100: Red with no tolerance (a), Green within 5% (dataset, for b and shared).
    assert_eq!(at(&ds), Rag::Red);
    assert_eq!(at(&ds_b), Rag::Green);
    assert_eq!(at(&ds_shared), Rag::Green);
    assert_eq!(
        rule_for(&ds, &ds.indicators[0]).source,
        SchemeSource::Council("a".into())
    );
    assert_eq!(
        rule_for(&ds_b, &ds_b.indicators[0]).source,
        SchemeSource::Dataset
    );
    // The indicator's own "data only" wins over both.
    let mut ds_own = ds.clone();
    ds_own.indicators[0].rag_scheme = Some(gt_core::Scheme {
        kind: SchemeKind::DataOnly,
        green_within: None,
        amber_within: None,
        blue: false,
    });
    assert_eq!(at(&ds_own), Rag::DataOnly);
    // With no scheme anywhere: the standard rule, 10% (97 is Amber: 3 below, within 10).
    let mut plain = ds.clone();
    plain.rag_scheme = None;
    plain.councils[0].rag_scheme = None;
    assert_eq!(at(&plain), Rag::Amber);
    assert_eq!(
        rule_for(&plain, &plain.indicators[0]).source,
        SchemeSource::Standard
    );
}

#[test]
fn a_council_count_follows_its_own_scheme() {
    // The same figures (98 against 100) in two councils: a has no tolerance (Red), b the
    // standard 10% (Amber).
    let text = json!({
        "format": "golden-thread/1", "title": "t", "organisation": "o",
        "councils": [ { "id": "a", "name": "Ayton", "rag_scheme": { "kind": "no_tolerance" } },
                      { "id": "b", "name": "Beeton" } ],
        "services": [ { "id": "s", "name": "S", "councils": ["a", "b"] } ],
        "priorities": [], "themes": [],
        "indicators": [
            { "id": "ia", "name": "A", "service": "s", "council": "a", "frequency": "quarterly",
              "polarity": "higher", "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 98 } ] },
            { "id": "ib", "name": "B", "service": "s", "council": "b", "frequency": "quarterly",
              "polarity": "higher", "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 98 } ] }
        ]
    })
    .to_string();
    let ds = parse_dataset(&text).unwrap();
    let e = Engine::new(&ds, p("2019-20-Q2"));
    let a = e.counts(ds.indicators.iter().filter(|i| i.id == "ia"));
    let b = e.counts(ds.indicators.iter().filter(|i| i.id == "ib"));
    assert_eq!((a.red, a.amber), (1, 0));
    assert_eq!((b.red, b.amber), (0, 1));
}

// ---------------------------------------------------------------------------------------------
// Hand-set statuses against the scheme

#[test]
fn hand_set_statuses_that_agree_are_not_flagged() {
    // Published Green at 96 against 100: wrong by the standard rule (Amber), right by bands.
    let value = json!({ "values": [ { "period": "2019-20-Q2", "target": 100, "actual": 96, "rag": "green" } ] });
    let standard = ds_with(Value::Null, Value::Null, value.clone());
    let s = Engine::new(&standard, p("2019-20-Q2")).status(&standard.indicators[0]);
    assert_eq!((s.rag, s.differs()), (Rag::Green, Some(Rag::Amber)));
    let bands = ds_with(Value::Null, bands_5_10(), value);
    let s = Engine::new(&bands, p("2019-20-Q2")).status(&bands.indicators[0]);
    assert_eq!((s.rag, s.differs()), (Rag::Green, None));
}

#[test]
fn no_disagreement_when_the_rules_give_no_rating() {
    let ds = ds_with(
        Value::Null,
        Value::Null,
        json!({ "values": [ { "period": "2019-20-Q2", "actual": 5, "rag": "red" } ] }),
    );
    let s = Engine::new(&ds, p("2019-20-Q2")).status(&ds.indicators[0]);
    assert_eq!(
        (s.rag, s.computed, s.differs()),
        (Rag::Red, Rag::DataOnly, None)
    );
}

// ---------------------------------------------------------------------------------------------
// The format

#[test]
fn schemes_round_trip_and_v1_files_without_them_still_read() {
    let ds = ds_with(bands_5_10(), variable_tolerance(), json!({ "values": [] }));
    let again = parse_dataset(&ds.to_json()).unwrap();
    assert_eq!(again, ds);
    let v: Value = serde_json::from_str(&ds.to_json()).unwrap();
    assert_eq!(v["rag_scheme"]["kind"], "bands");
    assert_eq!(
        v["rag_scheme"]["green_within"]["percent"].as_f64(),
        Some(5.0)
    );
    assert_eq!(
        v["rag_scheme"]["amber_within"]["percent"].as_f64(),
        Some(10.0)
    );
    assert_eq!(v["councils"][0]["rag_scheme"]["kind"], "tolerance");
    assert_eq!(
        v["councils"][0]["rag_scheme"]["amber_within"]["absolute"].as_f64(),
        Some(2.0)
    );
    assert_eq!(v["councils"][0]["rag_scheme"]["blue"], true);
    assert!(v["councils"][1].get("rag_scheme").is_none());
}

fn problems(dataset_scheme: Value) -> Vec<String> {
    let text = json!({
        "format": "golden-thread/1", "title": "t", "organisation": "o",
        "councils": [ { "id": "a", "name": "Ayton", "rag_scheme": dataset_scheme } ],
        "services": [], "priorities": [], "themes": [], "indicators": []
    })
    .to_string();
    match parse_dataset(&text) {
        Ok(_) => vec![],
        Err(e) => e
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect(),
    }
}

#[test]
fn bad_schemes_are_named_by_place() {
    let e = problems(json!({ "green_within": { "percent": 5 } }));
    assert!(
        e.iter()
            .any(|m| m.starts_with("councils[0].rag_scheme.kind: missing")),
        "{e:?}"
    );
    let e = problems(json!({ "kind": "traffic lights" }));
    assert!(
        e.iter()
            .any(|m| m.contains("\"traffic lights\" is not a kind of scheme")),
        "{e:?}"
    );
    let e = problems(json!({ "kind": "bands", "green_within": { "percent": 5 } }));
    assert!(
        e.iter()
            .any(|m| m.starts_with("councils[0].rag_scheme.amber_within: missing")),
        "{e:?}"
    );
    let e = problems(json!({ "kind": "two_state", "amber_within": { "percent": 5 } }));
    assert!(e.iter().any(|m| m.contains("has no Amber band")), "{e:?}");
    let e = problems(
        json!({ "kind": "bands", "green_within": { "percent": 10 }, "amber_within": { "percent": 5 } }),
    );
    assert!(
        e.iter().any(|m| m.contains("narrower than green_within")),
        "{e:?}"
    );
    let e = problems(json!({ "kind": "tolerance", "amber_within": { "percent": -1 } }));
    assert!(e.iter().any(|m| m.contains("negative")), "{e:?}");
    let e = problems(json!({ "kind": "tolerance", "colour": "blue" }));
    assert!(
        e.iter()
            .any(|m| m.starts_with("councils[0].rag_scheme.colour")),
        "{e:?}"
    );
    assert!(problems(bands_5_10()).is_empty());
}

#[test]
fn an_indicator_tolerance_gives_a_no_tolerance_scheme_an_amber_band() {
    // Council a has no tolerance; this indicator sets its own 2 (in its unit): target 100,
    // 99 is missed by 1 (within 2: Amber), 98 by 2 (the edge: Amber), 97 by 3 (Red).
    let r = |actual: f64| {
        let ds = ds_with(
            Value::Null,
            json!({ "kind": "no_tolerance" }),
            json!({ "tolerance": { "absolute": 2 },
                    "values": [ { "period": "2019-20-Q2", "target": 100, "actual": actual } ] }),
        );
        Engine::new(&ds, p("2019-20-Q2"))
            .status(&ds.indicators[0])
            .rag
    };
    assert_eq!(r(100.0), Rag::Green);
    assert_eq!(r(99.0), Rag::Amber);
    assert_eq!(r(98.0), Rag::Amber);
    assert_eq!(r(97.0), Rag::Red);
}

// ---------------------------------------------------------------------------------------------
// What the "How statuses are worked out" page says under a council's scheme

#[test]
fn a_councils_fit_counts_only_its_own_hand_set_statuses_that_differ() {
    // Council a, standard rule (Amber within 10% of target), Q2 2019/20, target 100, higher is
    // better:
    //   d1: 96 set Green by hand  -> rules give Amber (missed by 4, within 10)  -> differs
    //   d2: 80 set Amber by hand  -> rules give Red (missed by 20, beyond 10)   -> differs
    //   ok: 96 set Amber by hand  -> rules give Amber                           -> agrees
    //   no: 96, no status by hand -> computed, nothing to differ
    //   tl: 96 set Green by hand with its own tolerance "5" absolute -> Amber (4 within 5): differs,
    //       and it carries its own rule
    //   sc: own scheme "data_only", 50 set Red by hand -> the rules give no rating: no difference;
    //       carries its own rule
    //   sh: shared-service, 50 set Green by hand -> differs, but in no council's figures
    //   b1: council b's, 50 set Green by hand -> differs, but b's
    // So a: 3 differ (d1, d2, tl), 2 carry their own rules (tl, sc); b: 1 differs, 0 own rules.
    let ind = |id: &str, whose: Value, actual: f64, rag: Option<&str>, more: Value| {
        let mut v = json!({ "period": "2019-20-Q2", "target": 100, "actual": actual });
        if let Some(r) = rag {
            v["rag"] = json!(r);
        }
        let mut i = json!({ "id": id, "name": id, "service": "s", "frequency": "quarterly",
                            "polarity": "higher", "decimals": 0, "values": [v] });
        for (k, x) in whose
            .as_object()
            .unwrap()
            .iter()
            .chain(more.as_object().unwrap())
        {
            i[k] = x.clone();
        }
        i
    };
    let a = json!({ "council": "a" });
    let none = json!({});
    let text = json!({
        "format": "golden-thread/1", "title": "t", "organisation": "o",
        "councils": [ { "id": "a", "name": "Ayton" }, { "id": "b", "name": "Beeton" } ],
        "services": [ { "id": "s", "name": "S", "councils": ["a", "b"] } ],
        "priorities": [], "themes": [],
        "indicators": [
            ind("d1", a.clone(), 96.0, Some("green"), none.clone()),
            ind("d2", a.clone(), 80.0, Some("amber"), none.clone()),
            ind("ok", a.clone(), 96.0, Some("amber"), none.clone()),
            ind("no", a.clone(), 96.0, None, none.clone()),
            ind("tl", a.clone(), 96.0, Some("green"), json!({ "tolerance": { "absolute": 5 } })),
            ind("sc", a.clone(), 50.0, Some("red"), json!({ "rag_scheme": { "kind": "data_only" } })),
            ind("sh", json!({ "shared": true }), 50.0, Some("green"), none.clone()),
            ind("b1", json!({ "council": "b" }), 50.0, Some("green"), none),
        ]
    })
    .to_string();
    let ds = parse_dataset(&text).unwrap_or_else(|e| panic!("{e:?}"));
    let e = Engine::new(&ds, p("2019-20-Q2"));
    let fa = e.scheme_fit("a");
    assert_eq!((fa.differing, fa.own_rules), (3, 2));
    let fb = e.scheme_fit("b");
    assert_eq!((fb.differing, fb.own_rules), (1, 0));
    // A period with no figures: nothing set by hand, nothing differs; own rules still counted.
    let f = Engine::new(&ds, p("2019-20-Q1")).scheme_fit("a");
    assert_eq!((f.differing, f.own_rules), (0, 2));
}

// ---------------------------------------------------------------------------------------------
// Which schemes the legend prints for the councils in view

/// Councils Ayton (bands 5/10), Beeton (none), Ceeton (the same bands as Ayton), Deeton (none);
/// no dataset scheme, so councils without one follow the standard rule (Amber within 10%).
/// `shared` says whom the one shared-service indicator serves (None: there is none).
fn legend_ds(shared: Option<Value>) -> Dataset {
    let mut indicators = vec![
        json!({ "id": "own", "name": "Own", "service": "s", "council": "b",
                                      "frequency": "quarterly", "polarity": "higher" }),
    ];
    if let Some(whose) = shared {
        let mut i = json!({ "id": "sh", "name": "Shared", "service": "s",
                            "frequency": "quarterly", "polarity": "higher" });
        for (k, v) in whose.as_object().unwrap() {
            i[k] = v.clone();
        }
        indicators.push(i);
    }
    let text = json!({
        "format": "golden-thread/1", "title": "t", "organisation": "o",
        "councils": [ { "id": "a", "name": "Ayton", "rag_scheme": bands_5_10() },
                      { "id": "b", "name": "Beeton" },
                      { "id": "c", "name": "Ceeton", "rag_scheme": bands_5_10() },
                      { "id": "d", "name": "Deeton" } ],
        "services": [ { "id": "s", "name": "S", "councils": ["a", "b", "c", "d"] } ],
        "priorities": [], "themes": [], "indicators": indicators
    })
    .to_string();
    parse_dataset(&text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// (whom, kind, amber band in percent) for each legend entry, in order.
fn legend(ds: &Dataset, councils: &[&str]) -> Vec<(String, SchemeKind, Option<f64>)> {
    let ids: Vec<String> = councils.iter().map(|c| c.to_string()).collect();
    gt_core::scheme::in_view(ds, &ids)
        .into_iter()
        .map(|(who, s)| {
            let amber = match s.amber_within {
                Some(gt_core::Tolerance::Percent(p)) => Some(p),
                _ => None,
            };
            (who, s.kind, amber)
        })
        .collect()
}

#[test]
fn legend_groups_councils_by_the_scheme_they_follow() {
    let ds = legend_ds(Some(json!({ "shared": true })));
    // All four in view: Ayton and Ceeton share the bands; Beeton and Deeton follow the standard
    // rule, which also rates the shared-service indicator, so it joins their entry.
    assert_eq!(
        legend(&ds, &[]),
        vec![
            (
                "Ayton and Ceeton".to_string(),
                SchemeKind::Bands,
                Some(10.0)
            ),
            (
                "Beeton, Deeton and shared-service indicators".to_string(),
                SchemeKind::Tolerance,
                Some(10.0)
            ),
        ]
    );
    // Named in another order: listed in the data's order.
    assert_eq!(
        legend(&ds, &["c", "b", "a"])[0].0,
        "Ayton and Ceeton".to_string()
    );
    // Ayton alone: its bands, and the shared-service indicator shown in its view is rated by
    // the standard rule, which gets an entry of its own.
    assert_eq!(
        legend(&ds, &["a"]),
        vec![
            ("Ayton".to_string(), SchemeKind::Bands, Some(10.0)),
            (
                "Shared-service indicators".to_string(),
                SchemeKind::Tolerance,
                Some(10.0)
            ),
        ]
    );
    // Beeton alone: one entry for Beeton and the shared-service indicators.
    assert_eq!(
        legend(&ds, &["b"]),
        vec![(
            "Beeton and shared-service indicators".to_string(),
            SchemeKind::Tolerance,
            Some(10.0)
        )]
    );
}

#[test]
fn legend_leaves_out_shared_indicators_not_in_the_view() {
    // The shared-service indicator serves Beeton only: Ayton's view does not show it.
    let ds = legend_ds(Some(json!({ "councils": ["b"] })));
    assert_eq!(
        legend(&ds, &["a"]),
        vec![("Ayton".to_string(), SchemeKind::Bands, Some(10.0))]
    );
    assert_eq!(
        legend(&ds, &["a", "b"]),
        vec![
            ("Ayton".to_string(), SchemeKind::Bands, Some(10.0)),
            (
                "Beeton and shared-service indicators".to_string(),
                SchemeKind::Tolerance,
                Some(10.0)
            ),
        ]
    );
    // No shared-service indicator at all: nothing about them.
    let ds = legend_ds(None);
    assert_eq!(
        legend(&ds, &["a", "b", "d"]),
        vec![
            ("Ayton".to_string(), SchemeKind::Bands, Some(10.0)),
            (
                "Beeton and Deeton".to_string(),
                SchemeKind::Tolerance,
                Some(10.0)
            ),
        ]
    );
}

#[test]
fn legend_says_all_councils_only_when_no_council_has_a_scheme() {
    // Beeton and Deeton in view follow the standard rule, but Ayton does not: name them.
    let ds = legend_ds(Some(json!({ "shared": true })));
    assert_eq!(
        legend(&ds, &["b", "d"]),
        vec![(
            "Beeton, Deeton and shared-service indicators".to_string(),
            SchemeKind::Tolerance,
            Some(10.0)
        )]
    );
    // A council filter naming no council in the data: the rule for all councils still shows.
    assert_eq!(
        legend(&ds, &["zz"]),
        vec![(
            "All councils".to_string(),
            SchemeKind::Tolerance,
            Some(10.0)
        )]
    );
    // No council with a scheme of its own: one entry, whatever is in view.
    let mut ds = legend_ds(Some(json!({ "shared": true })));
    for c in ds.councils.iter_mut() {
        c.rag_scheme = None;
    }
    for view in [&[][..], &["a"][..], &["b", "c"][..]] {
        assert_eq!(
            legend(&ds, view),
            vec![(
                "All councils".to_string(),
                SchemeKind::Tolerance,
                Some(10.0)
            )]
        );
    }
}

#[test]
fn a_wrong_kind_names_every_kind_allowed() {
    let all = "tolerance, bands, direction, two_state, no_tolerance, data_only";
    let e = problems(json!({ "kind": "traffic lights" }));
    assert!(e.iter().any(|m| m.ends_with(all)), "{e:?}");
    let e = problems(json!({ "amber_within": { "percent": 5 } }));
    assert!(e.iter().any(|m| m.ends_with(all)), "{e:?}");
    let e = problems(json!({ "kind": 3 }));
    assert!(e.iter().any(|m| m.ends_with(all)), "{e:?}");
}

#[test]
fn the_scheme_form_names_each_kind_in_words() {
    // The choices on "How statuses are worked out", one per published scheme.
    let labels: Vec<&str> = SchemeKind::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(
        labels,
        vec![
            "Amber within a tolerance below target",
            "Green and Amber bands around target",
            "Amber if improved on a year earlier",
            "On track / off track only",
            "No tolerance: any miss is Red",
            "Not rated (data only)",
        ]
    );
}

#[test]
fn blue_is_written_only_when_set() {
    // A scheme without Blue is written back without a "blue" field; with it, "blue": true.
    let plain = ds_with(Value::Null, bands_5_10(), json!({ "values": [] }));
    let json: Value = serde_json::from_str(&plain.to_json()).unwrap();
    assert!(
        json["councils"][0]["rag_scheme"].get("blue").is_none(),
        "{json}"
    );
    let mut blue = bands_5_10();
    blue["blue"] = json!(true);
    let with = ds_with(Value::Null, blue, json!({ "values": [] }));
    let json: Value = serde_json::from_str(&with.to_json()).unwrap();
    assert_eq!(json["councils"][0]["rag_scheme"]["blue"], json!(true));
}
