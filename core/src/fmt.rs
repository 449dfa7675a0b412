//! Numbers and dates as people read them.

use chrono::{Datelike, NaiveDate};

/// A number without needless trailing zeros: 10 → "10", 2.5 → "2.5".
pub fn trim_number(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// Groups thousands: 1234567.5 → "1,234,567.5".
pub fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Decimals used for a figure whose indicator gives none (for display and for rating).
pub const DEFAULT_DECIMALS: u8 = 2;

/// The one rounding rule, for display and for rating: `x` rounded to `decimals` places, half
/// away from zero, on the decimal figure as written (the shortest text that reads back as `x`,
/// as a person would see it in the file), not on its binary value. So 92.5 → "93", 1.005 at 2
/// places → "1.01", -2.5 → "-3", 0.125 at 2 → "0.13", 0.0049 at 2 → "0.00". Exactly
/// `decimals` places, no thousands separators, no "-" on a figure that rounds to zero.
/// Not-finite numbers are written as Rust writes them.
pub fn rounded(x: f64, decimals: u8) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let d = decimals as usize;
    // Rust writes floats in full (never with an exponent), with the fewest digits that read back.
    let text = format!("{}", x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let kept_frac: String = frac.chars().chain(std::iter::repeat('0')).take(d).collect();
    let mut digits: Vec<u8> = int
        .bytes()
        .chain(kept_frac.bytes())
        .map(|b| b - b'0')
        .collect();
    // The first digit dropped decides: 5 or more rounds the size up (away from zero).
    if frac.as_bytes().get(d).is_some_and(|&b| b >= b'5') {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let int_len = digits.len() - d;
    let mut out = String::with_capacity(digits.len() + 2);
    if x < 0.0 && digits.iter().any(|&g| g != 0) {
        out.push('-');
    }
    out.extend(digits[..int_len].iter().map(|&g| (b'0' + g) as char));
    if d > 0 {
        out.push('.');
        out.extend(digits[int_len..].iter().map(|&g| (b'0' + g) as char));
    }
    out
}

/// A figure with the indicator's decimals (2 when not given, trailing zeros trimmed then),
/// rounded by [`rounded`]: the figure shown is the figure rated ([`crate::rag::round_to`]).
pub fn number(x: f64, decimals: Option<u8>) -> String {
    let s = match decimals {
        Some(d) => rounded(x, d),
        None => {
            let s = rounded(x, DEFAULT_DECIMALS);
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    group_thousands(&s)
}

/// A figure with its unit: "95.2%", "£1,250", "£12.5k", "8.4 days", "1,204".
pub fn value(x: f64, decimals: Option<u8>, unit: Option<&str>) -> String {
    let n = number(x, decimals);
    match unit.map(str::trim) {
        None | Some("") | Some("number") | Some("count") => n,
        Some("%") => format!("{n}%"),
        Some("£") => prefix_money("£", &n),
        Some("£k") => format!("{}k", prefix_money("£", &n)),
        Some("£m") => format!("{}m", prefix_money("£", &n)),
        Some(u) => format!("{n} {u}"),
    }
}

fn prefix_money(sym: &str, n: &str) -> String {
    match n.strip_prefix('-') {
        Some(rest) => format!("-{sym}{rest}"),
        None => format!("{sym}{n}"),
    }
}

/// A signed difference with unit: "+2.5 percentage points", "-3 days".
pub fn difference(x: f64, decimals: Option<u8>, unit: Option<&str>) -> String {
    // A difference that rounds to zero has no sign, either way.
    let shows_zero = number(x, decimals)
        .chars()
        .all(|c| matches!(c, '0' | '.' | ',' | '-'));
    let sign = if x > 0.0 && !shows_zero { "+" } else { "" };
    match unit.map(str::trim) {
        Some("%") => {
            let n = number(x, decimals);
            let one = n.trim_start_matches('-') == "1";
            format!("{sign}{n} percentage point{}", if one { "" } else { "s" })
        }
        _ => format!("{sign}{}", value(x, decimals, unit)),
    }
}

/// "30 September 2019". (Written out rather than with chrono's `format`, whose pattern
/// reader and formatter would be in the download for this one use.)
pub fn date(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        crate::period::MONTHS[d.month0() as usize],
        d.year()
    )
}

/// A date written `YYYY-MM-DD` (as the data files and forms have it), or `None`. The same
/// reading as the data files' dates get through serde, so it adds nothing to the download.
pub fn iso_date(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

/// "2 December 2026, 08:17" (the numbers as the clock shows them; month 1 to 12).
pub fn date_time(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => format!("{}, {hour:02}:{minute:02}", date(d)),
        None => String::new(),
    }
}

/// A count in words: "No changes", "1 change", "2 changes".
pub fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("No {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// A size in bytes in words, for how much of the browser's storage is used: bytes under
/// 1 KB, then KB, MB, GB or TB (of 1,024 each, as browsers count), with one decimal under 10
/// and none from 10 up: "512 bytes", "8.2 MB", "10 GB".
pub fn bytes(n: f64) -> String {
    let n = if n.is_finite() { n.max(0.0) } else { 0.0 };
    if n < 1024.0 {
        let k = n.round() as usize;
        return if k == 1 {
            "1 byte".to_string()
        } else {
            format!("{k} bytes")
        };
    }
    let mut x = n / 1024.0;
    let mut unit = "KB";
    for u in ["MB", "GB", "TB"] {
        if x < 1024.0 {
            break;
        }
        x /= 1024.0;
        unit = u;
    }
    let shown = if x < 9.95 {
        rounded(x, 1)
    } else {
        rounded(x, 0)
    };
    format!("{} {unit}", shown.strip_suffix(".0").unwrap_or(&shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_words() {
        assert_eq!(bytes(0.0), "0 bytes");
        assert_eq!(bytes(1.0), "1 byte");
        assert_eq!(bytes(512.0), "512 bytes");
        // 1,536 / 1,024 = 1.5
        assert_eq!(bytes(1536.0), "1.5 KB");
        // 8,598,323 / 1,048,576 = 8.1999… → 8.2
        assert_eq!(bytes(8_598_323.0), "8.2 MB");
        // 3 × 1,048,576 = 3 MB exactly: no ".0"
        assert_eq!(bytes(3_145_728.0), "3 MB");
        // 20,971,520 / 1,048,576 = 20: whole numbers from 10 up
        assert_eq!(bytes(20_971_520.0), "20 MB");
        // 10 × 1,073,741,824 = 10 GB
        assert_eq!(bytes(10_737_418_240.0), "10 GB");
        // 9.96 KB (10,199 bytes / 1,024 = 9.96) rounds to 10: no decimal
        assert_eq!(bytes(10_199.0), "10 KB");
    }

    #[test]
    fn counts_in_words() {
        assert_eq!(count(0, "change", "changes"), "No changes");
        assert_eq!(count(1, "change", "changes"), "1 change");
        assert_eq!(count(2, "change", "changes"), "2 changes");
    }

    #[test]
    fn dates_with_times() {
        assert_eq!(date_time(2026, 12, 2, 8, 17), "2 December 2026, 08:17");
        assert_eq!(date_time(2019, 1, 31, 23, 5), "31 January 2019, 23:05");
        assert_eq!(date_time(2019, 2, 30, 0, 0), "");
    }

    #[test]
    fn formats() {
        assert_eq!(trim_number(10.0), "10");
        assert_eq!(trim_number(2.5), "2.5");
        // 1234567.25 is an exact half: half away from zero gives .3 (Rust's own {:.1} gives .2).
        assert_eq!(number(1234567.25, Some(1)), "1,234,567.3");
        assert_eq!(number(1234567.24, Some(1)), "1,234,567.2");
        assert_eq!(number(-1234.0, Some(0)), "-1,234");
        assert_eq!(number(-0.01, Some(1)), "0.0");
        assert_eq!(number(95.0, None), "95");
        assert_eq!(value(95.24, Some(1), Some("%")), "95.2%");
        assert_eq!(value(1250.0, Some(0), Some("£")), "£1,250");
        assert_eq!(value(-50.0, Some(0), Some("£k")), "-£50k");
        assert_eq!(value(8.4, Some(1), Some("days")), "8.4 days");
        assert_eq!(
            difference(-2.5, Some(1), Some("%")),
            "-2.5 percentage points"
        );
        assert_eq!(difference(1.0, Some(0), Some("%")), "+1 percentage point");
        assert_eq!(difference(3.0, Some(0), Some("days")), "+3 days");
        // Rounds to nothing: no sign either way.
        assert_eq!(difference(0.004, Some(2), Some("days")), "0.00 days");
        assert_eq!(difference(-0.004, Some(2), Some("days")), "0.00 days");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2019, 9, 30).unwrap()),
            "30 September 2019"
        );
    }

    #[test]
    fn dates_in_words_and_from_iso_text() {
        // No leading zero on the day; every month by its full name.
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date(d(2026, 1, 5)), "5 January 2026");
        assert_eq!(date(d(2024, 2, 29)), "29 February 2024");
        assert_eq!(date(d(2025, 12, 31)), "31 December 2025");
        assert_eq!(iso_date("2019-09-30"), Some(d(2019, 9, 30)));
        assert_eq!(iso_date("2024-02-29"), Some(d(2024, 2, 29)));
        // Not a date: 2023 was not a leap year, no month 13, not the YYYY-MM-DD form.
        assert_eq!(iso_date("2023-02-29"), None);
        assert_eq!(iso_date("2023-13-01"), None);
        assert_eq!(iso_date("30/09/2019"), None);
        assert_eq!(iso_date(""), None);
    }

    #[test]
    fn halves_round_away_from_zero_on_the_figure_as_written() {
        // As a person rounds the figure in the file, whatever its binary value.
        assert_eq!(number(92.5, Some(0)), "93");
        assert_eq!(number(92.4, Some(0)), "92");
        assert_eq!(number(1.005, Some(2)), "1.01"); // binary 1.00499999…
        assert_eq!(number(0.125, Some(2)), "0.13");
        assert_eq!(number(2.675, Some(2)), "2.68"); // binary 2.67499999…
        assert_eq!(number(-2.5, Some(0)), "-3");
        assert_eq!(number(-0.5, Some(0)), "-1");
        assert_eq!(number(0.5, Some(0)), "1");
        assert_eq!(number(-0.4, Some(0)), "0");
        assert_eq!(number(0.0049, Some(2)), "0.00");
        assert_eq!(number(-0.0049, Some(2)), "0.00");
        assert_eq!(number(0.005, Some(2)), "0.01");
        assert_eq!(number(9.995, Some(2)), "10.00");
        assert_eq!(number(999999.5, Some(0)), "1,000,000");
        assert_eq!(number(-99.95, Some(1)), "-100.0");
        assert_eq!(number(3.0, Some(3)), "3.000");
        assert_eq!(number(0.1 + 0.2, Some(2)), "0.30");
        assert_eq!(number(1e-7, Some(2)), "0.00");
        assert_eq!(number(1.5e15, Some(0)), "1,500,000,000,000,000");
        // No decimals given: two, trailing zeros trimmed.
        assert_eq!(number(92.125, None), "92.13");
        assert_eq!(number(1.005, None), "1.01");
        assert_eq!(number(2.5, None), "2.5");
        assert_eq!(number(0.0049, None), "0");
        assert_eq!(number(-0.0049, None), "0");
        assert_eq!(number(7.999, None), "8");
        assert_eq!(rounded(92.5, 0), "93");
        assert_eq!(rounded(-0.0, 1), "0.0");
        assert_eq!(rounded(12.0, 0), "12");
        assert_eq!(rounded(f64::NAN, 2), "NaN");
        assert_eq!(value(92.5, Some(0), Some("%")), "93%");
        assert_eq!(value(-1249.5, Some(0), Some("£")), "-£1,250");
    }
}
