//! Reporting periods as people read them: the UK financial year runs April to March, so
//! Q1 2019/20 is April–June 2019 and Q4 2019/20 is January–March 2020. Every expected answer
//! below was worked out by hand from that, never by calling the code.

use chrono::NaiveDate;
use gt_core::Period;

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn each_quarter_of_a_financial_year_starts_and_ends_on_the_right_day() {
    let cases = [
        (
            "2019-20-Q1",
            day(2019, 4, 1),
            day(2019, 6, 30),
            "April–June 2019",
        ),
        (
            "2019-20-Q2",
            day(2019, 7, 1),
            day(2019, 9, 30),
            "July–September 2019",
        ),
        (
            "2019-20-Q3",
            day(2019, 10, 1),
            day(2019, 12, 31),
            "October–December 2019",
        ),
        (
            "2019-20-Q4",
            day(2020, 1, 1),
            day(2020, 3, 31),
            "January–March 2020",
        ),
    ];
    for (id, start, end, months) in cases {
        let q = p(id);
        assert_eq!((q.start(), q.end()), (start, end), "{id}");
        assert_eq!(q.months_label(), months, "{id}");
    }
    // The year runs from 1 April to 31 March.
    let y = p("2019-20");
    assert_eq!((y.start(), y.end()), (day(2019, 4, 1), day(2020, 3, 31)));
    assert_eq!(y.months_label(), "April 2019–March 2020");
}

#[test]
fn a_month_is_named_once() {
    assert_eq!(p("2019-07").months_label(), "July 2019");
    assert_eq!(p("2020-01").months_label(), "January 2020");
    assert_eq!(p("2019-07").label(), "July 2019");
}

#[test]
fn the_period_before() {
    // Quarters step back one at a time, Q1 back into the previous year's Q4.
    assert_eq!(p("2019-20-Q4").previous(), p("2019-20-Q3"));
    assert_eq!(p("2019-20-Q3").previous(), p("2019-20-Q2"));
    assert_eq!(p("2019-20-Q2").previous(), p("2019-20-Q1"));
    assert_eq!(p("2019-20-Q1").previous(), p("2018-19-Q4"));
    assert_eq!(p("2019-20").previous(), p("2018-19"));
    assert_eq!(p("2019-07").previous(), p("2019-06"));
    assert_eq!(p("2019-03").previous(), p("2019-02"));
    assert_eq!(p("2020-01").previous(), p("2019-12"));
}

#[test]
fn the_period_after() {
    assert_eq!(p("2019-20-Q1").next(), p("2019-20-Q2"));
    assert_eq!(p("2019-20-Q2").next(), p("2019-20-Q3"));
    assert_eq!(p("2019-20-Q3").next(), p("2019-20-Q4"));
    assert_eq!(p("2019-20-Q4").next(), p("2020-21-Q1"));
    assert_eq!(p("2019-20").next(), p("2020-21"));
    assert_eq!(p("2019-07").next(), p("2019-08"));
    assert_eq!(p("2019-11").next(), p("2019-12"));
    assert_eq!(p("2019-12").next(), p("2020-01"));
}

#[test]
fn the_same_period_a_year_earlier() {
    assert_eq!(p("2019-20-Q3").year_earlier(), p("2018-19-Q3"));
    assert_eq!(p("2019-20").year_earlier(), p("2018-19"));
    assert_eq!(p("2019-07").year_earlier(), p("2018-07"));
    assert_eq!(p("2020-02").year_earlier(), p("2019-02"));
}

#[test]
fn a_year_written_in_full_as_officers_do() {
    assert_eq!(
        Period::parse_lenient("2019-2020"),
        Ok(Period::Year { fy: 2019 })
    );
    assert_eq!(
        Period::parse_lenient(" 2019-2020 "),
        Ok(Period::Year { fy: 2019 })
    );
    assert!(Period::parse_lenient("2019-2021").is_err());
}

#[test]
fn a_year_has_four_digits() {
    for s in [
        "Q2 02019/20",
        "Q2 +2019/20",
        "02019/20",
        "02019-20 Q2",
        "Q2 201/02",
    ] {
        assert!(Period::parse_lenient(s).is_err(), "{s}");
    }
}
