//! Numbers and dates as people read them.

use chrono::NaiveDate;

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

/// A figure with the indicator's decimals (2 when not given, trailing zeros trimmed then).
pub fn number(x: f64, decimals: Option<u8>) -> String {
    let s = match decimals {
        Some(d) => format!("{:.*}", d as usize, x),
        None => {
            let s = format!("{x:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
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
    let sign = if x > 0.0 { "+" } else { "" };
    match unit.map(str::trim) {
        Some("%") => {
            let n = number(x, decimals);
            let one = n.trim_start_matches('-') == "1";
            format!("{sign}{n} percentage point{}", if one { "" } else { "s" })
        }
        _ => format!("{sign}{}", value(x, decimals, unit)),
    }
}

/// "30 September 2019".
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(trim_number(10.0), "10");
        assert_eq!(trim_number(2.5), "2.5");
        assert_eq!(number(1234567.25, Some(1)), "1,234,567.2");
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
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2019, 9, 30).unwrap()),
            "30 September 2019"
        );
    }
}
