//! Exports and views (issue 14): the list's CSV holds what the list shows, the overview shows
//! Red first with the Amber ones on request and groups on request, the masthead names the
//! data once, and the Data page speaks English and has a styled file button.

use gt_e2e::{run, App, Options};
use std::sync::Arc;

async fn number(app: &Arc<App>, script: &str) -> f64 {
    app.js(script).await.as_f64().unwrap_or(f64::NAN)
}

#[tokio::test]
async fn the_view_csv_holds_every_row_with_its_status_directions_and_period() {
    run("views_csv", Options::default(), |app| async move {
        // Every indicator: quarterly, monthly and annual ones alike.
        app.open("#/indicators").await;
        let count = app.text("result-count").await;
        let shown: usize = count
            .split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{count}"));
        // The statuses of the first page's rows, as the list shows them.
        let on_screen = app
            .js("return [...document.querySelectorAll('[data-testid=indicator-row]')].map(r => [r.dataset.id, r.querySelector('.gt-tag').textContent.trim()])")
            .await;
        app.click("[data-testid=export-view-csv]").await;
        let dl = app.js("return window.gtLastDownload").await;
        let text = dl[1].as_str().unwrap().to_string();
        let table = gt_core::csv::read_csv(&text).expect("the file reads as CSV");
        let head = &table.records[0].cells;
        let col = |name: &str| {
            head.iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name}: {head:?}"))
        };
        let (id, period, status, short, long) = (
            col("indicator_id"),
            col("period"),
            col("Status shown"),
            col("Since the previous figure"),
            col("Since a year earlier"),
        );
        let rows = &table.records[1..];
        assert_eq!(rows.len(), shown, "one row per indicator in the view");
        assert!(
            rows.iter().all(|r| !r.cells[status].is_empty() && !r.cells[period].is_empty()),
            "every row has its status and period"
        );
        let with = |c: usize| rows.iter().filter(|r| r.cells[c].contains(" since ")).count();
        assert!(with(short) > shown / 2, "directions since the previous figure");
        assert!(with(long) > shown / 4, "directions since a year earlier");
        // The status in the file is the one on screen (set by hand or by the rules).
        for pair in on_screen.as_array().unwrap() {
            let (rid, tag) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            let row = rows.iter().find(|r| r.cells[id] == rid).unwrap();
            assert!(
                row.cells[status].starts_with(tag.split(" (").next().unwrap()),
                "{rid}: {} vs {tag}",
                row.cells[status]
            );
        }
    })
    .await;
}

#[tokio::test]
async fn the_overview_shows_red_first_amber_on_request_and_groups_on_request() {
    run("views_overview", Options::default(), |app| async move {
        app.open("#/").await;
        let height = number(&app, "return document.documentElement.scrollHeight").await;
        eprintln!("overview height at 1280 px: {height} px");
        assert!(height < 6000.0, "the overview is {height} px tall");
        app.screenshot("overview-1280").await;
        // Only Red cards are shown; the Amber ones are behind one button that says how many.
        let visible = |status: &str| {
            format!("return [...document.querySelectorAll('[data-testid=exception][data-status={status}]')].filter(e => e.offsetParent !== null).length")
        };
        let reds = number(&app, &visible("red")).await;
        assert!(reds > 0.0);
        assert_eq!(number(&app, &visible("amber")).await, 0.0);
        let all_amber = number(&app, "return document.querySelectorAll('[data-testid=exception][data-status=amber]').length").await;
        let button = app.text("show-amber").await;
        assert_eq!(button, format!("Show {all_amber} Amber indicators"));
        assert_eq!(
            app.js("return document.querySelector('[data-testid=show-amber]').getAttribute('aria-expanded')").await,
            "false"
        );
        app.click("[data-testid=show-amber]").await;
        assert_eq!(number(&app, &visible("amber")).await, all_amber);
        assert_eq!(
            app.js("return document.querySelector('[data-testid=show-amber]').getAttribute('aria-expanded')").await,
            "true"
        );
        // Grouped by council, on request: the choice is in the link and survives a reload.
        app.js("const s = document.querySelector('[data-testid=exceptions-group]'); s.value = 'council'; s.dispatchEvent(new Event('change'));").await;
        app.find("[data-testid=exception-group-heading]").await;
        assert!(app.hash().await.contains("group=council"));
        app.reload().await;
        let headings = app
            .js("return [...document.querySelectorAll('[data-testid=exception-group-heading]')].map(h => h.firstChild.textContent)")
            .await;
        let headings: Vec<&str> = headings
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        assert!(
            headings.iter().any(|h| h.contains("Havering")) && headings.iter().any(|h| h.contains("Newham")),
            "{headings:?}"
        );
        app.screenshot("overview-by-council").await;
        // By service.
        app.js("const s = document.querySelector('[data-testid=exceptions-group]'); s.value = 'service'; s.dispatchEvent(new Event('change'));").await;
        app.wait_until("grouped by service", |c| async move {
            c.execute("return location.hash", vec![])
                .await
                .ok()
                .and_then(|v| v.as_str().map(|h| h.contains("group=service")))
                .unwrap_or(false)
        })
        .await;
        app.assert_accessible("the overview grouped by service").await;
        assert!(
            app.js("return !document.querySelector('[data-testid=group-note]')").await == true,
            "no note for a grouping that works"
        );
        // A link with a grouping that does not exist says so, and shows Red first.
        app.open("#/?group=directorate").await;
        let note = app.text("group-note").await;
        assert!(
            note.contains("group \"directorate\" is not a grouping (use council or service)"),
            "{note}"
        );
        assert_eq!(
            app.js("return document.querySelector('[data-testid=exceptions-group]').value").await,
            ""
        );
        assert!(number(&app, &visible("red")).await > 0.0);
    })
    .await;
}

#[tokio::test]
async fn the_masthead_names_the_data_once_and_edit_figures_is_quiet() {
    run("views_masthead", Options::default(), |app| async move {
        app.open("#/indicators").await;
        // Above the page's content: the header and the source line.
        let top = app
            .js("return document.querySelector('header').innerText + '\\n' + document.querySelector('nav').innerText + '\\n' + (document.querySelector('[data-testid=data-source]') || {innerText: ''}).innerText")
            .await;
        let top = top.as_str().unwrap();
        let n = top.matches("oneSource").count();
        assert!((1..=2).contains(&n), "oneSource {n} times: {top}");
        // "Edit figures" is quieter than the navigation, and still reachable with a visible focus.
        let weight = |sel: &str| format!("return getComputedStyle(document.querySelector('{sel}')).fontWeight");
        assert_eq!(app.js(&weight("[data-testid=nav-overview]")).await, "700");
        assert_eq!(app.js(&weight("[data-testid=edit-toggle]")).await, "400");
        app.js("document.querySelector('[data-testid=nav-data]').focus()").await;
        app.press(&gt_e2e::Key::Tab.to_string()).await;
        // Tabbing on from the last navigation link reaches it.
        let focused = app.js("return document.activeElement.getAttribute('data-testid')").await;
        assert_eq!(focused, "edit-toggle");
        let bg = app.js("return getComputedStyle(document.activeElement).backgroundColor").await;
        assert_eq!(bg, "rgb(255, 221, 0)", "focus is yellow");
    })
    .await;
}

#[tokio::test]
async fn the_data_page_counts_in_english_and_styles_the_file_button() {
    run("views_data_page", Options::default(), |app| async move {
        app.open("#/data").await;
        assert_eq!(app.text("data-changes").await, "No changes");
        // The native input: visually hidden, still in the tab order, named.
        let input = app
            .js("const e = document.querySelector('[data-testid=import-file]'); const r = e.getBoundingClientRect(); return [r.width, r.height, e.tabIndex, e.labels.length]")
            .await;
        assert!(input[0].as_f64().unwrap() <= 1.0 && input[1].as_f64().unwrap() <= 1.0, "{input}");
        assert_eq!(input[2], 0);
        // The button people see, and its focus when the keyboard is on the input.
        let button = app.find("[data-testid=import-file-button]").await;
        assert_eq!(button.text().await.unwrap(), "Choose file");
        assert_eq!(app.text("import-chosen").await, "No file chosen");
        app.js("document.querySelector('[data-testid=import-file]').focus()").await;
        let bg = app
            .js("return getComputedStyle(document.querySelector('[data-testid=import-file-button]')).backgroundColor")
            .await;
        assert_eq!(bg, "rgb(255, 221, 0)", "the focus shows on the button");
        app.assert_accessible("the Data page").await;
        app.screenshot("data-1280").await;
    })
    .await;
}
