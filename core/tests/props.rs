//! Property tests: reading never panics on any input, and what the app writes it reads back
//! with the same meaning.

use gt_core::parse_dataset;
use proptest::prelude::*;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("golden-thread/1"),
            Just("2019-20-Q2"),
            Just("2019-20"),
            Just("2019-07"),
            Just("havering"),
            Just("ict"),
            Just("quarterly"),
            Just("higher"),
            Just("green"),
            Just("P1"),
            Just("T1"),
            Just("2019-09-30"),
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("format"),
                        Just("title"),
                        Just("organisation"),
                        Just("councils"),
                        Just("services"),
                        Just("indicators"),
                        Just("values"),
                        Just("period"),
                        Just("target"),
                        Just("actual"),
                        Just("id"),
                        Just("name"),
                        Just("council"),
                        Just("service"),
                        Just("tolerance"),
                        Just("percent"),
                        Just("themes"),
                        Just("areas"),
                        Just("actions"),
                        Just("updates"),
                        Just("status"),
                    ]
                    .prop_map(String::from),
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_dataset(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(v in arb_json()) {
        let _ = parse_dataset(&v.to_string());
        // And as a dataset body with the right format.
        let mut o = serde_json::Map::new();
        o.insert("format".into(), json!("golden-thread/1"));
        if let Value::Object(m) = v { o.extend(m); } else { o.insert("indicators".into(), v); }
        let _ = parse_dataset(&Value::Object(o).to_string());
    }
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[ -~\u{a3}\u{2013}\"\\\\<>\n]{0,24}")
}

/// A value's period index, target, actual, commentary, reason and status set by hand.
type ValueEntry = (
    u8,
    Option<f64>,
    Option<f64>,
    Option<String>,
    Option<String>,
    Option<&'static str>,
);

fn arb_value_entry() -> impl Strategy<Value = ValueEntry> {
    (
        0u8..8,
        prop::option::of(-1.0e9f64..1.0e9),
        prop::option::of(-1.0e9f64..1.0e9),
        opt_text(),
        opt_text(),
        prop::option::of(prop_oneof![
            Just("red"),
            Just("amber"),
            Just("green"),
            Just("not_due")
        ]),
    )
}

fn arb_dataset() -> impl Strategy<Value = Value> {
    let indicator = (
        "[a-z]{1,6}",
        prop_oneof![Just("higher"), Just("lower"), Just("none")],
        prop::option::of(prop_oneof![
            (0.0f64..50.0).prop_map(|p| json!({ "percent": p })),
            (0.0f64..50.0).prop_map(|a| json!({ "absolute": a })),
        ]),
        prop::option::of(0u8..4),
        any::<bool>(),
        prop::collection::vec(arb_value_entry(), 0..6),
        prop::option::of(".{0,10}"),
    );
    (prop::collection::vec(indicator, 0..8), opt_text()).prop_map(|(inds, desc)| {
        let periods = [
            "2018-19-Q1",
            "2018-19-Q2",
            "2018-19-Q3",
            "2018-19-Q4",
            "2019-20-Q1",
            "2019-20-Q2",
            "2019-20-Q3",
            "2019-20-Q4",
        ];
        let indicators: Vec<Value> = inds
            .into_iter()
            .enumerate()
            .map(|(n, (name, pol, tol, dec, key, vals, extra))| {
                let mut seen = std::collections::HashSet::new();
                let values: Vec<Value> = vals
                    .into_iter()
                    .filter(|v| seen.insert(v.0))
                    .filter(|v| v.1.is_some() || v.2.is_some() || v.5.is_some())
                    .map(|(p, t, a, c, r, rag)| {
                        let mut o = json!({ "period": periods[p as usize] });
                        if let Some(t) = t {
                            o["target"] = json!(t);
                        }
                        if let Some(a) = a {
                            o["actual"] = json!(a);
                        }
                        if let Some(c) = c {
                            o["commentary"] = json!(c);
                        }
                        if let Some(r) = r {
                            o["reason"] = json!(r);
                        }
                        if let Some(g) = rag {
                            o["rag"] = json!(g);
                            o["rag_justification"] = json!("agreed at DMT");
                        }
                        o
                    })
                    .collect();
                let mut i = json!({
                    "id": format!("I{n}"), "name": name, "service": "ict",
                    "council": if n % 2 == 0 { "havering" } else { "newham" },
                    "frequency": "quarterly", "polarity": pol, "key": key, "values": values,
                });
                if let Some(t) = tol {
                    i["tolerance"] = t;
                }
                if let Some(d) = dec {
                    i["decimals"] = json!(d);
                }
                if let Some(x) = extra {
                    i["x_note"] = json!(x);
                }
                i
            })
            .collect();
        let mut d = json!({
            "format": "golden-thread/1", "title": "T", "organisation": "O",
            "councils": [ { "id": "havering", "name": "H" }, { "id": "newham", "name": "N" } ],
            "services": [ { "id": "ict", "name": "ICT", "councils": ["havering", "newham"] } ],
            "indicators": indicators,
        });
        if let Some(desc) = desc {
            d["description"] = json!(desc);
        }
        d
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A JSON file saved by the app and loaded again is identical in meaning.
    #[test]
    fn saved_and_loaded_again_is_the_same(v in arb_dataset()) {
        let ds = parse_dataset(&v.to_string()).expect("generated datasets are valid");
        let saved = ds.to_json();
        let again = parse_dataset(&saved).expect("what the app writes, it reads");
        prop_assert_eq!(&again, &ds);
        prop_assert_eq!(again.to_json(), saved);
    }
}

// ------------------------------------------------------------------------------------------
// Periods: what the app writes is read back as itself, whatever the year.

fn arb_period() -> impl Strategy<Value = gt_core::Period> {
    use gt_core::Period;
    prop_oneof![
        (1990i32..=2100, 1u8..=4).prop_map(|(fy, q)| Period::Quarter { fy, q }),
        (1990i32..=2100).prop_map(|fy| Period::Year { fy }),
        (1990i32..=2100, 1u8..=12).prop_map(|(year, month)| Period::Month { year, month }),
    ]
}

/// The frequencies whose indicators take this kind of period.
fn frequencies_of(p: &gt_core::Period) -> &'static [gt_core::Frequency] {
    use gt_core::{Frequency, Period};
    match p {
        Period::Quarter { .. } => &[Frequency::Quarterly],
        Period::Year { .. } => &[Frequency::Annual, Frequency::Biennial],
        Period::Month { .. } => &[Frequency::Monthly],
    }
}

fn reads_back_as_itself(p: gt_core::Period) -> Result<(), TestCaseError> {
    use gt_core::Period;
    let written = p.to_string();
    prop_assert_eq!(Period::parse(&written), Ok(p), "{} by parse", written);
    prop_assert_eq!(p.id(), written.clone());
    for &f in frequencies_of(&p) {
        prop_assert_eq!(
            Period::parse_for(&written, f),
            Ok(p),
            "{} by parse_for {:?}",
            written,
            f
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Every period, written and read back (with no context, and by its own frequency), is
    /// itself: a financial year and a month never read as each other.
    #[test]
    fn every_period_written_reads_back_as_itself(p in arb_period()) {
        reads_back_as_itself(p)?;
    }

    /// An annual indicator's value saved to a file and loaded again keeps its year; one in a
    /// file written the v1 way (`2010-11` for 2010/11) loads as the year too.
    #[test]
    fn an_annual_value_keeps_its_year(fy in 1990i32..=2100, actual in -1.0e6f64..1.0e6) {
        let dash = format!("{}-{:02}", fy, (fy + 1) % 100);
        let v = json!({
            "format": "golden-thread/1", "title": "T", "organisation": "O",
            "councils": [ { "id": "c", "name": "C" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["c"] } ],
            "indicators": [
                { "id": "A", "name": "A", "service": "s", "council": "c", "frequency": "annual",
                  "values": [ { "period": dash, "actual": actual } ] },
                { "id": "B", "name": "B", "service": "s", "council": "c", "frequency": "biennial",
                  "values": [ { "period": dash, "actual": actual } ] }
            ]
        });
        let ds = parse_dataset(&v.to_string()).expect("valid");
        for ind in &ds.indicators {
            prop_assert_eq!(ind.values[0].period, gt_core::Period::Year { fy });
        }
        let again = parse_dataset(&ds.to_json()).expect("what the app writes, it reads");
        prop_assert_eq!(again, ds);
    }
}

/// The same, for every period from 1990 to 2100 (about 1,900 of them), not a sample.
#[test]
fn every_period_from_1990_to_2100_reads_back_as_itself() {
    use gt_core::Period;
    let mut n = 0;
    for fy in 1990..=2100 {
        let mut all = vec![Period::Year { fy }];
        all.extend((1..=4).map(|q| Period::Quarter { fy, q }));
        all.extend((1..=12).map(|month| Period::Month { year: fy, month }));
        for p in all {
            reads_back_as_itself(p).unwrap();
            n += 1;
        }
    }
    assert_eq!(n, 111 * 17);
}
