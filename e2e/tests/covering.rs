//! The covering report in a real browser: an officer writes it in edit mode on the pack page;
//! the printed pack (the PDF Chromium makes, read back page by page with poppler's
//! `pdftotext -f N -l N`) starts with it, then a contents page whose page numbers are the
//! pages where each part really starts in the PDF. A reload keeps it, undo takes it away, the
//! exported data holds it; CSV exports say Draft while the data differs from the published
//! data, and do not once the exported data is opened as the published data.

use fantoccini::wd::PrintConfiguration;
use gt_e2e::{artifacts_dir, run, run_tool, App, Key, Options};
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

const Q2: &str = "2019-20-Q2";
const COMMITTEE: &str = "oneSource Joint Committee";
const SUBJECT: &str = "oneSource Performance Indicators, Q2 report";
const AUTHOR: &str = "Tony Barnard, Business Improvement & Analysis Officer";
const SUMMARY: &str = "This report presents to the Committee the Performance Indicators for the second quarter: July - September 2019.";
const REC1: &str = "To note the oneSource Performance Indicators Q2 report attached at Appendix 1.";
const REC2: &str = "To consider and agree the remedial actions set out in the exception report.";

/// Text with all whitespace removed, so that words wrapped across lines in a PDF still match
/// (and hyphens left out: the PDF's text may give a typed "-" as a soft hyphen).
fn squash(s: &str) -> String {
    s.replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{AD}' | '\u{2010}' | '\u{2011}'))
        .collect()
}

async fn wait_js(app: &Arc<App>, what: &str, script: &str) {
    let script = script.to_string();
    app.wait_until(what, |c| {
        let script = script.clone();
        async move {
            c.execute(&script, vec![])
                .await
                .map(|v| v == true)
                .unwrap_or(false)
        }
    })
    .await;
}

/// Goes to a route in the same page (keeping what this tab holds) and waits for its heading.
async fn visit(app: &Arc<App>, hash: &str) {
    app.js(&format!("location.hash = '{hash}'")).await;
    wait_js(
        app,
        &format!("{hash} is shown"),
        "return !!document.querySelector('main h1') && !document.querySelector('[data-testid=loading]')",
    )
    .await;
}

/// A background long enough to push the report onto a second page.
fn background() -> String {
    (1..=7)
        .map(|n| format!("Paragraph {n} of the background. The Shared Service recognises the need to provide assurance that priorities and performance standards are being met, and services are aligned to each Council's strategic objectives. Performance reporting in oneSource is aligned to the refreshed performance mechanisms in Newham Council, and the reporting procedures in Havering and Bexley Councils."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Opens the form in edit mode and types the covering report; saves it.
async fn write_report(app: &Arc<App>) {
    app.open(&format!("#/report?period={Q2}")).await;
    app.click("[data-testid=edit-toggle]").await;
    let prompt = app.text("covering-prompt").await;
    assert!(
        prompt.contains("There is no covering report for Q2 2019/20 (July–September 2019) yet."),
        "the built-in data has none, and edit mode says so: {prompt}"
    );
    app.click("[data-testid=covering-open]").await;
    let field = |f: &str| format!("[data-testid=covering-field-{f}]");
    app.type_into(&field("committee"), COMMITTEE).await;
    // A date field takes the date as the browser shows it; set it as a date picker would.
    app.js("const e = document.querySelector('[data-testid=covering-field-meeting_date]'); e.value = '2020-02-07'; e.dispatchEvent(new Event('input', { bubbles: true }));").await;
    app.type_into(&field("subject"), SUBJECT).await;
    app.type_into(&field("author"), AUTHOR).await;
    app.type_into(&field("contact"), "X37559").await;
    app.type_into(&field("financial_summary"), "Not applicable")
        .await;
    app.type_into(&field("summary"), SUMMARY).await;
    app.type_into(&field("recommendations"), &format!("{REC1}\n{REC2}"))
        .await;
    app.type_into(&field("background"), &background()).await;
    app.type_into(&field("detail_heading"), "Performance Indicators")
        .await;
    app.type_into(&field("detail"), "There are four key strategic performance indicators identified by the Joint Committee as the key priorities for the shared services.").await;
    app.type_into(&field("legal_implications"), "Not applicable")
        .await;
    app.type_into(&field("financial_implications"), "Not applicable")
        .await;
    app.type_into(&field("hr_implications"), "Not applicable")
        .await;
    app.type_into(&field("background_papers"), "None").await;
    app.click("[data-testid=covering-save]").await;
    wait_js(
        app,
        "the save is confirmed next to the button",
        "const e = document.querySelector('[data-testid=covering-saved]'); return !!e && e.textContent.startsWith('Covering report saved at')",
    )
    .await;
}

/// The contents page's entries once measured: (anchor, title, page).
async fn contents(app: &Arc<App>) -> Vec<(String, String, usize)> {
    wait_js(
        app,
        "the contents page has its page numbers",
        "const c = document.querySelector('[data-testid=pack-contents-page]'); return !!c && c.dataset.measured === 'true' && [...c.querySelectorAll('[data-testid=contents-entry]')].every(e => e.dataset.page)",
    )
    .await;
    let v = app
        .js("return [...document.querySelectorAll('[data-testid=contents-entry]')].map(e => [e.dataset.anchor, e.querySelector('a').textContent, e.dataset.page])")
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap().to_string(),
                e[1].as_str().unwrap().to_string(),
                e[2].as_str().unwrap().parse().unwrap(),
            )
        })
        .collect()
}

/// Prints the page in this browser (WebDriver "Print Page", A4) and returns each PDF page's
/// text, read page by page (`pdftotext -f N -l N`).
async fn print_pages(app: &Arc<App>, pdf: &Path) -> Vec<String> {
    let bytes = app
        .client
        .print(PrintConfiguration::default())
        .await
        .expect("the browser prints the page");
    std::fs::write(pdf, bytes).unwrap();
    let pdf_s = pdf.to_string_lossy().to_string();
    let info = run_tool("pdfinfo", &[&pdf_s]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo gives the page count");
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_default();
    assert!(size.contains("(A4)"), "A4 pages: {size}");
    (1..=pages)
        .map(|n| {
            let n = n.to_string();
            run_tool(
                "pdftotext",
                &["-enc", "UTF-8", "-f", &n, "-l", &n, &pdf_s, "-"],
            )
        })
        .collect()
}

/// A page's text without the running header (the draft line at the top of every page).
fn body(page: &str) -> String {
    let flat = squash(page);
    match flat.find("(listedonthecover)") {
        Some(i) => flat[i + "(listedonthecover)".len()..].to_string(),
        None => flat,
    }
}

fn has_line(page: &str, line: &str) -> bool {
    page.lines().any(|l| squash(l) == squash(line))
}

#[tokio::test]
async fn the_printed_pack_starts_with_the_covering_report_and_its_contents_gives_real_pages() {
    run("covering_pdf", Options::default(), |app| async move {
        write_report(&app).await;
        app.screenshot("covering-form-saved-1280").await;
        app.assert_accessible("the pack page with the covering report form open")
            .await;
        let entries = contents(&app).await;
        let titles: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Covering report",
                "Summary",
                "Recommendations",
                "Report detail",
                "Implications and risks",
                "Appendices and background papers",
                "Appendix 1: Performance report, Q2 2019/20: July–September 2019",
                "1. Key strategic indicators",
                "2. Performance summary by council",
                "3. All indicators by council and service",
                "4. Exception report: Amber and Red indicators",
                "5. Improvement action plan progress",
                "6. Strategic priorities progress",
            ]
        );
        let pdf = artifacts_dir(&app.name).join("pack-covering.pdf");
        let pages = print_pages(&app, &pdf).await;
        std::fs::write(pdf.with_extension("txt"), pages.join("\u{c}")).unwrap();
        eprintln!("contents: {entries:?}");

        // The PDF starts with the covering report as typed.
        let first = body(&pages[0]);
        assert!(
            first.starts_with(&squash("ONESOURCE JOINT COMMITTEE 7 February 2020")),
            "page 1 starts with the masthead:\n{}",
            pages[0]
        );
        for typed in [
            SUBJECT,
            AUTHOR,
            "X37559",
            "SUMMARY",
            SUMMARY,
            "RECOMMENDATIONS",
            REC1,
            REC2,
        ] {
            assert!(
                first.contains(&squash(typed)),
                "page 1 has {typed:?}:\n{}",
                pages[0]
            );
        }
        let whole: String = pages.iter().map(|p| body(p)).collect();
        for typed in [
            "1.1Paragraph1ofthebackground.",
            "1.7Paragraph7ofthebackground.",
            "2.PerformanceIndicators",
            "2.1Therearefourkeystrategicperformanceindicators",
            "Legalimplicationsandrisks:Notapplicable",
            "HRimplicationsandrisks:Notapplicable",
            "Backgroundpapers:None",
        ] {
            assert!(whole.contains(typed), "the report has {typed:?}");
        }
        // Then the contents page, before the appendix.
        let contents_page = pages
            .iter()
            .position(|p| body(p).starts_with("Contents"))
            .expect("a page that starts with Contents")
            + 1;
        assert!(contents_page >= 2, "the covering report comes first");
        let cover = entries.iter().find(|e| e.0 == "pack-cover").unwrap().2;
        assert_eq!(
            cover,
            contents_page + 1,
            "the appendix follows the contents page"
        );
        // Every entry's page is where that part really starts in the PDF, and not earlier.
        for (anchor, title, page) in &entries {
            assert!(
                *page >= 1 && *page <= pages.len(),
                "{title}: page {page} of {}",
                pages.len()
            );
            let text = &pages[page - 1];
            match anchor.as_str() {
                "covering-report" => assert_eq!(*page, 1, "{title}"),
                "pack-cover" => {
                    assert!(
                        body(text).contains(&squash("Committee pack · Appendix").to_uppercase()),
                        "{title} on page {page}:\n{text}"
                    );
                    assert!(
                        has_line(text, "Performance report"),
                        "{title} on page {page}:\n{text}"
                    );
                }
                a if a.starts_with("covering-") => {
                    let heading = title.to_uppercase();
                    assert!(
                        has_line(text, &heading),
                        "{heading} on page {page}:\n{text}"
                    );
                    for (n, earlier) in pages[..page - 1].iter().enumerate() {
                        assert!(
                            !has_line(earlier, &heading),
                            "{heading} is on page {}, before page {page}",
                            n + 1
                        );
                    }
                }
                _ => {
                    // An appendix section starts its page (after the running header).
                    assert!(
                        body(text).starts_with(&squash(title)),
                        "page {page} starts with {title:?}:\n{text}"
                    );
                    for (n, earlier) in pages[..page - 1].iter().enumerate() {
                        assert!(
                            !body(earlier).starts_with(&squash(title)),
                            "{title} starts page {}, before page {page}",
                            n + 1
                        );
                    }
                }
            }
        }
        // The contents page lists them with those numbers (read as laid out: title, leader
        // and number on one line).
        let n = contents_page.to_string();
        let pdf_s = pdf.to_string_lossy().to_string();
        let listed = run_tool(
            "pdftotext",
            &["-enc", "UTF-8", "-layout", "-f", &n, "-l", &n, &pdf_s, "-"],
        );
        for (_, title, page) in &entries {
            assert!(
                listed
                    .lines()
                    .any(|l| squash(l) == squash(&format!("{title} {page}"))),
                "the contents page lists {title:?} on page {page}:\n{listed}"
            );
        }
        // Some part starts after page 1 within the report, so the numbers are not all alike.
        assert!(entries
            .iter()
            .any(|e| e.0.starts_with("covering-") && e.2 > 1));
    })
    .await;
}

#[tokio::test]
async fn the_report_survives_a_reload_goes_with_undo_and_is_exported_and_csvs_say_draft() {
    run(
        "covering_keep_undo_export",
        Options::default(),
        |app| async move {
            write_report(&app).await;
            app.click("[data-testid=covering-close]").await;
            // Kept in this browser: a reload shows it.
            app.reload().await;
            app.wait_ready().await;
            visit(&app, &format!("#/report?period={Q2}")).await;
            assert!(app.text("covering-report").await.contains(SUBJECT));
            // Listed on Your changes as one change, and the banner counts it.
            visit(&app, "#/changes").await;
            assert!(app
                .text_of("main")
                .await
                .contains("Covering report, Q2 2019/20"));
            let banner = app.text("draft-title").await;
            assert_eq!(
                banner,
                "Draft: includes 1 change (15 fields) not in the published data"
            );

            // Undo takes the whole report away; redo brings it back.
            visit(&app, &format!("#/report?period={Q2}")).await;
            // Editing mode is kept across the reload (the edit bar is still there).
            app.click("[data-testid=undo]").await;
            wait_js(
                &app,
                "the report is gone",
                "return !document.querySelector('[data-testid=covering-report]')",
            )
            .await;
            assert!(!app.exists("[data-testid=pack-contents-page]").await);
            app.click("[data-testid=redo]").await;
            app.find("[data-testid=covering-report]").await;
            app.click("[data-testid=finish-editing]").await;

            // The CSV of every figure says Draft (the report is a change not in the published data).
            visit(&app, "#/data").await;
            app.js("window.gtLastDownload = null").await;
            app.click("[data-testid=export-csv]").await;
            let dl = app.js("return window.gtLastDownload").await;
            let name = dl[0].as_str().unwrap();
            let csv = dl[1].as_str().unwrap();
            assert!(name.contains("-all-figures-draft-"), "{name}");
            let head = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
            assert!(
                head.ends_with(",Draft: includes 1 change (15 fields) not in the published data"),
                "{head}"
            );
            // The current view's CSV on the Indicators page too.
            visit(&app, "#/indicators").await;
            app.js("window.gtLastDownload = null").await;
            app.click("[data-testid=export-view-csv]").await;
            let dl = app.js("return window.gtLastDownload").await;
            assert!(dl[1]
                .as_str()
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .contains(",Draft: includes 1 change"));

            // The exported data holds the report; opened as the published data, nothing is a draft.
            visit(&app, "#/data").await;
            app.js("window.gtLastDownload = null").await;
            app.click("[data-testid=export-json]").await;
            let dl = app.js("return window.gtLastDownload").await;
            let name = dl[0].as_str().unwrap().to_string();
            let json: Value = serde_json::from_str(dl[1].as_str().unwrap()).unwrap();
            let r = &json["covering_reports"][0];
            assert_eq!(r["period"], Q2);
            assert_eq!(r["subject"], SUBJECT);
            assert_eq!(r["meeting_date"], "2020-02-07");
            assert_eq!(r["recommendations"], serde_json::json!([REC1, REC2]));
            let file = artifacts_dir(&app.name).join(&name);
            std::fs::write(&file, dl[1].as_str().unwrap()).unwrap();
            app.upload("[data-testid=import-file]", &file).await;
            app.click("[data-testid=import-confirm]").await;
            app.find("[data-testid=import-done]").await;
            wait_js(
                &app,
                "no draft",
                "return !document.querySelector('[data-testid=draft-banner]')",
            )
            .await;
            app.js("window.gtLastDownload = null").await;
            app.click("[data-testid=export-csv]").await;
            let dl = app.js("return window.gtLastDownload").await;
            assert!(!dl[0].as_str().unwrap().contains("draft"), "{}", dl[0]);
            assert!(
                !dl[1].as_str().unwrap().contains("Draft"),
                "no draft mark once published"
            );
            // The published report is in the pack, with nothing said about a draft.
            visit(&app, &format!("#/report?period={Q2}")).await;
            assert!(app.text("covering-report").await.contains(SUBJECT));
            assert!(!app.exists("[data-testid=pack-draft]").await);
        },
    )
    .await;
}

/// The form and the pack at three widths, for looking at (and checked with axe-core).
async fn screens(width: u32, height: u32) {
    let name = format!("covering_screens_{width}");
    run(&name, Options { width, height, ..Options::default() }, move |app| async move {
        app.open(&format!("#/report?period={Q2}")).await;
        app.click("[data-testid=edit-toggle]").await;
        app.screenshot(&format!("prompt-{width}")).await;
        app.find("[data-testid=covering-open]").await;
        app.js("document.querySelector('[data-testid=covering-open]').click()").await;
        app.find("[data-testid=covering-form]").await;
        app.screenshot(&format!("form-{width}")).await;
        app.type_into("[data-testid=covering-field-subject]", SUBJECT).await;
        app.type_into("[data-testid=covering-field-summary]", SUMMARY).await;
        app.type_into("[data-testid=covering-field-recommendations]", REC1).await;
        // Keyboard: Enter in a one-line field submits the form.
        app.find("[data-testid=covering-field-subject]").await.click().await.ok();
        app.press(&Key::Enter.to_string()).await;
        wait_js(&app, "saved", "const e = document.querySelector('[data-testid=covering-saved]'); return !!e && e.textContent.startsWith('Covering report saved')").await;
        app.screenshot(&format!("form-saved-{width}")).await;
        app.assert_accessible(&format!("the form at {width} px")).await;
        app.js("document.querySelector('[data-testid=covering-report]').scrollIntoView()").await;
        app.screenshot(&format!("pack-{width}")).await;
        app.js("document.querySelector('[data-testid=pack-contents-page]').scrollIntoView()").await;
        app.screenshot(&format!("contents-{width}")).await;
        // Nothing of the form, the covering report or the contents goes past the window's
        // edge. (The appendix's own count tables are wider than a 768 px window: a known
        // issue of the pack's tables, not of these parts.)
        let wide = app
            .js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll('[data-testid=covering-form], [data-testid=covering-form] *, .gt-cr, .gt-cr *, .gt-contents, .gt-contents *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
            .await;
        assert_eq!(wide, serde_json::json!([]), "nothing overflows at {width} px");
    })
    .await;
}

#[tokio::test]
async fn the_form_and_the_pack_at_three_widths() {
    screens(1280, 900).await;
    screens(768, 1000).await;
    screens(375, 800).await;
}
