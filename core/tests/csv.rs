//! CSV returns: the reader, errors, import and merge, export and round trip, the Hart fixture.

use gt_core::csv::*;
use gt_core::*;
use proptest::prelude::*;

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn council(id: &str, name: &str, short: Option<&str>) -> Council {
    Council {
        id: id.into(),
        name: name.into(),
        short: short.map(Into::into),
        rag_scheme: None,
        extra: Default::default(),
    }
}

fn service(id: &str, name: &str, councils: &[&str]) -> Service {
    Service {
        id: id.into(),
        name: name.into(),
        councils: councils.iter().map(|c| c.to_string()).collect(),
        extra: Default::default(),
    }
}

fn indicator(
    id: &str,
    name: &str,
    service: &str,
    council: &str,
    frequency: Frequency,
    polarity: Polarity,
    unit: Option<&str>,
) -> Indicator {
    Indicator {
        id: id.into(),
        name: name.into(),
        description: None,
        definition: None,
        service: service.into(),
        scope: Scope::Council(council.into()),
        frequency,
        polarity,
        unit: unit.map(Into::into),
        decimals: None,
        measure: None,
        tolerance: None,
        rag_scheme: None,
        key: false,
        priority: None,
        theme: None,
        area: None,
        owner: None,
        values: Vec::new(),
        extra: Default::default(),
    }
}

fn value(period: &str, target: Option<f64>, actual: Option<f64>) -> IndicatorValue {
    IndicatorValue {
        period: p(period),
        target,
        actual,
        rag: None,
        rag_justification: None,
        commentary: None,
        reason: None,
        remedial_action: None,
        extra: Default::default(),
    }
}

/// Two councils sharing services, four indicators of every frequency, values with awkward text.
fn sample() -> Dataset {
    let mut hr = indicator(
        "hr-sick-hav",
        "Days lost to sickness, per FTE",
        "hr",
        "havering",
        Frequency::Quarterly,
        Polarity::Lower,
        Some("days"),
    );
    let mut v = value("2019-20-Q1", Some(2.0), Some(2.25));
    v.commentary = Some("Up on last year, mostly \"long-term\" cases,\nsee the HR report".into());
    v.reason = Some("Two long-term absences, both now back".into());
    v.remedial_action = Some("=HYPERLINK(\"x\") is not a formula here; -5 days; @HR".into());
    hr.values.push(v);
    let mut v = value("2019-20-Q2", Some(2.0), Some(1.9));
    v.commentary = Some("On target; well done, team".into());
    hr.values.push(v);
    let mut v = value("2018-19-Q4", Some(2.0), Some(3.5));
    v.rag = Some(Rag::Amber);
    v.rag_justification = Some("Flu outbreak, agreed with the director".into());
    hr.values.push(v);

    let mut budget = indicator(
        "fin-var-new",
        "Budget variance (£k), Newham",
        "finance",
        "newham",
        Frequency::Quarterly,
        Polarity::Higher,
        Some("£k"),
    );
    budget
        .values
        .push(value("2019-20-Q1", Some(-100.0), Some(-105.25)));
    let mut v = value("2019-20-Q2", Some(0.0), Some(-0.5));
    v.commentary = Some("+ a small overspend, 'see note'".into());
    budget.values.push(v);
    budget.values.push(value("2019-20-Q3", Some(-3.333), None));

    let mut calls = indicator(
        "calls",
        "Calls answered",
        "finance",
        "havering",
        Frequency::Monthly,
        Polarity::None,
        None,
    );
    calls.values.push(value("2019-07", None, Some(1234567.0)));
    calls.values.push(value("2019-08", None, Some(0.1 + 0.2)));

    let mut survey = indicator(
        "survey",
        "Residents satisfied, %",
        "hr",
        "newham",
        Frequency::Annual,
        Polarity::Higher,
        Some("%"),
    );
    let mut v = value("2018-19", Some(80.0), Some(79.5));
    v.rag = Some(Rag::Green);
    v.commentary = Some("  leading spaces, and a tab\there  ".into());
    survey.values.push(v);

    let mut ds = Dataset {
        format: FORMAT.into(),
        title: "OneSource sample".into(),
        organisation: "OneSource".into(),
        description: None,
        as_of: None,
        default_tolerance: None,
        rag_scheme: None,
        councils: vec![
            council("havering", "London Borough of Havering", Some("LBH")),
            council("newham", "London Borough of Newham", Some("LBN")),
        ],
        services: vec![
            service("hr", "Human Resources", &["havering", "newham"]),
            service("finance", "Finance", &["havering", "newham"]),
        ],
        priorities: Vec::new(),
        themes: Vec::new(),
        definitions: Vec::new(),
        indicators: vec![hr, budget, calls, survey],
        covering_reports: Vec::new(),
        extra: Default::default(),
    };
    ds.normalise();
    assert!(validate(&ds).is_empty(), "{:?}", validate(&ds));
    ds
}

fn without_values(ds: &Dataset) -> Dataset {
    let mut e = ds.clone();
    for i in &mut e.indicators {
        i.values.clear();
    }
    e
}

fn messages(problems: &[CsvProblem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

fn hart_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/hart-kpis-2014-15.csv"
    );
    std::fs::read_to_string(path).expect("the Hart fixture at ../shared/data beside the repo")
}

// ------------------------------------------------------------------------------------------
// The reader

#[test]
fn reader_quotes_embedded_newlines_bom_and_crlf() {
    let text =
        "\u{feff}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line 1\r\nline 2\"\r\nplain,,\"\"\r\n";
    let t = read_csv(text).unwrap();
    assert_eq!(t.separator, Separator::Comma);
    assert_eq!(t.records.len(), 3);
    assert_eq!(t.records[0].cells, vec!["a", "b", "c"]);
    assert_eq!(
        t.records[1].cells,
        vec!["x, y", "say \"hi\"", "line 1\nline 2"]
    );
    assert_eq!(t.records[1].row, 2);
    // The third record starts on line 4 but is spreadsheet row 3.
    assert_eq!(t.records[2].cells, vec!["plain", "", ""]);
    assert_eq!((t.records[2].row, t.records[2].line), (3, 4));
    let t = read_csv("a,b\n1,2\n\n3,4").unwrap();
    assert_eq!(t.records.len(), 3);
    assert_eq!(
        t.records[2].row, 4,
        "a blank line is still a spreadsheet row"
    );
    assert_eq!(t.records[2].cells, vec!["3", "4"]);
    // A trailing separator is an empty last cell; spaces before a quote are allowed.
    let t = read_csv("a,b,\n1, \"2,5\" ,").unwrap();
    assert_eq!(t.records[0].cells, vec!["a", "b", ""]);
    assert_eq!(t.records[1].cells, vec!["1", "2,5", ""]);
    // Lone CR line ends (old Macs).
    assert_eq!(read_csv("a,b\r1,2\r").unwrap().records.len(), 2);
}

#[test]
fn reader_finds_the_separator() {
    let t = read_csv("indicator;period;actual\r\nCS01;Q1 2014/15;95,2\r\n").unwrap();
    assert_eq!(t.separator, Separator::Semicolon);
    assert_eq!(t.records[1].cells, vec!["CS01", "Q1 2014/15", "95,2"]);
    let t = read_csv("indicator\tperiod\tactual\nCS01, again\t2019-20-Q1\t1,234\n").unwrap();
    assert_eq!(t.separator, Separator::Tab);
    assert_eq!(
        t.records[1].cells,
        vec!["CS01, again", "2019-20-Q1", "1,234"]
    );
    // A comma in the header wins over semicolons; quoted separators do not count.
    let t = read_csv("\"a;b\",c\n1,2\n").unwrap();
    assert_eq!(t.separator, Separator::Comma);
    // Excel's hint line.
    let t = read_csv("sep=;\r\na,b;c\r\n1;2\r\n").unwrap();
    assert_eq!(t.separator, Separator::Semicolon);
    assert_eq!(t.records[0].cells, vec!["a,b", "c"]);
    assert_eq!(t.records[0].row, 1);
}

#[test]
fn reader_names_the_line_of_an_unclosed_quote() {
    let e = read_csv("a,b\n1,2\n3,\"never\nclosed, at all\n").unwrap_err();
    assert_eq!(e.line, Some(3));
    assert_eq!(e.row, Some(3));
    let s = e.to_string();
    assert!(s.starts_with("Row 3: "), "{s}");
    assert!(s.contains("line 3 is never closed"), "{s}");
    let e = read_returns("indicator,period\n\"x,2019-20-Q1\n").unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].to_string().contains("line 2"), "{}", e[0]);
}

#[test]
fn garbage_gives_a_clear_error() {
    let binary: String = (0u8..=255).cycle().take(2000).map(|b| b as char).collect();
    let e = read_returns(&binary).unwrap_err();
    assert!(e[0].to_string().contains("binary data"), "{}", e[0]);
    let e = read_returns("PK\u{3}\u{4}\u{14}\0\0\0xl/workbook.xml").unwrap_err();
    assert!(e[0].to_string().contains("Excel workbook"), "{}", e[0]);
    assert_eq!(
        messages(&read_returns("").unwrap_err()),
        vec!["The file is empty."]
    );
    assert_eq!(
        messages(&read_returns("\u{feff}\r\n \r\n").unwrap_err()),
        vec!["The file is empty."]
    );
    let e = read_returns("Dear colleague,\nplease find the figures attached.\n").unwrap_err();
    assert!(
        e[0].to_string()
            .starts_with("Row 1: the first row should name the columns"),
        "{}",
        e[0]
    );
    let e = read_returns("indicator,actual\nCS01,5\n").unwrap_err();
    assert_eq!(
        messages(&e),
        vec!["Row 1: no \"period\" column: each row must say which period it reports on (e.g. 2019-20-Q2 or Q2 2019/20)"]
    );
    let e = read_returns("indicator,period,actual\n").unwrap_err();
    assert_eq!(
        messages(&e),
        vec!["The file has a header row but no rows of figures."]
    );
    // Bytes: a workbook, and Windows-1252 text.
    assert!(decode_bytes(b"PK\x03\x04rest")
        .unwrap_err()
        .message
        .contains("xlsx"));
    assert_eq!(decode_bytes(b"cost,\xa31,250").unwrap(), "cost,£1,250");
    assert_eq!(decode_bytes(b"\xef\xbb\xbfa,b").unwrap(), "a,b");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("a\tb£".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    assert_eq!(decode_bytes(&utf16).unwrap(), "a\tb£");
    assert!(decode_bytes(b"\x00\x01\x02\xff\xfe\x00").is_err());
}

// ------------------------------------------------------------------------------------------
// Errors

#[test]
fn every_problem_names_its_row_and_column() {
    let text = "Indicator ID, Period ,Target,Actual,RAG,Frequency,Polarity\n\
                a,2019-20-Q1,90,95.2%,G,quarterly,higher\n\
                b,2019-20-Q1,90,9O.5,,,\n\
                ,2019-20-Q1,1,2,,,\n\
                c,Q5 2019/20,£1,250,Greenish,weekly,sideways,extra\n\
                d,,1,2,,,\n";
    let e = read_returns(text).unwrap_err();
    assert_eq!(
        messages(&e),
        vec![
            "Row 3, column \"Actual\": \"9O.5\" is not a number",
            "Row 4, column \"Indicator ID\": blank: every row needs the indicator's id or name",
            "Row 5: this row has 8 cells but the header has 7: is there a comma inside a cell that is not in quotes?",
            "Row 5, column \"Period\": \"Q5 2019/20\" is not a period (write it like 2019-20-Q2, Q2 2019/20, 2019/20 or 2019-07)",
            "Row 5, column \"RAG\": \"Greenish\" is not a status (use Green, Amber or Red, or G, A or R; On track or Off track; Blue for no target; also no_data, data_only or not_due; or leave it blank)",
            "Row 5, column \"Frequency\": \"weekly\" is not a frequency (use monthly, quarterly, annual, biennial)",
            "Row 5, column \"Polarity\": \"sideways\" is not a polarity (use higher, lower or none; leave it blank if unknown)",
            "Row 6, column \"Period\": blank: every row needs the period it reports on (e.g. 2019-20-Q2 or Q2 2019/20)",
        ]
    );
    for p in &e {
        assert!(p.row.is_some());
    }
    assert_eq!(e[0].column.as_deref(), Some("Actual"));
}

#[test]
fn duplicate_columns_are_refused() {
    let e = read_returns("indicator,period,rag,published_rag\nx,2019-20-Q1,G,G\n").unwrap_err();
    assert_eq!(
        messages(&e),
        vec![
            "Row 1: the columns \"rag\" and \"published_rag\" both give the rag; keep one of them"
        ]
    );
}

#[test]
fn a_failing_import_returns_every_problem_and_leaves_the_base_alone() {
    let base = sample();
    let before = base.clone();
    let text = "indicator_id,council,period,actual\n\
                hr-sick-hav,havering,2019-20-Q3,2.1\n\
                hr-sick-hav,newham,2019-20-Q4,2.1\n\
                survey,newham,2019-20-Q1,80\n\
                hr-sick-hav,LBH,Q3 2019/20,2.2\n\
                nope,havering,2019-20-Q3,1\n";
    let returns = read_returns(text).unwrap();
    let e = import_returns(Some(&base), &returns, "bad.csv").unwrap_err();
    assert_eq!(
        messages(&e),
        vec![
            "Row 3, column \"council\": indicator \"hr-sick-hav\" is for London Borough of Havering, not \"newham\"",
            "Row 4, column \"period\": Q1 2019/20 is a quarter, but \"Residents satisfied, %\" is reported annual (use a year such as 2019-20)",
            "Row 5: row 2 and this row both give \"Days lost to sickness, per FTE\" for Q3 2019/20: keep one of them",
            "Row 6, column \"indicator_id\": indicator \"nope\" is not in the dataset; to add it, add an \"indicator\" column with its name",
        ]
    );
    assert_eq!(base, before);
    // Through import_csv too.
    assert!(import_csv(Some(&base), text, "bad.csv").is_err());
    assert_eq!(base, before);
}

#[test]
fn the_council_must_be_known() {
    let base = sample();
    // Two councils and no council column: rows matched by id are fine ...
    let (ds, r) = import_csv(
        Some(&base),
        "indicator_id,period,actual\nsurvey,2019-20,81\n",
        "x.csv",
    )
    .unwrap();
    assert_eq!(r.values_added, 1);
    assert_eq!(ds.indicator("survey").unwrap().values.len(), 2);
    // ... and so are rows matched by a name only one indicator has ...
    let (_, r) = import_csv(
        Some(&base),
        "indicator,period,actual\ncalls ANSWERED,2019-09,5\n",
        "x.csv",
    )
    .unwrap();
    assert_eq!(r.indicators_updated[0].id, "calls");
    // ... a new indicator needs a council.
    let e = import_csv(
        Some(&base),
        "indicator,service,period,actual\nNew one,hr,2019-20-Q1,1\n",
        "x.csv",
    )
    .unwrap_err();
    assert_eq!(
        messages(&e),
        vec!["Row 2: no council: add a \"council\" column to say which council each row is for (the dataset has London Borough of Havering, London Borough of Newham)"]
    );
    // With one council in the dataset, it is that one.
    let mut one = base.clone();
    one.councils.truncate(1);
    one.indicators.retain(|i| i.is_own("havering"));
    for s in &mut one.services {
        s.councils.retain(|c| c == "havering");
    }
    let (ds, r) = import_csv(
        Some(&one),
        "indicator,service,period,actual\nNew one,Human resources,2019-20-Q1,1\n",
        "x.csv",
    )
    .unwrap();
    assert_eq!(r.indicators_created.len(), 1);
    let new = ds.indicators.iter().find(|i| i.name == "New one").unwrap();
    assert_eq!(
        (
            new.scope.council().unwrap_or_default(),
            new.service.as_str()
        ),
        ("havering", "hr")
    );
    assert_eq!(new.id, "new-one-LBH");
    assert_eq!(new.polarity, Polarity::None);
    assert_eq!(new.frequency, Frequency::Quarterly);
    // New datasets need a council.
    let e = import_csv(
        None,
        "indicator,service,period,actual\nX,S,2019-20,1\n",
        "x.csv",
    )
    .unwrap_err();
    assert_eq!(
        messages(&e),
        vec!["Row 2: no council: add a \"council\" column to say which council each row is for"]
    );
}

// ------------------------------------------------------------------------------------------
// Merging

#[test]
fn blank_cells_leave_values_alone_and_changes_are_counted() {
    let base = sample();
    let text = "indicator_id,period,target,actual,commentary,rag\n\
                hr-sick-hav,2019-20-Q1,,2.5,,\n\
                hr-sick-hav,2019-20-Q2,,1.9,,\n\
                fin-var-new,2019-20-Q3,,-4,Worse than hoped,\n\
                fin-var-new,2019-20-Q4,-3.333,,,\n\
                fin-var-new,2020-21-Q1,,,,\n\
                calls,2019-09,,12,,\n";
    let (ds, r) = import_csv(Some(&base), text, "q.csv").unwrap();
    let hr = ds.indicator("hr-sick-hav").unwrap();
    let q1 = hr.value(&p("2019-20-Q1")).unwrap();
    assert_eq!((q1.target, q1.actual), (Some(2.0), Some(2.5)));
    assert_eq!(
        q1.commentary,
        base.indicator("hr-sick-hav")
            .unwrap()
            .value(&p("2019-20-Q1"))
            .unwrap()
            .commentary
    );
    let q3 = ds
        .indicator("fin-var-new")
        .unwrap()
        .value(&p("2019-20-Q3"))
        .unwrap();
    assert_eq!((q3.target, q3.actual), (Some(-3.333), Some(-4.0)));
    assert_eq!(q3.commentary.as_deref(), Some("Worse than hoped"));
    assert_eq!(r.values_changed, 2);
    assert_eq!(r.values_unchanged, 1);
    assert_eq!(r.values_added, 2);
    assert_eq!(r.rows_skipped, vec![6]);
    assert_eq!(
        r.indicators_updated
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>(),
        vec!["hr-sick-hav", "fin-var-new", "calls"]
    );
    assert_eq!(
        r.summary(),
        "3 indicators updated, 2 values added, 2 values changed"
    );
    assert!(
        r.notes.iter().any(|n| n.starts_with(
            "1 row has no target, actual or status, so nothing was recorded for it (row 6)"
        )),
        "{:?}",
        r.notes
    );
    // Values stay sorted by period.
    let periods: Vec<Period> = ds
        .indicator("fin-var-new")
        .unwrap()
        .values
        .iter()
        .map(|v| v.period)
        .collect();
    let mut sorted = periods.clone();
    sorted.sort();
    assert_eq!(periods, sorted);
    assert!(validate(&ds).is_empty());
}

#[test]
fn definitions_stay_and_statuses_are_checked() {
    let base = sample();
    // hr-sick-hav is lower-is-better: 2.1 against 2.0 is within 10%: Amber, not Green.
    let text = "indicator_id,indicator,service,polarity,unit,period,target,actual,rag\n\
                hr-sick-hav,Sickness,hr,higher,hours,2019-20-Q3,2,2.1,G\n\
                hr-sick-hav,,,,,2019-20-Q4,2,1.5,G\n";
    let (ds, r) = import_csv(Some(&base), text, "q.csv").unwrap();
    let hr = ds.indicator("hr-sick-hav").unwrap();
    assert_eq!(hr.polarity, Polarity::Lower);
    assert_eq!(hr.unit.as_deref(), Some("days"));
    assert_eq!(hr.name, "Days lost to sickness, per FTE");
    assert_eq!(hr.value(&p("2019-20-Q3")).unwrap().rag, Some(Rag::Green));
    assert_eq!(r.disagreements.len(), 1);
    assert_eq!(r.disagreements[0].row, 2);
    assert_eq!(r.disagreements[0].published, Rag::Green);
    assert_eq!(
        r.disagreements[0].computed,
        vec![(Polarity::Lower, Rag::Amber)]
    );
    let joined = r.notes.join("\n");
    assert!(joined.contains("Row 2: the file says Green, the rules compute Amber (\"Days lost to sickness, per FTE\", Q3 2019/20)"), "{joined}");
    assert!(joined.contains("Row 2: the file gives \"Days lost to sickness, per FTE\" polarity higher; it keeps lower"), "{joined}");
    assert!(joined.contains("Row 2: the file gives \"Days lost to sickness, per FTE\" the unit \"hours\"; it keeps \"days\""), "{joined}");
    assert!(
        joined.contains("Row 2: the file calls indicator \"hr-sick-hav\" \"Sickness\""),
        "{joined}"
    );
    // Unknown columns are named.
    let (_, r) = import_csv(
        Some(&base),
        "indicator_id,period,actual,notes,Source URL\nsurvey,2019-20,81,x,y\n",
        "q.csv",
    )
    .unwrap();
    assert_eq!(
        r.notes[0],
        "Columns ignored (not part of a return): \"notes\", \"Source URL\""
    );
}

#[test]
fn new_councils_services_and_indicators_are_created() {
    let base = sample();
    let text = "indicator,council,service,period,actual,target,polarity\n\
                \"WS1 Waste, collected\",Thurrock Council,Waste,2019-20-Q1,10,12,higher\n\
                \"ws1  WASTE, collected\",thurrock council,waste,2019-20-Q2,11,12,\n\
                Payroll accuracy,London Borough of Newham,Human Resources,2019-20-Q1,99,98,\n\
                Invoices paid,LBH,Payments,2019-20,97,,\n";
    let (ds, r) = import_csv(Some(&base), text, "returns.csv").unwrap();
    assert_eq!(
        r.councils_created,
        vec![Named {
            id: "thurrock-council".into(),
            name: "Thurrock Council".into()
        }]
    );
    assert_eq!(
        r.services_created
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>(),
        vec!["waste", "payments"]
    );
    assert_eq!(r.indicators_created.len(), 3, "{:?}", r.indicators_created);
    assert_eq!(r.indicators_created[0].id, "WS1-thurrock-council");
    assert_eq!(r.indicators_created[1].id, "payroll-accuracy-LBN");
    assert_eq!(r.indicators_created[2].id, "invoices-paid-LBH");
    let ws = ds.indicator("WS1-thurrock-council").unwrap();
    assert_eq!(
        ws.values.len(),
        2,
        "the second row matched by name, whatever the case"
    );
    assert_eq!(ws.polarity, Polarity::Higher);
    assert_eq!(
        ds.indicator("invoices-paid-LBH").unwrap().frequency,
        Frequency::Annual
    );
    assert_eq!(
        ds.service("waste").unwrap().councils,
        vec!["thurrock-council"]
    );
    assert_eq!(r.values_added, 4);
    assert_eq!(
        r.summary(),
        "3 indicators created, 4 values added, 1 council created (Thurrock Council), 2 services created (Waste, Payments)"
    );
    assert!(validate(&ds).is_empty());
    // A service gaining a council is reported.
    let text = "indicator,council,service,period,actual\nLibrary visits,Thurrock Council,Finance,2019-20-Q1,5\n";
    let (ds2, r2) = import_csv(Some(&ds), text, "more.csv").unwrap();
    assert_eq!(r2.services_extended.len(), 1);
    assert_eq!(r2.services_extended[0].0.id, "finance");
    assert_eq!(r2.services_extended[0].1.id, "thurrock-council");
    assert!(ds2
        .service("finance")
        .unwrap()
        .councils
        .contains(&"thurrock-council".to_string()));
    assert!(r2
        .notes
        .iter()
        .any(|n| n == "Row 2: service \"Finance\" now also serves Thurrock Council"));
}

// ------------------------------------------------------------------------------------------
// Export and round trip

#[test]
fn export_layout() {
    let ds = sample();
    let out = export_all(&ds);
    assert!(out.starts_with('\u{feff}'));
    let body = &out['\u{feff}'.len_utf8()..];
    let mut lines = body.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "indicator_id,indicator,council,service,frequency,polarity,unit,period,target,actual,rag,rag_justification,commentary,reason,remedial_action"
    );
    assert!(out.ends_with("\r\n"));
    assert!(!out.replace("\r\n", "").contains('\r'));
    // Quoting, doubled quotes, the formula guard, plain numbers, the manual status.
    assert!(out.contains("\"Days lost to sickness, per FTE\",havering,hr,quarterly,lower,days,2018-19-Q4,2,3.5,amber,"), "{out}");
    assert!(out.contains("\"Up on last year, mostly \"\"long-term\"\" cases,\nsee the HR report\""));
    assert!(out.contains(",\"'=HYPERLINK(\"\"x\"\") is not a formula here; -5 days; @HR\""));
    assert!(out.contains(",\"'+ a small overspend, 'see note'\""));
    assert!(out.contains("2019-20-Q1,-100,-105.25,,"));
    assert!(out.contains("calls,Calls answered,havering,finance,monthly,none,,2019-07,,1234567,,"));
    assert!(out.contains(",2019-08,,0.30000000000000004,"));
    // 2019-20-Q2 for hr has no manual status: the rag cell is blank.
    assert!(out.contains("2019-20-Q2,2,1.9,,,\"On target; well done, team\",,\r\n"));
    // Rows follow the indicators given, values in period order.
    let hr_rows: Vec<&str> = body
        .lines()
        .filter(|l| l.starts_with("hr-sick-hav"))
        .collect();
    assert!(hr_rows[0].contains("2018-19-Q4") && hr_rows[1].contains("2019-20-Q1"));
}

#[test]
fn round_trip_into_an_empty_copy_and_a_new_dataset() {
    let ds = sample();
    let out = export_all(&ds);
    // Into the same structure without values.
    let empty = without_values(&ds);
    let (back, r) = import_csv(Some(&empty), &out, "export.csv").unwrap();
    assert_eq!(back, ds, "every value the same");
    assert_eq!(r.values_added, 9);
    assert_eq!(r.values_changed, 0);
    assert!(r.indicators_created.is_empty() && r.councils_created.is_empty());
    // As a new dataset: the same indicators with the same values.
    let (fresh, r) = import_csv(None, &out, "export.csv").unwrap();
    assert!(validate(&fresh).is_empty());
    assert_eq!(fresh.format, FORMAT);
    assert_eq!(fresh.title, "export");
    assert_eq!(r.indicators_created.len(), 4);
    assert_eq!(r.councils_created.len(), 2);
    assert_eq!(r.services_created.len(), 2);
    for ind in &ds.indicators {
        let got = fresh.indicator(&ind.id).unwrap();
        assert_eq!(got.values, ind.values, "{}", ind.id);
        assert_eq!(
            (
                got.name.as_str(),
                got.frequency,
                got.polarity,
                got.unit.as_deref()
            ),
            (
                ind.name.as_str(),
                ind.frequency,
                ind.polarity,
                ind.unit.as_deref()
            )
        );
        assert_eq!(got.scope, ind.scope);
        assert_eq!(got.service, ind.service);
    }
    // And once more: export of the new dataset is the same file.
    assert_eq!(export_all(&fresh), out);
}

#[test]
fn export_then_import_onto_the_same_dataset_changes_nothing() {
    let ds = sample();
    let out = export_all(&ds);
    let (back, r) = import_csv(Some(&ds), &out, "export.csv").unwrap();
    assert_eq!(back, ds);
    assert_eq!((r.values_added, r.values_changed), (0, 0));
    assert_eq!(r.values_unchanged, 9);
    assert!(r.is_no_change());
    assert_eq!(
        r.summary(),
        "No changes: 9 values are already as in the file"
    );
    assert!(r.disagreements.is_empty(), "{:?}", r.disagreements);
}

#[test]
fn a_template_for_chosen_periods() {
    let ds = sample();
    let hr = ds.indicator("hr-sick-hav").unwrap();
    let survey = ds.indicator("survey").unwrap();
    let periods = [p("2019-20-Q3"), p("2019-20-Q2"), p("2019-20")];
    let out = export_returns(&ds, &[hr, survey], Some(&periods));
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[0].contains(",2019-20-Q2,2,1.9,"));
    assert!(
        rows[1].ends_with(",2019-20-Q3,,,,,,,\r") || rows[1].ends_with(",2019-20-Q3,,,,,,,"),
        "{}",
        rows[1]
    );
    assert!(rows[2].starts_with("survey,") && rows[2].contains(",2019-20,,,"));
    // Filling in the template adds values; the rows left blank are skipped.
    let filled = out.replace(",2019-20-Q3,,,", ",2019-20-Q3,2,2.4,");
    let (after, r) = import_csv(Some(&ds), &filled, "template.csv").unwrap();
    assert_eq!((r.values_added, r.values_unchanged), (1, 1));
    assert_eq!(r.rows_skipped, vec![4]);
    assert_eq!(
        after
            .indicator("hr-sick-hav")
            .unwrap()
            .value(&p("2019-20-Q3"))
            .unwrap()
            .actual,
        Some(2.4)
    );
}

#[test]
fn optional_onesource_dataset_round_trips() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/onesource.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let Ok(ds) = parse_dataset(&text) else {
        return; // being written by someone else; its own tests say whether it is valid.
    };
    let out = export_all(&ds);
    let (back, r) = import_csv(Some(&ds), &out, "onesource.csv").unwrap();
    assert_eq!(r.values_changed, 0);
    assert_eq!(r.values_added, 0);
    assert_eq!(back, ds);
    let (back, _) = import_csv(Some(&without_values(&ds)), &out, "onesource.csv").unwrap();
    for (a, b) in back.indicators.iter().zip(&ds.indicators) {
        assert_eq!(a.values, b.values, "{}", a.id);
    }
}

// ------------------------------------------------------------------------------------------
// Financial years whose YYYY-YY spelling is also a month (2010-11 is November 2010)

fn years_fixture() -> Dataset {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/annual-2009-10-to-2011-12.json"
    );
    parse_dataset(&std::fs::read_to_string(path).unwrap()).expect("the fixture is valid")
}

fn years(fys: &[i32]) -> Vec<Period> {
    fys.iter().map(|&fy| Period::Year { fy }).collect()
}

fn periods_of(ds: &Dataset, id: &str) -> Vec<Period> {
    ds.indicator(id)
        .unwrap()
        .values
        .iter()
        .map(|v| v.period)
        .collect()
}

#[test]
fn an_export_of_2009_10_to_2011_12_imports_again_with_the_same_periods() {
    let ds = years_fixture();
    assert_eq!(periods_of(&ds, "CT-01"), years(&[2009, 2010, 2011]));
    let out = export_all(&ds);
    assert!(
        out.contains(
            "CT-01,% of council tax collected in year,test,finance,annual,higher,%,2010/11,96.5,96.8,,,Best year yet,,\r\n"
        ),
        "{out}"
    );
    assert!(out.contains(",annual,higher,%,2009/10,96.5,96.1,"));
    assert!(out.contains(",annual,higher,%,2011/12,97,96.9,"));
    assert!(out.contains(",monthly,none,£k,2010-11,,5120,"));
    // Into the same structure without values: every value back, in the same period.
    let (back, r) = import_csv(Some(&without_values(&ds)), &out, "years.csv").unwrap();
    assert_eq!(back, ds);
    assert_eq!(r.values_added, 5);
    // Onto itself: nothing changes.
    let (same, r) = import_csv(Some(&ds), &out, "years.csv").unwrap();
    assert_eq!(same, ds);
    assert!(r.is_no_change(), "{}", r.summary());
    // As a new dataset: the same periods.
    let (fresh, _) = import_csv(None, &out, "years.csv").unwrap();
    assert_eq!(periods_of(&fresh, "CT-01"), years(&[2009, 2010, 2011]));
    assert_eq!(
        periods_of(&fresh, "CT-02"),
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
    assert_eq!(export_all(&fresh), out);
}

#[test]
fn a_return_writing_2010_11_the_old_way_reads_it_by_frequency() {
    let ds = years_fixture();
    // The frequency column says annual: 2009-10, 2010-11 and 2011-12 are years.
    let text = "indicator_id,frequency,period,actual\r\n\
                CT-01,annual,2009-10,95\r\n\
                CT-01,annual,2010-11,96\r\n\
                CT-01,annual,2011-12,97\r\n";
    let returns = read_returns(text).unwrap();
    assert_eq!(
        returns.rows.iter().map(|r| r.period).collect::<Vec<_>>(),
        years(&[2009, 2010, 2011])
    );
    let (after, r) = import_returns(Some(&ds), &returns, "old.csv").unwrap();
    assert_eq!(r.values_changed, 3);
    assert_eq!(periods_of(&after, "CT-01"), years(&[2009, 2010, 2011]));
    assert_eq!(
        after
            .indicator("CT-01")
            .unwrap()
            .value(&Period::Year { fy: 2010 })
            .unwrap()
            .actual,
        Some(96.0)
    );
    // No frequency column: the indicator's own (annual) decides.
    let text = "indicator_id,period,actual\r\nCT-01,2010-11,96\r\nCT-02,2010-11,5000\r\n";
    let (after, r) = import_csv(Some(&ds), text, "old.csv").unwrap();
    assert_eq!(r.values_changed, 2);
    let ct01 = after.indicator("CT-01").unwrap();
    assert_eq!(
        ct01.value(&Period::Year { fy: 2010 }).unwrap().actual,
        Some(96.0)
    );
    let ct02 = after.indicator("CT-02").unwrap();
    let nov = Period::Month {
        year: 2010,
        month: 11,
    };
    assert_eq!(ct02.value(&nov).unwrap().actual, Some(5000.0));
    // A row that says monthly means the month, which an annual indicator refuses.
    let text = "indicator_id,frequency,period,actual\r\nCT-01,monthly,2010-11,96\r\n";
    let e = messages(&import_csv(Some(&ds), text, "old.csv").unwrap_err());
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("November 2010 is a month"), "{e:?}");
    // A month written as Excel writes it is still a month, whatever the frequency.
    let returns =
        read_returns("indicator_id,frequency,period,actual\r\nCT-02,annual,Nov-10,1\r\n").unwrap();
    assert_eq!(returns.rows[0].period, nov);
    assert_eq!(
        parse_period_for(" 2010-11 ", Frequency::Biennial),
        Ok(Period::Year { fy: 2010 })
    );
    assert_eq!(parse_period_for("2010-11", Frequency::Monthly), Ok(nov));
    assert_eq!(
        parse_period_for("Q1 2010/11", Frequency::Quarterly),
        Ok(Period::Quarter { fy: 2010, q: 1 })
    );
}

// ------------------------------------------------------------------------------------------
// Separators and real files

#[test]
fn semicolons_and_windows_line_ends_import() {
    let text = "\u{feff}Indicator;Council;Service;Period;Target;Actual;Commentary\r\n\
                Recycling rate;Hart District Council;Waste;Q2 2019/20;45,5;47,25;\"Up; well done\"\r\n\
                Recycling rate;Hart District Council;Waste;2019/20 Q3;45,5;1.234,5;\r\n";
    let returns = read_returns(text).unwrap();
    assert_eq!(returns.separator, Separator::Semicolon);
    let (ds, r) = import_returns(None, &returns, "recycling.csv").unwrap();
    let ind = &ds.indicators[0];
    assert_eq!(ind.values[0].target, Some(45.5));
    assert_eq!(ind.values[0].actual, Some(47.25));
    assert_eq!(ind.values[0].commentary.as_deref(), Some("Up; well done"));
    assert_eq!(ind.values[1].actual, Some(1234.5));
    assert_eq!(ind.values[1].period, p("2019-20-Q3"));
    assert_eq!(r.values_added, 2);
    assert!(r.notes.iter().any(|n| n.contains("decimal mark")));
    assert_eq!(ds.organisation, "Hart District Council");
    assert_eq!(ds.title, "recycling");
}

#[test]
fn hart_fixture_imports_as_a_new_dataset() {
    let text = hart_text();
    let returns = read_returns(&text).unwrap();
    assert_eq!(returns.rows.len(), 90);
    // published_direction is read (blank throughout: Hart published none); the others are not
    // part of a return.
    assert_eq!(returns.ignored_columns, vec!["source_url", "notes"]);
    assert_eq!(returns.column_name(Field::Direction), "published_direction");
    assert!(returns.rows.iter().all(|r| r.direction.is_none()));
    assert_eq!(returns.column_name(Field::Rag), "published_rag");
    let (ds, r) = import_returns(None, &returns, "hart-kpis-2014-15.csv").unwrap();
    assert!(validate(&ds).is_empty());
    // The dataset reads back from its own JSON.
    assert_eq!(parse_dataset(&ds.to_json()).unwrap(), ds);
    assert_eq!(ds.indicators.len(), 45);
    assert_eq!(
        ds.indicators.iter().map(|i| i.values.len()).sum::<usize>(),
        90
    );
    assert_eq!(ds.councils.len(), 1);
    assert_eq!(ds.councils[0].id, "hart-district-council");
    assert_eq!(ds.councils[0].name, "Hart District Council");
    assert_eq!(
        (ds.title.as_str(), ds.organisation.as_str()),
        ("Hart District Council performance", "Hart District Council")
    );
    let mut services: Vec<&str> = ds.services.iter().map(|s| s.name.as_str()).collect();
    services.sort();
    assert_eq!(
        services,
        vec![
            "Audit",
            "Customer Services",
            "Environmental & Technical Services",
            "Finance, Revs and Bens",
            "HR",
            "Housing Services",
            "IT Services",
            "Leisure Services",
            "Planning Services",
            "Regulatory Services",
            "Safer North Hants",
        ]
    );
    assert!(ds
        .services
        .iter()
        .all(|s| s.councils == vec!["hart-district-council"]));
    assert_eq!(r.indicators_created.len(), 45);
    assert_eq!(r.values_added, 90);
    assert_eq!(
        r.summary(),
        "45 indicators created, 90 values added, 1 council created (Hart District Council), 11 services created"
    );
    // Ids from the leading codes.
    let cs01 = ds.indicator("CS01-hart-district-council").unwrap();
    assert!(cs01.name.starts_with("CS01 Quality of Customer Service"));
    assert_eq!(cs01.polarity, Polarity::None, "polarity is not published");
    assert_eq!(cs01.frequency, Frequency::Quarterly);
    assert_eq!(cs01.unit.as_deref(), Some("%"));
    let ets = ds.indicator("ETS01-hart-district-council").unwrap();
    assert_eq!(ets.unit.as_deref(), Some("per 100,000"));
    // QUALITY rows import: ETS01's placeholder zero is there, with the published Red.
    let q1 = ets.value(&p("2014-15-Q1")).unwrap();
    assert_eq!(
        (q1.target, q1.actual, q1.rag),
        (Some(40.0), Some(0.0), Some(Rag::Red))
    );
    // The published status is the council's own: kept as set by hand; blank stays blank.
    let snh03 = ds
        .indicators
        .iter()
        .find(|i| i.name.starts_with("SNH03"))
        .unwrap();
    assert_eq!(snh03.values[0].rag, None);
    assert_eq!(snh03.values[0].target, None);
    let statuses = ds
        .indicators
        .iter()
        .flat_map(|i| &i.values)
        .filter(|v| v.rag.is_some())
        .count();
    assert_eq!(statuses, 83);
    // Statuses that fit neither polarity are listed: FI06 met its target exactly but is Amber.
    let fi06 = r
        .disagreements
        .iter()
        .find(|d| d.indicator_id == "FI06-hart-district-council")
        .expect("FI06 Q2: 97 against 97, published Amber");
    assert_eq!(fi06.period, p("2014-15-Q2"));
    assert_eq!(fi06.published, Rag::Amber);
    assert_eq!(
        fi06.computed,
        vec![
            (Polarity::Higher, Rag::Green),
            (Polarity::Lower, Rag::Green)
        ]
    );
    let joined = r.notes.join("\n");
    assert!(joined.contains(&format!(
        "Row {}: the file says Amber, the rules compute Green whichever way is better (\"FI06 % of undisputed invoices paid on time (old BVPI8)\", Q2 2014/15)",
        fi06.row
    )), "{joined}");
    assert!(
        joined.contains(
            "83 rows give a status (Red, Amber or Green) for an indicator with no polarity"
        ),
        "{joined}"
    );
    assert!(r.notes[0].starts_with("Columns ignored"));
    for d in &r.disagreements {
        assert!(d.computed.iter().all(|(_, c)| *c != d.published));
    }
    // Importing the same file again into the result changes nothing.
    let (again, r2) = import_returns(Some(&ds), &returns, "hart-kpis-2014-15.csv").unwrap();
    assert_eq!(again, ds);
    assert!(r2.is_no_change());
    assert_eq!(r2.values_unchanged, 90);
    // And its export imports back the same values.
    let out = export_all(&ds);
    let (back, _) = import_csv(Some(&without_values(&ds)), &out, "hart.csv").unwrap();
    assert_eq!(back, ds);
}

#[test]
fn hart_fixture_with_a_polarity_checks_the_published_status() {
    // Set HR11 (days lost to sickness) to lower-is-better, then re-import: Q2 2.7 against 3.15 is
    // Green by the rules, but Hart published Red.
    let text = hart_text();
    let (mut ds, _) = import_csv(None, &text, "hart-kpis-2014-15.csv").unwrap();
    let hr11 = ds
        .indicators
        .iter_mut()
        .find(|i| i.name.starts_with("HR11"))
        .unwrap();
    hr11.polarity = Polarity::Lower;
    // Statuses already in the dataset are not news: start HR11 afresh.
    hr11.values.clear();
    let (_, r) = import_csv(Some(&ds), &text, "hart-kpis-2014-15.csv").unwrap();
    let d: Vec<&RagDisagreement> = r
        .disagreements
        .iter()
        .filter(|d| d.indicator_id == "HR11-hart-district-council")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].period, p("2014-15-Q2"));
    assert_eq!(
        (d[0].published, d[0].computed.clone()),
        (Rag::Red, vec![(Polarity::Lower, Rag::Green)])
    );
    assert!(r.notes.iter().any(|n| n.starts_with(&format!(
        "Row {}: the file says Red, the rules compute Green (\"HR11",
        d[0].row
    ))));
}

#[test]
fn a_large_return_imports_and_merges() {
    // 600 indicators × 8 quarters, matched by name on the second import.
    let mut text = String::from("indicator,council,service,period,target,actual\r\n");
    for i in 0..600 {
        for q in 1..=4 {
            for fy in [2018, 2019] {
                text.push_str(&format!(
                    "Indicator number {i},Council {},Service {},{fy}-{:02}-Q{q},{},{}.5\r\n",
                    i % 3,
                    i % 17,
                    (fy + 1) % 100,
                    i,
                    i + q
                ));
            }
        }
    }
    let (ds, r) = import_csv(None, &text, "big.csv").unwrap();
    assert_eq!((ds.indicators.len(), r.values_added), (600, 4800));
    assert_eq!((ds.councils.len(), ds.services.len()), (3, 17));
    let (again, r) = import_csv(Some(&ds), &text, "big.csv").unwrap();
    assert_eq!(again, ds);
    assert_eq!(r.values_unchanged, 4800);
}

// ------------------------------------------------------------------------------------------
// Never panics

fn csvish() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "indicator_id,indicator,council,service,period,target,actual,rag,polarity,frequency\n",
        "indicator;council;service;period;actual\r\n",
        "indicator\tperiod\tactual\n",
        "sep=,\nindicator,period,actual,commentary\n",
        "",
    ]);
    let body = "[a-cA-C0-9 ,;\t\"\r\n'=£%.\\-/QGq\u{feff}é]{0,300}";
    (header, body).prop_map(|(h, b)| format!("{h}{b}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = read_csv(&s);
        let _ = read_returns(&s);
        let _ = import_csv(None, &s, &s);
        let _ = import_readable(None, &s, &s);
        let _ = parse_number(&s);
        let _ = parse_period(&s);
        let _ = decode_bytes(s.as_bytes());
    }

    #[test]
    fn csv_like_text_never_panics_and_imports_validly(s in csvish()) {
        let base = sample();
        if let Ok(returns) = read_returns(&s) {
            for b in [None, Some(&base)] {
                if let Ok((ds, _)) = import_returns(b, &returns, "x.csv") {
                    prop_assert!(validate(&ds).is_empty());
                }
            }
        }
        let _ = import_csv(Some(&base), &s, "x.csv");
        // The readable rows of any file import validly, and what is left out names its rows.
        for b in [None, Some(&base)] {
            if let Ok((ds, r)) = import_readable(b, &s, "x.csv") {
                prop_assert!(validate(&ds).is_empty());
                prop_assert!(r.left_out.iter().all(|p| p.row.is_some()));
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(text) = decode_bytes(&b) {
            let _ = import_csv(None, &text, "x.csv");
        }
    }

    #[test]
    fn cells_round_trip_through_the_writer(cells in prop::collection::vec("[a-z ,;\"\r\n'=+@\t-]{0,12}", 1..6)) {
        // A first cell that is not blank, so the record is never skipped as blank.
        let mut cells = cells;
        cells.insert(0, "x".to_string());
        let line = csv_line(&cells);
        let t = read_csv(&line).unwrap();
        let expected: Vec<String> = cells.iter().map(|c| c.replace("\r\n", "\n").replace('\r', "\n")).collect();
        prop_assert_eq!(&t.records[0].cells, &expected);
        for c in &cells {
            let guarded = guard_formula(c);
            prop_assert_eq!(unguard_formula(&guarded), c.as_str());
        }
    }
}
