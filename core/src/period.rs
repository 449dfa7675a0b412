//! Reporting periods: financial-year quarters, financial years and calendar months.
//!
//! The UK public-sector financial year runs April to March, so "2019-20-Q2" is July–September
//! 2019. Ids are the file format's spelling; labels are how councils write them.
//!
//! A financial year is written `2019-20`, except the years whose `YYYY-YY` spelling is also a
//! month (2000/01 to 2011/12, 2100/01 to 2111/12, …): those are written `2010/11`, so that what
//! the app writes is read back as itself by [`Period::parse`] with no context. [`Period::parse`]
//! reads an ambiguous `2010-11` as November 2010; [`Period::parse_for`] reads it by the
//! indicator's frequency (a year for annual, biennial and quarterly indicators).

use chrono::NaiveDate;
use std::fmt;

/// A reporting period. Ordered by when it ends, then by length (a quarter before the year that
/// ends on the same day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A financial-year quarter: `fy` is the year the financial year starts in (2019 for
    /// 2019/20), `q` is 1..=4.
    Quarter { fy: i32, q: u8 },
    /// A whole financial year starting in April of `fy`.
    Year { fy: i32 },
    /// A calendar month, 1..=12.
    Month { year: i32, month: u8 },
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why a period could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a period (expected e.g. 2019-20-Q2, 2019-20 or 2019-07)",
            self.0
        )
    }
}

fn fy_from_pair(a: &str, b: &str) -> Option<i32> {
    // "2019" and "20" (or "2020"): the second must be the year after the first.
    if a.len() != 4 || !a.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let start: i32 = a.parse().ok()?;
    let next = start + 1;
    let ok = match b.len() {
        2 => b.parse::<i32>().ok()? == next % 100,
        4 => b.parse::<i32>().ok()? == next,
        _ => false,
    };
    (ok && (1900..=2999).contains(&start)).then_some(start)
}

fn quarter_digit(s: &str) -> Option<u8> {
    let s = s.strip_prefix(['Q', 'q'])?;
    match s {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        _ => None,
    }
}

/// Whether the financial year starting in `fy`, spelt `YYYY-YY`, would also be a month
/// (`2010-11` is November 2010): such years are written `2010/11`.
fn dash_form_is_a_month(fy: i32) -> bool {
    (1900..=2999).contains(&fy) && (1..=12).contains(&((fy + 1) % 100))
}

impl Period {
    /// Reads the file format's ids (`2019-20-Q2`, `2019-20`, `2010/11`, `2019-07`). Strict.
    ///
    /// A financial year may also be written `2019/20` or `2019/2020`. A `YYYY-NN` that is both a
    /// month and a financial year (`2010-11`) is read as the month; the app never writes a year
    /// that way (see [`Period::parse_for`] to read it by an indicator's frequency).
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        Period::parse_inner(s, false)
    }

    /// As [`Period::parse`], except that a `YYYY-NN` that is both a month and a financial year
    /// (`2010-11`) is read as the year when `years_first` (see `Period::parse_for`, which decides
    /// it from an indicator's frequency).
    pub fn parse_with(s: &str, years_first: bool) -> Result<Period, PeriodError> {
        Period::parse_inner(s, years_first)
    }

    fn parse_inner(s: &str, years_first: bool) -> Result<Period, PeriodError> {
        let err = || PeriodError(s.to_string());
        let b = s.as_bytes();
        // 2019-07 or 2019-20
        if b.len() == 7 && b[4] == b'-' && s[..4].bytes().all(|c| c.is_ascii_digit()) {
            let year: i32 = s[..4].parse().map_err(|_| err())?;
            let tail = &s[5..];
            if tail.bytes().all(|c| c.is_ascii_digit()) {
                let as_year = fy_from_pair(&s[..4], tail);
                if years_first {
                    if let Some(fy) = as_year {
                        return Ok(Period::Year { fy });
                    }
                }
                let month: u8 = tail.parse().map_err(|_| err())?;
                if (1..=12).contains(&month) && (1900..=2999).contains(&year) {
                    return Ok(Period::Month { year, month });
                }
                if let Some(fy) = as_year {
                    return Ok(Period::Year { fy });
                }
            }
            return Err(err());
        }
        // 2010/11 or 2010/2011: always a financial year.
        if (b.len() == 7 || b.len() == 9) && b[4] == b'/' {
            let tail = &s[5..];
            if tail.bytes().all(|c| c.is_ascii_digit()) {
                if let Some(fy) = fy_from_pair(&s[..4], tail) {
                    return Ok(Period::Year { fy });
                }
            }
            return Err(err());
        }
        // 2019-20-Q2
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            let fy = fy_from_pair(&s[..4], &s[5..7]).ok_or_else(err)?;
            let q = quarter_digit(&s[8..]).ok_or_else(err)?;
            if &s[8..9] != "Q" {
                return Err(err());
            }
            return Ok(Period::Quarter { fy, q });
        }
        Err(err())
    }

    /// Reads the ways officers write periods in spreadsheets as well as the ids:
    /// `Q2 2019/20`, `2019/20 Q2`, `2019/2020 Q2`, `2019-20 Q2`, `2019/20`, `2019-20-Q2`.
    pub fn parse_lenient(s: &str) -> Result<Period, PeriodError> {
        let t = s.trim();
        if let Ok(p) = Period::parse(t) {
            return Ok(p);
        }
        let err = || PeriodError(s.trim().to_string());
        let parts: Vec<&str> = t
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|p| !p.is_empty())
            .collect();
        let year_of = |y: &str| -> Option<i32> {
            let (a, b) = y.split_once(['/', '-'])?;
            fy_from_pair(a, b)
        };
        match parts.as_slice() {
            [a, b] => {
                if let (Some(q), Some(fy)) = (quarter_digit(a), year_of(b)) {
                    return Ok(Period::Quarter { fy, q });
                }
                if let (Some(fy), Some(q)) = (year_of(a), quarter_digit(b)) {
                    return Ok(Period::Quarter { fy, q });
                }
                Err(err())
            }
            [a] => year_of(a).map(|fy| Period::Year { fy }).ok_or_else(err),
            _ => Err(err()),
        }
    }

    /// The file format's id: `2019-20-Q2`, `2019-20` (`2010/11` for the years whose `YYYY-YY`
    /// would be a month), `2019-07`. [`Period::parse`] reads it back as this period.
    pub fn id(&self) -> String {
        self.to_string()
    }

    /// First day of the period.
    pub fn start(&self) -> NaiveDate {
        let (y, m) = self.start_month();
        NaiveDate::from_ymd_opt(y, m as u32, 1).expect("valid month start")
    }

    /// Last day of the period.
    pub fn end(&self) -> NaiveDate {
        let (y, m) = self.end_month();
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        NaiveDate::from_ymd_opt(ny, nm as u32, 1)
            .expect("valid month")
            .pred_opt()
            .expect("a day before")
    }

    fn start_month(&self) -> (i32, u8) {
        match *self {
            Period::Quarter { fy, q } => {
                let m = 4 + (q - 1) * 3; // 4, 7, 10, 13
                if m > 12 {
                    (fy + 1, m - 12)
                } else {
                    (fy, m)
                }
            }
            Period::Year { fy } => (fy, 4),
            Period::Month { year, month } => (year, month),
        }
    }

    fn end_month(&self) -> (i32, u8) {
        match *self {
            Period::Quarter { .. } => {
                let (y, m) = self.start_month();
                let m2 = m + 2;
                if m2 > 12 {
                    (y + 1, m2 - 12)
                } else {
                    (y, m2)
                }
            }
            Period::Year { fy } => (fy + 1, 3),
            Period::Month { year, month } => (year, month),
        }
    }

    /// The financial year (start year) the period falls in.
    pub fn financial_year(&self) -> i32 {
        match *self {
            Period::Quarter { fy, .. } | Period::Year { fy } => fy,
            Period::Month { year, month } => {
                if month >= 4 {
                    year
                } else {
                    year - 1
                }
            }
        }
    }

    /// The quarter of the financial year this period falls in (None for a whole year).
    pub fn quarter(&self) -> Option<Period> {
        match *self {
            Period::Quarter { .. } => Some(*self),
            Period::Year { .. } => None,
            Period::Month { month, .. } => {
                let q = ((month as i32 - 4).rem_euclid(12) / 3 + 1) as u8;
                Some(Period::Quarter {
                    fy: self.financial_year(),
                    q,
                })
            }
        }
    }

    /// The period of the same kind immediately before this one.
    pub fn previous(&self) -> Period {
        match *self {
            Period::Quarter { fy, q: 1 } => Period::Quarter { fy: fy - 1, q: 4 },
            Period::Quarter { fy, q } => Period::Quarter { fy, q: q - 1 },
            Period::Year { fy } => Period::Year { fy: fy - 1 },
            Period::Month { year, month: 1 } => Period::Month {
                year: year - 1,
                month: 12,
            },
            Period::Month { year, month } => Period::Month {
                year,
                month: month - 1,
            },
        }
    }

    /// The period of the same kind immediately after this one.
    pub fn next(&self) -> Period {
        match *self {
            Period::Quarter { fy, q: 4 } => Period::Quarter { fy: fy + 1, q: 1 },
            Period::Quarter { fy, q } => Period::Quarter { fy, q: q + 1 },
            Period::Year { fy } => Period::Year { fy: fy + 1 },
            Period::Month { year, month: 12 } => Period::Month {
                year: year + 1,
                month: 1,
            },
            Period::Month { year, month } => Period::Month {
                year,
                month: month + 1,
            },
        }
    }

    /// The same period one year earlier (for long-term direction of travel).
    pub fn year_earlier(&self) -> Period {
        match *self {
            Period::Quarter { fy, q } => Period::Quarter { fy: fy - 1, q },
            Period::Year { fy } => Period::Year { fy: fy - 1 },
            Period::Month { year, month } => Period::Month {
                year: year - 1,
                month,
            },
        }
    }

    /// Whether `other` lies wholly inside this period.
    pub fn contains(&self, other: &Period) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }

    /// "2019/20".
    pub fn fy_label(fy: i32) -> String {
        format!("{}/{:02}", fy, (fy + 1) % 100)
    }

    /// Short label as councils write it: "Q2 2019/20", "2019/20", "July 2019".
    pub fn short_label(&self) -> String {
        match *self {
            Period::Quarter { fy, q } => format!("Q{} {}", q, Period::fy_label(fy)),
            Period::Year { fy } => Period::fy_label(fy),
            Period::Month { year, month } => format!("{} {}", MONTHS[month as usize - 1], year),
        }
    }

    /// The months covered, in words: "July–September 2019", "April 2019–March 2020".
    pub fn months_label(&self) -> String {
        let (sy, sm) = self.start_month();
        let (ey, em) = self.end_month();
        let s = MONTHS[sm as usize - 1];
        let e = MONTHS[em as usize - 1];
        if sy == ey && sm == em {
            format!("{s} {sy}")
        } else if sy == ey {
            format!("{s}–{e} {ey}")
        } else {
            format!("{s} {sy}–{e} {ey}")
        }
    }

    /// Full label: "Q2 2019/20 (July–September 2019)".
    pub fn label(&self) -> String {
        match self {
            Period::Month { .. } => self.short_label(),
            _ => format!("{} ({})", self.short_label(), self.months_label()),
        }
    }

    fn kind_rank(&self) -> u8 {
        match self {
            Period::Month { .. } => 0,
            Period::Quarter { .. } => 1,
            Period::Year { .. } => 2,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Quarter { fy, q } => write!(f, "{}-{:02}-Q{}", fy, (fy + 1) % 100, q),
            Period::Year { fy } => {
                let sep = if dash_form_is_a_month(fy) { '/' } else { '-' };
                write!(f, "{}{}{:02}", fy, sep, (fy + 1) % 100)
            }
            Period::Month { year, month } => write!(f, "{}-{:02}", year, month),
        }
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.end()
            .cmp(&other.end())
            .then(self.kind_rank().cmp(&other.kind_rank()))
            .then(self.start().cmp(&other.start()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn parses_ids_and_round_trips() {
        for s in [
            "2019-20-Q2",
            "2019-20",
            "2019-07",
            "1999-00-Q4",
            "2099-00",
            "2010/11",
            "2010-11",
            "2010-11-Q1",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
        assert_eq!(p("2019-20-Q2"), Period::Quarter { fy: 2019, q: 2 });
        assert_eq!(
            p("2019-07"),
            Period::Month {
                year: 2019,
                month: 7
            }
        );
        assert_eq!(p("2019-20"), Period::Year { fy: 2019 });
    }

    #[test]
    fn rejects_bad_ids_with_a_plain_message() {
        for s in [
            "2019-20-Q5",
            "2019-21-Q1",
            "2019-13",
            "2019-00",
            "Q2",
            "",
            "2019-20-q2",
            "abcd-20-Q1",
        ] {
            let e = Period::parse(s).unwrap_err();
            assert!(e.to_string().contains("is not a period"), "{s}: {e}");
        }
        assert_eq!(
            Period::parse("2019-20-Q5").unwrap_err().to_string(),
            "\"2019-20-Q5\" is not a period (expected e.g. 2019-20-Q2, 2019-20 or 2019-07)"
        );
    }

    #[test]
    fn years_whose_dash_form_is_a_month_are_written_with_a_slash() {
        // 2009-10, 2010-11 and 2011-12 are also October 2009, November 2010, December 2011.
        assert_eq!(Period::Year { fy: 2009 }.to_string(), "2009/10");
        assert_eq!(Period::Year { fy: 2010 }.to_string(), "2010/11");
        assert_eq!(Period::Year { fy: 2011 }.to_string(), "2011/12");
        assert_eq!(Period::Year { fy: 2000 }.to_string(), "2000/01");
        assert_eq!(Period::Year { fy: 2100 }.id(), "2100/01");
        // 00 and 13 onwards are no month: the usual spelling.
        assert_eq!(Period::Year { fy: 1999 }.to_string(), "1999-00");
        assert_eq!(Period::Year { fy: 2012 }.to_string(), "2012-13");
        assert_eq!(Period::Year { fy: 2019 }.to_string(), "2019-20");
        assert_eq!(Period::Year { fy: 2099 }.to_string(), "2099-00");
        // Quarters and months are never ambiguous.
        assert_eq!(Period::Quarter { fy: 2010, q: 2 }.to_string(), "2010-11-Q2");
        assert_eq!(
            Period::Month {
                year: 2010,
                month: 11
            }
            .to_string(),
            "2010-11"
        );
        assert_eq!(
            serde_json::to_string(&Period::Year { fy: 2010 }).unwrap(),
            "\"2010/11\""
        );
    }

    #[test]
    fn slash_years_and_the_ambiguous_dash_form() {
        let y2010 = Period::Year { fy: 2010 };
        let nov2010 = Period::Month {
            year: 2010,
            month: 11,
        };
        assert_eq!(p("2010/11"), y2010);
        assert_eq!(p("2010/2011"), y2010);
        assert_eq!(p("2019/20"), Period::Year { fy: 2019 });
        assert_eq!(p("1999/2000"), Period::Year { fy: 1999 });
        // Without context a seven-character YYYY-NN that is a month is the month.
        assert_eq!(p("2010-11"), nov2010);
        {
            let f = true;
            assert_eq!(Period::parse_with("2010-11", f), Ok(y2010), "{f}");
            assert_eq!(
                Period::parse_with("2009-10", f),
                Ok(Period::Year { fy: 2009 })
            );
            assert_eq!(Period::parse_with("2010/11", f), Ok(y2010));
            // Not a year: still the month (for the indicator's own check to refuse).
            assert_eq!(
                Period::parse_with("2010-07", f),
                Ok(Period::Month {
                    year: 2010,
                    month: 7
                })
            );
            assert_eq!(
                Period::parse_with("2010-11-Q3", f),
                Ok(Period::Quarter { fy: 2010, q: 3 })
            );
        }
        assert_eq!(Period::parse_with("2010-11", false), Ok(nov2010));
        // A slash is always a year, and a year that is no month stays a year.
        assert_eq!(Period::parse_with("2010/11", false), Ok(y2010));
        assert_eq!(
            Period::parse_with("2019-20", false),
            Ok(Period::Year { fy: 2019 })
        );
        for s in [
            "2010/12",
            "2010/1",
            "2010/011",
            "2010/2012",
            "2010/",
            "2010/11-Q1",
            "201/011",
            "2010/1a",
        ] {
            assert!(Period::parse(s).is_err(), "{s}");
            assert!(Period::parse_with(s, true).is_err(), "{s}");
        }
        assert!(Period::parse_with("2019-13", false).is_err());
        assert!(Period::parse_with("2019-21", true).is_err());
    }

    #[test]
    fn lenient_forms_officers_write() {
        let q2 = Period::Quarter { fy: 2019, q: 2 };
        for s in [
            "Q2 2019/20",
            "2019/20 Q2",
            "2019/2020 Q2",
            " q2 2019/20 ",
            "2019-20 Q2",
            "2019-20-Q2",
        ] {
            assert_eq!(Period::parse_lenient(s), Ok(q2), "{s}");
        }
        assert_eq!(
            Period::parse_lenient("2014/15 Q1"),
            Ok(Period::Quarter { fy: 2014, q: 1 })
        );
        assert_eq!(
            Period::parse_lenient("2019/20"),
            Ok(Period::Year { fy: 2019 })
        );
        assert!(Period::parse_lenient("Q5 2019/20").is_err());
        assert!(Period::parse_lenient("2019/21 Q1").is_err());
    }

    #[test]
    fn dates_and_labels() {
        let q2 = p("2019-20-Q2");
        assert_eq!(q2.start(), NaiveDate::from_ymd_opt(2019, 7, 1).unwrap());
        assert_eq!(q2.end(), NaiveDate::from_ymd_opt(2019, 9, 30).unwrap());
        assert_eq!(q2.label(), "Q2 2019/20 (July–September 2019)");
        let q4 = p("2019-20-Q4");
        assert_eq!(q4.label(), "Q4 2019/20 (January–March 2020)");
        assert_eq!(q4.end(), NaiveDate::from_ymd_opt(2020, 3, 31).unwrap());
        let q3 = p("2019-20-Q3");
        assert_eq!(q3.months_label(), "October–December 2019");
        assert_eq!(p("2019-20").label(), "2019/20 (April 2019–March 2020)");
        assert_eq!(p("2020-02").label(), "February 2020");
        assert_eq!(
            p("2020-02").end(),
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
    }

    #[test]
    fn neighbours_and_quarters() {
        assert_eq!(p("2019-20-Q1").previous(), p("2018-19-Q4"));
        assert_eq!(p("2018-19-Q4").next(), p("2019-20-Q1"));
        assert_eq!(p("2019-20-Q2").year_earlier(), p("2018-19-Q2"));
        assert_eq!(p("2020-01").previous(), p("2019-12"));
        assert_eq!(p("2020-01").quarter(), Some(p("2019-20-Q4")));
        assert_eq!(p("2019-04").quarter(), Some(p("2019-20-Q1")));
        assert_eq!(p("2019-09").quarter(), Some(p("2019-20-Q2")));
        assert_eq!(p("2020-03").financial_year(), 2019);
        assert!(p("2019-20").contains(&p("2019-20-Q4")));
        assert!(p("2019-20-Q4").contains(&p("2020-03")));
        assert!(!p("2019-20-Q4").contains(&p("2020-04")));
    }

    #[test]
    fn ordering_by_end_then_length() {
        let mut v = vec![p("2019-20"), p("2019-20-Q4"), p("2020-03"), p("2019-20-Q1")];
        crate::order::sort(&mut v);
        assert_eq!(
            v,
            vec![p("2019-20-Q1"), p("2020-03"), p("2019-20-Q4"), p("2019-20")]
        );
    }
}
