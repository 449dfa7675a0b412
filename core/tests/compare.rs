//! Comparing councils, worked out by hand: shared definitions in the file (read and refused),
//! one measure side by side with each council's status by its own scheme, the series over
//! time, the service × council grid, and the Compare page's link.

use gt_core::compare_query::{list_link, CompareQuery};
use gt_core::engine::{Engine, GridCell};
use gt_core::route::{Location, Route};
use gt_core::summary::RagCounts;
use gt_core::{parse_dataset, Dataset, Period, Rag};
use serde_json::{json, Value};

fn q(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// Three councils with three different schemes, one shared measure ("Average days to pay
/// supplier invoices", lower is better, target 20 days everywhere) and a few other indicators.
fn file() -> Value {
    json!({
        "format": "golden-thread/1", "title": "t", "organisation": "o",
        "councils": [
            { "id": "havering", "name": "Havering", "short": "LBH" },
            { "id": "newham", "name": "Newham", "short": "LBN",
              "rag_scheme": { "kind": "bands", "green_within": { "percent": 5 }, "amber_within": { "percent": 10 } } },
            { "id": "bexley", "name": "Bexley", "short": "LBB", "rag_scheme": { "kind": "two_state" } }
        ],
        "services": [
            { "id": "ex", "name": "Exchequer", "councils": ["havering", "newham", "bexley"] },
            { "id": "ict", "name": "ICT", "councils": ["havering", "newham"] }
        ],
        "definitions": [
            { "id": "days-to-pay", "name": "Average days to pay supplier invoices", "description": "Days from invoice to payment" },
            { "id": "unused", "name": "Reported by nobody" }
        ],
        "indicators": [
            { "id": "DP-H", "name": "Days to pay (Havering)", "definition": "days-to-pay", "service": "ex", "council": "havering",
              "frequency": "quarterly", "polarity": "lower", "unit": "days", "decimals": 1,
              "values": [ { "period": "2019-20-Q1", "target": 20, "actual": 19 },
                          { "period": "2019-20-Q2", "target": 20, "actual": 21 } ] },
            { "id": "DP-N", "name": "Days to pay (Newham)", "definition": "days-to-pay", "service": "ex", "council": "newham",
              "frequency": "quarterly", "polarity": "lower", "unit": "days", "decimals": 1,
              "values": [ { "period": "2019-20-Q1", "target": 20, "actual": 25 },
                          { "period": "2019-20-Q2", "target": 20, "actual": 21 } ] },
            { "id": "DP-B", "name": "Days to pay (Bexley)", "definition": "days-to-pay", "service": "ex", "council": "bexley",
              "frequency": "quarterly", "polarity": "lower", "unit": "days", "decimals": 1,
              "values": [ { "period": "2019-20-Q2", "target": 20, "actual": 21 },
                          { "period": "2019-20-Q3", "target": 20 } ] },
            { "id": "EX-H2", "name": "Invoices paid on time", "service": "ex", "council": "havering",
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 95 } ] },
            { "id": "AN-H", "name": "Annual audit", "service": "ex", "council": "havering",
              "frequency": "annual", "polarity": "higher",
              "values": [ { "period": "2019-20", "target": 10, "actual": 12 } ] },
            { "id": "NH-N", "name": "Debt recovered", "service": "ex", "council": "newham",
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 90 } ] },
            { "id": "IC-H", "name": "Incidents resolved", "service": "ict", "council": "havering",
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 70 } ] },
            { "id": "IC-N", "name": "Tickets logged", "service": "ict", "council": "newham",
              "frequency": "quarterly", "polarity": "none",
              "values": [ { "period": "2019-20-Q2", "actual": 50 } ] },
            { "id": "KEY", "name": "Customer satisfaction", "service": "ex", "shared": true,
              "frequency": "quarterly", "polarity": "higher",
              "values": [ { "period": "2019-20-Q2", "target": 80, "actual": 60 } ] }
        ]
    })
}

fn ds() -> Dataset {
    parse_dataset(&file().to_string()).unwrap()
}

fn problems(f: Value) -> Vec<String> {
    parse_dataset(&f.to_string())
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn counts(
    green: usize,
    amber: usize,
    red: usize,
    no_data: usize,
    data_only: usize,
    not_due: usize,
) -> RagCounts {
    RagCounts {
        green,
        amber,
        red,
        no_data,
        data_only,
        not_due,
    }
}

// ---------------------------------------------------------------------------------------------
// The format

#[test]
fn definitions_are_read_and_written_back() {
    let d = ds();
    assert_eq!(d.definitions.len(), 2);
    assert_eq!(
        d.definitions[0].name,
        "Average days to pay supplier invoices"
    );
    assert_eq!(d.indicators[0].definition.as_deref(), Some("days-to-pay"));
    let again = parse_dataset(&d.to_json()).unwrap();
    assert_eq!(again, d, "a saved file reads back the same");
    let ids: Vec<&str> = d
        .indicators_of("days-to-pay")
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["DP-H", "DP-N", "DP-B"]);
}

#[test]
fn a_file_without_definitions_reads_as_before_and_saves_without_them() {
    let mut f = file();
    f.as_object_mut().unwrap().remove("definitions");
    for i in f["indicators"].as_array_mut().unwrap() {
        i.as_object_mut().unwrap().remove("definition");
    }
    let d = parse_dataset(&f.to_string()).unwrap();
    assert!(d.definitions.is_empty());
    let text = d.to_json();
    assert!(!text.contains("definition"), "nothing new is written");
}

#[test]
fn unknown_definitions_are_refused_with_their_place() {
    let mut f = file();
    f["indicators"][1]["definition"] = json!("days-to-pya");
    assert_eq!(
        problems(f.clone()),
        ["indicators[1].definition: unknown definition \"days-to-pya\" (known: days-to-pay, unused)"]
    );
    f.as_object_mut().unwrap().remove("definitions");
    let p = problems(f);
    assert!(
        p.iter().any(|p| p == "indicators[0].definition: unknown definition \"days-to-pay\" (the file has no \"definitions\" list: declare it there first)"),
        "{p:?}"
    );
}

#[test]
fn definitions_that_cannot_compare_are_refused() {
    // The same id twice.
    let mut f = file();
    f["definitions"][1]["id"] = json!("days-to-pay");
    assert_eq!(
        problems(f),
        ["definitions[1].id: definition id \"days-to-pay\" is used twice (first at definitions[0])"]
    );
    // On a shared-service indicator.
    let mut f = file();
    f["indicators"][8]["definition"] = json!("unused");
    assert_eq!(
        problems(f),
        ["indicators[8].definition: \"unused\" is given on a shared-service indicator; a definition compares councils' own indicators (\"council\": \"…\"), so leave it out here"]
    );
    // Two of one council's indicators.
    let mut f = file();
    f["indicators"][3]["definition"] = json!("days-to-pay");
    let p = problems(f);
    assert_eq!(
        p,
        ["indicators[3].definition: council \"havering\" already reports definition \"days-to-pay\" (indicators[0]); give each council one indicator per definition"]
    );
    // Another unit, and the opposite better direction.
    let mut f = file();
    f["indicators"][2]["unit"] = json!("%");
    f["indicators"][1]["polarity"] = json!("higher");
    assert_eq!(
        problems(f),
        [
            "indicators[1].polarity: \"higher\" is the opposite of \"lower\" of indicators[0], which reports the same definition \"days-to-pay\"; one measure is better the same way for every council",
            "indicators[2].unit: \"%\" differs from \"days\" of indicators[0], which reports the same definition \"days-to-pay\"; one measure has one unit",
        ]
    );
    // A definition's name must be given.
    let mut f = file();
    f["definitions"][0].as_object_mut().unwrap().remove("name");
    assert_eq!(
        problems(f),
        ["definitions[0].name: missing; it must be given"]
    );
}

// ---------------------------------------------------------------------------------------------
// One measure side by side

#[test]
fn each_council_is_rated_by_its_own_scheme() {
    let d = ds();
    let e = Engine::new(&d, q("2019-20-Q2"));
    let c = e.compare("days-to-pay", |_| true).unwrap();
    assert_eq!(c.definition.name, "Average days to pay supplier invoices");
    // The same 21 days against the same target of 20 (lower is better), missed by 1 day, which
    // is 5% of 20:
    //   Havering, standard rule, Amber within 10% (2 days): 1 <= 2, Amber.
    //   Newham, bands: Green within 5% (1 day, edge included): Green.
    //   Bexley, two-state with no Green band: missed at all, off track: Red.
    let got: Vec<(&str, Rag, Option<f64>, Option<f64>)> = c
        .councils
        .iter()
        .map(|f| {
            let v = f.at.status.value.unwrap();
            (f.council.id.as_str(), f.at.rag(), v.actual, v.target)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("havering", Rag::Amber, Some(21.0), Some(20.0)),
            ("newham", Rag::Green, Some(21.0), Some(20.0)),
            ("bexley", Rag::Red, Some(21.0), Some(20.0)),
        ]
    );
    assert!(c.not_reported.is_empty());
    // Direction since the previous figure, lower is better: Havering 19 -> 21 worse, Newham
    // 25 -> 21 better, Bexley has no earlier figure.
    let dirs: Vec<Option<&str>> = c
        .councils
        .iter()
        .map(|f| f.at.short_term.map(|t| t.direction.as_str()))
        .collect();
    assert_eq!(dirs, [Some("worsened"), Some("improved"), None]);
}

#[test]
fn the_series_runs_to_the_period_with_each_figures_status() {
    let d = ds();
    let c = Engine::new(&d, q("2019-20-Q2"))
        .compare("days-to-pay", |_| true)
        .unwrap();
    // Q1 and Q2 have figures; Bexley's Q3 has a target only, and is after the period anyway.
    assert_eq!(c.periods, [q("2019-20-Q1"), q("2019-20-Q2")]);
    let series = |i: usize| -> Vec<(String, f64, Rag)> {
        c.councils[i]
            .series
            .iter()
            .map(|(v, s)| (v.period.id(), v.actual.unwrap(), s.rag))
            .collect()
    };
    // Havering Q1: 19 against 20, met: Green. Newham Q1: 25 against 20, missed by 5 = 25%,
    // beyond its 10% Amber band: Red.
    assert_eq!(
        series(0),
        [
            ("2019-20-Q1".into(), 19.0, Rag::Green),
            ("2019-20-Q2".into(), 21.0, Rag::Amber)
        ]
    );
    assert_eq!(
        series(1),
        [
            ("2019-20-Q1".into(), 25.0, Rag::Red),
            ("2019-20-Q2".into(), 21.0, Rag::Green)
        ]
    );
    assert_eq!(series(2), [("2019-20-Q2".into(), 21.0, Rag::Red)]);
    assert!(c.councils[2].at_period(&q("2019-20-Q1")).is_none());

    // As at Q1: nothing after Q1; Bexley reports nothing for Q1, so it is due with no data.
    let c = Engine::new(&d, q("2019-20-Q1"))
        .compare("days-to-pay", |_| true)
        .unwrap();
    assert_eq!(c.periods, [q("2019-20-Q1")]);
    assert_eq!(c.councils[2].at.rag(), Rag::NoData);
    assert!(c.councils[2].series.is_empty());
}

#[test]
fn councils_out_of_view_or_not_reporting_are_said() {
    let d = ds();
    let e = Engine::new(&d, q("2019-20-Q2"));
    let c = e.compare("days-to-pay", |c| c.id != "newham").unwrap();
    let ids: Vec<&str> = c.councils.iter().map(|f| f.council.id.as_str()).collect();
    assert_eq!(ids, ["havering", "bexley"]);
    let c = e.compare("unused", |_| true).unwrap();
    assert!(c.councils.is_empty());
    assert_eq!(c.not_reported.len(), 3);
    assert!(c.periods.is_empty());
    assert!(e.compare("nope", |_| true).is_none());
}

// ---------------------------------------------------------------------------------------------
// The grid

#[test]
fn the_grid_counts_each_councils_own_indicators_by_service() {
    let d = ds();
    let e = Engine::new(&d, q("2019-20-Q2"));
    let g = e.grid(|_| true, |_| true);
    let cols: Vec<&str> = g.councils.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(cols, ["havering", "newham", "bexley"]);
    let rows: Vec<&str> = g.rows.iter().map(|r| r.service.id.as_str()).collect();
    assert_eq!(rows, ["ex", "ict"]);
    // Exchequer at Q2:
    //   Havering: DP-H Amber, EX-H2 95 >= 90 Green, AN-H annual in Q2 Not due.
    //   Newham: DP-N Green (its bands), NH-N target and no actual: No data yet.
    //   Bexley: DP-B Red (two-state).
    //   The shared customer satisfaction indicator is in no council's cell.
    assert_eq!(
        g.rows[0].cells,
        [
            GridCell::Counts(counts(1, 1, 0, 0, 0, 1)),
            GridCell::Counts(counts(1, 0, 0, 1, 0, 0)),
            GridCell::Counts(counts(0, 0, 1, 0, 0, 0)),
        ]
    );
    // ICT: Havering 70 against 90, missed by 20 (beyond 10% = 9): Red; Newham polarity none:
    // Data only; Bexley does not receive ICT.
    assert_eq!(
        g.rows[1].cells,
        [
            GridCell::Counts(counts(0, 0, 1, 0, 0, 0)),
            GridCell::Counts(counts(0, 0, 0, 0, 1, 0)),
            GridCell::NotProvided,
        ]
    );
    // Column totals: Havering 1 Green, 1 Amber, 0 + 1 Red (Exchequer's none, ICT's one), 1 Not
    // due; Newham 1 Green, 1 No data, 1 Data only; Bexley 1 Red.
    assert_eq!(
        g.totals,
        [
            counts(1, 1, 1, 0, 0, 1),
            counts(1, 0, 0, 1, 1, 0),
            counts(0, 0, 1, 0, 0, 0)
        ]
    );
    // The same as each council's counts on the overview.
    let overview: Vec<RagCounts> = e.council_counts().into_iter().map(|(_, c)| c).collect();
    assert_eq!(g.totals, overview);
}

#[test]
fn the_grid_follows_the_filters() {
    let d = ds();
    let e = Engine::new(&d, q("2019-20-Q2"));
    // ICT only: Bexley's column stays (it is a council in view) with nothing counted.
    let g = e.grid(|_| true, |s| s.id == "ict");
    assert_eq!(g.rows.len(), 1);
    assert_eq!(
        g.totals,
        [
            counts(0, 0, 1, 0, 0, 0),
            counts(0, 0, 0, 0, 1, 0),
            RagCounts::default()
        ]
    );
    // Bexley only: ICT is provided to no council in view, so it has no row.
    let g = e.grid(|c| c.id == "bexley", |_| true);
    let rows: Vec<&str> = g.rows.iter().map(|r| r.service.id.as_str()).collect();
    assert_eq!(rows, ["ex"]);
    assert_eq!(g.totals, [counts(0, 0, 1, 0, 0, 0)]);
}

// ---------------------------------------------------------------------------------------------
// The page's link

fn read(hash: &str) -> (CompareQuery, Vec<String>) {
    CompareQuery::from_location(&Location::parse(hash), &ds())
}

#[test]
fn the_view_round_trips_through_the_link() {
    let (view, notes) =
        read("#/compare?definition=days-to-pay&council=havering,LBN&service=ex&period=2019-20-Q2");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(view.definition.as_deref(), Some("days-to-pay"));
    assert_eq!(view.councils, ["havering", "newham"]);
    assert_eq!(view.services, ["ex"]);
    assert_eq!(view.period, Some(q("2019-20-Q2")));
    let loc = view.to_location();
    assert_eq!(loc.route, Route::Compare);
    assert_eq!(
        loc.to_hash(),
        "#/compare?definition=days-to-pay&council=havering,newham&service=ex&period=2019-20-Q2"
    );
    assert_eq!(CompareQuery::from_location(&loc, &ds()).0, view);
    assert_eq!(CompareQuery::default().to_location().to_hash(), "#/compare");
    assert_eq!(Location::parse("#/compare/").route, Route::Compare);
}

#[test]
fn odd_links_become_notes_not_errors() {
    let (view, notes) = read(
        "#/compare?definition=DAYS-TO-PAY&council=hackney,,LBH,havering&service=%zz&period=2019-20-Q5&colour=red&data=x.json",
    );
    assert_eq!(
        view.definition.as_deref(),
        Some("days-to-pay"),
        "ids match in any case"
    );
    assert_eq!(view.councils, ["havering"], "repeats once, blanks skipped");
    assert!(view.services.is_empty());
    assert_eq!(view.period, None);
    // The bad period is the app's to say (once, on every page); the rest is said here.
    assert_eq!(
        notes,
        [
            "council \"hackney\" is not in this data",
            "service \"%zz\" is not in this data",
            "\"colour\" is not a choice on this page",
        ]
    );
    let (view, notes) = read("#/compare?definition=nope&definition=");
    assert_eq!(view.definition, None);
    assert_eq!(
        notes,
        ["definition \"nope\" is not a shared measure in this data"]
    );
}

#[test]
fn the_measure_offered_follows_the_filters() {
    let d = ds();
    let names =
        |v: &CompareQuery| -> Vec<String> { v.offered(&d).iter().map(|x| x.id.clone()).collect() };
    // "unused" is reported by nobody, so it is not offered.
    let (all, _) = read("#/compare");
    assert_eq!(names(&all), ["days-to-pay"]);
    assert_eq!(all.chosen(&d).map(|x| x.id.as_str()), Some("days-to-pay"));
    // Nobody reports it in ICT.
    let (ict, _) = read("#/compare?service=ict&definition=days-to-pay");
    assert!(names(&ict).is_empty());
    assert_eq!(ict.chosen(&d), None);
}

#[test]
fn a_grid_count_links_to_the_list_with_the_lists_own_names() {
    assert_eq!(
        list_link("havering", "ict", Rag::Red, q("2019-20-Q2")),
        "#/indicators?council=havering&service=ict&status=red&period=2019-20-Q2"
    );
    // And that list shows exactly the one Red ICT indicator of Havering's.
    let d = ds();
    let loc = Location::parse(&list_link("havering", "ict", Rag::Red, q("2019-20-Q2")));
    let (view, notes) = gt_core::filter::IndicatorQuery::from_location(&loc, &d);
    assert!(notes.is_empty());
    let rows = gt_core::filter::apply(&d, &gt_core::filter::SearchIndex::new(&d), &view, None).rows;
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| d.indicators[r.index].id.as_str())
        .collect();
    assert_eq!(ids, ["IC-H"]);
}
