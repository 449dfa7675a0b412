//! CSV returns as councils really send them: qualifiers in the frequency and period cells, a
//! published direction of travel compared with the rules, and importing the readable rows of a
//! file that has some unreadable ones. Expected values are worked out by hand from the files
//! below and from the fixtures, not by calling the code.

use gt_core::csv::*;
use gt_core::rag::Direction;
use gt_core::*;

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// 15 quarterly indicators (CT-01, NNDR-01, INV-01 higher is better; HR-01, HR-02 lower is
/// better; for LBH, LBN and LBB), each with one figure for Q4 2018/19.
fn base() -> Dataset {
    parse_dataset(&fixture("returns-base.json")).expect("the fixture is valid")
}

fn messages(problems: &[CsvProblem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

fn value<'a>(ds: &'a Dataset, id: &str, period: &str) -> Option<&'a IndicatorValue> {
    ds.indicator(id).unwrap().value(&p(period))
}

// ------------------------------------------------------------------------------------------
// Qualifiers in the frequency cell

#[test]
fn a_frequency_with_cumulative_or_year_to_date_is_the_frequency_and_a_cumulative_measure() {
    let q = Some(Frequency::Quarterly);
    let cumulative = Some(Measure::Cumulative);
    assert_eq!(
        parse_frequency_cell("quarterly (cumulative)"),
        Ok((q, cumulative))
    );
    assert_eq!(
        parse_frequency_cell("Quarterly - year to date"),
        Ok((q, cumulative))
    );
    assert_eq!(parse_frequency_cell("Quarterly YTD"), Ok((q, cumulative)));
    assert_eq!(
        parse_frequency_cell("cumulative quarterly"),
        Ok((q, cumulative))
    );
    assert_eq!(
        parse_frequency_cell("Monthly (year-to-date)"),
        Ok((Some(Frequency::Monthly), cumulative))
    );
    // The qualifier alone: no frequency, but the measure.
    assert_eq!(parse_frequency_cell("Year to date"), Ok((None, cumulative)));
    assert_eq!(parse_frequency_cell("YTD"), Ok((None, cumulative)));
    // Without a qualifier, as before; "year" alone is still annual.
    assert_eq!(parse_frequency_cell("quarterly"), Ok((q, None)));
    assert_eq!(
        parse_frequency_cell("Yearly"),
        Ok((Some(Frequency::Annual), None))
    );
    assert_eq!(parse_frequency_cell("  "), Ok((None, None)));
    assert_eq!(
        parse_frequency_cell("weekly"),
        Err("\"weekly\" is not a frequency (use monthly, quarterly, annual, biennial)".into())
    );
    assert_eq!(
        parse_frequency_cell("weekly (cumulative)"),
        Err("\"weekly (cumulative)\" is not a frequency (use monthly, quarterly, annual, biennial, with \"(cumulative)\" or \"year to date\" after it if the figures are cumulative)".into())
    );
    assert!(parse_frequency_cell("quarterly (in arrears)").is_err());
}

#[test]
fn a_new_indicator_reported_cumulatively_is_created_cumulative() {
    let text = "indicator,council,service,frequency,period,target,actual\n\
                Council tax collected,Hart District Council,Finance,quarterly (cumulative),2014/15 Q1,28,27.5\n\
                Council tax collected,Hart District Council,Finance,quarterly (cumulative),2014/15 Q2,56,55.9\n\
                Missed bins,Hart District Council,Waste,Quarterly,2014/15 Q1,50,42\n\
                Rent arrears,Hart District Council,Housing,,2014/15 Q1,2,1.9\n\
                Rent arrears,Hart District Council,Housing,YTD,2014/15 Q2,2,2.1\n";
    let returns = read_returns(text).unwrap();
    assert_eq!(
        returns
            .rows
            .iter()
            .map(|r| (r.frequency, r.measure))
            .collect::<Vec<_>>(),
        vec![
            (Some(Frequency::Quarterly), Some(Measure::Cumulative)),
            (Some(Frequency::Quarterly), Some(Measure::Cumulative)),
            (Some(Frequency::Quarterly), None),
            (None, None),
            (None, Some(Measure::Cumulative)),
        ]
    );
    let (ds, r) = import_returns(None, &returns, "hart.csv").unwrap();
    let ct = ds
        .indicator("council-tax-collected-hart-district-council")
        .unwrap();
    assert_eq!(
        (ct.frequency, ct.measure),
        (Frequency::Quarterly, Some(Measure::Cumulative))
    );
    assert_eq!(ct.values.len(), 2);
    let bins = ds.indicator("missed-bins-hart-district-council").unwrap();
    assert_eq!(bins.measure, None);
    // A later row fills in what the first left blank.
    let rent = ds.indicator("rent-arrears-hart-district-council").unwrap();
    assert_eq!(
        (rent.frequency, rent.measure),
        (Frequency::Quarterly, Some(Measure::Cumulative))
    );
    let joined = r.notes.join("\n");
    assert!(
        joined.contains(
            "Row 2: \"Council tax collected\" is recorded as cumulative (year to date), as its frequency says"
        ),
        "{joined}"
    );
    assert!(
        joined.contains(
            "Row 6: \"Rent arrears\" is recorded as cumulative (year to date), as its frequency says"
        ),
        "{joined}"
    );
    // Said once per indicator, not on every row.
    assert_eq!(
        joined
            .matches("\"Council tax collected\" is recorded")
            .count(),
        1
    );
    assert!(validate(&ds).is_empty());
}

#[test]
fn an_existing_indicator_keeps_its_value_type_and_the_import_says_so() {
    let base = base();
    let text = "indicator_id,frequency,period,target,actual\n\
                CT-01-LBH,quarterly (cumulative),Q1 2019/20,24,24.5\n\
                CT-01-LBH,quarterly (cumulative),Q2 2019/20,48,48.2\n";
    let (ds, r) = import_csv(Some(&base), text, "ytd.csv").unwrap();
    assert_eq!(ds.indicator("CT-01-LBH").unwrap().measure, None);
    assert_eq!(r.values_added, 2);
    let joined = r.notes.join("\n");
    assert!(joined.contains("Row 2: the file says \"% of council tax collected\" is cumulative (year to date); it stays with no value type set"), "{joined}");
    assert_eq!(joined.matches("is cumulative (year to date)").count(), 1);
    // One that is a snapshot stays a snapshot.
    let mut snap = base.clone();
    snap.indicators[0].measure = Some(Measure::Snapshot);
    let (ds, r) = import_csv(Some(&snap), text, "ytd.csv").unwrap();
    assert_eq!(ds.indicators[0].measure, Some(Measure::Snapshot));
    assert!(r
        .notes
        .iter()
        .any(|n| n.ends_with("it stays a snapshot at the end of each period")));
    // Already cumulative: nothing to say.
    let mut cum = base.clone();
    cum.indicators[0].measure = Some(Measure::Cumulative);
    let (_, r) = import_csv(Some(&cum), text, "ytd.csv").unwrap();
    assert!(
        !r.notes.iter().any(|n| n.contains("cumulative")),
        "{:?}",
        r.notes
    );
}

// ------------------------------------------------------------------------------------------
// Words in brackets after the period

#[test]
fn words_in_brackets_after_a_period_are_split_off() {
    assert_eq!(
        period_and_words("2014/15 (annual report; data to Q3)"),
        Some(("2014/15", "annual report; data to Q3".to_string()))
    );
    assert_eq!(
        period_and_words(" Q2 2019/20 (provisional) [revised in May] "),
        Some(("Q2 2019/20", "provisional; revised in May".to_string()))
    );
    assert_eq!(
        period_and_words("2019/20 - (to be confirmed (see note))"),
        Some(("2019/20", "to be confirmed (see note)".to_string()))
    );
    assert_eq!(period_and_words("2014/15"), None);
    assert_eq!(period_and_words("(2014/15)"), None);
    assert_eq!(period_and_words("2014/15 ()"), None);
    assert_eq!(period_and_words("2014/15 (unclosed"), None);
    assert_eq!(period_and_words("2014/15 unopened)"), None);
}

#[test]
fn a_period_with_words_in_brackets_keeps_the_period_and_adds_the_words_to_the_commentary() {
    // CT-01 is annual and has 2010/11 (commentary "Best year yet") and 2011/12 already.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/annual-2009-10-to-2011-12.json"
    );
    let ds = parse_dataset(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = "indicator_id,frequency,period,target,actual,commentary\n\
                CT-01,annual,2010/11 (annual report; data to Q3),96.5,96.8,\n\
                CT-01,annual,2011/12 (provisional),97,97.2,Above target\n\
                CT-02,monthly,Jan-11 [estimate],,5050,\n";
    let returns = read_returns(text).unwrap();
    assert_eq!(
        returns
            .rows
            .iter()
            .map(|r| (r.period, r.period_words.as_deref()))
            .collect::<Vec<_>>(),
        vec![
            (Period::Year { fy: 2010 }, Some("annual report; data to Q3")),
            (Period::Year { fy: 2011 }, Some("provisional")),
            (
                Period::Month {
                    year: 2011,
                    month: 1
                },
                Some("estimate")
            ),
        ]
    );
    let (after, r) = import_returns(Some(&ds), &returns, "annual.csv").unwrap();
    let ct = after.indicator("CT-01").unwrap();
    // Appended to what was recorded (the row has no commentary of its own) ...
    assert_eq!(
        ct.value(&Period::Year { fy: 2010 })
            .unwrap()
            .commentary
            .as_deref(),
        Some("Best year yet\nannual report; data to Q3")
    );
    // ... or to the row's own commentary.
    let y11 = ct.value(&Period::Year { fy: 2011 }).unwrap();
    assert_eq!(y11.commentary.as_deref(), Some("Above target\nprovisional"));
    assert_eq!(y11.actual, Some(97.2));
    // A new value: the words are its commentary.
    let jan = after
        .indicator("CT-02")
        .unwrap()
        .value(&Period::Month {
            year: 2011,
            month: 1,
        })
        .unwrap();
    assert_eq!(jan.commentary.as_deref(), Some("estimate"));
    assert_eq!((r.values_changed, r.values_added), (2, 1));
    assert_eq!(
        r.period_words,
        vec![
            (2, "annual report; data to Q3".to_string()),
            (3, "provisional".to_string()),
            (4, "estimate".to_string()),
        ]
    );
    let joined = r.notes.join("\n");
    assert!(joined.contains("Row 2: the period \"2010/11\" is read as 2010/11; the words in brackets after it, \"annual report; data to Q3\", are added to the commentary"), "{joined}");
    assert!(joined.contains("Row 3: the period \"2011/12\" is read as 2011/12; the words in brackets after it, \"provisional\", are added to the commentary"), "{joined}");
    assert!(
        joined.contains("Row 4: the period \"Jan-11\" is read as January 2011; the words in brackets after it, \"estimate\", are added"),
        "{joined}"
    );
    // The same file again changes nothing: the words are not added twice.
    let (again, r2) = import_returns(Some(&after), &returns, "annual.csv").unwrap();
    assert_eq!(again, after);
    assert!(r2.is_no_change(), "{}", r2.summary());
    assert!(r2.period_words.is_empty());
    // A period that is still not a period is refused, named as written.
    let e = read_returns("indicator_id,period,actual\nCT-01,Q5 2019/20 (draft),1\n").unwrap_err();
    assert_eq!(
        messages(&e),
        vec!["Row 2, column \"period\": \"Q5 2019/20 (draft)\" is not a period (write it like 2019-20-Q2, Q2 2019/20, 2019/20 or 2019-07)"]
    );
}

// ------------------------------------------------------------------------------------------
// The published direction of travel

#[test]
fn direction_words() {
    use PublishedDirection::*;
    for (s, d) in [
        ("Improved", Improved),
        ("better", Improved),
        ("IMPROVING", Improved),
        ("worsened", Worsened),
        ("Worse", Worsened),
        ("declined", Worsened),
        ("No change", Unchanged),
        ("no_change", Unchanged),
        ("same", Unchanged),
        ("Stable", Unchanged),
        ("maintained", Unchanged),
        ("up", Up),
        ("Increased", Up),
        ("down", Down),
        ("falling", Down),
    ] {
        assert_eq!(parse_direction(s), Ok(Some(d)), "{s}");
    }
    assert_eq!(parse_direction(" "), Ok(None));
    for bad in ["↑", "sideways", "G"] {
        assert!(parse_direction(bad).is_err(), "{bad}");
    }
    for h in ["direction", "Published direction", "Direction of travel"] {
        assert_eq!(Field::from_heading(h), Some(Field::Direction), "{h}");
    }
}

#[test]
fn a_published_direction_is_compared_with_the_direction_the_rules_compute() {
    let base = base();
    // Q4 2018/19 in the base: CT-01-LBH 96.4 (higher is better), HR-01-LBH 2.1 and HR-02-LBH
    // 2.9 (lower is better). Q2 comes before Q1 in the file: the direction is worked out with
    // every row in.
    let text = "indicator_id,period,target,actual,Direction of travel\n\
                CT-01-LBH,Q2 2019/20,96,96.5,improved\n\
                CT-01-LBH,Q1 2019/20,96,96.9,Improved\n\
                HR-01-LBH,Q1 2019/20,2,1.8,Up\n\
                HR-01-LBH,Q2 2019/20,2,1.8,same\n\
                HR-02-LBH,Q1 2019/20,3,2.5,better\n\
                INV-01-LBH,Q1 2019/20,95,95.1,↑\n\
                NNDR-01-LBH,Q1 2019/20,97,,worse\n\
                CT-01-LBN,Q1 2019/20,96,95.9,\n";
    let (ds, r) = import_csv(Some(&base), text, "dot.csv").unwrap();
    // Nothing about directions is stored: the figures are.
    assert_eq!(r.values_added, 8);
    assert_eq!(
        value(&ds, "CT-01-LBH", "2019-20-Q2").unwrap().actual,
        Some(96.5)
    );
    // Row 2: 96.9 → 96.5, higher is better: Worsened, not Improved.
    // Row 3: 96.4 → 96.9: Improved, as published. Row 5: 1.8 → 1.8: No change, as published.
    // Row 4: 2.1 → 1.8: the figure went down, not up (Improved, as lower is better).
    // Row 6: 2.9 → 2.5, lower is better: Improved ("better"), as published.
    let d = &r.direction_disagreements;
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(
        (d[0].row, d[0].indicator_id.as_str(), d[0].period),
        (2, "CT-01-LBH", p("2019-20-Q2"))
    );
    assert_eq!(d[0].published, PublishedDirection::Improved);
    assert_eq!(
        (d[0].since, d[0].previous, d[0].actual),
        (p("2019-20-Q1"), 96.9, 96.5)
    );
    assert_eq!(d[0].computed, vec![(Polarity::Higher, Direction::Worsened)]);
    assert_eq!(
        (d[1].row, d[1].published, d[1].since),
        (4, PublishedDirection::Up, p("2018-19-Q4"))
    );
    assert_eq!((d[1].previous, d[1].actual), (2.1, 1.8));
    let joined = r.notes.join("\n");
    assert!(joined.contains("Row 2: the file says the direction is Improved, the rules compute Worsened since Q1 2019/20, from 96.9 to 96.5 (\"% of council tax collected\", Q2 2019/20)"), "{joined}");
    assert!(joined.contains("Row 4: the file says the direction is Up, but the figure went down since Q4 2018/19, from 2.1 to 1.8 (\"Days lost to sickness per FTE\", Q1 2019/20)"), "{joined}");
    // Words it does not read are named, not refused; no actual means nothing to compare.
    assert!(joined.contains("Row 7, column \"Direction of travel\": \"↑\" is not a direction of travel this app reads"), "{joined}");
    assert_eq!(r.directions_unchecked, vec![8]);
    assert!(joined.contains("1 row gives a direction of travel that could not be checked: there is no earlier figure to compare with, or no actual (row 8)"), "{joined}");
    // Statuses are compared as before, alongside.
    assert!(r.disagreements.is_empty(), "{:?}", r.disagreements);
}

#[test]
fn a_direction_for_a_data_only_indicator_is_noted_only_when_it_fits_neither_way() {
    // Polarity unknown: a figure that moved is Improved one way and Worsened the other.
    let text = "indicator,council,service,period,actual,direction\n\
                Calls answered,Hart District Council,Customer Services,Q1 2014/15,100,\n\
                Calls answered,Hart District Council,Customer Services,Q2 2014/15,120,no change\n\
                Calls answered,Hart District Council,Customer Services,Q3 2014/15,110,improved\n\
                Calls answered,Hart District Council,Customer Services,Q4 2014/15,110,down\n";
    let (ds, r) = import_csv(None, text, "calls.csv").unwrap();
    assert_eq!(ds.indicators[0].polarity, Polarity::None);
    let d = &r.direction_disagreements;
    assert_eq!(d.len(), 2, "{d:?}");
    // Row 3: 100 → 120 moved, so "no change" fits neither way.
    assert_eq!(
        (d[0].row, d[0].published),
        (3, PublishedDirection::Unchanged)
    );
    assert_eq!(
        d[0].computed,
        vec![
            (Polarity::Higher, Direction::Improved),
            (Polarity::Lower, Direction::Worsened)
        ]
    );
    // Row 4: 120 → 110 is Improved if lower is better: it fits. Row 5: 110 → 110 did not go down.
    assert_eq!((d[1].row, d[1].published), (5, PublishedDirection::Down));
    assert_eq!(
        d[1].computed,
        vec![(Polarity::Higher, Direction::Unchanged)]
    );
    let joined = r.notes.join("\n");
    assert!(joined.contains("Row 3: the file says the direction is No change, the rules compute Improved if higher is better, Worsened if lower is better, since Q1 2014/15, from 100 to 120 (\"Calls answered\", Q2 2014/15)"), "{joined}");
    assert!(joined.contains("Row 5: the file says the direction is Down, but the figure did not change since Q3 2014/15, from 110 to 110 (\"Calls answered\", Q4 2014/15)"), "{joined}");
    assert!(r.directions_unchecked.is_empty());
}

// ------------------------------------------------------------------------------------------
// Importing the readable rows

/// The fixture: 90 rows (15 indicators × 6 quarters, rows 2 to 91), 4 of them unreadable, each
/// in a different way. Worked out from the file, not from the code.
const ROWS: usize = 90;
const LEFT_OUT: [usize; 4] = [7, 23, 48, 80];

#[test]
fn the_fixture_is_what_the_tests_say() {
    let text = fixture("returns-90-rows-4-unreadable.csv");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), ROWS + 1);
    assert_eq!(lines[7 - 1], "CT-01-LBH,LBH,Q2 2020/21,96.0,9O.5,");
    assert_eq!(lines[23 - 1], "HR-01-LBH,LBH,Q5 2019/20,2.0,1.8,");
    assert_eq!(lines[48 - 1], "INV-01-LBN,Hackney,2020/21 Q1,95.0,95.5,");
    assert_eq!(lines[80 - 1], ",bexley,Q1 2019/20,2.0,1.9,");
}

#[test]
fn a_file_with_4_unreadable_rows_in_90_imports_the_86_readable_ones_on_request() {
    let base = base();
    let before = base.clone();
    let text = fixture("returns-90-rows-4-unreadable.csv");
    // As a whole, the file is refused, and nothing changes.
    let whole = import_csv(Some(&base), &text, "returns.csv").unwrap_err();
    assert_eq!(
        whole.iter().map(|p| p.row).collect::<Vec<_>>(),
        vec![Some(7), Some(23), Some(80)],
        "the reading problems; the merge is not tried"
    );
    assert_eq!(base, before);
    // On request: the readable rows.
    let (ds, r) = import_readable(Some(&base), &text, "returns.csv").unwrap();
    assert_eq!(base, before, "the base is never changed");
    assert_eq!(r.rows_left_out(), LEFT_OUT.to_vec());
    assert_eq!(
        messages(&r.left_out),
        vec![
            "Row 7, column \"actual\": \"9O.5\" is not a number",
            "Row 23, column \"period\": \"Q5 2019/20\" is not a period (write it like 2019-20-Q2, Q2 2019/20, 2019/20 or 2019-07)",
            "Row 48, column \"council\": indicator \"INV-01-LBN\" is for London Borough of Newham, not \"Hackney\"",
            "Row 80, column \"indicator_id\": blank: every row needs the indicator's id or name",
        ]
    );
    assert_eq!(r.rows_read, ROWS - LEFT_OUT.len());
    assert_eq!(r.values_added, 86);
    assert_eq!(r.indicators_updated.len(), 15);
    assert_eq!(
        r.summary(),
        "15 indicators updated, 86 values added, 4 rows left out"
    );
    assert_eq!(
        r.notes[0],
        "4 rows were left out because they cannot be read (rows 7, 23, 48, 80); the other 86 rows were imported."
    );
    // 15 figures before, 86 now added.
    let values: usize = ds.indicators.iter().map(|i| i.values.len()).sum();
    assert_eq!(values, 15 + 86);
    // Row 6 is in, row 7 (the same indicator's next quarter) is not.
    assert_eq!(
        value(&ds, "CT-01-LBH", "2020-21-Q1").unwrap().actual,
        Some(96.5)
    );
    assert_eq!(
        value(&ds, "CT-01-LBH", "2019-20-Q1")
            .unwrap()
            .commentary
            .as_deref(),
        Some("Up on last year, as planned")
    );
    assert!(value(&ds, "CT-01-LBH", "2020-21-Q2").is_none());
    assert!(value(&ds, "HR-01-LBH", "2019-20-Q4").is_none());
    assert!(value(&ds, "INV-01-LBN", "2020-21-Q1").is_none());
    assert!(value(&ds, "HR-01-LBB", "2019-20-Q1").is_none());
    assert_eq!(
        value(&ds, "HR-02-LBB", "2020-21-Q2").unwrap().actual,
        Some(2.7)
    );
    assert_eq!(ds.councils.len(), 3, "no council is created for Hackney");
    assert!(validate(&ds).is_empty());
    // Fixing the four rows, the whole file imports, with the same figures for the others.
    let fixed = text
        .replace(",9O.5,", ",96.6,")
        .replace("Q5 2019/20", "Q4 2019/20")
        .replace(",Hackney,", ",newham,")
        .replace("\r\n,bexley,", "\r\nHR-01-LBB,bexley,");
    let (all, r) = import_csv(Some(&base), &fixed, "returns.csv").unwrap();
    assert_eq!(r.values_added, 90);
    for ind in &ds.indicators {
        for v in &ind.values {
            assert_eq!(all.indicator(&ind.id).unwrap().value(&v.period), Some(v));
        }
    }
}

#[test]
fn a_row_left_out_at_the_merge_leaves_nothing_behind() {
    // Row 3 names a new council, then cannot be merged (a new indicator needs its service): the
    // readable rows are merged again without it, so the council is not created.
    let base = base();
    let text = "indicator,council,period,actual\n\
                % of council tax collected,LBH,Q1 2019/20,96.2\n\
                Library visits,Thurrock Council,Q1 2019/20,5000\n";
    let e = import_csv(Some(&base), text, "x.csv").unwrap_err();
    assert_eq!(
        messages(&e),
        vec!["Row 3: a new indicator needs its service: add a \"service\" column"]
    );
    let (ds, r) = import_readable(Some(&base), text, "x.csv").unwrap();
    assert_eq!(r.rows_left_out(), vec![3]);
    assert_eq!(r.values_added, 1);
    assert!(r.councils_created.is_empty());
    assert_eq!(ds.councils, base.councils);
    assert_eq!(
        value(&ds, "CT-01-LBH", "2019-20-Q1").unwrap().actual,
        Some(96.2)
    );
}

#[test]
fn with_nothing_readable_or_a_broken_file_there_is_nothing_to_import() {
    let base = base();
    // Every row unreadable: every problem, and no dataset.
    let e = import_readable(
        Some(&base),
        "indicator_id,period,actual\nCT-01-LBH,2019-20-Q1,x\n,2019-20-Q2,1\n",
        "x.csv",
    )
    .unwrap_err();
    assert_eq!(
        messages(&e),
        vec![
            "Row 2, column \"actual\": \"x\" is not a number",
            "Row 3, column \"indicator_id\": blank: every row needs the indicator's id or name",
        ]
    );
    // Problems with the file as a whole are not row problems.
    let e =
        import_readable(Some(&base), "indicator_id,actual\nCT-01-LBH,1\n", "x.csv").unwrap_err();
    assert_eq!(e[0].row, Some(1));
    assert!(e[0].message.starts_with("no \"period\" column"), "{}", e[0]);
    let e = import_readable(Some(&base), "a,b\n\"never closed\n", "x.csv").unwrap_err();
    assert!(e[0].message.contains("never closed"), "{}", e[0]);
}

#[test]
fn with_nothing_wrong_importing_the_readable_rows_is_importing_the_file() {
    let hart = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/hart-kpis-2014-15.csv"
    ))
    .expect("the Hart fixture at ../shared/data beside the repo");
    assert_eq!(
        import_readable(None, &hart, "hart.csv"),
        import_csv(None, &hart, "hart.csv")
    );
    let base = base();
    let text = fixture("returns-90-rows-4-unreadable.csv").replace(",9O.5,", ",96.6,");
    let text = text.replace("Q5 2019/20", "Q4 2019/20");
    let text = text.replace(",Hackney,", ",newham,");
    let text = text.replace("\r\n,bexley,", "\r\nHR-01-LBB,bexley,");
    let (ds, r) = import_readable(Some(&base), &text, "returns.csv").unwrap();
    assert!(r.left_out.is_empty());
    assert_eq!(r.summary(), "15 indicators updated, 90 values added");
    assert_eq!(
        (ds, r),
        import_csv(Some(&base), &text, "returns.csv").unwrap()
    );
}

// ------------------------------------------------------------------------------------------
// The split: one module per job, the paths callers use unchanged, no cycle with read.rs

#[test]
fn the_public_paths_of_the_csv_module_stay() {
    // Each path callers and tests use, named once: this fails to compile if one moves.
    let _: fn(&[u8]) -> Result<String, CsvProblem> = gt_core::csv::decode_bytes;
    let _: fn(&str) -> Result<CsvTable, CsvProblem> = gt_core::csv::read_csv;
    let _: fn(&str) -> Result<Returns, Vec<CsvProblem>> = gt_core::csv::read_returns;
    let _: fn(&str) -> Result<Period, String> = gt_core::csv::parse_period;
    let _: fn(&str) -> Result<Option<Rag>, String> = gt_core::csv::parse_rag;
    let _: fn(&str) -> Result<Option<f64>, String> = gt_core::csv::parse_number;
    let _: fn(f64) -> String = gt_core::csv::write_number;
    let _: fn(&Dataset) -> String = gt_core::csv::export_all;
    let _: fn(&str, &str) -> String = gt_core::csv::slug;
    let _ = gt_core::csv::VIEW_COLUMNS;
    let _ = gt_core::csv::Field::EXPORT;
    let _ = gt_core::csv::Separator::Comma;
    let _ = gt_core::csv::ImportReport::default();
    assert_eq!(gt_core::csv::csv_line(&["a", "b,c"]), "a,\"b,c\"\r\n");
    assert_eq!(gt_core::csv::guard_formula("=1"), "'=1");
    assert_eq!(gt_core::csv::scope_cell(&Scope::SharedAll), "shared");
}

#[test]
fn reading_datasets_does_not_depend_on_reading_csv() {
    let read_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/read");
    for entry in std::fs::read_dir(read_dir).unwrap() {
        let path = entry.unwrap().path();
        let read = std::fs::read_to_string(&path).unwrap();
        for csv in ["crate::csv", "super::csv"] {
            assert!(
                !read.contains(csv),
                "{} must not use the csv module",
                path.display()
            );
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/csv");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = text.lines().count();
        assert!(lines <= 800, "{} has {lines} lines", path.display());
    }
}
