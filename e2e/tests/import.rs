//! Importing a CSV return that has unreadable rows, on the Data page: every refused row is
//! named by row and reason, Cancel changes nothing, and one click imports the readable rows and
//! names the rows left out.
//!
//! The data shown is core/tests/fixtures/returns-base.json (15 quarterly indicators, one
//! figure each for Q4 2018/19), served as the built-in data. The return is
//! core/tests/fixtures/returns-90-rows-4-unreadable.csv. The expected counts and messages below
//! are read off those two files by hand, not from the code.

use gt_e2e::{root, run, App, Options};
use std::path::PathBuf;
use std::sync::Arc;

/// Data rows in the return (rows 2 to 91).
const ROWS: usize = 90;
/// Its four unreadable rows, each with its reason, as the preview and the result name them.
const LEFT_OUT: [&str; 4] = [
    "Row 7, column \"actual\": \"9O.5\" is not a number",
    "Row 23, column \"period\": \"Q5 2019/20\" is not a period",
    "Row 48, column \"council\": indicator \"INV-01-LBN\" is for London Borough of Newham, not \"Hackney\"",
    "Row 80, column \"indicator_id\": blank: every row needs the indicator's id or name",
];
/// Figures in the base: one for each of its 15 indicators.
const BASE_FIGURES: usize = 15;

fn fixture(name: &str) -> PathBuf {
    root().join("core/tests/fixtures").join(name)
}

fn options() -> Options {
    let base = std::fs::read(fixture("returns-base.json")).unwrap();
    Options {
        overrides: vec![("data/onesource.json".into(), Some(base))],
        ..Options::default()
    }
}

/// Everything this page keeps in the browser (IndexedDB), in order.
async fn storage(app: &Arc<App>) -> Vec<(String, String)> {
    app.stored_all().await
}

/// The periods of an indicator's figures table, latest first, and the actual of each.
async fn figures(app: &Arc<App>, id: &str) -> Vec<(String, String)> {
    app.open(&format!("#/indicators/{id}")).await;
    app.find("[data-testid=page-heading]").await;
    let rows = app
        .js("return Array.from(document.querySelectorAll('[data-testid=figure-row]')).map(r => [r.dataset.period, r.querySelector('td').textContent.trim()])")
        .await;
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap().to_string(),
                r[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_return_with_4_unreadable_rows_in_90_imports_the_86_readable_rows_on_request() {
    run("import_readable_rows", options(), |app| async move {
        let csv = fixture("returns-90-rows-4-unreadable.csv");
        let text = std::fs::read_to_string(&csv).unwrap();
        assert_eq!(text.lines().count(), ROWS + 1, "the fixture's header and rows");
        let readable = ROWS - LEFT_OUT.len();

        let before_figures = figures(&app, "CT-01-LBH").await;
        assert_eq!(before_figures, vec![("2018-19-Q4".to_string(), "96.4%".to_string())]);
        app.open("#/data").await;
        assert_eq!(app.text("indicator-count").await, "15");
        let summary = app.text("data-summary").await;
        let stored = storage(&app).await;

        // The preview names every refused row, by row and reason, and offers the rest.
        app.upload("[data-testid=import-file]", &csv).await;
        let errors = app.text("import-errors").await;
        for m in LEFT_OUT {
            assert!(errors.contains(m), "{m}\n---\n{errors}");
        }
        assert!(
            errors.contains("4 problems were found. Nothing has been changed"),
            "{errors}"
        );
        assert_eq!(
            app.text("import-readable").await,
            format!("Import the {readable} readable rows and leave out these 4")
        );
        assert!(
            errors.contains(&format!("That leaves out rows 7, 23, 48, 80 and makes these changes: 15 indicators updated, {readable} values added.")),
            "{errors}"
        );
        app.js("document.querySelector('[data-testid=import-errors]').scrollIntoView()")
            .await;
        app.screenshot("readable-rows-offer").await;
        app.assert_accessible("the refused rows and the offer to import the others")
            .await;

        // Cancel: nothing changed, in the page or in storage.
        app.click("[data-testid=import-cancel]").await;
        app.wait_until("the preview closes", |c| async move {
            c.execute(
                "return !document.querySelector('[data-testid=import-errors]')",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
        })
        .await;
        assert_eq!(app.text("data-summary").await, summary);
        assert_eq!(storage(&app).await, stored);
        assert_eq!(figures(&app, "CT-01-LBH").await, before_figures);

        // Again, and import the readable rows in one click.
        app.open("#/data").await;
        app.upload("[data-testid=import-file]", &csv).await;
        app.click("[data-testid=import-readable]").await;
        let done = app.text("import-done").await;
        assert!(
            done.contains(&format!(
                "15 indicators with {} figures",
                BASE_FIGURES + readable
            )),
            "{done}"
        );
        assert!(
            done.contains(&format!(
                "{readable} rows of returns-90-rows-4-unreadable.csv were imported; 4 rows were left out:"
            )),
            "{done}"
        );
        for m in LEFT_OUT {
            assert!(done.contains(m), "{m}\n---\n{done}");
        }
        app.screenshot("readable-rows-imported").await;

        // The figures are there; the rows left out are not. CT-01-LBH: rows 2 to 6 in (Q1
        // 2019/20 to Q1 2020/21), row 7 (Q2 2020/21) out.
        let ct = figures(&app, "CT-01-LBH").await;
        assert_eq!(
            ct,
            [
                ("2020-21-Q1", "96.5%"),
                ("2019-20-Q4", "96.4%"),
                ("2019-20-Q3", "96.3%"),
                ("2019-20-Q2", "96.2%"),
                ("2019-20-Q1", "96.1%"),
                ("2018-19-Q4", "96.4%"),
            ]
            .map(|(p, a)| (p.to_string(), a.to_string()))
        );
        // Row 23 (HR-01-LBH, Q4 2019/20) and row 48 (INV-01-LBN, Q1 2020/21) are left out.
        let hr = figures(&app, "HR-01-LBH").await;
        assert_eq!(hr.len(), 6, "{hr:?}");
        assert!(!hr.iter().any(|(p, _)| p == "2019-20-Q4"), "{hr:?}");
        let inv = figures(&app, "INV-01-LBN").await;
        assert_eq!(inv.len(), 6, "{inv:?}");
        assert!(!inv.iter().any(|(p, _)| p == "2020-21-Q1"), "{inv:?}");
        // The last row of the file is in: HR-02-LBB (staff turnover, %), Q2 2020/21, 2.7.
        let last = figures(&app, "HR-02-LBB").await;
        assert_eq!(
            last.first(),
            Some(&("2020-21-Q2".to_string(), "2.7%".to_string()))
        );
        // And it stays after a reload (kept in this browser).
        app.reload().await;
        assert_eq!(figures(&app, "CT-01-LBH").await, ct);
    })
    .await;
}
