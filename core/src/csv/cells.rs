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

/// Reads a status: green/amber/red (or G/A/R), on track / off track (a two-state scheme's
/// words), blue (narrative or no target: data only), no_data, data_only, not_due; any case.
pub fn parse_rag(s: &str) -> Result<Option<Rag>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" => return Ok(None),
        "g" | "green" | "on track" | "ontrack" => Rag::Green,
        "a" | "amber" => Rag::Amber,
        "r" | "red" | "off track" | "offtrack" => Rag::Red,
        "no data" | "nodata" => Rag::NoData,
        "data only" | "dataonly" | "blue" => Rag::DataOnly,
        "not due" | "notdue" => Rag::NotDue,
        _ => {
            return Err(format!(
                "\"{}\" is not a status (use Green, Amber or Red, or G, A or R; On track or Off track; Blue for no target; also no_data, data_only or not_due; or leave it blank)",
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

/// Reads a frequency cell as councils write it: the frequency, and the value type a qualifier
/// gives. "quarterly (cumulative)", "Quarterly - year to date" and "monthly YTD" are the
/// frequency with a cumulative (year-to-date) measure; "cumulative" or "YTD" alone gives the
/// measure and no frequency. Blank is neither.
pub fn parse_frequency_cell(s: &str) -> Result<(Option<Frequency>, Option<Measure>), String> {
    let key = words_key(s);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut cumulative = false;
    let mut i = 0;
    while i < words.len() {
        match words[i] {
            "cumulative" | "cumulatively" | "ytd" => {
                cumulative = true;
                i += 1;
            }
            "year" if words.get(i + 1..i + 3) == Some(&["to", "date"][..]) => {
                cumulative = true;
                i += 3;
            }
            w => {
                kept.push(w);
                i += 1;
            }
        }
    }
    if !cumulative {
        return parse_frequency(s).map(|f| (f, None));
    }
    match parse_frequency(&kept.join(" ")) {
        Ok(f) => Ok((f, Some(Measure::Cumulative))),
        Err(_) => Err(format!(
            "\"{}\" is not a frequency (use {}, with \"(cumulative)\" or \"year to date\" after it if the figures are cumulative)",
            s.trim(),
            Frequency::words()
        )),
    }
}

/// Splits a period cell with words in brackets after the period: "2014/15 (annual report; data
/// to Q3)" is `("2014/15", "annual report; data to Q3")`. Several bracketed groups are joined
/// with "; ". None when the cell does not end with a bracket or nothing comes before it.
pub fn period_and_words(s: &str) -> Option<(&str, String)> {
    let mut head = s.trim();
    let mut groups = Vec::new();
    while let Some(close) = head.chars().last().filter(|c| matches!(c, ')' | ']')) {
        let open = if close == ')' { '(' } else { '[' };
        let mut depth = 0usize;
        let mut at = None;
        for (i, c) in head.char_indices().rev() {
            if c == close {
                depth += 1;
            } else if c == open {
                depth -= 1;
                if depth == 0 {
                    at = Some(i);
                    break;
                }
            }
        }
        let at = at?;
        let inner = head[at + 1..head.len() - 1].trim();
        if !inner.is_empty() {
            groups.push(inner.to_string());
        }
        head = head[..at].trim_end_matches([' ', '-', '–', ',', ':', ';']);
    }
    if groups.is_empty() || head.is_empty() {
        return None;
    }
    groups.reverse();
    Some((head, groups.join("; ")))
}

/// A direction of travel as a council publishes it, in a `direction` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishedDirection {
    /// Better, judged by the indicator's polarity: "improved", "better", "improving".
    Improved,
    /// Worse, judged by polarity: "worsened", "worse", "declined".
    Worsened,
    /// "no change", "same", "stable", "maintained".
    Unchanged,
    /// The figure itself went up, whether or not that is better: "up", "increased", "rising".
    Up,
    /// The figure itself went down: "down", "decreased", "falling".
    Down,
}

impl PublishedDirection {
    /// The word shown in notes.
    pub fn label(&self) -> &'static str {
        match self {
            PublishedDirection::Improved => "Improved",
            PublishedDirection::Worsened => "Worsened",
            PublishedDirection::Unchanged => "No change",
            PublishedDirection::Up => "Up",
            PublishedDirection::Down => "Down",
        }
    }

    /// Whether the words say how the figure moved (up, down) rather than whether it got better.
    pub fn is_movement(&self) -> bool {
        matches!(self, PublishedDirection::Up | PublishedDirection::Down)
    }
}

/// Reads a direction of travel: improved / worsened / no change (better, worse, same …), judged
/// by polarity; or up / down, the way the figure moved. Blank is none. Arrows and other words
/// are refused (the caller notes them and does not check them).
pub fn parse_direction(s: &str) -> Result<Option<PublishedDirection>, String> {
    let k = words_key(s);
    Ok(Some(match k.as_str() {
        "" if s.trim().is_empty() => return Ok(None),
        "improved" | "improving" | "improvement" | "better" | "improved performance" => {
            PublishedDirection::Improved
        }
        "worsened" | "worsening" | "worse" | "deteriorated" | "deteriorating" | "declined"
        | "declining" => PublishedDirection::Worsened,
        "no change" | "unchanged" | "same" | "the same" | "stable" | "maintained" | "static"
        | "no movement" | "level" => PublishedDirection::Unchanged,
        "up" | "increased" | "increasing" | "increase" | "rising" | "risen" | "rose" | "higher"
        | "went up" => PublishedDirection::Up,
        "down" | "decreased" | "decreasing" | "decrease" | "falling" | "fallen" | "fell"
        | "lower" | "went down" => PublishedDirection::Down,
        _ => {
            return Err(format!(
                "\"{}\" is not a direction of travel this app reads (use improved, worsened or no change, judged by whether higher or lower is better; or up or down for the figure itself)",
                s.trim()
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
