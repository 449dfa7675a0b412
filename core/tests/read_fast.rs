//! The fast path of reading (`gt_core::read::parse_quickly`) against the slow path
//! (`parse_slowly`, every problem with its path): for every file the fast path reads, the
//! dataset is the slow path's; every file it must not read (a problem, a lenient reading, an
//! unknown field) it refuses, and then what the user sees is the slow path's answer.

use gt_core::read::{parse_quickly, parse_slowly};
use gt_core::{parse_dataset, Dataset};
use serde_json::{json, Value};

/// Reads `text` both ways; the fast path must read it and give the slow path's dataset.
fn read_fast(text: &str) -> Dataset {
    let Some(fast) = parse_quickly(text) else {
        panic!(
            "the fast path reads a clean file: {:?}",
            parse_slowly(text).err()
        );
    };
    assert_eq!(parse_slowly(text), Ok(fast.clone()), "fast and slow differ");
    assert_eq!(parse_dataset(text), Ok(fast.clone()));
    fast
}

/// The fast path must refuse `text`; the app then gives exactly the slow path's answer.
fn refused(text: &str) {
    assert!(
        parse_quickly(text).is_none(),
        "the fast path should refuse: {text}"
    );
    assert_eq!(parse_dataset(text), parse_slowly(text));
}

fn fixture(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).expect(path)
}

#[test]
fn every_fixture_and_the_built_in_file_read_the_same_both_ways() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for entry in std::fs::read_dir(root.join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            read_fast(&std::fs::read_to_string(&path).unwrap());
            read += 1;
        }
    }
    assert!(read >= 3, "the JSON fixtures were found");
    let ds = read_fast(&fixture("../public/data/onesource.json"));
    assert!(ds.indicators.len() > 100);
    // With a byte order mark, as some editors save it.
    read_fast(&format!(
        "\u{feff}{}",
        fixture("../public/data/onesource.json")
    ));
}

/// A small file with every form an indicator may take: each kind of scope, frequency and
/// period, values out of order, nulls for absent fields, words with spaces around them,
/// unusual numbers, a scheme of its own, and fields the app does not know elsewhere in the file.
fn varied(n: usize) -> Value {
    let councils = ["ashford", "brook", "castle"];
    let mut indicators = Vec::new();
    for i in 0..n {
        let (frequency, periods): (&str, Vec<&str>) = match i % 4 {
            0 => ("quarterly", vec!["2019-20-Q3", "2019-20-Q1", "2019-20-Q2"]),
            1 => ("monthly", vec!["2010-11", "2010-10", "2019-04"]),
            2 => ("annual", vec!["2010-11", "2009-10", "2011/12"]),
            _ => (" biennial ", vec!["2018-19", "2016-17"]),
        };
        let values: Vec<Value> = periods
            .iter()
            .enumerate()
            .map(|(j, p)| {
                let mut v = json!({ "period": p, "target": 90 + j, "actual": 88.25 - j as f64 });
                match (i + j) % 6 {
                    0 => v["rag"] = json!(" red "),
                    1 => v["rag_justification"] = json!("Set by hand \u{2013} see \"notes\"\n"),
                    2 => v["actual"] = Value::Null,
                    3 => v["commentary"] = json!("Ça va: 😀"),
                    4 => v["target"] = json!(1e-7),
                    _ => v["reason"] = json!(""),
                }
                v
            })
            .collect();
        let mut ind = json!({
            "id": format!("IND-{i:04}"),
            "name": format!("Indicator {i}"),
            "service": if i % 2 == 0 { "all" } else { "two" },
            "frequency": frequency,
            "values": values,
        });
        match i % 5 {
            0 => {
                ind["council"] = json!(councils[i % 2]);
                if i == 0 {
                    ind["definition"] = json!("D1");
                }
            }
            1 => ind["shared"] = json!(true),
            2 => ind["councils"] = json!(["brook", "ashford"]),
            3 => {
                ind["councils"] = json!(["ashford"]);
                ind["shared"] = json!(true);
            }
            _ => {
                ind["council"] = json!("brook");
                ind["shared"] = json!(false);
            }
        }
        match i % 7 {
            0 => ind["polarity"] = json!("lower"),
            1 => ind["polarity"] = json!(" higher"),
            2 => ind["polarity"] = Value::Null,
            3 => ind["polarity"] = json!("none"),
            _ => {}
        }
        match i % 3 {
            0 => {
                ind["decimals"] = json!(2);
                ind["unit"] = json!("%");
                ind["tolerance"] = json!({ "absolute": 1.5 });
                ind["key"] = json!(true);
            }
            1 => {
                ind["decimals"] = json!(0.0);
                ind["tolerance"] = json!({ "percent": 0 });
                ind["measure"] = json!("cumulative");
                ind["key"] = Value::Null;
                ind["description"] = json!("Counted from 1 April");
            }
            _ => {
                ind["rag_scheme"] = json!({ "kind": "data_only" });
                ind["owner"] = json!("Head of service");
                ind["priority"] = json!("P1");
                ind["theme"] = json!("T1");
                ind["area"] = json!("A1");
                ind["values"] = Value::Null;
            }
        }
        indicators.push(ind);
    }
    json!({
        "format": " golden-thread/1 ",
        "title": "Varied",
        "organisation": "Test",
        "published_by": { "kept": ["as", "it", "is"] },
        "as_of": "2020-03-31",
        "default_tolerance": { "percent": 5 },
        "councils": [
            { "id": "ashford", "name": "Ashford", "short": "ASH", "colour": "teal" },
            { "id": "brook", "name": "Brook" },
            { "id": "castle", "name": "Castle" }
        ],
        "services": [
            { "id": "all", "name": "All", "councils": ["ashford", "brook", "castle"] },
            { "id": "two", "name": "Two", "councils": ["ashford", "brook"] }
        ],
        "definitions": [ { "id": "D1", "name": "The measure" } ],
        "priorities": [ { "id": "P1", "title": "Priority", "projects": [] } ],
        "themes": [ { "id": "T1", "title": "Theme", "areas": [
            { "id": "A1", "title": "Area", "actions": [] } ] } ],
        "indicators": indicators,
        "covering_reports": [ { "period": "2019-20-Q4", "subject": "Performance" } ]
    })
}

#[test]
fn a_generated_file_with_every_form_reads_the_same_both_ways() {
    let v = varied(420);
    let ds = read_fast(&v.to_string());
    assert_eq!(ds.indicators.len(), 420);
    // Pretty-printed, as people save files, too.
    read_fast(&serde_json::to_string_pretty(&v).unwrap());
    // The fields it does not know outside the indicators are kept, as the slow path keeps them.
    assert!(ds.extra.contains_key("published_by"));
    assert!(ds.councils[0].extra.contains_key("colour"));
}

/// The varied file with one indicator changed by `f`.
fn changed(f: impl FnOnce(&mut Value)) -> String {
    let mut v = varied(10);
    f(&mut v["indicators"][3]);
    v.to_string()
}

#[test]
fn the_fast_path_refuses_what_the_slow_path_complains_about() {
    refused(&changed(|i| i["id"] = json!("  ")));
    refused(&changed(|i| {
        i.as_object_mut().unwrap().remove("name");
    }));
    refused(&changed(|i| i["frequency"] = json!("weekly")));
    refused(&changed(|i| i["polarity"] = json!("up")));
    refused(&changed(|i| i["measure"] = json!("total")));
    refused(&changed(|i| i["decimals"] = json!(1.5)));
    refused(&changed(|i| i["decimals"] = json!(7)));
    refused(&changed(|i| {
        i["tolerance"] = json!({ "percent": 5, "absolute": 1 })
    }));
    refused(&changed(|i| i["tolerance"] = json!({ "percent": -5 })));
    refused(&changed(|i| i["tolerance"] = json!({})));
    refused(&changed(|i| i["rag_scheme"] = json!({ "kind": "rainbow" })));
    refused(&changed(|i| i["key"] = json!("yes")));
    refused(&changed(|i| i["values"][0]["period"] = json!("2019-20-Q5")));
    refused(&changed(|i| i["values"][0]["target"] = json!("95")));
    refused(&changed(|i| i["values"][0]["rag"] = json!("purple")));
    refused(&changed(|i| i["values"] = json!({})));
    refused(&changed(|i| i["values"] = json!([1, 2])));
    refused(&changed(|i| i["service"] = json!("nowhere")));
    // Whose an indicator is, written in a way the slow path names as a problem.
    refused(&changed(|i| i["council"] = json!("brook")));
    refused(&changed(|i| {
        i.as_object_mut().unwrap().remove("councils");
        i.as_object_mut().unwrap().remove("shared");
    }));
    refused(&changed(|i| {
        i["councils"] = json!([]);
    }));
    refused(&changed(|i| i["councils"] = json!(["ashford", "ashford"])));
    refused(&changed(|i| i["councils"] = json!(["ashford", " "])));
    refused(&changed(|i| {
        i["shared"] = json!(false);
    }));
    refused(&changed(|i| {
        i.as_object_mut().unwrap().remove("councils");
        i["shared"] = json!(false);
    }));
    // Not a dataset at all.
    refused("");
    refused("[1, 2]");
    refused("{ \"format\": \"golden-thread/1\", ");
    refused(&fixture("tests/fixtures/analysis.json").replace("golden-thread/1", "golden-thread/2"));
    refused(&fixture("tests/fixtures/analysis.json").replacen(
        "\"indicators\"",
        "\"indicatorz\"",
        1,
    ));
}

#[test]
fn the_fast_path_leaves_lenient_readings_to_the_slow_path() {
    // Each of these reads without a problem, but only the slow path reads it so: a number
    // where text belongs becomes the text, unknown fields are kept, the last of two keys wins.
    let lenient = [
        changed(|i| i["name"] = json!(5)),
        changed(|i| i["values"][0]["commentary"] = json!(12.5)),
        changed(|i| i["colour"] = json!("teal")),
        changed(|i| i["values"][0]["source"] = json!("ledger")),
        changed(|i| i["tolerance"] = json!({ "percent": 5, "note": "agreed" })),
        varied(10)
            .to_string()
            .replacen("\"indicators\":", "\"indicators\":[],\"indicators\":", 1),
    ];
    for text in lenient {
        refused(&text);
        assert!(parse_slowly(&text).is_ok(), "{text}");
    }
}
