//! Shared-service indicators: indicators of the shared service as a whole (`"shared": true`) or
//! of some councils (`"councils": [...]`), shown in every council's view they are for and
//! counted in no council's figures. Reading (format v1 and the new fields), problems with their
//! paths, writing back, the engine's answers, the list's filter, the pack and CSV returns.
//!
//! Expected values are worked out by hand from the small dataset written here.

use gt_core::csv::{export_all, import_csv, scope_cell, shared_cell};
use gt_core::engine::Engine;
use gt_core::filter::{apply, IndicatorQuery, SearchIndex};
use gt_core::pack::Pack;
use gt_core::report::PackQuery;
use gt_core::route::Location;
use gt_core::summary::RagCounts;
use gt_core::*;
use serde_json::{json, Value};

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// Three councils; two services; each council has its own indicators, and three are shared:
/// "sat" for every council, "ct" for Havering only, "nn" for Havering and Newham.
fn file() -> Value {
    json!({
        "format": "golden-thread/1", "title": "t", "organisation": "oneSource",
        "councils": [ { "id": "havering", "name": "Havering", "short": "LBH" },
                      { "id": "newham", "name": "Newham", "short": "LBN" },
                      { "id": "bexley", "name": "Bexley", "short": "LBB" } ],
        "services": [ { "id": "ex", "name": "Exchequer", "councils": ["havering", "newham", "bexley"] },
                      { "id": "ctb", "name": "Council Tax", "councils": ["havering"] } ],
        "indicators": [
            { "id": "h1", "name": "H one", "service": "ex", "council": "havering", "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 95 } ] },
            { "id": "h2", "name": "H two", "service": "ctb", "council": "havering", "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 70, "reason": "r", "remedial_action": "m" } ] },
            { "id": "n1", "name": "N one", "service": "ex", "council": "newham", "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 85 } ] },
            { "id": "b1", "name": "B one", "service": "ex", "council": "bexley", "frequency": "quarterly", "polarity": "lower",
              "values": [ { "period": "2019-20-Q2", "target": 10, "actual": 9 } ] },
            { "id": "sat", "name": "Customer satisfaction", "service": "ex", "shared": true, "key": true,
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 80, "actual": 60, "reason": "r", "remedial_action": "m" } ] },
            { "id": "ct", "name": "Council Tax collected", "service": "ctb", "councils": ["havering"], "key": true,
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 50, "actual": 48 } ] },
            { "id": "nn", "name": "Business rates collected", "service": "ex", "shared": true, "councils": ["havering", "newham"],
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 50, "actual": 52 } ] }
        ]
    })
}

fn ds() -> Dataset {
    parse_dataset(&file().to_string()).unwrap()
}

/// The problems a changed file gives, as "path: message".
fn problems(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = file();
    change(&mut v);
    parse_dataset(&v.to_string())
        .expect_err("the file has problems")
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn reads_the_council_the_shared_service_and_a_list_of_councils() {
    let d = ds();
    let scope = |id: &str| d.indicator(id).unwrap().scope.clone();
    assert_eq!(scope("h1"), Scope::Council("havering".into()));
    assert_eq!(scope("sat"), Scope::SharedAll);
    assert_eq!(scope("ct"), Scope::Shared(vec!["havering".into()]));
    // "shared": true beside the list says the same thing.
    assert_eq!(
        scope("nn"),
        Scope::Shared(vec!["havering".into(), "newham".into()])
    );
    let sat = d.indicator("sat").unwrap();
    assert!(sat.is_shared() && sat.serves("bexley") && !sat.is_own("bexley"));
    let ct = d.indicator("ct").unwrap();
    assert!(ct.serves("havering") && !ct.serves("newham") && !ct.is_own("havering"));
    let h1 = d.indicator("h1").unwrap();
    assert!(!h1.is_shared() && h1.is_own("havering") && !h1.serves("newham"));
    assert_eq!(h1.scope.council(), Some("havering"));
    assert_eq!(sat.scope.council(), None);
    // In words, where a council's name would be.
    assert_eq!(d.scope_name(&h1.scope), "Havering");
    assert_eq!(d.scope_name(&sat.scope), "Shared service");
    assert_eq!(d.scope_name(&ct.scope), "Shared service (Havering only)");
    assert_eq!(
        d.scope_name(&d.indicator("nn").unwrap().scope),
        "Shared service (Havering and Newham only)"
    );
    assert_eq!(d.scope_short(&h1.scope), "LBH");
    assert_eq!(d.scope_short(&sat.scope), "Shared");
    assert_eq!(
        d.scope_short(&d.indicator("nn").unwrap().scope),
        "Shared (LBH, LBN)"
    );
    assert_eq!(d.councils_served(&ct.scope), ["havering"]);
    assert_eq!(
        d.councils_served(&sat.scope),
        ["havering", "newham", "bexley"]
    );
}

#[test]
fn a_v1_file_reads_and_writes_exactly_as_before() {
    // Only "council": every indicator is that council's own, written back the same way.
    let mut v = file();
    let inds = v["indicators"].as_array_mut().unwrap();
    inds.truncate(4);
    let d = parse_dataset(&v.to_string()).unwrap();
    assert!(d.indicators.iter().all(|i| !i.is_shared()));
    let written: Value = serde_json::from_str(&d.to_json()).unwrap();
    for (i, ind) in written["indicators"].as_array().unwrap().iter().enumerate() {
        assert_eq!(ind["council"], v["indicators"][i]["council"]);
        assert!(ind.get("shared").is_none() && ind.get("councils").is_none());
        // The council stays where it was, after the service.
        let keys: Vec<&str> = ind
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            &keys[..5],
            ["id", "name", "service", "council", "frequency"]
        );
    }
}

#[test]
fn shared_indicators_are_written_back_with_the_same_meaning() {
    let d = ds();
    let text = d.to_json();
    let written: Value = serde_json::from_str(&text).unwrap();
    let ind = |id: &str| {
        written["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(ind("sat")["shared"], json!(true));
    assert!(ind("sat").get("council").is_none() && ind("sat").get("councils").is_none());
    assert_eq!(ind("ct")["councils"], json!(["havering"]));
    assert!(ind("ct").get("council").is_none() && ind("ct").get("shared").is_none());
    // "shared": true with a list is written as the list alone: the same meaning.
    assert_eq!(ind("nn")["councils"], json!(["havering", "newham"]));
    assert!(ind("nn").get("shared").is_none());
    assert_eq!(parse_dataset(&text).unwrap(), d);
}

#[test]
fn every_problem_with_whose_indicator_it_is_has_its_path() {
    // An unknown council in the list, and one listed twice.
    assert_eq!(
        problems(|v| v["indicators"][5]["councils"] = json!(["havering", "hackney"])),
        ["indicators[5].councils[1]: unknown council \"hackney\" (known: havering, newham, bexley)"]
    );
    assert_eq!(
        problems(|v| v["indicators"][6]["councils"] = json!(["newham", "havering", "newham"])),
        ["indicators[6].councils[2]: council \"newham\" is listed twice"]
    );
    // Both forms at once.
    assert_eq!(
        problems(|v| v["indicators"][4]["council"] = json!("havering")),
        ["indicators[4].council: given together with \"shared\": give either \"council\" (one council's own indicator) or \"shared\": true / \"councils\": [\"…\"] (a shared-service indicator), not both"]
    );
    assert_eq!(
        problems(|v| v["indicators"][5]["council"] = json!("havering")),
        ["indicators[5].council: given together with \"councils\": give either \"council\" (one council's own indicator) or \"shared\": true / \"councils\": [\"…\"] (a shared-service indicator), not both"]
    );
    // A list, but "shared": false.
    assert_eq!(
        problems(|v| v["indicators"][5]["shared"] = json!(false)),
        ["indicators[5].shared: is false, but a \"councils\" list makes a shared-service indicator: leave out \"shared\" (or set it to true), or give one council's own indicator as \"council\": \"…\""]
    );
    // An empty list; a list of the wrong kind; "shared" not true or false.
    assert_eq!(
        problems(|v| v["indicators"][5]["councils"] = json!([])),
        ["indicators[5].councils: is empty: name the councils this shared-service indicator is for, or write \"shared\": true for every council"]
    );
    assert_eq!(
        problems(|v| v["indicators"][5]["councils"] = json!("havering")),
        ["indicators[5].councils: text where a list [\"…\"] belongs"]
    );
    assert_eq!(
        problems(|v| v["indicators"][4]["shared"] = json!("yes")),
        [
            "indicators[4].shared: text where true or false belongs",
            "indicators[4].council: missing; give the council whose indicator this is, or \"shared\": true for a shared-service indicator"
        ]
    );
    // Neither form.
    assert_eq!(
        problems(|v| {
            v["indicators"][0].as_object_mut().unwrap().remove("council");
        }),
        ["indicators[0].council: missing; give the council whose indicator this is, or \"shared\": true for a shared-service indicator"]
    );
    assert_eq!(
        problems(|v| {
            v["indicators"][0].as_object_mut().unwrap().remove("council");
            v["indicators"][0]["shared"] = json!(false);
        }),
        ["indicators[0].council: missing: \"shared\" is false, so say which council's own indicator this is (\"council\": \"…\")"]
    );
    // "shared": false beside a council is simply that council's.
    let mut v = file();
    v["indicators"][0]["shared"] = json!(false);
    assert_eq!(
        parse_dataset(&v.to_string()).unwrap().indicators[0].scope,
        Scope::Council("havering".into())
    );
    // The service must be provided to at least one council the indicator is for.
    assert_eq!(
        problems(|v| v["indicators"][5]["councils"] = json!(["newham", "bexley"])),
        ["indicators[5].service: service \"ctb\" is not provided to any council this shared-service indicator is for (newham, bexley; it serves: havering)"]
    );
    // One that covers councils its service does not serve (Council Tax for Havering and
    // Bexley) is fine: the shared service reports it.
    let mut v = file();
    v["indicators"][5]["councils"] = json!(["havering", "bexley"]);
    assert!(parse_dataset(&v.to_string()).is_ok());
    // A council's own indicator is checked as before.
    assert_eq!(
        problems(|v| v["indicators"][3]["service"] = json!("ctb")),
        ["indicators[3].service: service \"ctb\" is not provided to council \"bexley\" (it serves: havering)"]
    );
}

#[test]
fn the_engine_counts_a_councils_own_and_shows_the_shared_ones_for_it() {
    let d = ds();
    let e = Engine::new(&d, p("2019-20-Q2"));
    let ids = |v: Vec<&Indicator>| v.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(e.council_indicators("havering")), ["h1", "h2"]);
    assert_eq!(ids(e.council_indicators("bexley")), ["b1"]);
    assert_eq!(
        ids(e.indicators_for("havering")),
        ["h1", "h2", "sat", "ct", "nn"]
    );
    assert_eq!(ids(e.indicators_for("newham")), ["n1", "sat", "nn"]);
    assert_eq!(ids(e.indicators_for("bexley")), ["b1", "sat"]);
    assert_eq!(ids(e.shared_indicators()), ["sat", "ct", "nn"]);
    // By hand: h1 95/90 Green, h2 70/90 Red; n1 85/90 (10% = 9) Amber; b1 9/10 (lower) Green.
    let by: Vec<(&str, RagCounts)> = e
        .council_counts()
        .into_iter()
        .map(|(c, n)| (c.id.as_str(), n))
        .collect();
    let rc = |green, amber, red| RagCounts {
        green,
        amber,
        red,
        ..RagCounts::default()
    };
    assert_eq!(
        by,
        [
            ("havering", rc(1, 0, 1)),
            ("newham", rc(0, 1, 0)),
            ("bexley", rc(1, 0, 0))
        ]
    );
    // Shared: sat 60/80 (10% = 8) Red; ct 48/50 (10% = 5) Amber; nn 52/50 Green.
    assert_eq!(e.shared_counts(), rc(1, 1, 1));
    // Exceptions: Red first, each by council, the shared service's after every council's.
    let ex: Vec<&str> = e
        .exceptions(|_| true)
        .iter()
        .map(|x| x.indicator.id.as_str())
        .collect();
    assert_eq!(ex, ["h2", "sat", "n1", "ct"]);
    // Key indicators for Newham: only those shared with it.
    let keys: Vec<&str> = e
        .key_indicators(|i| i.serves("newham"))
        .iter()
        .map(|k| k.indicator.id.as_str())
        .collect();
    assert_eq!(keys, ["sat"]);
}

#[test]
fn the_list_for_a_council_holds_its_own_and_the_shared_ones_and_says_so() {
    let d = ds();
    let idx = SearchIndex::new(&d);
    let view = |hash: &str| {
        let (q, notes) = IndicatorQuery::from_location(&Location::parse(hash), &d);
        assert!(notes.is_empty(), "{notes:?}");
        let f = apply(&d, &idx, &q, Some(p("2019-20-Q2")));
        let ids: Vec<String> = f
            .rows
            .iter()
            .map(|r| d.indicators[r.index].id.clone())
            .collect();
        (ids, f.split(&d, &q), f.split_words(&d, &q))
    };
    let (ids, split, words) = view("#/indicators?council=newham");
    assert_eq!(ids, ["n1", "sat", "nn"]);
    assert_eq!(split, (vec![("Newham".to_string(), 1)], 2));
    assert_eq!(
        words.as_deref(),
        Some("Of these, 1 is Newham's own indicator and 2 are shared-service indicators.")
    );
    let (ids, _, words) = view("#/indicators?council=havering,bexley");
    assert_eq!(ids, ["h1", "h2", "b1", "sat", "ct", "nn"]);
    assert_eq!(
        words.as_deref(),
        Some("Of these, 2 are Havering's own indicators, 1 is Bexley's own indicator and 3 are shared-service indicators.")
    );
    let (ids, split, _) = view("#/indicators");
    assert_eq!(ids.len(), 7);
    assert_eq!(
        split,
        (
            vec![
                ("Havering".to_string(), 2),
                ("Newham".to_string(), 1),
                ("Bexley".to_string(), 1)
            ],
            3
        )
    );
    // No shared indicator among the rows: nothing to say.
    assert_eq!(view("#/indicators?council=newham&key=0&q=N+one").2, None);
    // Red at Q2 2019/20: h2 (70 against 90) and sat (60 against 80), so Newham and Bexley have
    // none of their own among the rows and are not named.
    let (ids, _, words) = view("#/indicators?status=red");
    assert_eq!(ids, ["h2", "sat"]);
    assert_eq!(
        words.as_deref(),
        Some("Of these, 1 is Havering's own indicator and 1 is a shared-service indicator.")
    );
    // Sorted by council: the councils' names, then "Shared service", "Shared service
    // (Havering and Newham only)", "Shared service (Havering only)".
    let (ids, _, _) = view("#/indicators?sort=council");
    assert_eq!(ids, ["b1", "h1", "h2", "n1", "sat", "nn", "ct"]);
}

#[test]
fn a_pack_for_one_council_shows_the_shared_ones_apart_from_its_counts() {
    let d = ds();
    let (q, _) = PackQuery::from_location(
        &Location::parse("#/report?period=2019-20-Q2&council=newham"),
        &d,
    );
    assert!(q.shows_indicator(d.indicator("sat").unwrap()));
    assert!(!q.shows_indicator(d.indicator("ct").unwrap()));
    let pack = Pack::build(&d, &q);
    let key: Vec<(&str, &str)> = pack
        .key()
        .unwrap()
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.council_name.as_str()))
        .collect();
    assert_eq!(key, [("sat", "Shared service")]);
    let s = pack.summary().unwrap();
    assert_eq!(s.councils.len(), 1);
    assert_eq!(s.councils[0].counts.total(), 1, "Newham's own: n1");
    let shared = s.shared.as_ref().unwrap();
    // sat Red, nn Green.
    assert_eq!(
        shared.all,
        RagCounts {
            green: 1,
            red: 1,
            ..RagCounts::default()
        }
    );
    let ind = pack.indicators().unwrap();
    let groups: Vec<(&str, Vec<&str>)> = ind
        .councils
        .iter()
        .map(|g| {
            (
                g.heading.as_str(),
                g.services
                    .iter()
                    .flat_map(|s| s.rows.iter().map(|r| r.id.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("Newham (1 indicator)", vec!["n1"]),
            ("Shared service (2 indicators)", vec!["sat", "nn"])
        ]
    );
    let nn = ind.rows().find(|r| r.id == "nn").unwrap();
    assert_eq!(
        nn.shared_for.as_deref(),
        Some("For Havering and Newham only")
    );
    let ex = pack.exceptions().unwrap();
    let sat = ex.items.iter().find(|x| x.id == "sat").unwrap();
    assert_eq!(sat.council, None);
    assert!(sat
        .meta
        .starts_with("sat · Shared service · Exchequer · Q2 2019/20"));
    // The whole pack: every indicator once, the councils' own lines plus the shared line.
    let all = Pack::build(
        &d,
        &PackQuery::from_location(&Location::parse("#/report?period=2019-20-Q2"), &d).0,
    );
    let s = all.summary().unwrap();
    let own: usize = s.councils.iter().map(|c| c.counts.total()).sum();
    assert_eq!(own, 4);
    assert_eq!(s.shared.as_ref().unwrap().all.total(), 3);
    assert_eq!(s.total.unwrap().total(), 7);
    assert_eq!(all.indicators().unwrap().rows().count(), 7);
}

#[test]
fn csv_returns_name_the_shared_service_and_round_trip() {
    assert_eq!(shared_cell("shared"), Some(vec![]));
    assert_eq!(shared_cell(" Shared service "), Some(vec![]));
    assert_eq!(
        shared_cell("shared: havering, newham"),
        Some(vec!["havering".to_string(), "newham".to_string()])
    );
    assert_eq!(
        shared_cell("Shared service (Havering and Newham only)"),
        Some(vec!["Havering".to_string(), "Newham".to_string()])
    );
    assert_eq!(shared_cell("Sharedborough"), None);
    assert_eq!(shared_cell("havering"), None);
    assert_eq!(scope_cell(&Scope::SharedAll), "shared");
    assert_eq!(
        scope_cell(&Scope::Shared(vec!["havering".into(), "newham".into()])),
        "shared: havering, newham"
    );

    let d = ds();
    let out = export_all(&d);
    let line = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap()
            .to_string()
    };
    assert!(line("sat").contains(",shared,"), "{}", line("sat"));
    assert!(line("ct").contains(",shared: havering,"), "{}", line("ct"));
    assert!(
        line("nn").contains(",\"shared: havering, newham\","),
        "{}",
        line("nn")
    );
    // Onto the same data: nothing changes.
    let (back, r) = import_csv(Some(&d), &out, "export.csv").unwrap();
    assert_eq!(back, d);
    assert!(r.is_no_change(), "{}", r.summary());
    // Into a new dataset: the same scopes.
    let (fresh, r) = import_csv(None, &out, "export.csv").unwrap();
    assert!(validate(&fresh).is_empty(), "{:?}", validate(&fresh));
    assert_eq!(r.indicators_created.len(), 7);
    for ind in &d.indicators {
        let got = fresh.indicator(&ind.id).unwrap();
        assert_eq!(got.scope, ind.scope, "{}", ind.id);
        assert_eq!(got.values, ind.values, "{}", ind.id);
    }
    assert_eq!(export_all(&fresh), out);
    // A council's return may name one of the councils a shared indicator is for.
    let ret = "indicator_id,council,period,actual\r\nsat,bexley,2019-20-Q3,61\r\nct,LBH,2019-20-Q3,49\r\n";
    let (after, r) = import_csv(Some(&d), ret, "return.csv").unwrap();
    assert_eq!(r.values_added, 2);
    assert_eq!(
        after
            .indicator("sat")
            .unwrap()
            .value(&p("2019-20-Q3"))
            .unwrap()
            .actual,
        Some(61.0)
    );
    // But not a council it is not for, nor another set of councils.
    let bad = "indicator_id,council,period,actual\r\nct,newham,2019-20-Q3,49\r\nnn,shared: havering,2019-20-Q3,1\r\nh1,shared,2019-20-Q3,1\r\n";
    let problems: Vec<String> = import_csv(Some(&d), bad, "bad.csv")
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0]
            .contains("indicator \"ct\" is for Shared service (Havering only), not \"newham\""),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("indicator \"nn\" is for Shared service (Havering and Newham only), not \"shared: havering\""),
        "{problems:?}"
    );
    assert!(
        problems[2].contains("indicator \"h1\" is for Havering, not \"shared\""),
        "{problems:?}"
    );
    // A new shared-service indicator from a return, by name.
    let new = "indicator,council,service,frequency,period,target,actual\r\nStaff survey,shared,Exchequer,annual,2019-20,70,72\r\n";
    let (after, r) = import_csv(Some(&d), new, "new.csv").unwrap();
    assert_eq!(r.indicators_created.len(), 1);
    let made = after.indicator(&r.indicators_created[0].id).unwrap();
    assert_eq!(made.scope, Scope::SharedAll);
    assert!(made.id.ends_with("-shared"), "{}", made.id);
    // Named again with the shared service, it is the same indicator.
    let again = "indicator,council,period,actual\r\nStaff survey,Shared service,2020-21,74\r\n";
    let (after2, r) = import_csv(Some(&after), again, "again.csv").unwrap();
    assert!(r.indicators_created.is_empty());
    assert_eq!(after2.indicators.len(), after.indicators.len());
}

#[test]
fn the_built_in_data_counts_51_60_and_9() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/onesource.json");
    let d = parse_dataset(&std::fs::read_to_string(path).unwrap()).unwrap();
    let e = Engine::at_default(&d).unwrap();
    let by: Vec<(&str, usize)> = e
        .council_counts()
        .into_iter()
        .map(|(c, n)| (c.id.as_str(), n.total()))
        .collect();
    assert_eq!(by, [("havering", 60), ("newham", 51), ("bexley", 9)]);
    assert_eq!(e.shared_counts().total(), 4);
    // The key tiles (every council) and each council's key indicators.
    let keys = |c: Option<&str>| -> Vec<String> {
        e.key_indicators(|i| c.is_none_or(|c| i.serves(c)))
            .iter()
            .map(|k| k.indicator.id.clone())
            .collect()
    };
    assert_eq!(keys(None).len(), 4);
    assert_eq!(keys(Some("havering")).len(), 4);
    assert_eq!(
        keys(Some("newham")),
        ["KEY-01-LBH", "KEY-02-LBH", "KEY-04-LBH"]
    );
    assert_eq!(keys(Some("bexley")), keys(Some("newham")));
}
