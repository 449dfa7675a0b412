//! Drafts must never look published, and data names its source on every page: in a real
//! browser, after one edit every page, the printed pack (each PDF page, read back with
//! poppler's `pdftotext`) and an offline copy say Draft and flag the changed figure; after an
//! undo, or after exporting the data and opening that file, none do. Data opened from a link
//! names its host and file on every page and printed page; the built-in data says
//! "Illustrative figures" on every page.

use fantoccini::wd::PrintConfiguration;
use gt_e2e::{artifacts_dir, builtin_data, run, run_tool, App, Key, Options};
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

/// A key strategic indicator (annual) and the year edited: its latest outturn at Q2 and Q3
/// 2019/20, so the overview's tile, the list, the indicator page and the pack all show it.
const IND: &str = "KEY-02-LBH";
const YEAR: &str = "2018-19";
const ONE: &str = "Draft: includes 1 change not in the published data";
const PAGES: [&str; 9] = [
    "#/",
    "#/priorities",
    "#/improvement",
    "#/indicators",
    "#/indicators/KEY-02-LBH",
    "#/report",
    "#/data",
    "#/changes",
    "#/accessibility",
];

/// Text with all whitespace removed, so that words wrapped across lines in a PDF still match.
fn squash(s: &str) -> String {
    s.replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Goes to a route in the same page (keeping what this tab holds) and waits for its heading.
async fn visit(app: &Arc<App>, hash: &str) {
    app.js(&format!("location.hash = '{hash}'")).await;
    app.wait_until(&format!("{hash} is shown"), |c| async move {
        c.execute(
            "return !!document.querySelector('main h1') && !document.querySelector('[data-testid=loading]')",
            vec![],
        )
        .await
        .map(|v| v == true)
        .unwrap_or(false)
    })
    .await;
}

/// Waits until the draft banner is there (or gone).
async fn wait_draft(app: &Arc<App>, shown: bool) {
    let what = if shown {
        "the draft banner shows"
    } else {
        "the draft banner is gone"
    };
    app.wait_until(what, |c| async move {
        c.execute(
            "return !!document.querySelector('[data-testid=draft-banner]')",
            vec![],
        )
        .await
        .map(|v| v == shown)
        .unwrap_or(false)
    })
    .await;
}

/// Edits the indicator's actual for the year, once.
async fn edit_once(app: &Arc<App>) {
    app.open(&format!("#/indicators/{IND}")).await;
    app.click("[data-testid=edit-toggle]").await;
    app.click(&format!("[data-testid=edit-row-{YEAR}]")).await;
    app.type_into("[data-testid=edit-actual]", "3900").await;
    // Enter in the field saves the form (as a person on a phone would; a WebDriver click on
    // the button is not delivered under the harness's touch emulation).
    app.press(&Key::Enter.to_string()).await;
    app.wait_until("the form closes", |c| async move {
        c.execute(
            "return !document.querySelector('[data-testid=edit-form]')",
            vec![],
        )
        .await
        .map(|v| v == true)
        .unwrap_or(false)
    })
    .await;
    app.click("[data-testid=finish-editing]").await;
}

/// The `data-id`s of the rows or tiles matching `selector` that carry a Draft flag.
async fn flagged(app: &Arc<App>, selector: &str) -> Vec<String> {
    let v = app
        .js(&format!(
            "return [...document.querySelectorAll({})].filter(e => e.querySelector('[data-testid=draft-flag]')).map(e => e.dataset.id || e.dataset.period)",
            serde_json::to_string(selector).unwrap()
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap_or_default().to_string())
        .collect()
}

/// The words of the pack's running header and footer (the `@page` rules the page writes).
async fn running(app: &Arc<App>) -> String {
    app.find("[data-testid=pack-running]").await;
    app.js("return document.querySelector('[data-testid=pack-running]').textContent")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Prints the page in this browser (WebDriver "Print Page": print media, A4, the page's own
/// `@page` running header and footer) and returns the text of each PDF page.
async fn print_pages(app: &Arc<App>, pdf: &Path) -> Vec<String> {
    let bytes = app
        .client
        .print(PrintConfiguration::default())
        .await
        .expect("the browser prints the page");
    std::fs::write(pdf, bytes).unwrap();
    let text = run_tool("pdftotext", &["-enc", "UTF-8", &pdf.to_string_lossy(), "-"]);
    std::fs::write(pdf.with_extension("txt"), &text).unwrap();
    text.split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// Makes an offline copy on the Data page and saves it under the test's artifacts.
async fn offline_copy(app: &Arc<App>, name: &str) -> std::path::PathBuf {
    visit(app, "#/data").await;
    app.js("window.gtLastDownload = null").await;
    app.click("[data-testid=offline-copy]").await;
    app.wait_until("the copy is made", |c| async move {
        c.execute("const e = document.querySelector('[data-testid=offline-copy-status]'); return !!e && e.textContent.startsWith('Saved ') && !!window.gtLastDownload", vec![]).await.map(|v| v == true).unwrap_or(false)
    }).await;
    let dl = app.js("return window.gtLastDownload").await;
    let file = artifacts_dir(&app.name).join(name);
    std::fs::write(&file, dl[1].as_str().unwrap()).unwrap();
    file
}

#[tokio::test]
async fn one_edit_makes_every_page_the_pack_and_the_offline_copy_a_draft_until_undone() {
    run("drafts_edit_undo", Options::default(), |app| async move {
        app.open("#/").await;
        assert!(!app.exists("[data-testid=draft-banner]").await, "no draft before any edit");
        edit_once(&app).await;

        // Every page: the banner, with the published file and its date, and the source line.
        for hash in PAGES {
            visit(&app, hash).await;
            wait_draft(&app, true).await;
            assert_eq!(app.text("draft-title").await, ONE, "on {hash}");
            let source = app.text("draft-source").await;
            assert!(
                source.contains("The published data is onesource.json (the built-in data), as of 31 December 2019."),
                "on {hash}: {source}"
            );
            let line = app.text("data-source").await;
            assert!(line.starts_with("Illustrative figures"), "on {hash}: {line}");
        }
        // The banner's list names the change and links to it; the Changes page lists it.
        visit(&app, "#/").await;
        let list = app.text("draft-changes").await;
        assert!(
            list.contains("Savings achieved by oneSource (£k) (KEY-02-LBH), 2018/19 · Actual: was £3,650k, now £3,900k"),
            "{list}"
        );
        // The changed figure is flagged, and only it: the key tile, the list row, the figures
        // table row.
        assert_eq!(flagged(&app, "[data-testid=key-tile]").await, [IND]);
        let draft_word = app.text_of(&format!("[data-testid=key-tile][data-id={IND}] [data-testid=draft-flag]")).await;
        assert!(draft_word.starts_with("Draft"), "the flag says Draft in words: {draft_word}");
        let hidden = app.js(&format!("return document.querySelector('[data-testid=key-tile][data-id={IND}] [data-testid=draft-flag]').textContent")).await;
        assert_eq!(hidden, "Draft: this figure includes a change not in the published data");
        app.screenshot("overview-draft-1280").await;
        app.assert_accessible("the overview with a draft").await;
        visit(&app, "#/indicators?council=havering").await;
        assert_eq!(flagged(&app, "[data-testid=indicator-row]").await, [IND]);
        visit(&app, &format!("#/indicators/{IND}")).await;
        assert_eq!(flagged(&app, "[data-testid=figure-row]").await, [YEAR]);
        app.screenshot("indicator-draft-1280").await;

        // The pack: the cover says Draft and lists the change; the key row is flagged; every
        // printed page has the running header and the source in the footer.
        visit(&app, "#/report?period=2019-20-Q2").await;
        let cover = app.text("pack-draft").await;
        assert!(cover.contains(ONE), "{cover}");
        assert!(cover.contains("The published data is onesource.json (the built-in data), as of 31 December 2019"), "{cover}");
        assert!(cover.contains("Actual: was £3,650k, now £3,900k"), "{cover}");
        assert_eq!(
            app.text("pack-source").await,
            "Illustrative figures: the built-in example data, not real oneSource performance."
        );
        assert_eq!(flagged(&app, "[data-testid=pack-key-row]").await, [IND]);
        assert_eq!(flagged(&app, "[data-testid=pack-indicator-row]").await, [IND]);
        let css = running(&app).await;
        assert!(css.contains(&format!("@top-left {{ content: \"{ONE} (listed on the cover)\"")), "{css}");
        assert!(css.contains("\"Illustrative figures: not real oneSource performance\""), "{css}");
        app.screenshot("pack-draft-1280").await;
        let pages = print_pages(&app, &artifacts_dir(&app.name).join("pack-draft.pdf")).await;
        assert!(pages.len() >= 5, "{} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let flat = squash(page);
            assert!(flat.contains(&squash(ONE)), "printed page {} says Draft:\n{page}", n + 1);
            assert!(
                flat.contains(&squash("Illustrative figures: not real oneSource performance")),
                "printed page {} names the data:\n{page}",
                n + 1
            );
        }
        // The cover (with the draft's note) stays one page: its key ends on the same page.
        let cover = pages
            .iter()
            .find(|p| squash(p).contains(&squash("These are not the published figures.")))
            .expect("a printed page with the cover's draft note");
        assert!(
            squash(cover).contains(&squash("How to read this report"))
                && squash(cover).contains(&squash("the period it is for is given next to it")),
            "the cover fits one page:\n{cover}"
        );
        assert!(squash(pages.last().unwrap()).contains(&squash("About the data")));

        // An offline copy made now says Draft on every page and flags the figure.
        let copy = offline_copy(&app, "copy-with-draft.html").await;
        assert!(app.text("offline-copy-status").await.contains("every page of it says Draft"));
        app.client.goto(&format!("file://{}#/", copy.display())).await.unwrap();
        app.wait_ready().await;
        wait_draft(&app, true).await;
        assert_eq!(app.text("draft-title").await, ONE);
        let line = app.text("data-source").await;
        assert!(line.starts_with("Illustrative figures") && line.contains("Offline copy made on"), "{line}");
        assert_eq!(flagged(&app, "[data-testid=key-tile]").await, [IND]);
        assert!(app.text("draft-changes").await.contains("now £3,900k"));
        visit(&app, "#/report?period=2019-20-Q2").await;
        assert!(app.text("pack-draft").await.contains(ONE));
        assert!(running(&app).await.contains(ONE));

        // Undo: no page, pack or new copy says Draft any more.
        app.open("#/").await;
        wait_draft(&app, true).await;
        app.click("[data-testid=edit-toggle]").await;
        app.click("[data-testid=undo]").await;
        wait_draft(&app, false).await;
        assert!(flagged(&app, "[data-testid=key-tile]").await.is_empty());
        app.click("[data-testid=finish-editing]").await;
        for hash in PAGES {
            visit(&app, hash).await;
            assert!(!app.exists("[data-testid=draft-banner]").await, "no banner on {hash}");
            assert!(app.text("data-source").await.starts_with("Illustrative figures"));
        }
        visit(&app, "#/report?period=2019-20-Q2").await;
        assert!(!app.exists("[data-testid=pack-draft]").await);
        assert!(flagged(&app, "[data-testid=pack-key-row]").await.is_empty());
        let css = running(&app).await;
        assert!(!css.contains("Draft"), "{css}");
        assert!(css.contains("Illustrative figures"), "{css}");
        let copy = offline_copy(&app, "copy-after-undo.html").await;
        app.client.goto(&format!("file://{}#/", copy.display())).await.unwrap();
        app.wait_ready().await;
        app.find("[data-testid=data-source]").await;
        assert!(!app.exists("[data-testid=draft-banner]").await, "a copy made after the undo is no draft");
        assert!(flagged(&app, "[data-testid=key-tile]").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn exporting_the_data_and_opening_it_makes_it_the_published_data() {
    run(
        "drafts_export_reopen",
        Options::default(),
        |app| async move {
            edit_once(&app).await;
            visit(&app, "#/data").await;
            wait_draft(&app, true).await;
            app.js("window.gtLastDownload = null").await;
            app.click("[data-testid=export-json]").await;
            let dl = app.js("return window.gtLastDownload").await;
            let name = dl[0].as_str().unwrap().to_string();
            let file = artifacts_dir(&app.name).join(&name);
            std::fs::write(&file, dl[1].as_str().unwrap()).unwrap();
            app.upload("[data-testid=import-file]", &file).await;
            app.click("[data-testid=import-confirm]").await;
            app.find("[data-testid=import-done]").await;
            // The exported file is now the published data: nothing differs, nothing says Draft.
            wait_draft(&app, false).await;
            for hash in PAGES {
                visit(&app, hash).await;
                assert!(
                    !app.exists("[data-testid=draft-banner]").await,
                    "no banner on {hash}"
                );
                let line = app.text("data-source").await;
                // The file still says its figures are illustrative, and where it came from.
                assert!(line.starts_with("Illustrative figures"), "{line}");
                assert!(
                    line.contains(&format!("Imported from {name} on ")),
                    "{line}"
                );
            }
            visit(&app, "#/").await;
            assert!(flagged(&app, "[data-testid=key-tile]").await.is_empty());
            let tile = app
                .text_of(&format!(
                    "[data-testid=key-tile][data-id={IND}] .gt-tile__value"
                ))
                .await;
            assert_eq!(
                tile, "£3,900k",
                "the edited figure is the published one now"
            );
            visit(&app, "#/report?period=2019-20-Q2").await;
            assert!(!app.exists("[data-testid=pack-draft]").await);
            assert!(app
                .text("pack-source")
                .await
                .contains(&format!("imported from {name} on ")));
            let css = running(&app).await;
            assert!(!css.contains("Draft"), "{css}");
            assert!(
                css.contains(&format!("Illustrative figures · Imported from {name} on ")),
                "{css}"
            );
        },
    )
    .await;
}

#[tokio::test]
async fn data_from_a_link_names_its_host_and_file_on_every_page_and_printed_page() {
    // Another council's file, served at another address of the test server.
    let mut other = builtin_data();
    other.as_object_mut().unwrap().remove("illustrative");
    other["title"] = Value::String("Partner performance".into());
    let options = Options {
        overrides: vec![(
            "elsewhere/q2-figures.json".into(),
            Some(serde_json::to_vec(&other).unwrap()),
        )],
        ..Options::default()
    };
    run("drafts_link", options, |app| async move {
        let base = app.server.base();
        let port = base
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .unwrap()
            .to_string();
        let host = format!("localhost:{port}");
        let url = format!("http://{host}/elsewhere/q2-figures.json");
        app.client
            .goto(&format!("{base}index.html?data={url}#/"))
            .await
            .unwrap();
        app.wait_ready().await;
        let expected = format!("Data from {host} — q2-figures.json (not the built-in data).");
        for hash in PAGES {
            visit(&app, hash).await;
            assert_eq!(app.text("data-source-text").await, expected, "on {hash}");
            let line = app.text("data-source").await;
            assert!(!line.contains("Illustrative"), "{line}");
            assert!(!app.exists("[data-testid=draft-banner]").await);
        }
        visit(&app, "#/").await;
        app.screenshot("link-overview-1280").await;
        visit(&app, "#/report?period=2019-20-Q2").await;
        assert_eq!(app.text("pack-source").await, expected);
        let css = running(&app).await;
        assert!(
            css.contains(&format!(
                "Data from {host} — q2-figures.json (not the built-in data)"
            )),
            "{css}"
        );
        let pages = print_pages(&app, &artifacts_dir(&app.name).join("pack-link.pdf")).await;
        assert!(pages.len() >= 5, "{} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            assert!(
                squash(page).contains(&squash(&format!("Data from {host} — q2-figures.json"))),
                "printed page {} names the host and file:\n{page}",
                n + 1
            );
            assert!(
                !squash(page).contains("Draft:"),
                "no draft on page {}",
                n + 1
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_draft_on_a_small_screen() {
    let options = Options {
        width: 375,
        height: 800,
        ..Options::default()
    };
    run("drafts_small_screen", options, |app| async move {
        app.open("#/").await;
        app.screenshot("overview-375").await;
        app.open(&format!("#/indicators/{IND}")).await;
        edit_once(&app).await;
        for hash in ["#/", &format!("#/indicators/{IND}"), "#/report?period=2019-20-Q2"] {
            visit(&app, hash).await;
            wait_draft(&app, true).await;
            let overflow = app
                .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                .await;
            let wide = app
                .js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1)).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
                .await;
            assert_eq!(overflow, 0, "nothing overflows at 375 px on {hash}: {wide}");
        }
        visit(&app, "#/").await;
        app.screenshot("overview-draft-375").await;
        app.assert_accessible("the overview with a draft at 375 px").await;
        visit(&app, &format!("#/indicators/{IND}")).await;
        app.js("document.querySelector('[data-testid=figures-table]').scrollIntoView()").await;
        app.screenshot("indicator-draft-375").await;
        visit(&app, "#/report?period=2019-20-Q2").await;
        app.js("document.querySelector('[data-testid=pack-cover]').scrollIntoView()").await;
        app.screenshot("pack-draft-375").await;
    })
    .await;
}
