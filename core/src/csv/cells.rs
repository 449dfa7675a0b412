//! The words in a return's cells: periods, statuses, frequencies (with their qualifiers),
//! polarities and directions of travel, as officers write them.

use crate::model::*;
use crate::period::Period;

/// Reads a period as officers write it: the ids (`2019-20-Q2`, `2019-20`, `2019-07`), `Q2
/// 2019/20`, `2019/20 Q2`, `Quarter 2 2019/20`, `2019/20`, and months as Excel rewrites them
/// (`Jul-19`, `July 2019`).
pub fn parse_period(s: &str) -> Result<Period, String> {
    let t = s.trim();
    if let Ok(p) = Period::parse_lenient(t) {
        return Ok(p);
    }
    let err = || {
        Err(format!(
            "\"{t}\" is not a period (write it like 2019-20-Q2, Q2 2019/20, 2019/20 or 2019-07)"
        ))
    };
    // "Quarter 2 2019/20".
    let lower = t.to_lowercase();
    if lower.contains("quarter") {
        let q = lower.replace("quarter ", "q").replace("quarter", "q");
        if let Ok(p) = Period::parse_lenient(&q) {
            return Ok(p);
        }
    }
    // Months: "July 2019", "Jul 2019", "Jul-19", "Jul-2019".
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let parts: Vec<&str> = lower
        .split(['-', ' ', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    if let [m, y] = parts.as_slice() {
        let month = MONTHS
            .iter()
            .position(|name| m.len() >= 3 && m.starts_with(name) && month_word_ok(m, name));
        let year = match y.len() {
            2 if y.bytes().all(|b| b.is_ascii_digit()) => y.parse::<i32>().ok().map(|v| 2000 + v),
            4 if y.bytes().all(|b| b.is_ascii_digit()) => y.parse::<i32>().ok(),
            _ => None,
        };
        if let (Some(m), Some(year)) = (month, year) {
            if (1900..=2999).contains(&year) {
                return Ok(Period::Month {
                    year,
                    month: m as u8 + 1,
                });
            }
        }
    }
    err()
}

/// Reads a period of an indicator with this frequency: as [`parse_period`], except that an id
/// that is both a month and a financial year (`2010-11`) is the year for an annual, biennial or
/// quarterly indicator (see [`Period::parse_for`]).
pub fn parse_period_for(s: &str, freq: Frequency) -> Result<Period, String> {
    match Period::parse_for(s.trim(), freq) {
        Ok(p) => Ok(p),
        Err(_) => parse_period(s),
    }
}

fn month_word_ok(word: &str, abbrev: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    word == abbrev
        || FULL.iter().any(|f| f.starts_with(abbrev) && *f == word)
        || (abbrev == "sep" && word == "sept")
}

pub(super) fn words_key(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Reads a status: green/amber/red (or G/A/R), no_data, data_only, not_due; any case.
pub fn parse_rag(s: &str) -> Result<Option<Rag>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" => return Ok(None),
        "g" | "green" => Rag::Green,
        "a" | "amber" => Rag::Amber,
        "r" | "red" => Rag::Red,
        "no data" | "nodata" => Rag::NoData,
        "data only" | "dataonly" => Rag::DataOnly,
        "not due" | "notdue" => Rag::NotDue,
        _ => {
            return Err(format!(
                "\"{}\" is not a status (use Green, Amber or Red, or G, A or R; also no_data, data_only or not_due; or leave it blank)",
                s.trim()
            ))
        }
    }))
}

pub(super) fn parse_frequency(s: &str) -> Result<Option<Frequency>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" => return Ok(None),
        "monthly" | "month" => Frequency::Monthly,
        "quarterly" | "quarter" => Frequency::Quarterly,
        "annual" | "annually" | "yearly" | "year" => Frequency::Annual,
        "biennial" | "biennially" | "every two years" => Frequency::Biennial,
        _ => {
            return Err(format!(
                "\"{}\" is not a frequency (use {})",
                s.trim(),
                Frequency::words()
            ))
        }
    }))
}

pub(super) fn parse_polarity(s: &str) -> Result<Option<Polarity>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" => return Ok(None),
        "higher" | "high" | "higher is better" | "up" => Polarity::Higher,
        "lower" | "low" | "lower is better" | "down" => Polarity::Lower,
        "none" | "data only" => Polarity::None,
        _ => {
            return Err(format!(
                "\"{}\" is not a polarity (use higher, lower or none; leave it blank if unknown)",
                s.trim()
            ))
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_cells() {
        assert_eq!(parse_rag("g"), Ok(Some(Rag::Green)));
        assert_eq!(parse_rag(" Not due "), Ok(Some(Rag::NotDue)));
        assert_eq!(parse_rag("no_data"), Ok(Some(Rag::NoData)));
        assert!(parse_rag("Greenish").is_err());
        assert_eq!(
            parse_polarity("Higher is better"),
            Ok(Some(Polarity::Higher))
        );
        assert_eq!(parse_frequency("Quarterly"), Ok(Some(Frequency::Quarterly)));
    }

    #[test]
    fn periods_including_excel_months() {
        let q2 = Period::Quarter { fy: 2019, q: 2 };
        assert_eq!(parse_period("Q2 2019/20"), Ok(q2));
        assert_eq!(parse_period("Quarter 2 2019/20"), Ok(q2));
        assert_eq!(parse_period("2019/20 Quarter 2"), Ok(q2));
        let jul = Period::Month {
            year: 2019,
            month: 7,
        };
        assert_eq!(parse_period("Jul-19"), Ok(jul));
        assert_eq!(parse_period("July 2019"), Ok(jul));
        assert_eq!(parse_period("2019-07"), Ok(jul));
        assert_eq!(
            parse_period("Sept 2019"),
            Ok(Period::Month {
                year: 2019,
                month: 9
            })
        );
        assert!(parse_period("Julyish 2019").is_err());
        assert!(parse_period("Q5 2019/20").is_err());
    }
}
