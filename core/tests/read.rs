//! Reading and validating data files: every kind of problem, found all at once, with its place.

use gt_core::{parse_dataset, Problem};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "format": "golden-thread/1",
        "title": "Test",
        "organisation": "Org",
        "as_of": "2019-09-30",
        "councils": [
            { "id": "havering", "name": "London Borough of Havering", "short": "LBH" },
            { "id": "newham", "name": "London Borough of Newham", "short": "LBN" },
            { "id": "bexley", "name": "London Borough of Bexley", "short": "LBB" }
        ],
        "services": [
            { "id": "ict", "name": "ICT", "councils": ["havering", "newham"] },
            { "id": "exchequer", "name": "Exchequer", "councils": ["havering", "newham", "bexley"] }
        ],
        "priorities": [ { "id": "P1", "title": "Excellent services", "projects": [
            { "id": "P1-1", "title": "Cloud", "service": "ict", "councils": ["newham"], "due": "2022-03-31",
              "updates": [ { "period": "2021-22-Q3", "status": "amber", "commentary": "c" } ] } ] } ],
        "themes": [ { "id": "T1", "title": "Improved operational delivery", "areas": [
            { "id": "A01", "title": "Area", "service": "ict", "priority": "P1", "actions": [
                { "id": "A01-1", "title": "Act", "councils": ["havering"], "due": "2019-12-31",
                  "updates": [ { "period": "2019-20-Q1", "status": "green", "percent_complete": 40 } ] } ] } ] } ],
        "indicators": [
            { "id": "EX-01-LBB", "name": "% of invoices paid within 30 days", "service": "exchequer",
              "council": "bexley", "frequency": "quarterly", "polarity": "higher", "unit": "%",
              "decimals": 1, "tolerance": { "absolute": 2 }, "priority": "P1", "theme": "T1",
              "values": [
                { "period": "2019-20-Q2", "target": 96.5, "actual": 95.2, "reason": "r", "remedial_action": "m" },
                { "period": "2019-20-Q1", "target": 96.5, "actual": 97.0 } ] },
            { "id": "ICT-01-LBH", "name": "% of incidents resolved in SLA", "service": "ict",
              "council": "havering", "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 91 } ] }
        ]
    })
}

fn problems(v: &Value) -> Vec<String> {
    match parse_dataset(&v.to_string()) {
        Ok(_) => vec![],
        Err(ps) => ps.iter().map(Problem::to_string).collect(),
    }
}

fn with(mut v: Value, f: impl FnOnce(&mut Value)) -> Value {
    f(&mut v);
    v
}

#[test]
fn a_good_file_reads_and_sorts_values_by_period() {
    let ds = parse_dataset(&base().to_string()).expect("valid");
    assert_eq!(ds.indicators.len(), 2);
    let periods: Vec<String> = ds.indicators[0]
        .values
        .iter()
        .map(|v| v.period.id())
        .collect();
    assert_eq!(periods, ["2019-20-Q1", "2019-20-Q2"]);
}

#[test]
fn json_syntax_errors_say_where() {
    let e = parse_dataset("{\n  \"format\": \"golden-thread/1\",\n  \"title\": }").unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(
        e[0].to_string()
            .starts_with("line 3, column 12: not valid JSON"),
        "{}",
        e[0]
    );
    let e = parse_dataset("{ \"format\": ").unwrap_err();
    assert!(e[0].message.contains("ends too soon"), "{}", e[0]);
    let e = parse_dataset("[1, 2]").unwrap_err();
    assert!(
        e[0].message.contains("a list where a dataset object"),
        "{}",
        e[0]
    );
    let e = parse_dataset("").unwrap_err();
    assert_eq!(e.len(), 1);
}

#[test]
fn format_missing_misspelt_or_newer() {
    let p = problems(&with(base(), |v| {
        v.as_object_mut().unwrap().remove("format");
    }));
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("format: missing"), "{p:?}");
    let p = problems(&with(base(), |v| v["format"] = json!("golden-thred/1")));
    assert_eq!(p, ["format: \"golden-thred/1\" is not a Golden Thread format (expected \"golden-thread/1\")"]);
    let p = problems(&with(base(), |v| v["format"] = json!("golden-thread/2")));
    assert!(
        p[0].contains("format version 2, newer than this app reads (version 1"),
        "{p:?}"
    );
    let p = problems(&with(base(), |v| v["format"] = json!("golden-thread/one")));
    assert!(
        p[0].contains("not a format version this app reads"),
        "{p:?}"
    );
    let p = problems(&with(base(), |v| v["format"] = json!(1)));
    assert!(p[0].starts_with("format: a number where"), "{p:?}");
}

#[test]
fn every_type_problem_at_once_with_paths() {
    let v = with(base(), |v| {
        v["title"] = json!("");
        v["as_of"] = json!("30/09/2019");
        v["councils"][0]["name"] = json!(null);
        let i = &mut v["indicators"][0];
        i["frequency"] = json!("weekly");
        i["polarity"] = json!("up");
        i["decimals"] = json!(1.5);
        i["key"] = json!("yes");
        i["tolerance"] = json!({ "percent": 10, "absolute": 2 });
        i["values"][0]["period"] = json!("2019-20-Q5");
        i["values"][0]["actual"] = json!("95.2");
        i["values"][1]["target"] = json!([1]);
        i["values"][1]["rag"] = json!("purple");
        v["themes"][0]["areas"][0]["actions"][0]["updates"][0]["percent_complete"] = json!(140);
        v["themes"][0]["areas"][0]["actions"][0]["updates"][0]["status"] = json!("done");
        v["priorities"][0]["projects"][0]["due"] = json!("2022-02-30");
    });
    let p = problems(&v);
    let expect = [
        "title: is empty; it must be given",
        "as_of: \"30/09/2019\" is not a date (expected YYYY-MM-DD, e.g. 2019-09-30)",
        "councils[0].name: missing; it must be given",
        "indicators[0].frequency: \"weekly\" is not one of the allowed words (monthly, quarterly, annual, biennial)",
        "indicators[0].polarity: \"up\" is not one of the allowed words (higher, lower, none)",
        "indicators[0].decimals: 1.5 is not a whole number from 0 to 6",
        "indicators[0].key: text where true or false belongs",
        "indicators[0].tolerance: give either \"percent\" or \"absolute\", not both",
        "indicators[0].values[0].period: \"2019-20-Q5\" is not a period (expected e.g. 2019-20-Q2, 2019-20 or 2019-07)",
        "indicators[0].values[0].actual: \"95.2\" is text; write the number without quotes",
        "indicators[0].values[1].target: a list where a number belongs",
        "indicators[0].values[1].rag: \"purple\" is not one of the allowed words (red, amber, green, no_data, data_only, not_due)",
        "themes[0].areas[0].actions[0].updates[0].status: \"done\" is not one of the allowed words (not_started, green, amber, red, complete)",
        "themes[0].areas[0].actions[0].updates[0].percent_complete: 140 is outside 0–100",
        "priorities[0].projects[0].due: \"2022-02-30\" is not a date (expected YYYY-MM-DD, e.g. 2019-09-30)",
    ];
    for e in expect {
        assert!(
            p.iter().any(|x| x == e),
            "missing {e:?} in\n{}",
            p.join("\n")
        );
    }
    assert_eq!(p.len(), expect.len(), "{}", p.join("\n"));
}

#[test]
fn cross_references_and_duplicates() {
    let v = with(base(), |v| {
        v["indicators"][0]["council"] = json!("hackney");
        v["indicators"][1]["service"] = json!("legal");
        v["indicators"][1]["priority"] = json!("P9");
        v["indicators"][1]["theme"] = json!("T9");
        v["indicators"].as_array_mut().unwrap().push(json!({
            "id": "EX-01-LBB", "name": "dup", "service": "ict", "council": "bexley",
            "frequency": "quarterly", "values": [
                { "period": "2019-20-Q1", "target": 1 },
                { "period": "2019-20-Q1", "actual": 1 },
                { "period": "2019-20-Q2" },
                { "period": "2019-20", "actual": 3 } ] }));
        v["councils"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "id": "newham", "name": "Again" }));
        v["services"][0]["councils"] = json!(["havering", "newham", "croydon"]);
        v["themes"][0]["areas"][0]["priority"] = json!("P7");
        v["themes"][0]["areas"][0]["service"] = json!("hr");
        v["themes"][0]["areas"][0]["actions"][0]["councils"] = json!(["sutton"]);
        v["priorities"][0]["projects"][0]["service"] = json!("payroll");
    });
    let p = problems(&v);
    let expect = [
        "councils[3].id: council id \"newham\" is used twice (first at councils[1])",
        "indicators[2].id: indicator id \"EX-01-LBB\" is used twice (first at indicators[0])",
        "services[0].councils[2]: unknown council \"croydon\" (known: havering, newham, bexley)",
        "priorities[0].projects[0].service: unknown service \"payroll\" (known: ict, exchequer)",
        "themes[0].areas[0].service: unknown service \"hr\" (known: ict, exchequer)",
        "themes[0].areas[0].priority: unknown priority \"P7\" (known: P1)",
        "themes[0].areas[0].actions[0].councils[0]: unknown council \"sutton\" (known: havering, newham, bexley)",
        "indicators[0].council: unknown council \"hackney\" (known: havering, newham, bexley)",
        "indicators[1].service: unknown service \"legal\" (known: ict, exchequer)",
        "indicators[1].priority: unknown priority \"P9\" (known: P1)",
        "indicators[1].theme: unknown theme \"T9\" (known: T1)",
        "indicators[2].service: service \"ict\" is not provided to council \"bexley\" (it serves: havering, newham, croydon)",
        "indicators[2].values[2]: the value for 2019-20-Q2 has neither a target nor an actual",
        "indicators[2].values[3].period: 2019-20 is not a quarterly period (a quarterly indicator takes periods like 2019-20-Q2)",
        "indicators[2].values[1].period: period 2019-20-Q1 appears twice",
    ];
    for e in expect {
        assert!(
            p.iter().any(|x| x == e),
            "missing {e:?} in\n{}",
            p.join("\n")
        );
    }
    assert_eq!(p.len(), expect.len(), "{}", p.join("\n"));
}

#[test]
fn unknown_fields_are_kept_on_round_trip() {
    let v = with(base(), |v| {
        v["x_publisher"] = json!({ "contact": "team@example.org" });
        v["indicators"][0]["x_source"] = json!("ledger");
        v["indicators"][0]["values"][0]["x_confidence"] = json!(0.9);
        v["themes"][0]["areas"][0]["actions"][0]["x_ref"] = json!([1, 2]);
    });
    let ds = parse_dataset(&v.to_string()).expect("valid");
    let out: Value = serde_json::from_str(&ds.to_json()).unwrap();
    assert_eq!(out["x_publisher"], json!({ "contact": "team@example.org" }));
    assert_eq!(out["indicators"][0]["x_source"], json!("ledger"));
    // Values were sorted: the Q2 value (with x_confidence) is now second.
    assert_eq!(
        out["indicators"][0]["values"][1]["x_confidence"],
        json!(0.9)
    );
    assert_eq!(
        out["themes"][0]["areas"][0]["actions"][0]["x_ref"],
        json!([1, 2])
    );
    let again = parse_dataset(&ds.to_json()).expect("valid again");
    assert_eq!(again, ds);
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", base());
    assert!(parse_dataset(&text).is_ok());
}

// ------------------------------------------------------------------------------------------
// Financial years whose YYYY-YY spelling is also a month (2009-10 is October 2009)

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn annual_values_for_2009_10_to_2011_12_written_the_v1_way_load_as_years() {
    use gt_core::{validate, Period};
    let ds = parse_dataset(&fixture("annual-2009-10-to-2011-12.json")).expect("valid");
    assert!(validate(&ds).is_empty(), "{:?}", validate(&ds));
    let annual = ds.indicator("CT-01").unwrap();
    let periods: Vec<Period> = annual.values.iter().map(|v| v.period).collect();
    assert_eq!(
        periods,
        [
            Period::Year { fy: 2009 },
            Period::Year { fy: 2010 },
            Period::Year { fy: 2011 }
        ]
    );
    let labels: Vec<String> = annual.values.iter().map(|v| v.period.label()).collect();
    assert_eq!(
        labels,
        [
            "2009/10 (April 2009–March 2010)",
            "2010/11 (April 2010–March 2011)",
            "2011/12 (April 2011–March 2012)"
        ]
    );
    assert_eq!(annual.values[1].actual, Some(96.8));
    assert_eq!(
        annual.values[1].commentary.as_deref(),
        Some("Best year yet")
    );
    // In the same file, a monthly indicator's 2010-11 is November 2010.
    let monthly = ds.indicator("CT-02").unwrap();
    assert_eq!(
        monthly.values.iter().map(|v| v.period).collect::<Vec<_>>(),
        [
            Period::Month {
                year: 2010,
                month: 11
            },
            Period::Month {
                year: 2010,
                month: 12
            }
        ]
    );
    // Saved, the years are written 2009/10, 2010/11, 2011/12, and read back the same.
    let saved = ds.to_json();
    for id in ["\"2009/10\"", "\"2010/11\"", "\"2011/12\"", "\"2010-11\""] {
        assert!(saved.contains(id), "{id} in {saved}");
    }
    assert!(!saved.contains("\"2009-10\"") && !saved.contains("\"2011-12\""));
    let again = parse_dataset(&saved).expect("what the app writes, it reads");
    assert_eq!(again, ds);
}

#[test]
fn a_year_written_both_ways_is_one_period() {
    let v = with(base(), |v| {
        v["indicators"][1]["frequency"] = json!("annual");
        v["indicators"][1]["values"] = json!([
            { "period": "2010-11", "target": 90, "actual": 91 },
            { "period": "2010/11", "actual": 92 },
            { "period": "2011/2012", "actual": 93 },
            { "period": "2010-07", "actual": 94 }
        ]);
    });
    assert_eq!(
        problems(&v),
        [
            "indicators[1].values[3].period: 2010-07 is not a yearly period (a annual indicator takes periods like 2019-20)",
            "indicators[1].values[1].period: period 2010/11 appears twice"
        ]
    );
}
