//! Numbers as officers type them in spreadsheets and forms, and as files write them.

/// Reads a number as officers type it: "95.2%", "1,234", "£1,250", "-£3.50", "(1,250)" (an
/// accountant's negative), " 12 ". Blank, "-", "n/a" are `None`. Thousands separators must be
/// in groups of three ("1,23" is refused rather than read as 123).
pub fn parse_number(s: &str) -> Result<Option<f64>, String> {
    parse_number_in(s, false)
}

/// As [`parse_number`]; with `decimal_comma` (semicolon-separated files, as European Excel writes
/// them) a comma is the decimal mark and dots group thousands: "95,2" is 95.2, "1.234,5" is
/// 1234.5. A number with no comma is read the usual way ("95.2").
pub fn parse_number_in(s: &str, decimal_comma: bool) -> Result<Option<f64>, String> {
    let t = s.trim();
    let err = || Err(format!("\"{t}\" is not a number"));
    if t.is_empty()
        || matches!(t, "-" | "–" | "—")
        || t.eq_ignore_ascii_case("n/a")
        || t.eq_ignore_ascii_case("na")
    {
        return Ok(None);
    }
    let mut rest = t;
    let mut negative = false;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        rest = inner.trim();
    }
    let (mut signed, mut currency) = (negative, false);
    loop {
        if !signed {
            if let Some(r) = rest.strip_prefix(['-', '−']) {
                negative = true;
                signed = true;
                rest = r.trim_start();
                continue;
            }
            if let Some(r) = rest.strip_prefix('+') {
                signed = true;
                rest = r.trim_start();
                continue;
            }
        }
        if !currency {
            if let Some(r) = rest.strip_prefix(['£', '$', '€']) {
                currency = true;
                rest = r.trim_start();
                continue;
            }
        }
        break;
    }
    if let Some(r) = rest.strip_suffix('%') {
        rest = r.trim_end();
    }
    let comma_decimal = decimal_comma && rest.contains(',');
    let (group, point) = if comma_decimal {
        ('.', ',')
    } else {
        (',', '.')
    };
    let (int, frac) = match rest.split_once(point) {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let is_space_group = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    let int_digits: String = if int.contains(group) || int.contains(is_space_group) {
        // Grouped: first group 1–3 digits, then groups of exactly 3, one kind of separator.
        let sep_used: Vec<char> = int.chars().filter(|c| !c.is_ascii_digit()).collect();
        let first = sep_used[0];
        if sep_used.iter().any(|c| *c != first) || !(first == group || is_space_group(first)) {
            return err();
        }
        let groups: Vec<&str> = int.split(first).collect();
        let ok = groups.iter().enumerate().all(|(i, g)| {
            g.bytes().all(|b| b.is_ascii_digit())
                && if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                }
        });
        if !ok {
            return err();
        }
        groups.concat()
    } else {
        int.to_string()
    };
    if !int_digits.bytes().all(|b| b.is_ascii_digit()) {
        return err();
    }
    let frac = frac.unwrap_or("");
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (int_digits.is_empty() && frac.is_empty()) {
        return err();
    }
    let plain = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() {
            "0"
        } else {
            &int_digits
        },
        if frac.is_empty() { "0" } else { frac }
    );
    match plain.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(Some(if x == 0.0 { 0.0 } else { x })),
        _ => Err(format!("\"{t}\" is too large a number")),
    }
}

/// A number written plainly for a file: no thousands separators, as many decimals as it takes to
/// read back the very same number (95.2, not 95.200000001), never an exponent.
pub fn write_number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if x == 0.0 {
        return "0".into();
    }
    // Rust writes the shortest decimal that reads back as the same f64, without an exponent.
    x.to_string()
}
