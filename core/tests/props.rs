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

fn arb_value_entry() -> impl Strategy<
    Value = (
        u8,
        Option<f64>,
        Option<f64>,
        Option<String>,
        Option<String>,
        Option<&'static str>,
    ),
> {
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
