//! Names for exported files: they say what and when,
//! e.g. `onesource-2019-20-Q2-indicators-2026-11-23.csv`.

use crate::model::Dataset;
use crate::period::Period;

fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "golden-thread".into()
    } else {
        out
    }
}

/// `<organisation>[-<period>]-<what>-<date>.<ext>`; `today` as YYYY-MM-DD.
pub fn file_name(
    ds: &Dataset,
    period: Option<&Period>,
    what: &str,
    today: &str,
    ext: &str,
) -> String {
    let mut parts = vec![slug(&ds.organisation)];
    if let Some(p) = period {
        // A year written 2010/11 (so it cannot be read as a month) has no slash in a file name.
        parts.push(p.id().replace('/', "-"));
    }
    parts.push(slug(what));
    parts.push(today.to_string());
    format!("{}.{ext}", parts.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_what_and_when() {
        let ds = crate::parse_dataset(r#"{"format":"golden-thread/1","title":"t","organisation":"oneSource","councils":[],"services":[],"indicators":[]}"#).unwrap();
        let q2 = Period::parse("2019-20-Q2").unwrap();
        assert_eq!(
            file_name(&ds, Some(&q2), "indicators", "2026-11-23", "csv"),
            "onesource-2019-20-Q2-indicators-2026-11-23.csv"
        );
        let y = Period::Year { fy: 2010 };
        assert_eq!(
            file_name(&ds, Some(&y), "indicators", "2026-11-23", "csv"),
            "onesource-2010-11-indicators-2026-11-23.csv"
        );
        assert_eq!(
            file_name(&ds, None, "data", "2026-11-23", "json"),
            "onesource-data-2026-11-23.json"
        );
        let mut odd = ds.clone();
        odd.organisation = "Hart District Council / Finance!".into();
        assert_eq!(
            file_name(&odd, None, "changes", "2026-11-23", "json"),
            "hart-district-council-finance-changes-2026-11-23.json"
        );
    }
}
