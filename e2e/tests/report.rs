//! The committee pack in a real browser: the cover, the choices in the URL, sections, notes
//! for links it does not understand, accessibility, and the printed PDF (WebDriver's "Print
//! Page" once the pack is drawn, read back with poppler's `pdfinfo`, `pdftotext` and `pdftoppm`).
//!
//! Expected figures are worked out here from the data file itself with the RAG rule written
//! out again (docs/rag-rules.md), not with the app's code and not copied from the page.

use gt_e2e::{artifacts_dir, builtin_data, run, run_tool, App, Options};
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

const Q2: &str = "2019-20-Q2";
const Q2_COVER: &str = "Q2 2019/20: July–September 2019";

fn indicators() -> Vec<Value> {
    builtin_data()["indicators"].as_array().unwrap().clone()
}

fn round_to(x: f64, decimals: Option<u64>) -> f64 {
    match decimals {
        Some(d) => {
            let f = 10f64.powi(d as i32);
            (x * f).round() / f
        }
        None => x,
    }
}

/// The months of a quarter id ("2019-20-Q2" → 2019-07, 2019-08, 2019-09).
fn quarter_months(q: &str) -> Vec<String> {
    let fy: i32 = q[..4].parse().unwrap();
    let n: i32 = q[9..].parse().unwrap();
    (0..3)
        .map(|k| {
            let m = 4 + (n - 1) * 3 + k; // 4..=15
            let (y, m) = if m > 12 { (fy + 1, m - 12) } else { (fy, m) };
            format!("{y}-{m:02}")
        })
        .collect()
}

/// The status word ("red", "amber", "green", …) of an indicator for a quarter, worked out
/// from the file: the value for the quarter (a monthly indicator's latest month in it; an
/// annual one is not due in Q1–Q3), a status set by hand wins, figures rounded to the
/// indicator's decimals, the tolerance its own or the dataset's (else 10% of target).
fn status_for(d: &Value, i: &Value, q: &str) -> &'static str {
    let values = i["values"].as_array().unwrap();
    let value = match i["frequency"].as_str().unwrap() {
        "monthly" => {
            let months = quarter_months(q);
            values
                .iter()
                .filter(|v| months.iter().any(|m| v["period"] == m.as_str()))
                .max_by_key(|v| v["period"].as_str().unwrap().to_string())
        }
        "annual" if !q.ends_with("Q4") => return "not_due",
        // Annual figures count in Q4 of their year.
        "annual" => values.iter().find(|v| v["period"] == q[..7]),
        _ => values.iter().find(|v| v["period"] == q),
    };
    let Some(v) = value else { return "no_data" };
    if let Some(r) = v["rag"].as_str() {
        return match r {
            "red" => "red",
            "amber" => "amber",
            "green" => "green",
            "no_data" => "no_data",
            "data_only" => "data_only",
            _ => "not_due",
        };
    }
    let Some(actual) = v["actual"].as_f64() else {
        return "no_data";
    };
    let Some(target) = v["target"].as_f64() else {
        return "data_only";
    };
    let dec = i["decimals"].as_u64();
    let (t, a) = (round_to(target, dec), round_to(actual, dec));
    let shortfall = match i["polarity"].as_str().unwrap() {
        "higher" => t - a,
        "lower" => a - t,
        _ => return "data_only",
    };
    let slack = 1e-9 * t.abs().max(1.0);
    if shortfall <= slack {
        return "green";
    }
    let tol = if i["tolerance"].is_object() {
        &i["tolerance"]
    } else {
        &d["default_tolerance"]
    };
    let allowed = if let Some(x) = tol["absolute"].as_f64() {
        x
    } else {
        t.abs() * tol["percent"].as_f64().unwrap_or(10.0) / 100.0
    };
    if shortfall <= allowed + slack {
        "amber"
    } else {
        "red"
    }
}

/// (id, name, status) of every Amber and Red indicator for a quarter.
fn exceptions_for(q: &str) -> Vec<(String, String, &'static str)> {
    let d = builtin_data();
    d["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| {
            let s = status_for(&d, i, q);
            matches!(s, "red" | "amber").then(|| {
                (
                    i["id"].as_str().unwrap().to_string(),
                    i["name"].as_str().unwrap().to_string(),
                    s,
                )
            })
        })
        .collect()
}

/// A council's own indicators (`"council"`): what its figures count.
fn count_for(council: &str) -> usize {
    indicators()
        .iter()
        .filter(|i| i["council"] == council)
        .count()
}

/// The shared-service indicators for a council: `"shared": true` (every council) or a
/// `"councils"` list with it.
fn shared_for(council: &str) -> Vec<String> {
    indicators()
        .iter()
        .filter(|i| {
            (i["councils"].is_null() && i["shared"] == true)
                || i["councils"]
                    .as_array()
                    .is_some_and(|l| l.iter().any(|c| c == council))
        })
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// The latest quarter with any actual figure.
fn latest_quarter() -> String {
    indicators()
        .iter()
        .flat_map(|i| i["values"].as_array().unwrap().clone())
        .filter(|v| v["actual"].is_number())
        .filter_map(|v| v["period"].as_str().map(str::to_string))
        .filter(|p| p.len() == 10 && p.contains("-Q"))
        .max()
        .unwrap()
}

async fn wait_hash(app: &App, expected: &str) {
    let want = expected.to_string();
    app.wait_until(&format!("the address is {expected}"), |c| {
        let want = want.clone();
        async move {
            c.execute("return location.hash", vec![])
                .await
                .map(|v| v == want.as_str())
                .unwrap_or(false)
        }
    })
    .await;
}

async fn count(app: &App, selector: &str) -> usize {
    app.js(&format!(
        "return document.querySelectorAll({}).length",
        serde_json::to_string(selector).unwrap()
    ))
    .await
    .as_u64()
    .unwrap() as usize
}

async fn wait_count(app: &App, selector: &str, n: usize) {
    let sel = serde_json::to_string(selector).unwrap();
    app.wait_until(&format!("{n} elements match {selector}"), |c| {
        let sel = sel.clone();
        async move {
            c.execute(
                &format!("return document.querySelectorAll({sel}).length"),
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_u64())
                == Some(n as u64)
        }
    })
    .await;
}

async fn section_ids(app: &App) -> Vec<String> {
    let v = app
        .js("return [...document.querySelectorAll('[data-testid^=pack-section-]')].map(s => s.dataset.testid.replace('pack-section-', ''))")
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_pack_renders_its_cover_and_every_section_for_q2() {
    run("report_cover", Options::default(), |app| async move {
        app.open(&format!("#/report?period={Q2}")).await;
        assert_eq!(app.heading().await, "Committee pack");
        assert_eq!(app.text("pack-period-heading").await, Q2_COVER);
        assert_eq!(app.text("pack-organisation").await, builtin_data()["organisation"].as_str().unwrap());
        let cover = app.text("pack-cover").await;
        assert!(cover.contains("Performance report"), "{cover}");
        assert!(app.text("pack-council-label").await.starts_with("All councils"));
        assert_eq!(app.text("pack-as-of").await, "31 December 2019");
        // "Produced on" is today, as the browser's own calendar writes it.
        let today = app
            .js("return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })")
            .await;
        assert_eq!(app.text("pack-produced").await, today.as_str().unwrap());
        assert_eq!(
            section_ids(&app).await,
            ["key", "summary", "indicators", "exceptions", "improvement", "priorities"]
        );
        let contents = app.text("pack-contents").await;
        assert!(contents.contains("1. Key strategic indicators"), "{contents}");
        assert!(contents.contains("6. Strategic priorities progress"), "{contents}");
        // Every indicator once in the full table; every exception in the exception report.
        assert_eq!(count(&app, "[data-testid=pack-indicator-row]").await, indicators().len());
        let expected = exceptions_for(Q2);
        assert!(expected.len() > 5, "the data should have exceptions in Q2");
        let shown = app
            .js("return [...document.querySelectorAll('[data-testid=pack-exception]')].map(e => [e.dataset.id, e.dataset.status])")
            .await;
        let shown: Vec<(String, String)> = shown
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
            .collect();
        let mut want: Vec<(String, String)> = expected.iter().map(|(id, _, s)| (id.clone(), s.to_string())).collect();
        let mut got = shown.clone();
        want.sort();
        got.sort();
        assert_eq!(got, want, "exceptions on the page");
        // Red first.
        let first_amber = shown.iter().position(|(_, s)| s == "amber").unwrap_or(shown.len());
        assert!(shown[first_amber..].iter().all(|(_, s)| s == "amber"), "Red before Amber: {shown:?}");
        let reds = expected.iter().filter(|e| e.2 == "red").count();
        assert!(app.text("pack-exceptions-count").await.starts_with(&format!("{reds} Red and {} Amber", expected.len() - reds)));
        // Every improvement action, and the strategy's projects say plainly there is no update yet.
        let actions: usize = builtin_data()["themes"].as_array().unwrap().iter()
            .flat_map(|t| t["areas"].as_array().unwrap().clone())
            .map(|a| a["actions"].as_array().unwrap().len())
            .sum();
        assert_eq!(count(&app, "[data-testid=pack-action-row]").await, actions);
        let note = app.text("pack-priorities-no-updates").await;
        assert!(note.starts_with("No progress updates for this period"), "{note}");
        // The choices reflect the link.
        let v = app.js("return [document.getElementById('pack-period').value, document.getElementById('pack-council').value, [...document.querySelectorAll('[data-testid^=pack-include-]')].every(c => c.checked)]").await;
        assert_eq!(v, serde_json::json!([Q2, "", true]));
        assert_eq!(count(&app, "[data-testid=pack-notes]").await, 0);
        app.screenshot("pack-screen").await;
        app.assert_accessible("the committee pack").await;
    })
    .await;
}

#[tokio::test]
async fn choices_update_the_address_and_the_pack() {
    run("report_choices", Options::default(), |app| async move {
        app.open(&format!("#/report?period={Q2}")).await;
        let len = app.js("return history.length").await;
        // One council: only its own indicators, and the shared-service ones for it (the three
        // key indicators for every council; Council Tax collection is Havering's only).
        app.find("[data-testid=pack-council]").await.select_by_value("bexley").await.expect("choose Bexley");
        wait_hash(&app, &format!("#/report?period={Q2}&council=bexley")).await;
        let bexley = count_for("bexley");
        assert_eq!(bexley, 9, "Bexley receives 9 indicators in the data");
        let shared = shared_for("bexley");
        assert_eq!(shared.len(), 3, "{shared:?}");
        wait_count(&app, "[data-testid=pack-indicator-row]", bexley + shared.len()).await;
        assert_eq!(count(&app, "[data-testid=pack-indicator-row][data-council=bexley]").await, bexley);
        assert_eq!(count(&app, "[data-testid=pack-indicator-row][data-council=shared]").await, shared.len());
        assert_eq!(count(&app, "[data-testid=pack-indicator-row]:not([data-council=bexley]):not([data-council=shared])").await, 0);
        let key_ids = app.js("return [...document.querySelectorAll('[data-testid=pack-key-row]')].map(r => r.dataset.id).sort()").await;
        let mut want = shared.clone();
        want.sort();
        assert_eq!(key_ids, serde_json::json!(want), "the shared key indicators in Bexley's pack");
        assert_eq!(app.text("pack-council-label").await, "London Borough of Bexley");
        assert_eq!(count(&app, "[data-testid=pack-summary-council]").await, 1);
        // Bexley's own count, and the shared service on its own line.
        let totals = app.js("return [...document.querySelectorAll('[data-testid=pack-summary-council] .gt-pack__total, [data-testid=pack-summary-shared] .gt-pack__total')].map(c => c.textContent)").await;
        assert_eq!(totals, serde_json::json!([bexley.to_string(), shared.len().to_string()]));
        // Exceptions for Bexley only (its own and the shared ones for it).
        let d = builtin_data();
        let bexley_ex = exceptions_for(Q2)
            .into_iter()
            .filter(|(id, _, _)| d["indicators"].as_array().unwrap().iter().any(|i| i["id"] == id.as_str() && i["council"] == "bexley") || shared.contains(id))
            .count();
        assert_eq!(count(&app, "[data-testid=pack-exception]").await, bexley_ex);
        // Another period.
        app.find("[data-testid=pack-period]").await.select_by_value("2019-20-Q1").await.expect("choose Q1");
        wait_hash(&app, "#/report?period=2019-20-Q1&council=bexley").await;
        app.wait_text("pack-period-heading", "Q1 2019/20: April–June 2019").await;
        // Leave out a section.
        app.click("[data-testid=pack-include-indicators]").await;
        wait_hash(&app, "#/report?period=2019-20-Q1&council=bexley&sections=key,summary,exceptions,improvement,priorities").await;
        wait_count(&app, "[data-testid=pack-section-indicators]", 0).await;
        assert_eq!(section_ids(&app).await, ["key", "summary", "exceptions", "improvement", "priorities"]);
        assert_eq!(app.js("return history.length").await, len, "choices must not pile up history");
        // The link reproduces the pack after a reload.
        app.reload().await;
        app.wait_text("pack-period-heading", "Q1 2019/20: April–June 2019").await;
        assert_eq!(count(&app, "[data-testid=pack-section-indicators]").await, 0);
        assert_eq!(app.js("return [document.getElementById('pack-council').value, document.getElementById('pack-include-indicators').checked]").await, serde_json::json!(["bexley", false]));
        // Back to all councils and every section.
        app.find("[data-testid=pack-council]").await.select_by_value("").await.expect("all councils");
        app.click("[data-testid=pack-include-indicators]").await;
        wait_hash(&app, "#/report?period=2019-20-Q1").await;
        wait_count(&app, "[data-testid=pack-indicator-row]", indicators().len()).await;
    })
    .await;
}

#[tokio::test]
async fn the_sections_parameter_chooses_the_sections() {
    run("report_sections", Options::default(), |app| async move {
        app.open(&format!("#/report?period={Q2}&sections=exceptions,key")).await;
        assert_eq!(section_ids(&app).await, ["key", "exceptions"]);
        let h = app.js("return [...document.querySelectorAll('.gt-pack__h2')].map(h => h.textContent)").await;
        assert_eq!(h, serde_json::json!(["1. Key strategic indicators", "2. Exception report: Amber and Red indicators"]));
        assert_eq!(app.text("pack-sections-label").await, "Key strategic indicators; Exception report: Amber and Red indicators");
        let boxes = app.js("return [...document.querySelectorAll('[data-testid^=pack-include-]')].map(c => c.checked)").await;
        assert_eq!(boxes, serde_json::json!([true, false, false, true, false, false]));
        assert_eq!(count(&app, "[data-testid=pack-indicator-row]").await, 0);
        assert_eq!(count(&app, "[data-testid=pack-notes]").await, 0);
        // Unticking the last two leaves the cover alone, and the link says so.
        app.click("[data-testid=pack-include-key]").await;
        app.click("[data-testid=pack-include-exceptions]").await;
        wait_hash(&app, &format!("#/report?period={Q2}&sections=none")).await;
        wait_count(&app, "[data-testid^=pack-section-]", 0).await;
        assert!(app.text("pack-sections-label").await.starts_with("Cover only"));
        assert_eq!(app.text("pack-period-heading").await, Q2_COVER);
    })
    .await;
}

#[tokio::test]
async fn a_link_it_does_not_understand_gives_a_visible_note() {
    run("report_notes", Options::default(), |app| async move {
        app.open("#/report?period=2019-20-Q9&council=hackney&colour=blue&sections=key,cheese").await;
        let notes = app.text("pack-notes").await;
        for part in ["2019-20-Q9", "hackney", "colour", "cheese", "not understood"] {
            assert!(notes.contains(part), "note should mention {part}: {notes}");
        }
        // The rest of the link still applies, with defaults for what was ignored.
        let latest = latest_quarter();
        assert_eq!(latest, "2019-20-Q3");
        assert_eq!(app.text("pack-period-heading").await, "Q3 2019/20: October–December 2019");
        assert!(app.text("pack-council-label").await.starts_with("All councils"));
        assert_eq!(section_ids(&app).await, ["key"]);
        let visible = app.js("const n = document.querySelector('[data-testid=pack-notes]'); return n.getBoundingClientRect().height > 0 && getComputedStyle(n).visibility === 'visible'").await;
        assert_eq!(visible, true);
        // A choice made on the page writes a clean link, and the note goes.
        app.click("[data-testid=pack-include-summary]").await;
        wait_hash(&app, "#/report?period=2019-20-Q3&sections=key,summary").await;
        wait_count(&app, "[data-testid=pack-notes]", 0).await;
        app.assert_accessible("the committee pack with a note").await;
    })
    .await;
}

/// Each project's status as at a quarter, worked out from the file: its latest update for that
/// quarter or an earlier one (quarter ids of one form sort as text), else not started.
fn project_statuses_at(q: &str) -> Vec<(String, String)> {
    builtin_data()["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["projects"].as_array().unwrap().clone())
        .map(|x| {
            let status = x["updates"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|u| u["period"].as_str().unwrap() <= q)
                .max_by_key(|u| u["period"].as_str().unwrap().to_string())
                .map(|u| u["status"].as_str().unwrap().to_string())
                .unwrap_or_else(|| "not_started".into());
            (x["id"].as_str().unwrap().to_string(), status)
        })
        .collect()
}

/// (data-id, data-status) of every element matching a selector, in page order.
async fn ids_and_statuses(app: &App, selector: &str) -> Vec<(String, String)> {
    let v = app
        .js(&format!(
            "return [...document.querySelectorAll({})].map(e => [e.dataset.id, e.dataset.status])",
            serde_json::to_string(selector).unwrap()
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                p[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_printed_strategy_is_the_periods_own() {
    run("report_strategy_periods", Options::default(), |app| async move {
        // Q3 2021/22, the strategy's latest quarter, is one of the pack's periods.
        app.open("#/report?period=2021-22-Q3&sections=priorities").await;
        app.wait_text("pack-period-heading", "Q3 2021/22: October–December 2021").await;
        assert_eq!(count(&app, "[data-testid=pack-notes]").await, 0, "the link's period is taken as it is");
        // Worked out by hand from the projects' Q3 2021/22 updates and the roll-up rule (any
        // off track → Off track; else any at risk → At risk; else any on track → On track):
        // P1 complete/amber/complete; P2 complete/green/amber; P3 complete/red/green/green;
        // P4 green/green/complete; P5 green/green/red.
        let want: Vec<(String, String)> = [
            ("P1", "amber"),
            ("P2", "amber"),
            ("P3", "red"),
            ("P4", "green"),
            ("P5", "red"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(ids_and_statuses(&app, "[data-testid=pack-priority-row]").await, want);
        let words = app
            .js("return [...document.querySelectorAll('[data-testid=pack-priority-row] td:nth-child(2)')].map(td => td.textContent.trim())")
            .await;
        assert_eq!(words, serde_json::json!(["At risk", "At risk", "Off track", "On track", "Off track"]));
        // Every project as the file has it at Q3 2021/22.
        assert_eq!(
            ids_and_statuses(&app, "[data-testid=pack-project-row]").await,
            project_statuses_at("2021-22-Q3")
        );
        // A project last updated earlier says so: P2-1 was completed in Q1 2021/22.
        let p21 = app.text_of("[data-testid=pack-project-row][data-id='P2-1'] td").await;
        assert!(p21.contains("Complete") && p21.contains("as at Q1 2021/22"), "{p21}");
        assert_eq!(count(&app, "[data-testid=pack-priorities-no-updates]").await, 0);

        // Q3 2019/20, before the strategy's first update: nothing later leaks in.
        app.open("#/report?period=2019-20-Q3&sections=priorities").await;
        app.wait_text("pack-period-heading", "Q3 2019/20: October–December 2019").await;
        let note = app.text("pack-priorities-no-updates").await;
        assert!(note.starts_with("No progress updates for this period (Q3 2019/20)."), "{note}");
        assert!(note.contains("existed yet"), "{note}");
        let priorities = ids_and_statuses(&app, "[data-testid=pack-priority-row]").await;
        assert_eq!(priorities.len(), 5);
        assert!(priorities.iter().all(|(_, s)| s == "not_started"), "{priorities:?}");
        let projects = ids_and_statuses(&app, "[data-testid=pack-project-row]").await;
        assert_eq!(projects, project_statuses_at("2019-20-Q3"));
        assert!(projects.iter().all(|(_, s)| s == "not_started"), "{projects:?}");
        // No tag in the section shows a later status.
        let tags = app
            .js("return [...document.querySelectorAll('[data-testid=pack-section-priorities] .gt-tag')].map(t => t.dataset.status)")
            .await;
        let tags: Vec<&str> = tags.as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert!(!tags.is_empty() && tags.iter().all(|t| *t == "not_started"), "{tags:?}");
    })
    .await;
}

/// Text with all whitespace removed and ligatures spelled out, so that words wrapped across
/// lines in the PDF still match.
fn squash(s: &str) -> String {
    s.replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .replace('\u{00AD}', "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Prints the pack in the test's own browser (WebDriver "Print Page": print media, the pack's
/// own A4 `@page` rules) once the app has drawn it, so the PDF never catches the page loading.
async fn print_pack(app: &Arc<App>, hash: &str, pdf: &Path) {
    let _ = std::fs::remove_file(pdf);
    app.open(hash).await;
    app.find("[data-testid=pack-legend]").await;
    let bytes = app
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .expect("the browser prints the page");
    std::fs::write(pdf, bytes).unwrap();
}

#[tokio::test]
async fn the_printed_pack_is_a_committee_appendix() {
    run("report_pdf", Options::default(), |app| async move {
        let dir = artifacts_dir("report");
        let pdf = dir.join("pack.pdf");
        print_pack(&app, &format!("#/report?period={Q2}"), &pdf).await;
        let pdf_s = pdf.to_string_lossy().to_string();

        // A sane number of A4 pages, numbered "Page n of N" by the pack itself.
        let info = run_tool("pdfinfo", &[&pdf_s]);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().parse().unwrap())
            .expect("pdfinfo gives the page count");
        assert!((5..=60).contains(&pages), "{pages} pages");
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or_default();
        assert!(size.contains("(A4)"), "A4 pages: {size}");
        let text = run_tool("pdftotext", &["-enc", "UTF-8", &pdf_s, "-"]);
        std::fs::write(dir.join("pack.txt"), &text).unwrap();
        assert_eq!(
            text.matches('\u{c}').count(),
            pages,
            "one form feed per page"
        );
        assert!(text.contains("Page 1 of"), "page numbers in the margin");
        assert!(
            text.contains(&format!("Page {pages} of {pages}")),
            "the last page says Page {pages} of {pages}"
        );
        assert!(text.contains(Q2_COVER), "the cover's period line");
        assert!(text.contains("Performance report"));
        assert!(
            squash(&text).contains(&squash(
                "oneSource performance report · Q2 2019/20 · All councils"
            )),
            "running footer"
        );
        // No screen chrome: navigation, choices, buttons, footer.
        for absent in [
            "Committee pack\n",
            "Print or save as PDF",
            "Skip to main content",
            "Accessibility statement",
            "Sections to include",
            "not understood",
        ] {
            assert!(
                !text.contains(absent),
                "the PDF should not contain {absent:?}"
            );
        }
        // Each section on its own page, in order; the cover on page 1.
        let page_texts: Vec<&str> = text.split('\u{c}').collect();
        assert!(page_texts[0].contains(Q2_COVER) && page_texts[0].contains("Contents"));
        for (n, title) in [
            "Key strategic indicators",
            "Performance summary by council",
            "All indicators by council and service",
            "Exception report: Amber and Red indicators",
            "Improvement action plan progress",
            "Strategic priorities progress",
        ]
        .iter()
        .enumerate()
        {
            let heading = format!("{}. {title}", n + 1);
            let starts = page_texts
                .iter()
                .skip(1)
                .filter(|p| {
                    squash(p.trim_start().lines().next().unwrap_or_default()) == squash(&heading)
                })
                .count();
            assert_eq!(starts, 1, "a page should start with {heading:?}");
        }
        // Every Amber and Red indicator, with its reference, in the exception report.
        let flat = squash(&text);
        let ex_start = flat
            .rfind(&squash("Exception report: Amber and Red indicators"))
            .unwrap();
        let ex_end = flat
            .rfind(&squash("Improvement action plan progress"))
            .unwrap();
        let report = &flat[ex_start..ex_end];
        let expected = exceptions_for(Q2);
        for (id, name, _) in &expected {
            assert!(
                report.contains(&squash(name)),
                "the exception report should name {id} {name:?}"
            );
            assert!(
                report.contains(&squash(id)),
                "the exception report should give {id}"
            );
        }
        let reds = expected.iter().filter(|e| e.2 == "red").count();
        assert!(report.contains(&squash(&format!(
            "{reds} Red and {} Amber",
            expected.len() - reds
        ))));
        assert!(report.matches(&squash("Remedial action")).count() >= expected.len());
        // Statuses read in black and white: the words are in the text.
        for word in ["On target", "Near target", "Off target", "Not due"] {
            assert!(text.contains(word), "{word}");
        }
        // Pictures of some pages, to look at.
        let prefix = dir.join("page");
        for (first, last) in [(1, 4), (pages, pages)] {
            run_tool(
                "pdftoppm",
                &[
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    &first.to_string(),
                    "-l",
                    &last.to_string(),
                    &pdf_s,
                    &prefix.to_string_lossy(),
                ],
            );
        }
        eprintln!("the pack printed on {pages} pages: {}", pdf.display());
    })
    .await;
}

#[tokio::test]
async fn the_pack_fits_a_small_screen() {
    run(
        "report_small_screen",
        Options {
            width: 320,
            height: 700,
            ..Options::default()
        },
        |app| async move {
            app.open(&format!("#/report?period={Q2}")).await;
            assert_eq!(app.text("pack-period-heading").await, Q2_COVER);
            let overflow = app
                .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                .await;
            let wide = app
                .js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1)).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
                .await;
            assert_eq!(
                overflow, 0,
                "the page itself must not scroll sideways at 320 px; too wide: {wide}"
            );
            app.screenshot("pack-320").await;
            app.assert_accessible("the committee pack at 320 px").await;
        },
    )
    .await;
}
